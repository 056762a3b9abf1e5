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

# The project's own CLI and Node (the versions package.json pins, installed by npm install), ahead of any
# global sf or system node, also when a script is run directly with bash rather than through npm run.
if [[ ! -x "$ROOT/node_modules/.bin/sf" || ! -x "$ROOT/node_modules/.bin/node" ]]; then
    echo "The project's Salesforce CLI is not installed: run npm install in $ROOT first." >&2
    exit 1
fi
export PATH="$ROOT/node_modules/.bin:$PATH"
hash -r
# The CLI's version is pinned in package.json: upgrade it there, not with the update notice's global install.
export SF_SKIP_NEW_VERSION_CHECK=true

# The package namespace of sfdx-project.json. A scratch org created from this project is namespaced (unless created
# with --no-namespace: Salesforce DX Developer Guide, "Create Scratch Orgs"), so its custom tabs are reached as
# lightning/n/<namespace>__<Tab>.
NAMESPACE="$(node -p "require('./sfdx-project.json').namespace || ''")"

# The URL path of one of the package's custom tabs in the scratch org: tab_path Tandem_Setup.
tab_path() {
    local prefix=""
    if [[ -n "$NAMESPACE" ]]; then
        prefix="${NAMESPACE}__"
    fi
    printf 'lightning/n/%s%s' "$prefix" "$1"
}

devhub_flag() {
    if [[ -n "$DEVHUB" ]]; then
        printf -- '--target-dev-hub=%s' "$DEVHUB"
    fi
}
