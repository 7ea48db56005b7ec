#!/usr/bin/env bash
# The foundation issue's acceptance on the two founding scrapes in ../shared/seeds (skipped when
# ../shared is absent). The expectations follow from general rules; see src/extract/.
source "$(dirname "$0")/lib.sh"
if ! ls "$SHARED"/seeds/*.txt > /dev/null 2>&1; then
  echo "skipped: $SHARED/seeds not present"
  exit 0
fi
"$BIN" analyze "$SHARED"/seeds/*.txt > "$WORK/seeds.jsonl" 2> "$WORK/err.txt" \
  || fail "analyze seeds: exit $?: $(cat "$WORK/err.txt")"
python3 - "$WORK/seeds.jsonl" <<'PY' || fail "seed expectations"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
by_outlet = {r["outlet"]: r for r in recs}
errors = []
def check(cond, msg):
    if not cond: errors.append(msg)
def view(r, b): return r["text"].encode()[b["start"]:b["end"]].decode()
def role_blocks(r, role): return [view(r, b) for b in r["blocks"] if b["role"] == role]

check(set(by_outlet) == {"TASS", "The Moscow Times"}, f"outlets: {list(by_outlet)}")
t = by_outlet.get("TASS"); m = by_outlet.get("The Moscow Times")
if t:
    check(t["headline"] == "Current events in Belgrade strictly home affair of Serbia; no Russian meddling — Kremlin", "TASS headline: " + t["headline"])
    check(t["section"] == "Russian Politics & Diplomacy", "TASS section: " + t["section"])
    check(t["published"] and t["published"]["value"].startswith("2023-12-25T18:21"), f"TASS published: {t['published']}")
    check(t["dateline"] and t["dateline"]["place"] == "MOSCOW" and t["dateline"]["agency"] == "TASS", f"TASS dateline: {t['dateline']}")
    check(t["standfirst"].startswith('"Serbia has a legitimate leadership') and "Peskov stressed" in t["standfirst"], "TASS standfirst: " + t["standfirst"])
    check(any("Read more on the site" in x for x in role_blocks(t, "boilerplate")), "TASS read-more not boilerplate")
    body = t["body"]
    for s in ["Current developments unfolding on the streets of Belgrade", "We are united by a common historical",
              "tried to storm city hall on Sunday", "destroying video surveillance cameras",
              "power is changed only at elections", "no violent change of power",
              "contesting the victory of the ruling party-led coalition"]:
        check(s in body, "TASS body misses: " + s)
    check("Read more" not in body, "TASS body has furniture")
if m:
    check(m["headline"] == "Russia Says West Trying to 'Destabilize' Serbia", "MT headline: " + m["headline"])
    check(m["published"] is None, f"MT published should be null: {m['published']}")
    check(any(x.strip() == "Andrej Isakovic / AFP" for x in role_blocks(m, "credit")), f"MT credit: {role_blocks(m, 'credit')}")
    check(any("Anti-riot police units disperse protesters" in x for x in role_blocks(m, "caption")), "MT caption")
    bp = "\n".join(role_blocks(m, "boilerplate"))
    for s in ["Enjoying ad-free content?", "Since July 1, 2024", "Our journalism is banned in Russia",
              "A Message from The Moscow Times", "Dear readers", "Once", "Monthly", "Annual", "Continue",
              "Remind me later"]:
        check(s in bp, "MT boilerplate misses: " + s)
    body = m["body"]
    for s in ["Russia on Monday accused Western countries", "pushed back by police using force and pepper spray",
              "ballot box stuffing", "The attempts of the collective West", "There are attempts by third parties",
              "Serbia is almost entirely dependent on Russian gas", "helping shut the former province out of the United Nations"]:
        check(s in body, "MT body misses: " + s)
    for s in ["ad-free", "Dear readers", "Monthly", "Andrej Isakovic / AFP", "support us"]:
        check(s not in body, "MT body has furniture: " + s)
for e in errors: print(e)
sys.exit(1 if errors else 0)
PY
finish
