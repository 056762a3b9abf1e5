#!/usr/bin/env bash
# Builds a new managed package version (versionNumber x.y.z.NEXT, ancestor HIGHEST) with code coverage
# computed, so it can be promoted. Run scripts/org/create-package.sh once first.
source "$(dirname "$0")/common.sh"

if ! node -e "process.exit(require('./sfdx-project.json').packageAliases?.Tandem ? 0 : 1)"; then
    echo "sfdx-project.json has no package alias for Tandem: run scripts/org/create-package.sh first." >&2
    exit 1
fi

npm run build
# shellcheck disable=SC2046
sf package version create \
    --package Tandem \
    --code-coverage \
    --installation-key-bypass \
    --definition-file config/project-scratch-def.json \
    --wait 60 \
    $(devhub_flag)
echo "Promote a tested version with: npx sf package version promote --package \"Tandem@x.y.z-n\""
