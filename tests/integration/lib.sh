# Shared helpers for integration tests: source it, then call `fail`/`expect_*`.
# Each test script gets the parallax binary as $1 and PARALLAX_SOURCE_DIR in the environment.
set -u
BIN="$1"
SRC="${PARALLAX_SOURCE_DIR:?}"
SHARED="$SRC/../shared"
WORK=$(mktemp -d)
trap 'chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_contains() {  # file needle description
  grep -qF -- "$2" "$1" || fail "$3: expected '$2' in $(basename "$1"): $(head -c 400 "$1")"
}
finish() {  # ends the script: 1 when any check failed, else 0
  if ((failures > 0)); then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
  exit 0
}
