"""The batch's manifest: one CSV row per output document and per failed page.

Column names follow Dublin Core (``dc.title`` …) so the file suits a DSpace-style CSV import;
``file``, ``status``, ``pairs``, ``lowest_confidence``, ``warnings``, ``lost_chars`` and
``error`` say how each conversion went. While a batch runs, rows are appended to a journal
(``.manifest.partial.csv``) so that ``--resume`` after a kill still knows the pages done.
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["MANIFEST", "JOURNAL", "MANIFEST_FIELDS", "PageRow", "write_manifest", "read_rows",
           "iter_rows", "Journal", "ManifestWriter"]

log = logging.getLogger(__name__)

MANIFEST = "manifest.csv"
JOURNAL = ".manifest.partial.csv"
MANIFEST_FIELDS = (
    "file", "status", "dc.title", "dc.contributor", "dc.date", "dc.source", "dc.language",
    "dc.identifier", "dc.publisher", "dc.rights", "pairs", "lowest_confidence", "warnings",
    "lost_chars", "error",
)
_SEP = "||"  # DSpace's separator of repeated values


@dataclass(frozen=True, slots=True)
class PageRow:
    """One manifest row: an output document of a page, or the page's failure."""

    source: str
    status: str  # "ok" | "failed"
    output: str = ""
    title: str = ""
    contributors: tuple[str, ...] = ()
    date: str = ""
    pairs: int = 0
    lowest_confidence: float | None = None
    warnings: tuple[str, ...] = ()
    lost_chars: int = 0
    error: str = ""
    publisher: str = ""
    rights: str = ""

    def as_csv(self) -> dict[str, str]:
        return {
            "file": self.output,
            "status": self.status,
            "dc.title": self.title,
            "dc.contributor": _SEP.join(self.contributors),
            "dc.date": self.date,
            "dc.source": self.source,
            "dc.language": "zh-Hans",
            "dc.identifier": Path(self.output).stem if self.output else "",
            "dc.publisher": self.publisher,
            "dc.rights": self.rights,
            "pairs": str(self.pairs),
            "lowest_confidence": "" if self.lowest_confidence is None
            else f"{self.lowest_confidence:.3f}",
            "warnings": "; ".join(self.warnings),
            "lost_chars": str(self.lost_chars),
            "error": self.error,
        }

    @classmethod
    def from_csv(cls, rec: Mapping[str, str]) -> PageRow:
        low = rec.get("lowest_confidence") or ""
        return cls(
            source=rec.get("dc.source", ""), status=rec.get("status", ""),
            output=rec.get("file", ""), title=rec.get("dc.title", ""),
            contributors=tuple(c for c in (rec.get("dc.contributor") or "").split(_SEP) if c),
            date=rec.get("dc.date", ""), pairs=int(rec.get("pairs") or 0),
            lowest_confidence=float(low) if low else None,
            warnings=tuple(w for w in (rec.get("warnings") or "").split("; ") if w),
            lost_chars=int(rec.get("lost_chars") or 0), error=rec.get("error", ""),
            publisher=rec.get("dc.publisher", ""), rights=rec.get("dc.rights", ""),
        )


def write_manifest(rows: Iterable[PageRow], path: Path) -> None:
    """Write the manifest atomically (a temporary file, then a rename)."""
    writer = ManifestWriter(path)
    try:
        writer.add(rows)
    except BaseException:
        writer.abandon()
        raise
    writer.close()


class ManifestWriter:
    """The manifest written as rows come, into a temporary file that :meth:`close` renames
    into place (so a batch need not keep its rows until the end)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tmp = path.with_name(f".{path.name}.tmp")
        self._fh: IO[str] = self._tmp.open("w", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._fh, fieldnames=MANIFEST_FIELDS)
        self._writer.writeheader()
        self.count = 0

    def add(self, rows: Iterable[PageRow]) -> None:
        for row in rows:
            self._writer.writerow(row.as_csv())
            self.count += 1

    def close(self) -> None:
        self._fh.close()
        os.replace(self._tmp, self.path)
        log.info("manifest: %s (%d rows)", self.path, self.count)

    def abandon(self) -> None:
        """Close without writing the manifest (the temporary file is removed)."""
        self._fh.close()
        self._tmp.unlink(missing_ok=True)


def iter_rows(path: Path) -> Iterator[PageRow]:
    """The rows of a manifest (or journal) file, one at a time."""
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            yield PageRow.from_csv(rec)


def read_rows(out_dir: Path) -> dict[str, list[PageRow]]:
    """Rows of an earlier run by page file name: the manifest, then the journal (newer)."""
    rows: dict[str, list[PageRow]] = {}
    for path in (out_dir / MANIFEST, out_dir / JOURNAL):
        found: dict[str, list[PageRow]] = {}
        try:
            for row in iter_rows(path):
                found.setdefault(row.source, []).append(row)
        except FileNotFoundError:
            continue
        except (OSError, ValueError, csv.Error) as exc:
            log.warning("%s: cannot read earlier rows: %s", path, exc)
            continue
        rows.update(found)
    return rows


class Journal:
    """Rows appended as pages finish, flushed each time; removed once the manifest is written."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / JOURNAL
        self._fh: IO[str] = self.path.open("w", newline="", encoding="utf-8")
        self._writer = csv.DictWriter(self._fh, fieldnames=MANIFEST_FIELDS)
        self._writer.writeheader()

    def add(self, rows: Iterable[PageRow]) -> None:
        for row in rows:
            self._writer.writerow(row.as_csv())
        self._fh.flush()

    def close(self, remove: bool) -> None:
        self._fh.close()
        if remove:
            self.path.unlink(missing_ok=True)
