#!/usr/bin/env bash
# parallax compare: on two fictional articles written here (the JSON record validates against
# docs/schema/comparison.schema.json, every span lies inside its article, the Markdown report
# fits 100 columns, the HTML report is one page), and, when ../shared/seeds exists, the seed
# acceptance list of issue 6 checked with general assertions over the record.
source "$(dirname "$0")/lib.sh"

cat > "$WORK/ledger.txt" <<'EOF'
Harbour protest ends as police clear the quay

Police dispersed the crowd outside the Varnholm harbour office on Saturday after a four-hour sit-in against the closure of the shipyard.

About 2,000 people joined the protest on the quay, the organisers said.

"We will not accept the closure of the shipyard," union leader Mira Solvik told reporters.

The shipyard has built fishing boats in the town since 1921 and employs most of its families.

The so-called "green corridor" plan would turn the yard into a ferry terminal.
EOF
cat > "$WORK/courier.txt" <<'EOF'
Workers defy minister as officers push back demonstrators at Varnholm

On Saturday officers pushed back the demonstrators who had occupied the area outside the Varnholm harbour office for four hours in protest at the shipyard closure.

Some 5,000 people joined the protest on the quay, the organisers said.

"The minister has betrayed this town and everyone who works here," union leader Mira Solvik said.

"Nobody in this government listens to us," said retired welder Jonas Fenn.

Police reportedly used batons near the main gate of the yard.
EOF
printf 'ledger.txt,Northern Ledger\ncourier.txt,Coastal Courier\n' > "$WORK/outlets.csv"

"$BIN" compare "$WORK/ledger.txt" "$WORK/courier.txt" --outlet-map "$WORK/outlets.csv" \
  --format json -o "$WORK/fiction.json" 2> "$WORK/err.txt" || fail "compare json: $(cat "$WORK/err.txt")"
"$BIN" compare "$WORK/ledger.txt" "$WORK/courier.txt" --outlet-map "$WORK/outlets.csv" \
  --format markdown > "$WORK/fiction.md" 2> "$WORK/err.txt" || fail "compare markdown"
# Piped without --format: JSON.
"$BIN" compare "$WORK/ledger.txt" "$WORK/courier.txt" -q | head -c 40 > "$WORK/piped.txt"
expect_contains "$WORK/piped.txt" '"schema":"parallax.comparison/1"' "piped output is JSON"
expect_contains "$WORK/fiction.md" "## Headlines" "markdown headlines"
expect_contains "$WORK/fiction.md" "Northern Ledger" "markdown outlets"
if "$BIN" compare --format html "$WORK/ledger.txt" "$WORK/courier.txt" -q -o "$WORK/fiction.html" \
    2> "$WORK/err.txt"; then
  grep -qi "<html" "$WORK/fiction.html" || fail "html report is not a page"
else
  fail "compare html: $(cat "$WORK/err.txt")"
fi
# Usage errors: nothing given; --db without --story.
"$BIN" compare > /dev/null 2>&1; [[ $? -eq 2 ]] || fail "no input: exit 2 expected"
"$BIN" compare --db "$WORK/none.db" > /dev/null 2>&1; [[ $? -eq 2 ]] || fail "--db without --story"

python3 - "$WORK/fiction.json" "$WORK/fiction.md" "$SRC/docs/schema/comparison.schema.json" <<'PY' || fail "fiction record"
import json, sys
try:
    import jsonschema
except ImportError:
    jsonschema = None
    print("note: python3-jsonschema missing; schema not validated")
r = json.load(open(sys.argv[1]))
errors = []
if jsonschema:
    try: jsonschema.validate(r, json.load(open(sys.argv[3])))
    except jsonschema.ValidationError as e: errors.append(f"schema: {e.message} at {list(e.path)}")
texts = [a["text"].encode() for a in r["articles"]]
def view(e):
    t = texts[e["article"]]
    if not (0 <= e["start"] <= e["end"] <= len(t)): errors.append(f"span out of range {e}"); return ""
    return t[e["start"]:e["end"]].decode()
def spans(x):
    if isinstance(x, dict):
        if set(x) == {"article", "start", "end"}: yield x
        for v in x.values(): yield from spans(v)
    elif isinstance(x, list):
        for v in x: yield from spans(v)
for e in spans({k: v for k, v in r.items() if k != "articles"}): view(e)
if r["outlets"] != ["Northern Ledger", "Coastal Courier"]: errors.append(f"outlets {r['outlets']}")
shared = [c for c in r["claims"] if c["status"] == "shared"]
if not any("dispersed" in view(c["evidence"][0]) and any("pushed back" in view(e) for e in c["evidence"]) for c in shared):
    errors.append("no shared claim for dispersed / pushed back")
if not any(c["status"] == "unique" and "1921" in c["text"] for c in r["claims"]): errors.append("1921 claim not unique")
if not any({v["value"] for v in d["values"]} == {"2,000", "5,000"} for d in r["disagreements"]):
    errors.append(f"no 2,000 / 5,000 disagreement: {r['disagreements']}")
if not any("Fenn" in s for v in r["voices"] if v["outlet"] == "Coastal Courier" for s in v["only_here"]):
    errors.append("Fenn is not a Courier-only voice")
for line in open(sys.argv[2], encoding="utf-8"):
    if len(line.rstrip("\n")) > 100: errors.append(f"markdown line over 100 columns: {line!r}")
for e in errors: print(e)
sys.exit(1 if errors else 0)
PY

seeds="$SHARED/seeds"
if [[ ! -d "$seeds" ]]; then
  echo "seeds: skipped ($seeds not found)"
  finish
fi
"$BIN" compare "$seeds"/*.txt --format json -o "$WORK/seeds.json" 2> "$WORK/err.txt" \
  || fail "compare seeds: $(cat "$WORK/err.txt")"
python3 - "$WORK/seeds.json" "$SRC/docs/schema/comparison.schema.json" <<'PY' || fail "seed acceptance"
import json, sys
try:
    import jsonschema
except ImportError:
    jsonschema = None
r = json.load(open(sys.argv[1]))
errors = []
if jsonschema:
    try: jsonschema.validate(r, json.load(open(sys.argv[2])))
    except jsonschema.ValidationError as e: errors.append(f"schema: {e.message}")
texts = [a["text"].encode() for a in r["articles"]]
def view(e): return texts[e["article"]][e["start"]:e["end"]].decode()
outlet_of = [a["outlet"] for a in r["articles"]]
outlets = r["outlets"]
if len(outlets) != 2: errors.append(f"outlets {outlets}"); print(errors); sys.exit(1)
# Which outlet is the agency with the dateline tag and which the other is read from the record.
tass = next(o for o in outlets if "TASS" in o.upper())
mt = next(o for o in outlets if o != tass)
def claims_with(needle, status=None, outlet=None):
    out = []
    for c in r["claims"]:
        if status and c["status"] != status: continue
        for e in c["evidence"]:
            if needle.lower() in view(e).lower() and (outlet is None or outlet_of[e["article"]] == outlet):
                out.append(c); break
    return out
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok: errors.append(what)
# 1. Peskov quoted by both with different statements.
pes = [q for q in r["quotes"] if "peskov" in q["key"]]
check(len(pes) == 1 and set(pes[0]["outlets"]) == {tass, mt}, "Peskov quoted by both outlets")
if pes:
    sts = pes[0]["statements"]
    check(all(s["use"] == "different" for s in sts), "Peskov: every statement a different choice")
    check(any("third parties" in view(s["evidence"]) for s in sts if s["outlet"] == mt), "Peskov in MT: third parties")
    check(any("legitimate leadership" in view(s["evidence"]) for s in sts if s["outlet"] == tass), "Peskov in TASS: legitimate leadership")
# 2. Only MT: OSCE observers, collective West (Zakharova), the ambassador and sanctions, context.
for needle in ["OSCE", "collective West", "Botsan-Kharchenko", "anti-Russian sanctions",
               "international sanctions", "United Nations", "Russian gas", "Kosovo"]:
    check(bool(claims_with(needle, "unique", mt)) and not claims_with(needle, "shared"), f"only MT: {needle}")
check(any("Zakharova" in s for v in r["voices"] if v["outlet"] == mt for s in v["only_here"]), "Zakharova a voice only MT gives")
# 3. Only TASS: damage details, the rallies at the election commission, elections quote.
for needle in ["flagpoles", "windows", "cameras", "power is changed only at elections"]:
    check(bool(claims_with(needle, "unique", tass)) and not claims_with(needle, "shared"), f"only TASS: {needle}")
check(bool(claims_with("Election Commission", "unique", tass)), "only TASS: rallies at the election commission (a claim of its own)")
# 4. The storming and its dispersal: one shared claim.
storm = [c for c in r["claims"] if c["status"] == "shared"
         and any("city hall" in view(e) for e in c["evidence"] if outlet_of[e["article"]] == tass)
         and any("city hall" in view(e) for e in c["evidence"] if outlet_of[e["article"]] == mt)]
check(len(storm) == 1, "city hall storming aligned as one shared claim")
if storm:
    check(any("disperse" in view(e) for e in storm[0]["evidence"]) and
          any("pushed back" in view(e) for e in storm[0]["evidence"]), "storm claim holds the dispersal in both wordings")
# 5. Headlines framed differently.
heads = {h["outlet"]: h for h in r["headlines"]}
check(tass in heads and "meddling" in heads[tass]["terms"], "TASS headline frames: meddling")
check(mt in heads and "destabilize" in heads[mt]["terms"] and "west" in heads[mt]["terms"], "MT headline frames: West destabilize")
# Nothing from furniture: no claim evidence outside body text (donation appeal words).
check(not claims_with("support us") and not claims_with("Dear readers"), "no boilerplate claims")
sys.exit(1 if errors else 0)
PY
finish
