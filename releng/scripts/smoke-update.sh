#!/usr/bin/env bash
# The headless product: it runs (version, a status against a device it simulates itself), then the
# p2 director installs the WLED firmware feature into a copy of it from the build's p2 repository,
# and the copy lists the WLED driver. Run by the build after the products are materialised:
# smoke-update.sh HEADLESS_PRODUCT_DIR JAVA REPOSITORY_DIR TYCHO_VERSION
set -uo pipefail
product=$1 java=$2 repository=$3 tycho=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
simulator=
trap '[ -n "$simulator" ] && kill "$simulator" 2>/dev/null; rm -rf "$work"' EXIT
cp -r "$product" "$work/installed"
launcher=$(ls "$work/installed"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
install=$work/installed configuration=$work/installed/configuration workspace=$work/workspace label=upload-bridge-headless
vm_args=(-Dfelix.fileinstall.dir="$work/firmware")
app_args=()
. "$(dirname "$0")/smoke-lib.sh"

run 0 "Upload Bridge 0.1.0" version
simulate 127.48.9.1 18610 "$work/simulate.log"
run 0 "no pattern" status 127.48.9.1:18610
run 0 "1 firmware driver(s)." drivers

# The p2 director (Tycho's, so the product needs no p2 bundles of its own) adds the WLED feature.
checks=$((checks + 1))
if (cd "$work" && "$root/mvnw" -B -q org.eclipse.tycho:tycho-p2-director-plugin:"$tycho":director \
    -Ddestination="$work/installed" -Dprofile=DefaultProfile -Drepositories="file:$repository" \
    -DinstallIUs=org.uploadbridge.firmware.wled.feature.feature.group) >"$work/director.log" 2>&1; then
  echo "ok:   p2 director installed org.uploadbridge.firmware.wled.feature from $repository"
else
  echo "FAIL: the p2 director could not install the WLED feature; it printed:"
  sed 's/^/    /' "$work/director.log"
  failures=$((failures + 1))
fi
run 0 "org.uploadbridge.firmware.wled" drivers
run 0 "2 firmware driver(s)." drivers

summary "update smoke test"
