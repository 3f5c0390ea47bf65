"""Columns fused by the extractor, taken apart again.

Where neighbouring columns or boxes stand close, an extractor (poppler's ``pdftotext`` in
its default mode) prints the lines that share a baseline as one line, the columns' pieces
joined by a space: ``左栏的一行字 右栏的一行字``. Between blank
lines, a run whose lines split at such gaps into pieces whose first pieces keep one width
(the left column is full) is such a region; so is a run whose fused lines' pieces are each
a column's worth — one fused line only among other lines, and with its left piece in
mid-sentence (a line alone with a gap is a headline). Its pieces are dealt back to their
columns, and each column is printed whole, the columns apart, as a reader would read them.

A line with fewer pieces than the region has columns is dealt by the state of the columns:
a column whose last line stopped in mid-sentence expects the piece that
carries on; a piece that opens with a speaker label starts a turn of its own; a piece
wider than a column does not fit it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace
from functools import lru_cache
import re
from collections.abc import Sequence

from .blocks import LABEL, piece_width, spaced
from .model import Line, Page
from .lexicon import char_grams, word_across
from .repair import display_width, ends_sentence, unspaced
from .settings import Settings

__all__ = ["side_by_side", "unfuse_columns"]

# A gap between two pieces: spaces between two full-width characters (CJK text or
# full-width punctuation). Spaces next to Latin letters or digits are extraction spacing.
_WIDE = "[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”‘’…—]"
_GAP = re.compile(f"(?<={_WIDE}) +(?={_WIDE})")
# ... and, on a page whose extractor does not space numbers off from the text, spaces
# between a full-width character and a Latin letter or a digit: a column's line that ends
# in a number ("…平均水平2.3 协议投资额…"), or the next one's that starts with one
# ("…供销等资 3000万元…"), is cut there too (letter-spaced runs are regrouped after).
_ASCII_GAP = re.compile(f"{_GAP.pattern}|(?<=[0-9A-Za-z%]) +(?={_WIDE})|(?<={_WIDE}) +(?=[0-9A-Za-z])")
_HAN = "[\u3400-\u9fff\uff00-\uffef\u3000-\u303f“”]"
_NUMBER = r"[0-9][0-9.%]*"
# A number spaced off from the text on both sides (a line's end or start is a side), its
# neighbours runs of two characters or more, not a letter-spaced line's single ones:
# "超过 10 万人次", "月 16 日，". An extractor that spaces numbers so (a text layer, not
# pdftotext) sets no column gap there.
_SPACED_NUMBER = re.compile(
    f"(?:^|^{_HAN} +|{_HAN}{{2}} +){_NUMBER} +{_HAN}{{2}}|{_HAN}{{2}} +{_NUMBER}(?: +{_HAN}{{2}}|$)"
)
# a tie-break, far below any real score: the left column wins
_LEFT_TIE = 0.01
_CJK = re.compile(r"[\u3400-\u9fff]")
_OPEN = "（(《"
_CLOSE = "）)》"
# A line of columns set side by side: a gap of three spaces or more between two characters,
# or its first characters at least eight spaces in (a column's line with the columns to its
# left blank there).
_SIDE_GAP = re.compile(r"\S {3,}\S|^ {8,}\S")


def unfuse_columns(page: Page, settings: Settings | None = None, rewoven: bool = False) -> Page:
    """The page with every fused region printed column by column. ``rewoven``: the page was
    printed row by row and its columns rewoven (streams): its boxes of questions are in
    their columns' order already, whatever their lines' order."""
    settings = settings or Settings()
    lines = _unfuse(page.lines, settings, interleaved=not rewoven)
    return page if len(lines) == len(page.lines) and all(
        a is b for a, b in zip(lines, page.lines)
    ) else replace(page, lines=tuple(lines))


def _unfuse(lines: Sequence[Line], settings: Settings, interleaved: bool = True) -> list[Line]:
    out: list[Line] = []
    run: list[Line] = []
    gap = _GAP if any(_SPACED_NUMBER.search(x.text.strip()) for x in lines) else _ASCII_GAP
    seen = _Pairs(lines, settings, gap)
    for line in [*lines, None]:
        if line is None or not line.text.strip():
            if interleaved and run and not any(" " in x.text.strip() for x in run):
                out += _interleaved_questions(run, settings, seen)
            else:
                out += _unfuse_run(run, settings, seen, gap=gap)
            run = []
            if line is not None:
                out.append(line)
        else:
            run.append(line)
    return out


def _pieces(text: str, settings: Settings, gap: re.Pattern[str] = _GAP) -> list[str]:
    """The pieces a line falls into at column gaps (the line itself if it has none);
    ``gap``: what a gap is on the page (:data:`_GAP`, :data:`_ASCII_GAP`)."""
    text = text.strip()
    if " " not in text or spaced(text):
        return [text]
    cuts = [m for m in gap.finditer(text) if _balanced(text[: m.start()]) or not _closes(text[m.end():])]
    pieces, start = [], 0
    for m in cuts:
        pieces.append(text[start : m.start()])
        start = m.end()
    pieces.append(text[start:])
    pieces = _regroup(pieces)
    if len(pieces) > 1 and min(piece_width(p) for p in pieces[:-1]) < settings.fused_piece_width:
        return [text]  # a title and a name ("主任 王某"), a byline: not columns
    return pieces


def _regroup(pieces: list[str]) -> list[str]:
    """Pieces with fewer than two CJK characters (one character, a number) are a
    letter-spaced line's run, not columns: such neighbours are one piece again, still
    spaced ("我 们 还 建 设 了 影" in "我 们 还 建 设 了 影 传到我们胸痛中心，从发病")."""
    out: list[str] = []
    loose = False
    for piece in pieces:
        single = len(_CJK.findall(piece)) < 2
        if out and single and loose:
            out[-1] += " " + piece
        else:
            out.append(piece)
        loose = single
    return out


def _closes(text: str) -> bool:
    """Does the text close a bracket? A bracket left open at a gap that nothing after it
    closes on the line is a column's line ending in mid-bracket ("…清理规范村（" / "社区）…"
    on the column's next line): the gap is a column gap all the same."""
    return any(ch in _CLOSE for ch in text)


def _balanced(text: str) -> bool:
    """No bracket left open: a space inside one is not a column gap (quotes are not
    counted: a quotation often runs on across lines)."""
    depth = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
    return depth == 0


def _unfuse_run(
    run: list[Line],
    settings: Settings,
    seen: _Pairs | frozenset[str] = frozenset(),
    seed: list[tuple[Line, ...]] | None = None,
    start: int = 0,
    *,
    gap: re.Pattern[str] = _GAP,
) -> list[Line]:
    """One run between blank lines: itself, or its columns one after another. ``seen``:
    the pairs of characters the page prints side by side (:class:`_Pairs`); ``seed``: the
    columns the run's first ``start`` lines were dealt to (a box of questions)."""
    if not any(" " in x.text.strip() for x in run):
        return run
    split = [_pieces(x.text, settings, gap) for x in run]  # each line's pieces, found once
    band = _headline_band(run, split, settings)
    if band:
        # each piece a block of its own, in print order: the headlines are told apart by
        # the articles they head (assemble), not by a column's state
        out: list[Line] = []
        for line, pieces in zip(run[:band], split):
            for piece in pieces:
                out += [Line(line.number, piece), Line(line.number, "")]
        return out + _unfuse_run(run[band:], settings, seen, gap=gap)
    fused = [p for p in split if len(p) > 1]
    if not fused:
        return run
    if len(fused) == 1 and (len(run) < 2 or ends_sentence(fused[0][0])):
        # a line standing alone with a gap is a headline; one whose left piece ends its
        # sentence is a sentence with a stray space
        return run
    box = None if seed else _question_stretch(split)
    questions = _deal_questions(run[box[0]:box[1]], split[box[0]:box[1]], seen, settings) if box else None
    if box is not None and questions is not None:
        i, j = box
        out = _unfuse_run(run[:i], settings, seen, gap=gap) + [Line(run[i].number, "")] if i else []
        if any(len(row) > 1 for row in split[j:]) and len(questions) <= max(map(len, split[j:])):
            # the columns go on below the questions (each heads its answers' column): the
            # lines below are dealt to the columns the questions were dealt to
            return out + _unfuse_run(run[i:], settings, seen, questions, j - i, gap=gap)
        out += _printed_questions(questions)
        return out + ([Line(run[j].number, ""), *_unfuse_run(run[j:], settings, seen, gap=gap)] if j < len(run) else [])
    # (a turn's first line, set in by a paragraph's indent, counts at its column's width)
    lefts = sorted(piece_width(p[0]) + (settings.paragraph_indent if LABEL.match(p[0]) else 0.0)
                   for p in fused)
    # the left column is full on most fused lines, so two of its pieces share a width; or
    # else every piece is a column's worth (a post and its holder's name, "…书记 王某", are
    # one roster entry, not two columns)
    agree = any(b - a <= settings.fused_width_tolerance for a, b in zip(lefts, lefts[1:]))
    if not agree and min(piece_width(x) for p in fused for x in p) < settings.fused_piece_width:
        return run
    ncols = max(len(seed or ()), *(len(p) for p in fused))
    # (a letter-spaced piece is as wide as its column, its characters narrower)
    widths = [
        max((_width(p[c]) for p in fused if len(p) == ncols), default=0.0)
        for c in range(ncols)
    ]
    last = max(k for k, p in enumerate(split) if len(p) > 1)
    columns: list[list[Line]] = [list(col) for col in seed or ()]
    columns += [[] for _ in range(ncols - len(columns))]
    # a region's widths are known from its first full row of column-wide pieces on (a
    # post and a name after it, "…站长 王某", is a roster's row, not columns)
    widest = max(widths) + settings.fused_width_tolerance
    first_full = min((
        k for k, p in enumerate(split)
        if len(p) == ncols and min(map(piece_width, p)) >= settings.fused_piece_width
    ), default=len(run))
    fits: dict[tuple[str, str | None, bool, float], float] = {}
    for k, (line, pieces) in enumerate(zip(run, split)):
        if k < start:
            continue  # dealt already (seed)
        # below the fused rows a column whose text went on at the top of the next one is
        # done, but for the first column's one line more (a box's columns are balanced:
        # the first may be a line longer), a full line in mid-sentence
        free = [c for c in range(ncols) if not _carried(columns, widths, c, settings) or (
            c == 0 and k == last + 1 and len(pieces) == 1
            and _full_line(pieces[0], widths[0], settings))]
        if k > last and not any(_waiting(columns[c]) for c in free):
            break  # the columns are done: what follows is printed below them
        if k > first_full and _new_layout(pieces, columns, widest):
            # a line wider than any column of the region: the page's columns change here
            # (a lead set in narrow columns above the body's wider ones); what follows is
            # a region of its own, dealt by its own widths
            j = _layout_start(split, k, ncols, max(widths) - settings.fused_width_tolerance)
            head = _printed(columns, widths, settings, seen) if j == k else _unfuse_run(run[:j], settings, seen, gap=gap)
            return head + [Line(run[j].number, "")] + _unfuse_run(run[j:], settings, seen, gap=gap)
        following = split[k + 1] if k + 1 < len(split) else None
        if len(pieces) == 1:  # an unfused line keeps its text as printed (leading spaces)
            pieces = [line.text]
        if k > last and len(pieces) == 1:
            dealt: tuple[int, ...] = (_lone_column(
                pieces[0], following if following and len(following) == 1 else None,
                free, columns, widths, settings, seen),)
        else:
            dealt = _plan(run, split, k, min(last, k + settings.fused_plan_lines - 1), columns, widths,
                          settings, fits, seen) or _deal(pieces, following, columns, widths, settings, seen)
        for piece, c in zip(pieces, dealt):
            columns[c].append(Line(line.number, piece))
    else:
        k = len(run)
    out = _printed(columns, widths, settings, seen)
    rest = run[k:]
    if rest:
        out += [Line(rest[0].number, ""), *rest]
    return out


class _Pairs:
    """The pairs of characters the page prints side by side within a piece of a line,
    found when first asked (most pages never ask: only boxes of questions do)."""

    def __init__(self, lines: Sequence[Line], settings: Settings, gap: re.Pattern[str] = _GAP) -> None:
        self._lines, self._settings, self._gap = lines, settings, gap
        self._pairs: frozenset[str] | None = None

    def __contains__(self, pair: object) -> bool:
        if self._pairs is None:
            out: set[str] = set()
            for line in self._lines:
                for piece in _pieces(line.text, self._settings, self._gap):
                    out |= char_grams(unspaced(piece), 2)
            self._pairs = frozenset(out)
        return pair in self._pairs


def _joins(left: str, right: str, seen: _Pairs | frozenset[str]) -> bool:
    """Does the text read on across the join of two pieces: a dictionary word across it,
    or the two characters either side of it printed side by side elsewhere on the page?"""
    left, right = unspaced(left), unspaced(right)
    return bool(left and right) and (left[-1] + right[0] in seen or _word_across(left, right))


# (the beam of :func:`_plan` asks about the same joins again and again: a page's answers
# are kept, bounded, so a batch does not grow them)
@lru_cache(maxsize=16384)
def _word_across(left: str, right: str) -> bool:
    """:func:`word_across`, remembered."""
    return word_across(left, right)


def _question_box(split: list[list[str]]) -> bool:
    """Is a run a box of questions: two or more pieces open with one label (the host's),
    no piece with another, and as many pieces close with a question mark?"""
    pieces = [p for row in split for p in row]
    labels = [m.group(1) for m in map(LABEL.match, pieces) if m]
    closed = sum(p.rstrip().endswith(("？", "?")) for p in pieces)
    return len(labels) >= 2 and len(set(labels)) == 1 and closed == len(labels)


def _interleaved_questions(run: list[Line], settings: Settings, seen: _Pairs | frozenset[str]) -> list[Line]:
    """A run with no fused line: itself, or, when it is a box of questions whose columns'
    lines the extractor printed one of each in turn (staggered, none sharing a baseline),
    its questions column by column."""
    if sum(x.text.rstrip().endswith(("？", "?")) for x in run) < 2:
        return run  # fewer than two questions (most runs: checked first, cheaply)
    split = [[x.text.strip()] for x in run]
    if not _question_box(split) or _in_order(split):
        return run  # no box of questions, or one whose questions read on as printed
    questions = _deal_questions(run, split, seen, settings)
    return run if questions is None else _printed_questions(questions)


def _in_order(split: list[list[str]]) -> bool:
    """Does every question of a run read on in the order printed (one column)?"""
    texts = [p[0] for p in split]
    return bool(LABEL.match(texts[0])) and all(
        bool(LABEL.match(b)) == ends_sentence(a) for a, b in zip(texts, texts[1:])
    )


def _question_stretch(split: list[list[str]]) -> tuple[int, int] | None:
    """The lines ``i:j`` of a run that are a box of questions with a fused line (the
    widest such stretch from the first line a repeated label opens, up to a line with
    another label), or None."""
    labels = [m.group(1) for row in split for m in map(LABEL.match, row) if m]
    host = next((x for x in labels if labels.count(x) >= 2), None)
    starts = [k for k, row in enumerate(split) if (m := LABEL.match(row[0])) and m.group(1) == host]
    if host is None or not starts:
        return None
    i = starts[0]
    j = i
    while j < len(split) and all((m := LABEL.match(p)) is None or m.group(1) == host for p in split[j]):
        j += 1
    for end in range(j, i + 1, -1):
        if any(len(row) > 1 for row in split[i:end]) and _question_box(split[i:end]):
            return i, end
    return None


def _deal_questions(
    run: list[Line], split: list[list[str]], seen: _Pairs | frozenset[str], settings: Settings
) -> list[tuple[Line, ...]] | None:
    """A box of questions dealt to its columns by sentence continuity (a beam over the
    lines, each way of dealing scored by :func:`_question_link`): the columns used. None
    when the best way still breaks a question (a label after an open sentence, a piece
    unlabelled after a finished one: a question box breaks its lines only in mid-sentence
    between the columns): other text is dealt with the questions."""
    if max(map(len, split)) > settings.max_fused_columns:
        return None  # a line of more pieces than a box has columns
    ncols = min(max(map(len, split)) + 1, settings.max_fused_columns)
    # a way of dealing: its score, and each column's pieces so far
    beam: list[tuple[float, tuple[tuple[Line, ...], ...]]] = [(0.0, ((),) * ncols)]
    for line, pieces in zip(run, split):
        nxt = []
        for score, cols in beam:
            for combo in _combos(len(pieces), ncols):
                new = list(cols)
                gain = 0.0
                for piece, c in zip(pieces, combo):
                    if new[c]:
                        gain += _question_link(new[c][-1].text, piece, seen, settings)
                    new[c] = new[c] + (Line(line.number, piece),)
                nxt.append((score + gain, tuple(new)))
        nxt.sort(key=lambda x: -x[0])
        beam = nxt[: settings.fused_question_beam]
    score, cols = max(beam, key=lambda x: x[0] + _question_ends(x[1], seen, settings))
    used = [col for col in cols if col]
    if _breaks(used):
        return None  # no way of dealing reads every question on: not a box of questions
    return used


def _printed_questions(used: list[tuple[Line, ...]]) -> list[Line]:
    """A box of questions column by column; a column whose open question the next one
    finishes runs on into it without a break."""
    out: list[Line] = []
    for k, col in enumerate(used):
        if out and (ends_sentence(used[k - 1][-1].text) or LABEL.match(col[0].text)):
            out.append(Line(col[0].number, ""))
        out += col
    return out


def _question_link(prev: str, piece: str, seen: _Pairs | frozenset[str], settings: Settings) -> float:
    """How well a piece carries on a column of questions whose last piece is ``prev``."""
    labelled = bool(LABEL.match(piece))
    if ends_sentence(prev):
        return -settings.fused_question_break if not labelled else 0.0
    if labelled:
        return -settings.fused_question_break
    return settings.fused_waiting + (settings.fused_word_across if _joins(prev, piece, seen) else 0.0)


def _breaks(used: list[tuple[Line, ...]]) -> bool:
    """Does a way of dealing a box of questions break one: the box or a column opening in
    mid-question with no open question before it (or above the top of the column before
    it), a label in an open question, a piece unlabelled after a finished one, the last
    question left open?"""
    texts = [x.text for col in used for x in col]
    if not texts or not LABEL.match(texts[0]) or not ends_sentence(texts[-1]):
        return True
    if any(not LABEL.match(b[0].text) and b[0].number < a[0].number for a, b in zip(used, used[1:])):
        return True  # a column that goes on from the one before it starts no higher than it
    return any(
        bool(LABEL.match(b)) != ends_sentence(a) for a, b in zip(texts, texts[1:])
    )


def _question_ends(cols: tuple[tuple[Line, ...], ...], seen: _Pairs | frozenset[str], settings: Settings) -> float:
    """What a way of dealing a box of questions gains at its columns' ends: each column
    opens on the one before it (a question it finishes, or one of its own), the first
    opens with a question, the last closes one; each column more costs a little."""
    used = [col for col in cols if col]
    # a box's columns are balanced: about as many lines each
    lengths = [len(col) for col in used]
    score = -settings.fused_extra_column * (len(used) + max(lengths) - min(lengths))
    prev = ""
    for col in used:
        score += _question_link(prev, col[0].text, seen, settings) if prev else (
            0.0 if LABEL.match(col[0].text) else -settings.fused_question_break)
        prev = col[-1].text
    return score - (0.0 if ends_sentence(prev) else settings.fused_question_break)


def _new_layout(pieces: list[str], columns: list[list[Line]], widest: float) -> bool:
    """Does a line open a region of other columns: a line alone, wider than any column of
    the region, that carries on none of them (it opens a turn, or no column waits)?"""
    if len(pieces) > 1 or " " in pieces[0].strip() or piece_width(pieces[0]) <= widest:
        # a wide box beside other columns' pieces is one more column's (and a letter-spaced
        # line is pieces of several)
        return False
    return bool(LABEL.match(pieces[0])) or not any(_waiting(col) for col in columns)


def _layout_start(split: list[list[str]], k: int, ncols: int, full: float) -> int:
    """Where the region of other columns that line ``k`` shows begins: the unfused lines
    right before it, after the old region's last full row, that open turns and are as wide
    as the old region's widest column are the new columns' first lines."""
    last_full = max((i for i in range(k) if len(split[i]) == ncols), default=0)
    j = k
    while j - 1 > last_full and len(split[j - 1]) == 1 and piece_width(split[j - 1][0]) > full:
        if not LABEL.match(split[j - 1][0]):
            break  # a line in mid-turn may carry on a waiting column of the old region
        j -= 1
    return j


def _printed(
    columns: list[list[Line]], widths: list[float], settings: Settings, seen: _Pairs | frozenset[str]
) -> list[Line]:
    """The columns one after another, a blank line between them; a column whose open
    sentence the next one carries on (one box's columns printed in a band,
    :func:`_carried`, the join read on: :func:`_joins`) runs on into it without a break."""
    out: list[Line] = []
    carried = False
    for c, col in enumerate(columns):
        if col:
            if out and not carried:
                out.append(Line(col[0].number, ""))
            out += col
            carried = _carried(columns, widths, c, settings) and _joins(
                col[-1].text, columns[c + 1][0].text, seen)
    return out


# What a headline never holds: sentence punctuation.
_SENTENCE_PUNCT = re.compile(r"[，。、；：！？,;:!?]")


def _headline_band(run: list[Line], split: list[list[str]], settings: Settings) -> int:
    """How many lines at the top of the run are a band of headlines printed side by side
    (wrapped, a line of each fused on one line): lines with no sentence punctuation, one at
    least fused, up to the end of the run or a line that opens a news item or a turn
    (0 when the run does not start so). ``split``: each line's pieces (:func:`_pieces`)."""
    def opens(line: Line) -> bool:
        text = line.text.strip()
        return text.startswith(settings.article_openers) or bool(LABEL.match(text))

    k = 0
    while k < len(run) and not _SENTENCE_PUNCT.search(run[k].text) and not opens(run[k]):
        k += 1
    fused = [p for p in split[:k] if len(p) > 1]
    # a line alone is a headline; the band's widest row holds every headline's first line,
    # each a column's worth (a piece narrower is a name after its post, "…书记 王某")
    if k < 2 or not any(min(piece_width(x) for x in p) >= settings.fused_piece_width for p in fused):
        return 0
    return k if k == len(run) or opens(run[k]) else 0


def _deal(
    pieces: list[str],
    following: list[str] | None,
    columns: list[list[Line]],
    widths: list[float],
    settings: Settings,
    seen: _Pairs | frozenset[str] = frozenset(),
) -> tuple[int, ...]:
    """The columns a line's pieces go to, left to right; the next line's pieces look ahead
    (a column left waiting in mid-sentence must be carried on by the next line).

    Each way of dealing scores the pieces' fits to their columns, and the best way of
    dealing the next line's pieces after it. A piece's fit to a column depends only on the
    column's last line, so every fit is computed once, and the next line's best way is a
    walk over the columns left to right (:func:`_best_ahead`) rather than a try of each."""
    ncols = len(columns)
    fits = [[_fit(p, columns[c], widths[c], settings, seen) for c in range(ncols)] for p in pieces]
    if math.comb(ncols, len(pieces)) > settings.deal_ways_max:
        return _best_monotone(fits)  # (a page of many columns side by side: no look-ahead)
    own: list[list[float]] = []
    onto: list[list[list[float]]] = []
    if following is not None:
        own = [[_fit(q, columns[c], widths[c], settings, seen) for c in range(ncols)] for q in following]
        onto = [[[_fit(q, [Line(0, p)], widths[c], settings, seen) for c in range(ncols)] for p in pieces]
                for q in following]

    def score(combo: tuple[int, ...]) -> float:
        total = sum(fits[i][c] for i, c in enumerate(combo))
        # nearer the left wins a tie: a lone line is most often the first column's
        total -= _LEFT_TIE * sum(combo)
        if following is not None:
            dealt = {c: i for i, c in enumerate(combo)}  # column -> the piece dealt to it
            total += _best_ahead([
                [onto[j][dealt[c]][c] if c in dealt else own[j][c] for c in range(ncols)]
                for j in range(len(following))
            ])
        return total

    return max(_combos(len(pieces), ncols), key=score)


def _plan(
    run: list[Line],
    split: list[list[str]],
    start: int,
    end: int,
    columns: list[list[Line]],
    widths: list[float],
    settings: Settings,
    fits: dict[tuple[str, str | None, bool, float], float],
    seen: _Pairs | frozenset[str] = frozenset(),
) -> tuple[int, ...] | None:
    """The columns line ``start``'s pieces go to, judged with the lines after it up to line
    ``end``: a beam over those lines, each way of dealing them scored by the sum of its
    pieces' fits (:func:`_fit`) and the best fit of the line after ``end``. A column's
    lines may fall between another's (columns at staggered heights, a line of each printed
    in turn), so the piece that reads on a column may stand a few lines down; a look one
    line ahead does not see that far, a look to the region's end weighs lines dealt by
    other widths (a region of other columns below). None when no line of them is fused or
    one may be dealt in too many ways (a page of many columns side by side): each line by
    itself (:func:`_deal`). ``fits``: the fits found so far in the region."""
    ncols = len(columns)
    if len(split[start]) == ncols:
        return tuple(range(ncols))  # a piece to each column: one way only, nothing to weigh
    rows = [split[k] if len(split[k]) > 1 else [run[k].text] for k in range(start, end + 1)]
    if all(len(p) == 1 for p in rows) or any(math.comb(ncols, len(p)) > settings.deal_ways_max for p in rows):
        return None

    def fit(piece: str, tail: tuple[str, ...], c: int) -> float:
        # (a fit looks at the column's last line, whether the one before ends a sentence, and
        # the column's width: columns of one width share their fits)
        key = (piece, tail[-1] if tail else None, len(tail) > 1 and ends_sentence(tail[-2]), widths[c])
        score = fits.get(key)
        if score is None:
            score = fits[key] = _fit(piece, [Line(0, t) for t in tail], widths[c], settings, seen)
        return score

    # a way of dealing: its score, each column's last two lines (all a fit looks at), and
    # how it dealt line ``start``
    Tails = tuple[tuple[str, ...], ...]
    beam: list[tuple[float, Tails, tuple[int, ...]]] = [
        (0.0, tuple(tuple(x.text for x in col[-2:]) for col in columns), ())]
    for pieces in rows:
        nxt: dict[Tails, tuple[float, Tails, tuple[int, ...]]] = {}
        combos = _combos(len(pieces), ncols)
        ties = [_LEFT_TIE * sum(combo) for combo in combos]
        # piece i goes to one of columns i … ncols - len(pieces) + i (the pieces keep their order)
        reach = [range(i, ncols - len(pieces) + i + 1) for i in range(len(pieces))]
        # a column's tail -> each piece's fit to it and the tail after it, found once for
        # all the ways kept (they share most tails; 0.0 and () where a piece cannot go)
        memo: list[dict[tuple[str, ...], tuple[list[float], list[tuple[str, ...]]]]] = [
            {} for _ in range(ncols)]
        for score, tails, head in beam:
            table: list[tuple[list[float], list[tuple[str, ...]]]] = []
            for c, tail in enumerate(tails):
                got = memo[c].get(tail)
                if got is None:
                    got = memo[c][tail] = (
                        [fit(piece, tail, c) if c in reach[i] else 0.0 for i, piece in enumerate(pieces)],
                        [tail[-1:] + (piece,) if c in reach[i] else () for i, piece in enumerate(pieces)])
                table.append(got)
            for combo, tie in zip(combos, ties):
                total = score - tie
                new = list(tails)
                for i, c in enumerate(combo):
                    total += table[c][0][i]
                    new[c] = table[c][1][i]
                key = tuple(new)
                kept = nxt.get(key)
                if kept is None or kept[0] < total:
                    nxt[key] = (total, key, head or combo)
        beam = sorted(nxt.values(), key=lambda e: -e[0])[: settings.fused_deal_beam]
    following = split[end + 1] if end + 1 < len(split) else []
    if len(following) == 1:
        following = [run[end + 1].text]
    # the next line's fits to a column, by the column's tail (the ways share most tails)
    ahead: list[dict[tuple[str, ...], list[float]]] = [{} for _ in range(ncols)]

    def fits_ahead(tail: tuple[str, ...], c: int) -> list[float]:
        row = ahead[c].get(tail)
        if row is None:
            row = ahead[c][tail] = [fit(q, tail, c) for q in following]
        return row

    def with_ahead(e: tuple[float, Tails, tuple[int, ...]]) -> float:
        cols = [fits_ahead(e[1][c], c) for c in range(ncols)]
        return e[0] + _best_ahead([[cols[c][j] for c in range(ncols)] for j in range(len(following))])

    return max(beam, key=with_ahead)[2]


def _lone_column(
    piece: str,
    following: list[str] | None,
    free: list[int],
    columns: list[list[Line]],
    widths: list[float],
    settings: Settings,
    seen: _Pairs | frozenset[str] = frozenset(),
) -> int:
    """The free column a lone line below the fused rows goes to: the one it carries on best,
    judged with the best fit of the next lone line (``following``) after it too — the line
    that finishes one column's sentence leaves the line after it nothing to carry on there,
    and one that carries on the wrong column leaves the right one's line stranded."""
    def score(c: int) -> float:
        total = _fit(piece, columns[c], widths[c], settings, seen) - _LEFT_TIE * c
        if following is not None:
            total += max(
                _fit(following[0], [Line(0, piece)] if d == c else columns[d], widths[d], settings, seen)
                - _LEFT_TIE * d
                for d in free
            )
        return total

    return max(free, key=score)


def _best_monotone(fits: list[list[float]]) -> tuple[int, ...]:
    """The columns ``c_0 < c_1 < …`` that maximise ``fits[i][c_i]`` less the tie-break to
    the left, by dynamic programming over (piece, column): what :func:`_deal` finds by trying
    every way when they are few."""
    n, ncols = len(fits), len(fits[0]) if fits else 0
    neg = float("-inf")
    best = [[neg] * ncols for _ in range(n)]  # best[i][c]: pieces 0..i, piece i in column c
    back = [[-1] * ncols for _ in range(n)]
    for c in range(ncols):
        best[0][c] = fits[0][c] - _LEFT_TIE * c
    for i in range(1, n):
        left, arg = neg, -1
        for c in range(1, ncols):
            if best[i - 1][c - 1] > left:
                left, arg = best[i - 1][c - 1], c - 1
            if arg >= 0:
                best[i][c] = left + fits[i][c] - _LEFT_TIE * c
                back[i][c] = arg
    c = max(range(ncols), key=lambda k: best[n - 1][k])
    combo = [c]
    for i in range(n - 1, 0, -1):
        c = back[i][c]
        combo.append(c)
    return tuple(reversed(combo))


def _combos(npieces: int, ncols: int) -> list[tuple[int, ...]]:
    """The ways to deal a line's pieces to the columns, left to right (a line has at most
    as many pieces as the region has columns)."""
    return list(itertools.combinations(range(ncols), npieces))


def _best_ahead(fits: list[list[float]]) -> float:
    """The best total of ``fits[j][c_j]`` over columns ``c_0 < c_1 < …`` (row ``j`` a piece
    of the next line, column ``c`` its fit there), summed in the pieces' order: each row
    keeps, for each column, the best total that ends there. (A sum in the same order as
    trying every way gives the same floating-point value, addition being monotone.)"""
    if not fits:
        return 0.0
    best = list(fits[0])
    for row in fits[1:]:
        left = float("-inf")  # the best total of the rows before, ending left of column c
        cur = [float("-inf")] * len(row)
        for c in range(1, len(row)):
            left = max(left, best[c - 1])
            cur[c] = left + row[c]
        best = cur
    return max(best)


def _fit(
    piece: str, column: list[Line], width: float, settings: Settings, seen: _Pairs | frozenset[str] = frozenset()
) -> float:
    """How well a piece carries on a column; ``seen``: the pairs of characters the page
    prints side by side (:class:`_Pairs`)."""
    score = 0.0
    # a letter-spaced piece is justified to its column's width: only its characters
    # (without the room between them) must fit, and it never stops short
    elastic = spaced(piece)
    if _width(piece) > width + settings.fused_width_tolerance:
        score -= settings.fused_too_wide  # wider than the column
    labelled = bool(LABEL.match(piece))
    # a paragraph's first line (after a finished sentence, or opening the column) lost its
    # indent: it may stop that much shorter
    indent = 0.0 if _waiting(column) else settings.paragraph_indent
    short = not elastic and piece_width(piece) < width - settings.fused_width_tolerance - indent
    opens = labelled or piece.startswith(settings.article_openers)
    if (not short and not opens and not ends_sentence(piece) and _waiting(column)
            and not LABEL.match(column[-1].text.strip())
            and not (len(column) > 1 and ends_sentence(column[-2].text))):
        # a line in mid-sentence after its column's full line (unlabelled, not a
        # paragraph's first) is as wide as that line, whatever the region's width: a
        # narrower one is another, narrower column's
        short = not elastic and piece_width(piece) < _width(column[-1].text) - settings.fused_width_tolerance
    if short and not opens and not ends_sentence(piece):
        # a line in mid-sentence fills its column: this is a full line of a narrower one
        # (a turn's or a news item's first line, set in another face or below a headline
        # wider than its column, may stop short)
        score -= settings.fused_too_narrow
    elif short and labelled and not ends_sentence(piece):
        # ... a turn's first line only prefers a column it fills
        score -= settings.fused_opener_short
    elif labelled and not _waiting(column) and width + settings.fused_width_tolerance < (
            piece_width(piece) + settings.paragraph_indent) <= width + settings.fused_width_tolerance + settings.paragraph_indent:
        # ... and, set in by a paragraph's indent, no wider than it
        score -= settings.fused_opener_short
    if _waiting(column):
        score += -settings.fused_waiting if labelled else settings.fused_waiting
        if not labelled and _word_across(unspaced(column[-1].text), piece.replace(" ", "")):
            score += settings.fused_word_across  # "…上线了智" + "慧景区…": 智慧
        elif not labelled and _joins(column[-1].text, piece, seen):
            # ... and a pair of characters across the join that the page prints side by
            # side elsewhere, a little ("…联合住" + "建、市场…": 住建)
            score += settings.fused_pair_seen
    return score


def _width(piece: str) -> float:
    """A piece's width by its characters alone (a letter-spaced one's without the room
    between them)."""
    return display_width(unspaced(piece)) if spaced(piece) else piece_width(piece)


def _carried(columns: list[list[Line]], widths: list[float], c: int, settings: Settings) -> bool:
    """Is column ``c``'s open sentence carried on by the column to its right: the columns
    of one box printed in a band (begun on the same row, of one width), where the left
    column's last line reads on, unlabelled, at the top of the next one?"""
    right = columns[c + 1] if c + 1 < len(columns) else []
    return bool(right) and _waiting(columns[c]) and (
        right[0].number == columns[c][0].number and not LABEL.match(right[0].text)
        and abs(widths[c] - widths[c + 1]) <= settings.fused_width_tolerance
    )


def _full_line(piece: str, width: float, settings: Settings) -> bool:
    """A line that fills a column of ``width`` and stops in mid-sentence, unlabelled."""
    return (abs(piece_width(piece) - width) <= settings.fused_width_tolerance
            and not LABEL.match(piece) and not ends_sentence(piece))


def _waiting(column: list[Line]) -> bool:
    """Does the column stop in mid-sentence (its next line must carry on)?"""
    return bool(column) and not ends_sentence(column[-1].text)


def side_by_side(page: Page) -> float:
    """The share of the page's non-blank lines that set columns side by side, each piece at
    its place across the page (``pdftotext -layout``): 0.0 on a page printed column by
    column, or one with a few fused lines, which :func:`unfuse_columns` deals."""
    lines = [x.text for x in page.lines if x.text.strip()]
    # (both of _SIDE_GAP's forms hold three spaces in a row: most lines are ruled out by that)
    return sum(1 for t in lines if "   " in t and _SIDE_GAP.search(t)) / len(lines) if lines else 0.0
