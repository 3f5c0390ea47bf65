"""Batch conversion without click: worker processes, one row per document, and the manifest.

Each worker converts one page and returns :class:`PageRow`s; the parent journals them as they
come and writes ``manifest.csv`` at the end. A page that fails becomes a row with its error
and the batch goes on. Documents are written atomically, so a killed batch leaves no partial
XML; ``resume`` skips pages whose outputs are current.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Any
from pathlib import Path

import numpy as np
from lxml import etree

from . import __version__
from .errors import InputError, ReconstructError, TeiValidationError
from .manifest import MANIFEST, Journal, ManifestWriter, PageRow, iter_rows, read_rows, write_manifest
from .meta import xml_safe
from .model import Override, Page, PageMeta, PageResult
from .lexicon import preload_words
from .pipeline import reconstruct_page
from .read import read_page
from .settings import Settings
from .tei import TEI_NS, TeiDocument, build_tei, document_name, stage_tei, write_tei
from .validate import Problem, validate_tei

__all__ = ["PageRow", "Report", "BatchOptions", "find_pages", "convert_page", "convert_batch",
           "write_manifest", "is_current", "tool_version"]

log = logging.getLogger(__name__)

PAGE_SUFFIXES = (".txt", ".text")
_VERSION = re.compile(rb'<application ident="reconstruct" version="([^"]+)"')
_HEAD_BYTES = 32_768  # the appInfo sits in the first few KB of the header
_QUEUED_PER_JOB = 2  # tasks handed to the worker pool ahead, per worker
# Pages a worker converts per task: each task costs the parent (pickling, the pool's
# threads, one wake-up) about a millisecond, a tenth of a page's conversion, which on two
# cores is taken from the workers; four pages a task cut it to a quarter.
_PAGES_PER_TASK = 4
# While tei_all compiles with a worker fewer at work (see _compiling_alone), a task holds
# this many tasks' pages: the one busy worker waits for the parent a quarter as often.
_COMPILE_TASK_TASKS = 4
# Pages whose documents may wait, staged on disk, for the validator: what the workers
# convert while tei_all compiles (about 10 s, some 800 pages a worker) fits below it, so the
# compile still overlaps the conversion; past it the workers wait for the validator, and a
# batch of any size stages no more than this at once.
_STAGED_PER_JOB = 1000


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How a batch runs, beyond the per-page :class:`Settings`."""

    validate: bool = True
    resume: bool = False  # skip pages whose outputs are current
    force: bool = False  # replace files of our names that reconstruct did not write
    fail_fast: bool = False  # stop at the first failed page and re-raise its error
    metas: Mapping[str, PageMeta] = field(default_factory=dict)  # page file name → metadata
    overrides: Mapping[str, tuple[Override, ...]] = field(default_factory=dict)
    inputs_mtime: float = 0.0  # outputs older than this (meta/overrides file) are stale
    review: bool = False  # also write each page's review view, and the review index


@dataclass(slots=True)
class Report:
    """What a batch did; ``return_code`` is the CLI's exit status.

    The rows themselves go to the manifest as pages finish; the report keeps counts and the
    failed rows, so its size does not grow with the batch. ``rows`` reads the manifest back.
    """

    converted: int = 0  # pages converted in this run (not skipped, not failed)
    skipped: int = 0  # pages skipped by resume
    pages: int = 0  # pages with rows (distinct page file names)
    documents: int = 0  # rows that name an output document
    failed: list[PageRow] = field(default_factory=list)
    manifest: Path | None = None

    def iter_rows(self) -> Iterator[PageRow]:
        """The manifest's rows in page order, read one at a time."""
        if self.manifest is not None and self.manifest.exists():
            yield from iter_rows(self.manifest)

    @property
    def rows(self) -> list[PageRow]:
        return list(self.iter_rows())

    @property
    def return_code(self) -> int:
        return 1 if self.failed else 0


@dataclass(frozen=True, slots=True)
class _Task:
    path: Path
    out_dir: Path
    settings: Settings
    meta: PageMeta | None
    overrides: tuple[Override, ...]
    validate: bool
    force: bool
    review: bool = False
    # the page's documents in the output folder when the batch started (None: look)
    earlier: tuple[str, ...] | None = None
    # leave validation to the batch: write the documents to temporary files beside their
    # targets (see _Staged) instead of validating and writing them
    stage: bool = False


@dataclass(frozen=True, slots=True)
class _Staged:
    """A converted page whose documents wait in temporary files for the validator's word:
    renamed onto their targets if every one is valid, removed otherwise."""

    rows: list[PageRow]
    files: tuple[tuple[str, Path, Path], ...] = ()  # (document name, temporary file, target)


def find_pages(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Page files named or found (recursively, sorted) under the folders named."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(x for x in p.rglob("*")
                            if x.is_file() and x.suffix.lower() in PAGE_SUFFIXES)
        else:
            found.append(p)
    return list(dict.fromkeys(found))  # a page named twice is converted once


def _stem(path: Path) -> str:
    """An output stem that cannot leave the output folder and that XML, CSV and UTF-8 carry."""
    return xml_safe(path.stem).replace(os.sep, "_").replace("/", "_").lstrip(".") or "page"


def _name(path: Path) -> str:
    """The page's file name as the documents and the manifest give it."""
    return xml_safe(path.name)


def _outputs(out_dir: Path, stem: str, listing: Mapping[str, Sequence[str]] | None = None
             ) -> list[Path]:
    """The documents an earlier run wrote for a page stem; from ``listing`` (see
    :func:`_listing`) when given, else from the folder."""
    if listing is not None:
        return sorted(out_dir / name for name in listing.get(stem, ()))
    names = [out_dir / f"{stem}.articles.xml"]
    names += out_dir.glob(f"{_glob_escape(stem)}.interview-*.xml")
    return sorted(p for p in names if p.is_file())


def _listing(out_dir: Path) -> dict[str, list[str]]:
    """The folder's files that :func:`_outputs` would find, by page stem, from one listing.

    Globbing the folder for every page reads the whole folder each time: quadratic in the
    batch (16 ms a page with 20,000 documents there). A batch writes only its own pages'
    documents, so the listing taken at its start answers for every page."""
    by_stem: dict[str, list[str]] = {}
    with os.scandir(out_dir) as entries:
        for entry in entries:
            name = entry.name
            if not name.endswith(".xml") or not entry.is_file():
                continue
            if name.endswith(_ARTICLES):
                by_stem.setdefault(name[: -len(_ARTICLES)], []).append(name)
            at = name.find(_INTERVIEW)
            while at >= 0:  # "<stem>.interview-*.xml", whatever the stem holds
                if at + len(_INTERVIEW) <= len(name) - len(".xml"):
                    by_stem.setdefault(name[:at], []).append(name)
                at = name.find(_INTERVIEW, at + 1)
    return by_stem


_ARTICLES = ".articles.xml"
_INTERVIEW = ".interview-"


def _glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def tool_version(path: Path) -> str | None:
    """The reconstruct version that wrote a TEI file, from its appInfo (None: not ours)."""
    try:
        with path.open("rb") as fh:
            m = _VERSION.search(fh.read(_HEAD_BYTES))
    except OSError:
        return None
    return m.group(1).decode() if m else None


def is_current(page: Path, out_dir: Path, newer_than: float = 0.0,
               listing: Mapping[str, Sequence[str]] | None = None) -> bool:
    """The page's outputs exist, are newer than it (and ``newer_than``), and were made by
    this version of reconstruct."""
    outs = _outputs(out_dir, _stem(page), listing)
    if not outs:
        return False
    oldest = min(p.stat().st_mtime for p in outs)
    return (oldest >= max(page.stat().st_mtime, newer_than)
            and all(tool_version(p) == __version__ for p in outs))


# --- one page -----------------------------------------------------------------------------


def convert_page(task: _Task, raise_errors: bool = False) -> list[PageRow]:
    """Convert one page; a bad page returns a failed row (or raises, with ``raise_errors``)."""
    return _convert(replace(task, stage=False), raise_errors).rows


def _convert(task: _Task, raise_errors: bool = False) -> _Staged:
    """:func:`convert_page`; with ``task.stage`` the documents are left unvalidated in
    temporary files for :func:`_commit`."""
    name = _name(task.path)
    try:
        page = read_page(task.path, replace(task.meta or PageMeta(), source=name), task.settings)
        result = reconstruct_page(page, settings=task.settings, overrides=task.overrides)
        docs = build_tei(result)
        if task.validate and not task.stage:
            _validate(docs, _stem(task.path))
        lost = _lost_chars(page, docs, task.settings) + page.removed_chars
        staged = _write(result, docs, task, lost)
        if task.review:  # the page's view, written while its result is at hand
            from .review import save_summary, write_review_page

            save_summary(write_review_page(task.path, result, task.out_dir, staged.rows,
                                           page=page), task.out_dir)
        return staged
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        if raise_errors:
            raise
        return _Staged(_failed(task, exc))


def _failed(task: _Task, exc: Exception) -> list[PageRow]:
    """A failed page's row; its documents are removed."""
    name = _name(task.path)
    _remove_outputs(task.out_dir, _stem(task.path), keep=(), force=False)
    if isinstance(exc, (ReconstructError, OSError, UnicodeError)):
        log.info("%s: %s", name, exc)  # the report names every failed page
        error = str(exc).removeprefix(f"{name}: ")
    else:
        log.error("%s: internal error", name, exc_info=True)
        error = f"internal error: {type(exc).__name__}: {exc}"
    return [PageRow(source=name, status="failed", error=error)]


def _validate(docs: Sequence[TeiDocument], stem: str) -> None:
    for doc in docs:
        problems = validate_tei(doc.tree)
        if problems:
            raise TeiValidationError(document_name(stem, doc), problems)


def _lost_chars(page: Page, docs: Sequence[TeiDocument], settings: Settings) -> int:
    """Letters and digits of the page that appear in none of its documents (the roster's
    label, which the guest list replaces, does not count)."""
    label = re.compile("(?:" + "|".join(map(re.escape, settings.roster_labels)) + ")[：:]")
    text = label.sub("", "\n".join(line.text for line in page.lines))
    return _missing(text, "".join(t for doc in docs for t in doc.tree.getroot().itertext()))


def _missing(text: str, out: str) -> int:
    """How many of the letters and digits of ``text`` (repeats counted) ``out`` lacks: the
    sum over characters of max(0, count in text - count in out). Both texts' characters
    are counted by numpy over their code points, half the cost of two Counters."""
    chars, counts = _code_point_counts(text)
    keep = np.fromiter((chr(c).isalnum() for c in chars.tolist()), bool, len(chars))
    chars, counts = chars[keep], counts[keep]
    have, have_counts = _code_point_counts(out)
    if not len(have) or not len(chars):
        return int(counts.sum())
    at = np.minimum(np.searchsorted(have, chars), len(have) - 1)
    found = np.where(have[at] == chars, have_counts[at], 0)
    return int(np.maximum(counts - found, 0).sum())


def _code_point_counts(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The text's distinct code points (sorted) and how often each occurs."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
    return np.unique(points, return_counts=True)


def _write(
    result: PageResult, docs: Sequence[TeiDocument], task: _Task, lost: int
) -> _Staged:
    stem = _stem(task.path)
    targets = [task.out_dir / document_name(stem, doc) for doc in docs]
    for target in targets:
        # (an empty file is a document a crash cut short before it reached the disk)
        if target.exists() and not task.force and tool_version(target) is None and target.stat().st_size:
            raise InputError(_name(task.path), f"{target.name} exists and was not written by "
                             "reconstruct; --force replaces it")
    warnings = result.warnings
    if result.removed_chars:
        warnings += (f"removed {result.removed_chars} characters illegal in XML",)
    rows = []
    files: list[tuple[str, Path, Path]] = []
    try:
        for doc, target in zip(docs, targets):
            if task.stage:
                files.append((document_name(stem, doc), stage_tei(doc, target), target))
            else:
                write_tei(doc, target)
            rows.append(_row(result, doc.name, target, warnings, lost))
    except BaseException:
        _discard(files)
        raise
    if not files:  # (staged documents are renamed, and older ones removed, by _commit)
        _remove_outputs(task.out_dir, stem, keep=targets, force=task.force, earlier=task.earlier)
    if not docs:
        rows.append(PageRow(source=_name(task.path), status="ok", lost_chars=lost,
                            warnings=warnings + ("nothing recovered",)))
    return _Staged(rows, tuple(files))


def _discard(files: Iterable[tuple[str, Path, Path]]) -> None:
    for _, tmp, _ in files:
        tmp.unlink(missing_ok=True)


def _check_staged(files: Sequence[tuple[str, str]]) -> list[tuple[str, list[Problem]]]:
    """The validator process's work: each staged file (document name, temporary file) parsed
    back and checked against tei_all; the bytes checked are the bytes that will be renamed
    into place."""
    return [(name, validate_tei(etree.parse(tmp))) for name, tmp in files]


def _commit(task: _Task, staged: _Staged, checked: Sequence[tuple[str, list[Problem]]]
            ) -> list[PageRow]:
    """Rename a page's staged documents into place when all are valid; otherwise remove
    them and fail the page, as a page that failed validation in a worker would."""
    try:
        bad = next(((name, problems) for name, problems in checked if problems), None)
        if bad is not None:
            raise TeiValidationError(*bad)
        for _, tmp, target in staged.files:
            os.replace(tmp, target)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop the batch
        _discard(staged.files)
        return _failed(task, exc)
    _remove_outputs(task.out_dir, _stem(task.path), keep=[t for _, _, t in staged.files],
                    force=task.force, earlier=task.earlier)
    return staged.rows


def _remove_outputs(out_dir: Path, stem: str, keep: Sequence[Path], force: bool,
                    earlier: Sequence[str] | None = None) -> None:
    """Remove an earlier run's documents of this page that this run did not write
    (``earlier``: their names when the batch listed the folder at its start)."""
    found = _outputs(out_dir, stem, None if earlier is None else {stem: earlier})
    for old in found:
        if old not in keep and (force or tool_version(old) is not None):
            old.unlink(missing_ok=True)


def _row(result: PageResult, name: str, target: Path, warnings: tuple[str, ...],
         lost: int) -> PageRow:
    meta = result.meta
    common: dict[str, Any] = dict(
        source=meta.source, status="ok", output=target.name, date=meta.date or "",
        warnings=warnings, lost_chars=lost, publisher=meta.newspaper or "", rights=meta.licence or "",
    )
    if name.startswith("interview-"):
        iv = result.interviews[int(name.split("-")[1]) - 1]
        confidences = [t.confidence for t in iv.turns if t.confidence is not None]
        return PageRow(title=iv.title, contributors=iv.reporters,
                       pairs=sum(1 for t in iv.turns if t.question is not None),
                       lowest_confidence=min(confidences) if confidences else None, **common)
    heads = [a.headline for a in result.articles if a.headline]
    return PageRow(title=" / ".join(heads), **common)


# --- many pages -----------------------------------------------------------------------------


def convert_batch(
    pages: Sequence[Path],
    out_dir: Path,
    settings: Settings,
    options: BatchOptions | None = None,
    progress: Callable[[Path], None] | None = None,
    validate: bool | None = None,
) -> Report:
    """Convert pages with ``settings.jobs`` worker processes; rows come back in page order.

    ``validate`` is a shortcut for ``options.validate``."""
    options = options or BatchOptions()
    if validate is not None:
        options = replace(options, validate=validate)
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_temporaries(out_dir)
    earlier = read_rows(out_dir) if options.resume else {}
    listing = _listing(out_dir)  # the documents already there, by page stem
    journal = Journal(out_dir)
    out = _Rows(ManifestWriter(out_dir / MANIFEST), journal, Report(manifest=out_dir / MANIFEST))
    report = out.report
    todo: list[int] = []  # indices of the pages to convert
    seen: dict[str, Path] = {}
    try:
        for i, page in enumerate(pages):
            rows = _precheck(page, seen.setdefault(_stem(page), page), out_dir, options, earlier,
                             listing)
            if rows is None:
                todo.append(i)
                continue
            report.skipped += all(r.status == "ok" for r in rows)
            out.add(i, rows)
            if progress:
                progress(page)
        parallel = settings.jobs > 1 and len(todo) > 1
        # with several jobs, tei_all is compiled in a process of its own while the workers
        # convert, and checks what they staged (the review reads the written documents, so
        # it keeps validating in the workers)
        stage = parallel and options.validate and not options.review
        # (forked first, so that the compile starts at once and its process holds nothing
        # but the schema)
        validator = _start_validator() if stage else None
        if parallel:
            _load_before_fork(options.validate and not stage)
        if options.review:
            from .review import prepare_review

            prepare_review(out_dir)

        def task(i: int) -> _Task:
            return _task(pages[i], out_dir, settings, options, listing, stage)

        results = _run(todo, task, settings.jobs, validator)
        try:
            for i, rows in results:
                report.converted += all(r.status == "ok" for r in rows)
                out.add(i, rows)
                if progress:
                    progress(pages[i])
                if options.fail_fast and any(r.status == "failed" for r in rows):
                    results.close()
                    out.finish()
                    _reraise(task(i), rows)
        finally:
            results.close()
            if validator is not None:
                validator.stop()
    except BaseException:
        out.abandon()
        raise
    out.finish()
    if options.review:
        from .review import index_from_summaries

        index_from_summaries(pages, report.failed, out_dir)
    return report


class _Rows:
    """Where a batch's rows go: the journal as they come, the manifest in page order (rows
    that come early wait for the pages before them), and the report's counts."""

    def __init__(self, manifest: ManifestWriter, journal: Journal, report: Report) -> None:
        self.manifest, self.journal, self.report = manifest, journal, report
        self._waiting: dict[int, list[PageRow]] = {}
        self._next = 0  # the page index the manifest waits for
        self._names: set[str] = set()  # the rows' page names
        self._open = True

    def add(self, i: int, rows: list[PageRow]) -> None:
        self.journal.add(rows)
        self._names.update(r.source for r in rows)
        self.report.pages = len(self._names)
        self.report.documents += sum(1 for r in rows if r.output)
        self._waiting[i] = rows
        while self._next in self._waiting:
            self._write(self._waiting.pop(self._next))
            self._next += 1

    def _write(self, rows: list[PageRow]) -> None:
        self.manifest.add(rows)
        self.report.failed += [r for r in rows if r.status == "failed"]  # in page order

    def finish(self) -> None:
        """Write the manifest (pages left waiting after a gap, in page order) and drop the
        journal."""
        if not self._open:
            return
        self._open = False
        for i in sorted(self._waiting):
            self._write(self._waiting.pop(i))
        # the documents reach the disk before the manifest that lists them: one sync for the
        # batch instead of one fsync a file
        if hasattr(os, "sync"):
            os.sync()
        self.manifest.close()
        self.journal.close(remove=True)

    def abandon(self) -> None:
        """An interrupted batch: no manifest; the journal stays for --resume."""
        if not self._open:
            return
        self._open = False
        self.manifest.abandon()
        self.journal.close(remove=False)


def _load_before_fork(validate: bool) -> None:
    """Workers forked after the dictionaries are loaded and the schema compiled share
    them, instead of each paying a third of a second (the segmenter and the word
    frequencies) and ten (tei_all) again; elsewhere each worker loads them once."""
    if multiprocessing.get_start_method() == "fork":
        preload_words()
        if validate:
            _compile_schema()


def _compile_schema() -> None:
    validate_tei(etree.Element(f"{{{TEI_NS}}}TEI"))


def _reraise(task: _Task, rows: Sequence[PageRow]) -> None:
    """Convert the failed page again in this process, letting its error out (--fail-fast)."""
    convert_page(task, raise_errors=True)
    raise ReconstructError(f"{_name(task.path)}: {rows[0].error}")


def _task(page: Path, out_dir: Path, settings: Settings, options: BatchOptions,
          listing: Mapping[str, Sequence[str]], stage: bool = False) -> _Task:
    return _Task(page, out_dir, settings, options.metas.get(_name(page)),
                 tuple(options.overrides.get(_name(page), ())), options.validate, options.force,
                 options.review, tuple(listing.get(_stem(page), ())), stage)


def _precheck(page: Path, first: Path, out_dir: Path, options: BatchOptions,
              earlier: Mapping[str, list[PageRow]], listing: Mapping[str, Sequence[str]]
              ) -> list[PageRow] | None:
    """Rows for a page that needs no conversion (resumed, or clashing with ``first``, the
    first page of its output name); None: convert it."""
    stem = _stem(page)
    clash = first if first != page else None
    if clash is not None:
        return [PageRow(source=_name(page), status="failed",
                        error=f"same output name as {xml_safe(str(clash))}; rename one")]
    if options.resume and is_current(page, out_dir, options.inputs_mtime, listing):
        rows = [r for r in earlier.get(_name(page), []) if r.status == "ok"]
        return rows or [_row_from_tei(_name(page), p) for p in _outputs(out_dir, stem, listing)]
    return None


def _row_from_tei(source: str, path: Path) -> PageRow:
    """A manifest row rebuilt from a document when an earlier run's row is lost."""
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError):
        return PageRow(source=source, status="ok", output=path.name)
    title = root.xpath("string(//t:titleStmt/t:title[@type='main'])", namespaces=ns)
    reporters = root.xpath("//t:titleStmt/t:respStmt[t:resp='记者']/t:persName/text()",
                           namespaces=ns)
    pairs = int(root.xpath("count(//t:sp[@cert])", namespaces=ns))
    return PageRow(source=source, status="ok", output=path.name, title=title,
                   contributors=tuple(reporters), pairs=pairs,
                   warnings=("row rebuilt from the document on resume",))


def _remove_temporaries(out_dir: Path) -> None:
    """Temporary files left by a killed run (never a finished document)."""
    for tmp in out_dir.glob(".*.tmp"):
        log.info("removing %s, left by an interrupted run", tmp.name)
        tmp.unlink(missing_ok=True)


# a check under way: the validator's future and the staged pages it checks
_Check = tuple[Future[list[tuple[str, list[Problem]]]], list[tuple[int, _Staged]]]


@dataclass(frozen=True, slots=True)
class _Validator:
    """The validator process, and its compile of tei_all (done when the future is)."""

    pool: ProcessPoolExecutor
    compiled: Future[None]

    def stop(self) -> None:
        """Shut the validator down. A compile still running is a batch stopped early
        (Ctrl-C, --fail-fast): its process is ended rather than waited for, for no page will
        be checked against the schema (the interpreter would otherwise wait ten seconds for
        it at exit). Python 3.11's pool has no public way to end its process (3.14 adds
        terminate_workers), so its process table is used where it is there."""
        if not self.compiled.done():
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)


def _start_validator() -> _Validator:
    """A process of its own that compiles tei_all now (ten seconds), then checks what the
    workers stage (:func:`_check_staged`)."""
    pool = ProcessPoolExecutor(max_workers=1)
    return _Validator(pool, pool.submit(_compile_schema))


def _cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every platform)
        return os.cpu_count() or 1


def _compiling_alone(jobs: int, validator: _Validator | None) -> bool:
    """Is tei_all compiling on a machine with no core to spare for it (no more cores than
    jobs)? Then one worker fewer is kept busy: the compile, which every staged page waits
    for, has a core to itself instead of a share of one beside all the workers, and ends
    while the conversion goes on rather than after it (the workers would sit idle at the
    end while it went on)."""
    return validator is not None and not validator.compiled.done() and _cores() <= jobs


def _run(todo: Sequence[int], task: Callable[[int], _Task], jobs: int,
         validator: _Validator | None = None) -> Generator[tuple[int, list[PageRow]], None, None]:
    """(page index, rows) as pages finish; a worker that dies fails its page, not the batch.

    With several jobs, pages go to the workers a few at a time (``_PAGES_PER_TASK``), and a
    few tasks per worker are queued (not the whole batch), so the parent's memory does not
    grow with the batch. With a ``validator`` (the tasks stage their
    documents), it compiles tei_all while the workers convert, then checks the documents
    they staged, a batch of pages at a time; a page's documents are renamed into place
    once they are found valid. No more than ``_STAGED_PER_JOB`` pages a worker wait staged
    for the check (new work waits for the validator meanwhile), and a batch stopped early
    leaves no staged file behind. While the schema compiles on a machine with no core to
    spare, one worker fewer converts (:func:`_compiling_alone`), in larger tasks."""
    if jobs <= 1 or len(todo) <= 1:
        for i in todo:
            yield i, convert_page(task(i))
        return
    size = max(1, min(_PAGES_PER_TASK, len(todo) // (jobs * _QUEUED_PER_JOB)))
    at = 0  # the next page of todo to hand out
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures: dict[Future[list[_Staged]], Sequence[int]] = {}
        waiting: list[tuple[int, _Staged]] = []  # staged pages for the next check
        checking: _Check | None = None

        def submit() -> None:
            """Queue tasks up to _QUEUED_PER_JOB a worker; while the schema compiles alone,
            one task for each core but one (for each worker but one: more jobs than cores
            would leave the compile no core), of _COMPILE_TASK_TASKS tasks' pages (the
            worker then seldom waits for the parent to hand it more)."""
            nonlocal at
            alone = _compiling_alone(jobs, validator)
            busy = max(1, min(jobs, _cores()) - 1)  # a core left to the compile
            count = (busy if alone else jobs * _QUEUED_PER_JOB) - len(futures)
            per = size * (_COMPILE_TASK_TASKS if alone else 1)
            for _ in range(count):
                chunk = todo[at : at + per]
                if not chunk:
                    return
                at += len(chunk)
                futures[pool.submit(_convert_all, [task(i) for i in chunk])] = chunk

        submit()
        try:
            while futures or waiting or checking:
                if checking is None and waiting and validator is not None:
                    files = [(n, str(tmp)) for _, st in waiting for n, tmp, _ in st.files]
                    checking, waiting = (validator.pool.submit(_check_staged, files), waiting), []
                pending: list[Future] = list(futures)  # type: ignore[type-arg]
                if checking is not None:
                    pending.append(checking[0])
                if validator is not None and not validator.compiled.done():
                    pending.append(validator.compiled)  # (then more work is handed out)
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                if checking is not None and checking[0] in finished:
                    yield from _commit_all(checking, task)
                    checking = None
                done = sorted((f for f in finished if f in futures), key=lambda f: tuple(futures[f]))
                for future in done:
                    chunk = futures.pop(future)
                    try:
                        results = future.result()
                    except Exception as exc:  # noqa: BLE001 - a crashed worker fails its pages
                        error = f"worker failed: {type(exc).__name__}: {exc}"
                        results = [_Staged([PageRow(source=_name(task(i).path), status="failed",
                                                    error=error)]) for i in chunk]
                    ready = []  # staged pages wait before any page is handed on
                    for i, staged in zip(chunk, results):
                        if staged.files:
                            waiting.append((i, staged))
                        else:
                            ready.append((i, staged.rows))
                    yield from ready
                if len(waiting) < jobs * _STAGED_PER_JOB:
                    submit()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            for _, staged in waiting + (checking[1] if checking else []):
                _discard(staged.files)
            for future in futures:  # finished after the stop: what they staged goes too
                if future.done() and not future.cancelled() and future.exception() is None:
                    for staged in future.result():
                        _discard(staged.files)


def _convert_all(tasks: Sequence[_Task]) -> list[_Staged]:
    """A worker's task: a few pages, converted in turn. Stopped part way (Ctrl-C reaches
    the workers too), it takes back what its finished pages staged, which the parent never
    gets to discard."""
    done: list[_Staged] = []
    try:
        for t in tasks:
            done.append(_convert(t))
    except BaseException:
        for staged in done:
            _discard(staged.files)
        raise
    return done


def _commit_all(checking: _Check, task: Callable[[int], _Task]
                ) -> Iterator[tuple[int, list[PageRow]]]:
    """The pages of one finished check, committed (or failed) in turn."""
    future, pages = checking
    try:
        checked = dict(future.result())
    except Exception as exc:  # noqa: BLE001 - a crashed validator fails its pages
        for i, staged in pages:
            _discard(staged.files)
            error = ReconstructError(f"validator failed: {type(exc).__name__}: {exc}")
            yield i, _failed(task(i), error)
        return
    for i, staged in pages:
        yield i, _commit(task(i), staged, [(n, checked[n]) for n, _, _ in staged.files])
