"""Columns printed row by row, rewoven into columns.

When the lines of a page stand farther apart than an extractor's line margin (pdfminer.six's
``LAParams.line_margin``), it makes every line (or every two or three lines) a text box of
its own and prints those boxes band by band across the page: the first box of each column
side by side, then the second of each, and so on, each followed by a blank line. Across a
band of ``m`` columns a box then carries on the box printed ``m`` boxes before it.

The page's small boxes are cut into runs, each with its period ``m`` (one to six columns),
by dynamic programming over how well every box carries on the box ``m`` before it: a
sentence left open is carried on by a line at its width that no speaker label opens and
that reads on across the join (strongly when the best segmentation of the text run
together by jieba's dictionary beats that of the text broken there by far, a dictionary
word across it, or the page prints both triples of characters about the join side by side
elsewhere; somewhat when it
beats it a little, or the page prints one such triple or the two characters either side,
or the line closes a quotation the open one left open),
a finished one gladly by a new turn; changing the period
costs a little. Each box then carries on the box its period before it, across a change of
period too (when one column of a band ends, the others go on at the new period), except
that a speaker label never carries on an open sentence (a one-character label that ends a
word the open line broke off, …三个方 / 面：一是…, is no label). A column so found that ends in
mid-sentence then takes as its next box one printed between its top and its end that reads
on from it clearly better than from the box the period gave it to: the top of the band's
next column, printed right after the band's first tops but carrying on the column's last
line, printed at the band's end; one left with no next box takes the column's top as far
from it as the boxes beside it found theirs. Where nearly every small box is a single line (pdfminer.six),
on the page or in a long run of small boxes, the next boxes are first chosen for all boxes
at once, by an assignment of the greatest sum of links (the periods' links favoured, then
each link backed by the links beside it, and among links the grades score alike, the line
closest to the open line's width), which may also hang the next column's top under
a column's open bottom; the periods fill in the rest. Each column is printed as one box.
Bigger boxes (a column the extractor kept whole), the interview's heading, a label printed
one character per line and a wrapped headline stay as they are."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .blocks import LABEL, SUBTITLE_DASHES, line_width, spaced, wrapped_heading
from .furniture import parse_byline
from .lexicon import char_grams, join_gain, word_across, word_frequency
from .lsap import linear_sum_assignment
from .model import Line, Page
from .repair import display_width, ends_sentence, strip_spaces, unspaced
from .settings import Settings

__all__ = ["unweave_rows", "printed_row_by_row"]


def printed_row_by_row(page: Page, settings: Settings | None = None) -> bool:
    """Does (nearly) every line of the page stand in a box of a line or two of its own, or
    do long runs of such boxes hold a good share of its lines (beside columns kept whole)?"""
    return _row_by_row(_boxes(page.lines), settings or Settings())


def _row_by_row(boxes: list[list[Line]], settings: Settings) -> bool:
    """:func:`printed_row_by_row` on the page's boxes."""
    lines = sum(map(len, boxes))
    if lines < settings.row_by_row_min_lines:
        return False
    small = sum(len(g) for g in boxes if len(g) <= settings.row_by_row_box)
    if small >= settings.row_by_row_share * lines:
        return True
    # a page whose interleaved columns share it with columns kept whole (a sidebar's, the
    # questions', a news item's): long runs of small boxes, which a page printed column by
    # column has only between its few short paragraphs
    in_runs, run = 0, 0
    for g in boxes + [[]]:
        if g and len(g) <= settings.row_by_row_box:
            run += len(g)
            continue
        in_runs += run if run >= settings.row_by_row_run else 0
        run = 0
    return in_runs >= settings.row_by_row_run_share * lines


@dataclass(frozen=True, slots=True)
class _Info:
    text: str  # without extraction spaces
    width: float
    closed: bool  # ends a sentence
    labelled: bool
    # a one-character label's character (问：…), or a label the page prints only once, which
    # may be the end of a sentence broken at the column (…三个方 / 面：一是…, …重点抓好 /
    # 三件事：一是…) rather than a speaker's
    word: str
    once: bool  # a label the page prints only once
    spaced: bool
    chars: float  # the width of its characters alone (a letter-spaced line's, unstretched)

    @classmethod
    def of(cls, raw: str, repeated: frozenset[str] | None = None) -> "_Info":
        """``repeated``: the labels the page opens two lines or more with (None: all)."""
        stripped = strip_spaces(raw)
        return cls(
            stripped.replace(" ", ""),
            line_width(raw),
            ends_sentence(raw),
            bool(LABEL.match(raw.strip())),
            _loose_label(raw, repeated),
            repeated is not None and _label(raw) not in repeated,
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
    matched = _single_lines(groups, settings)
    out: list[Line] = []
    for run, small in _small_runs(groups, settings, seen):
        boxes = _reweave(run, seen, settings, matched or _single_run(run, settings)) if small and len(run) > 2 else [[x for box in run for x in box]]
        for box in boxes:
            out += box
            out.append(Line(box[-1].number, ""))
    return replace(page, lines=tuple(out))


def _single_lines(groups: list[list[Line]], settings: Settings, share: float | None = None) -> bool:
    """Do nearly all the page's small boxes hold a single line (``row_match_share`` of their
    lines), as pdfminer.six prints a page of narrow columns, so that every box's successor
    is chosen by :func:`_match`?"""
    small = [g for g in groups if len(g) <= settings.row_box_lines]
    lines = sum(map(len, small))
    share = settings.row_match_share if share is None else share
    return lines > 0 and sum(len(g) for g in small if len(g) == 1) >= share * lines


def _single_run(run: list[list[Line]], settings: Settings) -> bool:
    """Is the run of small boxes a long one (``row_match_run`` boxes or more) that holds
    nearly all single lines (``row_match_run_share``), as pdfminer.six prints a body of narrow
    columns beside boxes it kept whole, so that its boxes' successors are chosen by
    :func:`_match` though the page's other boxes hold more lines?"""
    return len(run) >= settings.row_match_long_run or (
        len(run) >= settings.row_match_run and _single_lines(run, settings, settings.row_match_run_share))


@dataclass(frozen=True, slots=True)
class _Printed:
    """The pairs and triples of characters the page prints side by side within its lines, and
    the labels it opens two lines or more with (:func:`_repeated_labels`)."""

    pairs: frozenset[str]
    triples: frozenset[str]
    labels: frozenset[str] = frozenset()


def _pairs(lines: tuple[Line, ...]) -> _Printed:
    """What the page prints side by side within its lines."""
    pairs: set[str] = set()
    triples: set[str] = set()
    for x in lines:
        t = unspaced(x.text)
        pairs |= char_grams(t, 2)
        triples |= char_grams(t, 3)
    return _Printed(frozenset(pairs), frozenset(triples), _repeated_labels(lines))


def _boxes(lines: tuple[Line, ...]) -> list[list[Line]]:
    """The runs of lines between blank lines (the extractor's text boxes)."""
    groups: list[list[Line]] = [[]]
    for x in lines:
        if x.text.strip():
            groups[-1].append(x)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _small_runs(
    groups: list[list[Line]], settings: Settings, seen: _Printed | None = None,
) -> list[tuple[list[list[Line]], bool]]:
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
    seen = seen or _pairs(tuple(x for g in groups for x in g))
    spans = _spanning(groups, settings, seen)
    runs: list[tuple[list[list[Line]], bool]] = []  # (boxes, whether they are small)
    small: list[list[Line]] = []
    spanning = False  # the last run is lines set across the columns, in print order
    for k, g in enumerate(groups):
        # a turn set across the columns goes on in the boxes after it that end its open sentence
        tail = spanning and k not in heading and len(g) <= settings.row_box_lines and _tail(runs[-1][0][-1], g, seen, settings)
        if k in spans or tail:
            if spanning:
                runs[-1][0].append(g)
            else:
                if small:
                    runs.append((small, True))
                    small = []
                runs.append(([g], False))
            spanning = True
            continue
        spanning = False
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


def _spanning(groups: list[list[Line]], settings: Settings, seen: _Printed) -> set[int]:
    """The small boxes (their indices in ``groups``) that a speaker label opens and a line of
    which is ``row_span_ratio`` times as wide as the page's small boxes' median line or more,
    with no box nearly as wide (``row_span_beside`` of its width) printed right before or right
    after it but the one that ends its open sentence: a turn set across the columns, which no
    band of columns holds (two wide columns side by side print their wide boxes in turn)."""
    widths = sorted(line_width(x.text) for g in groups if len(g) <= settings.row_box_lines for x in g)
    if not widths:
        return set()
    middle = widths[len(widths) // 2]

    def width(k: int) -> float:
        return max(line_width(x.text) for x in groups[k]) if 0 <= k < len(groups) else 0.0

    spans = set()
    for k, g in enumerate(groups):
        w = width(k)
        if len(g) > settings.row_box_lines or not LABEL.match(g[0].text.strip()) or w < settings.row_span_ratio * middle:
            continue
        if width(k - 1) >= settings.row_span_beside * w:
            continue
        if width(k + 1) >= settings.row_span_beside * w and not _tail(g, groups[k + 1], seen, settings):
            continue
        spans.add(k)
    return spans


def _tail(box: list[Line], g: list[Line], seen: _Printed, settings: Settings) -> bool:
    """Does ``g`` end the sentence ``box`` leaves open (no label, the text reads on)?"""
    left, right = _Info.of(box[-1].text, seen.labels), _Info.of(g[0].text, seen.labels)
    return not left.closed and not _turn(left, right, settings) and _reads_on(left.text, right.text, seen, settings) > 0


def _upright_label(box: list[Line]) -> bool:
    """A label printed one character per line (编 / 者 / 按), which stands beside a column
    rather than in it."""
    return len(box) > 1 and all(len(x.text.strip()) == 1 for x in box)


def _subtitle(line: Line) -> bool:
    return line.text.strip().startswith(SUBTITLE_DASHES)


def _heading(line: Line) -> bool:
    return _subtitle(line) or parse_byline(line.text.strip()) is not None


def _reweave(run: list[list[Line]], seen: _Printed, settings: Settings, matched: bool = False) -> list[list[Line]]:
    """The run's boxes dealt into columns: each column's boxes joined into one box
    (``matched``: each box's successor chosen by :func:`_match`, from the periods)."""
    first = [_Info.of(box[0].text, seen.labels) for box in run]
    last = [f if len(box) == 1 else _Info.of(box[-1].text, seen.labels) for f, box in zip(first, run)]
    n = len(run)

    @lru_cache(maxsize=None)
    def links(k: int, j: int) -> float:  # how well box j carries on box k, asked again and again
        return _link(last[k], first[j], seen, settings)

    choices = range(1, settings.row_max_period + 1)  # the columns a band may hold
    # best[j][m]: best score of boxes 0..j with box j in a run of period m
    best = [[0.0] * len(choices) for _ in range(n)]
    back = [[0] * len(choices) for _ in range(n)]
    for j in range(n):
        # the best period so far, which any period may switch from
        k = max(range(len(choices)), key=lambda b: best[j - 1][b]) if j else 0
        for a, m in enumerate(choices):
            link = links(j - m, j) if j >= m else 0.0
            if j == 0:
                best[j][a] = link
                continue
            stay = best[j - 1][a]
            switch = best[j - 1][k] - settings.row_switch
            if stay >= switch or k == a:
                best[j][a], back[j][a] = stay + link, a
            else:
                best[j][a], back[j][a] = switch + link, k
    a = max(range(len(choices)), key=lambda b: best[n - 1][b])
    periods = [0] * n
    for j in range(n - 1, -1, -1):
        periods[j] = choices[a]
        a = back[j][a]
    # each box carries on the box its period before it, across a change of period too (a
    # column that goes on when another ends), unless a speaker label would carry on an open
    # sentence (the column's sentence goes on elsewhere, in its next column) or the box
    # neither reads on from it nor fits its width, both lines a column's body lines (a
    # column's top, printed where the period had a column go on; a roster's or a heading's
    # short lines vary in width); a box claimed twice stays with the first
    succ = _match(periods, first, last, links, settings, lambda k, j: _tie(last[k], first[j], settings)) if matched else {}
    _follow_periods(succ, periods, first, last, links, settings)
    _rejoin(succ, first, last, links, settings)
    _along(succ, first, last, links, settings)
    taken = set(succ.values())
    columns: dict[int, list[int]] = {}
    for j in range(n):
        if j in taken:
            continue
        column = [j]
        while column[-1] in succ:
            column.append(succ[column[-1]])
        columns[j] = column
    return [[x for b in column for x in run[b]] for column in columns.values()]


def _follow_periods(
    succ: dict[int, int], periods: list[int], first: list[_Info], last: list[_Info],
    links: Callable[[int, int], float], settings: Settings,
) -> None:
    """Hang each box not yet in ``succ`` under the box its period points to, if that one has no
    next box yet, unless a speaker label would carry on an open sentence or the link is too
    poor (``row_no_link``) between two body lines; a link that would close a loop is left."""
    pred = {v: k for k, v in succ.items()}
    for j in range(len(first)):
        p = j - periods[j]
        if p < 0 or p in succ or j in pred or (not last[p].closed and _turn(last[p], first[j], settings)):
            continue
        body = min(last[p].width, first[j].width) >= settings.row_no_link_width
        if links(p, j) > -settings.row_no_link or not body:
            x = j
            while x in succ and x != p:
                x = succ[x]
            if x != p:
                succ[p], pred[j] = j, p


def _match(
    periods: list[int], first: list[_Info], last: list[_Info], links: Callable[[int, int], float], settings: Settings,
    tie: Callable[[int, int], float] | None = None,
) -> dict[int, int]:
    """Each box's next box in its column (box to next box), chosen for all the boxes at once:
    the assignment of at most one next box to each box, and of each box to at most one, with
    the greatest sum of links. A box may carry on one printed up to ``row_max_period`` after
    it; or, ending in mid-sentence, one printed up to ``row_match_back`` before it that reads
    on from it well (``row_match_back_min``), at a cost (``row_match_back_cost``): the top of a
    column printed among the band's first boxes carrying on the bottom of the column before it;
    or, so, one printed farther ahead than a band reaches, up to ``row_match_ahead`` after it.
    First the link the periods give each box counts ``row_match_period`` more; then, for
    ``row_match_rounds`` rounds, a link counts ``row_match_support`` more for each of the
    links beside it (the boxes before and after both, one period apart) the round before
    chose: the lines of a band's columns side by side carry on their own columns together.
    A loop is cut at its weakest link, and a link back to a box printed before the top of
    the column it would join is dropped (it would move that box's column down the page)."""
    n = len(first)
    base = [[_NO_LINK] * n for _ in range(n)]
    for j in range(n):
        for k in range(max(0, j - settings.row_max_period), j):
            if last[k].closed or not _turn(last[k], first[j], settings):
                base[k][j] = links(k, j)
    for k in range(n):
        if last[k].closed:
            continue
        for j in range(k + settings.row_max_period + 1, min(n, k + settings.row_match_ahead + 1)):
            if not _turn(last[k], first[j], settings) and links(k, j) >= settings.row_match_back_min:
                base[k][j] = links(k, j) - settings.row_match_back_cost
        for j in range(max(0, k - settings.row_match_back), k):
            if not _turn(last[k], first[j], settings) and links(k, j) >= settings.row_match_back_min:
                base[k][j] = links(k, j) - settings.row_match_back_cost
    ties = [[0.0] * n for _ in range(n)]
    if tie is not None:
        for k in range(n):
            for j in range(n):
                if base[k][j] > _NO_LINK:
                    ties[k][j] = tie(k, j)
    bonus = [[0.0] * n for _ in range(n)]
    for j in range(n):
        k = j - periods[j]
        if k >= 0 and base[k][j] > _NO_LINK:
            bonus[k][j] = settings.row_match_period + settings.row_no_link
            if min(last[k].width, first[j].width) < settings.row_no_link_width:  # see _follow_periods
                bonus[k][j] = max(bonus[k][j], _TINY - base[k][j])
    succ = _assign(base, bonus, ties)
    for _ in range(settings.row_match_rounds):
        bonus = [[0.0] * n for _ in range(n)]
        for k, j in succ.items():
            for d in (-1, 1):
                if 0 <= k + d < n and 0 <= j + d < n:
                    bonus[k + d][j + d] += settings.row_match_support
        succ = _assign(base, bonus, ties)
    return succ


_NO_LINK = -1e9  # a link not allowed
_TINY = 0.01  # a link worth keeping, barely


def _assign(base: list[list[float]], bonus: list[list[float]], ties: list[list[float]] | None = None) -> dict[int, int]:
    """The best assignment of next boxes (see :func:`_match`) under the links ``base`` plus
    ``bonus``; links worth nothing or less are left out."""
    n = len(base)
    weight = [[max(base[k][j] + bonus[k][j], 0.0) for j in range(n)] for k in range(n)]
    if ties is not None:  # only between links worth keeping: a tie-break never lets one in
        weight = [[v + t if v > 0 else 0.0 for v, t in zip(row, trow)] for row, trow in zip(weight, ties)]
    rows, cols = linear_sum_assignment([[-v for v in row] for row in weight])
    succ = {int(k): int(j) for k, j in zip(rows, cols) if weight[k][j] > 0}
    done: set[int] = set()
    for start in list(succ):  # cut each loop at its weakest link
        path: list[int] = []
        x = start
        while x in succ and x not in done and x not in path:
            path.append(x)
            x = succ[x]
        if x in path:
            loop = path[path.index(x):]
            del succ[min(loop, key=lambda a: weight[a][succ[a]])]
        done.update(path)
    dropped = True
    while dropped:  # a link back to a box printed before its column's top
        dropped = False
        pred = {v: k for k, v in succ.items()}
        for k, j in sorted(succ.items()):
            if j > k:
                continue
            top = k
            while top in pred and top != j:
                top = pred[top]
            if top > j:
                del succ[k]
                dropped = True
                break
    return succ


def _rejoin(
    succ: dict[int, int], first: list[_Info], last: list[_Info], links: Callable[[int, int], float], settings: Settings
) -> None:
    """Let a column ending in mid-sentence take as its next box (in ``succ``, box to next
    box) the box printed after its top and before its end, opened by no speaker label and not
    in the column itself, that reads on from it by more than ``row_rejoin_gain`` better than
    from the box the period hung it under: the top of the band's next column, printed among
    the band's first boxes but carrying on this column's last line, printed at the band's
    end (``links(k, j)``: how well box j carries on box k); or a column's top (a box no column
    carries on) printed up to ``row_max_period`` boxes before its own top that reads on from
    it by ``row_rejoin_back_min`` at least (the text strongly), and from no other open column
    end as well: the band's next column's top, printed among the band's first boxes before
    this column's top. Each move raises the sum of the links, so the rounds end."""
    pred = {v: k for k, v in succ.items()}
    for _ in range(len(first)):
        changed = False
        heads = [j for j in range(len(first)) if j not in pred]
        ends = [j for j in range(len(first)) if j not in succ and not last[j].closed]
        for h in heads:
            if h in pred:  # hung under a column in this round
                continue
            chain = [h]
            while chain[-1] in succ:
                chain.append(succ[chain[-1]])
            end = chain[-1]
            if last[end].closed:
                continue
            inside = set(chain)
            best, gain = None, settings.row_rejoin_gain
            for b in range(max(0, h - settings.row_max_period), end):
                if b in inside or _turn(last[end], first[b], settings):
                    continue
                v = links(end, b)
                p = pred.get(b)
                if b < h and (p is not None or v < settings.row_rejoin_back_min or any(
                        e != end and links(e, b) >= v for e in ends)):
                    continue  # before the top: only a column's top that reads on strongly from this end alone
                if p is not None:
                    v -= links(p, b)
                if v > gain:
                    best, gain = b, v
            if best is not None:
                p = pred.pop(best, None)
                if p is not None:
                    del succ[p]
                succ[end], pred[best] = best, end
                changed = True
        if not changed:
            break


def _along(
    succ: dict[int, int], first: list[_Info], last: list[_Info], links: Callable[[int, int], float], settings: Settings
) -> None:
    """Let a column left in mid-sentence with no next box take the column's top (a box no other
    carries on) printed as far after it (or before it) as the boxes printed either side of it
    carry on theirs, at one offset (the one, or both alike): a band's columns go on together,
    so the offset at which its other columns found their next boxes points to this one's
    (``links(k, j)``: how well box j carries on box k; at least ``row_along_min``, and no
    speaker label after the open sentence)."""
    n = len(first)
    pred = {v: k for k, v in succ.items()}
    for k in range(n):
        if k in succ or last[k].closed:
            continue
        offsets = {succ[b] - b for b in (k - 1, k + 1) if b in succ}
        if len(offsets) != 1:
            continue
        j = k + offsets.pop()
        if not 0 <= j < n or j in pred or _turn(last[k], first[j], settings):
            continue
        if links(k, j) < settings.row_along_min:
            continue
        x = j
        while x in succ and x != k:
            x = succ[x]
        if x != k:
            succ[k], pred[j] = j, k


def _link(prev: _Info, line: _Info, seen: _Printed, settings: Settings) -> float:
    """How well ``line`` carries on ``prev`` in one column."""
    if prev.closed:
        return settings.row_new_turn if line.labelled else 0.0
    if _turn(prev, line, settings):
        return -settings.row_label_break  # a new turn does not carry on an open sentence
    width = settings.row_width_fit if _fits(prev, line, settings) else -settings.row_width_miss
    return _reads_on(prev.text, line.text, seen, settings) + width


def _tie(prev: _Info, line: _Info, settings: Settings) -> float:
    """A small score that only breaks ties between links the coarse grades of :func:`_link`
    score alike, in :func:`_match`'s assignment: how close the width of a line (no label,
    not the end of a paragraph) comes to the line before it (a column's lines share its width
    to a fraction of a character; the grades only ask whether it falls within a wobble, and
    not at all after a finished sentence, where a line at the column's width may end it too),
    then how much likelier
    the text reads run together across the join (:func:`lexicon.join_gain`, which the grades
    only cut in three)."""
    if line.closed or line.labelled:
        return 0.0
    off = abs((prev.chars if prev.spaced else prev.width) - (line.chars if line.spaced else line.width))
    tie = settings.row_tie_width * max(0.0, 1.0 - off / settings.row_tie_width_cap)
    if settings.row_tie_gain and prev.text and line.text:
        tie += settings.row_tie_gain * min(join_gain(prev.text, line.text), settings.row_tie_gain_cap) / settings.row_tie_gain_cap
    return tie


def _label(raw: str) -> str:
    """The label the line opens with (张三：…), without spaces, else ''."""
    m = LABEL.match(raw.strip())
    return "".join(m.group(1).split()) if m else ""


def _loose_label(raw: str, repeated: frozenset[str] | None) -> str:
    """The label the line opens with if it may end a sentence broken at the column: one of a
    single character, or one the page opens no other line with (``repeated``; None: every
    label is repeated), else ''."""
    label = _label(raw)
    return label if len(label) == 1 or (repeated is not None and label not in repeated) else ""


def _repeated_labels(lines: Iterable[Line]) -> frozenset[str]:
    """The labels that open two of the lines or more: a speaker's, which labels turn after turn."""
    counts = Counter(filter(None, (_label(x.text) for x in lines)))
    return frozenset(k for k, v in counts.items() if v >= 2)


def _turn(prev: _Info, line: _Info, settings: Settings) -> bool:
    """Does ``line`` open a turn after ``prev``: a label, but not one that ends a sentence
    ``prev`` left open and broke off at the column: a one-character label that ends a word
    (…主要集中在三个方 / 面：一是…), or a label the page prints only once (no speaker's, who
    speaks turn after turn, nor a host's) that ends or holds a count (…重点抓好三件 / 事：一是…,
    …今年要做好 / 三项工作：…) or is a common word (…主要体现在三个 / 方面：…)?"""
    if not line.labelled:
        return False
    if prev.closed or not line.word:
        return True
    if len(line.word) == 1 and word_across(prev.text, line.word):
        return False
    if not line.once or line.word in settings.host_labels or line.word in settings.answer_labels:
        return True
    if _COUNT.search(prev.text[-2:] + line.word):
        return False
    return len(line.word) == 1 or word_frequency(line.word) < settings.common_word_frequency


# a count: a numeral and a measure word (三个, 两项, 几件), which goes on to what it counts
_COUNT = re.compile(r"[一二三四五六七八九十两几][个件项条种类点次批]")


def _reads_on(left: str, right: str, seen: _Printed, settings: Settings) -> float:
    """How surely the text reads on across the join: strongly when the text run together
    segments far likelier than broken there (a dictionary word across it), or the page prints
    both triples of characters about the join side by side elsewhere; somewhat when it
    segments a little likelier, or the page prints one such triple or the two characters
    either side of the join, or the text after it closes a quotation the text before it left
    open (…开了“银发数字 / 课堂”，…); else it counts against."""
    if not left or not right:
        return -settings.row_no_word
    gain = join_gain(left, right)
    triples = (left[-2:] + right[:1] in seen.triples) + (left[-1:] + right[:2] in seen.triples)
    if gain >= settings.row_strong_gain or triples == 2:
        return settings.row_reads_strongly
    if gain >= settings.row_weak_gain or triples or left[-1] + right[0] in seen.pairs or _closes(left, right):
        return settings.row_word_across
    return -settings.row_no_word


def _fits(prev: _Info, line: _Info, settings: Settings) -> bool:
    """Is ``line`` as wide as the open line ``prev`` (a finished one may stop short)? A
    letter-spaced line was stretched to its column from a little less; ``prev`` may be a
    paragraph's first line, indented (``paragraph_indent``) from the rest."""
    wob, room = settings.row_width_wobble, settings.row_spacing_room
    low, high = (prev.chars - wob, prev.chars + room) if prev.spaced else (prev.width - wob, prev.width + wob)
    high += settings.paragraph_indent
    if line.spaced:
        low, high = low - room, high
        return low <= line.chars <= high
    return line.width <= high if line.closed else low <= line.width <= high


def _closes(left: str, right: str) -> bool:
    """Does ``right`` close a quotation (“…”) that ``left`` opened and left open? (Brackets,
    tried too, found fewer QA pairs on the held-out pages.)"""
    return _open_quotes(left) > 0 and _closes_first(right)


def _open_quotes(text: str) -> int:
    """How many quotations the text opens and leaves open."""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”" and depth:
            depth -= 1
    return depth


def _closes_first(text: str) -> bool:
    """Does the text close a quotation it did not open (one opened before it)?"""
    depth = 0
    for ch in text:
        if ch == "“":
            depth += 1
        elif ch == "”":
            if not depth:
                return True
            depth -= 1
    return False
