"""Stage 6 — TEI: turn a :class:`PageResult` into lxml trees, and write them.

Only serialisation lives here: no decisions about the page are taken in this module.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from . import __version__
from .meta import iso_date, split_title
from .model import Article, Guest, Interview, PageMeta, PageResult, Paragraph, Turn
from .overrides import EDITOR

__all__ = ["TEI_NS", "TeiDocument", "build_tei", "write_tei", "stage_tei", "document_name", "conversion_date"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = "zh-Hans"
E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})
# Children are made in place where the parent is known (lxml's SubElement): an element made
# on its own, as ElementMaker makes each, is a document of its own, then moved.
_SUB = etree.SubElement
_P = f"{{{TEI_NS}}}p"
_SPEAKER = f"{{{TEI_NS}}}speaker"
_SP = f"{{{TEI_NS}}}sp"


def _add(parent: etree._Element, tag: str, text: str | None = None, **attrib: str) -> etree._Element:
    """``parent.append(E.tag(text, **attrib))`` at half its cost: the element made in
    place (an element made on its own is a document of its own, then moved)."""
    el = _SUB(parent, f"{{{TEI_NS}}}{tag}", attrib)
    if text is not None:
        el.text = text
    return el


def _xml(attr: str) -> str:
    return f"{{{XML_NS}}}{attr}"


_XML_ID = _xml("id")
_XML_LANG = _xml("lang")


@dataclass(frozen=True, slots=True)
class TeiDocument:
    """One output document: its file name suffix (``interview-1``, ``articles``) and tree."""

    name: str
    tree: etree._ElementTree


def document_name(stem: str, doc: TeiDocument) -> str:
    return f"{stem}.{doc.name}.xml"


def build_tei(result: PageResult, when: str | None = None) -> tuple[TeiDocument, ...]:
    """One document per interview, plus one for the page's other articles and leftovers.

    ``when`` is the conversion date for ``revisionDesc`` (default :func:`conversion_date`)."""
    when = when or conversion_date()
    docs = [
        TeiDocument(f"interview-{k}", etree.ElementTree(_interview_tei(iv, result, when)))
        for k, iv in enumerate(result.interviews, start=1)
    ]
    if result.articles or result.leftovers:
        docs.append(TeiDocument("articles", etree.ElementTree(_articles_tei(result, when))))
    return tuple(docs)


def write_tei(doc: TeiDocument, path: str | os.PathLike[str], *, sync: bool = False) -> Path:
    """Write atomically: a temporary file in the same folder, then a rename, so a reader
    never sees half a document. ``sync`` also forces the bytes to disk before the rename
    (a quarter of a millisecond a file); a batch instead syncs once, before its manifest."""
    path = Path(path)
    tmp = stage_tei(doc, path, sync=sync)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def stage_tei(doc: TeiDocument, path: str | os.PathLike[str], *, sync: bool = False) -> Path:
    """:func:`write_tei` up to the rename: the document's bytes in a temporary file beside
    ``path`` (``.NAME.*.tmp``), returned; renaming it onto ``path`` is the caller's."""
    path = Path(path)
    data = etree.tostring(doc.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    fd, tmp = _create_beside(path)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        if sync:
            os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


# Temporary names: the process's id and a count, unique among the writers of a folder (a
# name left by a crashed process whose id came round again is passed over).
_SERIAL = itertools.count()
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _create_beside(path: Path) -> tuple[int, Path]:
    """A new, empty ``.NAME.*.tmp`` file beside ``path``, opened for writing, with the mode
    a plain ``open`` gives (0666 less the umask: readers need the usual mode), as
    ``tempfile.mkstemp`` (0600, then a chmod) would give it at twice the cost."""
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_SERIAL)}.tmp")
        try:
            return os.open(tmp, _NEW_FILE, 0o666), tmp
        except FileExistsError:
            continue


# --- header ---------------------------------------------------------------------------


def conversion_date() -> str:
    """Today (UTC), or the day of ``SOURCE_DATE_EPOCH`` when set, for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
    return datetime.now(timezone.utc).date().isoformat()


@dataclass(frozen=True, slots=True)
class _Head:
    """What one document's header says beyond the page's metadata."""

    titles: tuple[tuple[str, str], ...]  # (text, type)
    result: PageResult  # (what was normalised on the page: the editorialDecl)
    interview: Interview | None = None  # the document's interview: its people, its order
    english: bool = False  # the titles are in English (the tool's own words)
    analytic: bool = False  # the document is one article of the page: describe it
    reporters: tuple[str, ...] = ()
    edited: bool = False  # some pairings were set by hand (--overrides)
    byline: tuple[str, ...] = ()  # the byline as printed (role words included)
    roster: tuple[str, str] = ("", "")  # the roster's label and text as printed


@lru_cache(maxsize=None)
def _template(name: str) -> etree._Element:
    """A part of the header that every document has the same (copied, never changed)."""
    if name == "langUsage":
        return E.langUsage(E.language("Chinese (simplified)", ident=LANG))
    if name == "appInfo":
        return E.appInfo(E.application(E.label("reconstruct"), ident="reconstruct", version=__version__))
    if name == "publicationStmt":
        # no <p> here: readers take every <p> outside the transcript for page text
        return E.publicationStmt(_english(E.authority("Reconstructed from a newspaper page text export")))
    if name == "segmentation":
        return E.segmentation(*map(E.ab, _SEGMENTATION))
    if name == "normalization":
        return E.normalization(*map(E.ab, _NORMALIZATION), method="silent")
    if name == "TEI":
        # every document's skeleton, its header's parts in their order, filled in by _header
        root = E.TEI()
        root.set(_XML_LANG, LANG)
        header = _add(root, "teiHeader")
        file_desc = _add(header, "fileDesc")
        _add(file_desc, "titleStmt")
        file_desc.append(_copy("publicationStmt"))
        _add(_add(file_desc, "sourceDesc"), "biblStruct")
        encoding = _add(header, "encodingDesc")
        encoding.append(_copy("appInfo"))
        decl = _add(encoding, "editorialDecl")
        decl.append(_copy("segmentation"))
        decl.append(_copy("normalization"))
        _english(encoding)
        _add(header, "profileDesc").append(_copy("langUsage"))
        _add(_english(_add(header, "revisionDesc")), "change")
        _add(root, "text")
        return root
    raise KeyError(name)


def _copy(name: str) -> etree._Element:
    """A fresh copy of :func:`_template` ``name``: copying a few elements costs a fifth of
    making them (an element's copy is a deep one)."""
    return _template(name).__copy__()


def _header(header: etree._Element, meta: PageMeta, head: _Head, when: str) -> etree._Element:
    """The document's teiHeader, ``header`` (a copy of the skeleton's: see _template), filled in."""
    file_desc, encoding, profile, revision = header
    _title_stmt(file_desc[0], head)
    _publication_stmt(file_desc[1], meta)
    _source(file_desc[2][0], meta, head)
    _decisions(encoding[1], head.result, head.interview)
    iv = head.interview
    if iv is not None and (iv.questions or iv.guests):
        label, printed = head.roster
        persons = _add(_add(profile, "particDesc"), "listPerson")
        if label:
            _add(persons, "head", label)
        if printed:
            _add(persons, "desc", printed, type="printed")
        if iv.questions:
            host = _add(persons, "person", role="interviewer")
            _add(host, "persName", iv.host)
            host.set(_XML_ID, "host")
        for g in iv.guests:
            _person(persons, g)
    change = revision[0]
    change.text = f"Converted from {meta.source} by reconstruct {__version__}."
    change.set("when", when)
    return header


def _english(el: etree._Element) -> etree._Element:
    el.set(_XML_LANG, "en")
    return el


def _title_stmt(stmt: etree._Element, head: _Head) -> etree._Element:
    """The titleStmt (``stmt``): the document's titles, reporters and editor."""
    for text, kind in head.titles:
        title = _add(stmt, "title", text, type=kind)
        if head.english:
            _english(title)
    if head.reporters:
        resp = _add(stmt, "respStmt")
        _add(resp, "resp", "记者")
        for n in head.reporters:
            _add(resp, "persName", n)
        for line in head.byline:
            _add(resp, "note", line, type="printed")
    if head.edited:
        editor = _english(E.respStmt(E.resp("question–answer pairings corrected by hand"),
                                     E.name("editor")))
        editor.set(_XML_ID, EDITOR.lstrip("#"))
        stmt.append(editor)
    return stmt


def _publication_stmt(stmt: etree._Element, meta: PageMeta) -> etree._Element:
    """The publicationStmt (``stmt``, the skeleton's): the page's licence added."""
    if meta.licence:
        licence = E.licence(meta.licence)
        if meta.licence.startswith(("http://", "https://")):
            licence.set("target", meta.licence)
        stmt.append(E.availability(licence))
    return stmt


def _source(struct: etree._Element, meta: PageMeta, head: _Head) -> etree._Element:
    """The sourceDesc's biblStruct (``struct``): the article and the page it is printed on."""
    if head.analytic and (head.titles or head.reporters):
        analytic = _add(struct, "analytic")
        for text, kind in head.titles:
            _add(analytic, "title", text, level="a", type=kind)
        for n in head.reporters:
            _add(_add(analytic, "author"), "persName", n)
    monogr = _add(struct, "monogr")
    if meta.newspaper:
        _add(monogr, "title", meta.newspaper, level="j")
    _add(monogr, "idno", meta.source, type="file")
    if meta.sha256:
        _add(monogr, "idno", meta.sha256, type="sha256")
    if meta.url:
        _add(monogr, "idno", meta.url, type="URL")
    date = _add(_add(monogr, "imprint"), "date", meta.date or None)
    if iso_date(meta.date):
        date.set("when", iso_date(meta.date) or "")
    if meta.page:
        _add(monogr, "biblScope", meta.page, unit="page")
    return struct


_SEGMENTATION = (
    "Lines broken at the column width are joined (no space between Chinese characters);"
    " a paragraph ends where the printed one ends: a line stopping short of its column"
    " or the next line's lost indent. Blank lines at column breaks are dropped.",
)
_NORMALIZATION = (
    "Spaces the PDF extractor put between Chinese characters, or between Chinese and"
    " Latin letters or digits, are removed; spaces between two Latin letters or digits"
    " are kept.",
    "Labels printed vertically (one character per line, or extracted in reverse order)"
    " are given in their upright reading.",
)


def _decisions(parent: etree._Element, result: PageResult, iv: Interview | None = None) -> etree._Element:
    """The editorialDecl (``parent``): what was normalised on the way from the page text to
    this TEI."""
    norm = []
    if result.removed_chars:
        norm.append(f"{result.removed_chars} characters that XML cannot hold were removed.")
    norm += list(result.normalised)
    normalization = parent[1]  # (the skeleton's segmentation, then normalization)
    for text in norm:
        _add(normalization, "ab", text)
    if iv is not None:
        _add(_add(parent, "interpretation"), "ab", _order(iv))
        edited = sum(1 for t in iv.turns if t.resp)
        if edited:
            _add(_add(parent, "correction"), "ab",
                 f"{edited} question–answer pairing(s) set by hand (@resp=\"{EDITOR}\").")
    return parent


def _order(iv: Interview) -> str:
    if iv.inline:
        return "Questions and answers are in the order printed."
    return ("The host's questions were printed apart from the answers; each question is placed"
            " before the answer(s) the aligner chose for it, and @cert on each answer gives the"
            " aligner's confidence (high, medium, low).")


def _tei(meta: PageMeta, head: _Head, when: str) -> tuple[etree._Element, etree._Element]:
    """The document's root with its header, and its (empty) ``<text>``: the skeleton copied
    (one copy costs a fraction of making its elements one by one) and filled in."""
    root = _copy("TEI")
    _header(root[0], meta, head, when)
    return root, root[1]


def _paras(parent: etree._Element, paragraphs: Sequence[Paragraph], prefix: str) -> etree._Element:
    """Append one ``<p xml:id="PREFIX.pK">`` per paragraph (one empty for none) to ``parent``."""
    for k, p in enumerate(paragraphs or (Paragraph(""),), start=1):
        _SUB(parent, _P, {_XML_ID: f"{prefix}.p{k}"}).text = p.text
    return parent


# --- interview ------------------------------------------------------------------------


def _interview_tei(iv: Interview, result: PageResult, when: str) -> etree._Element:
    meta = result.meta
    titles = [(iv.title or meta.source, "main")]
    if iv.subtitle:
        titles.append((iv.subtitle, "sub"))
    head = _Head(tuple(titles), result, iv, analytic=True, reporters=iv.reporters,
                 edited=any(t.resp for t in iv.turns), byline=iv.byline,
                 roster=(iv.roster_label, iv.roster_text))
    root, text = _tei(meta, head, when)
    front = E.front()
    if iv.title or iv.subtitle:  # the title as printed, in the text as well as in the header
        title = _add(_add(front, "titlePage"), "docTitle")
        for part, kind in ((iv.title, "main"), (iv.subtitle, "sub")):
            if part:
                _add(title, "titlePart", part, type=kind)
    if iv.editor_note or iv.label:
        note = _add(front, "div", type="editorial")
        if iv.label:
            _add(note, "head", iv.label)
        if iv.editor_note:  # (a label found with no note text: the label alone, no empty p)
            _paras(note, iv.editor_note, "note")
    if iv.roster_unparsed:
        # the roster holds text that is none of its guests' names and titles: printed in the
        # text too (the header keeps it as well), so that no character of the page is lost
        label = " ".join(f"{x}：" for x in iv.roster_label.split())  # labels end with their colon
        roster = _add(front, "div", type="roster")
        if label:
            _add(roster, "head", label)
        _add(roster, "ab", iv.roster_text, type="printed")
    if len(front):
        text.append(front)
    body = _add(text, "body")
    if iv.lead:
        _paras(_add(body, "div", type="lead"), iv.lead, "lead")
    ids = {g.name: g.id for g in iv.guests}
    turns = iv.turns or tuple(sorted(iv.questions + iv.answers, key=_start))
    div = _add(body, "div", type="interview")
    for k, t in enumerate(turns, start=1):
        _sp(div, t, k, ids)
    return root


def _person(parent: etree._Element, guest: Guest) -> etree._Element:
    """A guest: name, and the roster title as affiliation (organisation and post within);
    no name for a guest known only by an answer label (答)."""
    person = _add(parent, "person", role="interviewee")
    if guest.named:
        _add(person, "persName", guest.name)
    person.set(_XML_ID, guest.id)
    org, post = split_title(guest.title)
    if org and post:
        affiliation = _add(person, "affiliation")
        _add(affiliation, "orgName", org).tail = ""  # mixed content: no indentation between the parts
        _add(affiliation, "roleName", post)
    elif post:
        _add(_add(person, "affiliation"), "roleName", post)
    elif org:
        _add(person, "affiliation", org)
    return person


def _start(t: Turn) -> int:
    return t.paragraphs[0].lines[0] if t.paragraphs and t.paragraphs[0].lines else 0


def _sp(parent: etree._Element, turn: Turn, k: int, ids: dict[str, str]) -> etree._Element:
    attrib = {_XML_ID: f"sp{k}"}  # (made with the element: each set() parses its name again)
    who = "host" if turn.role == "host" else ids.get(turn.speaker)
    if who:
        attrib["who"] = f"#{who}"
    if turn.cert:
        attrib["cert"] = turn.cert
    if turn.resp:
        attrib["resp"] = turn.resp
    sp = _SUB(parent, _SP, attrib)
    _SUB(sp, _SPEAKER).text = turn.speaker
    _paras(sp, turn.paragraphs, f"sp{k}")
    return sp


# --- articles and leftovers -------------------------------------------------------------


def _articles_tei(result: PageResult, when: str) -> etree._Element:
    meta = result.meta
    titles = ((f"{meta.source}: other articles and unassigned text", "main"),)
    root, text = _tei(meta, _Head(titles, result, english=True), when)
    body = _add(text, "body")
    for k, art in enumerate(result.articles, start=1):
        _article(body, art, k)
    if result.leftovers:
        _paras(_add(body, "div", type="unassigned"), result.leftovers, "left")
    return root


def _article(parent: etree._Element, art: Article, k: int) -> etree._Element:
    div = _add(parent, "div", type="article")
    div.set(_XML_ID, f"art{k}")
    if art.headline:
        _add(div, "head", art.headline)
    return _paras(div, art.paragraphs, f"art{k}")
