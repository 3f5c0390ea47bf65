"""Stage 2 — blocks: runs of lines between blank lines, cut again where a label starts a line
or where one unwrapped line is glued to a wrapped box; each block's column width measured."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections.abc import Sequence

from .furniture import parse_byline
from .lexicon import word_across, word_read_across
from .model import Block, Line, Page
from .repair import NEVER_AFTER_END, display_width, ends_sentence, strip_spaces, unspaced
from .settings import Settings

__all__ = ["split_blocks", "line_width", "spaced", "column_width", "unglue_vertical_labels",
           "wrapped_heading", "match_note_label", "PUNCT"]

# "X：" at a line start: a speaker, roster or field label (up to 8 characters before the colon).
# A subtitle opens with a dash; the title above it is a line of its own.
SUBTITLE_DASHES = ("——", "—", "--")
# (letter-spaced lines put spaces between the label's characters too)
LABEL = re.compile(r"^\s*((?:[\u3400-\u9fff·]\s*){1,8})[：:]")


# clause and sentence punctuation: a line with none is a headline's, a name's or a label's
PUNCT = re.compile(r"[，。、；：！？,.;:!?]")
_SPACED = re.compile(r"[\u3400-\u9fff，。、；：“”（）] (?=[\u3400-\u9fff，。、；：“”（）])")


def line_width(line: Line | str) -> float:
    """Printed width of a line: extraction spaces removed, half-width characters ½.

    A letter-spaced line (a space between most characters) was stretched to the full column
    by justification: it counts as wide as its characters and gaps together. On a line with
    no other gaps, a space between a Chinese character and a half-width run ("全县 9 个",
    "企业 600 余家") is the room the typesetter left around the digits or letters: ½ each.
    """
    return _line_width(line.text if isinstance(line, Line) else line)


@lru_cache(maxsize=8192)
def _line_width(text: str) -> float:
    if " " not in text:  # (most lines: not letter-spaced, no room around half-width runs)
        return display_width(strip_spaces(text))
    return _text_width(text) + 0.5 * _mixed_gaps(text)


def piece_width(text: str) -> float:
    """:func:`line_width` without the room around half-width runs: for the pieces of a line
    cut at column gaps, where a lone character beside a number may be a letter-spaced
    line's ("长 18.6% 和")."""
    return _text_width(text)


@lru_cache(maxsize=4096)
def _text_width(text: str) -> float:
    clean = strip_spaces(text)
    if spaced(text):
        return display_width(clean) + len(_SPACED.findall(text.strip())) * 0.5
    return display_width(clean)


_MIXED_GAP = re.compile(
    r"(?<=[^\x00-\x7f\s])[ \t\u00a0]+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])[ \t\u00a0]+(?=[^\x00-\x7f\s])"
)


@lru_cache(maxsize=4096)
def _mixed_gaps(text: str) -> int:
    """Spaces between a Chinese character and a half-width run, on a line with no spaces
    between two Chinese characters (0 on a letter-spaced or partly letter-spaced line)."""
    text = text.strip()
    if " " not in text or _SPACED.search(text):
        return 0
    return len(_MIXED_GAP.findall(text))


@lru_cache(maxsize=4096)
def spaced(text: str) -> bool:
    """Is the line letter-spaced (justified with a space between most characters)?"""
    if " " not in text:
        return False  # (most lines: no gap at all)
    gaps = len(_SPACED.findall(text.strip()))
    return gaps >= 3 and gaps * 2 >= len(strip_spaces(text))


def column_width(lines: Sequence[Line]) -> float:
    """The width a box's full lines reach: the median of the upper half of line widths.

    Short lines (paragraph ends, indented starts) fall in the lower half and do not count;
    the occasional letter-spaced or half-width-padded line is outvoted by its neighbours.
    """
    return _column_of([line_width(x) for x in lines])


def _column_of(widths: list[float]) -> float:
    """:func:`column_width` of lines of these widths (measured once by the caller)."""
    if not widths:
        return 0.0
    ordered = sorted(widths, reverse=True)
    n = max(1, (len(ordered) + 1) // 2)  # the upper half, widest first: its median
    if n % 2:
        return float(ordered[n // 2])
    return (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def split_blocks(page: Page, settings: Settings | None = None) -> tuple[Block, ...]:
    """Cut the page into blocks; blank lines, label lines and width jumps end a block."""
    settings = settings or Settings()
    blocks: list[Block] = []
    run: list[Line] = []
    lines = _isolate_label_lines(
        _unglue_trailing_labels(unglue_vertical_labels(_split_fused_byline(page.lines), settings), settings),
        settings,
    )
    lines = _unglue_headline_ends(lines)
    prev_byline = False  # (is the run's last line a byline: each line parsed once)
    openers = settings.article_openers + SUBTITLE_DASHES  # (what a line starting a block opens with)
    for k, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            _flush(run, blocks, settings)
            run = []
        else:
            byline = parse_byline(text) is not None
            if run and (
                _starts_block(line, text, byline, run[-1], prev_byline, openers)
                or _after_question(run, lines, k, settings)
            ):
                _flush(run, blocks, settings)
                run = []
            run.append(line)
            prev_byline = byline
    _flush(run, blocks, settings)
    return tuple(_cut_glued_headings(blocks, settings))


def _cut_glued_headings(blocks: list[Block], settings: Settings) -> list[Block]:
    """A box's last line that has no punctuation, after a finished sentence, right before
    a subtitle, a byline or a news opener, is the headline of what follows, printed
    without a blank line after the box before it ("…挨家挨户通知。" + "汛期天气多变…" +
    "记者 …"): a block of its own."""
    out: list[Block] = []
    for k, b in enumerate(blocks):
        after = blocks[k + 1].lines[0].text.strip() if k + 1 < len(blocks) else ""
        last = b.lines[-1].text.strip()
        if (
            len(b.lines) >= 2
            and ends_sentence(b.lines[-2].text)
            and not PUNCT.search(last.rstrip("？！?!"))
            and (after.startswith(settings.article_openers + SUBTITLE_DASHES) or parse_byline(after))
        ):
            body = b.lines[:-1]
            out += [Block(lines=body, width=column_width(body)),
                    Block(lines=b.lines[-1:], width=column_width(b.lines[-1:]))]
        else:
            out.append(b)
    return out


def _after_question(run: list[Line], lines: Sequence[Line], k: int, settings: Settings) -> bool:
    """A host's question ends with its question mark: running text printed right after it
    without a blank line (``lines[k]`` on) is another box (an answer's), unless it is the
    question's own next sentence, asking too ("…正在推进？" / "进展如何？"), though that
    sentence may wrap onto a line or two more ("主要风险集中在哪些方" / "面？"), or it is a
    remark that closes the question's box: a sentence no wider than the question's lines,
    then a blank line and the next turn's label ("…还要不要保存？" / "有人担心原件没人管了。")."""
    if not run[-1].text.rstrip().endswith(("？", "?")):
        return False  # (first: the cheaper test)
    m = LABEL.match(run[0].text.strip())
    if not m or re.sub(r"\s", "", m.group(1)) not in settings.host_labels:
        return False
    for n, line in enumerate(lines[k : k + settings.question_wrap_lines]):
        text = line.text.rstrip()
        if not text.strip() or LABEL.match(text.strip()):
            return True
        if ends_sentence(text):
            if text.endswith(("？", "?")):
                return False
            return not _closing_remark(run, lines[k : k + n + 1], lines[k + n + 1 :], settings)
    return True


def _closing_remark(run: list[Line], remark: Sequence[Line], after: Sequence[Line], settings: Settings) -> bool:
    """Is ``remark`` the last sentence of the question's box: no wider than its lines, then a
    blank line and a labelled turn after it?"""
    if not after or after[0].text.strip():
        return False
    widest = max(line_width(x) for x in run)
    if any(line_width(x) > widest + settings.box_width_wobble for x in remark):
        return False
    following = next((x.text.strip() for x in after if x.text.strip()), "")
    return bool(LABEL.match(following))


def _starts_block(line: Line, text: str, byline: bool, prev: Line, prev_byline: bool, openers: tuple[str, ...]) -> bool:
    """Labels, news openers, subtitles and bylines start a block; a byline also ends one. So
    does a line that opens on a comma or a full stop after a finished sentence: it carries on
    a sentence left open in another box (lines of boxes side by side read interleaved).
    (``text``: ``line``'s, stripped; ``byline``, ``prev_byline``: whether it and ``prev``
    are bylines, parsed once by the caller; ``openers``: the news openers and subtitle dashes.)"""
    return (
        byline
        or prev_byline
        or (("：" in text or ":" in text) and _opens_label(text, prev))  # (no colon: no label)
        or text.startswith(openers)
        or _after_subtitle(prev, line)
        or (text[0] in NEVER_AFTER_END and ends_sentence(prev.text))  # (text: stripped, not empty)
    )


def _opens_label(text: str, prev: Line) -> bool:
    """Does the line open with a label? A one-character label ("问：") right after a line
    left open is the last character of a word broken at the column ("…热线提" + "问：父母…"
    is 提问): the line carries the sentence on, no turn starts there."""
    m = LABEL.match(text)
    if not m:
        return False
    label = re.sub(r"\s", "", m.group(1))
    if len(label) > 1 or ends_sentence(prev.text):
        return True
    return not word_across(unspaced(prev.text), label)


def _after_subtitle(prev: Line, line: Line) -> bool:
    """A ——subtitle is a line of its own: the line after it starts another block, unless
    it is the subtitle's wrapped end (shorter, with no punctuation)."""
    if not prev.text.lstrip().startswith(SUBTITLE_DASHES):
        return False
    return bool(PUNCT.search(line.text)) or line_width(line) >= line_width(prev)


# A title and its byline printed on one line: "标题 记者 甲 乙".
_FUSED_BYLINE = re.compile(r"^(?P<title>\S[^，。！？；：:]*?)\s+(?P<byline>(?:本报)?记者\s.*)$")


def _split_fused_byline(lines: Sequence[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        m = _FUSED_BYLINE.match(line.text.strip()) if "记者" in line.text else None
        if m and parse_byline(m.group("byline")):
            out += [Line(line.number, m.group("title")), Line(line.number, m.group("byline"))]
        else:
            out.append(line)
    return out


def _flush(run: list[Line], blocks: list[Block], settings: Settings) -> None:
    if not run:
        return
    # (each line measured once here, for the headline on top, the cuts and the blocks'
    # column widths)
    widths = [line_width(x) for x in run]
    if _heading_on_top(run, widths, settings):
        blocks.append(Block(lines=(run[0],), width=_column_of(widths[:1])))
        run, widths = run[1:], widths[1:]
    for lo, hi in _cut_wide_lines(run, widths, settings):
        for a, b in _cut_width_jumps(run[lo:hi], widths[lo:hi], settings):
            blocks.append(Block(lines=tuple(run[lo + a : lo + b]), width=_column_of(widths[lo + a : lo + b])))


def _heading_on_top(run: list[Line], widths: list[float], settings: Settings) -> bool:
    """A headline printed right on top of a box of another column, with no blank line
    between ("岚川高新区新材料中试基地投用" over lines of eleven, "亩，年产量…"): the box's
    first line wider than every other line of it left open by more than the wobble (a
    paragraph's first line is indented, never wider; a roster's short lines of names say
    nothing), with no punctuation, and the next line neither reading on from it nor ending
    a sentence (…农田的 / 灌溉问题。). It is a block of its own. (``widths``: the run's
    lines' widths.)"""
    if len(run) < 2:
        return False
    first = run[0].text.strip()
    if PUNCT.search(_DECIMAL_POINT.sub("", first) if "." in first else first) or LABEL.match(first) or spaced(first):
        return False
    if _title_over_text(run, settings):
        return True
    if len(run) < 3:
        return False
    # (a line with a gap inside is spaced out or fused with a column beside it: its width
    # is no box's)
    rest = [w for x, w in zip(run[1:], widths[1:]) if " " not in x.text.strip() and not ends_sentence(x.text)]
    if len(rest) < 2 or ends_sentence(run[1].text) or widths[0] <= max(rest) + settings.box_width_wobble:
        return False
    return not word_read_across(unspaced(first), unspaced(run[1].text))


# A point between digits ("18.6"): no sentence's full stop.
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def _title_over_text(run: list[Line], settings: Settings) -> bool:
    """An unpunctuated first line much narrower than the running text under it (a title
    set right above a box, "织密路网畅通城乡发展动脉" over a note's lines of thirty):
    no paragraph's first line is, for its indent is two units, and a sentence's tail ends
    on its full stop. (The caller has checked the line for punctuation and labels.)"""
    if " " in run[0].text.strip():
        return False
    # (the characters' own widths: a justified line's gaps are no measure of its column)
    first, second = unspaced(run[0].text), unspaced(run[1].text)
    wide = display_width(first)
    if wide < settings.title_min_width or not PUNCT.search(second):
        return False
    if wide > display_width(second) - settings.title_narrower:
        return False
    return not word_read_across(first, second)


def _cut_wide_lines(run: list[Line], widths: list[float], settings: Settings) -> list[tuple[int, int]]:
    """A line much wider than the lines around it is a box of its own (an unwrapped
    question or headline printed next to a wrapped column). The parts, as index ranges of
    ``run`` (whose lines' widths are ``widths``)."""
    if len(run) < 2:
        return [(0, len(run))]
    if len(run) == 2:  # (a wrapped heading and stacked headings have two lines)
        if wrapped_heading(run) or _host_question(run, settings):
            return [(0, 2)]
        if _stacked_headings(run, settings):
            return [(0, 1), (1, 2)]
    # a mark wrapped to a line of its own ("？": a typesetter that lets a line open on a
    # closing mark) is no measure of the column's width
    marks = [_only_marks(x.text) for x in run]
    ordered = sorted(w for w, m in zip(widths, marks) if not m)
    if len(ordered) < 2:
        return [(0, len(run))]
    # (the common case, no line wide at all: the widest line is not wide even against the
    # lowest of the medians below, the one left when the widest itself is taken out)
    low = max(_median_without(ordered, ordered[-1]), 1.0)
    if not (ordered[-1] > settings.wide_line_ratio * low and ordered[-1] - low > 6):
        return [(0, len(run))]
    if len(run) > 2 and _host_question(run, settings):
        return [(0, len(run))]
    cuts: list[tuple[int, int]] = []
    start = 0  # the current part's first line
    for i, line in enumerate(run):
        if marks[i]:
            continue
        typical = max(_median_without(ordered, widths[i]), 1.0)
        wide = widths[i] > settings.wide_line_ratio * typical and widths[i] - typical > 6
        # an unwrapped line is complete: it ends a sentence or is a headline with no
        # punctuation; a wide line that stops in mid-sentence runs on into the next one
        if wide and (ends_sentence(line.text) or not PUNCT.search(line.text)):
            if start < i:
                cuts.append((start, i))
            cuts.append((i, i + 1))
            start = i + 1
    if start < len(run):
        cuts.append((start, len(run)))
    return cuts


def _host_question(run: list[Line], settings: Settings) -> bool:
    """A host's question that says something first and then asks, its question wrapped
    short ("主持人：…参与社区治理。" / "对此您怎么看？"), or asks twice ("…感受是什么？" /
    "能否分别谈一谈？"): a labelled line, then at most question_wrap_lines lines, the last
    ending with a question mark."""
    m = LABEL.match(run[0].text)
    return (
        m is not None and unspaced(m.group(1)) in settings.host_labels
        and len(run) <= settings.question_wrap_lines
        and run[-1].text.rstrip().endswith(("？", "?"))
    )


def _only_marks(text: str) -> bool:
    """A line of punctuation alone (a closing mark wrapped away from its sentence)."""
    t = text.strip()
    return bool(t) and not t.strip(_MARKS)


# (the characters of PUNCT, and the closing marks and spaces a line of marks may hold)
_MARKS = "，。、；：！？,.;:!?”’）》」』 　"


def _stacked_headings(run: list[Line], settings: Settings) -> bool:
    """Two lines alone with no punctuation, the second wider: two headlines set one above
    the other (a title wraps at its width, so its second line is never the wider one)."""
    return (
        len(run) == 2
        # (a gap in a line is a post and its holder's name, "…理事长 王某": a roster entry)
        and not any(PUNCT.search(x.text) or LABEL.match(x.text.strip()) or " " in x.text.strip() for x in run)
        # wider by more than an indent and a column's wobble: not two lines of one column
        and line_width(run[1]) > line_width(run[0]) + settings.box_indent_shortfall + settings.box_width_tolerance
    )


def wrapped_heading(
    run: Sequence[Line], *, max_lines: int | None = 2, every_line: bool = False,
    shortfall: float = 0.0,
) -> bool:
    """A title (or a roster's title) wrapped at its box's width ("…让老人乐" / "享幸福晚年"):
    two lines or more (at most ``max_lines``; None: any number), the first with no
    punctuation, the last shorter than the first by more than ``shortfall``. Its last line is
    short only because it ends the title, not because it is another box.

    With ``every_line`` no line may carry punctuation (a headline in a box of its own);
    otherwise the lines after the first may (a roster title's 、), as long as the last is left
    open and is no label."""
    if len(run) < 2 or (max_lines is not None and len(run) > max_lines):
        return False
    first, last = run[0], run[-1]
    if every_line:
        plain = not any(PUNCT.search(x.text) for x in run)
    else:
        plain = (
            not PUNCT.search(first.text)
            and not ends_sentence(last.text)
            and not LABEL.match(last.text.strip())
        )
    return plain and line_width(last) < line_width(first) - shortfall


def _cut_width_jumps(run: list[Line], widths: list[float], settings: Settings) -> list[tuple[int, int]]:
    """After a finished sentence, lines of another width than the box's full lines cannot
    be the box's: another box starts there, printed without a blank line between. A wider
    line shows it at once; narrower ones when the next full line is narrower too by more
    than an indent and the wobble (a first line short by an indent opens a paragraph); so
    does a full line right after a paragraph's short last line, and, in a box whose only
    full line is its first, two lines narrower than that line; so does a block's two-line
    end, an open line far narrower than the column and a sentence's end, and such two lines
    in mid-block (a narrower box's first lines). The parts, as index ranges of ``run``
    (whose lines' widths are ``widths``)."""
    cuts: list[tuple[int, int]] = []
    start = 0  # the current part's first line
    full: list[float] = []  # widths of the current part's full lines (after its first), sorted
    # (each line's tests made once: a line is looked at as itself and as the next's ``prev``)
    ends = [ends_sentence(x.text) for x in run]
    gapped = [spaced(x.text) for x in run]
    for k, line in enumerate(run):
        if k > start:
            prev = run[k - 1]
            if full and ends[k - 1] and not gapped[k]:
                col = full[len(full) // 2]
                if (
                    widths[k] > col + settings.box_width_tolerance
                    or _narrower(run[k : k + 2], col, settings)
                    or _short_box_at_end(run[k:], col, settings)
                    or _short_box_between(run[k : k + 3], col, settings)
                    or _unindented_after_end(prev, line, col, settings)
                ):
                    cuts.append((start, k))
                    start = k
                    full = []
            elif len(full) >= 2 and _column_beside(prev, run[k : k + 3], full[len(full) // 2], settings):
                cuts.append((start, k))
                start = k
                full = []
            elif not full and _narrower_than_first(run[start:k], run[k : k + 2], settings):
                cuts.append((start, k))
                start = k
        if k > start and not ends[k] and not gapped[k]:
            bisect.insort(full, widths[k])
    if start < len(run):
        cuts.append((start, len(run)))
    return cuts


def _short_box_at_end(lines: list[Line], col: float, settings: Settings) -> bool:
    """The block's last two lines, after a finished sentence: a line left open narrower than
    the column by more than an indent and the wobble, then the sentence's end: a box of two
    lines (its last one short) printed right after this one, not a line of it (a line left
    open in mid-paragraph is full)."""
    if len(lines) != 2 or any(spaced(x.text) for x in lines):
        return False
    return (
        not ends_sentence(lines[0].text)
        and ends_sentence(lines[1].text)
        and line_width(lines[0]) < col - settings.box_indent_shortfall - settings.box_width_tolerance
    )


def _short_box_between(lines: list[Line], col: float, settings: Settings) -> bool:
    """The two lines of a block's two-line end (see _short_box_at_end) in mid-block, an open
    line far narrower than the column then a sentence's end: not this box's lines (a line
    left open in mid-paragraph is full) but another, narrower box's, printed right after it."""
    return len(lines) == 3 and _short_box_at_end(lines[:2], col, settings)


def _narrower_than_first(cur: list[Line], lines: list[Line], settings: Settings) -> bool:
    """A box whose only full line is its first, then a finished sentence ("…已为213家企业" /
    "授信19.6亿元。"), and two lines narrower than that first line by more than the
    tolerance, the second a full one: the box's column is at least as wide as its first line
    (an indent only makes that line shorter), so these lines are another box's, of a
    narrower column, printed right after it with no blank line between. (The second line
    no shorter than the first by the tolerance either: a paragraph's short last line or a
    stray piece is no column.)"""
    if len(cur) < 2 or len(lines) < 2 or not ends_sentence(cur[-1].text):
        return False
    first = cur[0]
    if ends_sentence(first.text) or any(spaced(x.text) for x in (first, *lines)) or ends_sentence(lines[1].text):
        return False
    limit = line_width(first) - settings.box_width_tolerance
    widths = [line_width(x) for x in lines]
    return all(w < limit for w in widths) and widths[1] >= widths[0] - settings.box_width_tolerance


def _unindented_after_end(prev: Line, line: Line, col: float, settings: Settings) -> bool:
    """After a paragraph's short last line, the next paragraph opens indented: a full line
    there, with no label, carries on some other box's paragraph."""
    return (
        line_width(prev) <= col - settings.short_line_shortfall
        and line_width(line) >= col - settings.box_width_wobble
        and not line.text[:1].isspace()
        and not LABEL.match(line.text.strip())
    )


def _column_beside(prev: Line, lines: list[Line], col: float, settings: Settings) -> bool:
    """A full line in mid-sentence, then three lines of a column far narrower than the
    box's, alike in width: a narrow box beside this one, printed in between (its sentence
    goes on after it, where the box's next line is)."""
    if len(lines) < 3 or any(spaced(x.text) for x in lines) or LABEL.match(lines[0].text.strip()):
        return False
    widths = [line_width(x) for x in lines]
    return (
        line_width(prev) >= col - settings.box_width_wobble
        and max(widths) <= settings.beside_ratio * col
        and max(widths) - min(widths) <= settings.box_width_tolerance
    )


def _narrower(lines: list[Line], col: float, settings: Settings) -> bool:
    """Are these two lines, the second a full one, both narrower than the column by more
    than an indent and the wobble?"""
    limit = col - settings.box_indent_shortfall - settings.box_width_tolerance
    return (
        len(lines) == 2
        and not ends_sentence(lines[1].text)
        and not any(spaced(x.text) for x in lines)
        and all(line_width(x) < limit for x in lines)
    )


def _median_without(ordered: list[float], value: float) -> float:
    """statistics.median of the sorted list ``ordered`` with one ``value`` taken out,
    without sorting again."""
    gone = bisect.bisect_left(ordered, value)
    n = len(ordered) - 1  # (the others: ordered[i] before ``gone``, ordered[i + 1] from it)
    if n % 2:
        i = n // 2
        return ordered[i] if i < gone else ordered[i + 1]
    i, j = n // 2 - 1, n // 2
    return ((ordered[i] if i < gone else ordered[i + 1]) + (ordered[j] if j < gone else ordered[j + 1])) / 2


# One character, a space, then the line: a vertical label's character glued to the start
# of the line printed beside it ("编 工程安全度汛…"); or a label character on its own.
_GLUED = re.compile(r"^\s*([\u3400-\u9fff])(?:\s+(\S.*))?$")
# A vertical label's characters lie within this many lines of each other.
_LABEL_SPAN = 3


def _set_beside(text: str) -> bool:
    """A line read in between the note's lines that is none of them: a title or a byline set
    beside the note (no punctuation at all, as no line of running text of six characters or
    more has)."""
    clean = strip_spaces(text)
    return not PUNCT.search(clean) and (len(clean) >= 6 or parse_byline(clean) is not None)


def unglue_vertical_labels(lines: Sequence[Line], settings: Settings) -> list[Line]:
    """Take a vertical note label apart from the lines it was glued to.

    Extractors read a label set upright beside the note's first lines into those lines, one
    character each. When the first characters of nearby lines spell a note label (in any
    order), the label comes out as a block of its own (one character a line), followed by
    the note's lines without it, then each line read in between that was set beside the note
    (a title, a byline) as a block of its own; line numbers are kept.
    """
    out = list(lines)
    i = 0
    while i < len(out):
        found = _label_run(out, i, settings)
        if found is None:
            i += 1
            continue
        hits = found
        start = i
        while start > 0 and out[start - 1].text.strip() and not LABEL.match(out[start - 1].text.strip()):
            start -= 1
        label = [Line(out[k].number, _GLUED.match(out[k].text).group(1)) for k in hits]  # type: ignore[union-attr]
        body, beside = [], []
        for k in range(start, hits[-1] + 1):
            m = _GLUED.match(out[k].text) if k in hits else None
            rest = m.group(2) if m else out[k].text
            if not rest or not rest.strip():
                continue
            if k > hits[0] and k not in hits and _set_beside(rest):
                beside += [Line(out[k].number, ""), Line(out[k].number, rest)]
            else:
                body.append(Line(out[k].number, rest))
        blank = Line(out[start].number, "")
        replacement = [blank, *label, blank, *body, *beside, blank]
        out[start : hits[-1] + 1] = replacement
        i = start + len(replacement)
    return out


def _isolate_label_lines(lines: Sequence[Line], settings: Settings) -> list[Line]:
    """A line that is a note label of its own ("编者按", or its characters in another order,
    "按者编", as a vertical label comes out) printed right after a finished sentence with no
    blank line between: a block of its own, not the last line of the text above it."""
    out: list[Line] = []
    before = ""  # the text of out's last line, stripped
    for k, line in enumerate(lines):
        text = line.text.strip()
        if (before and len(text) >= 3 and ends_sentence(before)
                and match_note_label(text, settings) is not None):
            out.append(Line(line.number, ""))
            out.append(line)
            before = text
            if k + 1 < len(lines) and lines[k + 1].text.strip():
                out.append(Line(line.number, ""))
                before = ""
            continue
        out.append(line)
        before = text
    return out


_TRAILING = re.compile(r"^(?P<text>.*[\u3400-\u9fff“”])\s+(?P<chars>[\u3400-\u9fff]{1,3})$")


def _unglue_trailing_labels(lines: Sequence[Line], settings: Settings) -> list[Line]:
    """A vertical note label set beside a title comes out with its first characters after
    the title's line ("…撬动大 编者") and the rest one character a line below ("按"): when
    they spell a note label, the label is taken out as a block of its own (one character a
    line) set before the line, which keeps its own text and runs on into the line after."""
    out = list(lines)
    longest = max(len(x) for x in settings.note_labels)
    i = 0
    while i < len(out):
        line = out[i]
        text = line.text.strip()
        # (the pattern's last character is a Chinese one: most lines end on a mark)
        m = _TRAILING.match(text) if text and "\u3400" <= text[-1] <= "\u9fff" else None
        rest = _trailing_run(out, i, m.group("chars"), longest, settings) if m else None
        if m is None or rest is None:
            i += 1
            continue
        label = [Line(line.number, c) for c in m.group("chars")] + [out[j] for j in rest]
        for j in reversed(rest):
            del out[j]  # the line's own text runs on across them ("…撬动大" / "治理")
        blank = Line(line.number, "")
        replacement = [blank, *label, blank, Line(line.number, m.group("text"))]
        out[i : i + 1] = replacement
        i += len(replacement) - 1  # the line's own text may end in another label's characters
    return out


# A line's last piece after a gap: a few characters printed beside it.
_END_PIECE = re.compile(r"^(?P<text>\S.*\S)\s+(?P<chars>[\u3400-\u9fff]{1,4})$")


# A roster entry's post, which a name follows after a gap.
_POST_BEFORE = re.compile(r"(?:书记|主任|长|经理|主席|委员|负责人|董事|理事|总监|教授|代表|官|人|员|师)$")


def _unglue_headline_ends(lines: Sequence[Line]) -> list[Line]:
    """A headline wrapped in a box beside a column comes out with its last characters at
    the end of the line below it, after a gap ("…粮仓投入使" / "本报讯（记者…）5月 … 同 用"):
    when the line above has no punctuation and reads on into those characters as jieba cuts
    the join (使|用), they are taken out as the headline's own next line."""
    out = list(lines)
    for i in range(len(out) - 1, 0, -1):
        above, line = out[i - 1], out[i]
        if PUNCT.search(above.text) or " " in above.text.strip():
            continue  # (the line above first: most have punctuation, and the match is dearer)
        head = unspaced(above.text)
        if len(head) < 6:
            continue
        m = _END_PIECE.match(line.text.strip())
        if m is None:
            continue
        if _POST_BEFORE.search(m.group("text")):
            continue  # a roster entry's post and its holder's name ("…站长 解晓")
        if word_read_across(head, m.group("chars")):
            out[i : i + 1] = [Line(line.number, m.group("chars")), Line(line.number, m.group("text"))]
    return out


def _trailing_run(
    lines: Sequence[Line], i: int, chars: str, longest: int, settings: Settings
) -> list[int] | None:
    """The lines of one character after line ``i`` that, after the ``chars`` ending it,
    spell a note label."""
    rest: list[int] = []
    for k in range(i + 1, min(len(lines), i + 1 + settings.trailing_label_span)):
        if len(chars) + len(rest) >= longest:
            break
        if len(lines[k].text.strip()) == 1:
            rest.append(k)
            if _spelled_label(chars + "".join(lines[j].text.strip() for j in rest), settings):
                return rest
    return None


def _label_run(lines: Sequence[Line], i: int, settings: Settings) -> list[int] | None:
    """Indexes of the lines from ``i`` whose first characters spell a note label."""
    m = _GLUED.match(lines[i].text)
    if not m:
        return None
    hits, chars, k = [i], m.group(1), i
    longest = max(len(x) for x in settings.note_labels)
    while len(chars) < longest:
        nxt = next(
            (j for j in range(k + 1, min(k + 1 + _LABEL_SPAN, len(lines))) if _GLUED.match(lines[j].text)),
            None,
        )
        if nxt is None:
            break
        chars += _GLUED.match(lines[nxt].text).group(1)  # type: ignore[union-attr]
        hits.append(nxt)
        k = nxt
        if _spelled_label(chars, settings):
            return hits if any(_GLUED.match(lines[h].text).group(2) for h in hits) else None  # type: ignore[union-attr]
    return None


def match_note_label(text: str, settings: Settings) -> str | None:
    """The canonical note label whose characters this text is (upright, reversed, rotated)."""
    t = unspaced(text).strip("：:【】[]")
    if not 2 <= len(t) <= 6:
        return None
    return _spelled_label(t, settings)


def _spelled_label(chars: str, settings: Settings) -> str | None:
    """The note label these characters spell in some order (a vertical label may come out
    reversed or rotated), taken as they are."""
    order = sorted(chars)
    return next((x for x in settings.note_labels if sorted(x) == order), None)
