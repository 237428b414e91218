#!/usr/bin/env bash
# The sample studio distribution: built by ./studio-build from a copy of releng/studio-sample (its
# licence key replaced by one made here, as a studio makes its own), unpacked from its archive, and
# checked: its branding, its preset devices and settings, its firmware, a status against a device it
# simulates itself, and licences: the studio's key is accepted, another vendor's refused.
# Run by the build after the products: smoke-studio.sh JAVA REPOSITORY_DIR
set -uo pipefail
java=$1 repository=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
simulator=
trap '[ -n "$simulator" ] && kill "$simulator" 2>/dev/null; rm -rf "$work"' EXIT
. "$(dirname "$0")/smoke-lib.sh"

# A studio's workflow: its key pair, its one file, one command.
export LICENCE_TOOL_NO_BUILD=1
"$root/licence-tool" keygen --out "$work/studio-keys" >/dev/null
"$root/licence-tool" keygen --out "$work/other-keys" >/dev/null
mkdir -p "$work/studio" && cp -r "$root/releng/studio-sample/icons" "$root/releng/studio-sample/studio.json" "$work/studio/"
key=$(tr -d '\n' <"$work/studio-keys/vendor.pub")
sed -i "s|\"licencePublicKey\": *\"[^\"]*\"|\"licencePublicKey\": \"$key\"|" "$work/studio/studio.json"
check "the studio file carries the studio's new key" grep -qF "$key" "$work/studio/studio.json"
# A studio file with mistakes: every one is listed with what to do, and nothing is built.
mkdir -p "$work/broken" && cp -r "$work/studio/icons" "$work/broken/"
sed -e 's|"version": "1.0.0"|"version": "1.0"|' -e 's|icons/lumen-64.png|icons/missing.png|' \
  -e 's|"licencePublicKey": *"[^"]*"|"licencePublicKey": "not-a-key"|' -e 's|"10.20.0.12 Stage right"|"10.20.0.12:99999 Stage right"|' \
  "$work/studio/studio.json" >"$work/broken/studio.json"
check "./studio-build refuses a broken studio file, listing its 4 problems, and builds nothing" bash -c "
  out=\$('$root/studio-build' '$work/broken/studio.json' --repository '$repository' --out '$work/broken-out' 2>&1); code=\$?
  echo \"\$out\"; [ \$code = 2 ] && grep -qF 'has 4 problem(s)' <<<\"\$out\" && grep -qF '\"version\" is \"1.0\": it must be three numbers' <<<\"\$out\" \
    && grep -qF 'icons/missing.png' <<<\"\$out\" && grep -qF 'not an Ed25519 public key' <<<\"\$out\" \
    && grep -qF '10.20.0.12:99999 Stage right' <<<\"\$out\" && [ ! -e '$work/broken-out/reactor/pom.xml' ]"
check "./studio-build builds the distribution" "$root/studio-build" "$work/studio/studio.json" --repository "$repository" --out "$work/out"
archive=$(ls "$work"/out/lumen-bridge-1.0.0-linux.gtk.x86_64.tar.gz 2>/dev/null)
check "its archive is lumen-bridge-1.0.0-linux.gtk.x86_64.tar.gz" test -n "$archive"
check "and it is archived for Windows and macOS too" \
  test -f "$work/out/lumen-bridge-1.0.0-win32.win32.x86_64.zip" -a -f "$work/out/lumen-bridge-1.0.0-macosx.cocoa.aarch64.tar.gz"
mkdir -p "$work/unpacked" && tar -xzf "${archive:-/dev/null}" -C "$work/unpacked" 2>/dev/null
install=$work/unpacked/lumen-bridge
branding=$(ls "$install"/plugins/com.lumenworks.bridge.branding_*.jar 2>/dev/null | head -n 1)
check "the branding bundle names the product, its about text and window images" \
  bash -c "unzip -p '$branding' plugin.xml | grep -F 'name=\"Lumen Bridge\"' && unzip -p '$branding' plugin.xml | grep -F 'Show control for Lumenworks' \
    && unzip -p '$branding' plugin.xml | grep -F 'icons/lumen-16.png,icons/lumen-32.png,icons/lumen-64.png,icons/lumen-128.png' \
    && [ \"\$(unzip -l '$branding' 'icons/lumen-*.png' | grep -c png)\" = 4 ]"
check "config.ini starts the Lumen Bridge product" \
  grep -qxF -e "eclipse.product=com.lumenworks.bridge.branding.product" "$install/configuration/config.ini"
check "its start script runs a command" bash -c "JAVA_HOME='$(dirname "$(dirname "$java")")' JAVA_TOOL_OPTIONS=-Duser.home='$work/home' \
  '$install/lumen-bridge' version 2>&1 | grep -F 'Lumen Bridge 1.0.0.'"

launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
configuration=$work/configuration workspace=$work/workspace label=lumen-bridge
cp -r "$install/configuration" "$configuration"
vm_args=(-Dfelix.fileinstall.dir="$work/firmware")
app_args=(-application org.uploadbridge.cli.app)
# First start on a fresh workspace: the preset devices and settings come from the branding bundle.
run 0 "Lumen Bridge 1.0.0." version
run 0 "(Upload Bridge 0.1.0." version
run 0 "  1. Stage left               10.20.0.11:80" devices
run 0 "  4. Truss 2                  10.20.0.22:8080" devices
run 0 "  quota.uploadsPerHour = 120" settings org.uploadbridge.resilience
run 0 "  upload.maxMs = 60000" settings org.uploadbridge.resilience.timeouts
run 0 "2 firmware driver(s)." drivers
simulate 127.48.10.1 18620 "$work/simulate.log"
run 0 "no pattern" status 127.48.10.1:18620

# Licences: only the studio's key signs one this distribution accepts.
"$java" -jar "$launcher" -install "$install" -configuration "$configuration" -data "$workspace" -nosplash \
  -application org.uploadbridge.cli.app license fingerprint 2>/dev/null | grep '^ubfp1:' >"$work/fingerprint"
for who in studio other; do
  "$root/licence-tool" issue --key "$work/$who-keys/vendor.key" --id "LB-$who-1" --licensee "Lumenworks Stage Crew" \
    --edition Studio --max-devices 40 --fleet --fingerprint "@$work/fingerprint" --out "$work/$who-licence.json" >/dev/null
done
run 1 "UB-L002" license install "$work/other-licence.json"
run 0 "Edition:      free" license status
run 0 "Studio" license install "$work/studio-licence.json"
run 0 "Lumenworks Stage Crew" license status

# The workbench: its main window has the studio's name and window images (the 128 px one is the studio's only).
if [ -n "${DISPLAY:-}" ] && command -v xwininfo >/dev/null && command -v xprop >/dev/null; then
  "$java" -jar "$launcher" -install "$install" -configuration "$configuration" -data "$workspace" -nosplash >"$work/workbench.log" 2>&1 &
  workbench=$!
  window=
  for _ in $(seq 1 120); do
    window=$(xwininfo -root -tree 2>/dev/null | grep -E '[0-9]{3,}x[0-9]{3,}\+' | grep -F '("Lumen Bridge"' | grep -v -e '200x200' -e 'limbo' | awk '{print $1}' | head -n 1)
    [ -n "$window" ] && xprop -id "$window" WM_NAME 2>/dev/null | grep -qF '"Lumen Bridge' && break
    sleep 0.5
  done
  check "the workbench window is titled Lumen Bridge" bash -c "xprop -id '${window:-0}' WM_NAME | grep -F '= \"Lumen Bridge'"
  check "the workbench window has the studio's window images" \
    bash -c "xprop -id '${window:-0}' _NET_WM_ICON | grep -c -e 'Icon (16 x 16)' -e 'Icon (32 x 32)' -e 'Icon (64 x 64)' -e 'Icon (128 x 128)' | grep -qx 4"
  kill "$workbench" 2>/dev/null; wait "$workbench" 2>/dev/null
else
  echo "skip: the workbench window checks need a display and xwininfo/xprop (./build.sh runs under xvfb-run)"
fi

summary "studio smoke test"
