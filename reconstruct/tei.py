"""Stage 6 — TEI: turn a :class:`PageResult` into lxml trees, and write them.

Only serialisation lives here: no decisions about the page are taken in this module.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from . import __version__
from .model import Article, Interview, PageMeta, PageResult, Paragraph, Turn

__all__ = ["TEI_NS", "TeiDocument", "build_tei", "write_tei", "document_name"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = "zh-Hans"
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})


def _xml(attr: str) -> str:
    return f"{{{XML_NS}}}{attr}"


@dataclass(frozen=True, slots=True)
class TeiDocument:
    """One output document: its file name suffix (``interview-1``, ``articles``) and tree."""

    name: str
    tree: etree._ElementTree


def document_name(stem: str, doc: TeiDocument) -> str:
    return f"{stem}.{doc.name}.xml"


def build_tei(result: PageResult) -> tuple[TeiDocument, ...]:
    """One document per interview, plus one for the page's other articles and leftovers."""
    docs = [
        TeiDocument(f"interview-{k}", etree.ElementTree(_interview_tei(iv, result.meta)))
        for k, iv in enumerate(result.interviews, start=1)
    ]
    if result.articles or result.leftovers:
        docs.append(TeiDocument("articles", etree.ElementTree(_articles_tei(result))))
    return tuple(docs)


def write_tei(doc: TeiDocument, path: str | os.PathLike[str]) -> Path:
    """Write atomically: a temporary file in the same folder, then a rename."""
    path = Path(path)
    data = etree.tostring(doc.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


# --- header ---------------------------------------------------------------------------


def _header(meta: PageMeta, titles: Sequence[etree._Element], extra: Sequence[etree._Element] = (),
            persons: Sequence[etree._Element] = ()) -> etree._Element:
    bibl = [E.title(meta.newspaper, level="j")] if meta.newspaper else []
    if meta.date:
        bibl.append(E.date(meta.date, when=meta.date))
    if meta.page:
        bibl.append(E.biblScope(meta.page, unit="page"))
    bibl.append(E.idno(meta.source, type="file"))
    if meta.sha256:
        bibl.append(E.idno(meta.sha256, type="sha256"))
    profile = [E.langUsage(E.language("Chinese (simplified)", ident=LANG))]
    if persons:
        profile.append(E.particDesc(E.listPerson(*persons)))
    return E.teiHeader(
        E.fileDesc(
            E.titleStmt(*titles, *extra),
            # no <p> here: readers take every <p> outside the transcript for page text
            E.publicationStmt(E.authority("Reconstructed from a newspaper page text export")),
            E.sourceDesc(E.bibl(*bibl)),
        ),
        E.encodingDesc(
            E.appInfo(
                E.application(E.label("reconstruct"), ident="reconstruct", version=__version__)
            )
        ),
        E.profileDesc(*profile),
    )


def _tei(header: etree._Element, text: etree._Element) -> etree._Element:
    root = E.TEI(header, text)
    root.set(_xml("lang"), LANG)
    return root


def _paras(paragraphs: Sequence[Paragraph], prefix: str = "") -> list[etree._Element]:
    out = []
    for k, p in enumerate(paragraphs, start=1):
        el = E.p(p.text)
        if prefix:
            el.set(_xml("id"), f"{prefix}.p{k}")
        out.append(el)
    return out


# --- interview ------------------------------------------------------------------------


def _interview_tei(iv: Interview, meta: PageMeta) -> etree._Element:
    titles = [E.title(iv.title or meta.source, type="main")]
    if iv.subtitle:
        titles.append(E.title(iv.subtitle, type="sub"))
    extra = []
    if iv.reporters:
        extra.append(E.respStmt(E.resp("记者"), *[E.persName(n) for n in iv.reporters]))
    ids = {g.name: g.id for g in iv.guests}
    persons = []
    if iv.questions:
        host = E.person(E.persName(iv.host), role="interviewer")
        host.set(_xml("id"), "host")
        persons.append(host)
    for g in iv.guests:
        person = E.person(E.persName(g.name), role="interviewee")
        if g.title:
            person.append(E.affiliation(g.title))
        person.set(_xml("id"), g.id)
        persons.append(person)
    text = E.text()
    if iv.editor_note or iv.label:
        note = E.div(type="editorial")
        if iv.label:
            note.append(E.head(iv.label))
        note.extend(_paras(iv.editor_note, "note") or [E.p()])
        text.append(E.front(note))
    body = E.body()
    if iv.lead:
        body.append(E.div(*_paras(iv.lead, "lead"), type="lead"))
    turns = iv.turns or tuple(sorted(iv.questions + iv.answers, key=_start))
    body.append(E.div(*[_sp(t, k, ids) for k, t in enumerate(turns, start=1)], type="interview"))
    text.append(body)
    return _tei(_header(meta, titles, extra, persons), text)


def _start(t: Turn) -> int:
    return t.paragraphs[0].lines[0] if t.paragraphs and t.paragraphs[0].lines else 0


def _sp(turn: Turn, k: int, ids: dict[str, str]) -> etree._Element:
    sp = E.sp(E.speaker(turn.speaker), *_paras(turn.paragraphs, f"sp{k}"))
    sp.set(_xml("id"), f"sp{k}")
    who = "host" if turn.role == "host" else ids.get(turn.speaker)
    if who:
        sp.set("who", f"#{who}")
    if turn.cert:
        sp.set("cert", turn.cert)
    if turn.resp:
        sp.set("resp", turn.resp)
    return sp


# --- articles and leftovers -------------------------------------------------------------


def _articles_tei(result: PageResult) -> etree._Element:
    meta = result.meta
    titles = [E.title(f"{meta.source}: other articles and unassigned text", type="main")]
    body = E.body()
    for k, art in enumerate(result.articles, start=1):
        body.append(_article(art, k))
    if result.leftovers:
        body.append(E.div(*_paras(result.leftovers, "left"), type="unassigned"))
    return _tei(_header(meta, titles), E.text(body))


def _article(art: Article, k: int) -> etree._Element:
    div = E.div(type="article")
    div.set(_xml("id"), f"art{k}")
    if art.headline:
        div.append(E.head(art.headline))
    div.extend(_paras(art.paragraphs, f"art{k}") or [E.p()])
    return div
