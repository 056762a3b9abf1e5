#!/usr/bin/env bash
# Schedules Tandem's daily follow-up job (seller reminders, stale alerts, buyer reminder emails, the managers'
# Monday digest) at 6:00 every day in the running user's time zone, replacing an earlier schedule. The Tandem
# Setup tab does the same from the org, and shows when it runs next.
#   npm run org:follow-up
source "$(dirname "$0")/common.sh"

sf apex run --file scripts/apex/schedule-follow-up.apex --target-org "$ORG"
echo "The daily follow-up is scheduled. See it, run it now or change its hour on the Tandem Setup tab ($(tab_path Tandem_Setup))."
