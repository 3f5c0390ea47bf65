#!/usr/bin/env python3
"""Why each missed gold question-answer pair is missed (one class per pair).

    python bench/misses.py GOLD_DIR OUT_DIR [--pages]

Classes, in the order they are tested:
- answer right (its text within 0.9 under its own speaker), question not right before it:
  q_after (the question's text stands only after the answer), misaligned (it stands before,
  with another question between); in pages with the questions grouped at the top or in a
  sidebar both are pairing errors, in inline pages an answer's box read before its question's;
  q_in_answer (the question's text only inside a guest's turn), q_glued / q_split /
  q_partial / q_garbled (it stands among the host's turns only merged with other text, in
  pieces, by one end, or not at all);
- answer not right: speaker (its text right under another speaker), a_spread (its pieces in
  several output turns: its boxes stitched to other answers), a_glued (inside one longer
  turn), a_split (one turn holds only part of it, the rest is outside the turns), a_mixed
  (under half its text found verbatim: lines mixed mid-line, as fused columns do).
Pairs are matched as ../shared/eval/score.py matches them, so the total is the scorer's misses.
"""
from __future__ import annotations
import collections
import json
import sys

from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "eval"))
import score  # noqa: E402


def best_tree(gi, interviews):
    gold_text = score.norm("".join("".join(t["paragraphs"]) for t in gi["turns"]))
    return max(interviews, key=lambda t: score.sim(score.norm("".join("".join(p) for _, p in score.turns(t))), gold_text), default=None)


def classify_text(want, bodies):
    """How a gold text appears among the output texts."""
    if any(score.sim(b, want) >= 0.9 for b in bodies):
        return "ok"
    if any(want in b or (len(want) > 20 and want[:20] in b and want[-20:] in b) for b in bodies):
        return "glued"
    if any(len(b) > 5 and b in want for b in bodies):
        return "split"
    if any(want[:15] in b for b in bodies) or any(want[-15:] in b for b in bodies):
        return "partial"
    return "garbled"


CHUNK = 8  # characters per probe: long enough to be unique on a page, short enough to survive a glued line


def answer_class(want, bodies):
    """Where the pieces of a missed answer went: spread over several output turns (stitching of
    one answer's boxes), inside one turn with foreign text (glued), in one turn but incomplete
    (split, the rest outside the turns), or mostly nowhere (garbled: lines mixed mid-line)."""
    chunks = [want[i:i + CHUNK] for i in range(0, len(want) - CHUNK + 1, CHUNK)] or [want]
    homes = [next((j for j, b in enumerate(bodies) if c in b), None) for c in chunks]
    found = [h for h in homes if h is not None]
    if len(found) < 0.5 * len(chunks):
        return "a_mixed"
    if len(set(found)) > 1:
        return "a_spread"
    body = bodies[found[0]]
    return "a_glued" if len(body) > 1.1 * len(want) else "a_split"


def _answer_at(out, host, speaker, a):
    """Index of the first turn by SPEAKER that reads as A (within 0.9) and the host turn
    last before it; (None, None) when no turn of theirs does."""
    last_q = None
    for at, (n, p) in enumerate(out):
        body = "".join(p)
        if n in host:
            last_q = body
        elif n == speaker and score.sim(body, a) >= 0.9:
            return at, last_q
    return None, None


def miss_class(out, host, speaker, q, a):
    """The class of the gold pair (question Q, answer A by SPEAKER) among the output turns
    OUT ((speaker, paragraphs) in order; HOST the host's names), or None when it is right."""
    at, last_q = _answer_at(out, host, speaker, a)
    bodies = ["".join(p) for _, p in out]
    if at is None:
        if classify_text(a, ["".join(p) for n, p in out if n == speaker]) == "ok":
            return "?"  # difflib's ratio is not quite symmetric: a turn reads as A one way only
        return "speaker" if classify_text(a, bodies) == "ok" else answer_class(a, bodies)
    if last_q is not None and score.sim(last_q, q) >= 0.9:
        return None
    hosts = [i for i, (n, _) in enumerate(out) if n in host]
    qs = classify_text(q, [bodies[i] for i in hosts])
    if qs != "ok":
        return "q_in_answer" if classify_text(q, bodies) in ("ok", "glued") else "q_" + qs
    reads = [i for i in hosts if score.sim(bodies[i], q) >= 0.9]
    later, earlier = any(i > at for i in reads), any(i < at for i in reads)
    return "q_after" if later and not earlier else "misaligned"


def _interviews(docs):
    return [t for _, t in docs if not isinstance(t, Exception)
            and (t.find(".//" + score.TEI + "sp") is not None or t.find(".//" + score.TEI + "u") is not None)]


def main(argv):
    gold_dir, out_dir = Path(argv[0]), Path(argv[1])
    counts, per_page = collections.Counter(), collections.defaultdict(collections.Counter)
    for gf in sorted(gold_dir.glob("*.json")):
        gold = json.load(open(gf, encoding="utf-8"))
        interviews = _interviews(score.load_docs([str(p) for p in sorted(out_dir.glob(gf.stem + ".*.xml"))]))
        for gi in gold["interviews"]:
            tree = best_tree(gi, interviews)
            out = score.turns(tree) if tree is not None else []
            host = {t["speaker"] for t in gi["turns"] if t["role"] == "host"}
            q = None
            for t in gi["turns"]:
                if t["role"] == "host":
                    q = score.norm("".join(t["paragraphs"]))
                elif q is not None:
                    cls = miss_class(out, host, t["speaker"], q, score.norm("".join(t["paragraphs"])))
                    if cls is not None:
                        counts[cls] += 1
                        per_page[gf.stem][cls] += 1
    total = sum(counts.values())
    print(f"misses {total}")
    for k, v in counts.most_common():
        print(f"  {k:14s} {v}")
    if "--pages" in argv:
        for page, c in sorted(per_page.items(), key=lambda kv: -sum(kv[1].values())):
            print(page, sum(c.values()), dict(c))


if __name__ == "__main__":
    main(sys.argv[1:])
