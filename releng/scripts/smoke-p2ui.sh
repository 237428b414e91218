#!/usr/bin/env bash
# The workbench's own Install menu: in a copy of the Upload Bridge product, under the build's X display,
# Help > Install New Software... on the build's p2 repository installs every feature there (Select All),
# p2 asks to trust the unsigned artifacts (Select All, Trust Selected) and then to restart, and the
# installation's bundle list and p2 profile have the firmware SDK (its conformance kit); the updated
# installation starts. Driven with xdotool by the dialogs' keyboard shortcuts alone.
# Run by the build after the products: smoke-p2ui.sh PRODUCT_DIR JAVA REPOSITORY_DIR SCREENSHOT_DIR
set -uo pipefail
product=$1 java=$2 repository=$3 shots=$4
work=$(mktemp -d)
workbench=
trap '[ -n "$workbench" ] && kill "$workbench" 2>/dev/null; rm -rf "$work"' EXIT
. "$(dirname "$0")/smoke-lib.sh"
if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null || ! command -v xwininfo >/dev/null; then
  echo "skip: the Install menu test needs a display, xdotool and xwininfo (./build.sh runs under xvfb-run)"
  exit 0
fi
mkdir -p "$shots"
shot() { command -v import >/dev/null && import -window root "$shots/$1.png" 2>/dev/null; }
window() { # title-pattern seconds: the id of the first window whose title matches, waiting up to seconds
  local id
  for _ in $(seq 1 $(($2 * 2))); do
    id=$(xdotool search --name "$1" 2>/dev/null | head -n 1)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.5
  done
  return 1
}

cp -r "$product" "$work/installed"
install=$work/installed configuration=$install/configuration workspace=$work/workspace label=upload-bridge
launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
vm_args=(-Dfelix.fileinstall.dir="$work/firmware")
app_args=()
"$java" "${vm_args[@]}" -jar "$launcher" -install "$install" -data "$workspace" -nosplash >"$work/workbench.log" 2>&1 &
workbench=$!
main=
for _ in $(seq 1 120); do # the main window: Upload Bridge's, larger than the workbench's hidden shells
  main=$(xwininfo -root -tree 2>/dev/null | grep -F '("Upload Bridge"' | grep -E ' [0-9]{3,}x[0-9]{3,}\+' \
    | grep -v -e '200x200' -e 'limbo' | awk '{print $1}' | head -n 1)
  [ -n "$main" ] && break
  sleep 0.5
done
check "the workbench opens" test -n "$main"
sleep 3
xdotool windowactivate --sync "$main" 2>/dev/null; xdotool windowfocus "$main"
xdotool key --window "$main" alt+h; sleep 1; xdotool key s
wizard=$(window '^Install' 30)
check "Help > Install New Software... opens p2's install wizard" test -n "$wizard"
sleep 3
xdotool type --delay 10 "file:$repository"; xdotool key Return
sleep 8; shot p2ui-1-available
xdotool key alt+s; sleep 1; shot p2ui-2-checked # Select All
xdotool key alt+n; sleep 8; shot p2ui-3-details
xdotool key alt+n; sleep 3; shot p2ui-4-licences
xdotool key alt+f
trust=$(window '^Trust Artifacts' 60)
check "p2 asks whether to trust the unsigned artifacts" test -n "$trust"
sleep 3 # laid out and shown before it takes clicks
xdotool key alt+s; sleep 1 # Select All
xdotool key alt+t           # Trust Selected
restart=$(window '^Software Updates' 120)
shot p2ui-5-restart
check "the install finishes and p2 asks for a restart" test -n "$restart"
check "the installation's bundle list has the SDK's conformance kit" \
  grep -q '^org.uploadbridge.firmware.tck,' "$install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"
check "p2's profile has the SDK feature" bash -c "zcat '$install'/p2/org.eclipse.equinox.p2.engine/profileRegistry/DefaultProfile.profile/*.profile.gz \
  | grep -q \"id='org.uploadbridge.sdk.feature.feature.group'\""
kill "$workbench" 2>/dev/null; wait "$workbench" 2>/dev/null; workbench=
app_args=(-application org.uploadbridge.cli.app)
run 0 "Upload Bridge 0.1.0" version
summary "install menu smoke test"
