#!/usr/bin/env bash
# Shared settings for the org scripts. Override with environment variables:
#   TANDEM_ORG      alias of the scratch org        (default: tandem-dev)
#   TANDEM_DEVHUB   alias or username of the Dev Hub (default: the CLI's default Dev Hub)
#   TANDEM_DAYS     scratch org lifetime in days     (default: 7)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ORG="${TANDEM_ORG:-tandem-dev}"
DEVHUB="${TANDEM_DEVHUB:-}"
DAYS="${TANDEM_DAYS:-7}"
PERMISSION_SETS=(Tandem_Admin Tandem_Manager Tandem_User)

cd "$ROOT"

if ! command -v sf >/dev/null 2>&1; then
    echo "The Salesforce CLI (sf) is required: npm install --global @salesforce/cli" >&2
    exit 1
fi

devhub_flag() {
    if [[ -n "$DEVHUB" ]]; then
        printf -- '--target-dev-hub=%s' "$DEVHUB"
    fi
}
