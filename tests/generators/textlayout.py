"""Column layout primitives: how a PDF text export prints a Chinese newspaper box.

A box is a narrow column of fixed width (in display units: a full-width character is 1,
an ASCII / half-width character 0.5).  Paragraphs are wrapped greedily under the Chinese
line-breaking rules (closing punctuation never starts a line, opening punctuation never
ends one); the 2-unit first-line indent is lost in the dump, so the first line of a
paragraph simply holds fewer characters.  Every few lines the column ends and the dump
shows a blank line, wherever the sentence happens to be.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable

CLOSING = frozenset("，。、；：？！”’）》」』】〕〉…")
OPENING = frozenset("“‘（《「『【〔〈")
INDENT = 2
_RUN = re.compile(r"[A-Za-z0-9]+(?:[.%+\-/&_'][A-Za-z0-9]+)*%?")
_PAIR = re.compile(r"——|……|.", re.S)
_LONG_RUN = 10  # half-width runs longer than this may be broken anywhere


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    width: float
    kind: str  # "cjk" | "ascii" | "space" | "close" | "open"


@dataclass(slots=True)
class Segment:
    """A stretch of one paragraph inside a box."""

    tokens: list[Token]
    indent: bool = True      # starts a paragraph: its first line is 2 units shorter
    ends_para: bool = True   # the paragraph ends with this segment


@dataclass(slots=True)
class BoxStyle:
    width: int
    col_lines: int = 5              # lines per column before the dump shows a blank line
    par_blank: float = 0.75         # chance of a blank line after a paragraph
    letter_space: float = 0.0       # chance a line is printed letter-spaced
    narrow_lines: int = 0           # the first N lines of the box are narrower ...
    narrow_by: int = 0              # ... by this many units (a vertical label beside them)
    lead_space: bool = False        # the dump puts a space before the first line


@dataclass(slots=True)
class RenderedBox:
    lines: list[str]                                   # "" marks a blank line
    layout: list[tuple[str, float, bool]] = field(default_factory=list)  # (line, cap, spaced)


def char_width(ch: str) -> float:
    if ch < "\u0080" or "\uff61" <= ch <= "\uffdc":
        return 0.5
    return 1.0


def text_width(text: str, ignore_spaces: bool = False) -> float:
    return sum(char_width(c) for c in text if not (ignore_spaces and c == " "))


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _char_token(ch: str) -> Token:
    if ch == " ":
        return Token(" ", 0.5, "space")
    kind = "close" if ch in CLOSING else "open" if ch in OPENING else "cjk"
    if ch < "\u0080":
        kind = "ascii" if kind == "cjk" else kind
    return Token(ch, char_width(ch), kind)


def _plain_tokens(text: str) -> list[Token]:
    """Tokens of text without half-width runs; a dash or ellipsis pair is never split."""
    out = []
    for m in _PAIR.finditer(text):
        piece = m.group()
        if len(piece) == 2:
            out.append(Token(piece, 2.0, "close" if piece == "……" else "cjk"))
        else:
            out.append(_char_token(piece))
    return out


def tokenize(text: str, rng: random.Random, spaced: float = 0.0) -> list[Token]:
    """Split text into breakable tokens; half-width runs stay whole.

    With probability ``spaced`` a half-width run next to an ideograph gets a space on that
    side, as PDF exporters do ("企业 600 余家").
    """
    tokens: list[Token] = []
    pos = 0
    for m in _RUN.finditer(text):
        tokens.extend(_plain_tokens(text[pos:m.start()]))
        run = m.group()
        space = rng.random() < spaced  # both sides of the run, where an ideograph touches it
        if space and m.start() > 0 and is_ideograph(text[m.start() - 1]):
            tokens.append(Token(" ", 0.5, "space"))
        if len(run) > _LONG_RUN:
            tokens.extend(Token(c, 0.5, "ascii") for c in run)
        else:
            tokens.append(Token(run, 0.5 * len(run), "ascii"))
        if space and m.end() < len(text) and is_ideograph(text[m.end()]):
            tokens.append(Token(" ", 0.5, "space"))
        pos = m.end()
    tokens.extend(_plain_tokens(text[pos:]))
    return tokens


def _fit(tokens: list[Token], start: int, cap: float) -> int:
    """Index where the line starting at ``start`` must end (exclusive)."""
    width, j, hung = 0.0, start, False
    while j < len(tokens):
        tok = tokens[j]
        if width + tok.width <= cap or j == start:
            width += tok.width
            j += 1
        elif tok.kind == "close" and not hung and width + tok.width <= cap + 1:
            width += tok.width  # hanging punctuation: the line grows by one unit
            j += 1
            hung = True
        else:
            break
    return _kinsoku(tokens, start, j)


def _kinsoku(tokens: list[Token], start: int, end: int) -> int:
    """Move the break back so no line starts with closing or ends with opening punctuation."""
    k = end
    while k > start + 1:
        nxt = k
        while nxt < len(tokens) and tokens[nxt].kind == "space":
            nxt += 1
        last = k - 1
        while last > start and tokens[last].kind == "space":
            last -= 1
        if nxt < len(tokens) and tokens[nxt].kind == "close":
            k -= 1
        elif tokens[last].kind == "open" and last > start:
            k = last
        else:
            break
    return k


def wrap_tokens(tokens: list[Token], cap_for: Callable[[int], float]) -> list[tuple[int, int]]:
    """Greedy wrap; returns (start, end) token ranges, one per line, spaces at edges dropped."""
    lines: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        while i < len(tokens) and tokens[i].kind == "space":
            i += 1
        if i >= len(tokens):
            break
        end = _fit(tokens, i, cap_for(len(lines)))
        lines.append((i, end))
        i = end
    return lines


def line_text(tokens: list[Token]) -> str:
    return "".join(t.text for t in tokens).strip(" ")


def segment_lines(seg: Segment, width: float) -> list[tuple[int, int]]:
    """Plain wrap of one segment (no letter-spacing, no narrowing): used to pick split points."""
    return wrap_tokens(seg.tokens, lambda i: width - (INDENT if seg.indent and i == 0 else 0))


class _BoxWriter:
    def __init__(self, style: BoxStyle, rng: random.Random) -> None:
        self.style, self.rng = style, rng
        self.out = RenderedBox(lines=[])
        self.in_column = 0
        self.target = self._column_target()
        self.count = 0  # lines written so far (for the narrow top of the box)

    def _column_target(self) -> int:
        target = self.style.col_lines + self.rng.choice((0, 0, 0, 1, -1))
        return min(6, max(3, target)) if self.style.col_lines <= 6 else target

    def blank(self) -> None:
        if self.out.lines and self.out.lines[-1] != "":
            self.out.lines.append("")
        self.in_column = 0
        self.target = self._column_target()

    def segment(self, seg: Segment) -> None:
        spaced: set[int] = set()

        def cap_for(i: int) -> float:
            cap = self.style.width - (INDENT if seg.indent and i == 0 else 0)
            if self.count + i < self.style.narrow_lines:
                cap -= self.style.narrow_by
            if self.rng.random() < self.style.letter_space:
                spaced.add(i)
                cap -= 1
            return cap

        ranges = wrap_tokens(seg.tokens, cap_for)
        for i, (a, b) in enumerate(ranges):
            toks = seg.tokens[a:b]
            cap = self.style.width - (INDENT if seg.indent and i == 0 else 0)
            if self.count < self.style.narrow_lines:
                cap -= self.style.narrow_by
            plain = all(t.kind in ("cjk", "close", "open") for t in toks)
            letter = i in spaced and plain and i < len(ranges) - 1
            text = " ".join(t.text for t in toks) if letter else line_text(toks)
            if self.in_column >= self.target:
                self.blank()
            self.out.lines.append(text)
            self.out.layout.append((text, cap, letter))
            self.in_column += 1
            self.count += 1


def render_box(segments: list[Segment], style: BoxStyle, rng: random.Random) -> RenderedBox:
    writer = _BoxWriter(style, rng)
    for n, seg in enumerate(segments):
        writer.segment(seg)
        last = n == len(segments) - 1
        if seg.ends_para and not last and rng.random() < style.par_blank:
            writer.blank()
    box = writer.out
    while box.lines and box.lines[-1] == "":
        box.lines.pop()
    if style.lead_space and box.lines:
        box.lines[0] = " " + box.lines[0]
    return box
