"""Property tests (hypothesis): bad input never crashes a page or loses its text.

Pages are seeds — the real seed page, the hand-made page, the typeset dumps in
``tests/pages/typeset`` and pages laid out by ``tests/generators/textpage.py`` — mutated:
lines dropped, duplicated or shuffled, blank lines and noise inserted (random Unicode with
control characters and NUL), truncated; and as bytes, with invalid sequences spliced in.

Properties:

- no exception escapes a page (``reconstruct_page`` + ``build_tei``; from bytes, ``read_page``
  raises nothing but :class:`InputError`);
- every document is well-formed, and valid TEI (``tei_all``, on fewer examples: slow);
- every non-whitespace character of the input is somewhere in the outputs — over the
  :class:`PageResult`'s text fields and over the written TEI — as a multiset, allowing only
  the colon after a label, the leading dashes of a subtitle and characters illegal in XML.
  Each loss mechanism found has a minimal test; a weaker property checks that no *other*
  mechanism loses text.

Profiles: ``HYPOTHESIS_PROFILE=ci`` (default: a bounded number of examples) or ``long``
(a campaign, see the README's "Robustness and speed").
"""

from __future__ import annotations

import os
import random
import re
import signal
import sys
from contextlib import contextmanager
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from reconstruct import build_tei, reconstruct_page
from reconstruct.errors import InputError
from reconstruct.model import PageMeta, PageResult
from reconstruct.normalise import fold_radicals
from reconstruct.read import read_page

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS / "generators"))

import make_pages  # noqa: E402
import textpage  # noqa: E402

settings.register_profile(  # no shrinking in CI: a failure prints its blob to reproduce
    "ci", max_examples=40, deadline=None, derandomize=True, print_blob=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long", max_examples=5000, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
# Validating against tei_all costs ~10 ms a document: fewer examples for that property.
VALIDATED = settings(PROFILE, max_examples=max(10, PROFILE.max_examples // 2))

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_LABEL = re.compile(r"^\s*((?:[\u3400-\u9fff·]\s*){1,8})[：:]")
_LABEL_AT = re.compile(r"\s*((?:[\u3400-\u9fff·]\s*){1,8})[：:]")  # (at a given position)
_DASHES = re.compile(r"\s*([—\-－]+)")  # (at a given position)
TEI = "{http://www.tei-c.org/ns/1.0}"


# --- seeds and mutations --------------------------------------------------------------


@lru_cache(maxsize=1)
def _seed_texts() -> tuple[str, ...]:
    files = [*sorted((TESTS.parent / "seeds").glob("*.txt")),
             *sorted((TESTS / "pages" / "hand").glob("*.txt")),
             *sorted((TESTS / "pages" / "typeset").glob("*/*.txt"))]
    return tuple("\n".join(x.text for x in read_page(f).lines) for f in files)


@lru_cache(maxsize=1)
def _corpus() -> tuple[list[dict], list[dict]]:
    root = TESTS / "corpus"
    if not any((root / "interviews").glob("*.json")):
        root = TESTS / "generators" / "samples"
    return make_pages.load_corpus(root)


def _generated(seed: int) -> str:
    interviews, articles = _corpus()
    rng = random.Random(seed)
    iv = None if seed % 9 == 8 else interviews[seed % len(interviews)]
    arts = rng.sample(articles, min(len(articles), 1 + seed % 3))
    text, _gold = textpage.make_page(iv, arts, rng, textpage.MODES[seed % 3])
    return text


seed_texts = st.one_of(
    st.integers(0, 10_000).map(_generated),
    st.integers(0, 10_000).map(lambda i: _seed_texts()[i % len(_seed_texts())]),
)
# Noise: any code point (controls, NUL, surrogates excluded by hypothesis, added below),
# CJK, labels and punctuation the pipeline keys on.
noise_chars = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0, max_codepoint=0x1F),
    st.sampled_from("\x00\ufeff\u2028\u3000\ufffe\ud800：:——。，！？“”本报讯主持人记者嘉宾编者按"),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
)
noise = st.text(noise_chars, max_size=40)
labels = st.sampled_from(["主持人：", "记者：", "张三：", "李四：", "访谈嘉宾：", "编者按：",
                          "——", "本报讯", "记者 王五 赵六", "采访对象：", "语开栏", ""])


@st.composite
def mutated_pages(draw: st.DrawFn) -> str:
    lines = draw(seed_texts).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(
            ["drop", "duplicate", "shuffle", "blank", "noise", "label", "splice", "truncate",
             "side"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if op == "drop" and len(lines) > 1:
            del lines[i : i + draw(st.integers(1, 8))]
        elif op == "duplicate":
            lines[i:i] = lines[i : i + draw(st.integers(1, 8))]
        elif op == "shuffle":
            window = lines[i : i + draw(st.integers(2, 40))]
            draw(st.randoms(use_true_random=False)).shuffle(window)
            lines[i : i + len(window)] = window
        elif op == "blank":
            lines.insert(i, draw(st.sampled_from(["", " ", "\u3000", "\t", "  \u3000 "])))
        elif op == "noise":
            lines.insert(i, draw(noise))
        elif op == "label":
            lines.insert(i, draw(labels) + draw(noise))
        elif op == "splice" and lines:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(noise) + lines[i][at:]
        elif op == "side":  # columns set side by side (pdftotext -layout), 2-6 of them
            k, n = draw(st.integers(1, 12)), draw(st.integers(2, 6))
            rows = [lines[i + c * k : i + (c + 1) * k] for c in range(n)]
            gap = " " * draw(st.integers(1, 6))
            lines[i : i + n * k] = [gap.join(r[j] if j < len(r) else "" for r in rows)
                                    for j in range(k)]
        elif op == "truncate" and lines:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: draw(st.integers(0, len(lines[-1])))]
    return "\n".join(lines)


@st.composite
def mutated_bytes(draw: st.DrawFn) -> bytes:
    text = draw(mutated_pages())
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030"]))
    data = bytearray(text.encode(encoding, errors="surrogatepass" if "utf" in encoding
                                 else "replace"))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        bad = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe4\xb8", b"\x80\x80", b"\xed\xa0\x80",
                                    b"\x00", b"\xfe\xff", b"\x1b[0m"]))
        data[at:at] = bad
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


# --- what the outputs hold ----------------------------------------------------------------


def chars(text: str) -> Counter[str]:
    return Counter(c for c in text if not c.isspace())


def result_strings(result: PageResult) -> list[str]:
    """Every text field of a result: turns and speakers, furniture, articles, leftovers."""
    out: list[str] = []
    for iv in result.interviews:
        out += [iv.title, iv.subtitle, iv.label, *iv.reporters, *iv.byline]
        out += [iv.roster_label, iv.roster_text]
        out += [p.text for p in iv.editor_note + iv.lead]
        out += [g.name + g.title for g in iv.guests]
        for t in iv.turns or iv.questions + iv.answers:  # (each answer is in turns once)
            out += [t.speaker, *(p.text for p in t.paragraphs)]
    for art in result.articles:
        out += [art.headline, *(p.text for p in art.paragraphs)]
    out += [p.text for p in result.leftovers]
    return out


_PAGE_TEXT = {f"{TEI}{t}" for t in ("p", "head", "speaker", "persName", "affiliation", "title",
                                    "label", "desc", "note")}


def tei_strings(docs) -> list[str]:  # type: ignore[no-untyped-def]
    """Text the documents carry from the page: <p>, <head>, <speaker>, names, titles.

    The header's boilerplate (file name, checksum, tool, language) is left out, and so is the
    articles document's generated title, so they cannot mask a lost character."""
    out: list[str] = []
    for doc in docs:
        for el in doc.tree.iter(*_PAGE_TEXT):
            if el.tag == f"{TEI}title" and (doc.name == "articles" or el.get("level")):
                continue
            if el.getparent() is not None and el.getparent().tag == f"{TEI}application":
                continue
            out.append("".join(el.itertext()) if el.tag != f"{TEI}p" else (el.text or ""))
    return out


def allowed_losses(text: str) -> Counter[str]:
    """What may go: the colon closing a label and a subtitle's leading dashes (at a line's
    start, or a fused column's after a gap), XML-illegal chars."""
    allowed: Counter[str] = Counter()
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _ILLEGAL_XML.sub("", line)
        colons = {m.end() - 1 for at in (0, *(g.end() for g in re.finditer(" +", line)))
                  if (m := _LABEL_AT.match(line, at))}
        for at in colons:
            allowed[line[at]] += 1
        for at in (0, *(g.end() for g in re.finditer(" +", line))):  # (a fused column's too)
            m = _DASHES.match(line, at)
            if m:
                allowed += chars(m.group(1))
    return allowed


def lost_chars(text: str, strings: list[str], allowed: Counter[str] | None = None) -> Counter[str]:
    """Characters of the input missing from ``strings`` beyond what is allowed; a radical
    code point counts as the character it is folded to (declared in the TEI's
    editorialDecl)."""
    missing = chars(fold_radicals(_ILLEGAL_XML.sub("", text))[0]) - chars("".join(strings))
    return missing - allowed_losses(text) - (allowed or Counter())


# Mechanisms once found (each pinned by a minimal test below, all fixed now: the roster's
# label and text and the byline are kept as printed): the weak property still forgives them
# so that it keeps guarding against any *other* loss.
_ROSTER_HEAD = re.compile(r"^\s*((?:[\u3400-\u9fff]\s*){0,6}嘉宾|访谈对象)\s*[：:]")
_BYLINE = re.compile(r"^\s*(本报记者|实习记者|见习记者|特约记者|记者|通讯员|摄影)")
_ROLES = re.compile(r"本报记者|实习记者|见习记者|特约记者|记者|通讯员|摄影|文/图|文图")


def known_losses(text: str) -> Counter[str]:
    allowed: Counter[str] = Counter()
    for line in text.split("\n"):
        m = _ROSTER_HEAD.match(line)
        if m:
            allowed += chars(m.group(0))
            line = line[m.end():]
        if _BYLINE.match(line):
            allowed += chars("".join(_ROLES.findall(line)))
        flat = re.sub(r"\s", "", line)
        if flat and len(flat) <= 40 and not re.search(r"[。，！？；]", flat):
            allowed += chars(flat)  # a roster-like line: may be taken into the roster
    return allowed


# --- properties ---------------------------------------------------------------------------

# A page takes well under a second; one that takes this long is stuck.
PAGE_SECONDS = 5


class PageTimeout(Exception):
    """A page did not finish in PAGE_SECONDS (a hang, not an exception of the pipeline)."""


@contextmanager
def time_limit(seconds: float = PAGE_SECONDS):  # type: ignore[no-untyped-def]
    def expired(_signum, _frame):  # type: ignore[no-untyped-def]
        raise PageTimeout(f"page not done in {seconds} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _reconstruct(text):  # type: ignore[no-untyped-def]
    with time_limit():
        return reconstruct_page(text, PageMeta(source="mutated.txt"))


def _well_formed(docs) -> None:  # type: ignore[no-untyped-def]
    for doc in docs:
        data = etree.tostring(doc.tree, xml_declaration=True, encoding="UTF-8")
        assert etree.fromstring(data).tag == f"{TEI}TEI"


@PROFILE
@given(mutated_pages())
def test_no_exception_escapes_a_page_and_documents_are_well_formed(text: str) -> None:
    result = _reconstruct(text)
    _well_formed(build_tei(result))


@PROFILE
@given(mutated_bytes())
def test_bytes_raise_nothing_but_input_error(data: bytes) -> None:
    try:
        page = read_page(data, PageMeta(source="mutated.txt"))
    except InputError as exc:
        assert str(exc).startswith("mutated.txt") and "\n" not in str(exc)
        return
    _well_formed(build_tei(_reconstruct(page)))


@pytest.mark.slow
@VALIDATED
@given(mutated_pages())
def test_every_document_is_valid_tei(text: str) -> None:
    from reconstruct.validate import validate_tei

    for doc in build_tei(_reconstruct(text)):
        problems = validate_tei(doc.tree)
        assert not problems, (doc.name, problems[:3])


@PROFILE
@given(mutated_pages())
# found by a long campaign: a radical code point (⻢ for 马) is folded, not lost
@example("⻢主持人：产业基础怎么样？\n\n王甲：我们重点在⼈才上下功夫。\n")
def test_no_character_is_lost_beyond_the_known_mechanisms(text: str) -> None:
    result = _reconstruct(text)
    known = known_losses(text)
    assert not lost_chars(text, result_strings(result), known), "lost from the PageResult"
    assert not lost_chars(text, tei_strings(build_tei(result)), known), "lost from the TEI"


def test_the_loss_check_sees_a_lost_character() -> None:
    text = "主持人：今年有什么打算？\n张三：我们将加快发展。"
    result = reconstruct_page(text)
    assert not lost_chars(text, result_strings(result))
    assert lost_chars(text + "\n壹", result_strings(result)) == Counter("壹")
    assert not lost_chars(text, tei_strings(build_tei(result)))




@settings(PROFILE, max_examples=min(PROFILE.max_examples, 20))
@given(mutated_pages())
# found by a long campaign: two empty questions are two turns, each with its speaker
@example("主持人：\n主持人：\n主持人：今年怎么样？\n\n王甲：我们做得很好。\n")
def test_every_character_survives_in_the_result(text: str) -> None:
    result = _reconstruct(text)
    assert not lost_chars(text, result_strings(result))


@settings(PROFILE, max_examples=min(PROFILE.max_examples, 20))
@given(mutated_pages())
def test_every_character_survives_in_the_tei(text: str) -> None:
    result = _reconstruct(text)
    assert not lost_chars(text, tei_strings(build_tei(result)))


# --- minimal cases, one per loss mechanism found ---------------------------------------------

_QA = "主持人：今年有什么打算？\n\n张三：我们将加快发展，做强产业。\n\n李四：我们会继续努力。\n"


def _lost(text: str, forgive: str = "") -> tuple[Counter[str], Counter[str]]:
    """Characters lost from the result and from the TEI, beyond ``forgive`` (another
    mechanism's loss, so that each test pins one mechanism)."""
    result = reconstruct_page(text)
    return (lost_chars(text, result_strings(result), chars(forgive)),
            lost_chars(text, tei_strings(build_tei(result)), chars(forgive)))


def test_a_roster_is_read_and_only_known_mechanisms_lose_its_text() -> None:
    text = "访谈嘉宾：\n\n某某局局长\n\n张三\n\n某某公司董事长\n\n李四\n\n" + _QA
    result = reconstruct_page(text)
    assert [(g.name, g.title) for g in result.interviews[0].guests] == [
        ("张三", "某某局局长"), ("李四", "某某公司董事长")]
    assert _lost(text, forgive="访谈嘉宾") == (Counter(), Counter())


def test_roster_label_is_kept() -> None:
    text = "访谈嘉宾：\n\n某某局局长\n\n张三\n\n某某公司董事长\n\n李四\n\n" + _QA
    assert _lost(text) == (Counter(), Counter())


def test_byline_roles_are_kept() -> None:
    text = "某区加快发展\n\n本报记者 王五 通讯员 赵六\n\n" + _QA
    assert _lost(text) == (Counter(), Counter())


def test_roster_text_after_the_last_name_is_kept() -> None:
    text = "访谈嘉宾：某某局局长张三、某某公司董事长李四（按发言顺序）\n\n" + _QA
    assert _lost(text, forgive="访谈嘉宾") == (Counter(), Counter())


def test_a_line_glued_to_the_roster_is_kept() -> None:
    text = "访谈嘉宾：\n某某局局长\n张三\n某某公司董事长\n李四\n溪宁县消防馆开放\n\n" + _QA
    assert _lost(text, forgive="访谈嘉宾") == (Counter(), Counter())


def test_roster_without_a_known_name_is_kept() -> None:
    text = "访谈嘉宾：某某局局长 王五\n\n" + _QA
    assert _lost(text, forgive="访谈嘉宾") == (Counter(), Counter())


_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
_GLUE = st.text(st.one_of(_HAN, st.sampled_from("，。；！？“”、（）0a")), min_size=1, max_size=12)


@st.composite
def glued_rosters(draw):  # type: ignore[no-untyped-def]
    """A roster's printed lines, title-then-name or name-then-title, with text a wrong join
    ran into it (a lead's sentence, an answer's line) somewhere among its lines."""
    posts = st.sampled_from(["局长", "主任", "院长", "党委书记、校长", "董事长", "教练员", "工程师"])
    names = draw(st.lists(st.text(_HAN, min_size=2, max_size=3), min_size=1, max_size=3, unique=True))
    entries = [draw(st.text(_HAN, max_size=8)) + draw(posts) for _ in names]
    name_first = draw(st.booleans())
    lines = [f"{n} {t}" if name_first else f"{t} {n}" for n, t in zip(names, entries)]
    lines.insert(draw(st.integers(0, len(lines))), draw(_GLUE))
    return lines, names


@settings(PROFILE)
@given(glued_rosters())
# a sentence's last character and its full stop after the last name: once lost (no two
# letters in a row were taken for stray punctuation)
@example((["某局局长 王甲", "化。"], ["王甲"]))
def test_no_printed_roster_character_is_in_the_header_only(roster) -> None:  # type: ignore[no-untyped-def]
    # whatever the roster parser reads, every character of the printed roster is in the
    # TEI's text, or is a name or a title that reads as an entry (the header's persons)
    from reconstruct.furniture import parse_roster
    from reconstruct.model import ROSTER_SEPARATORS, Interview

    lines, names = roster
    guests = parse_roster(lines, names)
    iv = Interview(roster_label="访谈嘉宾", roster_text="\n".join(lines), guests=guests)
    doc = build_tei(PageResult(meta=PageMeta(source="p.txt"), interviews=(iv,)))[0]
    text = "".join(doc.tree.getroot().find(f"{TEI}text").itertext())
    kept = text + "".join(g.name + (g.title if g.reads_as_entry(guests) else "") for g in guests)
    printed = Counter(c for c in chars(iv.roster_text) if c not in ROSTER_SEPARATORS)
    assert not printed - chars(kept)


# --- minimal cases of other failures found --------------------------------------------------


def test_one_question_three_answers_by_one_guest_terminates() -> None:
    text = "主持人：今年有什么打算？\n\n张三：我们将加快发展。\n\n张三：我们会继续努力。\n\n张三：还要做强产业。\n"
    with time_limit(5):
        result = reconstruct_page(text)
    assert len(result.interviews[0].turns) == 4
