#!/usr/bin/env bash
# The HTML visible-text differential against libxml2 on all 181 ScrapingHub benchmark pages:
# every page identical, at the flat and the block level, after the oracle's named rules
# (src/html/libxml_oracle.h). The tool is found in the build tree of the parallax binary ($1 is
# <build>/apps/cli/parallax). Skips when ../shared is absent.
source "$(dirname "$0")/lib.sh"
data="$SHARED/data/extraction/scrapinghub/html"
if [[ ! -d "$data" ]]; then
  echo "skipped: $data not found"
  exit 0
fi
tool="$(dirname "$BIN")/../../src/html/parallax_html_diff"
[[ -x "$tool" ]] || { fail "$tool not found (target parallax_html_diff is built with all)"; finish; }
pages=$(find "$data" -maxdepth 1 \( -name '*.html' -o -name '*.html.gz' \) | wc -l)
for level in "" --blocks; do
  "$tool" "$data" $level > "$WORK/out.txt" 2> "$WORK/err.txt"
  code=$?
  summary=$(tail -n 1 "$WORK/out.txt")
  [[ $code -eq 0 ]] || fail "html_diff ${level:-(flat)}: exit $code: $summary $(head -c 2000 "$WORK/out.txt") $(head -c 400 "$WORK/err.txt")"
  [[ "$summary" == "$pages pages, $pages identical, 0 differ" ]] ||
    fail "html_diff ${level:-(flat)}: expected all $pages pages identical, got: $summary"
done
finish
