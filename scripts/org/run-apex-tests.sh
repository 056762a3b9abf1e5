#!/usr/bin/env bash
# Runs every local Apex test with code coverage; results (JUnit and JSON) land in artifacts/apex-tests.
# Fails when a test fails or org-wide coverage is under 75%, the floor a managed package version needs.
source "$(dirname "$0")/common.sh"

mkdir -p artifacts/apex-tests
sf apex run test \
    --target-org "$ORG" \
    --test-level RunLocalTests \
    --code-coverage \
    --detailed-coverage \
    --result-format human \
    --output-dir artifacts/apex-tests \
    --wait 30

coverage=$(node -e "
const fs = require('fs');
const file = fs.readdirSync('artifacts/apex-tests').find((f) => /^test-result-.*\.json$/.test(f) && !f.includes('codecoverage'));
const result = JSON.parse(fs.readFileSync('artifacts/apex-tests/' + file, 'utf8'));
console.log(parseFloat(result.summary.orgWideCoverage || result.summary.testRunCoverage || '0'));
")
echo "Org-wide Apex coverage: ${coverage}%"
node -e "process.exit(${coverage} >= 75 ? 0 : 1)" || { echo "Coverage is under 75%" >&2; exit 1; }
