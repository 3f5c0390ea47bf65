"""The figures of :mod:`reconstruct.evaluate` as a readable table or as JSON."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .evaluate import EvalReport, PageScore, Summary

__all__ = ["format_report", "report_to_json"]


def _fmt(v: float | int | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


_ROWS: tuple[tuple[str, Callable[[Summary], Any]], ...] = (
    ("pages", lambda s: s.pages),
    ("gold interviews", lambda s: s.interviews),
    ("missing interviews", lambda s: s.missing),
    ("invented interviews", lambda s: s.invented_interviews),
    ("qa pairs", lambda s: f"{s.qa_correct}/{s.qa_total}"),
    ("qa accuracy (micro)", lambda s: s.qa_micro),
    ("qa accuracy (macro)", lambda s: s.qa_macro),
    ("turns found", lambda s: s.turns_found),
    ("transcript similarity", lambda s: s.transcript_similarity),
    ("paragraph F1", lambda s: s.paragraph_f1),
    ("title", lambda s: s.title),
    ("subtitle", lambda s: s.subtitle),
    ("reporters", lambda s: s.reporters),
    ("guests", lambda s: s.guests),
    ("editor's note", lambda s: s.editor_note),
    ("lead", lambda s: s.lead),
    ("foreign chars", lambda s: s.foreign_chars),
    ("lost chars", lambda s: f"{s.lost_chars}/{s.page_chars}"),
    ("pages with lost chars", lambda s: s.pages_with_lost),
    ("articles", lambda s: s.articles),
    ("article similarity", lambda s: s.article_similarity),
    ("headline", lambda s: s.headline),
    ("unparsable files", lambda s: s.unparsable),
)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                       for i, (c, w) in enumerate(zip(r, widths)))
             for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _page_row(p: PageScore) -> list[str]:
    ivs = p.interviews
    return [Path(p.source).stem, p.mode or "-",
            f"{sum(iv.qa_correct for iv in ivs)}/{sum(iv.qa_total for iv in ivs)}",
            _fmt(p.qa_accuracy), _fmt(p.transcript_similarity), _fmt(p.paragraph_f1),
            f"{p.interviews_found}/{len(ivs)}", str(p.invented_interviews), str(p.lost_chars),
            _fmt(p.article_similarity)]


def format_report(report: EvalReport, per_page: bool = False) -> str:
    """The summary as a table (one column per mode when there are several), then the pages."""
    columns = [report.overall, *report.groups] if len(report.groups) > 1 else [report.overall]
    rows = [[label, *(v if isinstance(v := get(s), str) else _fmt(v) for s in columns)]
            for label, get in _ROWS]
    out = _table(["", *(s.name for s in columns)], rows)
    if per_page and report.pages:
        head = ["page", "mode", "qa", "qa acc", "transcr", "para F1", "found/gold", "invented",
                "lost", "articles"]
        out += "\n\n" + _table(head, [_page_row(p) for p in report.pages])
    return out


def _summary_json(s: Summary) -> dict[str, Any]:
    data = {f: getattr(s, f) for f in Summary.__dataclass_fields__}
    data["qa_micro"] = s.qa_micro
    return data


def report_to_json(report: EvalReport) -> dict[str, Any]:
    """Overall and per-mode summaries, and every page as score.py reports it (plus extras)."""
    return {
        "overall": _summary_json(report.overall),
        "groups": {s.name: _summary_json(s) for s in report.groups},
        "pages": [{"source": p.source, "mode": p.mode, "files": list(p.files),
                   "unparsable": list(p.unparsable), **p.as_dict()} for p in report.pages],
    }
