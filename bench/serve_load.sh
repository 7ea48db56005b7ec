#!/usr/bin/env bash
# Load run of `parallax serve` on loopback: requests/s and latency percentiles of the story API
# (comparison served from the server's cache after the first request), the story page (its
# shell, CSS bundle and JS bundle) and the search API. Uses wrk when installed
# (scripts/install-deps.sh --browser), else a bounded Python client loop.
# Usage: bench/serve_load.sh [PARALLAX_BIN] [SECONDS] [CONNECTIONS] [DB]
#   defaults: build/release/apps/cli/parallax, 10, 8, and a fresh ingest of examples/corpus
#   (a DB given is served as it is). Figures go to docs/PERFORMANCE.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/release/apps/cli/parallax}
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-8}
DB=${4:-}
WORK=$(mktemp -d)
SERVER=""
cleanup() { [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

if [[ -z "$DB" ]]; then
  DB="$WORK/corpus.db"
  "$BIN" ingest --db "$DB" --outlet-map examples/outlets.csv examples/corpus >/dev/null 2>&1
fi
"$BIN" serve --db "$DB" --port 0 --threads $((CONNECTIONS + 4)) >"$WORK/serve.log" 2>&1 &
SERVER=$!
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1) && [[ -n "$URL" ]] && break
  sleep 0.1
done
[[ -n "$URL" ]] || { echo "server did not start" >&2; exit 1; }
story=$(curl -s "$URL/api/stories?limit=200" | python3 -c 'import json,sys; print(max(json.load(sys.stdin)["stories"], key=lambda s: (s["outlet_count"], s["article_count"]))["id"])')
curl -s -o /dev/null "$URL/api/stories/$story"  # computes and caches the comparison
echo "server $URL, story $story, ${SECONDS_EACH}s per target, $CONNECTIONS connections, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"

run() {  # name path
  local name="$1" path="$2"
  if command -v wrk >/dev/null; then
    wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$URL$path" >"$WORK/wrk.txt" 2>&1
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
    printf '%-24s %10s req/s   p50 %8s   p99 %8s   (wrk)\n' "$name" "$rps" "$p50" "$p99"
    grep -q 'Non-2xx' "$WORK/wrk.txt" && grep 'Non-2xx' "$WORK/wrk.txt" || true
  else
    python3 - "$URL" "$path" "$SECONDS_EACH" "$CONNECTIONS" "$name" <<'PY'
import http.client, sys, threading, time, urllib.parse
url, path, secs, conns, name = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
u = urllib.parse.urlparse(url)
lat, lock, stop = [], threading.Lock(), time.time() + secs
def worker():
    c = http.client.HTTPConnection(u.hostname, u.port)
    mine = []
    while time.time() < stop:
        t = time.perf_counter(); c.request("GET", path); r = c.getresponse(); r.read()
        mine.append(time.perf_counter() - t)
    with lock: lat.extend(mine)
ts = [threading.Thread(target=worker) for _ in range(conns)]
[t.start() for t in ts]; [t.join() for t in ts]
lat.sort(); n = len(lat)
print(f"{name:<24} {n / secs:10.0f} req/s   p50 {lat[n // 2] * 1000:7.2f}ms   p99 {lat[int(n * 0.99)] * 1000:7.2f}ms   (python loop)")
PY
  fi
}
run "story API" "/api/stories/$story"
run "story page shell" "/story/$story"
run "story page JS bundle" "/assets/bundle.js"
run "search API" "/api/search?q=strike"
run "stories list API" "/api/stories"
