"""Evaluation: the figures of ``shared/eval/score.py`` over a folder of pages.

:func:`score_page` is a faithful port of the official scorer's ``main()`` for one gold page
(same whitespace normalisation, same ``difflib`` ratio with ``autojunk=False``, same
tie-breaking: the first best candidate wins), cut into small functions. :func:`evaluate_dir`
scores every ``GOLD_DIR/*.json`` against the documents ``OUT_DIR/<stem>.*.xml`` written by
:mod:`reconstruct.batch`, and folds the pages into overall and per-mode summaries.
"""

from __future__ import annotations

import collections
import difflib
import glob
import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from lxml import etree

__all__ = [
    "InterviewScore", "ArticleScore", "PageScore", "Summary", "EvalReport",
    "score_page", "evaluate_dir", "summarise",
]

log = logging.getLogger(__name__)

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
THRESHOLD = 0.9  # text similarity at which a turn counts as found
_MODE = re.compile(r"[A-Za-z][A-Za-z-]*")

Tree = Any  # an lxml ElementTree (or root element) of one TEI document
OutTurn = tuple[str, tuple[str, ...]]  # speaker name, whitespace-free paragraph texts
GoldTurn = tuple[str, tuple[str, ...], str]  # speaker, paragraphs, role


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterviewScore:
    """score.py's figures for one gold interview against its best-matching output document."""

    missing: bool = False  # no output interview at all
    qa_correct: int = 0
    qa_total: int = 0
    turns_found: float = 0.0
    transcript_similarity: float = 0.0
    paragraph_f1: float = 0.0
    title: bool = False
    subtitle: bool = False
    guests_found: int = 0
    guests_total: int = 0
    reporters: bool = False
    editor_note: float | None = None  # only when the gold has an editor's note
    lead: float | None = None  # only when the gold has a lead
    foreign_chars: int = 0

    @property
    def qa_accuracy(self) -> float:
        if self.missing:
            return 0.0
        return self.qa_correct / self.qa_total if self.qa_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        """Exactly the dict score.py reports for this interview."""
        if self.missing:
            return {"qa_accuracy": 0.0, "missing": True}
        out: dict[str, Any] = {
            "qa_pairs": f"{self.qa_correct}/{self.qa_total}", "qa_accuracy": self.qa_accuracy,
            "turns_found": self.turns_found, "transcript_similarity": self.transcript_similarity,
            "paragraph_f1": self.paragraph_f1, "title": self.title, "subtitle": self.subtitle,
            "guests": f"{self.guests_found}/{self.guests_total}", "reporters": self.reporters,
        }
        if self.editor_note is not None:
            out["editor_note"] = self.editor_note
        if self.lead is not None:
            out["lead"] = self.lead
        out["foreign_chars"] = self.foreign_chars
        return out


@dataclass(frozen=True, slots=True)
class ArticleScore:
    similarity: float
    headline: bool


@dataclass(frozen=True, slots=True)
class PageScore:
    """One gold page: its interviews, articles, and the page-wide character count."""

    source: str
    mode: str
    interviews: tuple[InterviewScore, ...]
    articles: tuple[ArticleScore, ...]
    interviews_found: int  # output documents with <sp> or <u> turns
    page_chars: int
    lost_chars: int
    invented_interviews: int  # interviews found on a page whose gold has none
    files: tuple[str, ...] = ()  # filled by evaluate_dir
    unparsable: tuple[str, ...] = ()

    @property
    def qa_accuracy(self) -> float | None:
        """Mean of the interviews' qa_accuracy; None for a page without interviews."""
        return _mean(iv.qa_accuracy for iv in self.interviews)

    @property
    def transcript_similarity(self) -> float | None:
        return _over(self.interviews, lambda iv: iv.transcript_similarity)

    @property
    def paragraph_f1(self) -> float | None:
        return _over(self.interviews, lambda iv: iv.paragraph_f1)

    @property
    def article_similarity(self) -> float | None:
        return _mean(a.similarity for a in self.articles)

    def as_dict(self) -> dict[str, Any]:
        """score.py's report for this page (without its file lists), plus our extras."""
        return {
            "interviews": [iv.as_dict() for iv in self.interviews],
            "interview_count": f"{self.interviews_found} found / {len(self.interviews)} gold",
            "page_chars": self.page_chars,
            "lost_chars": self.lost_chars,
            "articles": [{"similarity": a.similarity, "headline": a.headline}
                         for a in self.articles],
            "invented_interviews": self.invented_interviews,
        }


@dataclass(frozen=True, slots=True)
class Summary:
    """Aggregates over a set of pages; None where nothing was there to measure."""

    name: str
    pages: int
    interviews: int
    missing: int
    qa_correct: int
    qa_total: int
    qa_macro: float | None
    transcript_similarity: float | None
    paragraph_f1: float | None
    turns_found: float | None
    title: float | None
    subtitle: float | None
    reporters: float | None
    guests: float | None
    editor_note: float | None
    lead: float | None
    foreign_chars: int
    page_chars: int
    lost_chars: int
    pages_with_lost: int
    invented_interviews: int
    articles: int
    article_similarity: float | None
    headline: float | None
    unparsable: int

    @property
    def qa_micro(self) -> float | None:
        return self.qa_correct / self.qa_total if self.qa_total else None


@dataclass(frozen=True, slots=True)
class EvalReport:
    pages: tuple[PageScore, ...]
    overall: Summary
    groups: tuple[Summary, ...]  # one per mode, sorted by name


# --- text helpers (as in score.py) --------------------------------------------------------


def _norm(s: str | None) -> str:
    return re.sub(r"\s+", "", s or "")


def _text(el: Any) -> str:
    return _norm("".join(el.itertext())) if el is not None else ""


def _sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _local(tag: Any) -> str:
    return tag.split("}")[-1] if isinstance(tag, str) else ""


def _mean(values: Iterable[float]) -> float | None:
    vals = list(values)
    return sum(vals) / len(vals) if vals else None


# --- reading output documents -------------------------------------------------------------


def _persons(tree: Tree) -> dict[str | None, dict[str, str]]:
    out = {}
    for person in tree.iter(TEI + "person"):
        name_el = person.find(".//" + TEI + "persName")
        name = _text(name_el) if name_el is not None else ""
        rest = _norm("".join(person.itertext())).replace(name, "", 1)
        out[person.get(XML_ID)] = {"name": name, "rest": rest, "role": person.get("role", "")}
    return out


def _speaker(el: Any, people: dict[str | None, dict[str, str]]) -> str:
    who = (el.get("who") or "").split()
    name = people.get(who[0].lstrip("#"), {}).get("name", "") if who else ""
    spk = el.find(TEI + "speaker")
    if not name and spk is not None:
        name = _text(spk).rstrip("：:")
    return name


def _turn_paragraphs(el: Any) -> list[str]:
    if _local(el.tag) == "sp":
        return [_text(p) for p in el if _local(p.tag) in ("p", "ab")]
    segs = [_text(s) for s in el if _local(s.tag) == "seg"]
    return segs or [_text(el)]


def _turns(tree: Tree) -> tuple[OutTurn, ...]:
    """(speaker, paragraphs) in document order; consecutive <u> by one speaker are one turn."""
    people = _persons(tree)
    body = tree.find(".//" + TEI + "body")
    if body is None:
        return ()
    merged: list[tuple[str, list[str], str]] = []
    for el in body.iter(TEI + "sp", TEI + "u"):
        name, kind, paras = _speaker(el, people), _local(el.tag), _turn_paragraphs(el)
        if kind == "u" and merged and merged[-1][0] == name and merged[-1][2] == "u":
            merged[-1][1].extend(paras)
        else:
            merged.append((name, paras, kind))
    return tuple((n, tuple(p)) for n, p, _ in merged)


def _is_interview(tree: Tree) -> bool:
    return tree.find(".//" + TEI + "sp") is not None or tree.find(".//" + TEI + "u") is not None


# --- one interview ------------------------------------------------------------------------


def _gold_turns(gi: dict[str, Any]) -> tuple[GoldTurn, ...]:
    return tuple((t["speaker"], tuple(_norm(p) for p in t["paragraphs"]), t["role"])
                 for t in gi["turns"])


def _qa_pairs(gold: Sequence[GoldTurn]) -> list[tuple[GoldTurn, GoldTurn]]:
    """Every answer with the last host turn before it (round tables share one question)."""
    pairs, q = [], None
    for t in gold:
        if t[2] == "host":
            q = t
        elif q is not None:
            pairs.append((q, t))
    return pairs


def _qa_correct(pairs: Sequence[tuple[GoldTurn, GoldTurn]], gold: Sequence[GoldTurn],
                out: Sequence[OutTurn]) -> int:
    """Answers found (speaker, text within 0.9) under the right question (text within 0.9)."""
    host = {n for n, _, r in gold if r == "host"}
    ok = 0
    for (_, qp, _), (answerer, ap, _) in pairs:
        qt, at = "".join(qp), "".join(ap)
        last_q = None
        for n, p in out:
            body = "".join(p)
            if n in host:
                last_q = body
            elif n == answerer and _sim(body, at) >= THRESHOLD:
                ok += last_q is not None and _sim(last_q, qt) >= THRESHOLD
                break
    return ok


def _turns_found(gold: Sequence[GoldTurn], out: Sequence[OutTurn]) -> float:
    right = sum(1 for s, ps, _ in gold
                if any(n == s and _sim("".join(p), "".join(ps)) >= THRESHOLD for n, p in out))
    return right / len(gold) if gold else 1.0


def _sequence(turns: Iterable[tuple[str, tuple[str, ...]]]) -> str:
    return "".join(n + "".join(ps) for n, ps in turns)


def _paragraph_f1(gold_turn: Sequence[str], out_turn: Sequence[str]) -> float | None:
    """Boundary F1 over paragraph breaks; None when the two texts differ."""
    if "".join(gold_turn) != "".join(out_turn):
        return None
    g, o = _cuts(gold_turn), _cuts(out_turn)
    if not g and not o:
        return 1.0
    tp = len(g & o)
    prec = tp / len(o) if o else 1.0
    rec = tp / len(g) if g else 1.0
    return 0.0 if tp == 0 else 2 * prec * rec / (prec + rec)


def _cuts(paragraphs: Sequence[str]) -> set[int]:
    pos, out = 0, set()
    for p in paragraphs[:-1]:
        pos += len(p)
        out.add(pos)
    return out


def _mean_paragraph_f1(gold: Sequence[GoldTurn], out: Sequence[OutTurn]) -> float:
    if not gold:
        return 1.0
    f1s = []
    for _, ps, _ in gold:
        best = max(out, key=lambda o: _sim("".join(o[1]), "".join(ps)), default=None)
        f = _paragraph_f1(ps, best[1]) if best is not None else None
        if f is not None:
            f1s.append(f)
    return round(sum(f1s) / len(gold), 4)


def _header_titles(tree: Tree) -> set[str]:
    titles = {t.get("type", ""): _text(t) for t in tree.iter(TEI + "title")
              if t.getparent() is not None and _local(t.getparent().tag) == "titleStmt"}
    return set(titles.values())


def _guests_found(gi: dict[str, Any], tree: Tree) -> int:
    names = {p["name"]: p for p in _persons(tree).values()}
    return sum(1 for g in gi["guests"]
               if g["name"] in names and _norm(g["title"]) in names[g["name"]]["rest"])


def _editor_note(gi: dict[str, Any], tree: Tree) -> float:
    """Best similarity of a turn-free <div> (its label removed once) to the gold note."""
    note, label = _norm("".join(gi["editor_note"])), _norm(gi.get("label", ""))
    best = 0.0
    for d in tree.iter(TEI + "div"):
        if d.find(".//" + TEI + "sp") is None and d.find(".//" + TEI + "u") is None:
            best = max(best, _sim(_text(d).replace(label, "", 1), note))
    return round(best, 4)


def _lead(gi: dict[str, Any], tree: Tree) -> float:
    """All <p> outside turns and not editor's-note paragraphs, against the gold lead."""
    note_ps = {_norm(p) for p in gi.get("editor_note", [])}
    outside = "".join(_text(p) for p in tree.iter(TEI + "p")
                      if not any(_local(a.tag) == "sp" for a in p.iterancestors())
                      and _text(p) not in note_ps)
    return round(_sim(outside, _norm("".join(gi["lead"]))), 4)


def _foreign_chars(gi: dict[str, Any], gold: Sequence[GoldTurn], tree: Tree) -> int:
    """Characters of the document's <text> that the gold interview does not have."""
    own = (_sequence((s, ps) for s, ps, _ in gold)
           + _norm("".join(gi.get("editor_note", []) + gi.get("lead", []))) + _norm(gi["title"])
           + _norm(gi.get("subtitle", "")) + _norm(gi.get("label", "")) + "主持人")
    extra = collections.Counter(_text(tree.find(".//" + TEI + "text"))) - collections.Counter(own)
    return sum(extra.values())


def _score_interview(gi: dict[str, Any], tree: Tree, out: Sequence[OutTurn]) -> InterviewScore:
    gold = _gold_turns(gi)
    pairs = _qa_pairs(gold)
    titles = _header_titles(tree)
    return InterviewScore(
        qa_correct=_qa_correct(pairs, gold, out), qa_total=len(pairs),
        turns_found=_turns_found(gold, out),
        transcript_similarity=round(
            _sim(_sequence((s, ps) for s, ps, _ in gold), _sequence(out)), 4),
        paragraph_f1=_mean_paragraph_f1(gold, out),
        title=_norm(gi["title"]) in titles,
        subtitle=(not gi.get("subtitle")) or _norm(gi["subtitle"]) in titles,
        guests_found=_guests_found(gi, tree), guests_total=len(gi["guests"]),
        reporters=all(r in _text(tree.find(".//" + TEI + "titleStmt"))
                      for r in gi.get("reporters", [])),
        editor_note=_editor_note(gi, tree) if gi.get("editor_note") else None,
        lead=_lead(gi, tree) if gi.get("lead") else None,
        foreign_chars=_foreign_chars(gi, gold, tree),
    )


def _missing(gi: dict[str, Any]) -> InterviewScore:
    """No output interview: zero everywhere, with the gold's denominators kept for totals."""
    return InterviewScore(
        missing=True, qa_total=len(_qa_pairs(_gold_turns(gi))), guests_total=len(gi["guests"]),
        editor_note=0.0 if gi.get("editor_note") else None, lead=0.0 if gi.get("lead") else None,
    )


# --- one page -----------------------------------------------------------------------------


def _best_interview(gi: dict[str, Any], found: Sequence[tuple[Tree, tuple[OutTurn, ...]]]
                    ) -> tuple[Tree, tuple[OutTurn, ...]] | None:
    """The output interview whose transcript best matches the gold one (first on ties)."""
    gold_text = _norm("".join("".join(t["paragraphs"]) for t in gi["turns"]))
    return max(found, key=lambda f: _sim(_norm("".join("".join(p) for _, p in f[1])), gold_text),
               default=None)


def _page_counter(gold: dict[str, Any]) -> collections.Counter[str]:
    page: collections.Counter[str] = collections.Counter()
    for gi in gold["interviews"]:
        for t in gi["turns"]:
            page.update(_norm("".join(t["paragraphs"])))
        page.update(_norm("".join(gi.get("editor_note", []) + gi.get("lead", []))))
    for a in gold.get("articles", []):
        page.update(_norm(a["headline"] + "".join(a["paragraphs"])))
    return page


def _output_counter(trees: Sequence[Tree]) -> collections.Counter[str]:
    out: collections.Counter[str] = collections.Counter()
    for t in trees:
        tx = t.find(".//" + TEI + "text")
        if tx is not None:
            out.update(_text(tx))
    return out


def _is_article_div(d: Any) -> bool:
    return d.get("type") == "article" or (
        d.find(TEI + "head") is not None and d.find(".//" + TEI + "sp") is None)


def _score_article(a: dict[str, Any], trees: Sequence[Tree]) -> ArticleScore:
    """The article-like <div> (any document) most similar to the gold body; first on ties."""
    target = _norm("".join(a["paragraphs"]))
    best, head_ok = 0.0, False
    for t in trees:
        for d in filter(_is_article_div, t.iter(TEI + "div")):
            s = _sim(_norm("".join(_text(p) for p in d.iter(TEI + "p"))), target)
            if s > best:
                h = d.find(TEI + "head")
                best, head_ok = s, h is not None and _text(h) == _norm(a["headline"])
    return ArticleScore(round(best, 4), head_ok)


def page_mode(gold: dict[str, Any], stem: str) -> str:
    """The gold's "mode", else the stem's suffix after the last "_" when it is a word."""
    if gold.get("mode"):
        return str(gold["mode"])
    suffix = stem.rsplit("_", 1)[-1] if "_" in stem else ""
    return suffix if _MODE.fullmatch(suffix) else ""


def score_page(gold: dict[str, Any], trees: Sequence[Tree]) -> PageScore:
    """score.py's figures for one gold page against the parsed output documents of that page."""
    found = [(t, _turns(t)) for t in trees if _is_interview(t)]
    interviews = []
    for gi in gold["interviews"]:
        best = _best_interview(gi, found)
        interviews.append(_score_interview(gi, *best) if best else _missing(gi))
    page = _page_counter(gold)
    source = gold.get("source", "")
    return PageScore(
        source=source, mode=page_mode(gold, Path(source).stem),
        interviews=tuple(interviews),
        articles=tuple(_score_article(a, trees) for a in gold.get("articles", [])),
        interviews_found=len(found),
        page_chars=sum(page.values()),
        lost_chars=sum((page - _output_counter(trees)).values()),
        invented_interviews=0 if gold["interviews"] else len(found),
    )


# --- a folder of pages --------------------------------------------------------------------


def _load_gold(path: Path) -> dict[str, Any] | None:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.warning("%s: not a gold page: %s", path, exc)
        return None
    if not isinstance(gold, dict) or "interviews" not in gold:
        log.warning("%s: not a gold page (no \"interviews\")", path)
        return None
    return gold


def _parse_outputs(out_dir: Path, stem: str) -> tuple[list[Tree], list[str], list[str]]:
    """Trees of ``out_dir/<stem>.*.xml`` in name order, the file names, the unparsable ones."""
    files = sorted(p for p in out_dir.glob(f"{glob.escape(stem)}.*")
                   if p.suffix == ".xml" and p.is_file())
    trees, broken = [], []
    for f in files:
        try:
            trees.append(etree.parse(str(f)))
        except etree.XMLSyntaxError as exc:
            log.warning("%s: unparsable: %s", f, exc)
            broken.append(f.name)
    return trees, [f.name for f in files], broken


def evaluate_dir(gold_dir: Path | str, out_dir: Path | str) -> EvalReport:
    """Score every ``gold_dir/*.json`` against its page's documents in ``out_dir``."""
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    pages = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = _load_gold(path)
        if gold is None:
            continue
        stem = Path(gold["source"]).stem if gold.get("source") else path.stem
        trees, files, broken = _parse_outputs(out_dir, stem)
        score = score_page(gold, trees)
        pages.append(replace(score, mode=page_mode(gold, stem), files=tuple(files),
                             unparsable=tuple(broken)))
        log.debug("%s: %d documents, %d lost chars", stem, len(files), score.lost_chars)
    return _report(tuple(pages))


def _report(pages: tuple[PageScore, ...]) -> EvalReport:
    modes = sorted({p.mode for p in pages})
    groups = tuple(summarise([p for p in pages if p.mode == m], m or "(none)") for m in modes)
    return EvalReport(pages=pages, overall=summarise(pages, "all"), groups=groups)


def _over(ivs: Sequence[InterviewScore],
          get: Callable[[InterviewScore], float | None]) -> float | None:
    return _mean(v for v in map(get, ivs) if v is not None)


def summarise(pages: Sequence[PageScore], name: str = "all") -> Summary:
    """Means over gold interviews (a missing one counts 0) and articles; totals over pages."""
    ivs = [iv for p in pages for iv in p.interviews]
    arts = [a for p in pages for a in p.articles]
    guests_total = sum(iv.guests_total for iv in ivs)
    return Summary(
        name=name, pages=len(pages), interviews=len(ivs), missing=sum(iv.missing for iv in ivs),
        qa_correct=sum(iv.qa_correct for iv in ivs), qa_total=sum(iv.qa_total for iv in ivs),
        qa_macro=_mean(q for p in pages if (q := p.qa_accuracy) is not None),
        transcript_similarity=_over(ivs, lambda iv: iv.transcript_similarity),
        paragraph_f1=_over(ivs, lambda iv: iv.paragraph_f1),
        turns_found=_over(ivs, lambda iv: iv.turns_found),
        title=_over(ivs, lambda iv: float(iv.title)),
        subtitle=_over(ivs, lambda iv: float(iv.subtitle)),
        reporters=_over(ivs, lambda iv: float(iv.reporters)),
        guests=sum(iv.guests_found for iv in ivs) / guests_total if guests_total else None,
        editor_note=_over(ivs, lambda iv: iv.editor_note),
        lead=_over(ivs, lambda iv: iv.lead),
        foreign_chars=sum(iv.foreign_chars for iv in ivs),
        page_chars=sum(p.page_chars for p in pages),
        lost_chars=sum(p.lost_chars for p in pages),
        pages_with_lost=sum(1 for p in pages if p.lost_chars),
        invented_interviews=sum(p.invented_interviews for p in pages),
        articles=len(arts),
        article_similarity=_mean(a.similarity for a in arts),
        headline=_mean(float(a.headline) for a in arts),
        unparsable=sum(len(p.unparsable) for p in pages),
    )
