"""The review site: a static HTML page per input page, beside an index of the batch.

``write_review(pages, out_dir)`` writes ``out_dir/review/``::

    index.html            one row per page, sortable; the batch's confidence histogram
    pages/<stem>.html     the page's text with its line numbers beside the interview(s)
    static/               review.css, review.js, CETEIcean (CETEI.js and its licence)

Everything is inline or beside the files, so the site opens from disk with no server and no
network. The TEI documents of ``out_dir`` (as convert wrote them) are embedded in each page
view as JSON strings for CETEIcean: Chromium blocks ``fetch`` of ``file://`` URLs.

The lead's ``convert --review`` can call :func:`write_review` once with every page, or
:func:`prepare_review` once, :func:`write_review_page` per page (in a worker) and
:func:`write_review_index` with the summaries at the end.
"""

from __future__ import annotations

import dataclasses
import html
import json
import logging
import os
import re
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jinja2
from lxml import etree

from . import __version__
from .manifest import PageRow, read_rows
from .model import Page, PageResult
from .read import read_page
from .review_view import PageView, view_page
from .tei import build_tei

__all__ = ["REVIEW_DIR", "PageSummary", "write_review", "prepare_review", "write_review_page",
           "write_review_index", "page_href"]

log = logging.getLogger(__name__)

REVIEW_DIR = "review"
STATIC = ("review.css", "review.js", "CETEI.js", "CETEIcean-LICENSE.md")
BINS = 10  # bars of the confidence histogram, over 0..1
_SPEAKER = re.compile(r"<speaker>(.*?)</speaker>", re.S)
_HAND = re.compile(r'<sp\b[^>]*\bresp="#editor"')


@dataclass(frozen=True, slots=True)
class PageSummary:
    """One row of the index."""

    source: str
    href: str = ""  # the page view, relative to the index ("" when the page failed)
    interviews: int = 0
    pairs: int = 0
    hand: int = 0  # pairs corrected by hand (overrides)
    lowest: float | None = None
    warnings: tuple[str, ...] = ()
    lost_chars: int | None = None
    error: str = ""
    confidences: tuple[float, ...] = ()
    applied: tuple[tuple[int, str, str], ...] = ()  # (question, speaker, starts) by hand


def page_href(path: Path | str) -> str:
    """The page view of an input page, relative to the review folder."""
    return f"pages/{_stem(Path(path))}.html"


def _stem(path: Path) -> str:
    """The output stem convert gives a page (as :mod:`reconstruct.batch` does)."""
    return path.stem.replace(os.sep, "_").replace("/", "_").lstrip(".") or "page"


# --- the whole batch ------------------------------------------------------------------


def write_review(pages: Sequence[tuple[Path, PageResult]], out_dir: Path,
                 manifest_rows: Iterable[PageRow] | None = None) -> Path:
    """Write the review of a convert output folder; returns the index's path.

    ``manifest_rows`` default to ``out_dir/manifest.csv`` (warnings, lost characters, and the
    pages that failed)."""
    review = prepare_review(out_dir)
    rows = _by_page(manifest_rows) if manifest_rows is not None else read_rows(out_dir)
    summaries = [write_review_page(path, result, out_dir, rows.get(path.name, ()))
                 for path, result in pages]
    seen = {s.source for s in summaries}
    summaries += [_failed(name, rs) for name, rs in rows.items()
                  if name not in seen and any(r.status == "failed" for r in rs)]
    return write_review_index(summaries, review)


def _by_page(rows: Iterable[PageRow]) -> dict[str, list[PageRow]]:
    out: dict[str, list[PageRow]] = {}
    for row in rows:
        out.setdefault(row.source, []).append(row)
    return out


def _failed(source: str, rows: Sequence[PageRow]) -> PageSummary:
    error = next((r.error for r in rows if r.error), "failed")
    return PageSummary(source, error=error, warnings=tuple(w for r in rows for w in r.warnings))


def prepare_review(out_dir: Path) -> Path:
    """Create ``out_dir/review/`` with its static files; returns that folder."""
    review = out_dir / REVIEW_DIR
    (review / "pages").mkdir(parents=True, exist_ok=True)
    (review / "static").mkdir(exist_ok=True)
    package = resources.files("reconstruct") / "static" / "review"
    for name in STATIC:
        with resources.as_file(package / name) as src:
            shutil.copyfile(src, review / "static" / name)
    return review


# --- one page ---------------------------------------------------------------------------


def write_review_page(path: Path, result: PageResult, out_dir: Path,
                      rows: Sequence[PageRow] = (), page: Page | None = None) -> PageSummary:
    """Write one page view into ``out_dir/review/pages/``; returns its index row."""
    page = page or read_page(path)
    view = view_page(result)
    teis = _tei_texts(path, result, out_dir)
    warnings = _warnings(result, rows, view, teis)
    lost = max((r.lost_chars for r in rows), default=None) if rows else None
    html_text = _env().get_template("page.html.j2").render(
        view=view, lines=page.lines, marks=_marks(view), teis=teis, stem=_stem(path),
        warnings=warnings,
        lost=lost, data=_page_data(view), version=__version__)
    target = out_dir / REVIEW_DIR / page_href(path)
    _write(target, html_text)
    return PageSummary(
        view.source, page_href(path), len(view.interviews), len(view.pairs),
        sum(p.hand for p in view.pairs), view.lowest, warnings, lost,
        confidences=tuple(p.confidence for p in view.pairs if p.confidence is not None),
        applied=tuple(_applied(view)))


def _tei_texts(path: Path, result: PageResult, out_dir: Path) -> list[str]:
    """Each interview's TEI as convert wrote it (built afresh when the file is missing)."""
    stem = _stem(path)
    texts: list[str] = []
    built = None
    for k in range(1, len(result.interviews) + 1):
        file = out_dir / f"{stem}.interview-{k}.xml"
        try:
            texts.append(file.read_text(encoding="utf-8"))
            continue
        except OSError:
            log.info("%s: no %s; building the TEI for the review", path.name, file.name)
        built = built or build_tei(result)
        texts.append(etree.tostring(built[k - 1].tree, encoding="unicode"))
    return texts


def _warnings(result: PageResult, rows: Sequence[PageRow], view: PageView,
              teis: Sequence[str]) -> tuple[str, ...]:
    found = list(result.warnings) + [w for r in rows for w in r.warnings]
    if _disagrees(view, teis):
        found.append("the pairs shown differ from the TEI in the output folder: was it "
                     "converted with other --overrides, or by another version?")
    return tuple(dict.fromkeys(found))


def _disagrees(view: PageView, teis: Sequence[str]) -> bool:
    """The TEI files' speaker order or hand corrections differ from the review's pairs."""
    for iv, tei in zip(view.interviews, teis):
        speakers = [html.unescape(s) for s in _SPEAKER.findall(tei)]
        mine = [t.speaker for p in iv.pairs for t in (p.question, *p.answers)]
        mine += [t.speaker for t in iv.unplaced]
        if (iv.pairs and speakers != mine) or len(_HAND.findall(tei)) != sum(
                len([a for a in p.answers if a.resp]) for p in iv.pairs):
            return True
    return False


def _marks(view: PageView) -> dict[int, str]:
    """Input line → the CSS class of what it became (leftovers stand out)."""
    marks: dict[int, str] = {}
    for cls, ranges in [("art", a[1]) for a in view.articles] + \
            [("leftover", t.lines) for t in view.leftovers]:
        for n in _numbers(ranges):
            marks[n] = cls
    return marks


def _numbers(ranges: str) -> Iterable[int]:
    for part in filter(None, ranges.split(",")):
        a, _, b = part.partition("-")
        yield from range(int(a), int(b or a) + 1)


def _applied(view: PageView) -> Iterable[tuple[int, str, str]]:
    for iv in view.interviews:
        for p in iv.pairs:
            for a in p.answers:
                if a.resp and a.answer is not None:
                    c = iv.candidates[a.answer]
                    yield (p.number, c.speaker, c.starts)
                    break


def _page_data(view: PageView) -> dict[str, object]:
    """What review.js needs: the candidates per interview, and the corrections in force."""
    return {
        "source": view.source,
        "interviews": {str(iv.number): [
            {"answer": c.answer, "speaker": c.speaker, "starts": c.starts,
             "preview": c.preview, "lines": c.lines} for c in iv.candidates]
            for iv in view.interviews},
        "applied": {str(q): {"speaker": s, "starts": st} for q, s, st in _applied(view)},
    }


# --- the index --------------------------------------------------------------------------


def write_review_index(summaries: Sequence[PageSummary], review: Path) -> Path:
    """Write ``index.html``: pages sorted lowest confidence first (no pairs last)."""
    rows = sorted(summaries, key=lambda s: (s.lowest is None and not s.error,
                                            s.lowest if s.lowest is not None else -1, s.source))
    confidences = [c for s in summaries for c in s.confidences]
    applied = {s.source: {str(q): {"speaker": sp, "starts": st} for q, sp, st in s.applied}
               for s in summaries if s.applied}
    text = _env().get_template("index.html.j2").render(
        rows=rows, chart=histogram(confidences), total=len(confidences), applied=applied,
        pages=len(summaries), failed=sum(1 for s in summaries if s.error), version=__version__)
    target = review / "index.html"
    _write(target, text)
    log.info("review: %s (%d pages)", target, len(summaries))
    return target


def histogram(values: Sequence[float], width: int = 360, height: int = 120) -> dict[str, object]:
    """Bars of the confidence distribution (clamped to 0..1) for an inline SVG."""
    counts = [0] * BINS
    for v in values:
        counts[min(BINS - 1, max(0, int(v * BINS)))] += 1
    top = max(counts) or 1
    bar = width / BINS
    bars = [{"x": round(i * bar + 1, 1), "w": round(bar - 2, 1),
             "h": round((height - 34) * c / top, 1), "count": c,
             "label": f"{i / BINS:.1f}–{(i + 1) / BINS:.1f}",
             "tone": "low" if i < 2 else "medium" if i < 5 else "high"}
            for i, c in enumerate(counts)]
    for b in bars:
        b["y"] = round(height - 20 - b["h"], 1)  # type: ignore[operator]
    return {"width": width, "height": height, "bars": bars, "base": height - 20}


# --- rendering --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("reconstruct", "templates/review"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True,
        undefined=jinja2.StrictUndefined)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    env.filters["conf"] = lambda v: "–" if v is None else f"{v:.2f}"
    return env


def _write(target: Path, text: str) -> None:
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)


# --- convert --review: views written by the workers, the index by the parent ---------------


def _summary_path(source: str, out_dir: Path) -> Path:
    return out_dir / REVIEW_DIR / "pages" / f"{_stem(Path(source))}.summary.json"


def save_summary(summary: PageSummary, out_dir: Path) -> None:
    """Keep a page's index row beside its view, for the parent to gather."""
    data = json.dumps(dataclasses.asdict(summary), ensure_ascii=False)
    _summary_path(summary.source, out_dir).write_text(data, encoding="utf-8")


def _load_summary(path: Path) -> PageSummary:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("warnings", "confidences"):
        data[key] = tuple(data[key])
    data["applied"] = tuple(tuple(x) for x in data["applied"])
    return PageSummary(**data)


def index_from_summaries(pages: Sequence[Path], rows: Sequence[PageRow], out_dir: Path) -> Path:
    """The review index of a batch whose workers wrote the page views (convert --review)."""
    failed = {r.source: r.error for r in rows if r.status == "failed"}
    summaries = []
    for page in pages:
        path = _summary_path(page.name, out_dir)
        if page.name in failed or not path.exists():
            summaries.append(PageSummary(page.name, error=failed.get(page.name, "no review view")))
        else:
            summaries.append(_load_summary(path))
    return write_review_index(summaries, out_dir / REVIEW_DIR)
