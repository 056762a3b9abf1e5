#!/usr/bin/env bash
# Once per Dev Hub: registers the Tandem managed package and writes its 0Ho id into sfdx-project.json.
source "$(dirname "$0")/common.sh"

# shellcheck disable=SC2046
sf package create \
    --name Tandem \
    --package-type Managed \
    --path force-app \
    --description "Mutual action plans native to Salesforce" \
    $(devhub_flag)
