# Sourced by the CLI scenarios: the checks they print and count. The scenario sets RUN (its
# scratch directory) before the first check and reads $passed and $failed at the end.
passed=0
failed=0

check() {  # check NAME COMMAND...: passes when the command succeeds
  local name=$1; shift
  if "$@" >"$RUN/check.out" 2>&1; then
    passed=$((passed + 1)); echo "ok   - $name"
  else
    failed=$((failed + 1)); echo "FAIL - $name"; sed 's/^/       /' "$RUN/check.out" | head -20
  fi
}

has() {  # has PATTERN COMMAND...: the command succeeds and prints PATTERN
  local pattern=$1; shift
  local out
  out=$("$@" 2>&1) || { echo "$out"; return 1; }
  grep -q -- "$pattern" <<<"$out" || { echo "expected '$pattern' in:"; echo "$out"; return 1; }
}

lacks() {  # lacks PATTERN COMMAND...: the command succeeds and does not print PATTERN
  local pattern=$1; shift
  local out
  out=$("$@" 2>&1) || { echo "$out"; return 1; }
  ! grep -q -- "$pattern" <<<"$out" || { echo "did not expect '$pattern' in:"; echo "$out"; return 1; }
}

fails() {  # fails COMMAND...: the command fails
  ! "$@"
}
