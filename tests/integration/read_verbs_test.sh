#!/usr/bin/env bash
# The verbs that read a corpus database: stories, show article|story, search, export. The
# database is built by `parallax ingest` from the example corpus; the checks compare the verbs'
# outputs with each other and with filters that must exclude, and cover the error paths
# (missing database, unknown ids, bad dates, bad queries: exit 2 with a clear message).
source "$(dirname "$0")/lib.sh"
export NO_COLOR= COLUMNS=
unset NO_COLOR COLUMNS
db="$WORK/x.db"
expect_exit() {  # want description command...
  local want=$1 what=$2
  shift 2
  "$@" > "$WORK/out.txt" 2> "$WORK/err.txt"
  local code=$?
  [[ $code -eq $want ]] || fail "$what: exit $code, expected $want: $(head -c 300 "$WORK/err.txt")"
}

# ---- no database: a clear error, exit 2, and no file created (read-only) ----
for verb in "stories" "show article 0123456789abcdef" "show story 1" "search port" \
  "export articles"; do
  expect_exit 2 "$verb without a database" "$BIN" $verb --db "$WORK/none.db"
  expect_contains "$WORK/err.txt" "parallax ingest" "$verb without a database"
done
[[ ! -e "$WORK/none.db" ]] || fail "a read verb created the missing database file"
expect_exit 2 "stories with a directory as --db" "$BIN" stories --db "$WORK"

# ---- every verb has help with an example ----
for verb in stories "show" "show article" "show story" search export; do
  "$BIN" $verb --help > "$WORK/help.txt" 2>&1 || fail "$verb --help: exit $?"
  expect_contains "$WORK/help.txt" "Example" "$verb --help"
  [[ $verb == show ]] || expect_contains "$WORK/help.txt" "--db" "$verb --help"
done

# ---- build the database ----
"$BIN" ingest "$SRC/examples/corpus" --db "$db" > "$WORK/ingest.out" 2> "$WORK/ingest.err"
code=$?
if [[ $code -gt 1 || ! -s "$db" ]]; then
  fail "ingest: exit $code: $(head -c 400 "$WORK/ingest.err")"
  finish
fi
sum_before=$(md5sum < "$db")

# ---- export: articles as CSV and JSONL agree; required columns; RFC 4180 ----
expect_exit 0 "export articles csv" "$BIN" export articles --db "$db"
cp "$WORK/out.txt" "$WORK/articles.csv"
expect_exit 0 "export articles jsonl" "$BIN" export articles --db "$db" --format jsonl
cp "$WORK/out.txt" "$WORK/articles.jsonl"
expect_exit 0 "export articles -o" "$BIN" export articles --db "$db" -o "$WORK/a2.csv"
expect_contains "$WORK/err.txt" "written to" "export -o summary"
cmp -s "$WORK/articles.csv" "$WORK/a2.csv" || fail "export -o differs from stdout"
expect_exit 0 "export quotes" "$BIN" export quotes --db "$db"
cp "$WORK/out.txt" "$WORK/quotes.csv"
expect_exit 0 "export quotes jsonl" "$BIN" export quotes --db "$db" --format jsonl
cp "$WORK/out.txt" "$WORK/quotes.jsonl"
expect_exit 0 "export entities" "$BIN" export entities --db "$db"
cp "$WORK/out.txt" "$WORK/entities.csv"
expect_exit 0 "export stories" "$BIN" export stories --db "$db" --format jsonl
cp "$WORK/out.txt" "$WORK/stories_export.jsonl"
expect_exit 0 "stories jsonl" "$BIN" stories --db "$db" --format jsonl --limit 0
cp "$WORK/out.txt" "$WORK/stories.jsonl"

python3 - "$WORK" <<'PY' || fail "exports"
import csv, io, json, sys
w = sys.argv[1]
errors = []
raw = open(f"{w}/articles.csv", "rb").read()
if b"\r\n" not in raw or raw.replace(b"\r\n", b"").count(b"\n") > raw.count(b'"') :
    errors.append("articles.csv: records must end with CRLF")
rows = list(csv.DictReader(io.StringIO(raw.decode(), newline="")))
js = [json.loads(l) for l in open(f"{w}/articles.jsonl")]
need = ["id", "source", "outlet", "published", "headline", "story", "duplicate_of"]
for col in need:
    if col not in (rows[0].keys() if rows else []): errors.append(f"articles.csv: no column {col}")
if len(rows) != 6: errors.append(f"articles.csv: {len(rows)} rows, expected the corpus's 6")
if len(js) != len(rows): errors.append("articles: csv and jsonl row counts differ")
for r, j in zip(rows, js):
    for col in need:
        want = "" if j[col] is None else str(j[col])
        if r[col] != want: errors.append(f"articles {r['id']}: {col} csv {r[col]!r} jsonl {want!r}")
    if "examples/corpus" not in r["source"]: errors.append(f"source {r['source']!r} is no path")
if not any("," in r["headline"] for r in rows): errors.append("no headline with a comma to test")
q = list(csv.DictReader(open(f"{w}/quotes.csv", newline="")))
qj = [json.loads(l) for l in open(f"{w}/quotes.jsonl")]
if len(q) < 6: errors.append(f"only {len(q)} quotes exported")
if len(q) != len(qj): errors.append("quotes: csv and jsonl row counts differ")
ids = {r["id"] for r in rows}
for r in q:
    if r["article_id"] not in ids: errors.append(f"quote of unknown article {r['article_id']}")
    if not r["content"].strip(): errors.append("quote without content")
for r, j in zip(q, qj):
    if r["content"] != j["content"]: errors.append(f"quote content differs: {r['content']!r}")
e = list(csv.DictReader(open(f"{w}/entities.csv", newline="")))
if len(e) < 10: errors.append(f"only {len(e)} entities exported")
for r in e:
    if r["type"] not in ("person", "organization", "location", "other"): errors.append(f"type {r['type']}")
st = [json.loads(l) for l in open(f"{w}/stories.jsonl")]
se = [json.loads(l) for l in open(f"{w}/stories_export.jsonl")]
if not st: errors.append("no stories listed")
if sorted(s["id"] for s in st) != sorted(s["id"] for s in se): errors.append("stories: list and export differ")
in_story = sum(1 for r in rows if r["story"] != "")
if sum(s["articles"] for s in st) != in_story:
    errors.append(f"stories count {sum(s['articles'] for s in st)} articles, export has {in_story} in stories")
for s in st:
    for k in ("id", "label", "first", "last", "articles", "outlet_count", "outlets"):
        if k not in s: errors.append(f"story row without {k}")
    if s["outlet_count"] != len(s["outlets"]): errors.append(f"story {s['id']}: outlet count")
    members = [r for r in rows if r["story"] == str(s["id"])]
    if sorted({m["outlet"] for m in members}) != sorted(o["name"] for o in s["outlets"]):
        errors.append(f"story {s['id']}: outlets {s['outlets']} vs members {[m['outlet'] for m in members]}")
    dates = sorted(m["published"][:10] for m in members if m["published"])
    if dates and (s["first"] != dates[0] or s["last"] != dates[-1]):
        errors.append(f"story {s['id']}: span {s['first']}..{s['last']} vs members {dates}")
# Facts the later checks use.
dna = [r for r in rows if "01_dna" in r["source"]][0]
open(f"{w}/dna_id", "w").write(dna["id"])
open(f"{w}/dna_story", "w").write(dna["story"])
open(f"{w}/dna_outlet", "w").write(dna["outlet"])
open(f"{w}/dna_headline", "w").write(dna["headline"])
open(f"{w}/de_id", "w").write([r for r in rows if "05_morgenbote" in r["source"]][0]["id"])
for e in errors[:20]: print(e)
sys.exit(1 if errors else 0)
PY
dna_id=$(cat "$WORK/dna_id")
dna_story=$(cat "$WORK/dna_story")
dna_outlet=$(cat "$WORK/dna_outlet")

# CSV quoting: a headline with a comma, quotes, CR and LF survives the round trip (on a copy of
# the database, edited with Python's sqlite3).
cp "$db" "$WORK/edit.db"
python3 - "$WORK/edit.db" "$dna_id" <<'PY' || fail "could not edit the copy"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE articles SET headline = ? WHERE id = ?",
          ('Port, "Alvara"\nstrike\r\nday ', sys.argv[2]))
c.commit()
PY
"$BIN" export articles --db "$WORK/edit.db" > "$WORK/edit.csv" || fail "export of the edited copy"
python3 - "$WORK/edit.csv" "$dna_id" <<'PY' || fail "CSV quoting of comma, quotes, CR, LF"
import csv, sys
rows = {r["id"]: r for r in csv.DictReader(open(sys.argv[1], newline=""))}
got = rows[sys.argv[2]]["headline"]
want = 'Port, "Alvara"\nstrike\r\nday '
if got != want: print(f"headline {got!r}, expected {want!r}"); sys.exit(1)
if len(rows) != 6: print(f"{len(rows)} rows"); sys.exit(1)
PY

# Terminal safety and display widths: a story label in CJK with a combining mark and an escape
# sequence, a headline with an escape sequence (edited into the copy).
python3 - "$WORK/edit.db" "$dna_id" "$dna_story" <<'PY' || fail "could not edit the copy"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE stories SET label = ? WHERE id = ?",
          ("港口罢工：工人要求加薪，政府称罢工非法 Cafe\u0301 \x1b[31mred\x1b[0m 第二天的抗议活动继续进行", int(sys.argv[3])))
c.execute("UPDATE articles SET headline = ? WHERE id = ?", ("Alarm \x1b]0;pwned\x07 bell", sys.argv[2]))
c.commit()
PY
for cols in 100 70; do
  COLUMNS=$cols "$BIN" stories --db "$WORK/edit.db" --format table > "$WORK/cjk.txt" ||
    fail "stories table of the edited copy"
  python3 - "$WORK/cjk.txt" $cols <<'PY' || fail "stories table with CJK at $cols columns"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) == "Cf" else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert not any("\x1b" in l for l in lines), "escape sequence from the database reached the output"
label_col = width(lines[0][:lines[0].index("LABEL")])
cjk = [l for l in lines if "港口" in l]
assert len(cjk) == 1, lines
row = cjk[0]
assert width(row[:row.index("港口")]) == label_col, f"label column misaligned: {row}"
assert width(row) <= int(sys.argv[2]), f"{width(row)} > {sys.argv[2]}: {row}"
assert row.endswith("…"), row
PY
done
"$BIN" show article "$dna_id" --db "$WORK/edit.db" > "$WORK/esc.md" || fail "show the edited article"
grep -q $'\x1b' "$WORK/esc.md" && fail "show article printed an escape sequence from the database"
expect_contains "$WORK/esc.md" "Alarm" "show the edited article"
"$BIN" show story "$dna_story" --db "$WORK/edit.db" > "$WORK/esc2.md" || fail "show the edited story"
grep -q $'\x1b' "$WORK/esc2.md" && fail "show story printed an escape sequence from the database"
expect_contains "$WORK/esc2.md" "Cafe"$'\u0301' "show story keeps combining marks"

# Export filters exclude.
expect_exit 0 "export --outlet" "$BIN" export articles --db "$db" --outlet "$dna_outlet" --format jsonl
python3 - "$WORK/out.txt" "$dna_outlet" "$dna_id" <<'PY' || fail "export --outlet"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert rows and len(rows) < 6, f"{len(rows)} rows"
assert all(r["outlet"] == sys.argv[2] for r in rows), rows
assert any(r["id"] == sys.argv[3] for r in rows)
PY
expect_exit 0 "export --since future" "$BIN" export articles --db "$db" --since 2031-01-01
[[ $(wc -l < "$WORK/out.txt") -eq 1 ]] || fail "export --since 2031: expected the header only"
expect_exit 2 "export bad date" "$BIN" export quotes --db "$db" --until 2024-02-30
expect_contains "$WORK/err.txt" "--until" "export bad date"
expect_exit 2 "export unknown table" "$BIN" export widgets --db "$db"
expect_exit 2 "export into a missing folder" "$BIN" export articles --db "$db" -o "$WORK/no/such/dir/a.csv"
ls "$WORK/no" > /dev/null 2>&1 && fail "export left files behind"

# ---- stories: filters ----
count_lines() { wc -l < "$WORK/out.txt" | tr -d ' '; }
total_stories=$(wc -l < "$WORK/stories.jsonl" | tr -d ' ')
expect_exit 0 "stories --since future" "$BIN" stories --db "$db" --format jsonl --since 2031-01-01
[[ $(count_lines) -eq 0 ]] || fail "stories --since 2031 listed stories"
expect_exit 0 "stories --until past" "$BIN" stories --db "$db" --format jsonl --until 2024-03-11
[[ $(count_lines) -eq 0 ]] || fail "stories --until 2024-03-11 listed stories"
expect_exit 0 "stories on the day" "$BIN" stories --db "$db" --format jsonl --since 2024-03-12 \
  --until 2024-03-12 --limit 0
[[ $(count_lines) -eq $total_stories ]] || fail "stories --since/--until the corpus's day: $(count_lines)"
expect_exit 0 "stories --outlet" "$BIN" stories --db "$db" --format jsonl --outlet "$dna_outlet"
python3 - "$WORK/out.txt" "$dna_outlet" "$dna_story" <<'PY' || fail "stories --outlet"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [str(r["id"]) for r in rows] == [sys.argv[3]], rows
assert any(o["name"] == sys.argv[2] for o in rows[0]["outlets"])
PY
expect_exit 0 "stories unknown outlet" "$BIN" stories --db "$db" --outlet "No Such Outlet"
[[ ! -s "$WORK/out.txt" ]] || fail "stories --outlet 'No Such Outlet' listed stories"
expect_contains "$WORK/err.txt" "no outlet" "stories unknown outlet"
expect_exit 0 "stories --text" "$BIN" stories --db "$db" --format jsonl --text "Hafen"
python3 - "$WORK/out.txt" "$WORK/articles.jsonl" <<'PY' || fail "stories --text"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
arts = [json.loads(l) for l in open(sys.argv[2])]
want = {a["story"] for a in arts if "05_morgenbote" in a["source"]}
assert {r["id"] for r in rows} == want, (rows, want)
PY
expect_exit 2 "stories bad --text" "$BIN" stories --db "$db" --text '"unterminated'
expect_exit 0 "stories --limit 1" "$BIN" stories --db "$db" --format csv --limit 1
[[ $(count_lines) -eq 2 ]] || fail "stories --limit 1 --format csv: expected header + 1 row"
expect_exit 0 "stories --offset" "$BIN" stories --db "$db" --format jsonl --offset "$total_stories"
[[ $(count_lines) -eq 0 ]] || fail "stories --offset past the end listed stories"
for bad in 2024-02-30 2024-13-01 12.03.2024 yesterday 2024-03-12T24:00 2024-3-1; do
  expect_exit 2 "stories --since $bad" "$BIN" stories --db "$db" --since "$bad"
  expect_contains "$WORK/err.txt" "bad --since '$bad'" "stories --since $bad"
done
expect_exit 2 "stories since > until" "$BIN" stories --db "$db" --since 2024-03-13 --until 2024-03-12

# The table: not a terminal, so no colour; every line fits 100 columns (by display width).
expect_exit 0 "stories table" "$BIN" stories --db "$db" --format table
expect_contains "$WORK/out.txt" "LABEL" "stories table header"
expect_contains "$WORK/out.txt" "${dna_outlet:0:12}" "stories table outlets"
python3 - "$WORK/out.txt" 100 <<'PY' || fail "stories table width"
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) or unicodedata.category(c) == "Cf" else
               2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
text = open(sys.argv[1], encoding="utf-8").read()
assert "\x1b" not in text, "escape sequences in piped output"
for line in text.splitlines():
    assert width(line) <= int(sys.argv[2]), f"{width(line)} columns: {line}"
PY
COLUMNS=60 "$BIN" stories --db "$db" --format table > "$WORK/narrow.txt"
python3 - "$WORK/narrow.txt" <<'PY' || fail "stories table at COLUMNS=60: labels not cut with …"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert any(l.endswith("…") for l in lines[1:]), lines
assert all(len(l) <= 80 for l in lines), lines
PY

# ---- show article ----
expect_exit 0 "show article (prefix)" "$BIN" show article "${dna_id:0:8}" --db "$db"
cp "$WORK/out.txt" "$WORK/show.md"
expect_contains "$WORK/show.md" "# $(cat "$WORK/dna_headline")" "show article headline"
expect_contains "$WORK/show.md" "**published**: 2024-03-12T14:35 — *" "show article date and rule"
expect_contains "$WORK/show.md" "**id**: $dna_id" "show article id"
expect_contains "$WORK/show.md" "**story**: $dna_story:" "show article story"
expect_contains "$WORK/show.md" "BOILERPLATE** — set aside" "show article boilerplate"
expect_contains "$WORK/show.md" "**body**" "show article body blocks"
expect_contains "$WORK/show.md" "## Entities" "show article entities"
expect_contains "$WORK/show.md" "Ilias Marek" "show article entity"
expect_contains "$WORK/show.md" "   - speaker: " "show article quote speaker"
expect_contains "$WORK/show.md" "   - cue: " "show article quote cue"
expect_contains "$WORK/show.md" "   - channel: " "show article quote channel"
upper=$(echo "${dna_id:0:10}" | tr a-f A-F)
expect_exit 0 "show article upper-case prefix" "$BIN" show article "$upper" --db "$db" --format json
python3 - "$WORK/out.txt" "$dna_id" "$dna_story" <<'PY' || fail "show article --format json"
import json, sys
a = json.load(open(sys.argv[1]))
assert a["schema"] == "parallax.article/1" and a["id"] == sys.argv[2], a.get("id")
assert str(a["corpus"]["story"]["id"]) == sys.argv[3], a["corpus"]
assert any(b["role"] == "boilerplate" and b["reason"] for b in a["blocks"])
assert a["quotes"] and all("speaker" in q for q in a["quotes"])
assert a["published"]["rule"], a["published"]
t = a["text"].encode()
h = [b for b in a["blocks"] if b["role"] == "headline"][0]
assert t[h["start"]:h["end"]].decode().strip() == a["headline"], "headline span"
PY
expect_exit 2 "show article unknown id" "$BIN" show article 0000000000000000 --db "$db"
expect_contains "$WORK/err.txt" "no article 0000000000000000" "show article unknown id"
expect_exit 2 "show article short prefix" "$BIN" show article "${dna_id:0:7}" --db "$db"
expect_contains "$WORK/err.txt" "at least 8" "show article short prefix"
expect_exit 2 "show article non-hex" "$BIN" show article "zzzzzzzzzz" --db "$db"
expect_exit 2 "show without a kind" "$BIN" show --db "$db"

# ---- show story ----
expect_exit 0 "show story" "$BIN" show story "$dna_story" --db "$db"
expect_contains "$WORK/out.txt" "# Story $dna_story: " "show story title"
expect_contains "$WORK/out.txt" "$(cat "$WORK/dna_headline")" "show story lists the DNA article"
expect_contains "$WORK/out.txt" "$dna_id" "show story article id"
expect_contains "$WORK/out.txt" "**span**: 2024-03-12" "show story span"
expect_contains "$WORK/out.txt" "$dna_outlet (" "show story outlets"
expect_exit 0 "show story json" "$BIN" show story "$dna_story" --db "$db" --format json
python3 - "$WORK/out.txt" "$dna_id" "$WORK/stories.jsonl" <<'PY' || fail "show story --format json"
import json, sys
s = json.load(open(sys.argv[1]))
assert sys.argv[2] in [a["id"] for a in s["articles"]]
listed = {r["id"]: r for r in map(json.loads, open(sys.argv[3]))}[s["id"]]
assert len(s["articles"]) == listed["articles"] == s["article_count"], (s, listed)
assert s["label"] == listed["label"] and s["first"] == listed["first"]
assert isinstance(s["duplicates"], list)
PY
expect_exit 2 "show story unknown" "$BIN" show story 987654 --db "$db"
expect_contains "$WORK/err.txt" "no story 987654" "show story unknown"
expect_exit 2 "show story not a number" "$BIN" show story abc --db "$db"

# ---- search ----
expect_exit 0 "search jsonl" "$BIN" search minister --db "$db" --format jsonl --limit 0
cp "$WORK/out.txt" "$WORK/all_hits.jsonl"
expect_exit 0 "search --outlet" "$BIN" search minister --db "$db" --format jsonl --outlet "$dna_outlet"
python3 - "$WORK/out.txt" "$WORK/all_hits.jsonl" "$dna_outlet" "$dna_id" <<'PY' || fail "search --outlet"
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1])]
every = [json.loads(l) for l in open(sys.argv[2])]
assert len(every) >= 3, every
assert hits and len(hits) < len(every), (len(hits), len(every))
assert all(h["outlet"] == sys.argv[3] for h in hits)
assert hits[0]["id"] == sys.argv[4]
assert all("[" in h["snippet"] and "]" in h["snippet"] for h in every), "snippets not marked"
assert [h["rank"] for h in every] == list(range(1, len(every) + 1))
PY
expect_exit 0 "search one German word" "$BIN" search Hafen --db "$db" --format csv
python3 - "$WORK/out.txt" "$(cat "$WORK/de_id")" <<'PY' || fail "search Hafen --format csv"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
assert len(rows) == 1 and rows[0]["id"] == sys.argv[2], rows
assert "[hafen]" in rows[0]["snippet"].lower(), rows
PY
expect_exit 0 "search --since future" "$BIN" search minister --db "$db" --since 2031-01-01
[[ ! -s "$WORK/out.txt" ]] || fail "search --since 2031 found articles"
expect_contains "$WORK/err.txt" "no articles match" "search with no hits"
expect_exit 0 "search --limit 1" "$BIN" search minister --db "$db" --format jsonl --limit 1
[[ $(count_lines) -eq 1 ]] || fail "search --limit 1"
expect_exit 0 "search table" "$BIN" search minister --db "$db" --format table --limit 2
expect_contains "$WORK/out.txt" "1. " "search table numbering"
grep -q $'\x1b' "$WORK/out.txt" && fail "search table piped: escape sequences without --color always"
NO_COLOR=1 "$BIN" search minister --db "$db" --format table --color always > "$WORK/nc.txt"
grep -q $'\x1b' "$WORK/nc.txt" && fail "NO_COLOR set, yet colour"
"$BIN" search minister --db "$db" --format table --color always > "$WORK/c.txt"
grep -q $'\x1b\[1;33m' "$WORK/c.txt" || fail "--color always: no highlighted match"
expect_exit 2 "search bad query" "$BIN" search '"unterminated' --db "$db"
expect_contains "$WORK/err.txt" "bad search query" "search bad query"
expect_exit 2 "search empty query" "$BIN" search "  " --db "$db"
expect_exit 2 "search bad date" "$BIN" search minister --db "$db" --since 2024-02-31
expect_contains "$WORK/err.txt" "bad --since" "search bad date"

# ---- read-only: nothing above changed the database file ----
[[ "$(md5sum < "$db")" == "$sum_before" ]] || fail "the read verbs changed the database file"
finish
