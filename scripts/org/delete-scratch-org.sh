#!/usr/bin/env bash
# Deletes the scratch org.
source "$(dirname "$0")/common.sh"

sf org delete scratch --target-org "$ORG" --no-prompt
