#!/usr/bin/env bash
# Scores HTML article extraction on the ScrapingHub benchmark (181 pages) with
# ../shared/eval/extraction_score.py, and prints pages/s on one thread (files pre-read).
#   bench/eval_extraction.sh [BUILD_DIR] [REPEAT]   (default: build/release, 3)
# Use a Release build for the speed figure. Skips (exit 0) when ../shared is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
data="$shared/data/extraction/scrapinghub"
scorer="$shared/eval/extraction_score.py"
if [[ ! -d "$data/html" || ! -f "$scorer" ]]; then
  echo "eval_extraction: skipped ($data not found)"
  exit 0
fi
build="${1:-$root/build/release}"
repeat="${2:-3}"
tool="$build/src/html/parallax_eval_extraction"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_eval_extraction
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$tool" --html "$data/html" --out "$out/pred.json" --repeat "$repeat"
python3 "$scorer" "$data/ground-truth.json" "$out/pred.json" --name parallax \
  --per-doc "${PER_DOC:-$out/per_doc.tsv}"
