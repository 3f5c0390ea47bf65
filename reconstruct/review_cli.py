"""``reconstruct review OUT_DIR PAGES...``: the review site of a convert output folder."""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from .batch import find_pages
from .errors import InputError, ReconstructError
from .manifest import read_rows
from .model import Override
from .overrides import load_overrides
from .pipeline import reconstruct_page
from .read import read_page
from .review import PageSummary, prepare_review, write_review_index, write_review_page

__all__ = ["review", "write_site"]

log = logging.getLogger(__name__)

REVIEW_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/
  reconstruct review output/ seeds/
  reconstruct convert seeds/ -o output/ --overrides overrides.json
  reconstruct review output/ seeds/ --overrides overrides.json

\b
Writes OUT_DIR/review/index.html (open it from disk) and one view per page. Each page
is reconstructed again (with --overrides, as convert was run); warnings and lost
characters come from OUT_DIR/manifest.csv, the TEI view from OUT_DIR/<stem>.interview-N.xml.
"""


@click.command(epilog=REVIEW_EXAMPLE)
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("pages", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--overrides", "overrides_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The hand corrections convert was given, so the review shows them.")
def review(out_dir: Path, pages: tuple[Path, ...], overrides_file: Path | None) -> None:
    """Write a static review site of OUT_DIR's pairings into OUT_DIR/review/."""
    files = find_pages(pages)
    if not files:
        raise click.UsageError("no page files (*.txt) found in the paths given")
    try:
        fixes = load_overrides(overrides_file) if overrides_file else {}
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--overrides") from exc
    start = time.perf_counter()
    index, summaries = write_site(out_dir, files, fixes)
    click.echo(f"review of {len(files)} pages in {time.perf_counter() - start:.1f} s: {index}",
               err=True)
    sys.exit(1 if any(s.error for s in summaries) else 0)


def write_site(
    out_dir: Path, files: Sequence[Path], fixes: Mapping[str, tuple[Override, ...]]
) -> tuple[Path, list[PageSummary]]:
    """Reconstruct each page again (as convert did) and write the review site.

    (``convert --review`` does not come here: its workers write each page's view while the
    result is at hand, see :func:`reconstruct.review.index_from_summaries`.)"""
    rows = read_rows(out_dir)
    site = prepare_review(out_dir)
    summaries = []
    for path in files:
        try:
            page = read_page(path)
            result = reconstruct_page(page, overrides=fixes.get(path.name, ()))
            summaries.append(write_review_page(path, result, out_dir, rows.get(path.name, ()),
                                               page=page))
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the review
            if not isinstance(exc, (ReconstructError, OSError, UnicodeError)):
                log.error("%s: internal error", path.name, exc_info=True)
            error = str(exc).removeprefix(f"{path.name}: ")
            click.echo(f"failed: {path.name}: {error}", err=True)
            summaries.append(PageSummary(path.name, error=error))
    return write_review_index(summaries, site), summaries
