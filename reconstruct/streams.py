"""Columns printed row by row, rewoven into columns.

When the lines of a page stand farther apart than an extractor's line margin (pdfminer.six's
``LAParams.line_margin``), it makes every line (or every two or three lines) a text box of
its own and prints those boxes band by band across the page: the first box of each column
side by side, then the second of each, and so on, each followed by a blank line. Across a
band of ``m`` columns a box then carries on the box printed ``m`` boxes before it.

The page's small boxes are cut into runs, and the whole run's reading is chosen at once:
the run is cut into blocks, each set in ``m`` columns (one to six) printed band by band, the
bands never widening as the columns on the right end first, and read column by column. The
reading chosen, by dynamic programming over where each block starts, its columns and its
bands, gives the most for each box carrying on the box above it in its column and for each
column's last box carried on by the top of the next column: a sentence left open is carried
on by a line at its width that no speaker label opens and that reads on across the join
(strongly when the best segmentation of the text run together by jieba's dictionary beats
that of the text broken there by far, a dictionary word across it, or the page prints both
triples of characters about the join side by side elsewhere; somewhat when it beats it a
little, or the page prints one such triple or the two characters either side), a finished one
gladly by a new turn, never by a line narrower than itself (a question across the page stands
above the columns); a new block costs a little, and so, less, does a band narrower than its
block (columns are set balanced). Each column is printed as one box, and so is a column that
ends in mid-sentence with the next one, except where a speaker label opens a line after an
open sentence. Bigger boxes (a column the extractor kept whole), the interview's heading, a
label printed one character per line and a wrapped headline stay as they are."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from .blocks import LABEL, SUBTITLE_DASHES, line_width, spaced, wrapped_heading
from .furniture import parse_byline
from .lexicon import char_grams, join_gain
from .model import Line, Page
from .repair import display_width, ends_sentence, strip_spaces
from .settings import Settings

__all__ = ["unweave_rows", "printed_row_by_row"]


def printed_row_by_row(page: Page, settings: Settings | None = None) -> bool:
    """Does (nearly) every line of the page stand in a box of a line or two of its own?"""
    return _row_by_row(_boxes(page.lines), settings or Settings())


def _row_by_row(boxes: list[list[Line]], settings: Settings) -> bool:
    """:func:`printed_row_by_row` on the page's boxes."""
    lines = sum(map(len, boxes))
    if lines < settings.row_by_row_min_lines:
        return False
    small = sum(len(g) for g in boxes if len(g) <= settings.row_by_row_box)
    return small >= settings.row_by_row_share * lines


@dataclass(frozen=True, slots=True)
class _Info:
    text: str  # without extraction spaces
    width: float
    closed: bool  # ends a sentence
    labelled: bool
    spaced: bool
    chars: float  # the width of its characters alone (a letter-spaced line's, unstretched)

    @classmethod
    def of(cls, raw: str) -> "_Info":
        stripped = strip_spaces(raw)
        return cls(
            stripped.replace(" ", ""),
            line_width(raw),
            ends_sentence(raw),
            bool(LABEL.match(raw.strip())),
            spaced(raw),
            float(display_width(stripped)),
        )


def unweave_rows(page: Page, settings: Settings | None = None) -> Page:
    """The page with its columns rewoven, if it was printed row by row; else the page."""
    settings = settings or Settings()
    groups = _boxes(page.lines)  # split once, for the test and for the runs
    if not _row_by_row(groups, settings):
        return page
    seen = _pairs(page.lines)
    out: list[Line] = []
    for run, small in _small_runs(groups, settings):
        boxes = _reweave(run, seen, settings) if small and len(run) > 2 else [[x for box in run for x in box]]
        for box in boxes:
            out += box
            out.append(Line(box[-1].number, ""))
    return replace(page, lines=tuple(out))


@dataclass(frozen=True, slots=True)
class _Printed:
    """The pairs and triples of characters the page prints side by side within its lines."""

    pairs: frozenset[str]
    triples: frozenset[str]


def _pairs(lines: tuple[Line, ...]) -> _Printed:
    """What the page prints side by side within its lines."""
    pairs: set[str] = set()
    triples: set[str] = set()
    for x in lines:
        t = strip_spaces(x.text).replace(" ", "")
        pairs |= char_grams(t, 2)
        triples |= char_grams(t, 3)
    return _Printed(frozenset(pairs), frozenset(triples))


def _boxes(lines: tuple[Line, ...]) -> list[list[Line]]:
    """The runs of lines between blank lines (the extractor's text boxes)."""
    groups: list[list[Line]] = [[]]
    for x in lines:
        if x.text.strip():
            groups[-1].append(x)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _small_runs(groups: list[list[Line]], settings: Settings) -> list[tuple[list[list[Line]], bool]]:
    """Runs of small boxes (a line or a few standing between blank lines); a bigger box (a
    column the extractor kept whole) is a run of its own, and so is each line of the
    interview's heading (a box with a subtitle or a byline, and the title printed just
    above a subtitle), which spans the page rather than sitting in a column, a label
    printed one character per line, and a headline wrapped in its box (``groups``: the
    page's boxes, :func:`_boxes`)."""
    heading = {
        k for k, g in enumerate(groups)
        if any(map(_heading, g)) or _upright_label(g)
        or wrapped_heading(g, max_lines=None, every_line=True,
                           shortfall=settings.wrapped_headline_shortfall)
        or (len(g) == 1 and k + 1 < len(groups) and _subtitle(groups[k + 1][0]))
    }
    runs: list[tuple[list[list[Line]], bool]] = []  # (boxes, whether they are small)
    small: list[list[Line]] = []
    for k, g in enumerate(groups):
        if len(g) <= settings.row_box_lines and k not in heading:
            small.append(g)
            continue
        if small:
            runs.append((small, True))
            small = []
        runs.append(([g], False))
    if small:
        runs.append((small, True))
    return runs


def _upright_label(box: list[Line]) -> bool:
    """A label printed one character per line (编 / 者 / 按), which stands beside a column
    rather than in it."""
    return len(box) > 1 and all(len(x.text.strip()) == 1 for x in box)


def _subtitle(line: Line) -> bool:
    return line.text.strip().startswith(SUBTITLE_DASHES)


def _heading(line: Line) -> bool:
    return _subtitle(line) or parse_byline(line.text.strip()) is not None


@dataclass(frozen=True, slots=True)
class _Block:
    """A stretch of a run set in ``columns`` columns side by side, printed band by band: the
    bands' sizes (how many of the columns still go on at that depth) never grow, as the
    columns on the right end first."""

    start: int
    columns: int
    bands: tuple[int, ...]

    def reading(self) -> list[list[int]]:
        """The block's boxes column by column, each column top to bottom."""
        columns: list[list[int]] = [[] for _ in range(self.columns)]
        at = self.start
        for size in self.bands:
            for c in range(size):
                columns[c].append(at + c)
            at += size
        return columns


def _reweave(run: list[list[Line]], seen: _Printed, settings: Settings) -> list[list[Line]]:
    """The run's boxes dealt into blocks of columns and read column by column: a column's
    boxes are one box, and so is a column that ends in mid-sentence with the next, unless a
    speaker label opens that one."""
    first = [_Info.of(box[0].text) for box in run]
    last = [f if len(box) == 1 else _Info.of(box[-1].text) for f, box in zip(first, run)]

    @lru_cache(maxsize=None)
    def links(k: int, j: int) -> float:  # how well box j carries on box k, asked again and again
        return _link(last[k], first[j], seen, settings)

    out: list[list[Line]] = []
    for block in _blocks(len(run), links, settings):
        box: list[int] = []
        for column in block.reading():
            for k, b in enumerate(column):
                # a speaker label never carries on an open sentence (it goes on elsewhere);
                # a column goes on in the next only from an open sentence
                if box and (first[b].labelled and not last[box[-1]].closed or k == 0 and last[box[-1]].closed):
                    out.append([x for i in box for x in run[i]])
                    box = []
                box.append(b)
        out.append([x for i in box for x in run[i]])
    return out


def _blocks(n: int, links: Callable[[int, int], float], settings: Settings) -> list[_Block]:
    """The ``n`` boxes of a run cut into blocks of columns, the whole run's reading chosen at
    once (``links(k, j)``: how well box j carries on box k): the cut, and each block's
    columns and bands, that give the most for every box carrying on the box above it in its
    column and every column's last box carried on by the top of the next column, less
    ``row_switch`` a block. Dynamic programming over where each block starts, how many
    columns it sets and where its last band so far ends, and how big that band is."""
    widest = min(settings.row_max_period, n)
    # along[q][i]: the links of every box before i to the box q after it (a band of q boxes
    # carried on by the band below it, read in one subtraction)
    along = [[0.0] * (n + 1) for _ in range(widest + 1)]
    for q in range(1, widest + 1):
        for k in range(n):
            along[q][k + 1] = along[q][k] + (links(k, k + q) if k + q < n else 0.0)
    best = [-math.inf] * (n + 1)  # best[p]: the best reading of the boxes before p
    best[0] = 0.0
    ending: list[tuple[int, int, int, list[list[int]]] | None] = [None] * (n + 1)
    for s in range(n):
        ends: dict[tuple[int, int], list[float]] = {}  # the columns' ends onto their next tops
        for m in range(1, widest + 1):
            if s + m > n:
                break
            _grow_block(s, m, n, along, best, ending, ends, links, settings)
    blocks: list[_Block] = []
    p = n
    while p > 0:
        found = ending[p]
        assert found is not None
        s, m, q, back = found
        bands: list[int] = []
        while p > s:
            bands.append(q)
            p, q = p - q, back[p - s][q]
        blocks.append(_Block(s, m, tuple(reversed(bands))))
    return blocks[::-1]


def _grow_block(
    s: int,
    m: int,
    n: int,
    along: list[list[float]],
    best: list[float],
    ending: list[tuple[int, int, int, list[list[int]]] | None],
    ends: dict[tuple[int, int], list[float]],
    links: Callable[[int, int], float],
    settings: Settings,
) -> None:
    """Every block of ``m`` columns from box ``s``, band by band: ``score[p - s][q]`` is the
    best a block reaching box p with a last band of q boxes scores; closed there, it offers
    ``best[p]`` a reading (recorded in ``ending``). ``ends[(b, q)]`` caches, for a band of q
    from box b, how well the top of each next column carries on each column ending there
    (suffix sums)."""
    span = n - s
    score = [[-math.inf] * (m + 1) for _ in range(span + 1)]
    back = [[0] * (m + 1) for _ in range(span + 1)]
    score[m][m] = 0.0
    for p in range(s + m, n + 1):
        row = score[p - s]
        for q in range(1, m + 1):
            held = row[q]
            if held == -math.inf:
                continue
            b = p - q
            suffix = ends.get((b, q))
            if suffix is None:
                suffix = [0.0] * (q + 1)
                for c in range(q - 1, -1, -1):  # column c ends at box b + c; column c+1 tops at s + c + 1
                    suffix[c] = suffix[c + 1] + (links(b + c, s + c + 1) if s + c + 1 < n else 0.0)
                ends[(b, q)] = suffix
            # the block's last column has no next column to carry on into
            last_column = suffix[q - 1] - suffix[q] if q == m else 0.0
            closing = suffix[0] - last_column
            total = best[s] + held + closing - settings.row_switch
            if total > best[p]:
                best[p], ending[p] = total, (s, m, q, back)
            carried = along[q]
            for q2 in range(1, min(q, n - p) + 1):
                v = held + carried[b + q2] - carried[b] + (suffix[q2] - last_column if q2 < q else 0.0)
                v -= settings.row_short_band if q2 < m else 0.0
                if v > score[p + q2 - s][q2]:
                    score[p + q2 - s][q2] = v
                    back[p + q2 - s][q2] = q


def _link(prev: _Info, line: _Info, seen: _Printed, settings: Settings) -> float:
    """How well ``line`` carries on ``prev`` in one column."""
    if prev.closed:
        if _too_wide(prev, line, settings):
            return -settings.row_too_wide
        return settings.row_new_turn if line.labelled else 0.0
    if line.labelled:
        return -settings.row_label_break  # a new turn does not carry on an open sentence
    width = settings.row_width_fit if _fits(prev, line, settings) else -settings.row_width_miss
    return _reads_on(prev.text, line.text, seen, settings) + width


def _reads_on(left: str, right: str, seen: _Printed, settings: Settings) -> float:
    """How surely the text reads on across the join: strongly when the text run together
    segments far likelier than broken there (a dictionary word across it), or the page prints
    both triples of characters about the join side by side elsewhere; somewhat when it
    segments a little likelier, or the page prints one such triple or the two characters
    either side of the join; else it counts against."""
    if not left or not right:
        return -settings.row_no_word
    gain = join_gain(left, right)
    triples = (left[-2:] + right[:1] in seen.triples) + (left[-1:] + right[:2] in seen.triples)
    if gain >= settings.row_strong_gain or triples == 2:
        return settings.row_reads_strongly
    if gain >= settings.row_weak_gain or triples or left[-1] + right[0] in seen.pairs:
        return settings.row_word_across
    return -settings.row_no_word


def _too_wide(prev: _Info, line: _Info, settings: Settings) -> bool:
    """Is the finished line ``prev`` wider than the column an unfinished ``line`` fills (a
    line never stands out of its column: ``prev`` spans more, a question across the page
    above a band of columns)?"""
    if line.closed:
        return False
    column = line.width if not line.spaced else line.width + settings.row_spacing_room
    return (prev.chars if prev.spaced else prev.width) > column + settings.row_width_wobble


def _fits(prev: _Info, line: _Info, settings: Settings) -> bool:
    """Is ``line`` as wide as the open line ``prev`` (a finished one may stop short)? A
    letter-spaced line was stretched to its column from a little less."""
    wob, room = settings.row_width_wobble, settings.row_spacing_room
    low, high = (prev.chars - wob, prev.chars + room) if prev.spaced else (prev.width - wob, prev.width + wob)
    if line.spaced:
        low, high = low - room, high
        return low <= line.chars <= high
    return line.width <= high if line.closed else low <= line.width <= high
