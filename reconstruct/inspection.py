"""What the aligner decided on a page, as a table for a reviewer (``reconstruct inspect``).

Per question: the answer chosen (speaker, first words), its score and certainty, and the
runner-up; then the answers no question took and the page's leftovers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .align import score_matrix
from .model import Interview, PageResult, Paragraph, Turn
from .settings import Settings

__all__ = ["Choice", "choices", "format_inspection"]

_WORDS = 14  # characters of a text shown


@dataclass(frozen=True, slots=True)
class Choice:
    """One question's row: what it was paired with and what came second."""

    number: int  # 1-based over the page, as in --overrides
    question: str
    answer: str = ""  # "speaker first words…", empty when no answer was chosen
    score: float | None = None
    cert: str = ""
    runner_up: str = ""
    runner_score: float | None = None
    resp: str = ""


def choices(
    result: PageResult, settings: Settings | None = None
) -> list[tuple[Interview, list[Choice]]]:
    """Each interview of the page with its question rows (numbers run across the page)."""
    settings = settings or Settings()
    out, offset = [], 0
    for iv in result.interviews:
        out.append((iv, _interview_choices(iv, offset, settings)))
        offset += len(iv.questions)
    return out


def _interview_choices(iv: Interview, offset: int, settings: Settings) -> list[Choice]:
    scores = (score_matrix(iv.questions, iv.answers, iv.guests, settings)
              if iv.questions and iv.answers else None)
    rows = []
    for qi, q in enumerate(iv.questions):
        mine = [t for t in iv.turns if t.role == "guest" and t.question == qi]
        row = Choice(offset + qi + 1, _first(q.text))
        if mine:
            t = mine[0]
            row = Choice(row.number, row.question, " + ".join(_label(a) for a in mine),
                         _score(scores, qi, t.answer), t.cert or "", resp=t.resp or "")
            if t.runner_up is not None:
                other = iv.answers[t.runner_up.answer]
                row = replace(row, runner_up=_label(other), runner_score=t.runner_up.score)
        rows.append(row)
    return rows


def _score(scores: object, qi: int, a: int | None) -> float | None:
    if scores is None or a is None:
        return None
    return round(float(scores[qi][a]), 3)  # type: ignore[index]


def _label(t: Turn) -> str:
    return f"{t.speaker} {_first(t.text)}"


def _first(text: str) -> str:
    text = "".join(text.split())
    return text if len(text) <= _WORDS else text[:_WORDS] + "…"


# --- formatting ---------------------------------------------------------------------------


def format_inspection(result: PageResult, settings: Settings | None = None) -> str:
    lines = [f"{result.meta.source}: {len(result.interviews)} interview(s), "
             f"{len(result.articles)} article(s), {len(result.leftovers)} leftover paragraph(s)"]
    for k, (iv, rows) in enumerate(choices(result, settings), start=1):
        lines += ["", f"Interview {k}: {iv.title or '(no title)'}"]
        lines += _table(rows)
        unplaced = [t for t in iv.turns if t.role == "guest" and t.question is None]
        lines += [f"  answer taken by no question: {_label(t)}" for t in unplaced]
    if result.leftovers:
        lines += ["", "Leftovers (kept in the articles document, div[@type='unassigned']):"]
        lines += [f"  {_lines(p)} {_first(p.text)}" for p in result.leftovers]
    lines += [f"warning: {w}" for w in result.warnings]
    return "\n".join(lines)


def _table(rows: Sequence[Choice]) -> list[str]:
    head = ("Q", "question", "answer chosen", "score", "cert", "runner-up", "score")
    cells = [head] + [(str(r.number), r.question, r.answer or "(none)", _num(r.score),
                       r.cert + (" (hand)" if r.resp else ""), r.runner_up or "-",
                       _num(r.runner_score)) for r in rows]
    widths = [max(_width(row[c]) for row in cells) for c in range(len(head))]
    return ["  " + "  ".join(_pad(v, w) for v, w in zip(row, widths)).rstrip() for row in cells]


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _lines(p: Paragraph) -> str:
    return f"lines {p.lines[0]}-{p.lines[-1]}:" if p.lines else "-"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
