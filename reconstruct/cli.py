"""Command line: a thin click shell over the library. Exit codes: 0 all pages converted and
valid, 1 some pages failed, 2 usage errors (click's own)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import __version__
from .batch import convert_batch, find_pages
from .evaluate import evaluate_dir, format_report, report_to_json
from .settings import Settings

log = logging.getLogger(__name__)

CONVERT_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/
  reconstruct convert pages/*.txt -o out/ --jobs 2

\b
Writes, per page <stem>.txt:
  <stem>.interview-1.xml   one TEI document per interview
  <stem>.articles.xml      the page's other articles and unassigned text
  manifest.csv             one row per document and per failed page
"""


EVALUATE_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/
  reconstruct evaluate ../shared/gold/ output/ --per-page

\b
Scores each GOLD_DIR/<stem>.json against OUT_DIR/<stem>.*.xml with the figures of
shared/eval/score.py; groups pages by the gold's "mode" (or the stem's _suffix).
"""


@click.group(epilog="Example: reconstruct convert seeds/ -o output/")
@click.version_option(__version__, prog_name="reconstruct")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def main(verbose: int, quiet: bool) -> None:
    """Rebuild interview transcripts from Chinese newspaper page dumps as TEI P5."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


@main.command(epilog=CONVERT_EXAMPLE)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the TEI files and manifest.csv.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check every document against tei_all before writing it.")
@click.option("--max-bytes", default=Settings().max_input_bytes, show_default=True,
              type=click.IntRange(1), help="Refuse pages larger than this.")
def convert(paths: tuple[Path, ...], out_dir: Path, jobs: int, validate: bool, max_bytes: int) -> None:
    """Convert page text files (or folders of them) to TEI."""
    settings = Settings(jobs=jobs, max_input_bytes=max_bytes)
    pages = find_pages(paths)
    if not pages:
        raise click.UsageError("no page files (*.txt) found in the paths given")
    show = sys.stderr.isatty()
    with click.progressbar(length=len(pages), label="Converting", file=sys.stderr,
                           hidden=not show) as bar:
        report = convert_batch(pages, out_dir, settings, validate=validate,
                               progress=lambda _p: bar.update(1))
    for row in report.failed:
        click.echo(f"failed: {row.source}: {row.error}", err=True)
    for row in report.rows:
        if row.lowest_confidence is not None and row.lowest_confidence < 0.2:
            click.echo(f"low confidence: {row.output}: lowest pairing {row.lowest_confidence:.2f}", err=True)
    docs = sum(1 for r in report.rows if r.output)
    click.echo(f"{report.pages - len(report.failed)} of {report.pages} pages converted, "
               f"{docs} documents in {out_dir}", err=True)
    sys.exit(report.return_code)


@main.command(epilog=EVALUATE_EXAMPLE)
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--per-page", is_flag=True, help="Add one table row per page.")
def evaluate(gold_dir: Path, out_dir: Path, as_json: bool, per_page: bool) -> None:
    """Score the TEI in OUT_DIR against the gold pages (*.json) in GOLD_DIR."""
    report = evaluate_dir(gold_dir, out_dir)
    if not report.pages:
        raise click.UsageError(f"no gold pages (*.json) in {gold_dir}")
    if as_json:
        click.echo(json.dumps(report_to_json(report), ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report, per_page=per_page))
