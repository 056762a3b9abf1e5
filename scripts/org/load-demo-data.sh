#!/usr/bin/env bash
# Loads demo accounts, contacts, opportunities and plans in every state into the org with anonymous Apex,
# as the running user (Tandem_Gate_Bypass is assigned for the load and removed afterwards).
#   npm run org:demo-data                                  every deal stays with you (scripts/apex/load-demo-data.apex)
#   npm run org:demo-data -- ae1@example.com ae2@example.com ...
#                                                          the deals go to these active users, by the loader's seats
#                                                          (three enterprise, then three mid-market account executives;
#                                                          dev/main/classes/TandemDemoData.cls), in the order given
source "$(dirname "$0")/common.sh"

apex_file=scripts/apex/load-demo-data.apex
if [[ $# -gt 0 ]]; then
    # The team's Ids by username, in the order given; an unknown username stops the load before any change.
    apex_file="$(mktemp "${TMPDIR:-/tmp}/tandem-demo-XXXXXX.apex")"
    trap 'rm -f "$apex_file"' EXIT
    usernames=""
    for username in "$@"; do
        usernames+="${usernames:+, }'${username//\'/\\\'}'"
    done
    cat >"$apex_file" <<APEX
List<String> usernames = new List<String>{ $usernames };
Map<String, Id> idByUsername = new Map<String, Id>();
for (User member : [SELECT Id, Username FROM User WHERE Username IN :usernames]) {
    idByUsername.put(member.Username.toLowerCase(), member.Id);
}
List<Id> team = new List<Id>();
for (String username : usernames) {
    if (!idByUsername.containsKey(username.toLowerCase())) {
        throw new TandemDemoData.DemoDataException('No user ' + username + ' in this org. Nothing was changed.');
    }
    team.add(idByUsername.get(username.toLowerCase()));
}
TandemDemoData.load(team);
APEX
fi

sf org assign permset --name Tandem_Gate_Bypass --target-org "$ORG"
sf apex run --file "$apex_file" --target-org "$ORG"
echo "Demo data loaded. The stage gates are off until you turn them on from the Tandem Setup tab ($(tab_path Tandem_Setup));"
echo "then remove Tandem_Gate_Bypass from your user (Setup > Permission Set Assignments) to be blocked by them."
