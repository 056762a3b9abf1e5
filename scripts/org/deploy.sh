#!/usr/bin/env bash
# Compiles the TypeScript components, proves the package holds no sources or tests, then deploys the source
# (.forceignore keeps .ts, tests and configs out) to the org.
source "$(dirname "$0")/common.sh"

npm run build
sf project deploy start \
    --source-dir force-app \
    --target-org "$ORG" \
    --wait 30
