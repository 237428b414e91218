#!/usr/bin/env bash
# Runs the benchmarks full size and prints their figures (./build.sh runs only a small smoke of them):
# decode + validate of a 200 MB pattern against plain reads; one 64 MB upload against curl -F;
# 500 simulated devices against one; a scan of a loopback /22 with 64 live devices against nmap;
# 30 s of DDP streaming of a 1,000-LED pattern to a simulated WLED (fps and frame-interval jitter).
# Usage: ./benchmarks.sh            figures also land in tests/org.uploadbridge.benchmarks/target/benchmarks/
set -euo pipefail
cd "$(dirname "$0")"
. releng/scripts/find-jdk.sh
ub_find_jdk
if ! command -v nmap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing nmap (Debian package) for the scan baseline..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nmap >/dev/null 2>&1 || echo "  could not install nmap: the scan runs without its baseline"
  else
    echo "nmap is not installed (apt-get install nmap): the scan runs without its baseline"
  fi
fi
log=$(mktemp)
if ! ./mvnw -B verify -pl tests/org.uploadbridge.benchmarks -am -Dbenchmark.decode.mb=200 -Dbenchmark.upload.mb=64 \
    -Dbenchmark.fleet.devices=500 -Dbenchmark.scan.prefix=22 -Dbenchmark.fault.uploads=1000 -Dbenchmark.ddp.seconds=30 \
    -Dtest='*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "error: the benchmark build failed (full log: $log)" >&2
  exit 1
fi
cat tests/org.uploadbridge.benchmarks/target/benchmarks/*.txt
rm -f "$log"
