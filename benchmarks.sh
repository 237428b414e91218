#!/usr/bin/env bash
# Runs the benchmarks full size and prints their figures (./build.sh runs only a small smoke of them).
# Usage: ./benchmarks.sh            figures also land in tests/org.uploadbridge.benchmarks/target/benchmarks/
set -euo pipefail
cd "$(dirname "$0")"
. releng/scripts/find-jdk.sh
ub_find_jdk
log=$(mktemp)
if ! ./mvnw -B verify -pl tests/org.uploadbridge.benchmarks -am -Dbenchmark.decode.mb=200 \
    -Dtest='*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "error: the benchmark build failed (full log: $log)" >&2
  exit 1
fi
cat tests/org.uploadbridge.benchmarks/target/benchmarks/*.txt
rm -f "$log"
