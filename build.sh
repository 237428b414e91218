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
  xvfb-run -a -s "-screen 0 1600x1000x24" "${mvn_cmd[@]}"
else
  "${mvn_cmd[@]}"
fi

# The README's main command, as a user runs it without a display: the headless tour must confirm
# its 8 uploads. The product was just built from these sources, so the launcher need not build it.
touch releng/org.uploadbridge.product/target/products/org.uploadbridge.product/linux/gtk/x86_64/upload-bridge/.built-from-sources
tour_home=$(mktemp -d)
trap 'rm -rf "$tour_home"' EXIT
if ! UPLOAD_BRIDGE_WORKSPACE="$tour_home/workspace" UPLOAD_BRIDGE_CONFIG="$tour_home/configuration" \
    env -u DISPLAY ./upload-bridge >"$tour_home/tour.log" 2>&1 || ! grep -q "8 of 8 confirmed" "$tour_home/tour.log"; then
  cat "$tour_home/tour.log" >&2
  echo "error: ./upload-bridge (the README's main command, headless) did not confirm 8 of 8 uploads" >&2
  exit 1
fi
echo "README main command (headless tour): $(grep -o '8 of 8 confirmed[^,]*' "$tour_home/tour.log")"
