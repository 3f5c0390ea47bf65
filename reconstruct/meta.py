"""Page metadata that is not on the page (``--meta FILE``): newspaper, date, page, url, licence.

A CSV file with a header row, or a JSON file (an object keyed by page file name, or a list of
objects with a ``file`` key). What a row leaves empty stays unknown: nothing is invented.
"""

from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import PageMeta

__all__ = ["META_FIELDS", "load_meta", "iso_date", "split_title", "xml_safe"]

log = logging.getLogger(__name__)

META_FIELDS = ("newspaper", "date", "page", "url", "licence")
_FILE_KEYS = ("file", "page_file", "source", "filename")
_ALIASES = {"license": "licence", "newspaper_title": "newspaper", "title": "newspaper"}
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?)?\s*$")
# What XML 1.0 cannot hold, and lone surrogates (a file name that was not UTF-8)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")
# A post in a guest's roster title: an optional rank, an optional party body, the office.
_POST = (
    r"(?:常务|执行|名誉)?副?(?:党组|党委|党工委|党总支|党支部|总支|支部|纪委|纪工委)?副?"
    r"(?:书记|主任|局长|区长|县长|市长|镇长|乡长|省长|州长|旗长|厅长|部长|处长|科长|所长|院长|"
    r"校长|园长|馆长|站长|队长|组长|社长|会长|行长|台长|庭长|检察长|主席|理事长|董事长|总经理|"
    r"经理|总裁|总监|秘书长|主任委员|委员|主委|负责人|调研员|巡视员|总编辑|主编|总工|指挥长|"
    r"政委|教授|研究员|专家|代表|首席|书记员)"
)
_POSTS = re.compile(rf"{_POST}(?:[、，,和及与兼]{_POST})*")


def load_meta(path: str | Path) -> dict[str, PageMeta]:
    """Page file name → :class:`PageMeta` (``source`` set to the name), from CSV or JSON."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise InputError(path.name, f"cannot read metadata: {exc}") from exc
    records = _json_records(raw, path) if path.suffix.lower() == ".json" else _csv_records(raw)
    metas: dict[str, PageMeta] = {}
    for rec in records:
        name, meta = _meta(rec, path)
        if name in metas:
            log.warning("%s: %s listed twice; the later row wins", path.name, name)
        metas[name] = meta
    log.info("metadata for %d pages from %s", len(metas), path)
    return metas


def xml_safe(text: str) -> str:
    """The text with each character XML or UTF-8 cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def iso_date(text: str | None) -> str | None:
    """``2024-07-06``, ``2024/7/6``, ``2024年7月6日``, ``2024-07`` → ISO 8601; else ``None``."""
    if not text:
        return None
    if m := _YEAR.match(text):
        return m.group(1)
    m = _DATE.match(text)
    if not m:
        return None
    year, month, day = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12 or (day and not 1 <= int(day) <= 31):
        return None
    return f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")


@lru_cache(maxsize=1024)
def split_title(title: str) -> tuple[str, str]:
    """A roster title as (affiliation, post): ``某区教育委员会党委副书记、主任`` →
    (``某区教育委员会``, ``党委副书记、主任``). The post is the longest tail made only of posts;
    without one the whole title is the affiliation. The two parts always rejoin to the title.
    (Kept for about a page's titles and their pieces: the roster checks ask again and again.)"""
    for i in range(len(title)):
        if _POSTS.fullmatch(title, i):
            return title[:i], title[i:]
    return title, ""


def _csv_records(raw: str) -> list[dict[str, Any]]:
    return list(csv.DictReader(raw.splitlines()))


def _json_records(raw: str, path: Path) -> Iterable[Mapping[str, Any]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(path.name, f"metadata is not JSON: {exc}") from exc
    if isinstance(data, dict):
        return [{"file": name, **(fields or {})} for name, fields in data.items()]
    if isinstance(data, list) and all(isinstance(r, dict) for r in data):
        return data
    raise InputError(path.name, "metadata JSON must be an object keyed by page file, or a list")


def _meta(record: Mapping[str, Any], path: Path) -> tuple[str, PageMeta]:
    rec = {_ALIASES.get(str(k).strip().lower(), str(k).strip().lower()): v
           for k, v in record.items() if k is not None}
    name = next((str(rec[k]).strip() for k in _FILE_KEYS if rec.get(k)), "")
    if not name:
        raise InputError(path.name, f"metadata row without a page file name: {dict(record)}")
    name = xml_safe(Path(name).name)
    unknown = set(rec) - set(META_FIELDS) - set(_FILE_KEYS)
    if unknown:
        log.debug("%s: ignoring columns %s", path.name, ", ".join(sorted(unknown)))
    values = {k: _clean(rec.get(k)) for k in META_FIELDS}
    return name, PageMeta(source=name, **values)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = xml_safe(str(value).strip())
    return text or None
