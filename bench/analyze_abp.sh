#!/usr/bin/env bash
# End-to-end throughput of `parallax analyze` over the ABP corpus (37,554 real articles,
# ../shared/data/corpus/abp/articles.jsonl.gz): wall time, MB/s of article text, articles/s and
# peak memory, on 1 thread and on 2. Skips cleanly when ../shared is absent.
# Usage: bench/analyze_abp.sh [BINARY] [STAGES]   (defaults: build/release/apps/cli/parallax,
# quotes = every stage; "text" = the foundation stages only)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="${1:-$here/../build/release/apps/cli/parallax}"
stages="${2:-quotes}"
corpus="$here/../../shared/data/corpus/abp/articles.jsonl.gz"
if [[ ! -f "$corpus" ]]; then
  echo "skipped: $corpus not present"
  exit 0
fi
flags=(--input-format jsonl --text-field content_original --title-field title --date-field date
       --outlet-field source --url-field url --id-field ID --quiet -o /dev/null --stages "$stages")
# Text bytes and article count, measured once (what the MB/s figures divide).
read -r articles text_mb < <(zcat "$corpus" | python3 -c '
import sys, json
n = 0; b = 0
for line in sys.stdin:
    if not line.strip(): continue
    n += 1; b += len(json.loads(line).get("content_original", "").encode())
print(n, b / 1e6)')
echo "corpus: $articles articles, $text_mb MB of article text; stages up to: $stages"
for threads in 1 2; do
  log=$(mktemp)
  /usr/bin/time -v "$bin" analyze "$corpus" "${flags[@]}" --threads "$threads" 2> "$log" || true
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss_kb=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  python3 -c "
w=$wall; mb=$text_mb; n=$articles; t=$threads
print(f'threads={t} wall={w:.2f}s  {mb/w:.1f} MB/s  {mb/w/t:.1f} MB/s per core  {n/w:.0f} articles/s  peak RSS {$rss_kb/1024:.0f} MiB')"
  rm -f "$log"
done
