#!/usr/bin/env python3
"""Error analysis for the quotes stage on PolNeAR (companion of bench/eval_quotes.sh).

  bench/eval_quotes.py SPLIT_DIR PRED.jsonl [--show KIND] [--limit N]

Matches predictions to gold exactly as ../shared/eval/quotes_score.py does (content overlap,
merge by cue) and prints counts of error kinds: missed gold attributions by cue word, false
predictions by cue word, matched pairs with a wrong speaker, and boundary problems (matched
pairs whose content is not exact: too long / too short at either end). --show KIND prints
examples of one kind (miss, false, speaker, boundary). Exits 0 with a message when the scorer
is absent.
"""
import argparse
import os
import sys
from collections import Counter

here = os.path.dirname(os.path.abspath(__file__))
scorer_dir = os.path.normpath(os.path.join(here, "..", "..", "shared", "eval"))
if not os.path.exists(os.path.join(scorer_dir, "quotes_score.py")):
    print("eval_quotes.py: skipped (scorer not found)")
    sys.exit(0)
sys.path.insert(0, scorer_dir)
import quotes_score as qs  # noqa: E402


def frag_text(doc, frags, width=0):
    return " | ".join(doc.text[max(0, s - width):e + width] for s, e in frags)


def cue_key(doc, cue):
    if not cue:
        return "<none>"
    return " ".join(doc.text[s:e].lower() for s, e in cue)[:30]


def match_units(golds, units):
    """The scorer's matching of gold to predicted units: pairs whose token Dice is at least 0.5,
    taken greedily. Returns {gold index: predicted index}."""
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(units):
            if p.hull[1] <= g.hull[0] or g.hull[1] <= p.hull[0]:
                continue
            d = qs.dice_sets(g.toks, p.toks)
            if d >= 0.5 - 1e-12 and d > 0:
                pairs.append((d, gi, pi))
    return qs.greedy_match(pairs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("pred")
    ap.add_argument("--show", default="")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--cue", default="", help="only examples with this cue text")
    a = ap.parse_args()
    diag = Counter()
    docs, golds = qs.load_polnear(a.gold, diag)
    preds = qs._index_preds(qs.read_jsonl(a.pred), docs, diag)
    miss, false, spk, bound, hit = Counter(), Counter(), Counter(), Counter(), Counter()
    kinds = Counter()  # (class, kind): where gold units and predictions are lost
    shown = 0
    for did in sorted(docs):
        doc = docs[did]
        units, _ = qs.build_pred_units(doc, (preds.get(did) or {}).get("quotes") or [], diag,
                                       False, True, "polnear")
        gs = golds[did]
        m = match_units(gs, units)
        used = set(m.values())
        for gi, g in enumerate(gs):
            cls = "direct" if g.direct else "indirect"
            if gi in m:
                continue
            ovl = [p for p in units if g.toks & p.toks]
            if not ovl:
                kinds[(cls, "gold: no overlapping prediction")] += 1
            elif any(qs.dice_sets(g.toks, p.toks) >= 0.5 for p in ovl):
                kinds[(cls, "gold: its prediction matched another gold")] += 1
            else:
                best = max(ovl, key=lambda p: qs.dice_sets(g.toks, p.toks))
                kinds[(cls, "gold: overlap below threshold, prediction too %s" % (
                    "long" if len(best.toks) > len(g.toks) else "short"))] += 1
        for pi, p in enumerate(units):
            if pi in used:
                continue
            cls = "direct" if p.direct else "indirect"
            if any(g.toks & p.toks for g in gs):
                kinds[(cls, "prediction: overlaps gold below threshold")] += 1
            else:
                kinds[(cls, "prediction: no overlapping gold")] += 1

        def show(kind, msg):
            nonlocal shown
            if a.show == kind and shown < a.limit:
                shown += 1
                print("[%s] %s\n%s\n" % (kind, did, msg))

        for gi, g in enumerate(gs):
            ck = cue_key(doc, g.cue)
            if gi not in m:
                cls = "direct" if g.direct else "indirect"
                miss[(cls, ck)] += 1
                if not a.cue or a.cue == ck:
                    ctx = doc.text[max(0, g.hull[0] - 150):g.hull[1] + 60].replace("\n", "\\n")
                    show("miss", "  cue=%s src=%s\n  content=%s\n  ctx=%s" % (
                        ck, frag_text(doc, g.speaker), frag_text(doc, g.frags), ctx))
                continue
            p = units[m[gi]]
            ok = qs.spans_overlap(g.speaker, p.speaker) if g.speaker else not p.speaker
            if not ok:
                spk[ck] += 1
                show("speaker", "  cue=%s gold_src=%s pred_src=%s\n  content=%s" % (
                    ck, frag_text(doc, g.speaker), frag_text(doc, p.speaker),
                    frag_text(doc, g.frags)[:200]))
            if g.norm != p.norm:
                gs0, ge0 = g.norm[0][0], g.norm[-1][1]
                ps0, pe0 = p.norm[0][0], p.norm[-1][1]
                kind = []
                if ps0 < gs0:
                    kind.append("start-early")
                if ps0 > gs0:
                    kind.append("start-late")
                if pe0 > ge0:
                    kind.append("end-long")
                if pe0 < ge0:
                    kind.append("end-short")
                if len(g.norm) != len(p.norm):
                    kind.append("frags%d/%d" % (len(g.norm), len(p.norm)))
                bound[" ".join(kind) or "other"] += 1
                if not a.cue or a.cue == ck:
                    show("boundary", "  %s cue=%s\n  gold=%s\n  pred=%s" % (
                        " ".join(kind), ck, frag_text(doc, g.norm), frag_text(doc, p.norm)))
        for pi, p in enumerate(units):
            if pi in used:
                hit[cue_key(doc, p.cue)] += 1
                continue
            ck = cue_key(doc, p.cue)
            false[ck] += 1
            if not a.cue or a.cue == ck:
                ctx = doc.text[max(0, p.hull[0] - 120):p.hull[1] + 40].replace("\n", "\\n")
                show("false", "  cue=%s src=%s\n  content=%s\n  ctx=%s" % (
                    ck, frag_text(doc, p.speaker), frag_text(doc, p.frags), ctx))
    if a.show:
        return
    print("missed gold: %d  (direct %d, indirect %d)" % (
        sum(miss.values()), sum(v for k, v in miss.items() if k[0] == "direct"),
        sum(v for k, v in miss.items() if k[0] == "indirect")))
    print("  by cue:", ", ".join("%s/%s %d" % (k[1], k[0][0], v) for k, v in miss.most_common(60)))
    print("false predictions: %d" % sum(false.values()))
    print("  by cue:", ", ".join("%s %d" % kv for kv in false.most_common(40)))
    print("cues with more false than true predictions (false/true):")
    print("  ", ", ".join("%s %d/%d" % (k, v, hit[k]) for k, v in false.most_common()
                          if v > hit[k] and v >= 3))
    print("wrong speaker: %d" % sum(spk.values()))
    print("  by cue:", ", ".join("%s %d" % kv for kv in spk.most_common(20)))
    print("error kinds:")
    for k in sorted(kinds):
        print("  %-8s %-48s %d" % (k[0], k[1], kinds[k]))
    print("inexact boundaries: %d" % sum(bound.values()))
    print("  ", ", ".join("%s %d" % kv for kv in bound.most_common(20)))


if __name__ == "__main__":
    main()
