"""Text repair: display widths, joining wrapped lines, removing extraction spaces."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Sequence

__all__ = ["display_width", "ends_sentence", "join_lines", "strip_spaces", "is_cjk", "CARRIED_OVER", "opening_mark", "carried_over", "continues_open", "short_clause"]

# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)》]*$|[。！？!?][”’」』）)》]*[”’」』）)》]$")
# The marks no sentence starts with: a comma, a full stop, a closing quote or bracket. A
# line breaker that lets a line start with one (no kinsoku) still prints it at the end of
# the sentence before it: a line, a paragraph or a box that opens so carries that one on.
CARRIED_OVER = "，。、；：！？）》”’"
# Those of them no finished sentence is followed by (a closing quote or bracket may follow a
# full stop: "…了。" / "”"): a line or box opening on one carries on a sentence left open.
NEVER_AFTER_END = "，。、；：！？"
_SPACE = re.compile(r"[ \t\u3000\u00a0]+")
_LATIN = re.compile(r"[A-Za-z0-9]")


def opening_mark(text: str) -> str:
    """The first character the text prints, past its spaces ("" for none)."""
    return text.lstrip()[:1]


def carried_over(text: str) -> bool:
    """Does the text (a line, a box) open on a mark no sentence starts with?"""
    mark = opening_mark(text)
    return bool(mark) and mark in CARRIED_OVER


def continues_open(text: str) -> bool:
    """Does the text open on a mark that only a sentence left open goes on with (a comma, a
    full stop: never one that follows a finished sentence)?"""
    mark = opening_mark(text)
    return bool(mark) and mark in NEVER_AFTER_END


# A clause of a few characters closed by a full stop or semicolon, or a phrase of fewer
# closed by a comma, at a text's very start ("方面。前年…", "办。", "伍，完善…"): the end of a
# sentence or phrase begun elsewhere, broken at a column.
_SHORT_CLAUSE = re.compile(r"\s*([\u3400-\u9fff]+)[”’」』）》]?([。；，、])")


def short_clause(text: str, chars: int, phrase_chars: int = 0) -> bool:
    """Does the text open on a clause of at most ``chars`` Chinese characters closed by a
    full stop or semicolon ("办。…"), or on one of at most ``phrase_chars`` closed by a comma
    ("伍，…")? A box opening so carries on a sentence left open elsewhere (see
    ``Settings.carried_clause_chars``)."""
    m = _SHORT_CLAUSE.match(text)
    if m is None:
        return False
    return len(m.group(1)) <= (chars if m.group(2) in "。；" else phrase_chars)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def char_width(ch: str) -> float:
    """Full-width characters count 1, half-width ½; Chinese quotes are set full-width."""
    if ch in "“”‘’…—":
        return 1.0
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


# Full-width for certain (CJK ideographs and punctuation, kana, hangul, full-width forms,
# Chinese quotes): counted by one regex instead of one east_asian_width call a character.
_FULL_WIDTH = re.compile(
    "[\u3000-\u303e\u3040-\u3247\u3250-\u4dbf\u4e00-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe6f\uff00-\uff60“”‘’…—]+"
)
# The characters a sentence end can finish on (see _SENTENCE_END).
_END_CHARS = frozenset("。！？!?…”’」』）)》")


def display_width(text: str) -> float:
    if not text:
        return 0.0
    rest = _FULL_WIDTH.sub("", text)
    width = float(len(text) - len(rest))
    if rest.isascii():  # ASCII is half-width
        return width + 0.5 * len(rest)
    return width + sum(char_width(c) for c in rest)


# Lines are looked at again and again (by blocks, classify, flows, paragraphs): the answers
# for about a page's lines are kept (bounded, so a batch does not grow them).
@lru_cache(maxsize=4096)
def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and text[-1] in _END_CHARS and bool(_SENTENCE_END.search(text))


@lru_cache(maxsize=4096)
def strip_spaces(text: str) -> str:
    """Drop the spaces an extractor inserted; keep one only between two Latin letters/digits."""

    def keep(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        return " " if _LATIN.match(before or "#") and _LATIN.match(after or "#") else ""

    if not _SPACE.search(text):
        return text.strip()
    return _SPACE.sub(keep, text).strip()


@lru_cache(maxsize=4096)
def unspaced(text: str) -> str:
    """The text with no space left in it, not even between Latin letters or digits: what
    its characters read on as, for comparing texts the extractor spaced differently."""
    return _SPACE.sub("", text).strip()


def join_lines(lines: Sequence[str]) -> str:
    """Join wrapped lines: no space between CJK, one between two Latin words."""
    return _join(tuple(lines))


@lru_cache(maxsize=256)
def _join(lines: tuple[str, ...]) -> str:
    out = ""
    for raw in lines:
        line = strip_spaces(raw)
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out
