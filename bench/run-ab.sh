#!/usr/bin/env bash
# A/B of two builds in one run: the same driver against jar A, then jar B (e.g. the last landed build and this one),
# so a change's cost is read as B's ratios against A's, both measured on this machine in the same minutes.
# Usage: bench/run-ab.sh A.jar B.jar [http|orders] [driver args...]
set -euo pipefail
cd "$(dirname "$0")/.."
a=$1; b=$2; which=${3:-http}; shift 3 || shift $#
for jar in "$a" "$b"; do
  echo "=== $which: $jar"
  JAR=$jar "bench/run-$which.sh" "$@"
done
