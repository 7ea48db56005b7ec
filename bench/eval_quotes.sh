#!/usr/bin/env bash
# Scores the quotes stage on PolNeAR with ../shared/eval/quotes_score.py.
#   bench/eval_quotes.sh [SPLIT] [BUILD_DIR]   (SPLIT: dev (default) or train;
#                                                BUILD_DIR default: build/release)
# Extra arguments after BUILD_DIR go to the scorer (e.g. --json OUT.json).
# PARALLAX_EVAL_OUT=DIR keeps DIR/pred.jsonl (for bench/eval_quotes.py, the error analysis);
# PARALLAX_EVAL_NO_ENTITIES=1 skips the entities stage (PolNeAR scores local speaker spans only).
# PARALLAX_EVAL_LEARN_CUES=1 runs the quotes stage in learning mode (bench/quotes_cue_table.py);
# PARALLAX_EVAL_NO_CUE_TABLE=1 runs it without the learned cue table.
# Skips (exit 0) when ../shared is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
split="${1:-dev}"
gold="$shared/data/quotes/polnear/$split"
scorer="$shared/eval/quotes_score.py"
if [[ ! -d "$gold" || ! -f "$scorer" ]]; then
  echo "eval_quotes: skipped ($gold not found)"
  exit 0
fi
build="${2:-$root/build/release}"
shift $(( $# >= 2 ? 2 : $# ))
tool="$build/src/quotes/parallax_eval_quotes"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_eval_quotes
fi
out="${PARALLAX_EVAL_OUT:-$(mktemp -d)}"
mkdir -p "$out"
[[ -n "${PARALLAX_EVAL_OUT:-}" ]] || trap 'rm -rf "$out"' EXIT
"$tool" "$gold" "$out/pred.jsonl" ${PARALLAX_EVAL_NO_ENTITIES:+--no-entities} \
  ${PARALLAX_EVAL_LEARN_CUES:+--learn-cues} ${PARALLAX_EVAL_NO_CUE_TABLE:+--no-cue-table}
python3 "$scorer" "$gold" "$out/pred.jsonl" "$@"
