#!/usr/bin/env bash
# The Windows x86_64 and macOS aarch64 products, which this Linux machine cannot show: each is archived,
# carries its own platform's SWT (and not GTK's) in its bundle list, and its command line runs here
# (version, and both firmware drivers): everything but the native windowing is complete.
# Run by the build after the products: smoke-platforms.sh PRODUCTS_DIR JAVA
set -uo pipefail
products=$1 java=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/smoke-lib.sh"

# environment (os.ws.arch) : installation folder : archive format : SWT fragment (ws.os.arch)
for platform in win32.win32.x86_64:upload-bridge:zip:org.eclipse.swt.win32.win32.x86_64 \
    macosx.cocoa.aarch64:upload-bridge.app/Contents/Eclipse:tar.gz:org.eclipse.swt.cocoa.macosx.aarch64; do
  IFS=: read -r environment folder format swt <<<"$platform"
  check "$environment: archived as upload-bridge-*-$environment.$format" bash -c "ls '$products'/upload-bridge-*-$environment.$format"
  install=$products/org.uploadbridge.product/${environment//./\/}/$folder
  bundles=$install/configuration/org.eclipse.equinox.simpleconfigurator/bundles.info
  check "$environment: its bundle list has $swt" grep -q "^$swt," "$bundles"
  check "$environment: and no GTK" bash -c "! grep -q '^org.eclipse.swt.gtk' '$bundles'"
  launcher=$(ls "$install"/plugins/org.eclipse.equinox.launcher_*.jar | head -n 1)
  configuration=$work/$environment/configuration workspace=$work/$environment/workspace label="upload-bridge ($environment)"
  mkdir -p "$work/$environment" && cp -r "$install/configuration" "$configuration"
  vm_args=(-Dfelix.fileinstall.dir="$work/$environment/firmware")
  app_args=(-application org.uploadbridge.cli.app)
  run 0 "Upload Bridge 0.1.0" version
  run 0 "2 firmware driver(s)." drivers
done
summary "platforms smoke test"
