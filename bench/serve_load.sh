#!/usr/bin/env bash
# Load run of `parallax serve` on loopback. First the story API's first answer after a server
# start, without and with the warm start (wall time and the Server-Timing header: lookup, read,
# compare, json, or a cache hit), then requests/s and latency percentiles of the story API
# (comparison served from the server's cache), the story page (its shell, CSS bundle and JS
# bundle) and the search API. The load run uses wrk when installed (scripts/install-deps.sh
# --browser), else a bounded Python client loop.
# Usage: bench/serve_load.sh [PARALLAX_BIN] [SECONDS] [CONNECTIONS] [DB]
#   defaults: build/release/apps/cli/parallax, 10, 8, and a fresh ingest of examples/corpus and
#   of the 10-article story of tests/browser/fixtures/story10 (a DB given is served as it is).
#   The story measured is the one with the most outlets. Figures go to docs/PERFORMANCE.md by
#   hand.
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
  "$BIN" ingest --db "$DB" --outlet-map tests/browser/fixtures/story10_outlets.csv \
    tests/browser/fixtures/story10 >/dev/null 2>&1
fi

start_server() {  # extra serve flags...; sets SERVER and URL
  "$BIN" serve --db "$DB" --port 0 --threads $((CONNECTIONS + 4)) "$@" >"$WORK/serve.log" 2>&1 &
  SERVER=$!
  URL=""
  for _ in $(seq 1 100); do
    URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1) && [[ -n "$URL" ]] && break
    sleep 0.1
  done
  [[ -n "$URL" ]] || { echo "server did not start" >&2; exit 1; }
}
stop_server() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=""; }
pick_story() {
  curl -s "$URL/api/stories?limit=200" | python3 -c 'import json,sys; print(max(json.load(sys.stdin)["stories"], key=lambda s: (s["outlet_count"], s["article_count"]))["id"])'
}
first_visit() {  # seconds to wait, label, extra serve flags...: the story API's first answer
  local wait_s="$1" label="$2"
  shift 2
  start_server "$@"
  local story secs bytes
  story=$(pick_story)
  sleep "$wait_s"
  curl -s -o /dev/null -D "$WORK/headers.txt" -w "%{time_total} %{size_download}\n" \
    "$URL/api/stories/$story" >"$WORK/time.txt"
  read -r secs bytes <"$WORK/time.txt"
  printf '  %-30s %7.1f ms %7d bytes   %s\n' "$label" "$(python3 -c "print($secs * 1000)")" \
    "$bytes" "$(grep -i '^server-timing' "$WORK/headers.txt" | tr -d '\r' | cut -d' ' -f2-)"
  stop_server
}
echo "story API, first answer after a server start (load $(cut -d' ' -f1 /proc/loadavg)):"
first_visit 0 "--no-warm" --no-warm
first_visit 0 "warm start, asked at once"
first_visit 3 "warm start, asked after 3 s"
start_server
story=$(pick_story)
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
