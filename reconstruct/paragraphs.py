"""Paragraphs: join a flow's lines and find where printed paragraphs start.

A paragraph ends where a line ends a sentence and either that line stops short of its column
or the next line starts short of its column (the lost two-character indent). Blank lines
inside a flow are column breaks and say nothing by themselves. No paragraph starts on a
line that opens with a comma, a full stop or a closing quote or bracket (a line breaker
without kinsoku sets them there): that line ends the paragraph before it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from .blocks import line_width
from .model import Block, Line, Paragraph
from .repair import carried_over, ends_sentence, join_lines
from .settings import Settings

__all__ = ["join_paragraphs", "flow_column"]


def flow_column(blocks: Sequence[Block]) -> float:
    """Column width of a flow: the median width of its blocks that have three lines or more."""
    tall = [b.width for b in blocks if len(b.lines) >= 3]
    if tall:
        return float(statistics.median(tall))
    return max((line_width(x) for b in blocks for x in b.lines), default=0.0)


def _refs(blocks: Sequence[Block]) -> list[float]:
    col = flow_column(blocks)
    return [b.width if len(b.lines) >= 3 else max(b.width, col) for b in blocks]


def join_paragraphs(
    blocks: Sequence[Block],
    settings: Settings | None = None,
    drop_prefix: int = 0,
) -> tuple[Paragraph, ...]:
    """Repair and join a flow's lines into paragraphs.

    ``drop_prefix`` characters of the raw first line (a speaker label such as ``姓名：``) are
    cut after its width has been measured, so the label still counts towards the printed line.
    """
    settings = settings or Settings()
    refs = _refs(blocks)
    lines: list[tuple[Line, float]] = [(x, r) for b, r in zip(blocks, refs) for x in b.lines]
    paragraphs: list[Paragraph] = []
    current: list[Line] = []
    for k, (line, ref) in enumerate(lines):
        # the line before is a paragraph's first, so indented, when a paragraph ended before
        # it or it opens the turn after its speaker's label
        indented = len(current) == 1 and (bool(paragraphs) or drop_prefix > 0)
        if current and _breaks(lines[k - 1], (line, ref), settings, indented):
            paragraphs.append(_paragraph(current, drop_prefix if not paragraphs else 0))
            current = []
        current.append(line)
    if current:
        paragraphs.append(_paragraph(current, drop_prefix if not paragraphs else 0))
    return tuple(p for p in paragraphs if p.text)


def _breaks(prev: tuple[Line, float], nxt: tuple[Line, float], settings: Settings, indented: bool = False) -> bool:
    """Does a paragraph end after ``prev``? ``indented``: ``prev`` is a paragraph's first
    line, whose full width is its column less the indent (a sentence that ends right at its
    end says nothing; the next line's own start does)."""
    (a, ref_a), (b, ref_b) = prev, nxt
    if not ends_sentence(a.text) or carried_over(b.text):
        return False  # no paragraph starts on a comma or a closing quote: it ends the one before
    full_a = ref_a - settings.paragraph_indent if indented else ref_a
    if line_width(a) <= full_a - settings.short_line_shortfall:
        return True
    if b.text[:1].isspace() and not a.text[:1].isspace() and line_width(b) <= ref_b - settings.box_width_wobble:
        return True  # the indent survived as leading spaces (on a line that is short too)
    return line_width(b) <= ref_b - settings.indent_shortfall


def _paragraph(lines: Sequence[Line], drop_prefix: int) -> Paragraph:
    texts = [x.text for x in lines]
    if drop_prefix:
        texts[0] = texts[0][drop_prefix:]
    return Paragraph(text=join_lines(texts), lines=tuple(x.number for x in lines))
