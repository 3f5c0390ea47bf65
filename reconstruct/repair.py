"""Text repair: display widths, joining wrapped lines, removing extraction spaces."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["display_width", "ends_sentence", "join_lines", "strip_spaces", "is_cjk"]

# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[。！？!?…][”’」』）)》]*$|[。！？!?][”’」』）)》]*[”’」』）)》]$")
_SPACE = re.compile(r"[ \t\u3000\u00a0]+")
_LATIN = re.compile(r"[A-Za-z0-9]")


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def char_width(ch: str) -> float:
    """Full-width characters count 1, half-width ½; Chinese quotes are set full-width."""
    if ch in "“”‘’…—":
        return 1.0
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


def display_width(text: str) -> float:
    return sum(char_width(c) for c in text)


def ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def strip_spaces(text: str) -> str:
    """Drop the spaces an extractor inserted; keep one only between two Latin letters/digits."""

    def keep(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        return " " if _LATIN.match(before or "#") and _LATIN.match(after or "#") else ""

    return _SPACE.sub(keep, text).strip()


def join_lines(lines: Sequence[str]) -> str:
    """Join wrapped lines: no space between CJK, one between two Latin words."""
    out = ""
    for raw in lines:
        line = strip_spaces(raw)
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out
