#!/usr/bin/env bash
# Does "unique to one outlet" track what annotators saw as selective reporting? On BASIL
# (../shared/data/compare/basil: the same event told by Fox News, the New York Times and
# HuffPost, with phrase-level bias spans), for every event of documents.jsonl (the dev part),
# runs `parallax compare` on its three articles and reports
#   - the share of annotated informational-bias spans (bias "inf") lying in claims parallax marks
#     unique to that span's outlet,
#   - against the share of all body sentences lying in such claims (the base rate),
#   - and the same share for lexical-bias spans (bias "lex", a control: word choice, not
#     selection).
# A span or sentence lies in a claim when its midpoint falls inside one of the claim's evidence
# spans in that article.
#   bench/eval_basil.sh [OUT_DIR]       BUILD_DIR=... (default build/release) holds apps/cli/parallax
# Skips (exit 0) when the data is absent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
basil="$root/../shared/data/compare/basil"
if [[ ! -f "$basil/documents.jsonl" ]]; then
  echo "eval_basil: skipped ($basil/documents.jsonl not found)"
  exit 0
fi
build="${BUILD_DIR:-$root/build/release}"
bin="$build/apps/cli/parallax"
if [[ ! -x "$bin" ]]; then
  cmake --build "$build" --target parallax
fi
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
python3 - "$basil" "$bin" "$out" <<'PY'
import glob, json, os, subprocess, sys
basil, binary, out = sys.argv[1:4]
docs = [json.loads(l) for l in open(os.path.join(basil, "documents.jsonl"))]
events = {}
for d in docs:
    events.setdefault(d["cluster"], []).append(d)
paths = {os.path.basename(p)[:-5]: p for p in glob.glob(os.path.join(basil, "articles", "*", "*.json"))}
anns = {os.path.basename(p)[:-9]: p for p in glob.glob(os.path.join(basil, "annotations", "*", "*_ann.json"))}
totals = {"inf": [0, 0], "lex": [0, 0], "sentences": [0, 0]}
per_outlet = {}
skipped = 0
for cluster, members in sorted(events.items()):
    records, layouts = [], []
    for d in sorted(members, key=lambda d: d["id"]):
        art = json.load(open(paths[d["id"]]))
        # The article text: paragraphs (sentences joined by one space) separated by blank lines;
        # the offset of every sentence kept (as UTF-8 bytes) to place the annotations.
        text, starts, sentences = "", [], []
        for para in art["body-paragraphs"]:
            if text: text += "\n\n"
            for k, s in enumerate(para):
                if k: text += " "
                starts.append(len(text.encode()))
                sentences.append(s)
                text += s
        outlet = art["source"].lower()
        records.append({"id": d["id"], "title": art.get("title", ""), "outlet": outlet, "text": text})
        layouts.append((d["id"], outlet, starts, sentences))
    path = os.path.join(out, cluster + ".jsonl")
    with open(path, "w") as f:
        for r in records: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    res = subprocess.run([binary, "compare", path, "--input-format", "jsonl", "--title-field", "title",
                          "--outlet-field", "outlet", "--id-field", "id", "--format", "json", "-q"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        skipped += 1
        print(f"{cluster}: compare failed: {res.stderr.strip()[:200]}", file=sys.stderr)
        continue
    r = json.loads(res.stdout)
    open(os.path.join(out, cluster + ".comparison.json"), "w").write(res.stdout)
    unique = {}  # article index -> list of (start, end)
    for c in r["claims"]:
        if c["status"] != "unique": continue
        for e in c["evidence"]:
            unique.setdefault(e["article"], []).append((e["start"], e["end"]))
    source_index = {a["source"]: i for i, a in enumerate(r["articles"])}
    for doc_id, outlet, starts, sentences in layouts:
        idx = next((i for s, i in source_index.items() if s.endswith(doc_id)), None)
        if idx is None: continue
        spans = unique.get(idx, [])
        inside = lambda mid: any(s <= mid < e for s, e in spans)
        stats = per_outlet.setdefault(outlet, {"inf": [0, 0], "lex": [0, 0], "sentences": [0, 0]})
        for start, s in zip(starts, sentences):
            mid = start + len(s.encode()) // 2
            for t in (totals, stats):
                t["sentences"][1] += 1
                t["sentences"][0] += inside(mid)
        if doc_id not in anns: continue
        for a in json.load(open(anns[doc_id]))["phrase-level-annotations"]:
            if a["bias"] not in ("inf", "lex") or not a["id"].startswith("p"): continue
            k = int(a["id"][1:])
            if k >= len(sentences): continue
            s = sentences[k]
            b0 = starts[k] + len(s[:a["start"]].encode())
            b1 = starts[k] + len(s[:a["end"]].encode())
            mid = (b0 + b1) // 2
            for t in (totals, stats):
                t[a["bias"]][1] += 1
                t[a["bias"]][0] += inside(mid)
def share(x): return f"{x[0] / x[1]:.3f} ({x[0]}/{x[1]})" if x[1] else "n/a"
print(f"BASIL dev: {len(events)} events, {skipped} skipped")
print(f"  informational-bias spans in unique claims: {share(totals['inf'])}")
print(f"  all sentences in unique claims (base rate): {share(totals['sentences'])}")
print(f"  lexical-bias spans in unique claims:       {share(totals['lex'])}")
for outlet, s in sorted(per_outlet.items()):
    print(f"  {outlet}: inf {share(s['inf'])}  sentences {share(s['sentences'])}  lex {share(s['lex'])}")
PY
