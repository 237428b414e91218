# Shared by the smoke tests: runs a product command, checks its exit code and output, counts failures.
# The caller sets: java, launcher, install (the product folder), configuration, workspace, label,
# vm_args and app_args (arrays, may be empty: JVM options, and what goes before the command).
failures=${failures:-0}
checks=${checks:-0}

run() { # expected-exit, expected-text, args...
  local expected=$1 text=$2; shift 2
  local output code
  checks=$((checks + 1))
  output=$("$java" "${vm_args[@]}" -jar "$launcher" -install "$install" -configuration "$configuration" \
    -data "$workspace" -nosplash "${app_args[@]}" "$@" 2>&1)
  code=$?
  if [ "$code" != "$expected" ] || ! grep -qF -- "$text" <<<"$output"; then
    echo "FAIL: $label $* exited $code (expected $expected) or lacks '$text'; it printed:"
    echo "$output" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok:   $label $*  -> exit $code"
  fi
}

summary() { # name of the smoke test
  if [ "$failures" -eq 0 ]; then echo "$1: all $checks checks passed"; else echo "$1: $failures of $checks checks failed"; fi
  [ "$failures" -eq 0 ]
}
