#!/usr/bin/env bash
# Scores the entities stage on CoNLL-2003 eng.testa with ../shared/eval/entities_score.py.
#   bench/eval_entities.sh [BUILD_DIR]   (default: build/release)
# Skips (exit 0) when ../shared is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
gold="$shared/data/entities/conll2003/eng.testa"
scorer="$shared/eval/entities_score.py"
if [[ ! -f "$gold" || ! -f "$scorer" ]]; then
  echo "eval_entities: skipped ($gold not found)"
  exit 0
fi
build="${1:-$root/build/release}"
tool="$build/src/entities/parallax_eval_entities"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_eval_entities
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$tool" "$gold" "$out/pred.jsonl"
python3 "$scorer" score "$gold" "$out/pred.jsonl" --json "$out/score.json"
