#!/usr/bin/env python3
"""Calibration of the aligner's @cert: for each level (high, medium, low), how many answers
got it and the share of them paired with their right question.

    python bench/calibration.py GOLD_DIR OUT_DIR

OUT_DIR holds the TEI files of `reconstruct convert` (``STEM.interview-N.xml``), GOLD_DIR
the gold JSON of the same pages (``STEM.json``). Two readings of "right":

- **pairing**: the answer's text is found to be (mostly) the text of one gold answer, by the
  same guest, and its question's text mostly that of the gold question that answer
  answers. Each output turn is identified with the gold turn of its page (same role) that
  holds the largest share of its character bigrams, half of them at least; an output turn
  that no gold turn holds half of is not identified, and its pair counts as wrong. This is
  what @cert speaks of: whether the aligner put the answer under the right question, even
  where the extractor garbled a few lines of either.
- **strict**: in addition, the first 30 characters (whitespace ignored) of the question and
  of the answer are those of the gold pair: the pair is right AND reads right from its
  start, as an archivist would see it.

The last line says how many of the wrong pairs are in "low" and in "medium".
"""

from __future__ import annotations

import argparse
import collections
import json
import re
from pathlib import Path

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
LEVELS = ("high", "medium", "low")
# share of an output turn's bigrams a gold turn must hold for the two to be identified
IDENTIFY_SHARE = 0.5
PREFIX = 30


def norm(s: str) -> str:
    return re.sub(r"\s+", "", s)


def bigrams(s: str) -> collections.Counter[str]:
    return collections.Counter(s[i : i + 2] for i in range(len(s) - 1))


class GoldPage:
    """A page's gold turns: each question, and each answer with the question it answers."""

    def __init__(self, path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.questions: list[str] = []
        self.answers: list[tuple[str, str, int]] = []  # text, speaker, question index
        for iv in data["interviews"]:
            q = None
            for t in iv["turns"]:
                text = norm("".join(t["paragraphs"]))
                if t["role"] == "host":
                    self.questions.append(text)
                    q = len(self.questions) - 1
                elif q is not None:
                    self.answers.append((text, t["speaker"], q))
        self._qgrams = [bigrams(q) for q in self.questions]
        self._agrams = [bigrams(a) for a, _, _ in self.answers]

    @staticmethod
    def _identify(text: str, grams: list[collections.Counter[str]]) -> int | None:
        mine = bigrams(text)
        total = sum(mine.values())
        if not total:
            return None
        shares = [sum((mine & g).values()) / total for g in grams]
        best = max(range(len(shares)), key=shares.__getitem__, default=None)
        return best if best is not None and shares[best] >= IDENTIFY_SHARE else None

    def judge(self, question: str, answer: str, speaker: str) -> tuple[bool, bool]:
        """(pairing right, strictly right) for one output pair."""
        a = self._identify(answer, self._agrams)
        q = self._identify(question, self._qgrams)
        right = a is not None and q is not None and self.answers[a][2] == q and self.answers[a][1] == speaker
        strict = right and any(
            g[:PREFIX] == answer[:PREFIX] and self.questions[gq][:PREFIX] == question[:PREFIX]
            for g, _, gq in self.answers
        )
        return right, strict


def output_pairs(path: Path) -> list[tuple[str, str, str, str]]:
    """(cert, question, answer, speaker) for every answer with a @cert in a TEI file."""
    tree = etree.parse(str(path))
    out = []
    q = None
    for sp in tree.iter(TEI + "sp"):
        text = norm("".join("".join(p.itertext()) for p in sp.iter(TEI + "p")))
        who = sp.get("who") or ""
        if who == "#host":
            q = text
        elif sp.get("cert") and q is not None:
            speaker = "".join(sp.find(TEI + "speaker").itertext()) if sp.find(TEI + "speaker") is not None else ""
            out.append((sp.get("cert"), q, text, norm(speaker)))
    return out


def calibrate(gold_dir: Path, out_dir: Path) -> dict[str, collections.Counter[str]]:
    stats: dict[str, collections.Counter[str]] = {lv: collections.Counter() for lv in LEVELS}
    for g in sorted(gold_dir.glob("*.json")):
        page = GoldPage(g)
        for f in sorted(out_dir.glob(f"{g.stem}.interview-*.xml")):
            for cert, q, a, speaker in output_pairs(f):
                right, strict = page.judge(q, a, speaker)
                st = stats.setdefault(cert, collections.Counter())
                st["n"] += 1
                st["right"] += right
                st["strict"] += strict
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    args = ap.parse_args()
    stats = calibrate(args.gold, args.out)
    print(f"{'cert':6s} {'pairs':>6s} {'pairing':>8s} {'strict':>7s}")
    for lv in LEVELS:
        st = stats[lv]
        n = st["n"] or 1
        print(f"{lv:6s} {st['n']:6d} {st['right'] / n:8.3f} {st['strict'] / n:7.3f}")
    wrong = {lv: stats[lv]["n"] - stats[lv]["right"] for lv in LEVELS}
    total = sum(wrong.values()) or 1
    print(f"wrong pairings: {sum(wrong.values())}, in low {wrong['low'] / total:.2f}, in medium {wrong['medium'] / total:.2f}")


if __name__ == "__main__":
    main()
