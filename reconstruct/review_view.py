"""What the review site shows of one page, as plain frozen records for the templates.

No I/O and no HTML here: :mod:`reconstruct.review` reads the files and renders these.
Question numbers run over the page's interviews one after another, 1-based, exactly as
``--overrides`` counts them, and each candidate carries the ``starts`` text that picks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Interview, PageResult, Paragraph, Turn

__all__ = ["TurnView", "Candidate", "PairView", "InterviewView", "PageView", "view_page",
           "line_ranges", "starts_for"]

PREVIEW = 24  # characters of an answer shown in a candidate list
MIN_STARTS = 12  # characters of ``starts`` at least (whitespace removed)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class TurnView:
    speaker: str
    role: str
    paragraphs: tuple[str, ...]
    lines: str  # input lines as ranges, "12-15,17"
    answer: int | None = None  # index into the interview's answers
    confidence: float | None = None
    cert: str = ""
    resp: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """An answer a question may be given: what the picker lists and the override writes."""

    answer: int
    speaker: str
    starts: str
    preview: str
    lines: str


@dataclass(frozen=True, slots=True)
class PairView:
    number: int  # 1-based over the page, as --overrides counts
    question: TurnView
    answers: tuple[TurnView, ...]  # chosen (more than one when an answer was split)
    runner_up: Candidate | None = None
    runner_score: float | None = None

    @property
    def confidence(self) -> float | None:
        values = [a.confidence for a in self.answers if a.confidence is not None]
        return min(values) if values else None

    @property
    def cert(self) -> str:
        order = {"low": 0, "medium": 1, "high": 2}
        certs = [a.cert for a in self.answers if a.cert]
        return min(certs, key=lambda c: order.get(c, 0)) if certs else "none"

    @property
    def hand(self) -> bool:
        return any(a.resp for a in self.answers)


@dataclass(frozen=True, slots=True)
class InterviewView:
    number: int
    title: str
    subtitle: str
    guests: tuple[tuple[str, str], ...]  # (name, title)
    pairs: tuple[PairView, ...]
    unplaced: tuple[TurnView, ...]  # answers no question took
    candidates: tuple[Candidate, ...]
    note_lines: str = ""


@dataclass(frozen=True, slots=True)
class PageView:
    source: str
    interviews: tuple[InterviewView, ...]
    articles: tuple[tuple[str, str], ...]  # (headline, lines)
    leftovers: tuple[TurnView, ...]
    warnings: tuple[str, ...]

    @property
    def pairs(self) -> tuple[PairView, ...]:
        return tuple(p for iv in self.interviews for p in iv.pairs)

    @property
    def lowest(self) -> float | None:
        values = [p.confidence for p in self.pairs if p.confidence is not None]
        return min(values) if values else None


def view_page(result: PageResult) -> PageView:
    """The page's interviews, pairs, candidates, articles and leftovers, ready to render."""
    interviews, offset = [], 0
    for k, iv in enumerate(result.interviews, start=1):
        interviews.append(_interview(iv, k, offset))
        offset += len(iv.questions)
    articles = tuple((a.headline or "(no headline)", line_ranges(_lines(a.paragraphs)))
                     for a in result.articles)
    leftovers = tuple(TurnView("", "leftover", (p.text,), line_ranges(p.lines))
                      for p in result.leftovers)
    return PageView(result.meta.source, tuple(interviews), articles, leftovers, result.warnings)


def _interview(iv: Interview, number: int, offset: int) -> InterviewView:
    candidates = tuple(Candidate(a, t.speaker, starts_for(iv.answers, a), _preview(t.text),
                                 line_ranges(_lines(t.paragraphs)))
                       for a, t in enumerate(iv.answers))
    pairs = []
    for qi, q in enumerate(iv.questions):
        mine = [t for t in iv.turns if t.role == "guest" and t.question == qi]
        runner = next((t.runner_up for t in mine if t.runner_up is not None), None)
        pairs.append(PairView(
            offset + qi + 1, _turn(q), tuple(_turn(t) for t in mine),
            candidates[runner.answer] if runner and runner.answer < len(candidates) else None,
            runner.score if runner else None))
    unplaced = tuple(_turn(t) for t in iv.turns if t.role == "guest" and t.question is None)
    if not iv.turns:
        unplaced = tuple(_turn(t) for t in iv.answers)
    return InterviewView(number, iv.title, iv.subtitle,
                         tuple((g.name, g.title) for g in iv.guests), tuple(pairs), unplaced,
                         candidates, line_ranges(_lines(iv.editor_note + iv.lead)))


def _turn(t: Turn) -> TurnView:
    return TurnView(t.speaker, t.role, tuple(p.text for p in t.paragraphs),
                    line_ranges(_lines(t.paragraphs)), t.answer, t.confidence, t.cert or "",
                    t.resp or "")


def _lines(paragraphs: Iterable[Paragraph]) -> list[int]:
    return [n for p in paragraphs for n in p.lines]


def _preview(text: str) -> str:
    text = _SPACE.sub("", text)
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "…"


def line_ranges(numbers: Iterable[int]) -> str:
    """Line numbers as compact ranges: [3, 4, 5, 9] → "3-5,9"."""
    out: list[str] = []
    start = prev = None
    for n in sorted(set(numbers)):
        if prev is not None and n == prev + 1:
            prev = n
            continue
        if start is not None:
            out.append(f"{start}" if start == prev else f"{start}-{prev}")
        start = prev = n
    if start is not None:
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
    return ",".join(out)


def starts_for(answers: Sequence[Turn], index: int) -> str:
    """The shortest start (at least MIN_STARTS characters, whitespace removed) of an answer
    that no earlier answer of the same speaker also starts with, so that ``--overrides``
    (which takes the first match) picks exactly this one."""
    text = _SPACE.sub("", answers[index].text)
    earlier = [_SPACE.sub("", t.text) for t in answers[:index]
               if t.speaker == answers[index].speaker]
    for n in range(min(MIN_STARTS, len(text)), len(text) + 1):
        if not any(o.startswith(text[:n]) for o in earlier):
            return text[:n]
    return text
