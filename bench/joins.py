"""How well the rows stage (reconstruct/streams.py) rejoins the lines of pages printed row by
row, measured against the gold, without running the rest of the pipeline (a few seconds).

    python bench/joins.py PAGES_DIR GOLD_DIR [--per-page]
    python bench/joins.py tests/pages/typeset/pdfminer tests/pages/typeset/gold

Every line of a page that occurs exactly once in its gold (paragraphs, with the speaker's
label before a turn's first one) is placed there; a true join is a line whose text the gold
carries on with another placed line, across a blank line of the input (the extractor's box
break). Printed:

- joins: of the true joins, the share the stage prints in one box (recall), and of the joins
  it prints from a line the gold carries on, the share that are true (precision);
- answers: of the gold's answers, the share whose every join (within and between its
  paragraphs) the stage prints in one box, and the share it prints at least next to each
  other (a blank line between them allowed, for the stages after it to join).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reconstruct.normalise import fold_radicals  # noqa: E402
from reconstruct.read import read_page  # noqa: E402
from reconstruct.streams import printed_row_by_row, unweave_rows  # noqa: E402


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", fold_radicals(text)[0])


@dataclass
class _Gold:
    paragraphs: list[str]
    answers: list[list[int]]  # each guest turn's paragraph indices


def _gold(path: Path) -> _Gold:
    data = json.loads(path.read_text(encoding="utf-8"))
    paras: list[str] = []
    answers: list[list[int]] = []
    for iv in data.get("interviews", []):
        paras += [iv[k] if k == "title" else "——" + iv[k] for k in ("title", "subtitle") if iv.get(k)]
        paras += list(iv.get("editor_note") or []) + list(iv.get("lead") or [])
        for turn in iv.get("turns", []):
            start = len(paras)
            for k, p in enumerate(turn["paragraphs"]):
                paras.append(turn["speaker"] + "：" + p if k == 0 else p)
            if turn["role"] == "guest":
                answers.append(list(range(start, len(paras))))
    for article in data.get("articles", []):
        paras += [article["headline"]] if article.get("headline") else []
        paras += article.get("paragraphs", [])
    return _Gold([_norm(p) for p in paras], answers)


def _place(text: str, paras: list[str]) -> tuple[int, int, int] | None:
    """(paragraph, start, end) of the line's only occurrence in the gold, else None."""
    if len(text) < 2:
        return None
    hits = [(i, m.start()) for i, p in enumerate(paras) for m in re.finditer(re.escape(text), p)]
    return (hits[0][0], hits[0][1], hits[0][1] + len(text)) if len(hits) == 1 else None


def _boxes(lines) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Each line number's next line in the same box (no blank line between)."""
    nxt: dict[int, int] = {}
    prev = None
    for x in lines:
        if x.text.strip():
            if prev is not None:
                nxt[prev] = x.number
            prev = x.number
        else:
            prev = None
    return nxt


def measure(page_path: Path, gold_path: Path) -> dict[str, int]:
    page = read_page(page_path)
    gold = _gold(gold_path)
    out = unweave_rows(page)
    raw, inbox = _boxes(page.lines), _boxes(out.lines)
    printed = [x.number for x in out.lines if x.text.strip()]
    beside = dict(zip(printed, printed[1:]))
    where = {x.number: _place(_norm(x.text), gold.paragraphs) for x in page.lines if _norm(x.text)}
    starts: dict[tuple[int, int], list[int]] = {}
    for n, w in where.items():
        if w:
            starts.setdefault((w[0], w[1]), []).append(n)

    def line_at(para: int, pos: int) -> int | None:
        found = starts.get((para, pos), [])
        return found[0] if len(found) == 1 else None

    c = dict.fromkeys(("joins", "found", "claimed", "right", "answers", "whole", "adjacent"), 0)
    true: dict[int, int] = {}
    for n, w in where.items():
        if w and w[2] < len(gold.paragraphs[w[0]]):
            m = line_at(w[0], w[2])
            if m is not None:
                true[n] = m
    for a, b in true.items():
        if raw.get(a) == b:
            continue  # the extractor printed them in one box already
        c["joins"] += 1
        c["found"] += inbox.get(a) == b
        c["claimed"] += a in inbox
        c["right"] += inbox.get(a) == b
    for paras in gold.answers:
        joins = [(n, true.get(n)) for n, w in where.items() if w and w[0] in paras and w[2] < len(gold.paragraphs[w[0]])]
        joins += [
            (n, line_at(w[0] + 1, 0)) for n, w in where.items()
            if w and w[0] in paras and w[0] + 1 in paras and w[2] == len(gold.paragraphs[w[0]])
        ]
        joins = [(a, b) for a, b in joins if b is not None]
        c["answers"] += 1
        c["whole"] += all(inbox.get(a) == b for a, b in joins)
        c["adjacent"] += all(beside.get(a) == b for a, b in joins)
    c["rows"] = int(printed_row_by_row(page))
    return c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pages", type=Path)
    ap.add_argument("gold", type=Path)
    ap.add_argument("--per-page", action="store_true")
    args = ap.parse_args()
    total: dict[str, int] = {}
    pages = 0
    for path in sorted(args.pages.glob("*.txt")):
        gold = args.gold / (path.stem + ".json")
        if not gold.exists():
            continue
        c = measure(path, gold)
        pages += 1
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        if args.per_page:
            print(f"{path.stem:24s} joins {c['found']}/{c['joins']}  answers whole {c['whole']}/{c['answers']}"
                  f"{'  (rows)' if c['rows'] else ''}")

    def share(a: str, b: str) -> str:
        return f"{total[a] / total[b]:.3f} ({total[a]}/{total[b]})" if total.get(b) else "-"

    print(f"pages {pages}, printed row by row {total.get('rows', 0)}")
    print(f"joins across box breaks: recall {share('found', 'joins')}, precision {share('right', 'claimed')}")
    print(f"answers: every join in one box {share('whole', 'answers')}, next to each other {share('adjacent', 'answers')}")


if __name__ == "__main__":
    main()
