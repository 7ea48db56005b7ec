#!/usr/bin/env bash
# Installs the Debian 12 packages parallax builds and tests with, when any is missing.
# Usage: scripts/install-deps.sh [--fuzz] [--browser]
#   --fuzz     adds clang and libFuzzer's runtime
#   --browser  adds what the tests of `parallax serve` use: Debian's Chromium (driven headless by
#              playwright-core from npm; no browser is ever downloaded), curl, wrk (bench/serve_load.sh),
#              and Node.js + npm when no `node` is on the PATH
# Runs apt-get as root, or through sudo when not root. Does nothing when all are present.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3 clang-format
  libicu-dev zlib1g-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libxxhash-dev libutf8proc-dev libstemmer-dev libcld2-dev libxml2-dev libisal-dev
  libgoogle-perftools-dev
  libsqlite3-dev sqlite3 libcpp-httplib-dev iso-codes wordnet-base python3-jsonschema
  libgtest-dev libgmock-dev libbenchmark-dev time
)
for arg in "$@"; do
  case "$arg" in
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    --browser)
      packages+=(chromium curl wrk)
      command -v node >/dev/null || packages+=(nodejs npm)
      ;;
    *) echo "usage: $0 [--fuzz] [--browser]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "parallax: installing ${missing[*]}" >&2
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "parallax: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
