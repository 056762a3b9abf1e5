#!/usr/bin/env bash
# Loads demo accounts, contacts, opportunities and plans in every state into the org with anonymous Apex,
# as the running user (Tandem_Gate_Bypass is assigned for the load and removed afterwards).
source "$(dirname "$0")/common.sh"

sf org assign permset --name Tandem_Gate_Bypass --target-org "$ORG"
sf apex run --file scripts/apex/load-demo-data.apex --target-org "$ORG"
echo "Demo data loaded. Remove the bypass from your user in Setup > Permission Set Assignments to see the gates."
