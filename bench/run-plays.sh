#!/usr/bin/env bash
# Group joins at a group's last seats and helps on one bargain with more helpers than cuts, each against the same
# app's trivial endpoint in the same run (PlaysBench.java), on the same throw-away app and database as run-orders.sh.
# Usage: bench/run-plays.sh [clients per burst] [seconds per play]   (env as run-orders.sh, plus GROUP_SIZE (10), HELPERS_NEEDED (10))
set -euo pipefail
cd "$(dirname "$0")/.."
DRIVER=PlaysBench exec bench/run-orders.sh "${1:-40}" "${2:-15}"
