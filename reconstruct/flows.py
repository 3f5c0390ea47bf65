"""Flows: classified blocks grouped into pieces that read on, and answers split across
boxes stitched back together.

A flow is a labelled block (a question, an answer, a news item…) and the running text that
continues it. A column break in mid-sentence always continues; a box that starts an
indented paragraph never continues an open sentence; a box that starts mid-paragraph after
a finished sentence is *tentative*: it continues the flow before it unless a sentence left
open elsewhere on the page claims it (:func:`stitch_flows`).
"""

from __future__ import annotations

import enum
import math
import re
import statistics
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from .blocks import LABEL, line_width, spaced
from .lexicon import bigrams, cosine, dot, join_gain, norm, unit, word_across, word_read_across
from .lsap import linear_sum_assignment
from .model import Block, Kind, Line
from .paragraphs import flow_column
from .repair import (
    CARRIED_OVER, carried_over, continues_open, ends_sentence, join_lines, opening_mark, short_clause,
    strip_spaces, unspaced,
)
from .settings import Settings

__all__ = [
    "Flow", "group_flows", "stitch_flows", "segments", "same_column", "roster_like", "Relation",
    "box_relation", "NOTE_CUE", "speaks_as_guest",
]

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
    # a tentative box that opens an indented paragraph: no open sentence carries on into it
    # (_best_continuations leaves it out); a finished flow may (_paragraph_homes)
    paragraph: bool = False
    # a flow whose end gave a host's question the rest cut off it (_question_tails): left
    # open so, it carries on no sentence elsewhere (the extractor's order there is not to
    # be trusted); the box printed after it, unclaimed, still carries it on, and a box that
    # starts a sentence may be its next paragraph as a finished flow's (_paragraph_homes)
    cut: bool = False

    @property
    def head(self) -> Block:
        return self.blocks[0]

    @property
    def open(self) -> bool:
        if self.kind is Kind.FIELD:
            return _field_open(self.blocks[-1])
        return not ends_sentence(self.blocks[-1].lines[-1].text)

    @property
    def text(self) -> str:
        return join_lines([x.text for b in self.blocks for x in b.lines])

    def with_blocks(self, blocks: tuple[Block, ...]) -> Flow:
        """The same flow holding ``blocks`` (dataclasses.replace, without its cost: flows
        grow a block at a time)."""
        return Flow(self.kind, blocks, self.tentative, self.paragraph, self.cut)


def _field_open(block: Block) -> bool:
    """Does a lead field (采访对象：…) run on past its block? Its value, posts and names or
    a date, has no full stop to end it: a field on one line that ends on a date
    ("采访时间：9月2日") is whole, and a box printed after it is no part of it. Otherwise, as
    any text, it runs on until a full stop (a list of guests broken at a column's foot
    goes on in another box)."""
    last = strip_spaces(block.lines[-1].text).rstrip()
    if ends_sentence(last):
        return False
    return len(block.lines) > 1 or not _DATE_END.search(last)


# A field of time ends on its date's day.
_DATE_END = re.compile(r"\d\s*[日号]$")


def group_flows(
    blocks: Sequence[Block], names: frozenset[str], settings: Settings | None = None
) -> list[Flow]:
    """Blocks in page order grouped into flows; ``names`` are the guests (for rosters)."""
    settings = settings or Settings()
    flows: list[Flow] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        cur = flows[-1] if flows else None
        if cur is None:
            flows.append(Flow(kind=b.kind, blocks=(b,)))
        elif cur.kind is Kind.ROSTER:
            if _continues_roster(cur, b, nxt, names):
                flows[-1] = cur.with_blocks(cur.blocks + (b,))
            else:
                flows.append(Flow(kind=b.kind, blocks=(b,)))
        else:
            relation, other = _relation(cur, b, settings)
            if not _continues(
                cur, b, nxt, relation, blocks[i + 2 : i + 2 + _HEADLINE_BAND], settings.box_width_tolerance
            ):
                flows.append(Flow(kind=b.kind, blocks=(b,)))
            elif _maybe_elsewhere(cur, b, relation, other, settings) or _news_after_turn(cur, b, settings):
                indent = relation is Relation.INDENT
                flows.append(Flow(kind=Kind.TEXT, blocks=(b,), tentative=True, paragraph=indent))
            else:
                flows[-1] = cur.with_blocks(cur.blocks + (b,))
    return flows


def _relation(cur: Flow, b: Block, settings: Settings) -> tuple[Relation | None, bool]:
    """The relation of running text to the flow before it (None for other blocks), and
    whether it shows a column of its own at another width (see :func:`_placed`)."""
    if b.kind not in (Kind.TEXT, Kind.HEADLINE):
        return None, False
    return _placed(cur.blocks, b, settings)


def _maybe_elsewhere(
    cur: Flow, b: Block, relation: Relation | None, other: bool, settings: Settings
) -> bool:
    """A box that starts mid-paragraph after a finished sentence either carries on the same
    column, or is the continuation of a sentence left open somewhere else on the page; so is
    a box of another width after a sentence left open (the box that continues it may be
    printed elsewhere). ``other``: the box shows a column of its own at another width than
    the flow's (an indented paragraph of another box, then)."""
    if b.kind is not Kind.TEXT or cur.kind not in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT):
        return False
    if cur.open:
        if relation is Relation.OTHER:
            return True
        # a box at the column's width that opens on a sentence opener after a clause left
        # open ("…主要是" / "随着…") is no more the column carried on than another box
        left, right = _joined(cur.blocks[-1].lines[-3:]), _joined(b.lines[:3])
        return _opens_sentence_after_clause(left, right, settings) and not word_read_across(left, right)
    if continues_open(b.lines[0].text) or _ends_elsewhere(b.lines[0].text, settings):
        return True  # "，…" or "办。…" after a finished sentence: it carries on one open elsewhere
    return relation is not Relation.INDENT or other


def _news_after_turn(cur: Flow, b: Block, settings: Settings) -> bool:
    """A box in a news item's voice (:func:`_reports`) after a turn, or after running text
    that may carry one on, is no paragraph of it: it is left tentative, for the news item
    printed before it (stitch_flows)."""
    return (
        b.kind is Kind.TEXT and cur.kind in (Kind.ANSWER, Kind.QUESTION, Kind.TEXT)
        and _reports(Flow(kind=b.kind, blocks=(b,)), settings)
    )


def _continues(
    cur: Flow, b: Block, nxt: Block | None, relation: Relation | None, rest: Sequence[Block] = (),
    tolerance: float = Settings().box_width_tolerance,
) -> bool:
    """Does block ``b`` continue the flow ``cur`` (``relation``: its :func:`box_relation`)?"""
    if b.kind not in (Kind.TEXT, Kind.HEADLINE):
        return False
    if cur.kind not in _OWNERS and cur.kind is not Kind.TEXT:
        return False
    if cur.kind is Kind.TEXT and _stub(cur):
        return False  # a headline's wrapped end is not carried on by what follows it
    if cur.kind is Kind.NOTE_LABEL and not LABEL.match(strip_spaces(cur.head.lines[0].text)):
        return b.kind is Kind.TEXT  # a detached label: the note's text may follow it
    if b.kind is Kind.HEADLINE and (_heads_news(nxt, rest) or _heads_interview(nxt)) and not word_read_across(
        unspaced(cur.blocks[-1].lines[-1].text), unspaced(b.lines[0].text)
    ):
        # the headline of the news item below it, or the interview's title over its
        # subtitle or byline, printed after an open sentence (unless the sentence reads on
        # into it as jieba cuts it: …面积|石桥镇… reads 面积 / 石桥镇)
        return False
    if cur.open and b.kind is Kind.HEADLINE and relation is Relation.OTHER and (
        line_width(b.lines[0]) > flow_column(cur.blocks) + tolerance
    ) and not (nxt is not None and nxt.kind is Kind.TEXT and word_read_across(
        unspaced(b.lines[-1].text), unspaced(nxt.lines[0].text)
    )):
        # a line wider than the column is no line of it, but a headline printed there,
        # unless the text after it reads on from it (…长效机|制…)
        return False
    if cur.open and b.kind is Kind.HEADLINE and nxt is not None and nxt.kind is Kind.HEADLINE and not (
        word_read_across(unspaced(cur.blocks[-1].lines[-1].text), unspaced(b.lines[0].text))
    ):
        # a headline over another (a band of news headlines) is no line of the open column,
        # unless the sentence reads on into it (…每 / 溪宁县… does not)
        return False
    if cur.open:
        # a column break in mid-sentence, unless the block opens an indented paragraph
        # (then it is another box, and the open sentence continues elsewhere)
        return relation is not Relation.INDENT
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


# Headlines set side by side over news items come out one above the other: at most this
# many stand between a headline and the opener of the item it heads.
_HEADLINE_BAND = 3


def _heads_news(nxt: Block | None, rest: Sequence[Block]) -> bool:
    """Is the news opener (本报讯…) the next block, or the first after a few more headlines
    (``nxt`` and the blocks after it, ``rest``)? A headline there heads a news item."""
    for x in (nxt, *rest):
        if x is None or x.kind is not Kind.HEADLINE:
            return x is not None and x.kind is Kind.ARTICLE
    return False


def _heads_interview(nxt: Block | None) -> bool:
    """Is the next block a ——subtitle or a byline? A headline over it is a title."""
    return nxt is not None and nxt.kind in (Kind.SUBTITLE, Kind.BYLINE)


class Relation(enum.Enum):
    """How a box that follows a flow sits against the flow's column."""

    SAME = "same"  # the same column width, starting mid-paragraph: it may carry on the flow
    INDENT = "indent"  # it opens an indented paragraph: it continues no open sentence
    OTHER = "other"  # a column of another width: another box, wherever it is printed


def box_relation(context: Sequence[Block], b: Block, settings: Settings) -> Relation:
    """Is block ``b`` the flow's column carried on, an indented paragraph start, or another
    box?

    The flow's column is the median width of its last lines that do not end a sentence
    (those run to the full column); widths wobble by about a unit with half-width runs, so
    the first line must fall short by more than that to be indented. A block that shows its
    own column (lines after the first that do not end a sentence) is another box when that
    width differs from the flow's; a first line shorter than an indent explains, or wider
    than the column, is another box too. A first line that ends a sentence may be short
    only because its paragraph ends there. Leading spaces count as an indent only on a line
    that is short too: extractors also print stray ones.
    """
    return _placed(context, b, settings)[0]


def _placed(context: Sequence[Block], b: Block, settings: Settings) -> tuple[Relation, bool]:
    """:func:`box_relation`, and whether block ``b`` shows a column of its own at another
    width than the flow's (both are known from the same two medians)."""
    first = b.lines[0]
    ref, own = _columns(context, b)
    other = ref is not None and own is not None and abs(own - ref) > settings.box_width_wobble
    if first.text[:1].isspace() and all(
        line_width(first) <= w - settings.box_width_wobble for w in (ref, own) if w is not None
    ):
        # the indent survived as leading spaces, and the text is short of every column it may
        # be set to (a full line of the box's own column after stray spaces is no indent)
        return Relation.INDENT, other
    if ref is None:
        ref = own
    if ref is None:
        return Relation.SAME, other
    if other and own is not None:
        short = line_width(first) <= own - settings.box_indent_shortfall
        indent = short and not ends_sentence(first.text)
        return (Relation.INDENT if indent else Relation.OTHER), other
    if ends_sentence(first.text) or spaced(first.text):
        return Relation.SAME, other
    width = line_width(first)
    if width > ref + settings.box_width_tolerance:
        return Relation.OTHER, other
    if width <= ref - settings.box_indent_shortfall - settings.box_width_tolerance:
        return Relation.OTHER, other
    if width <= ref - settings.box_indent_shortfall:
        return Relation.INDENT, other
    return Relation.SAME, other


def _columns(context: Sequence[Block], b: Block) -> tuple[float | None, float | None]:
    """The flow's column (its last lines that do not end a sentence) and the column block
    ``b`` shows of its own (its lines after the first that do not end a sentence)."""
    around = [x for blk in context[-3:] for x in blk.lines if not ends_sentence(x.text)]
    ref = _median([line_width(x) for x in around if not spaced(x.text)])
    own = _median(
        [line_width(x) for x in b.lines[1:] if not ends_sentence(x.text) and not spaced(x.text)]
    )
    return ref, own


# half-width letters and digits, whose runs a line may not break (the line falls short)
_HALF_WIDTH = re.compile(r"[\x21-\x7e]")
# marks that may hang past the column's end
CLOSING_MARKS = "，。、；：？！”’）》」』】〕〉…"


def flow_cap(blocks: Sequence[Block], settings: Settings) -> tuple[float, int]:
    """The width a flow's column is set to, and how many lines show it: the commonest
    width of its lines that run on in mid-sentence (a line is filled to the column's very
    width unless a half-width run or a mark that may not open a line pulls its break back,
    or a closing mark hangs past it: lines with half-width characters or ending on a closing
    mark do not count); the widest of the commonest wins a tie. (0, 0) when
    no line runs on."""
    counts = Counter(
        line_width(x) for b in blocks for x in b.lines
        if not ends_sentence(x.text) and not spaced(x.text) and not _HALF_WIDTH.search(x.text)
        and x.text.rstrip()[-1:] not in CLOSING_MARKS
    )
    if not counts:
        return 0.0, 0
    width = max(counts, key=lambda w: (counts[w], w))
    if counts[width] < settings.cap_share * sum(counts.values()):
        return width, 0  # no width prevails: the column is not set to one (or not known)
    return width, counts[width]


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


_FORBIDDEN = -1e6
_STITCHABLE = (Kind.ANSWER, Kind.ARTICLE, Kind.QUESTION, Kind.TEXT, Kind.FIELD)
_TURNS = (Kind.QUESTION, Kind.ANSWER)
# The interview's heading below its title: what opens right under it is its own text.
_HEADING = (Kind.SUBTITLE, Kind.BYLINE)
# what a lead is printed under: the heading, a roster or a headline
_TITLE_BLOCK = (Kind.SUBTITLE, Kind.BYLINE, Kind.ROSTER, Kind.HEADLINE)


def stitch_flows(flows: Sequence[Flow], settings: Settings | None = None) -> list[Flow]:
    """Give every flow that stops in mid-sentence the box that continues it.

    Open flows and candidate boxes (unlabelled running text that does not open an indented
    paragraph, and is not the note's own box before a note label) are paired by an
    assignment over the scores above, repeated while chains grow; then a tentative box that
    starts a sentence goes to the finished answer it fits better than the one printed before
    it (_paragraph_homes); tentative boxes nobody claimed carry on the flow of the block
    printed before them, right after that block.
    """
    settings = settings or Settings()
    pairs = _side_by_side(flows)  # (the same lines whatever the flows: once)
    flows = _question_tails(list(flows), settings, pairs)
    page = _Page(pairs)  # (the blocks stay the same from here on, regrouped)
    order = [b for f in flows for b in f.blocks]
    before = {id(b): a for a, b in zip(order, order[1:])}
    noted = _before_note_labels(order)  # the note's own boxes: no answer carries on there
    voices = _voices(flows)  # each guest's words as printed with their labels, once
    flows = _unpinned(flows, settings, pairs, page)
    for _ in range(4):
        nxt = _best_continuations(flows, settings, voices, noted, page)
        if not nxt:
            break
        flows = _chain(flows, nxt)
    moved = _paragraph_homes(flows, before, noted, settings, voices, page)
    if moved is not flows:
        # a tentative box printed after one that moved home now follows a finished answer:
        # weighed again (its place in the first round was a tentative box's, no home)
        moved = _paragraph_homes(moved, before, noted, settings, voices, page)
    flows = moved
    out: list[Flow] = []
    owner: dict[int, int] = {}  # id(block) -> index in out
    first = next((k for k, f in enumerate(flows) if f.kind in _TURNS), len(flows))
    heading = next((k for k, f in enumerate(flows) if f.kind in _HEADING), len(flows))
    for n, f in enumerate(flows):
        k = owner.get(id(before.get(id(f.head))), -1)
        if k >= 0 and heading < n < first and _lead_after_news(out[k], f, settings):
            k = -1  # the lead, printed after a news item set below the interview's heading
        news = f.tentative and k >= 0 and out[k].kind in _TURNS and _reports(f, settings)
        if news and (item := _last_article(out)) >= 0:
            k = item  # a news item's paragraph printed after a turn: the item printed before it
            out[k] = out[k].with_blocks(out[k].blocks + f.blocks)
        elif f.tentative and k >= 0 and not news and _carries_on(out[k], before[id(f.head)]):
            blocks = out[k].blocks
            at = blocks.index(before[id(f.head)]) + 1
            out[k] = out[k].with_blocks(blocks[:at] + f.blocks + blocks[at:])
        else:
            k = len(out)
            out.append(Flow(f.kind, f.blocks))  # (settled: neither tentative nor a paragraph)
        owner.update((id(b), k) for b in f.blocks)
    return out


def _question_tails(flows: list[Flow], settings: Settings, pairs: Container[str]) -> list[Flow]:
    """The rest of a host's question cut off before its question mark and glued to the end
    of another flow, given back to the question: a short piece ending in the question mark
    — a block's last line, or a one-line block carried on — that the open question reads on
    into (a word across the join as jieba reads it, …有哪些经 / 验？, then only a few
    characters; the quote it left open closed, …“就业 / 难”，…？; a number broken there)
    while the text it is glued to does not (…各 / 验？, or a question already asked,
    …考虑？ / 算？; ``pairs``: :func:`_side_by_side`). The flow it was glued to is left open, and no box is stitched onto it
    (on pages where it happens the extractor's order is often mixed further: a news item
    that ended so took answers' boxes)."""
    flows = _asked_next(flows, settings)
    asking = [f for f in flows if f.kind is Kind.QUESTION and f.open and not _asks(f.text)]
    if not asking:
        return flows
    kept: dict[int, tuple[Block, ...]] = {}
    given: dict[int, Block] = {}
    for n, f in enumerate(flows):
        cut = _tail_of(f, [q for q in asking if q is not f and id(q) not in given], pairs, settings)
        if cut is not None:
            kept[n], given[id(cut[2])] = cut[0], cut[1]
    if not kept:
        return flows
    out = []
    for n, f in enumerate(flows):
        blocks = kept.get(n, f.blocks)
        if id(f) in given:
            blocks = (*blocks, given[id(f)])
        if n in kept:
            f = Flow(f.kind, f.blocks, f.tentative, f.paragraph, cut=True)
        out.append(f if blocks is f.blocks else f.with_blocks(blocks))
    return out


def _asked_next(flows: list[Flow], settings: Settings) -> list[Flow]:
    """A host's turn that has asked nothing yet (its sentences finished, no question mark:
    "主持人：…是基层治理的难点。") goes on in the box printed right after it when that box
    is a short piece of running text that asks ("…有什么经验？"): the question's own
    sentence, set off by the extractor."""
    out: list[Flow] = []
    for g in flows:
        f = out[-1] if out else None
        if (
            f is not None and f.kind is Kind.QUESTION and not f.open and not _asks(f.text)
            and g.kind is Kind.TEXT and len(g.blocks) == 1 and g.text.endswith(("？", "?"))
            and len(unspaced(g.text)) <= settings.question_tail_chars
        ):
            out[-1] = f.with_blocks(f.blocks + g.blocks)
        else:
            out.append(g)
    return out


def _tail_of(
    f: Flow, asking: Sequence[Flow], pairs: Container[str], settings: Settings
) -> tuple[tuple[Block, ...], Block, Flow] | None:
    """The blocks flow ``f`` keeps, the question's rest cut off its end and the open
    question (among ``asking``) that reads on into it, if any (:func:`_question_tails`)."""
    if not asking or f.kind not in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT, Kind.QUESTION):
        return None
    b = f.blocks[-1]
    if len(b.lines) > 1:
        kept = (*f.blocks[:-1], Block(b.lines[:-1], b.width, b.kind, b.speaker, b.label))
        tail = Block(b.lines[-1:], b.width, Kind.TEXT)
    elif len(f.blocks) > 1 and b.kind is Kind.TEXT:
        kept, tail = f.blocks[:-1], b
    else:
        return None
    piece = unspaced(tail.lines[0].text)
    if not piece.endswith(("？", "?")) or len(piece) > settings.question_tail_chars:
        return None
    before = _joined(kept[-1].lines[-3:])
    if f.kind is Kind.QUESTION and not before.endswith(("？", "?")):
        return None  # (the question's own end, unless it has asked already)
    own = join_lines([x.text for k in kept for x in k.lines])
    if not before.endswith(("？", "?")) and _reads_into(before, own, piece, pairs, settings):
        return None
    for q in asking:
        end = next((x for x in reversed(q.blocks) if x.kind is not Kind.HEADLINE), q.blocks[-1])
        if _reads_into(_joined(end.lines[-3:]), q.text, piece, pairs, settings):
            return kept, tail, q
    return None


def _reads_into(left: str, text: str, piece: str, pairs: Container[str], settings: Settings) -> bool:
    """Does the end ``left`` of ``text`` read on into a question's rest ``piece``: a number
    broken at the join, a quote or bracket the text left open closed, or — in a piece of a
    few characters — a word across the join as jieba reads it, or the two characters either
    side printed side by side elsewhere (``pairs``)?"""
    if _number_across(left, piece) or _closes_mark(text, piece):
        return True
    if len(piece) > settings.question_word_tail_chars:
        return False
    return word_read_across(left, piece) or _seen_across(left, piece, pairs)


def _gain(left: Block, right: Block, page: _Page) -> float:
    """How much likelier the text reads run together across the end of block ``left`` into
    block ``right`` than broken there (lexicon.join_gain, over a few lines: a last line may
    hold one character)."""
    return join_gain(page.tail(left), page.head(right))


def _unpinned(
    flows: list[Flow], settings: Settings, pairs: Container[str] = frozenset(), page: _Page | None = None
) -> list[Flow]:
    """A box that group_flows took as a column carried on in mid-sentence (the same width,
    no indent) is set loose, as a tentative box, when its text does not read on from that
    sentence (no word runs across the join) but reads on strongly from another flow left
    open (``Settings.loose_box_gain``): two boxes at one width printed one after the other,
    each carrying on another's sentence (…他们的生 / 活本身…). The stitching then decides;
    unclaimed, it carries on where it was printed. So is such a box when the two characters
    either side of the other flow's join are printed side by side elsewhere on the page
    (``pairs``, :func:`_side_by_side`) and those of its own join are not, the other flow at
    the box's width (…统一 / 调配…, 统一调配 in a question). Each open flow sets loose one
    box, the first that reads on from it. A glued box is set loose too when the sentence it
    is glued to reads on that strongly into another box of running text (…还经常组 / 做。…,
    with 织文艺… printed elsewhere): that box, not the glued one, carries it on; this holds in
    a box of running text too (a tentative box the stitching may move). So is a glued box
    that opens on a clause of a character or two before a comma (卖，…) as wide as another
    open flow's column and not as the blocks it is glued to (``Settings.loose_width_match``;
    a box of a few lines, whose width is a column's):
    nothing in the words tells the two open sentences apart, the column does. And a box
    glued after a finished sentence, as the flow's next paragraph, is set loose when it opens
    inside a word that another flow's open sentence begins, reading on that strongly
    (…加快推进智能装 / 备产业园…, :func:`_inside_word`): no paragraph opens so."""
    ends = {
        k: f.blocks[-1] for k, f in enumerate(flows)
        if f.kind in _STITCHABLE and f.open and not _stub(f) and not f.cut
    }
    if not ends:
        return flows
    page = _Page(pairs) if page is None else page
    pairs = page.pairs
    taken: set[int] = set()
    out: list[Flow] = []
    boxes = [g.head for g in flows if g.kind is Kind.TEXT and not _stub(g)]
    for n, f in enumerate(flows):
        cut = None
        if f.kind in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT):
            for k in range(1, len(f.blocks)):
                prev, b = f.blocks[k - 1], f.blocks[k]
                if b.kind is not Kind.TEXT:
                    continue
                if ends_sentence(prev.lines[-1].text):
                    into = next((m for m, end in ends.items() if m != n and m not in taken
                                 and _inside_word(end, b, settings, page)), None)
                    if into is not None:
                        taken.add(into)
                        cut = k  # …智能装 / 备产业园…, glued after a finished sentence: no paragraph opens so
                        break
                    continue
                left = page.tail(prev)
                if join_gain(left, page.head(b)) > 0:
                    continue
                by = None if f.kind is Kind.TEXT else next((
                    m for m, end in ends.items()
                    if m < n and m not in taken and (_gain(end, b, page) >= settings.loose_box_gain or (
                        _pair_seen(end, b, pairs) and not _pair_seen(prev, b, pairs)
                        and same_column(flow_column(flows[m].blocks), flow_column((b,)))))
                ), None)
                if by is None and _short_clause(b, settings):
                    by = next((m for m, end in ends.items() if m != n and m not in taken
                               and _width_matches(flows[m].blocks, b, f.blocks[:k], settings)), None)
                if by is not None:
                    taken.add(by)
                    cut = k
                    break
                if any(x is not b and join_gain(left, page.head(x)) >= settings.loose_box_gain for x in boxes):
                    cut = k  # …还经常组 / 做。…: the sentence reads on strongly into another box (织文艺…)
                    break
        if cut is None:
            out.append(f)
        else:
            out += [f.with_blocks(f.blocks[:cut]), Flow(Kind.TEXT, f.blocks[cut:], tentative=True)]
    return out


def _inside_word(end: Block, b: Block, settings: Settings, page: _Page) -> bool:
    """Does the open sentence ending block ``end`` read on into box ``b`` inside a word, and
    strongly (``Settings.loose_box_gain``)? No paragraph opens inside a word: a box glued
    after a finished sentence that does carries that sentence on (:func:`_unpinned`)."""
    left, right = page.tail(end), page.head(b)
    return word_read_across(left, right) and join_gain(left, right) >= settings.loose_box_gain


def _short_clause(b: Block, settings: Settings) -> bool:
    """Does box ``b`` open on a clause of a character or two before a comma (卖，…)?"""
    head = unspaced(b.lines[0].text)
    at = head.find("，")
    return 0 < at <= settings.loose_opening_chars and all(_is_han(c) for c in head[:at])


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _width_matches(other: Sequence[Block], b: Block, own: Sequence[Block], settings: Settings) -> bool:
    """Is box ``b`` as wide as the column of the open flow ``other`` and not of the blocks
    ``own`` it is glued to (:func:`_unpinned`, a box opening on a short clause)?"""
    tol = settings.loose_width_match
    return len(b.lines) >= settings.loose_width_lines and abs(b.width - flow_column(other)) <= tol < abs(b.width - flow_column(own))


def _pair_seen(left: Block, right: Block, pairs: Container[str]) -> bool:
    """:func:`_seen_across` at the join of block ``left`` into block ``right``."""
    return _seen_across(unspaced(left.lines[-1].text), unspaced(right.lines[0].text), pairs)


def _seen_across(left: str, right: str, pairs: Container[str]) -> bool:
    """Does the page print the last character of ``left`` and the first of ``right`` side by
    side within a line elsewhere (``pairs``: its pairs of Chinese characters,
    :func:`_side_by_side`)?"""
    return bool(left and right) and left[-1] + right[0] in pairs


def _word_across_join(a: Flow, b: Flow) -> bool:
    """Does a dictionary word run across the end of flow ``a`` (its text's end: a headline
    printed in its open sentence is not) into the start of ``b``?"""
    end = next((x for x in reversed(a.blocks) if x.kind is not Kind.HEADLINE), a.blocks[-1])
    left = unspaced(end.lines[-1].text)
    right = unspaced(b.head.lines[0].text)
    return bool(left and right) and word_across(left, right)


def _lead_after_news(item: Flow, f: Flow, settings: Settings) -> bool:
    """Is an unclaimed box printed after a finished news item, before the page's first
    turn, rather a text of its own (the interview's lead): it starts a sentence in a
    column of another width than the item's (a news item's columns share one width)?"""
    return (
        f.tentative and item.kind is Kind.ARTICLE and not item.open and _starts_sentence(f, settings)
        and not same_column(flow_column(item.blocks), flow_column(f.blocks))
    )


def _last_article(flows: Sequence[Flow]) -> int:
    """The index of the last news item among ``flows`` (-1 if none)."""
    return next((k for k in range(len(flows) - 1, -1, -1) if flows[k].kind is Kind.ARTICLE), -1)


def _carries_on(flow: Flow, prev: Block) -> bool:
    """May an unclaimed box carry on ``flow`` right after its block ``prev`` (the block
    printed before the box)? Yes after a finished sentence, or at the open end of a flow
    that nothing else continued."""
    if flow.kind not in _STITCHABLE:
        return False
    return ends_sentence(prev.lines[-1].text) or prev is flow.blocks[-1]


class _Page:
    """What the stitching asks again and again of one page's blocks and flows, found once:
    the few lines either side of a join read as one text (:func:`_joined`), each flow's
    text, its bigrams, their length and unit vector, its column and its cap. Made afresh
    for each page's stitching; keyed on the blocks' ids, each answer kept with the blocks
    it was found for (so no id is reused while the memo lives)."""

    __slots__ = ("pairs", "_tails", "_heads", "_texts", "_said", "_units", "_columns", "_caps")

    def __init__(self, pairs: Container[str] = frozenset()) -> None:
        self.pairs = pairs  # pairs of Chinese characters printed side by side
        self._tails: dict[int, tuple[Block, str]] = {}
        self._heads: dict[int, tuple[Block, str]] = {}
        self._texts: dict[tuple[int, ...], tuple[tuple[Block, ...], str]] = {}
        self._said: dict[str, tuple[Counter[str], float]] = {}
        self._units: dict[str, dict[str, float]] = {}
        self._columns: dict[tuple[int, ...], tuple[tuple[Block, ...], float]] = {}
        self._caps: dict[tuple[int, ...], tuple[tuple[Block, ...], tuple[float, int]]] = {}

    def tail(self, b: Block) -> str:
        """The last few lines of block ``b`` as one text (the open end of a join)."""
        hit = self._tails.get(id(b))
        if hit is None:
            hit = self._tails[id(b)] = (b, _joined(b.lines[-3:]))
        return hit[1]

    def head(self, b: Block) -> str:
        """The first few lines of block ``b`` as one text (what carries a join on)."""
        hit = self._heads.get(id(b))
        if hit is None:
            hit = self._heads[id(b)] = (b, _joined(b.lines[:3]))
        return hit[1]

    def text(self, flow: Flow) -> str:
        key = tuple(map(id, flow.blocks))
        hit = self._texts.get(key)
        if hit is None:
            hit = self._texts[key] = (flow.blocks, flow.text)
        return hit[1]

    def said(self, text: str) -> tuple[Counter[str], float]:
        """The text's bigrams and their length."""
        hit = self._said.get(text)
        if hit is None:
            counts = bigrams(text)
            hit = self._said[text] = (counts, norm(counts))
        return hit

    def unit(self, text: str) -> dict[str, float]:
        """The text's bigrams as a vector of length one."""
        hit = self._units.get(text)
        if hit is None:
            counts, length = self.said(text)
            hit = self._units[text] = unit(counts, length)
        return hit

    def column(self, blocks: tuple[Block, ...]) -> float:
        key = tuple(map(id, blocks))
        hit = self._columns.get(key)
        if hit is None:
            hit = self._columns[key] = (blocks, flow_column(blocks))
        return hit[1]

    def cap(self, blocks: tuple[Block, ...], settings: Settings) -> tuple[float, int]:
        key = tuple(map(id, blocks))
        hit = self._caps.get(key)
        if hit is None:
            hit = self._caps[key] = (blocks, flow_cap(blocks, settings))
        return hit[1]


@dataclass(frozen=True, slots=True)
class _Words:
    """What the flows of one stitching pass say, computed once for the pass: each flow's
    text, bigrams and their length, the candidates' unit vectors (only where guests' own
    words are weighed), each flow's column, and each guest's own words."""

    voices: dict[str, dict[str, float]]
    texts: dict[int, str]
    said: dict[int, Counter[str]]
    norms: dict[int, float]
    unit: dict[int, dict[str, float]]
    columns: dict[int, float]
    caps: dict[int, tuple[float, int]]
    page: _Page  # what the page's stitching found already (and its printed pairs)
    dots: dict[tuple[str, int], float]  # a guest's own words against a candidate's (voiced)

    def voiced(self, who: str, j: int) -> float:
        """How much candidate ``j`` says what guest ``who`` says and the others do not (the
        dot of the two unit vectors; each guest has several flows, each asked once)."""
        key = (who, j)
        found = self.dots.get(key)
        if found is None:
            found = self.dots[key] = dot(self.unit[j], self.voices[who])
        return found

    @property
    def pairs(self) -> Container[str]:
        """The pairs of Chinese characters the page prints side by side."""
        return self.page.pairs

    @classmethod
    def of(cls, flows: list[Flow], rows: Sequence[int], cands: Sequence[int],
           voices: dict[str, dict[str, float]], settings: Settings,
           page: _Page | None = None) -> _Words:
        page = _Page() if page is None else page
        keys = (*rows, *cands)
        texts = {k: page.text(flows[k]) for k in keys}
        said: dict[int, Counter[str]] = {}
        norms: dict[int, float] = {}
        for k, t in texts.items():
            said[k], norms[k] = page.said(t)
        units = {j: page.unit(texts[j]) for j in cands} if voices else {}
        columns = {k: page.column(flows[k].blocks) for k in keys}
        caps = {k: page.cap(flows[k].blocks, settings) for k in keys}
        return cls(voices, texts, said, norms, units, columns, caps, page, {})


def _best_continuations(
    flows: list[Flow], settings: Settings, voices: dict[str, dict[str, float]], noted: set[int],
    page: _Page,
) -> dict[int, int]:
    opened = [
        i for i, f in enumerate(flows) if f.kind in _STITCHABLE and f.open and not _stub(f) and not f.cut
    ]
    cands = [
        j for j, g in enumerate(flows)
        if g.kind is Kind.TEXT and not _stub(g)
        and (g.tentative or id(g.head) not in noted)
        and not (id(g.head) in noted and _starts_sentence(g, settings) and NOTE_CUE.search(g.text))
    ]
    if not opened or not cands:
        return {}
    # what each flow says, its words' unit vector and its column, once per flow
    words = _Words.of(flows, opened, cands, voices, settings, page)
    scores = np.array(
        [
            [_stitch_score(flows, i, j, settings, words) for j in cands]
            for i in opened
        ]
    )
    # running text printed before the page's first turn, a sentence's start, is the lead
    # (or the note): no turn printed after it carries on there
    first = next((k for k, f in enumerate(flows) if f.kind in _TURNS), len(flows))
    # (by print position too: a box opening an indented paragraph under the title block,
    # printed above every answer's first line, is the lead wherever the extractor put it)
    answered = min((f.head.lines[0].number for f in flows if f.kind is Kind.ANSWER), default=-1)
    for c, j in enumerate(cands):
        if _lead_above_answers(flows, j, answered, settings):
            at = flows[j].head.lines[0].number
            for r, i in enumerate(opened):
                if flows[i].head.lines[0].number > at and not (
                    _word_across_join(flows[i], flows[j])
                    and _gain(flows[i].blocks[-1], flows[j].head, page) >= settings.stitch_strong_gain
                ):
                    scores[r, c] = _FORBIDDEN  # (unless a word reads on into it strongly)
        # ... nor a news item, when it opens right under the interview's subtitle or byline
        # (a heading starts a text of its own), unless a word runs across the join (…千亩稻 /
        # 田和农耕…: the extractor printed the heading between the lines); nor any flow, a
        # turn read before it too, when the box under the heading speaks as the reporter
        # does in a lead ("记者来到…", "采访了…"): the lead, wherever the turns are printed
        headed = j > 0 and flows[j - 1].kind in _HEADING
        lead = headed and any(cue in words.texts[j] for cue in settings.lead_cues)
        if (j < first or lead) and _starts_sentence(flows[j], settings):
            for r, i in enumerate(opened):
                if (j < first and flows[i].kind in _TURNS) or (
                    headed and not _word_across_join(flows[i], flows[j])
                ):
                    scores[r, c] = _FORBIDDEN
    # a sentence may also stay open: one column per open flow worth leaving it so, which no
    # box scoring less is taken over (and no flow is pushed onto a weak box because the
    # strong ones went to others)
    stay = np.full((len(opened), len(opened)), settings.stitch_stay_open)
    rows, cols = linear_sum_assignment(np.hstack([scores, stay]), maximize=True)
    chosen = {
        int(r): int(c) for r, c in zip(rows, cols)
        if c < len(cands) and scores[r, c] > _FORBIDDEN / 2
    }
    chosen = _in_order(chosen, scores, settings.stitch_crossing_margin)
    return {opened[r]: cands[c] for r, c in chosen.items()}


def _lead_above_answers(flows: Sequence[Flow], j: int, answered: int, settings: Settings) -> bool:
    """Is flow ``j`` a box of running text set right under the title block (a subtitle,
    byline or roster printed before it), printed above the first line of every answer on
    the page (``answered``), that opens an indented paragraph of its own: the lead, which
    no flow printed after it carries on (a continuation is printed after its flow's start)?"""
    g = flows[j]
    if j == 0 or g.tentative or flows[j - 1].kind not in _TITLE_BLOCK:
        return False
    if answered < 0 or g.head.lines[0].number >= answered or len(g.head.lines) < 2:
        return False
    return box_relation((), g.head, settings) is Relation.INDENT


def _in_order(chosen: dict[int, int], scores: np.ndarray, margin: float) -> dict[int, int]:
    """The assignment (rows: open flows, columns: boxes, both in page order) with each
    crossed pair of joins — two open sentences printed one after the other, carried on by
    two boxes printed one after the other, the first by the second — put in order when the
    pair in order scores within ``margin`` of it: boxes carry on open sentences in the order
    they are printed more often than not, and a crossing won by a few hundredths says
    nothing against it. (Only neighbours: on a page whose order is mixed further, a chain
    of swaps takes good joins apart.)"""
    out = dict(chosen)
    for a in sorted(chosen):
        b = a + 1
        if chosen.get(b) is None or chosen[a] != chosen[b] + 1 or out[a] != chosen[a] or out[b] != chosen[b]:
            continue
        c, d = chosen[a], chosen[b]
        if min(scores[a, d], scores[b, c]) > _FORBIDDEN / 2 and (
            scores[a, d] + scores[b, c] >= scores[a, c] + scores[b, d] - margin
        ):
            out[a], out[b] = d, c
    return out


# What an editor's note says of the interview it introduces (also assemble's test of a
# note's box).
NOTE_CUE = re.compile(r"本期|本报推出|栏目|推出.{0,16}访谈|邀请.{0,30}(?:访谈|做客|走进|负责人)|欢迎读者|敬请关注")


def _before_note_labels(order: Sequence[Block]) -> set[int]:
    """The unlabelled boxes printed between the last labelled block and a note label set
    after its note: the note's own box, which the label claims later (assemble)."""
    out: set[int] = set()
    for k, b in enumerate(order):
        if b.kind is Kind.NOTE_LABEL:
            at = k - 1
            while at >= 0 and order[at].kind in (Kind.TEXT, Kind.HEADLINE):
                out.add(id(order[at]))
                at -= 1
    return out


def _paragraph_homes(
    flows: list[Flow],
    before: dict[int, Block],
    noted: set[int],
    settings: Settings,
    voices: dict[str, dict[str, float]],
    page: _Page,
) -> list[Flow]:
    """Tentative boxes that start a sentence, given to the finished answer they carry on.

    Such a box (a paragraph in a column of another width, or full lines after a finished
    sentence) carries on the flow printed before it unless another finished answer or
    article fits it better: its guest's words, words shared with it, its column width, and
    after it in reading order. Each finished flow takes at most one such box; the box stays
    where it was printed unless the other flow beats that one by a margin.
    """
    # (a flow that gave a question its rest counts as finished, as it was printed)
    owners = [i for i, f in enumerate(flows) if f.kind in _HOMES and (not f.open or f.cut) and not _stub(f)]
    where = {id(b): k for k, f in enumerate(flows) for b in f.blocks}
    def printed_after(g: Flow) -> int | None:
        """The flow printed before ``g``, looking past a news item's box printed between
        (its place is the news item's, see stitch_flows)."""
        k = where.get(id(before.get(id(g.head))))
        seen = set()
        while k is not None and k not in seen and flows[k].tentative and _reports(flows[k], settings):
            seen.add(k)
            k = where.get(id(before.get(id(flows[k].head))))
        return k

    home = {
        j: printed_after(g)
        for j, g in enumerate(flows)
        if g.kind is Kind.TEXT and g.tentative and not _stub(g) and _starts_sentence(g, settings)
        and not any(id(b) in noted for b in g.blocks)
    }
    row = {i: r for r, i in enumerate(owners)}
    # printed after a finished answer (a box in a news item's voice printed after a turn is
    # no answer's, nor does it take the place of an article's own box: stitch_flows gives
    # it to the news item printed before it)
    cands = [
        j for j, k in home.items()
        if k in row and not (flows[k].kind in _TURNS and _reports(flows[j], settings))
    ]
    first = next((k for k, f in enumerate(flows) if f.kind in _TURNS), len(flows))
    stranded = [
        j for j, g in enumerate(flows)
        if j > first and _stranded(flows, j, noted, settings)
    ]
    cands += stranded
    if not cands or not owners:
        return flows  # (a stranded box with no finished answer to go to stays)
    words = _Words.of(flows, owners, cands, voices, settings, page)
    scores = np.array([[_home_score(flows, i, j, settings, words)
                        + (settings.stitch_home if home.get(j) == i else 0.0) for j in cands]
                       for i in owners])
    rows, cols = linear_sum_assignment(scores, maximize=True)
    # where each box stays unless moved: the flow printed before it, or (a stranded box) a
    # floor that only an answer whose column and words speak for it passes
    stay = [
        scores.item(row[k], c) if (k := home.get(j)) in row else settings.stranded_floor
        for c, j in enumerate(cands)
    ]
    nxt = {
        owners[r]: cands[c] for r, c in zip(rows.tolist(), cols.tolist())
        if scores.item(r, c) > stay[c]  # a better home than where it is printed
    }
    return _chain(flows, nxt) if nxt else flows


def _stranded(flows: list[Flow], j: int, noted: set[int], settings: Settings) -> bool:
    """Is flow ``j`` a guest's paragraph stranded after the interview's furniture (a roster, a
    headline): running text printed after the first turn, right after a block that no
    sentence carries on, that starts a sentence in the first person plural? A lead or a
    news item is the reporter's, who does not say 我们 (an editor's note may: its cue and
    its place before a note label tell it)."""
    g = flows[j]
    if g.kind is not Kind.TEXT or g.tentative or _stub(g) or not _starts_sentence(g, settings):
        return False
    if flows[j - 1].kind not in _FURNITURE_BEFORE or any(id(b) in noted for b in g.blocks):
        return False
    return speaks_as_guest(g.text, settings) and not _reports(g, settings)


def speaks_as_guest(text: str, settings: Settings) -> bool:
    """Does running text speak as a guest does, in the first person plural, and not as an
    editor's note introducing the interview ("本期…我们邀请…")?"""
    return settings.first_person in text and not NOTE_CUE.search(text)


# Blocks after which running text opens a flow of its own (see group_flows).
_FURNITURE_BEFORE = (Kind.ROSTER, Kind.HEADLINE, Kind.BYLINE, Kind.SUBTITLE, Kind.NOTE_LABEL)


def _reports(flow: Flow, settings: Settings) -> bool:
    """Does the box open in a news item's voice, telling what the reporter heard ("据了解，…")
    or what someone said in the third person ("该院负责人表示，…")? No guest's answer goes on so
    (see ``Settings.reported_openers``)."""
    text = _joined(flow.head.lines[:3])
    if text.startswith(settings.reported_openers):
        return True
    said = text.find("表示，", 1, settings.reported_subject_chars + 3)
    return said > 0 and not any(c in text[:said] for c in "，。；：！？“”我")


def _joined(lines: Sequence[Line]) -> str:
    """A few lines read as one text, with no space left in it."""
    return unspaced(join_lines([x.text for x in lines]))


# Finished flows that a box starting a sentence may carry on.
_HOMES = (Kind.ANSWER, Kind.ARTICLE)


def _ends_elsewhere(text: str, settings: Settings) -> bool:
    """Does a box's first line open on the last few characters of a sentence or phrase begun
    elsewhere ("办。…", "伍，…")?"""
    return short_clause(text, settings.carried_clause_chars, settings.carried_phrase_chars)


def _starts_sentence(flow: Flow, settings: Settings) -> bool:
    """Does the flow start a sentence (not with the closing punctuation or the particle of
    one carried over from elsewhere, nor with the last few characters of one, "办。…")?"""
    first = flow.head.lines[0].text
    mark = opening_mark(first)
    if not mark or mark in CARRIED_OVER + "…—":
        return False
    return not _ends_elsewhere(first, settings)


def _home_score(
    flows: list[Flow],
    i: int,
    j: int,
    settings: Settings,
    words: _Words,
) -> float:
    counts_on = _counts_on(words.texts[i], words.texts[j])
    score = _affinity(flows, i, j, settings, words, counts_on)
    if same_column(words.columns[i], words.columns[j]):
        score += settings.stitch_same_width
    if abs(words.columns[i] - words.columns[j]) <= settings.exact_width_tolerance:
        score += settings.stitch_exact_width
    if counts_on:
        score += settings.home_enumeration  # a paragraph "二是…" after "一是…": that answer's next point
    return score + _cap_score(words, i, j, settings)


def _affinity(
    flows: list[Flow],
    i: int,
    j: int,
    settings: Settings,
    words: _Words,
    counts_on: bool,
) -> float:
    """How well flow ``j`` would carry on flow ``i`` by position and words: after it in
    reading order and near it, words shared with it, words only that guest uses
    (``counts_on``: :func:`_counts_on` of the two flows' texts, known to the caller)."""
    score = settings.stitch_after if j > i else 0.0
    score -= settings.stitch_per_flow_between * abs(j - i)
    score += settings.stitch_shared_words * cosine(
        words.said[i], words.said[j], words.norms[i], words.norms[j])
    who = flows[i].head.speaker or ""
    if words.voices.get(who):
        score += settings.stitch_voice * words.voiced(who, j)
    if counts_on:
        score += settings.stitch_enumeration
    return score


_ORDINALS = "一二三四五六七八九"
# the mark a box opens with that numbers a point ("三是…", "第三，…"), and its number
_POINT = re.compile(r"[\s“]*(?:([二三四五六七八九])是|第([二三四五六七八九])[，、,])")
# ... and the other hand of a two-sided point
_OTHER_HAND = re.compile(r"[\s“]*另一方面")


def _counts_on(text: str, box: str) -> bool:
    """Does the box open with the next point of an enumeration the text has begun and not
    yet reached ("一是…；二是…" / "三是…"; "第一，…" / "第二，…")?"""
    if _OTHER_HAND.match(box):  # "一方面…" / "另一方面…"
        return "一方面" in text.replace("另一方面", "") and "另一方面" not in text
    m = _POINT.match(box)
    if not m:
        return False
    k = _ORDINALS.index(m.group(1) or m.group(2))
    if m.group(1):
        return f"{_ORDINALS[k - 1]}是" in text and f"{_ORDINALS[k]}是" not in text
    return any(f"第{_ORDINALS[k - 1]}{p}" in text for p in "，、,") and f"第{_ORDINALS[k]}" not in text


def _stub(flow: Flow) -> bool:
    """A few characters on a line of their own with no punctuation: the wrapped end of a
    headline or a broken name, not running text."""
    if len(flow.blocks) != 1 or len(flow.blocks[0].lines) != 1:
        return False  # (before the flow's text is joined)
    text = flow.text
    return len(text) <= 8 and not any(p in text for p in "，。、；：！？")


def _voices(flows: list[Flow]) -> dict[str, dict[str, float]]:
    """What each guest says that the others do not: the bigrams of all their answers,
    weighted by rarity among the guests (what every guest says weighs nothing), unit length."""
    said: dict[str, Counter[str]] = {}
    for f in flows:
        if f.kind is Kind.ANSWER and f.head.speaker:
            said.setdefault(f.head.speaker, Counter()).update(bigrams(f.text))
    n = len(said)
    if n <= 1:
        return {}
    df: Counter[str] = Counter(chain.from_iterable(said.values()))  # (each guest's bigrams, in C)
    rarity = {d: math.log(n / d) for d in range(1, n)}  # the logs of a few values, once
    scale: dict[int, float] = {}
    out = {}
    for who, counts in said.items():
        for c in set(counts.values()).difference(scale):
            scale[c] = 1 + math.log(c)
        out[who] = unit({g: scale[c] * rarity[d] for g, c in counts.items() if (d := df[g]) < n})
    return out


def _stitch_score(
    flows: list[Flow],
    i: int,
    j: int,
    settings: Settings,
    words: _Words,
) -> float:
    f, g = flows[i], flows[j]
    if i == j or _asks_nothing(f, words.texts[i], words.texts[j]):
        return _FORBIDDEN
    # the words around the join, read over a few lines (a last line may hold one character)
    left, right = words.page.tail(f.blocks[-1]), words.page.head(g.head)
    across = word_read_across(left, right) or _number_across(left, right)
    relation = box_relation(f.blocks, g.head, settings)
    gain = join_gain(left, right) if across and (g.paragraph or j > i) else 0.0
    if g.paragraph and not (across and gain >= settings.paragraph_box_gain):
        # a box that opens an indented paragraph after the flow printed before it carries
        # on no open sentence unless the sentence reads on into it strongly (…养老服务。我 /
        # 们按照…): no paragraph opens inside a word (…城市部 / 类似的… reads on weakly)
        return _FORBIDDEN
    if relation is Relation.INDENT and not across:
        # an indented paragraph carries on no open sentence; but no paragraph starts inside
        # a word ("…发现数" / "据异常…"): the short first line was short for another reason
        return _FORBIDDEN
    score = settings.stitch_any + _affinity(
        flows, i, j, settings, words, _counts_on(words.texts[i], words.texts[j]))
    first = g.head.lines[0].text
    # (a dash may open a subtitle, an ellipsis a quotation.) A phrase of one character
    # ("策，…") carries on an open one as a comma does; a clause of a few ("办。…") says the box
    # ends some sentence left open, not which: printed before this one, it does not lift the
    # box over the floor below (a headline's broken line printed before it may be that one)
    phrase = short_clause(first, 0, settings.carried_phrase_chars)
    if carried_over(first) or phrase or (j > i and _ends_elsewhere(first, settings)):
        score += settings.stitch_mid_sentence  # "，企业和群众…" / "办。…": no sentence starts so
    if g.tentative:
        score += settings.stitch_tentative
    if not across and _opens_sentence_after_clause(left, right, settings):
        score -= settings.stitch_opener_after_clause  # …的发展 / 随着…: no clause goes on so
    if across:
        score += settings.stitch_word_across
        if j > i and gain >= settings.stitch_strong_gain:
            score += settings.stitch_reads_strongly  # …他们的生 / 活本身…: far likelier read on
    if _closes_mark(words.texts[i], words.texts[j]):
        score += settings.stitch_closes_mark
    if _seen_across(left, right, words.pairs):
        score += settings.stitch_pair_seen  # …统一培训、统一 / 调配…: 一调 printed elsewhere
    if relation is Relation.OTHER:
        score += settings.stitch_adjacent if j == i + 1 else 0.0
    elif same_column(words.columns[i], words.columns[j]):
        score += settings.stitch_same_width
    if abs(words.columns[i] - words.columns[j]) <= settings.exact_width_tolerance:
        score += settings.stitch_exact_width  # a continuation keeps its column's very width
    if g.blocks[-1].lines[-1].number < f.head.lines[0].number and not across and score < settings.stitch_floor:
        return _FORBIDDEN  # printed before the open sentence, and nothing speaks for it
    return score


def _opens_sentence_after_clause(left: str, right: str, settings: Settings) -> bool:
    """Does the text ``right`` open on a sentence opener ("随着…", "比如…") while ``left``,
    the open text before the join, ends in mid-clause (on a character, not a mark)?"""
    return bool(left) and (_is_han(left[-1]) or left[-1].isalnum()) and right.startswith(settings.sentence_openers)


# two Chinese characters (a pair with a punctuation mark in it, "，由", is printed everywhere)
_HAN_PAIR = re.compile(r"[\u3400-\u9fff]{2}$")


class _Printed:
    """The page's lines, spaces taken out, one after another: ``pair in printed`` says
    whether the page prints the two Chinese characters side by side within a line (the
    stitching asks a few times a page, so the lines are searched rather than every pair
    of the page gathered)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __contains__(self, pair: object) -> bool:
        return isinstance(pair, str) and bool(_HAN_PAIR.match(pair)) and pair in self.text


def _side_by_side(flows: Sequence[Flow]) -> _Printed:
    """The pairs of Chinese characters the page prints side by side within a line (the
    stitching asks whether the two characters either side of a join are among them)."""
    return _Printed("\n".join([unspaced(x.text) for f in flows for b in f.blocks for x in b.lines]))


def _cap_score(words: _Words, i: int, j: int, settings: Settings) -> float:
    """A box set to another column than a finished flow's (both shown by a few lines, each
    set to one width) is less likely that flow's next paragraph: a split answer's second box
    keeps its column more often than not. (The same column measured no help: boxes of a
    page's answers share a few widths.)"""
    (a, n), (b, m) = words.caps[i], words.caps[j]
    if min(n, m) < settings.cap_lines or a == b:
        return 0.0
    return settings.home_other_cap


_MARKS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"))


def _closes_mark(text: str, box: str) -> bool:
    """Does the box close a quote or bracket the open text left open ("…坚持“以阅读" /
    "为特色”…")?"""
    for opening, closing in _MARKS:
        if text.count(opening) > text.count(closing):
            shut, opened = box.find(closing), box.find(opening)
            if shut >= 0 and (opened < 0 or shut < opened):
                return True
    return False


def _number_across(left: str, right: str) -> bool:
    """A number broken at the join ("…签约工业项目2" / "7个…"): digits on both sides."""
    if not left or not right or not left[-1].isdigit():
        return False
    return right[0].isdigit() or (right[0] in ".．" and right[1:2].isdigit())


def _asks(text: str) -> bool:
    """Does the text hold a question mark (full- or half-width)?"""
    return "？" in text or "?" in text


def _asks_nothing(f: Flow, text: str, box: str) -> bool:
    """A host's question left open before its question mark goes on in a box that asks it:
    a box with no question mark does not carry it on (``text``: the flow ``f``'s, ``box``:
    the box's)."""
    if f.kind is not Kind.QUESTION or _asks(text):
        return False
    return not _asks(box)


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
        out.append(f.with_blocks(tuple(blocks)))
    # a cycle of flows that only continue each other: keep them all, in page order
    placed = {id(b) for f in out for b in f.blocks}
    out += [f for f in flows if id(f.blocks[0]) not in placed]
    return out


def _continues_roster(cur: Flow, b: Block, nxt: Block | None, names: frozenset[str]) -> bool:
    """Roster lines go on while guests are still missing and the block names one, or is
    a title whose name follows in the next block."""
    if b.kind is Kind.ROSTER and not LABEL.match(strip_spaces(b.lines[0].text)):
        return True  # an entry of the same roster (a name printed apart from its title)
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
    text = "".join(unspaced(x.text) for x in b.lines)
    following = "".join(unspaced(x.text) for x in nxt.lines) if nxt else ""
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


