"""Flows: classified blocks grouped into pieces that read on, and answers split across
boxes stitched back together.

A flow is a labelled block (a question, an answer, a news item…) and the running text that
continues it. A column break in mid-sentence always continues; a box that starts an
indented paragraph never continues an open sentence; a box that starts mid-paragraph after
a finished sentence is *tentative*: it continues the flow before it unless a sentence left
open elsewhere on the page claims it (:func:`stitch_flows`).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .blocks import LABEL, line_width
from .lexicon import bigrams, cosine, known_word
from .lsap import linear_sum_assignment
from .model import Block, Kind
from .paragraphs import flow_column
from .repair import ends_sentence, join_lines, strip_spaces
from .settings import Settings

__all__ = ["Flow", "group_flows", "stitch_flows", "segments", "same_column", "roster_like"]

# Kinds that open a flow which running text can continue.
_OWNERS = (Kind.QUESTION, Kind.ANSWER, Kind.ARTICLE, Kind.FIELD, Kind.NOTE_LABEL)


@dataclass(frozen=True, slots=True)
class Flow:
    """Blocks that read as one piece: a labelled start and its continuations."""

    kind: Kind
    blocks: tuple[Block, ...]
    # running text that would continue the flow before it at a sentence boundary, unless an
    # open sentence elsewhere claims it (see stitch_flows)
    tentative: bool = False

    @property
    def head(self) -> Block:
        return self.blocks[0]

    @property
    def open(self) -> bool:
        return not ends_sentence(self.blocks[-1].lines[-1].text)

    @property
    def text(self) -> str:
        return join_lines([x.text for b in self.blocks for x in b.lines])


def group_flows(
    blocks: Sequence[Block], names: frozenset[str], settings: Settings | None = None
) -> list[Flow]:
    """Blocks in page order grouped into flows; ``names`` are the guests (for rosters)."""
    settings = settings or Settings()
    shortfall = settings.box_indent_shortfall
    flows: list[Flow] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        cur = flows[-1] if flows else None
        if cur is None:
            flows.append(Flow(kind=b.kind, blocks=(b,)))
        elif cur.kind is Kind.ROSTER:
            if _continues_roster(cur, b, nxt, names):
                flows[-1] = replace(cur, blocks=cur.blocks + (b,))
            else:
                flows.append(Flow(kind=b.kind, blocks=(b,)))
        elif not _continues(cur, b, nxt, shortfall):
            flows.append(Flow(kind=b.kind, blocks=(b,)))
        elif _maybe_elsewhere(cur, b, shortfall):
            flows.append(Flow(kind=Kind.TEXT, blocks=(b,), tentative=True))
        else:
            flows[-1] = replace(cur, blocks=cur.blocks + (b,))
    return flows


def _maybe_elsewhere(cur: Flow, b: Block, shortfall: float) -> bool:
    """A box that starts mid-paragraph after a finished sentence either carries on the same
    column, or is the continuation of a sentence left open somewhere else on the page."""
    return (
        not cur.open
        and b.kind is Kind.TEXT
        and cur.kind in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT)
        and not _indented(b, cur.blocks, shortfall)
    )


def _continues(cur: Flow, b: Block, nxt: Block | None, shortfall: float) -> bool:
    """Does block ``b`` continue the flow ``cur``?"""
    if b.kind not in (Kind.TEXT, Kind.HEADLINE):
        return False
    if cur.kind not in _OWNERS and cur.kind is not Kind.TEXT:
        return False
    if cur.kind is Kind.NOTE_LABEL and not LABEL.match(strip_spaces(cur.head.lines[0].text)):
        return b.kind is Kind.TEXT  # a detached label: the note's text may follow it
    if cur.open:
        # a column break in mid-sentence, unless the block opens an indented paragraph
        # (then it is another box, and the open sentence continues elsewhere)
        return not _indented(b, cur.blocks, shortfall)
    if cur.kind in (Kind.QUESTION, Kind.FIELD):
        return False
    if b.kind is Kind.HEADLINE:
        # a one-line block at the column's width, with running text after it, is a line
        # of the column and not a headline
        col = flow_column(cur.blocks)
        return (
            nxt is not None
            and nxt.kind is Kind.TEXT
            and abs(line_width(b.lines[0]) - col) <= 1.5
        )
    return True


def _indented(b: Block, context: Sequence[Block], shortfall: float) -> bool:
    """Does the block open with an indented paragraph start (the lost two-unit indent)?

    The reference is the median width of the lines around (the block and the end of the
    flow it might continue) that do not end a sentence; widths wobble by about a unit with
    half-width runs, so the first line must fall short by more than that. A first line that
    ends a sentence may be short only because its paragraph ends there.
    """
    first = b.lines[0]
    if first.text[:1].isspace():
        return True
    if ends_sentence(first.text):
        return False
    around = [x for blk in (*context[-3:], b) for x in blk.lines if not ends_sentence(x.text)]
    ref = statistics.median(line_width(x) for x in around)
    return line_width(first) <= ref - shortfall


_FORBIDDEN = -1e6
_STITCHABLE = (Kind.ANSWER, Kind.ARTICLE, Kind.QUESTION, Kind.TEXT, Kind.FIELD)


def stitch_flows(flows: Sequence[Flow], settings: Settings | None = None) -> list[Flow]:
    """Give every flow that stops in mid-sentence the box that continues it.

    Open flows and candidate boxes (unlabelled running text that does not open an indented
    paragraph) are paired by an assignment over the scores above, repeated while chains
    grow; tentative boxes nobody claimed then carry on the flow before them.
    """
    settings = settings or Settings()
    flows = list(flows)
    for _ in range(4):
        nxt = _best_continuations(flows, settings)
        if not nxt:
            break
        flows = _chain(flows, nxt)
    out: list[Flow] = []
    for f in flows:
        if f.tentative and out and not out[-1].open and out[-1].kind in _STITCHABLE:
            out[-1] = replace(out[-1], blocks=out[-1].blocks + f.blocks)
        else:
            out.append(replace(f, tentative=False))
    return out


def _best_continuations(flows: list[Flow], settings: Settings) -> dict[int, int]:
    opened = [i for i, f in enumerate(flows) if f.kind in _STITCHABLE and f.open and not _stub(f)]
    cands = [j for j, g in enumerate(flows) if g.kind is Kind.TEXT and not _stub(g)]
    if not opened or not cands:
        return {}
    scores = np.array([[_stitch_score(flows, i, j, settings) for j in cands] for i in opened])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    return {opened[r]: cands[c] for r, c in zip(rows, cols) if scores[r, c] > _FORBIDDEN / 2}


def _stub(flow: Flow) -> bool:
    """A few characters on a line of their own with no punctuation: the wrapped end of a
    headline or a broken name, not running text."""
    text = flow.text
    return len(flow.blocks) == 1 and len(flow.blocks[0].lines) == 1 and len(text) <= 8 and not any(
        p in text for p in "，。、；：！？"
    )


def _stitch_score(flows: list[Flow], i: int, j: int, settings: Settings) -> float:
    f, g = flows[i], flows[j]
    if i == j or _indented(g.head, f.blocks, settings.box_indent_shortfall):
        return _FORBIDDEN
    score = settings.stitch_any + (settings.stitch_after if j > i else 0.0)
    score -= settings.stitch_per_flow_between * abs(j - i)
    if g.tentative:
        score += settings.stitch_tentative
    left = strip_spaces(f.blocks[-1].lines[-1].text).replace(" ", "")
    right = strip_spaces(g.head.lines[0].text).replace(" ", "")
    if _word_across(left, right):
        score += settings.stitch_word_across
    score += settings.stitch_shared_words * cosine(bigrams(f.text), bigrams(g.text))
    if same_column(flow_column(f.blocks), flow_column(g.blocks)):
        score += settings.stitch_same_width
    return score


def _word_across(left: str, right: str) -> bool:
    """Does a dictionary word run across the join (…每|平方米… → 每平方米)?"""
    return any(
        known_word(left[-k:] + right[:m])
        for k in range(1, min(3, len(left)) + 1)
        for m in range(1, min(3, len(right)) + 1)
    )


def _chain(flows: list[Flow], nxt: dict[int, int]) -> list[Flow]:
    """Append each chosen continuation (and its own, and so on) to the flow it continues."""
    targets = set(nxt.values())
    out: list[Flow] = []
    for i, f in enumerate(flows):
        if i in targets:
            continue
        blocks, seen, k = list(f.blocks), {i}, i
        while k in nxt and nxt[k] not in seen:
            k = nxt[k]
            seen.add(k)
            blocks += flows[k].blocks
        out.append(replace(f, blocks=tuple(blocks)))
    # a cycle of flows that only continue each other: keep them all, in page order
    placed = {id(b) for f in out for b in f.blocks}
    out += [f for f in flows if id(f.blocks[0]) not in placed]
    return out


def _continues_roster(cur: Flow, b: Block, nxt: Block | None, names: frozenset[str]) -> bool:
    """Roster lines go on while guests are still missing and the block names one, or is
    a title whose name follows in the next block."""
    if b.kind not in (Kind.TEXT, Kind.HEADLINE):
        return False
    if cur.open and "，" in cur.text and not cur.text.endswith(("：", ":")) and len(b.lines) <= 3:
        return True  # a roster written as a sentence runs on across a column break
    if not roster_like(b):
        return False
    so_far = cur.text.replace(" ", "")
    seen = {n for n in names if n in so_far}
    if names and len(seen) >= len(names):
        return False
    text = "".join(strip_spaces(x.text) for x in b.lines).replace(" ", "")
    following = "".join(strip_spaces(x.text) for x in nxt.lines).replace(" ", "") if nxt else ""
    # a name may break across lines: "…大队长 侯建" / "军"
    broken = any(
        so_far.endswith(n[:k]) and text.startswith(n[k:]) for n in names - seen for k in range(1, len(n))
    )
    return not names or broken or any(
        n in text or n in following or n[:2] in text[-2:] for n in names - seen
    )


def roster_like(b: Block) -> bool:
    text = "".join(strip_spaces(x.text) for x in b.lines)
    if any(p in text for p in "。！？；") or len(b.lines) > 8:
        return False
    return "，" not in text or len(b.lines) <= 2  # a title may hold a comma


def same_column(a: float, b: float) -> bool:
    return abs(a - b) <= max(2.0, 0.15 * max(a, b))


def segments(blocks: Sequence[Block]) -> list[list[Block]]:
    """Runs of blocks joined in mid-sentence: each run holds whole paragraphs."""
    segs: list[list[Block]] = []
    for b in blocks:
        if segs and not ends_sentence(segs[-1][-1].lines[-1].text):
            segs[-1].append(b)
        else:
            segs.append([b])
    return segs


