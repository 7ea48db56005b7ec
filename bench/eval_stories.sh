#!/usr/bin/env bash
# Scores story clustering (one default configuration) with ../shared/eval/stories_score.py on
# ECB+ (event level), Multi-News validation and BASIL (each event's three articles one story).
#   bench/eval_stories.sh [BUILD_DIR]   (default: build/release)
# Skips (exit 0) when ../shared is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
scorer="$shared/eval/stories_score.py"
data="$shared/data"
if [[ ! -f "$scorer" || ! -d "$data/stories" ]]; then
  echo "eval_stories: skipped ($shared not found)"
  exit 0
fi
build="${1:-$root/build/release}"
tool="$build/src/stories/parallax_eval_stories"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_eval_stories
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

run() {  # name input gold [tool flags...]
  local name="$1" input="$2" gold="$3"
  shift 3
  if [[ ! -f "$input" ]]; then
    echo "== $name: skipped ($input not found)"
    return
  fi
  echo "== $name"
  "$tool" "$input" "$out/$name.tsv" "$@"
  python3 "$scorer" "$gold" "$out/$name.tsv"
}

run ecbplus "$data/stories/ecbplus/documents.jsonl" "$data/stories/ecbplus/documents.jsonl"
# The scorer reads plain files: Multi-News gold is gunzipped first.
if [[ -f "$data/stories/multinews/val.jsonl.gz" ]]; then
  gzip -dc "$data/stories/multinews/val.jsonl.gz" > "$out/multinews_gold.jsonl"
  run multinews "$data/stories/multinews/val.jsonl.gz" "$out/multinews_gold.jsonl"
fi
run basil "$data/compare/basil/documents.jsonl" "$data/compare/basil/documents.jsonl"
