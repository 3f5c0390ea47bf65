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
from .cli_help import CONVERT_EXAMPLE, INSPECT_EXAMPLE, MAIN_EXAMPLE, VALIDATE_EXAMPLE
from .cli_help import batch_options, summary, xml_files
from .errors import InputError
from .evaluate import evaluate_dir
from .evaluate_report import format_report, report_to_json
from .inspection import format_inspection
from .overrides import load_overrides
from .pipeline import reconstruct_file
from .settings import Settings
from .validate_files import jing_path, validate_files

log = logging.getLogger(__name__)

EVALUATE_EXAMPLE = """
\b
Example:
  reconstruct convert seeds/ -o output/
  reconstruct evaluate ../shared/gold/ output/ --per-page

\b
Scores each GOLD_DIR/<stem>.json against OUT_DIR/<stem>.*.xml with the figures of
shared/eval/score.py; groups pages by the gold's "mode" (or the stem's _suffix).
"""


@click.group(epilog=MAIN_EXAMPLE)
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
@click.option("--meta", "meta_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV or JSON: page file → newspaper, date, page, url, licence.")
@click.option("--overrides", "overrides_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON (or YAML): page → question number → {speaker, starts}; hand corrections.")
@click.option("--resume", is_flag=True,
              help="Skip pages whose outputs are newer than them and made by this version.")
@click.option("--force", is_flag=True,
              help="Replace files of our names that reconstruct did not write.")
@click.option("--fail-fast", is_flag=True,
              help="Stop at the first failed page and raise its error.")
@click.option("--review", "with_review", is_flag=True,
              help="Also write the review site into OUTPUT/review/ (see: reconstruct review).")
def convert(paths: tuple[Path, ...], out_dir: Path, jobs: int, validate: bool, max_bytes: int,
            meta_file: Path | None, overrides_file: Path | None, resume: bool, force: bool,
            fail_fast: bool, with_review: bool) -> None:
    """Convert page text files (or folders of them) to TEI."""
    settings = Settings(jobs=jobs, max_input_bytes=max_bytes)
    pages = find_pages(paths)
    if not pages:
        raise click.UsageError("no page files (*.txt) found in the paths given")
    options = batch_options(meta_file, overrides_file, validate=validate, resume=resume,
                            force=force, fail_fast=fail_fast, review=with_review)
    with click.progressbar(length=len(pages), label="Converting", file=sys.stderr,
                           hidden=not sys.stderr.isatty()) as bar:
        report = convert_batch(pages, out_dir, settings, options, progress=lambda _p: bar.update(1))
    for line in summary(report, out_dir):
        click.echo(line, err=True)
    if with_review:
        click.echo(f"review: {out_dir / 'review' / 'index.html'}", err=True)
    sys.exit(report.return_code)


@main.command(epilog=INSPECT_EXAMPLE)
@click.argument("page", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--overrides", "overrides_file",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Apply this page's hand corrections first.")
def inspect(page: Path, overrides_file: Path | None) -> None:
    """Show each question's chosen answer, its score and the runner-up; the leftovers."""
    try:
        fixes = load_overrides(overrides_file).get(page.name, ()) if overrides_file else ()
    except InputError as exc:
        raise click.BadParameter(str(exc), param_hint="--overrides") from exc
    try:
        result = reconstruct_file(page, overrides=fixes)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(format_inspection(result))


@main.command(epilog=VALIDATE_EXAMPLE)
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check TEI files (or folders of *.xml) against tei_all; one line per invalid file."""
    paths = xml_files(files)
    if not paths:
        raise click.UsageError("no *.xml files in the paths given")
    bad = validate_files(paths)
    for path, message in bad.items():
        click.echo(f"{path}: {message}")
    tool = "jing" if jing_path() else "lxml"
    click.echo(f"{len(paths) - len(bad)} of {len(paths)} files valid against tei_all ({tool})",
               err=True)
    sys.exit(1 if bad else 0)


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


from .review_cli import review  # noqa: E402  (its own module: reconstruct review)

main.add_command(review)
