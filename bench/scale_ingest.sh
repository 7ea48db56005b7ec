#!/usr/bin/env bash
# Scaling of `parallax ingest` on a synthetic corpus built from ABP: the 37,554 real articles
# (../shared/data/corpus/abp/articles.jsonl.gz) repeated, each copy perturbed (about one word in
# eight replaced, numbers changed, headline edited) and re-dated (copy c moved 400*c days later),
# so copies are new articles and new stories rather than exact duplicates. The corpus is ingested
# in chunks of STEP articles into one database (each chunk one `parallax ingest` run, which also
# exercises resuming); per chunk: wall, CPU (user + sys, less sensitive to other load than
# wall), articles/s, CPU ms per article, peak RSS (/usr/bin/time -v), the database size, the
# saved clusterer state (all its parts, state_MiB) and the 1-minute load average at the end of
# the chunk. Flat time and peak memory per chunk = linear ingest.
# Skips cleanly without ../shared.
# Usage: bench/scale_ingest.sh [BINARY] [N] [STEP] [STAGES]
#   defaults: build/release/apps/cli/parallax, 1000000, 100000, quotes (every stage)
# Needs about 35 KB of disk per article for the database (plus one chunk of input).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="${1:-$here/../build/release/apps/cli/parallax}"
n="${2:-1000000}"
step="${3:-100000}"
stages="${4:-quotes}"
corpus="$here/../../shared/data/corpus/abp/articles.jsonl.gz"
if [[ ! -f "$corpus" ]]; then
  echo "skipped: $corpus not present"
  exit 0
fi
work="${SCALE_WORK:-$(mktemp -d)}"
mkdir -p "$work"
[[ -n "${SCALE_KEEP:-}" ]] || trap 'rm -rf "$work"' EXIT
db="$work/scale.db"
rm -f "$db" "$db-wal" "$db-shm"
flags=(--text-field text --title-field title --date-field date --outlet-field source
       --url-field url --id-field id --stages "$stages" --threads 2 --progress never)

gen() {  # first count -> $work/chunk.jsonl
  python3 - "$corpus" "$1" "$2" "$work/chunk.jsonl" <<'PY'
import datetime, gzip, json, random, re, sys
corpus, first, count, out_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
base = []
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for line in f:
        if line.strip():
            r = json.loads(line)
            base.append((r.get("ID") or str(len(base)), r.get("title", ""), r.get("date", ""),
                         r.get("source", ""), r.get("url", ""), r.get("content_original", "")))
fillers = ["reportedly", "officially", "locally", "broadly", "notably", "briefly", "widely",
           "largely", "partly", "openly", "quietly", "firmly"]
word = re.compile(r"\S+")
def perturb(text, rng):
    def sub(m):
        w = m.group(0)
        if w[0].isdigit():
            return str(rng.randint(2, 999))
        return rng.choice(fillers) if rng.random() < 0.125 else w
    return word.sub(sub, text)
with open(out_path, "w", encoding="utf-8") as out:
    for g in range(first, first + count):
        i, c = g % len(base), g // len(base)
        id_, title, date, source, url, text = base[i]
        if c > 0:
            rng = random.Random(g)
            text, title = perturb(text, rng), perturb(title, rng) + " (%d)" % c
            try:
                d = datetime.date.fromisoformat(date[:10]) + datetime.timedelta(days=400 * c)
                date = d.isoformat()
            except ValueError:
                pass
            url = url + "#copy%d" % c
        out.write(json.dumps({"id": "%s-%d" % (id_, c), "title": title, "date": date,
                              "source": source, "url": url, "text": text}) + "\n")
PY
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); N=$n step=$step stages=$stages"
printf "%10s %9s %8s %11s %12s %9s %9s %9s %6s\n" articles wall_s cpu_s articles/s cpu_ms/article \
  rss_MiB db_MiB state_MiB load
for ((first = 0; first < n; first += step)); do
  count=$((n - first < step ? n - first : step))
  gen "$first" "$count"
  log="$work/time.log"
  /usr/bin/time -v "$bin" ingest "$work/chunk.jsonl" --db "$db" "${flags[@]}" 2> "$log" || true
  if ! grep -q "^parallax ingest:.* 0 failed" "$log"; then
    echo "chunk at $first: unexpected summary:"; grep "^parallax" "$log" | tail -3
  fi
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  cpu=$(grep -E "User time|System time" "$log" | awk '{s += $NF} END {print s}')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  dbsize=$(du -m "$db" | awk '{print $1}')
  state=0
  if command -v sqlite3 > /dev/null; then
    state=$(sqlite3 "$db" "SELECT coalesce(sum(length(value)), 0) FROM state
                            WHERE key = 'corpus.clusterer' OR key LIKE 'corpus.clusterer.%'")
  fi
  load=$(cut -d' ' -f1 /proc/loadavg)
  python3 -c "print('%10d %9.1f %8.1f %11.0f %12.2f %9.0f %9d %9.1f %6s' % ($first + $count, $wall, $cpu, $count / $wall, 1000 * $cpu / $count, $rss / 1024, $dbsize, $state / 1048576, '$load'))"
done
rm -f "$work/chunk.jsonl"
