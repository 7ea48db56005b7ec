#!/usr/bin/env bash
# parallax ingest end to end: the example corpus into a fresh database, a re-run that adds
# nothing, stdin, the outlet registry import, and bad inputs (truncated WARC, WARC with
# non-HTML records, JSONL with broken lines, a folder mixing binaries and articles) each
# reported per record in the summary and the failures table while everything else is stored.
source "$(dirname "$0")/lib.sh"

q() { sqlite3 -batch -noheader "$1" "$2"; }

# ---- the example corpus ------------------------------------------------------------------
DB="$WORK/corpus.db"
"$BIN" ingest "$SRC/examples/corpus" --db "$DB" --outlet-map "$SRC/examples/outlets.csv" \
  -j 2 > "$WORK/out1" 2> "$WORK/err1"
rc=$?
[[ $rc == 0 ]] || fail "example ingest exit $rc: $(cat "$WORK/err1")"
[[ -s "$WORK/out1" ]] && fail "ingest wrote to stdout: $(head -c 200 "$WORK/out1")"
expect_contains "$WORK/err1" "6 ingested" "example summary"
[[ $(q "$DB" "SELECT count(*) FROM articles") == 6 ]] || fail "example: 6 articles expected"
[[ $(q "$DB" "PRAGMA integrity_check") == ok ]] || fail "example: integrity_check"
[[ $(q "$DB" "SELECT count(*) FROM story_members") == 6 ]] || fail "example: every article in a story"
stories=$(q "$DB" "SELECT count(*) FROM stories")
((stories >= 1 && stories <= 6)) || fail "example: $stories stories"
[[ $(q "$DB" "SELECT count(*) FROM failures") == 0 ]] || fail "example: failures recorded"
[[ $(q "$DB" "SELECT sum(article_count) FROM stories") == 6 ]] || fail "example: story counts"
# Stories carry a label and the span of their dated articles.
[[ $(q "$DB" "SELECT count(*) FROM stories WHERE label = '' OR first IS NULL") == 0 ]] ||
  fail "example: a story without label or date"
[[ $(q "$DB" "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'dockworkers'") -ge 1 ]] ||
  fail "example: FTS finds nothing"
# Schema documented: each table answers a query.
for table in outlets articles blocks sentences entities mentions quotes duplicates stories \
  story_members failures state; do
  q "$DB" "SELECT count(*) FROM $table" > /dev/null 2>&1 || fail "table $table missing"
done
[[ $(q "$DB" "SELECT count(*) FROM state WHERE key = 'corpus.clusterer'") == 1 ]] ||
  fail "clusterer state not saved"

# ---- re-ingest adds nothing ----------------------------------------------------------------
before=$(q "$DB" "SELECT count(*), (SELECT count(*) FROM stories), (SELECT count(*) FROM
                  story_members), (SELECT group_concat(id || ':' || article_count) FROM stories)
                  FROM articles")
"$BIN" ingest "$SRC/examples/corpus" --db "$DB" --outlet-map "$SRC/examples/outlets.csv" \
  2> "$WORK/err2"
rc=$?
[[ $rc == 0 ]] || fail "re-ingest exit $rc: $(cat "$WORK/err2")"
expect_contains "$WORK/err2" "0 ingested" "re-ingest summary"
expect_contains "$WORK/err2" "6 already stored" "re-ingest summary"
after=$(q "$DB" "SELECT count(*), (SELECT count(*) FROM stories), (SELECT count(*) FROM
                 story_members), (SELECT group_concat(id || ':' || article_count) FROM stories)
                 FROM articles")
[[ "$before" == "$after" ]] || fail "re-ingest changed the corpus: $before -> $after"

# A quoted glob is expanded by parallax.
"$BIN" ingest "$SRC/examples/corpus/0[12]_*.txt" --db "$DB" 2> "$WORK/err2g"
rc=$?
[[ $rc == 0 ]] || fail "glob ingest exit $rc: $(cat "$WORK/err2g")"
expect_contains "$WORK/err2g" "2 article(s) analysed" "glob expanded"

# ---- stdin, a new article extends the corpus; outlet registry import ------------------------
cat > "$WORK/outlets.csv" <<'CSV'
name,aliases,domains,country,kind
Harbour Courier,The Courier,harbour-courier.example,Dravenia,independent
CSV
sed 's/Port Alvara/the port of Alvara/g' "$SRC/examples/corpus/03_mns_wire.txt" |
  "$BIN" ingest - --db "$DB" --outlets "$WORK/outlets.csv" --outlet "Harbour Courier" \
    2> "$WORK/err3"
rc=$?
[[ $rc == 0 ]] || fail "stdin ingest exit $rc: $(cat "$WORK/err3")"
expect_contains "$WORK/err3" "1 ingested" "stdin summary"
[[ $(q "$DB" "SELECT count(*) FROM articles") == 7 ]] || fail "stdin: 7 articles expected"
[[ $(q "$DB" "SELECT kind FROM outlets WHERE name = 'Harbour Courier'") == independent ]] ||
  fail "outlet registry not imported"
[[ $(q "$DB" "SELECT o.name FROM articles a JOIN outlets o ON o.id = a.outlet_id
              WHERE a.source = '-'") == "Harbour Courier" ]] || fail "stdin article outlet"
# The edited wire copy joins the story (and duplicate group) of the original.
[[ $(q "$DB" "SELECT count(DISTINCT m.story_id) FROM articles a JOIN story_members m
              ON m.article_id = a.id WHERE a.source = '-' OR a.source LIKE '%03_mns_wire.txt'") == 1 ]] ||
  fail "the edited copy did not join its original's story"
[[ $(q "$DB" "SELECT count(*) FROM duplicates d JOIN articles a ON a.id = d.article_id
              WHERE a.source = '-'") == 1 ]] || fail "the edited copy is not a duplicate"

# ---- bad inputs ----------------------------------------------------------------------------
BAD="$WORK/bad"
mkdir -p "$BAD/mixed"
python3 - "$BAD" <<'PY' || fail "fixture generation"
import gzip, json, sys
out = sys.argv[1]

def page(n, topic):
    return ("<!DOCTYPE html><html><head><title>%s %d</title></head><body><article>"
            "<h1>%s in Verensk, report %d</h1>"
            "<p>Officials in Verensk said on Tuesday that the %s would continue for a %s day, "
            "according to a statement read outside the town hall by spokesperson Ilva Morten.</p>"
            "<p>Residents of the northern district gathered near the harbour gates, where %d "
            "families had waited since dawn for news about the %s.</p>"
            "<p>\"We will stay until the ministry answers,\" said Teodor Brannick, who has "
            "worked at the quay for %d years.</p></article></body></html>"
            % (topic, n, topic.capitalize(), n, topic, ["first", "second", "third", "fourth",
               "fifth", "sixth", "seventh", "eighth"][n % 8], 10 + n, topic, 3 + n))

def record(rtype, block, uri, ctype="application/http; msgtype=response"):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2031-05-0%dT10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (rtype, uri, 1 + len(uri) % 8, ctype, len(block)))
    return head.encode() + block + b"\r\n\r\n"

def http(status, ctype, body):
    return ("HTTP/1.1 %d X\r\nContent-Type: %s\r\n\r\n" % (status, ctype)).encode() + body

# truncated.warc.gz: two good members, then half of a third.
members = [gzip.compress(record("response", http(200, "text/html", page(i, "ferry strike").encode()),
                                "https://courier.example/ferry-%d" % i)) for i in range(3)]
with open(out + "/truncated.warc.gz", "wb") as f:
    f.write(members[0] + members[1] + members[2][: len(members[2]) // 2])
print(len(members[0]) + len(members[1]), file=open(out + "/truncated.offset", "w"))

# mixed.warc: warcinfo, request, an HTML response, PNG, text/plain, a 404, metadata.
recs = [
    record("warcinfo", b"software: fixture\r\n", "", "application/warc-fields"),
    record("request", b"GET /a HTTP/1.1\r\nHost: courier.example\r\n\r\n", "https://courier.example/a",
           "application/http; msgtype=request"),
    record("response", http(200, "text/html; charset=utf-8", page(7, "bridge closure").encode()),
           "https://courier.example/bridge"),
    record("response", http(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(64))),
           "https://courier.example/logo.png"),
    record("response", http(200, "text/plain", b"User-agent: *\nDisallow:\n"),
           "https://courier.example/robots.txt"),
    record("response", http(404, "text/html", b"<html><body>Not found</body></html>"),
           "https://courier.example/missing"),
    record("metadata", b"via: https://courier.example/\r\n", "https://courier.example/bridge",
           "application/warc-fields"),
]
with open(out + "/mixed.warc", "wb") as f:
    f.write(b"".join(recs))

# broken.jsonl: three good records, two broken lines.
with open(out + "/broken.jsonl", "w") as f:
    for i, topic in enumerate(["grain tariff", "broken line", "school reform", "broken line",
                               "river flood"]):
        if topic == "broken line":
            f.write('{"text": "unterminated\n')
        else:
            f.write(json.dumps({"text": "%s talks resume in Ostmere.\n\nNegotiators met for the "
                                        "%d time on Friday, officials said, and a vote on the %s is "
                                        "expected next week after %d hours of debate." %
                                        (topic.capitalize(), i + 2, topic, 4 + i)}) + "\n")

# mixed/: two articles beside a PNG and an ELF binary.
open(out + "/mixed/a.png", "wb").write(b"\x89PNG\r\n\x1a\n" + bytes(200))
open(out + "/mixed/tool.bin", "wb").write(b"\x7fELF\x02\x01\x01" + bytes(300))
open(out + "/mixed/story.html", "w").write(page(5, "power outage"))
open(out + "/mixed/note.txt", "w").write(
    "Lighthouse keeper retires after forty years\n\nKELLBROOK, June 2 - The keeper of the Kellbrook "
    "light, Amos Veery, switched off the lamp for the last time on Sunday. \"It was time,\" he "
    "told neighbours who gathered on the cliff path.\n")
PY
BADDB="$WORK/bad.db"
"$BIN" ingest "$BAD/truncated.warc.gz" "$BAD"/mixed.warc "$BAD/broken.jsonl" "$BAD/mixed" \
  --db "$BADDB" -j 2 2> "$WORK/err4"
rc=$?
[[ $rc == 1 ]] || fail "bad inputs: exit $rc, expected 1: $(cat "$WORK/err4")"
off=$(cat "$BAD/truncated.offset")
expect_contains "$WORK/err4" "truncated.warc.gz@$off: truncated" "truncated member named by offset"
expect_contains "$WORK/err4" "skipped: not HTML (image/png)" "PNG record"
expect_contains "$WORK/err4" "skipped: not HTML (text/plain)" "text/plain record"
expect_contains "$WORK/err4" "skipped: HTTP status 404" "404 record"
expect_contains "$WORK/err4" "broken.jsonl:2: line 2" "broken JSONL line 2"
expect_contains "$WORK/err4" "broken.jsonl:4: line 4" "broken JSONL line 4"
expect_contains "$WORK/err4" "a.png: " "PNG file"
expect_contains "$WORK/err4" "tool.bin: " "ELF file"
expect_contains "$WORK/err4" "8 ingested" "bad inputs: good articles stored"
expect_contains "$WORK/err4" "8 failed" "bad inputs: failures counted"
[[ $(q "$BADDB" "SELECT count(*) FROM articles") == 8 ]] || fail "bad inputs: 8 articles expected"
[[ $(q "$BADDB" "SELECT count(*) FROM failures") == 8 ]] || fail "bad inputs: 8 failures expected"
[[ $(q "$BADDB" "SELECT record FROM failures WHERE source LIKE '%truncated.warc.gz'") == "offset $off" ]] ||
  fail "truncated member: failures.record"
[[ $(q "$BADDB" "SELECT group_concat(record, ',') FROM failures WHERE source LIKE '%broken.jsonl'") == \
  "line 2,line 4" ]] || fail "broken JSONL: failures.record"
[[ $(q "$BADDB" "SELECT count(*) FROM failures WHERE source LIKE '%mixed.warc' AND record LIKE 'offset %'") == 3 ]] ||
  fail "mixed WARC: 3 failures with offsets"
[[ $(q "$BADDB" "SELECT count(*) FROM articles WHERE url LIKE 'https://courier.example/%'") == 3 ]] ||
  fail "WARC articles carry the target URI"
[[ $(q "$BADDB" "SELECT count(*) FROM articles WHERE published LIKE '2031-05-0%'") == 0 ]] ||
  fail "WARC-Date became a publication date"
[[ $(q "$BADDB" "PRAGMA integrity_check") == ok ]] || fail "bad inputs: integrity_check"

# ---- usage errors ------------------------------------------------------------------------
"$BIN" ingest "$WORK/does-not-exist" --db "$WORK/none.db" 2> "$WORK/err5"
rc=$?
[[ $rc == 2 ]] || fail "nothing analysed: exit $rc, expected 2"
echo "not a database" > "$WORK/notdb.db"
"$BIN" ingest "$SRC/examples/corpus" --db "$WORK/notdb.db" 2> "$WORK/err6"
rc=$?
[[ $rc == 2 ]] || fail "not a database: exit $rc, expected 2"
"$BIN" ingest --help > "$WORK/help" || fail "--help"
expect_contains "$WORK/help" "--db" "help lists --db"
expect_contains "$WORK/help" "--text-field" "help lists the shared input flags"
finish
