#!/usr/bin/env bash
# Paraphrase identification (compare stage similarity) on pairs in the MRPC layout, scored with
# ../shared/eval/paraphrase_score.py on the whole file, on the tuning part the committed model
# was fitted on (every 2nd pair: index % 2 == 0) and on the rest, which it never saw.
#   bench/eval_mrpc.sh [PAIRS.tsv [PRED.tsv]]
#     PAIRS.tsv  default: ../shared/data/compare/mrpc/train.tsv
#     PRED.tsv   where to write "index<TAB>label<TAB>score" (default: a temporary file)
#   BUILD_DIR=...  build directory holding parallax_eval_mrpc (default: build/release)
#   EVAL_FLAGS=... extra flags for parallax_eval_mrpc (e.g. "--train", "--veto", "--no-wordnet";
#                  "--train --model-out src/compare/similarity_model.inc" refits the model)
# Skips (exit 0) when the pairs file (by default in ../shared) is absent; scores only when the
# shared scorer exists.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$(dirname "$0")/../../shared"
scorer="$shared/eval/paraphrase_score.py"
pairs="${1:-$shared/data/compare/mrpc/train.tsv}"
if [[ ! -f "$pairs" ]]; then
  echo "eval_mrpc: skipped ($pairs not found)"
  exit 0
fi
build="${BUILD_DIR:-$root/build/release}"
tool="$build/src/compare/parallax_eval_mrpc"
if [[ ! -x "$tool" ]]; then
  cmake --build "$build" --target parallax_eval_mrpc
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
pred="${2:-$out/pred.tsv}"
# shellcheck disable=SC2086
"$tool" "$pairs" "$pred" ${EVAL_FLAGS:-}
if [[ ! -f "$scorer" ]]; then
  echo "eval_mrpc: predictions in $pred (scorer $scorer not found)"
  exit 0
fi
echo "== all pairs"
python3 "$scorer" "$pairs" "$pred" --sweep
# The parts: data lines (header excluded) split by index, both files renumbered.
split() {  # keep-expression name
  awk -F'\t' -v OFS='\t' "NR == 1 && \$1 !~ /^[01]\$/ { next } { i = n++ } $1 { print }" \
    "$pairs" > "$out/$2.gold.tsv"
  awk -F'\t' -v OFS='\t' "NR == 1 { print; next } { i = \$1 } $1 { \$1 = m++; print }" \
    "$pred" > "$out/$2.pred.tsv"
  echo "== $2"
  python3 "$scorer" "$out/$2.gold.tsv" "$out/$2.pred.tsv"
}
split 'i % 2 == 0' "tuning part (index % 2 == 0)"
split 'i % 2 != 0' "rest, held out (index % 2 != 0)"
