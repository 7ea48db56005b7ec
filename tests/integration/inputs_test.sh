#!/usr/bin/env bash
# Input kinds: stdin, folders (recursive, sorted), JSONL with field mapping, .jsonl.gz, .gz text;
# output order is the input order whatever the thread count.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/dir/sub"
for i in 1 2 3; do
  printf 'Story number %s about the harbour\n\nThe harbour board met on Monday, officials said. It will meet again.\n' "$i" \
    > "$WORK/dir/sub/a$i.txt"
done
printf 'Standalone headline here\n\nOne sentence of body text follows here. Another one ends it.\n' \
  | "$BIN" analyze - > "$WORK/stdin.jsonl" 2>/dev/null || fail "stdin: nonzero exit"
expect_contains "$WORK/stdin.jsonl" '"source":"-"' "stdin source"

"$BIN" analyze "$WORK/dir" --threads 2 > "$WORK/dir.jsonl" 2>/dev/null || fail "folder: nonzero exit"
python3 - "$WORK/dir.jsonl" <<'PY' || fail "folder order"
import json, sys
srcs = [json.loads(l)["source"] for l in open(sys.argv[1])]
assert len(srcs) == 3 and srcs == sorted(srcs), srcs
PY

cat > "$WORK/r.jsonl" <<'J'
{"uid": 17, "body": "Ferry services resumed on Thursday, the operator said.", "title": "Ferries back", "when": "2031-03-16", "pub": "Elvan Daily", "link": "https://example.org/ferries"}
{"uid": "x-2", "body": "A second record with its own text. It is short.", "title": "Second", "pub": "Elvan Daily"}
J
gzip -c "$WORK/r.jsonl" > "$WORK/r.jsonl.gz"
for f in r.jsonl r.jsonl.gz; do
  "$BIN" analyze "$WORK/$f" --text-field body --id-field uid --title-field title \
    --date-field when --outlet-field pub --url-field link > "$WORK/$f.out" 2>"$WORK/$f.err" \
    || fail "$f: nonzero exit: $(cat "$WORK/$f.err")"
  python3 - "$WORK/$f.out" <<'PY' || fail "$f field mapping"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 2, recs
a, b = recs
assert a["source"] == "17", a["source"]
assert b["source"] == "x-2", b["source"]
assert a["headline"] == "Ferries back", a["headline"]
assert a["outlet"] == "Elvan Daily", a["outlet"]
assert a["url"] == "https://example.org/ferries", a["url"]
assert a["published"]["value"].startswith("2031-03-16"), a["published"]
assert "Ferry services resumed" in a["body"], a["body"]
PY
done
printf 'Gzipped headline for a test\n\nThe gzipped body has one sentence here.\n' | gzip -c > "$WORK/one.txt.gz"
"$BIN" analyze "$WORK/one.txt.gz" > "$WORK/gz.out" 2>/dev/null || fail "txt.gz: nonzero exit"
expect_contains "$WORK/gz.out" 'gzipped body' "gz text decoded"

# HTML: a page file (by name and by content) and a JSONL record with --html-field.
page='<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferries return | Elvan Daily</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferries return</h1><p>Ferry services to the islands resumed on Thursday after a week of storms, the operator said.</p><p>Passengers queued from dawn at the harbour, and extra sailings were added.</p></article><footer>&copy; Elvan Daily</footer></body></html>'
printf '%s' "$page" > "$WORK/page.html"
printf '%s' "$page" > "$WORK/page-no-extension"
python3 -c 'import json,sys; print(json.dumps({"id": "p1", "page": sys.argv[1]}))' "$page" > "$WORK/pages.jsonl"
"$BIN" analyze "$WORK/page.html" "$WORK/page-no-extension" > "$WORK/html.out" 2>/dev/null || fail "html files: nonzero exit"
"$BIN" analyze "$WORK/pages.jsonl" --html-field page --id-field id >> "$WORK/html.out" 2>/dev/null \
  || fail "--html-field: nonzero exit"
python3 - "$WORK/html.out" <<'PY' || fail "html inputs"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
assert len(recs) == 3, len(recs)
for r in recs:
    assert r["headline"] == "Ferries return", r["headline"]
    assert "Ferry services to the islands resumed" in r["body"], r["body"]
    assert "Home" not in r["body"], r["body"]
    assert all("markup" in b for b in r["blocks"]), r["blocks"]
assert recs[2]["source"] == "p1", recs[2]["source"]
PY

# Same records whatever the thread count and batch size.
"$BIN" analyze "$WORK/dir" --threads 1 > "$WORK/t1.jsonl" 2>/dev/null
cmp -s "$WORK/t1.jsonl" "$WORK/dir.jsonl" || fail "--threads 1 and 2 differ"
finish
