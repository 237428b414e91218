#!/usr/bin/env bash
# Builds every bundle, feature and product and runs all tests (unit, OSGi integration, UI under Xvfb).
# Usage: ./build.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")"
. releng/scripts/find-jdk.sh
ub_find_jdk
echo "Using JDK at $JAVA_HOME"
if command -v ip >/dev/null 2>&1 && ! ip link show lo 2>/dev/null | grep -q MULTICAST; then
  echo "note: loopback cannot multicast, so the mDNS discovery tests will be skipped."
  echo "  To run them: sudo ip link set lo multicast on"
fi
mvn_cmd=(./mvnw -B -e clean verify "$@")
if [ -z "${DISPLAY:-}" ]; then
  if ! command -v xvfb-run >/dev/null 2>&1; then
    echo "error: no DISPLAY and no xvfb-run: the workbench UI tests need an X display." >&2
    echo "  Install Xvfb (Debian/Ubuntu: apt-get install xvfb xauth) or run under a desktop session." >&2
    exit 1
  fi
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "${mvn_cmd[@]}"
fi
exec "${mvn_cmd[@]}"
