"""Stage 1 — read: bytes to numbered lines, with the encoding detected and provenance kept."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .model import Line, Page, PageMeta
from .normalise import fold_radicals
from .settings import Settings

__all__ = ["read_page", "decode_bytes", "page_from_text"]

log = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry (C0 controls other than tab/newline, surrogates, U+FFFE/F).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of decoded characters that must be CJK, Latin, digits or punctuation for a
# guessed encoding to count as text rather than a binary file read as text.
_MIN_TEXT_SHARE = 0.85


# A UTF-8 page with a few invalid sequences (a truncated last character, a stray byte from a
# bad copy) is read as UTF-8 with them replaced by U+FFFD, and a warning: at most 1 in 100
# characters (2 on a short page), and never more than 1 in 20, since a page in GB18030 read
# as UTF-8 fails on nearly every character.
_MAX_BAD_UTF8_SHARE = 0.01
# A page with more NUL bytes than this (and 1 in 1000) is binary or UTF-16 without its BOM;
# fewer are stray characters, removed as illegal in XML like other controls.
_MAX_STRAY_NULS = 8


def decode_bytes(data: bytes, source: str = "page.txt") -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first, GB18030 next, charset-normalizer last.

    Raises :class:`InputError` (never ``UnicodeError``) for a binary or undecodable page.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data, encoding, source), encoding
    nuls = data.count(b"\x00")
    if nuls > max(_MAX_STRAY_NULS, len(data) // 1000):
        text = _utf16_without_bom(data, source)
        return text, "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            if encoding == "utf-8" and (mostly := _mostly_utf8(data, source)) is not None:
                return mostly, "utf-8"
            continue
        if _looks_like_text(text):
            return text, encoding
        if encoding == "utf-8":  # decodes, but mostly control characters
            raise InputError(source, "binary file (control characters), not a text page")
    from charset_normalizer import from_bytes  # imported lazily: rarely needed

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        log.warning("%s: guessed encoding %s", source, best.encoding)
        return str(best), best.encoding
    raise InputError(source, "cannot decode as UTF-8, GB18030 or any likely encoding")


def _decode_bom(data: bytes, encoding: str, source: str) -> str:
    """Text after a byte-order mark; invalid sequences are replaced (U+FFFD) and counted."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
        if bad * 100 > len(text):
            raise InputError(source, f"invalid {encoding} after its byte-order mark") from None
        log.warning("%s: %d invalid %s sequences replaced by U+FFFD", source, bad, encoding)
        return text


def _utf16_without_bom(data: bytes, source: str) -> str:
    """Many NUL bytes: UTF-16 without its byte-order mark if they sit on one side of each
    byte pair (the high byte of ASCII characters) and the text decodes; else binary."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 == 0 and max(even, odd) >= 3 * max(1, min(even, odd)):
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text):
                log.warning("%s: read as %s (no byte-order mark)", source, encoding)
                return text
    raise InputError(source, "binary file (NUL bytes), not a text page")


def _mostly_utf8(data: bytes, source: str) -> str | None:
    """UTF-8 with a few invalid byte sequences replaced by U+FFFD, or None if there are many."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if bad > max(2, len(text) * _MAX_BAD_UTF8_SHARE) or bad * 20 > len(text):
        return None
    if not _looks_like_text(text):
        return None
    log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD", source, bad)
    return text


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True
    # (str.replace, not str.translate: translate looks each character of Chinese text up in
    # the table, 0.3-0.6 ms a page; three replaces take 0.04 ms)
    if sample.replace("\n", "").replace("\r", "").replace("\t", "").isprintable():
        return True  # the usual case, checked in one pass
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    return good / len(sample) >= _MIN_TEXT_SHARE


def page_from_text(text: str, meta: PageMeta | None = None, encoding: str = "utf-8") -> Page:
    """Split decoded text into numbered lines; drop characters XML cannot hold (counted)."""
    meta = meta or PageMeta()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    # Form feed and vertical tab, which XML cannot carry either, are whitespace: pdftotext
    # ends every page with a form feed. Dropped like any other space, not counted as text
    # removed (a count on every page would bury the pages that lost a character); by
    # str.replace, for str.translate costs 0.3 ms on a page of Chinese text.
    text = text.replace("\x0c", "").replace("\x0b", "")
    cleaned, removed = _ILLEGAL_XML.subn("", text)
    if removed:
        log.warning("%s: removed %d characters illegal in XML", meta.source, removed)
    cleaned, folded = fold_radicals(cleaned)
    if folded:
        log.info("%s: folded %d radical code points to ideographs", meta.source, folded)
    lines = tuple(Line(i, t.rstrip()) for i, t in enumerate(cleaned.split("\n"), start=1))
    return Page(lines=lines, meta=meta, encoding=encoding, removed_chars=removed, folded_chars=folded)


# (frozen: the defaults made once, not on every page read without settings of its own)
_DEFAULT_SETTINGS = Settings()


def read_page(
    source: str | Path | bytes,
    meta: PageMeta | None = None,
    settings: Settings | None = None,
) -> Page:
    """Read a page from a path or from bytes."""
    settings = settings or _DEFAULT_SETTINGS
    meta = meta or PageMeta()
    if isinstance(source, (str, Path)):
        path = Path(source)
        if meta.source == PageMeta().source:
            meta = replace(meta, source=path.name)
        try:
            size = path.stat().st_size
            if size > settings.max_input_bytes:
                raise InputError(
                    path.name, f"{size} bytes is over the limit of {settings.max_input_bytes}"
                    " (raise it with --max-bytes)",
                )
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(path.name, exc.strerror or str(exc)) from exc
    else:
        data = source
        if len(data) > settings.max_input_bytes:
            raise InputError(meta.source, f"{len(data)} bytes is over the limit")
    if not data.strip():
        raise InputError(meta.source, "empty page (no text)")
    meta = replace(meta, sha256=hashlib.sha256(data).hexdigest())
    text, encoding = decode_bytes(data, meta.source)
    if not text.strip():
        raise InputError(meta.source, "empty page (whitespace only)")
    return page_from_text(text, meta, encoding)
