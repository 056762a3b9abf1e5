#!/usr/bin/env bash
# Creates a scratch org from config/project-scratch-def.json, deploys Tandem, assigns the permission sets
# and loads the demo data. The Dev Hub must have the `tandem` namespace linked (Setup > Namespace Registries).
source "$(dirname "$0")/common.sh"

# shellcheck disable=SC2046
sf org create scratch \
    --definition-file config/project-scratch-def.json \
    --alias "$ORG" \
    --set-default \
    --duration-days "$DAYS" \
    --wait 15 \
    $(devhub_flag)

bash "$ROOT/scripts/org/deploy.sh"
bash "$ROOT/scripts/org/assign-permission-sets.sh"
bash "$ROOT/scripts/org/load-demo-data.sh"
# A fresh install gates nothing: the admin's first stop is Tandem Setup, to turn the stage gates on.
echo "Pipeline review: $(tab_path Pipeline_Review)"
sf org open --target-org "$ORG" --path "$(tab_path Tandem_Setup)" || true
