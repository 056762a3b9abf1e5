#!/usr/bin/env bash
# Compiles the TypeScript components, proves the package holds no sources or tests, then deploys the package
# (force-app; .forceignore keeps .ts, tests and configs out) and the development-only demo data loader (dev,
# never part of a package version) to the org.
source "$(dirname "$0")/common.sh"

npm run build
sf project deploy start \
    --source-dir force-app \
    --source-dir dev \
    --target-org "$ORG" \
    --wait 30
