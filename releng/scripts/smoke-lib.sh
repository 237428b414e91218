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

check() { # description, command...: passes when the command exits 0; prints its output when it does not
  local what=$1 log
  shift
  checks=$((checks + 1))
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    echo "ok:   $what"
  else
    echo "FAIL: $what"
    sed 's/^/    /' "$log"
    failures=$((failures + 1))
  fi
  rm -f "$log"
}

simulate() { # first-address port log: one simulated classic device, run by the product under test, until it
  # serves (at most 30 s); its process id is left in $simulator for the caller's clean-up
  local first=$1 port=$2 log=$3
  "$java" "${vm_args[@]}" -jar "$launcher" -install "$install" -configuration "$configuration-sim" -data "$workspace-sim" \
    -nosplash "${app_args[@]}" simulate --count 1 --first "$first" --port "$port" --for 120 >"$log" 2>&1 &
  simulator=$!
  for _ in $(seq 1 60); do
    grep -q "Simulating 1" "$log" 2>/dev/null && break
    sleep 0.5
  done
}

summary() { # name of the smoke test
  if [ "$failures" -eq 0 ]; then echo "$1: all $checks checks passed"; else echo "$1: $failures of $checks checks failed"; fi
  [ "$failures" -eq 0 ]
}
