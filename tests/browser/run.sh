#!/usr/bin/env bash
# Runs the browser test of `parallax serve` (serve_test.mjs): playwright-core from npm (npm ci
# into the build folder, never a downloaded browser) driving Debian's /usr/bin/chromium.
# Usage: tests/browser/run.sh PARALLAX_BIN ARTIFACT_DIR
# Exit: 0 passed, 1 failed, 77 skipped (no Chromium or no Node: scripts/install-deps.sh --browser).
set -euo pipefail
BIN=$(realpath "$1")
ARTIFACTS=$(realpath -m "${2:-$(dirname "$BIN")/test-artifacts/browser}")
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$CHROMIUM" ]]; then
  echo "SKIP: $CHROMIUM is not installed (scripts/install-deps.sh --browser installs it)"
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: node and npm are needed for the browser test (scripts/install-deps.sh --browser)"
  exit 77
fi
# node_modules live beside the artifacts, not in the source tree; npm ci only when the lock
# file changed.
NODE_DIR="$(dirname "$ARTIFACTS")/browser-node"
mkdir -p "$NODE_DIR" "$ARTIFACTS"
cp "$HERE/package.json" "$HERE/package-lock.json" "$HERE/serve_test.mjs" "$NODE_DIR/"
if ! cmp -s "$HERE/package-lock.json" "$NODE_DIR/node_modules/.parallax-lock" 2>/dev/null; then
  (cd "$NODE_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp "$HERE/package-lock.json" "$NODE_DIR/node_modules/.parallax-lock"
fi
cd "$NODE_DIR"
PARALLAX_BIN="$BIN" PARALLAX_SOURCE_DIR="$SRC" ARTIFACTS="$ARTIFACTS" CHROMIUM="$CHROMIUM" \
  exec node serve_test.mjs
