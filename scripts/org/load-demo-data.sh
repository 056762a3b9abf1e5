#!/usr/bin/env bash
# Loads demo accounts, contacts, opportunities and plans in every state into the org with anonymous Apex,
# as the running user (Tandem_Gate_Bypass is assigned for the load and removed afterwards).
source "$(dirname "$0")/common.sh"

sf org assign permset --name Tandem_Gate_Bypass --target-org "$ORG"
sf apex run --file scripts/apex/load-demo-data.apex --target-org "$ORG"
echo "Demo data loaded. The stage gates are off until you turn them on from the Tandem Setup tab ($(tab_path Tandem_Setup));"
echo "then remove Tandem_Gate_Bypass from your user (Setup > Permission Set Assignments) to be blocked by them."
