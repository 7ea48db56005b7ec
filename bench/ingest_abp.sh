#!/usr/bin/env bash
# `parallax ingest` of the whole ABP corpus (37,554 real articles from 491 US outlets,
# ../shared/data/corpus/abp/articles.jsonl.gz) with every stage (extract, text, entities,
# quotes), duplicates and stories, into a fresh SQLite database: wall time, peak RSS
# (/usr/bin/time -v), articles/s; then a re-run over the same file (adds nothing).
# Target (issue 5): <= 60 s wall and <= 2 GB peak on 2 cores. Skips cleanly without ../shared.
# Usage: bench/ingest_abp.sh [BINARY] [THREADS] [STAGES]
#   defaults: build/release/apps/cli/parallax, 2, quotes (= every stage)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="${1:-$here/../build/release/apps/cli/parallax}"
threads="${2:-2}"
stages="${3:-quotes}"
corpus="$here/../../shared/data/corpus/abp/articles.jsonl.gz"
if [[ ! -f "$corpus" ]]; then
  echo "skipped: $corpus not present"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/abp.db"
flags=(--text-field content_original --title-field title --date-field date --outlet-field source
       --url-field url --id-field ID --stages "$stages" --threads "$threads" --progress never)

run() {  # label
  local log="$work/time.log" wall rss
  /usr/bin/time -v "$bin" ingest "$corpus" --db "$db" "${flags[@]}" 2> "$log" || true
  grep "^parallax ingest:" "$log" | sed 's/^/  /'
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  cpu=$(grep -E "User time|System time" "$log" | awk '{s += $NF} END {print s}')
  python3 -c "
w=$wall; n=37554
print(f'$1: wall {w:.2f} s, CPU {$cpu:.1f} s, {n/w:.0f} articles/s, peak RSS {$rss/1024:.0f} MiB')"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); threads=$threads stages=$stages"
run "first ingest"
du -h "$db" | awk '{print "  database: " $1}'
if command -v sqlite3 > /dev/null; then
  sqlite3 "$db" "SELECT '  articles ' || (SELECT count(*) FROM articles) ||
                        ', duplicates ' || (SELECT count(*) FROM duplicates) ||
                        ', stories ' || (SELECT count(*) FROM stories) ||
                        ' (' || (SELECT count(*) FROM stories WHERE article_count > 1) ||
                        ' with 2+ articles), failures ' || (SELECT count(*) FROM failures)"
fi
run "re-ingest (nothing new)"
