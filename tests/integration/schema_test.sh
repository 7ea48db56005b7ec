#!/usr/bin/env bash
# Every record of the example corpus validates against docs/schema/article.schema.json, and the
# span invariants hold: blocks in order, inside text, not overlapping, covering every letter and
# digit; body equals the body blocks joined by blank lines; sentences inside non-furniture blocks.
source "$(dirname "$0")/lib.sh"
"$BIN" analyze "$SRC"/examples/corpus/*.txt "$SRC"/testdata/golden/text/*.txt --outlet-map "$SRC/examples/outlets.csv" \
  > "$WORK/all.jsonl" 2> "$WORK/err.txt"
code=$?
[[ $code -le 1 ]] || fail "analyze: exit $code: $(cat "$WORK/err.txt")"
python3 - "$WORK/all.jsonl" "$SRC/docs/schema/article.schema.json" <<'PY' || fail "schema or span invariants"
import json, sys
try:
    import jsonschema
except ImportError:
    jsonschema = None
    print("note: python3-jsonschema missing; schema not validated")
schema = json.load(open(sys.argv[2]))
errors = []
n = 0
for line in open(sys.argv[1]):
    r = json.loads(line); n += 1
    src = r["source"]
    if jsonschema:
        try: jsonschema.validate(r, schema)
        except jsonschema.ValidationError as e: errors.append(f"{src}: schema: {e.message}")
    t = r["text"].encode()
    prev = 0
    covered = bytearray(len(t))
    for b in r["blocks"]:
        if not (prev <= b["start"] <= b["end"] <= len(t)):
            errors.append(f"{src}: block out of order or range {b}"); break
        prev = b["end"]
        for i in range(b["start"], b["end"]): covered[i] = 1
    offset = 0
    for ch in r["text"]:
        # Separators between pieces of one line ("Section | 18:21") may stay outside blocks;
        # letters and digits never do.
        if ch.isalnum() and not covered[offset]:
            errors.append(f"{src}: byte {offset} ({ch!r}) in no block"); break
        offset += len(ch.encode())
    body = "\n\n".join(t[b["start"]:b["end"]].decode() for b in r["blocks"] if b["role"] == "body")
    if body != r["body"]: errors.append(f"{src}: body is not the joined body blocks")
    for s in r["sentences"]:
        if not (0 <= s["start"] < s["end"] <= len(t)): errors.append(f"{src}: bad sentence {s}")
    for q in r["quotes"]:
        if not (0 <= q["start"] <= q["end"] <= len(t)): errors.append(f"{src}: bad quote {q}")
    for e in r["entities"]:
        for mm in e["mentions"]:
            if not (0 <= mm["start"] < mm["end"] <= len(t)): errors.append(f"{src}: bad mention {mm}")
if n < 30: errors.append(f"only {n} records")
for e in errors[:30]: print(e)
sys.exit(1 if errors else 0)
PY
finish
