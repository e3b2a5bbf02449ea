#!/usr/bin/env bash
# Checkout with the full pricing pipeline and a coupon vs the same cart with no promotion, in one run (CheckoutAB.java),
# on the same throw-away app and database set-up as run-orders.sh.
# Usage: bench/run-checkout.sh [buyers per variant] [seconds per window]   (env as run-orders.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
DRIVER=CheckoutAB exec bench/run-orders.sh "${1:-2}" "${2:-8}"
