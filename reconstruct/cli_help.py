"""The command line's texts and small helpers, so that :mod:`reconstruct.cli` stays a thin shell.

Uses click only for its exception types (usage errors exit with code 2)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from .batch import BatchOptions, Report
from .errors import InputError
from .meta import load_meta
from .overrides import load_overrides

__all__ = ["MAIN_EXAMPLE", "CONVERT_EXAMPLE", "INSPECT_EXAMPLE", "VALIDATE_EXAMPLE",
           "batch_options", "summary", "xml_files"]

LOW_CONFIDENCE = 0.2  # worth a reviewer's look: every "low" pair is below it (Settings.low_confidence)
MAX_LISTED = 20  # low-confidence documents named on stderr; the manifest has them all

MAIN_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/ --jobs 4
  reconstruct inspect seeds/000_3fb12ec0478f6414.txt
  reconstruct validate output/

\b
Exit codes: 0 all pages converted (all files valid), 1 some failed, 2 usage error.
"""

CONVERT_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/
  reconstruct convert pages/ -o out/ --jobs 8 --meta pages.csv --overrides fixes.json
  reconstruct convert pages/ -o out/ --jobs 8 --resume     # after an interruption

\b
Writes, per page <stem>.txt:
  <stem>.interview-1.xml   one TEI document per interview
  <stem>.articles.xml      the page's other articles and unassigned text
  manifest.csv             one row per document and per failed page
"""

INSPECT_EXAMPLE = """
\b
Example:
  reconstruct inspect seeds/000_3fb12ec0478f6414.txt
  reconstruct inspect pages/p3.txt --overrides fixes.json

\b
The question numbers are the ones --overrides takes.
"""

VALIDATE_EXAMPLE = """
\b
Example:
  reconstruct validate output/
  reconstruct validate out/p3.interview-1.xml out/p3.articles.xml

\b
Uses jing when it is installed (Debian: jing), lxml otherwise.
"""


def batch_options(
    meta_file: Path | None, overrides_file: Path | None, **flags: bool
) -> BatchOptions:
    """Read --meta and --overrides (a bad file is a usage error) into the batch's options."""
    try:
        metas = load_meta(meta_file) if meta_file else {}
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--meta") from exc
    try:
        overrides = load_overrides(overrides_file) if overrides_file else {}
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--overrides") from exc
    mtime = max((f.stat().st_mtime for f in (meta_file, overrides_file) if f), default=0.0)
    return BatchOptions(metas=metas, overrides=overrides, inputs_mtime=mtime, **flags)


def summary(report: Report, out_dir: Path) -> list[str]:
    """The lines printed after a batch: each failure, low confidences, the totals."""
    lines = [f"failed: {row.source}: {row.error}" for row in report.failed]
    low = 0
    for row in report.iter_rows():  # from the manifest, one row at a time
        if row.lowest_confidence is not None and row.lowest_confidence < LOW_CONFIDENCE:
            low += 1
            if low <= MAX_LISTED:
                lines.append(f"low confidence: {row.output}: lowest pairing "
                             f"{row.lowest_confidence:.2f}")
    if low > MAX_LISTED:
        lines.append(f"… {low - MAX_LISTED} more with low confidence (see manifest.csv)")
    failed = len({r.source for r in report.failed})
    docs = report.documents
    lines.append(f"{report.pages} pages: {report.converted} converted, {report.skipped} skipped "
                 f"as current, {failed} failed; {docs} documents; "
                 f"manifest: {out_dir / 'manifest.csv'}")
    return lines


def xml_files(paths: Iterable[Path]) -> list[Path]:
    """Files named, and *.xml found under folders named (sorted)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found += sorted(x for x in p.rglob("*.xml") if x.is_file()
                            and not x.name.startswith("."))
        else:
            found.append(p)
    return found
