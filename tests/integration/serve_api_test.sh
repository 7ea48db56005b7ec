#!/usr/bin/env bash
# parallax serve over HTTP (curl): the API's answers and errors (400 with a reason for bad
# parameters, 404 for unknown ids), static routes that cannot be walked out of (/../, %2e%2e,
# encoded slashes), request size limits (413, 414), read-only methods (405), and readers that
# keep being served while `parallax ingest` writes to the same database (WAL).
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 0; }

DB="$WORK/corpus.db"
"$BIN" ingest --db "$DB" --outlet-map "$SRC/examples/outlets.csv" "$SRC/examples/corpus" \
  >"$WORK/ingest.log" 2>&1 || { cat "$WORK/ingest.log" >&2; fail "ingest of examples/corpus"; finish; }

"$BIN" serve --db "$DB" --port 0 --max-request-bytes 4096 >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; chmod -R u+rwx "$WORK" 2>/dev/null; rm -rf "$WORK"' EXIT
URL=""
for _ in $(seq 1 100); do
  URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1) && [[ -n "$URL" ]] && break
  sleep 0.1
done
[[ -n "$URL" ]] || { cat "$WORK/serve.log" >&2; fail "server did not start"; finish; }

# get PATH [curl args...]: body in $WORK/body, status in $status
get() {
  local path="$1"; shift
  status=$(curl -s --path-as-is -o "$WORK/body" -w '%{http_code}' "$@" "$URL$path")
}
expect_status() {  # want description
  [[ "$status" == "$1" ]] || fail "$2: status $status, want $1: $(head -c 300 "$WORK/body")"
}
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/body" 2>/dev/null; }

# ---- answers ----
get /api/stories; expect_status 200 "stories"; expect_contains "$WORK/body" '"stories":[' "stories"
story=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(max(d["stories"], key=lambda s: s["outlet_count"])["id"])' "$WORK/body")
get "/api/stories/$story"; expect_status 200 "one story"
expect_contains "$WORK/body" '"schema":"parallax.comparison/1"' "story comparison"
article=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["story"]["articles"][0]["id"])' "$WORK/body")
get "/api/articles/$article"; expect_status 200 "article"; expect_contains "$WORK/body" '"blocks":[' "article spans"
get "/api/search?q=strike"; expect_status 200 "search"; expect_contains "$WORK/body" '[strike]' "search snippet"
for p in /api/outlets /api/speakers /api/coverage "/api/coverage?story=$story" /api/ \
         "/api/stories?since=2024-03-01&until=2024-03-31&limit=2&offset=1" "/report/story/$story"; do
  get "$p"; expect_status 200 "$p"
done
get / ; expect_status 200 "app page"; expect_contains "$WORK/body" '/assets/bundle.js' "app shell"
get /story/1 ; expect_status 200 "story page shell"
get /assets/bundle.js ; expect_status 200 "asset"
etag=$(curl -s -D - -o /dev/null "$URL/assets/bundle.js" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
get /assets/bundle.js -H "If-None-Match: $etag"; expect_status 304 "asset revalidation"
curl -s -D "$WORK/headers" -o /dev/null "$URL/"
expect_contains "$WORK/headers" "Content-Security-Policy: default-src 'self'" "CSP header"
status=$(curl -s -o /dev/null -w '%{http_code}' -I "$URL/api/stories"); expect_status 200 "HEAD"

# ---- bad parameters: 400 with a JSON reason naming the parameter ----
while IFS='|' read -r path word; do
  get "$path"; expect_status 400 "$path"
  json_ok || fail "$path: error is not JSON"
  expect_contains "$WORK/body" "$word" "$path reason"
done <<'CASES'
/api/stories?limit=abc|limit
/api/stories?limit=0|limit
/api/stories?limit=100000|limit
/api/stories?limit=-1|limit
/api/stories?offset=1e3|offset
/api/stories?since=2024-13-01|since
/api/stories?since=yesterday|since
/api/stories?until=2024-02-30T25|until
/api/stories?since=2024-03-02&until=2024-03-01|since
/api/stories?limt=5|unknown parameter
/api/stories?q=%22unbalanced|
/api/stories/abc|story id
/api/stories/-3|story id
/api/stories/1.5|story id
/api/articles/xyz|article id
/api/articles/0123456789ABCDEF|article id
/api/search|q
/api/search?q=%20%20|q
/api/search?q=%22open|
/api/search?q=strike&limit=0|limit
/api/search?q=%FF%FE|UTF-8
/api/coverage?story=x|story
/api/speakers?offset=-1|offset
CASES

# ---- unknown ids and routes: 404 ----
for p in /api/stories/999999 /api/articles/0123456789abcdef /api/speakers/no%20such%20person \
         /api/outlets/No%20Such%20Outlet /api/nothing /nothing /assets/nothing.js /report/story/999999; do
  get "$p"; expect_status 404 "$p"; json_ok || fail "$p: 404 is not JSON"
done

# ---- static routes cannot leave the compiled-in assets ----
for p in '/assets/../../../../etc/passwd' '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd' \
         '/assets/..%2f..%2f..%2fetc%2fpasswd' '/assets/%2e%2e%2fCMakeLists.txt' \
         '/assets/..%5c..%5cetc%5cpasswd' '/..%2f..%2fetc/passwd' '/%2e%2e/%2e%2e/etc/passwd' \
         '//etc/passwd' '/assets//etc/passwd' '/assets/bundle.js%00.txt' '/assets/%2fetc%2fpasswd' \
         '/assets/./bundle.js' '/assets/BUNDLE.JS' '/assets/' '/story/../../etc/passwd' \
         '/article/..%2f..%2fetc%2fpasswd'; do
  get "$p"
  [[ "$status" == 404 || "$status" == 400 ]] || fail "$p: status $status, want 404 or 400"
  if grep -q 'root:' "$WORK/body" || grep -q 'cmake_minimum_required' "$WORK/body"; then
    fail "$p: served a file from disk"
  fi
done

# ---- size limits and methods ----
head -c 100000 /dev/zero | tr '\0' 'a' >"$WORK/big"
get /api/stories -X POST --data-binary @"$WORK/big"; expect_status 413 "oversized POST"
get /api/stories -X GET -H 'Content-Type: text/plain' --data-binary @"$WORK/big"; expect_status 413 "oversized GET body"
get "/api/stories?q=$(head -c 10000 /dev/zero | tr '\0' 'b')"; expect_status 414 "oversized URI"
get /api/stories -X POST --data 'x=1'; expect_status 405 "POST"
get /api/stories/1 -X DELETE; expect_status 405 "DELETE"
get /api/stories -X PUT --data 'x=1'; expect_status 405 "PUT"
get "/api/stories?q=$(head -c 1500 /dev/zero | tr '\0' 'c')"; expect_status 400 "q over 1000 bytes"
get /api/stories -H "X-Big: $(head -c 9000 /dev/zero | tr '\0' 'd')"
[[ "$status" == 400 || "$status" == 431 || "$status" == 000 ]] || fail "oversized header: status $status"
get /api/stories; expect_status 200 "still serving after refusals"

# ---- readers keep being served while ingest writes (WAL) ----
mkdir -p "$WORK/more"
for i in $(seq 1 40); do
  for f in "$SRC"/examples/corpus/*.txt; do
    { cat "$f"; printf '\nCorrection %d: an earlier version of this article misspelt a name.\n' "$i"; } \
      >"$WORK/more/$i-$(basename "$f")"
  done
done
"$BIN" ingest --db "$DB" "$WORK/more" >"$WORK/ingest2.log" 2>&1 &
INGEST=$!
reads=0; bad=0
while kill -0 $INGEST 2>/dev/null || ((reads < 20)); do
  # Cheap reads, so that many land while ingest writes (the story API is checked above; during
  # the ingest its comparison is recomputed whenever the story grows).
  for p in /api/stories /api/search?q=strike "/api/articles/$article" /api/coverage /api/speakers; do
    s=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$URL$p")
    reads=$((reads + 1)); [[ "$s" == 200 ]] || { bad=$((bad + 1)); echo "read during ingest: $p -> $s" >&2; }
  done
  ((reads > 4000)) && break
done
wait $INGEST || fail "second ingest failed: $(tail -3 "$WORK/ingest2.log")"
((bad == 0)) || fail "$bad of $reads reads failed while ingest wrote"
echo "reads during ingest: $reads, failed: $bad"
get /api/; expect_status 200 "counts after ingest"
n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["articles"])' "$WORK/body")
((n > 6)) || fail "the server does not see the new articles ($n)"
finish
