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
from .settings import Settings

__all__ = ["read_page", "decode_bytes", "page_from_text"]

log = logging.getLogger(__name__)

# Characters XML 1.0 cannot carry (C0 controls other than tab/newline, surrogates, U+FFFE/F).
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
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


def decode_bytes(data: bytes, source: str = "page.txt") -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first, GB18030 next, charset-normalizer last."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    if b"\x00" in data[:4096] and data.count(b"\x00") > len(data) // 1000:
        raise InputError(source, "binary file (NUL bytes), not a text page")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
    from charset_normalizer import from_bytes  # imported lazily: rarely needed

    best = from_bytes(data).best()
    if best is not None and _looks_like_text(str(best)):
        log.warning("%s: guessed encoding %s", source, best.encoding)
        return str(best), best.encoding
    raise InputError(source, "cannot decode as UTF-8, GB18030 or any likely encoding")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return True
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    return good / len(sample) >= _MIN_TEXT_SHARE


def page_from_text(text: str, meta: PageMeta | None = None, encoding: str = "utf-8") -> Page:
    """Split decoded text into numbered lines; drop characters XML cannot hold (counted)."""
    meta = meta or PageMeta()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    cleaned, removed = _ILLEGAL_XML.subn("", text)
    if removed:
        log.warning("%s: removed %d characters illegal in XML", meta.source, removed)
    lines = tuple(Line(i, t.rstrip()) for i, t in enumerate(cleaned.split("\n"), start=1))
    return Page(lines=lines, meta=meta, encoding=encoding, removed_chars=removed)


def read_page(
    source: str | Path | bytes,
    meta: PageMeta | None = None,
    settings: Settings | None = None,
) -> Page:
    """Read a page from a path or from bytes."""
    settings = settings or Settings()
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
