#!/usr/bin/env bash
# Bad input gets a clear message naming the file or line and the reason; the other articles
# still come out; exit status 1 when some failed, 2 when nothing was analysed.
source "$(dirname "$0")/lib.sh"
good="$WORK/good.txt"
cat > "$good" <<'TXT'
Harbour cranes fall silent as dockers walk out

PORT ELVAN (Coastal Wire) — Dock workers in the fictional port of Port Elvan stopped work on
Tuesday, the union said, after talks on night-shift pay broke down.

The harbour authority said it would meet the union again on Friday.
TXT
: > "$WORK/empty.txt"
printf '   \n\t\n' > "$WORK/blank.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10' > "$WORK/image.txt"
head -c 3000 /dev/zero | tr '\0' 'a' > "$WORK/big.txt"
mkdir -p "$WORK/emptydir"

"$BIN" analyze "$good" "$WORK/empty.txt" "$WORK/blank.txt" "$WORK/image.txt" "$WORK/big.txt" \
  "$WORK/missing.txt" "$WORK/emptydir" --max-article-bytes 2048 \
  > "$WORK/out.jsonl" 2> "$WORK/err.txt"
code=$?
[[ $code -eq 1 ]] || fail "mixed batch: exit $code, want 1"
[[ $(wc -l < "$WORK/out.jsonl") -eq 1 ]] || fail "mixed batch: want exactly the good article out"
expect_contains "$WORK/out.jsonl" '"source":"'"$good"'"' "good article printed"
for name in empty.txt blank.txt image.txt big.txt missing.txt emptydir; do
  grep -q "$name" "$WORK/err.txt" || fail "no message naming $name: $(cat "$WORK/err.txt")"
done
grep -q "image.txt.*\(PNG\|binary\)" "$WORK/err.txt" || fail "binary file reason missing"
grep -qi "big.txt.*\(limit\|max\|large\)" "$WORK/err.txt" || fail "size limit reason missing"

# Unreadable file (root reads everything, so only checked for other users).
if [[ $(id -u) -ne 0 ]]; then
  cp "$good" "$WORK/locked.txt" && chmod 000 "$WORK/locked.txt"
  "$BIN" analyze "$good" "$WORK/locked.txt" > /dev/null 2> "$WORK/err2.txt"
  [[ $? -eq 1 ]] || fail "unreadable file: want exit 1"
  grep -q "locked.txt" "$WORK/err2.txt" || fail "unreadable file not named"
fi

# Malformed JSONL lines are named by line number; good records still come out.
printf '{"text":"First record. It has a sentence."}\n{"text": broken\n\n{"other":1}\n{"text":"Third good one."}\n' \
  > "$WORK/records.jsonl"
"$BIN" analyze "$WORK/records.jsonl" > "$WORK/out2.jsonl" 2> "$WORK/err3.txt"
code=$?
[[ $code -eq 1 ]] || fail "jsonl: exit $code, want 1"
[[ $(wc -l < "$WORK/out2.jsonl") -eq 2 ]] || fail "jsonl: want 2 records out"
grep -q "records.jsonl:2" "$WORK/err3.txt" || fail "malformed line 2 not named: $(cat "$WORK/err3.txt")"
grep -q "records.jsonl:4" "$WORK/err3.txt" || fail "record without text (line 4) not named"

# Nothing analysed -> 2. Usage error -> 2.
"$BIN" analyze "$WORK/empty.txt" > /dev/null 2>&1
[[ $? -eq 2 ]] || fail "nothing analysed: want exit 2"
"$BIN" analyze --no-such-flag > /dev/null 2>&1
[[ $? -eq 2 ]] || fail "unknown flag: want exit 2"
"$BIN" analyze --input-format xml "$good" > /dev/null 2>&1
[[ $? -eq 2 ]] || fail "bad --input-format: want exit 2"
finish
