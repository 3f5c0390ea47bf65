"""Batch conversion without click: worker processes, one row per page, and the manifest.

Each worker converts one page and returns :class:`PageRow`s; the parent writes the manifest.
A page that fails becomes a row with its error; the batch goes on.
"""

from __future__ import annotations

import csv
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import ReconstructError, TeiValidationError
from .model import PageMeta, PageResult
from .pipeline import reconstruct_file
from .settings import Settings
from .tei import build_tei, document_name, write_tei
from .validate import validate_tei

__all__ = ["PageRow", "Report", "find_pages", "convert_page", "convert_batch", "write_manifest"]

log = logging.getLogger(__name__)

PAGE_SUFFIXES = (".txt", ".text")
MANIFEST_FIELDS = (
    "file", "status", "dc.title", "dc.contributor", "dc.date", "dc.source", "dc.language",
    "dc.identifier", "pairs", "lowest_confidence", "warnings", "lost_chars", "error",
)


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

    def as_csv(self) -> dict[str, str]:
        return {
            "file": self.output,
            "status": self.status,
            "dc.title": self.title,
            "dc.contributor": "||".join(self.contributors),
            "dc.date": self.date,
            "dc.source": self.source,
            "dc.language": "zh-Hans",
            "dc.identifier": Path(self.output).stem if self.output else "",
            "pairs": str(self.pairs),
            "lowest_confidence": "" if self.lowest_confidence is None else f"{self.lowest_confidence:.3f}",
            "warnings": "; ".join(self.warnings),
            "lost_chars": str(self.lost_chars),
            "error": self.error,
        }


@dataclass(slots=True)
class Report:
    """What a batch did; ``return_code`` is the CLI's exit status."""

    rows: list[PageRow] = field(default_factory=list)

    @property
    def failed(self) -> list[PageRow]:
        return [r for r in self.rows if r.status == "failed"]

    @property
    def pages(self) -> int:
        return len({r.source for r in self.rows})

    @property
    def return_code(self) -> int:
        return 1 if self.failed else 0


def find_pages(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Page files named or found (recursively, sorted) under the folders named."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in PAGE_SUFFIXES)
        else:
            found.append(p)
    return found


def _stem(path: Path) -> str:
    """An output stem that cannot leave the output folder."""
    stem = path.stem.replace(os.sep, "_").replace("/", "_").lstrip(".") or "page"
    return stem


def convert_page(
    path: Path, out_dir: Path, settings: Settings, meta: PageMeta | None = None, validate: bool = True
) -> list[PageRow]:
    """Convert one page; never raises for a bad page, returns a failed row instead."""
    try:
        result = reconstruct_file(path, meta, settings)
        return _write(result, path, out_dir, validate)
    except (ReconstructError, OSError, ValueError, UnicodeError) as exc:
        log.warning("%s: %s", path, exc)
        return [PageRow(source=path.name, status="failed", error=str(exc))]


def _write(result: PageResult, path: Path, out_dir: Path, validate: bool) -> list[PageRow]:
    docs = build_tei(result)
    if validate:
        for doc in docs:
            problems = validate_tei(doc.tree)
            if problems:
                raise TeiValidationError(document_name(_stem(path), doc), problems)
    rows = []
    warnings = result.warnings + (
        (f"removed {result.removed_chars} characters illegal in XML",) if result.removed_chars else ()
    )
    for doc in docs:
        target = out_dir / document_name(_stem(path), doc)
        write_tei(doc, target)
        rows.append(_row(result, doc.name, target, warnings))
    if not docs:
        rows.append(PageRow(source=path.name, status="ok", warnings=warnings + ("nothing recovered",)))
    return rows


def _row(result: PageResult, name: str, target: Path, warnings: tuple[str, ...]) -> PageRow:
    meta = result.meta
    if name.startswith("interview-"):
        iv = result.interviews[int(name.split("-")[1]) - 1]
        confidences = [t.confidence for t in iv.turns if t.confidence is not None]
        return PageRow(
            source=meta.source, status="ok", output=target.name, title=iv.title,
            contributors=iv.reporters, date=meta.date or "",
            pairs=sum(1 for t in iv.turns if t.question is not None),
            lowest_confidence=min(confidences) if confidences else None,
            warnings=warnings,
        )
    heads = [a.headline for a in result.articles if a.headline]
    return PageRow(
        source=meta.source, status="ok", output=target.name, title=" / ".join(heads),
        date=meta.date or "", warnings=warnings,
    )


def _work(args: tuple[Path, Path, Settings, PageMeta | None, bool]) -> list[PageRow]:
    return convert_page(*args)


def convert_batch(
    pages: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    metas: dict[str, PageMeta] | None = None,
    validate: bool = True,
    progress: Callable[[Path], None] | None = None,
) -> Report:
    """Convert pages with ``settings.jobs`` worker processes; rows come back in page order."""
    out_dir.mkdir(parents=True, exist_ok=True)
    metas = metas or {}
    tasks = [(p, out_dir, settings, metas.get(p.name), validate) for p in pages]
    report = Report()
    for page, rows in zip(pages, _map(tasks, settings.jobs)):
        report.rows += rows
        if progress:
            progress(page)
    write_manifest(report, out_dir / "manifest.csv")
    return report


def _map(tasks: list[tuple[Path, Path, Settings, PageMeta | None, bool]], jobs: int) -> Iterator[list[PageRow]]:
    if jobs <= 1 or len(tasks) <= 1:
        yield from map(_work, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_work, tasks, chunksize=4)


def write_manifest(report: Report, path: Path) -> None:
    tmp = path.with_suffix(".csv.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_FIELDS)
        writer.writeheader()
        for row in report.rows:
            writer.writerow(row.as_csv())
    os.replace(tmp, path)
    log.info("manifest: %s (%d rows, tool %s)", path, len(report.rows), __version__)
