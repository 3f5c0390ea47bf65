"""Columns printed row by row, rewoven into columns.

When the lines of a page stand farther apart than an extractor's line margin (pdfminer.six's
``LAParams.line_margin``), it makes every line a text box of its own and prints those boxes
band by band across the page: the first line of each column side by side, then the second
of each, and so on, each followed by a blank line. Across a band of ``m`` columns a line then
carries on the line printed ``m`` lines before it.

The page's lone lines are cut into runs, each with its period ``m`` (one to four columns),
by dynamic programming over how well every line carries on the line ``m`` before it: a
sentence left open is carried on by a line at its width that no speaker label opens (a
dictionary word across the join confirms it), a finished one gladly by a new turn;
changing the period costs a little. Each run is then printed column by column. Lines that
stand together (a box the extractor kept whole) stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .blocks import LABEL, SUBTITLE_DASHES, line_width, spaced
from .furniture import parse_byline
from .lexicon import word_across
from .model import Line, Page
from .repair import ends_sentence, strip_spaces
from .settings import Settings

__all__ = ["unweave_rows", "printed_row_by_row"]

# a band across a page holds one to four columns
_PERIODS = (1, 2, 3, 4)


def printed_row_by_row(page: Page, settings: Settings | None = None) -> bool:
    """Is (nearly) every line of the page followed by a blank line?"""
    settings = settings or Settings()
    lines = page.lines
    text = [i for i, x in enumerate(lines) if x.text.strip()]
    if len(text) < settings.row_by_row_min_lines:
        return False
    alone = sum(1 for i in text if i + 1 >= len(lines) or not lines[i + 1].text.strip())
    return alone >= settings.row_by_row_share * len(text)


@dataclass(frozen=True, slots=True)
class _Info:
    text: str  # without extraction spaces
    width: float
    closed: bool  # ends a sentence
    labelled: bool
    spaced: bool

    @classmethod
    def of(cls, raw: str) -> "_Info":
        return cls(
            strip_spaces(raw).replace(" ", ""),
            line_width(raw),
            ends_sentence(raw),
            bool(LABEL.match(raw.strip())),
            spaced(raw),
        )


def unweave_rows(page: Page, settings: Settings | None = None) -> Page:
    """The page with its columns rewoven, if it was printed row by row; else the page."""
    settings = settings or Settings()
    if not printed_row_by_row(page, settings):
        return page
    out: list[Line] = []
    for run, lone in _lone_runs(page.lines):
        out += _reweave(run, settings) if lone and len(run) > 2 else run
        out.append(Line(run[-1].number, ""))
    return replace(page, lines=tuple(out))


def _lone_runs(lines: tuple[Line, ...]) -> list[tuple[list[Line], bool]]:
    """Runs of lines each standing alone between blank lines; a group of lines that stand
    together is a run of its own, and so is each line of the interview's heading (a
    subtitle, a byline, and the title printed just above a subtitle), which spans the page
    rather than sitting in a column."""
    groups: list[list[Line]] = [[]]
    for x in lines:
        if x.text.strip():
            groups[-1].append(x)
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    heading = {
        k for k, g in enumerate(groups)
        if len(g) == 1 and (_heading(g[0]) or (k + 1 < len(groups) and _subtitle(groups[k + 1][0])))
    }
    runs: list[tuple[list[Line], bool]] = []  # (lines, whether they stood alone)
    lone: list[Line] = []
    for k, g in enumerate(groups):
        if len(g) == 1 and k not in heading:
            lone += g
            continue
        if lone:
            runs.append((lone, True))
            lone = []
        runs.append((g, False))
    if lone:
        runs.append((lone, True))
    return runs


def _subtitle(line: Line) -> bool:
    return line.text.strip().startswith(SUBTITLE_DASHES)


def _heading(line: Line) -> bool:
    return _subtitle(line) or parse_byline(line.text.strip()) is not None


def _reweave(run: list[Line], settings: Settings) -> list[Line]:
    info = [_Info.of(x.text) for x in run]
    n = len(run)
    # best[j][m]: best score of lines 0..j with line j in a run of period m
    best = [[0.0] * len(_PERIODS) for _ in range(n)]
    back = [[0] * len(_PERIODS) for _ in range(n)]
    for j in range(n):
        # the best period so far, which any period may switch from
        k = max(range(len(_PERIODS)), key=lambda b: best[j - 1][b]) if j else 0
        for a, m in enumerate(_PERIODS):
            link = _link(info[j - m], info[j], settings) if j >= m else 0.0
            if j == 0:
                best[j][a] = link
                continue
            stay = best[j - 1][a]
            switch = best[j - 1][k] - settings.row_switch
            if stay >= switch or k == a:
                best[j][a], back[j][a] = stay + link, a
            else:
                best[j][a], back[j][a] = switch + link, k
    a = max(range(len(_PERIODS)), key=lambda b: best[n - 1][b])
    periods = [0] * n
    for j in range(n - 1, -1, -1):
        periods[j] = _PERIODS[a]
        a = back[j][a]
    out: list[Line] = []
    start = 0
    for j in range(1, n + 1):
        if j == n or periods[j] != periods[start]:
            m = periods[start]
            for slot in range(m):
                column = [run[k] for k in range(start + slot, j, m)]
                if column:
                    if out:
                        out.append(Line(column[0].number, ""))
                    out += column
            start = j
    return out


def _link(prev: _Info, line: _Info, settings: Settings) -> float:
    """How well ``line`` carries on ``prev`` in one column."""
    score = 0.0
    if not prev.closed:
        if line.labelled:
            return -settings.row_label_break  # a new turn does not carry on an open sentence
        if word_across(prev.text, line.text, reach=2):
            score += settings.row_word_across
    elif line.labelled:
        score += settings.row_new_turn
    if not prev.spaced and not line.spaced and not prev.closed:
        gap = abs(line.width - prev.width) if not line.closed else max(0.0, line.width - prev.width)
        fits = gap <= settings.row_width_wobble
        score += settings.row_width_fit if fits else -settings.row_width_miss
    return score
