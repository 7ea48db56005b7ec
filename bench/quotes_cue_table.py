#!/usr/bin/env python3
"""Learns the quotes stage's cue table from PolNeAR train and writes src/quotes/cue_table_data.cc.

  bench/quotes_cue_table.py [BUILD_DIR] [--out src/quotes/cue_table_data.cc]

How: runs bench/eval_quotes.sh on train twice with BUILD_DIR's parallax_eval_quotes (without the
current table), once as is and once in learning mode (PARALLAX_EVAL_LEARN_CUES=1: every unknown lower-case word after a
subject is tried as a cue in the frame the next token gives: "that", "to", a particle such as
"about"/"on" (then part of the cue), or an object). Predictions whose cue the normal run does not
have come from that rule. They are matched to the gold exactly as ../shared/eval/quotes_score.py
does, and for every (word, frame) the table records how many the rule predicted and how many
matched a gold attribution. Only words and counts are written, never article text. The lexicon
uses a row when its smoothed precision matched / (predicted + 2) reaches
kLearnedCueMinPrecision (src/quotes/lexicon.h). The forms of one word (a crude stem: "slams",
"slammed", "slamming") pool their counts, and each form of a word found in the train texts gets
a row with the pooled counts. The threshold and the pooling were chosen by two-fold
cross-validation on train (learn on half the articles, count hits on the other half).

Regenerate after changing the rules the learned cues go through (LearnedCue in quotes.cc):
  cmake --build build/release --target parallax_eval_quotes
  bench/quotes_cue_table.py build/release
  cmake --build build/release --target parallax_eval_quotes   # then score dev once
Only train is read (never dev or test). Exits 0 with a message when ../shared is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
shared = os.path.normpath(os.path.join(root, "..", "shared"))
scorer_dir = os.path.join(shared, "eval")
train = os.path.join(shared, "data", "quotes", "polnear", "train")
if not os.path.exists(os.path.join(scorer_dir, "quotes_score.py")) or not os.path.isdir(train):
    print("quotes_cue_table.py: skipped (../shared/data/quotes/polnear/train not found)")
    sys.exit(0)
sys.path.insert(0, scorer_dir)
import quotes_score as qs  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_quotes as eq  # noqa: E402

FRAMES = {"that": "kLearnThat", "to": "kLearnTo", "prep": "kLearnPrep", "obj": "kLearnObj",
          "noun": "kLearnNoun"}
POSSESSORS = ("his", "her", "their", "its", "our")


WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[A-Za-z][a-z'-]*[a-z]")
# Rows are written from this smoothed precision up (the lexicon's own threshold,
# kLearnedCueMinPrecision, is higher: the file leaves room to move it without regenerating).
MIN_WRITTEN = 0.3
MIN_USED = 0.45  # kLearnedCueMinPrecision, for the summary line only


def stem(w):
    """A crude English stem that pools a verb's forms: -ing, -ed, -es, -s, a final e, a doubled
    last consonant, y/i."""
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[:-len(suf)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    if w.endswith("i") and len(w) > 3:
        w = w[:-1] + "y"
    return w


def run(build, out_dir, learn):
    env = dict(os.environ, PARALLAX_EVAL_OUT=out_dir)
    env.pop("PARALLAX_EVAL_LEARN_CUES", None)
    env["PARALLAX_EVAL_NO_CUE_TABLE"] = "1"  # the table being learned plays no part
    if learn:
        env["PARALLAX_EVAL_LEARN_CUES"] = "1"
    subprocess.run([os.path.join(here, "eval_quotes.sh"), "train", build], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(out_dir, "pred.jsonl")


def words_after(text, pos, n):
    """The next n word-like tokens of text from pos (letters, digits, ' and -)."""
    out, i = [], pos
    while len(out) < n and i < len(text):
        while i < len(text) and not (text[i].isalnum()):
            if text[i] in "\"“”‘’«»" or text[i] in ".,;:!?()[]":
                return out
            i += 1
        j = i
        while j < len(text) and (text[j].isalnum() or text[j] in "'’-"):
            j += 1
        if j > i:
            out.append(text[i:j])
        i = j
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default=os.path.join(root, "build", "release"))
    ap.add_argument("--out", default=os.path.join(root, "src", "quotes", "cue_table_data.cc"))
    ap.add_argument("--keep", default="", help="directory to keep the two prediction files in")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp()
    base = run(a.build, os.path.join(work, "base"), False)
    learn = run(a.build, os.path.join(work, "learn"), True)
    diag = Counter()
    docs, golds = qs.load_polnear(train, diag)
    base_preds = qs._index_preds(qs.read_jsonl(base), docs, diag)
    learn_preds = qs._index_preds(qs.read_jsonl(learn), docs, diag)
    predicted, matched = Counter(), Counter()
    for did in sorted(docs):
        doc = docs[did]
        known = {(q.get("cue_start"), q.get("cue_end"))
                 for q in (base_preds.get(did) or {}).get("quotes") or []}
        quotes = (learn_preds.get(did) or {}).get("quotes") or []
        units, _ = qs.build_pred_units(doc, quotes, diag, False, True, "polnear")
        hit = set(eq.match_units(golds[did], units).values())
        raw = doc.text.encode("utf-8")
        for pi, p in enumerate(units):
            if not p.cue or len(p.cue) != 1:
                continue
            cs, ce = p.cue[0]
            bs, be = doc.char2byte[cs], doc.char2byte[ce]
            if (bs, be) in known:
                continue
            cue = raw[bs:be].decode("utf-8").lower().split()
            before = doc.text[max(0, cs - 12):cs].rstrip().lower()
            if before.endswith(("'s", "’s")) or before.split()[-1:] and \
                    before.split()[-1] in POSSESSORS:
                frame = "noun"
            elif len(cue) == 2:
                frame = "prep"
            else:
                nxt = [w.lower() for w in words_after(doc.text, ce, 1)]
                frame = nxt[0] if nxt and nxt[0] in ("that", "to") else "obj"
            key = (cue[0], frame)
            predicted[key] += 1
            if pi in hit:
                matched[key] += 1
    # Forms of one word pool their counts ("criticize", "criticizes", "criticized" share one
    # row each with the pooled figures), and every form of a pooled word seen in the train texts
    # gets a row, so a form the rule never tried still inherits its word's record.
    pm, pp = Counter(), Counter()
    for (w, fr), n in predicted.items():
        pp[(stem(w), fr)] += n
        pm[(stem(w), fr)] += matched[(w, fr)]
    forms = {}
    for did in docs:
        for w in WORD.findall(docs[did].text):
            if w.islower():
                forms.setdefault(stem(w), set()).add(w)
    rows = []
    for (st, fr), n in pp.items():
        if pm[(st, fr)] / (n + 2) < MIN_WRITTEN:
            continue
        for w in sorted(forms.get(st, ())):
            rows.append((w, fr, pm[(st, fr)], n))
    rows.sort()
    with open(a.out, "w") as f:
        f.write("// Generated by bench/quotes_cue_table.py from PolNeAR train (words and counts "
                "only); do not edit.\n// Regenerate: see the comment at the top of that script."
                "\n// Row: word, frame, matched, predicted (learned-cue rule on train).\n")
        f.write('#include "src/quotes/lexicon.h"\n\nnamespace parallax::quotes {\n\n')
        f.write("const LearnedCue kLearnedCues[] = {\n")
        for w, fr, m, n in rows:
            f.write('    {"%s", %s, %d, %d},\n' % (w, FRAMES[fr], min(m, 65535), min(n, 65535)))
        f.write("};\nconst size_t kLearnedCueCount = sizeof(kLearnedCues) / "
                "sizeof(kLearnedCues[0]);\n\n}  // namespace parallax::quotes\n")
    used = [k for k in pp if pm[k] / (pp[k] + 2) >= MIN_USED]
    print("quotes_cue_table: %d learned predictions, %d matched; %d rows written; %d pooled "
          "words pass (%d matched / %d predicted)" % (
              sum(predicted.values()), sum(matched.values()), len(rows), len(used),
              sum(pm[k] for k in used), sum(pp[k] for k in used)))


if __name__ == "__main__":
    main()
