#!/usr/bin/env bash
# Starts the built product headless, as a user would, and checks what it prints and its exit codes.
# Run by the build after the product is materialised:
# smoke-product.sh PRODUCT_DIR JAVA SAMPLES_DIR SAMPLE_FIRMWARE_JAR
set -uo pipefail
product=$1 java=$2 samples=$3 firmware_jar=$4
launcher=$(ls "$product"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$product/configuration" "$work/configuration"
mkdir -p "$work/firmware"
install=$product configuration=$work/configuration workspace=$work/workspace label=upload-bridge
vm_args=(-Dfelix.fileinstall.dir="$work/firmware")
app_args=(-application org.uploadbridge.cli.app)
. "$(dirname "$0")/smoke-lib.sh"

run 0 "Upload Bridge 0.1.0" version
run 0 "1 of 1 file(s) valid." validate "$samples/aurora_strip.bin"
run 1 "UB-P007" validate "$samples/raw-15x6-rows.bin"
run 0 "15x6 matrix x 15 frames" validate "$samples/raw-15x6-rows.bin" --size 15x6
run 2 "Unknown command: frobnicate" frobnicate
run 0 "8 of 8 confirmed by the devices' status" demo --dir "$work/demo"

# Simulated devices from the product itself, then the device commands against them (loopback only).
# The same workspace as the commands, as in the README's two terminals: the free edition does not
# count the devices a simulator of the workspace runs, so the 3-device upload needs no licence.
port=18600
cp -r "$product/configuration" "$work/configuration-sim"
"$java" -jar "$launcher" -install "$product" -configuration "$work/configuration-sim" -data "$work/workspace" \
  -nosplash -application org.uploadbridge.cli.app simulate --count 3 --first 127.48.0.1 --port $port --for 120 \
  >"$work/simulate.log" 2>&1 &
simulator=$!
for _ in $(seq 1 60); do
  grep -q "Simulating 3" "$work/simulate.log" 2>/dev/null && break
  sleep 0.5
done
run 0 "no pattern" status 127.48.0.1:$port
run 0 "1 of 1 device(s) confirmed the pattern." upload "$samples/meteor_curtain.bin" 127.48.0.1:$port
run 0 "3 of 3 device(s) confirmed the pattern." upload "$samples/aurora_strip.bin" 127.48.0.1:$port 127.48.0.2:$port 127.48.0.3:$port
run 0 "3 device(s)" scan 127.48.0.0/24 --port $port
run 1 "UB-V110" status 8.8.8.8
run 0 "Edition:      free (free)" license status

# Firmware bundles: the two of the product, then a third party's dropped into the firmware folder.
run 0 "2 firmware driver(s)." drivers
if [ -f "$firmware_jar" ]; then
  cp "$firmware_jar" "$work/firmware/"
  # The first start installs it (File Install) and the framework keeps it; later starts have it from the beginning.
  "$java" -Dfelix.fileinstall.dir="$work/firmware" -jar "$launcher" -install "$product" -configuration "$work/configuration" \
    -data "$work/workspace" -nosplash -application org.uploadbridge.cli.app drivers >/dev/null 2>&1
  run 0 "org.example.firmware.hello 0.1.0" drivers
  run 0 "(third party)" drivers
else
  echo "FAIL: the sample firmware bundle $firmware_jar is missing (the samples module builds it)"
  failures=$((failures + 2)) checks=$((checks + 2))
fi
kill "$simulator" 2>/dev/null
wait "$simulator" 2>/dev/null
summary "product smoke test"
