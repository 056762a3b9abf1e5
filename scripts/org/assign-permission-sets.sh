#!/usr/bin/env bash
# Gives the running user every Tandem role, so a developer can try each screen. Grant
# Tandem_Gate_Bypass only to integration and data-load users.
source "$(dirname "$0")/common.sh"

args=()
for permission_set in "${PERMISSION_SETS[@]}"; do
    args+=(--name "$permission_set")
done
sf org assign permset "${args[@]}" --target-org "$ORG"
