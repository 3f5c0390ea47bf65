"""Stage 4 — assemble: group classified blocks into flows, then into the interview (with its
furniture), the page's articles, and leftovers. Text that fits nowhere is kept as a leftover.
"""

from __future__ import annotations

import logging
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .blocks import LABEL, line_width
from .classify import parse_byline
from .furniture import parse_roster, split_headline
from .lexicon import bigrams, cosine
from .model import Article, Block, Guest, Interview, Kind, PageMeta, PageResult, Paragraph, Turn
from .paragraphs import flow_column, join_paragraphs
from .repair import ends_sentence, join_lines, strip_spaces
from .settings import Settings

__all__ = ["assemble_page"]

log = logging.getLogger(__name__)

# A box whose first line is this much shorter than the lines around opens a paragraph: the
# two-unit indent less the unit that half-width runs and squeezed punctuation wobble by.
_INDENT_SHORTFALL = 1.75
# Kinds that open a flow which running text can continue.
_OWNERS = (Kind.QUESTION, Kind.ANSWER, Kind.ARTICLE, Kind.FIELD, Kind.NOTE_LABEL)
# Furniture after which unclaimed running text is the interview's own lead.
_FURNITURE = (Kind.SUBTITLE, Kind.BYLINE, Kind.ROSTER, Kind.FIELD)


@dataclass(frozen=True, slots=True)
class _Flow:
    """Blocks that read as one piece: a labelled start and its continuations."""

    kind: Kind
    blocks: tuple[Block, ...]
    # running text that would continue the flow before it at a sentence boundary, unless an
    # open sentence elsewhere claims it (see _stitch)
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


def assemble_page(
    blocks: Sequence[Block], meta: PageMeta | None = None, settings: Settings | None = None
) -> PageResult:
    """Build the page's interview (questions and answers not yet paired), articles, leftovers."""
    settings = settings or Settings()
    meta = meta or PageMeta()
    names = frozenset(b.speaker for b in blocks if b.kind is Kind.ANSWER and b.speaker)
    flows = _stitch(_group_flows(blocks, names))
    flows = _claim_notes(flows)
    speakers = [f.head.speaker for f in flows if f.kind is Kind.ANSWER and f.head.speaker]
    roster = [f for f in flows if f.kind is Kind.ROSTER]
    roster += _floating_roster(flows, set(speakers), roster)
    used: set[int] = {id(f) for f in roster}

    title, subtitle = _title(flows, used)
    articles = _articles(flows, used, settings)
    interview = None
    questions = [f for f in flows if f.kind is Kind.QUESTION]
    answers = [f for f in flows if f.kind is Kind.ANSWER]
    if questions or answers:
        used.update(id(f) for f in questions + answers)
        interview = Interview(
            title=title,
            subtitle=subtitle,
            reporters=_reporters(flows, used),
            guests=_guests(roster, speakers),
            host=questions[0].head.speaker or settings.host_labels[0] if questions else "",
            questions=tuple(_turn(f, "host", settings) for f in questions),
            answers=tuple(_turn(f, "guest", settings) for f in answers),
            inline=_inline(flows),
        )
        label, note = _note(flows, used, settings)
        interview = replace(interview, label=label, editor_note=note, lead=_lead(flows, used, settings))
    leftovers = tuple(
        p for f in flows if id(f) not in used for p in join_paragraphs(f.blocks, settings)
    )
    if not interview and (title or subtitle):
        leftovers = tuple(Paragraph(t) for t in (title, subtitle) if t) + leftovers
    for p in leftovers:
        log.info("%s: leftover lines %s", meta.source, _span(p.lines))
    return PageResult(
        meta=meta,
        interviews=(interview,) if interview else (),
        articles=tuple(articles),
        leftovers=leftovers,
        warnings=tuple(f"unassigned text at lines {_span(p.lines)}" for p in leftovers),
    )


def _span(numbers: Sequence[int]) -> str:
    return f"{numbers[0]}-{numbers[-1]}" if numbers else "?"


# --- flows ------------------------------------------------------------------------------


def _group_flows(blocks: Sequence[Block], names: frozenset[str]) -> list[_Flow]:
    flows: list[_Flow] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        cur = flows[-1] if flows else None
        if cur is None:
            flows.append(_Flow(kind=b.kind, blocks=(b,)))
        elif cur.kind is Kind.ROSTER:
            if _continues_roster(cur, b, nxt, names):
                flows[-1] = replace(cur, blocks=cur.blocks + (b,))
            else:
                flows.append(_Flow(kind=b.kind, blocks=(b,)))
        elif not _continues(cur, b, nxt):
            flows.append(_Flow(kind=b.kind, blocks=(b,)))
        elif _maybe_elsewhere(cur, b):
            flows.append(_Flow(kind=Kind.TEXT, blocks=(b,), tentative=True))
        else:
            flows[-1] = replace(cur, blocks=cur.blocks + (b,))
    return flows


def _maybe_elsewhere(cur: _Flow, b: Block) -> bool:
    """A box that starts mid-paragraph after a finished sentence either carries on the same
    column, or is the continuation of a sentence left open somewhere else on the page."""
    return (
        not cur.open
        and b.kind is Kind.TEXT
        and cur.kind in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT)
        and not _indented(b, cur.blocks)
    )


def _continues(cur: _Flow, b: Block, nxt: Block | None) -> bool:
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
        return not _indented(b, cur.blocks)
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


def _indented(b: Block, context: Sequence[Block] = ()) -> bool:
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
    return line_width(first) <= ref - _INDENT_SHORTFALL


def _stitch(flows: list[_Flow]) -> list[_Flow]:
    """An answer (or article) whose text stops in mid-sentence continues in the nearest
    unclaimed box that does not open an indented paragraph: after it in reading order if
    there is one, else before it."""
    flows = list(flows)
    i = 0
    while i < len(flows):
        f = flows[i]
        if f.kind in (Kind.ANSWER, Kind.ARTICLE, Kind.QUESTION, Kind.TEXT) and f.open:
            j = _continuation(flows, i)
            if j is not None:
                flows[i] = replace(f, blocks=f.blocks + flows[j].blocks)
                del flows[j]
                i = i if j > i else i - 1
                continue
        i += 1
    # boxes no open sentence claimed carry on the flow before them after all
    out: list[_Flow] = []
    for f in flows:
        if f.tentative and out and not out[-1].open:
            out[-1] = replace(out[-1], blocks=out[-1].blocks + f.blocks)
        else:
            out.append(replace(f, tentative=False))
    return out


def _continuation(flows: list[_Flow], i: int) -> int | None:
    """Index of the box that continues the open flow ``flows[i]``: an unclaimed box that
    does not open an indented paragraph, the nearest after it (else before it), preferring
    boxes that follow nothing over those that might carry on the flow before them."""
    f = flows[i]
    cands = [
        j for j, g in enumerate(flows)
        if j != i and g.kind is Kind.TEXT and not _indented(g.head, f.blocks)
    ]
    if not cands:
        return None
    return min(cands, key=lambda j: (flows[j].tentative, j < i, abs(j - i)))


def _continues_roster(cur: _Flow, b: Block, nxt: Block | None, names: frozenset[str]) -> bool:
    """Roster lines go on while guests are still missing and the block names one, or is
    a title whose name follows in the next block."""
    if b.kind not in (Kind.TEXT, Kind.HEADLINE) or not _roster_like(b):
        return False
    seen = {n for n in names if n in cur.text}
    if names and len(seen) >= len(names):
        return False
    text = "".join(x.text for x in b.lines)
    following = "".join(x.text for x in nxt.lines) if nxt is not None else ""
    return not names or any(n in text or n in following for n in names - seen)


def _roster_like(b: Block) -> bool:
    text = "".join(strip_spaces(x.text) for x in b.lines)
    if any(p in text for p in "。！？；") or len(b.lines) > 8:
        return False
    return "，" not in text or len(b.lines) <= 2  # a title may hold a comma


def _same_column(a: float, b: float) -> bool:
    return abs(a - b) <= max(2.0, 0.15 * max(a, b))


def _segments(blocks: Sequence[Block]) -> list[list[Block]]:
    """Runs of blocks joined in mid-sentence: each run holds whole paragraphs."""
    segs: list[list[Block]] = []
    for b in blocks:
        if segs and not ends_sentence(segs[-1][-1].lines[-1].text):
            segs[-1].append(b)
        else:
            segs.append([b])
    return segs


# --- the editor's note ----------------------------------------------------------------


def _claim_notes(flows: list[_Flow]) -> list[_Flow]:
    """Give a detached note label the note's text: what follows the label, or else the
    trailing boxes of the flow before it that are set at another width (the note's box),
    plus the paragraph next to them when it shares the note's words more than its flow's."""
    out = list(flows)
    for i, f in enumerate(out):
        if f.kind is not Kind.NOTE_LABEL or len(f.blocks) > 1 or i == 0:
            continue
        if LABEL.match(strip_spaces(f.head.lines[0].text)):
            continue  # inline label "编者按：…" carries its own text
        prev = out[i - 1]
        if prev.kind not in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT) or len(prev.blocks) < 2:
            continue
        keep, note = _split_note(prev)
        if note:
            out[i - 1] = replace(prev, blocks=tuple(keep))
            out[i] = replace(f, blocks=(f.head, *note))
    return out


def _split_note(flow: _Flow) -> tuple[list[Block], list[Block]]:
    segs = _segments(flow.blocks)
    if len(segs) < 2:
        return list(flow.blocks), []
    own = flow_column(segs[0])
    k = len(segs)
    while k > 1 and not _same_column(flow_column(segs[k - 1]), own):
        k -= 1
    if k == len(segs):
        return list(flow.blocks), []
    note_text = bigrams("".join(_seg_text(s) for s in segs[k:]))
    while k > 1:
        cand = bigrams(_seg_text(segs[k - 1]))
        rest = bigrams("".join(_seg_text(s) for s in segs[: k - 1]))
        if cosine(cand, note_text) <= cosine(cand, rest):
            break
        k -= 1
    keep = [b for s in segs[:k] for b in s]
    note = [b for s in segs[k:] for b in s]
    return keep, note


def _seg_text(seg: Sequence[Block]) -> str:
    return "".join(strip_spaces(x.text) for b in seg for x in b.lines)


def _note(flows: list[_Flow], used: set[int], settings: Settings) -> tuple[str, tuple[Paragraph, ...]]:
    for f in flows:
        if f.kind is Kind.NOTE_LABEL and id(f) not in used:
            used.add(id(f))
            head = strip_spaces(f.head.lines[0].text)
            m = LABEL.match(head)
            if m:  # "编者按：text"
                paras = join_paragraphs(f.blocks, settings, drop_prefix=_label_end(f.head))
            else:
                paras = join_paragraphs(f.blocks[1:], settings) if len(f.blocks) > 1 else ()
            return f.head.label or "", paras
    return "", ()


def _label_end(block: Block) -> int:
    m = LABEL.match(block.lines[0].text)
    return m.end() if m else 0


# --- roster, title, reporters, lead ---------------------------------------------------------


def _floating_roster(flows: list[_Flow], speakers: set[str], roster: list[_Flow]) -> list[_Flow]:
    """Roster lines printed away from their label: unlabelled lines with no sentence
    punctuation that hold a guest's name."""
    if not speakers:
        return []
    found = []
    for f in flows:
        if f.kind in (Kind.TEXT, Kind.HEADLINE) and all(_roster_like(b) for b in f.blocks):
            text = f.text
            if any(n in text for n in speakers) and len(text) <= 40 * max(1, len(speakers)):
                found.append(f)
    return found


def _guests(roster: Sequence[_Flow], speakers: Sequence[str]) -> tuple[Guest, ...]:
    names = list(dict.fromkeys(speakers))
    text = ""
    for f in roster:
        t = f.text
        m = LABEL.match(t)
        text += t[m.end() :] if m and f.kind is Kind.ROSTER else t
    guests = parse_roster(text, names) if text else tuple(Guest(name=n) for n in names)
    return tuple(replace(g, id=f"guest-{k}") for k, g in enumerate(guests, start=1))


def _title(flows: list[_Flow], used: set[int]) -> tuple[str, str]:
    """The interview's title is the headline set right before its ——subtitle or its byline."""
    for i, f in enumerate(flows):
        if f.kind is Kind.SUBTITLE:
            used.add(id(f))
            sub = join_lines([x.text for x in f.head.lines]).lstrip("—-－ ")
            title = ""
            if i and flows[i - 1].kind is Kind.HEADLINE:
                used.add(id(flows[i - 1]))
                title = flows[i - 1].text
            return title, sub
    for i, f in enumerate(flows):
        if f.kind is Kind.BYLINE and i and flows[i - 1].kind is Kind.HEADLINE:
            used.add(id(flows[i - 1]))
            return flows[i - 1].text, ""
    return "", ""


def _reporters(flows: list[_Flow], used: set[int]) -> tuple[str, ...]:
    names: list[str] = []
    for f in flows:
        if f.kind is Kind.BYLINE:
            used.add(id(f))
            names += parse_byline(f.head.lines[0].text) or ()
    return tuple(dict.fromkeys(names))


def _lead(flows: list[_Flow], used: set[int], settings: Settings) -> tuple[Paragraph, ...]:
    """Lead fields (采访对象：…) and unclaimed running text right after the furniture."""
    paras: list[Paragraph] = []
    after_furniture = False
    for f in flows:
        if f.kind is Kind.FIELD or (after_furniture and f.kind is Kind.TEXT and id(f) not in used):
            used.add(id(f))
            paras += join_paragraphs(f.blocks, settings)
        after_furniture = f.kind in _FURNITURE or (after_furniture and f.kind is Kind.TEXT)
    return tuple(paras)


# --- turns and articles --------------------------------------------------------------


def _turn(flow: _Flow, role: str, settings: Settings) -> Turn:
    paras = join_paragraphs(flow.blocks, settings, drop_prefix=_label_end(flow.head))
    return Turn(speaker=flow.head.speaker or "", role=role, paragraphs=paras)  # type: ignore[arg-type]


def _inline(flows: list[_Flow]) -> bool:
    """Questions printed right before their answers: most questions are followed by one."""
    qs = [i for i, f in enumerate(flows) if f.kind is Kind.QUESTION]
    followed = sum(1 for i in qs if i + 1 < len(flows) and flows[i + 1].kind is Kind.ANSWER)
    return bool(qs) and followed * 2 > len(qs)


def _articles(flows: list[_Flow], used: set[int], settings: Settings) -> list[Article]:
    arts = [f for f in flows if f.kind is Kind.ARTICLE]
    used.update(id(f) for f in arts)
    bodies = [join_paragraphs(f.blocks, settings) for f in arts]
    heads = [""] * len(arts)
    texts = ["".join(p.text for p in b) for b in bodies]
    for f in flows:
        if f.kind is not Kind.HEADLINE or id(f) in used:
            continue
        free = [k for k in range(len(arts)) if not heads[k]]
        parts = split_headline(f.text, [texts[k] for k in free])
        if parts:
            used.add(id(f))
            for part, k in parts:
                heads[free[k]] = part
    return [Article(headline=h, paragraphs=b) for h, b in zip(heads, bodies)]
