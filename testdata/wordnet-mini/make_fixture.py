#!/usr/bin/env python3
"""Writes the wordnet-mini fixture: a tiny lexicon in the WordNet 3.0 database format
(index.*, data.*, *.exc) for the compare stage's unit tests. Words and glosses are written for
parallax; synset offsets are real byte offsets, as in the format. Run from this folder:
    python3 make_fixture.py
"""

POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
HEADER = ("  1 wordnet-mini: a tiny lexicon in the WordNet database format  \n"
          "  2 written for the parallax unit tests  \n")

# key: (pos, lexfile, [words], [(symbol, target key, source word no, target word no)], gloss)
SYNSETS = {
    "protester.n": ("n", 18, ["demonstrator", "protester"],
                    [("@", "person.n", 0, 0), ("+", "protest.v", 2, 1),
                     ("+", "demonstrate.v", 1, 1)],
                    "a person who takes part in a public protest"),
    "dissenter.n": ("n", 18, ["dissenter", "protester"], [("@", "person.n", 0, 0)],
                    "a person who disagrees with an official view"),
    "showman.n": ("n", 18, ["demonstrator"], [("@", "person.n", 0, 0)],
                  "someone who shows how a new product works"),
    "person.n": ("n", 3, ["person", "individual"], [], "a human being"),
    "protest.n": ("n", 4, ["protest", "objection"], [("+", "protest.v", 1, 1)],
                  "a public act of objecting"),
    "police.n": ("n", 14, ["police", "police_force"], [], "the force that keeps public order"),
    "crowd.n": ("n", 14, ["crowd", "throng"], [], "a large number of people together"),
    "child.n": ("n", 18, ["child", "kid"], [("@", "person.n", 0, 0)], "a young person"),
    "bus_stop.n": ("n", 6, ["bus_stop"], [], "a place where buses halt for passengers"),
    "protest.v": ("v", 32, ["protest"], [("+", "protester.n", 1, 2), ("+", "protest.n", 1, 1)],
                  "to express strong disapproval in public"),
    "demonstrate.v": ("v", 32, ["demonstrate", "march"], [("+", "protester.n", 1, 1)],
                      "to march or gather in public to show an opinion"),
    "scatter.v": ("v", 35, ["scatter", "disperse"], [],
                  "to cause to separate and go in different directions"),
    "repel.v": ("v", 35, ["repel", "push_back", "drive_back"], [],
                "to force back by strength"),
    "go.v": ("v", 38, ["go", "travel"], [], "to move from one place to another"),
    "say.v": ("v", 32, ["say", "state"], [], "to express in words"),
    "large.a": ("a", 0, ["large", "big"], [("&", "huge.s", 0, 0)], "above average in size"),
    "huge.s": ("s", 0, ["huge", "vast(a)"], [("&", "large.a", 0, 0)], "very large"),
    "quickly.r": ("r", 2, ["quickly", "rapidly"], [], "with speed"),
}
# Sense order per (lemma, pos): most frequent first.
SENSES = {
    ("demonstrator", "n"): ["protester.n", "showman.n"],
    ("protester", "n"): ["dissenter.n", "protester.n"],
}
EXCEPTIONS = {
    "noun": ["children child"],
    "verb": ["went go", "said say", "repelled repel"],
    "adj": ["bigger big", "biggest big"],
    "adv": [],
}


def file_pos(p):
    return "a" if p == "s" else p


def main():
    order = {p: [k for k, v in SYNSETS.items() if file_pos(v[0]) == p] for p in POS}
    offsets = {}
    # Offsets are 8 digits wide, so the layout can be computed before they are known.
    def line(key, offs):
        p, lexfile, words, ptrs, gloss = SYNSETS[key]
        fields = ["%08d" % offs.get(key, 0), "%02d" % lexfile, p, "%02x" % len(words)]
        for w in words:
            fields += [w, "0"]
        fields.append("%03d" % len(ptrs))
        for sym, target, src, dst in ptrs:
            fields += [sym, "%08d" % offs.get(target, 0), SYNSETS[target][0].replace("s", "a")
                       if SYNSETS[target][0] == "s" else SYNSETS[target][0],
                       "%02x%02x" % (src, dst)]
        if p == "v":
            fields += ["01", "+", "02", "00"]
        return " ".join(fields) + " | " + gloss + "  \n"
    for _ in range(2):
        for p, keys in order.items():
            pos = len(HEADER.encode())
            for k in keys:
                offsets[k] = pos
                pos += len(line(k, offsets).encode())
    for p, keys in order.items():
        with open("data." + POS[p], "w", encoding="utf-8", newline="\n") as f:
            f.write(HEADER)
            for k in keys:
                f.write(line(k, offsets))
    for p in POS:
        lemmas = {}
        for k in order[p]:
            for w in SYNSETS[k][2]:
                lemma = w.split("(")[0].lower()
                lemmas.setdefault(lemma, []).append(k)
        with open("index." + POS[p], "w", encoding="utf-8", newline="\n") as f:
            f.write(HEADER)
            for lemma in sorted(lemmas):
                keys = SENSES.get((lemma, p), lemmas[lemma])
                syms = sorted({s for k in keys for s, *_ in SYNSETS[k][3]})
                f.write(" ".join([lemma, p, str(len(keys)), str(len(syms))] + syms +
                                 [str(len(keys)), "0"] + ["%08d" % offsets[k] for k in keys])
                        + "  \n")
    for name, lines in EXCEPTIONS.items():
        with open(name + ".exc", "w", encoding="utf-8", newline="\n") as f:
            for l in lines:
                f.write(l + " \n")


if __name__ == "__main__":
    main()
