#!/usr/bin/env bash
# Differential test of our HTML visible text against libxml2 on the ScrapingHub benchmark pages
# (181): the flat visible text, then the block-level form (--blocks). Prints each differing page
# with context, how many pages each normalisation rule of src/html/libxml_oracle.h was needed on,
# and "N pages, M identical, K differ". Exit 1 when any page differs.
#   bench/html_diff.sh [BUILD_DIR]   (default: build/release)
# Skips (exit 0) when ../shared is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
data="$shared/data/extraction/scrapinghub/html"
if [[ ! -d "$data" ]]; then
  echo "html_diff: skipped ($data not found)"
  exit 0
fi
build="${1:-$root/build/release}"
tool="$build/src/html/parallax_html_diff"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_html_diff
fi
status=0
echo "== flat visible text"
"$tool" "$data" || status=1
echo "== block-level visible text"
"$tool" "$data" --blocks || status=1
exit "$status"
