from dataclasses import replace

import pytest
from lxml import etree

from reconstruct.model import Article, Guest, Interview, PageMeta, PageResult, Paragraph, Turn
from reconstruct.tei import TEI_NS, build_tei, conversion_date, write_tei
from reconstruct.validate import validate_tei

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FULL_META = PageMeta(source="p.txt", sha256="0" * 64, newspaper="某区日报", date="2024年7月6日",
                     page="3", url="https://example.org/p3", licence="https://creativecommons.org/licenses/by/4.0/")


def _result(meta: PageMeta | None = None, resp: str | None = None) -> PageResult:
    q = Turn("主持人", "host", (Paragraph("问？", (1,)),))
    a = Turn("王甲", "guest", (Paragraph("答一。", (3,)), Paragraph("答二。", (4,))), question=0,
             answer=0, confidence=0.9, cert="high", resp=resp)
    iv = Interview(title="标题", subtitle="副题", reporters=("张一",), label="编者按",
                   editor_note=(Paragraph("按语。"),),
                   guests=(Guest("王甲", "某局党组书记、局长", "guest-1"),),
                   questions=(q,), answers=(a,), turns=(q, a))
    return PageResult(meta=meta or PageMeta(source="p.txt", sha256="0" * 64), interviews=(iv,),
                      articles=(Article("新闻标题", (Paragraph("本报讯 正文。"),)),),
                      leftovers=(Paragraph("无处安放。", (9,)),))


def _root(result: PageResult, k: int = 0) -> etree._Element:
    return build_tei(result, when="2025-01-01")[k].tree.getroot()


def _x(root: etree._Element, path: str) -> list:  # type: ignore[type-arg]
    return root.xpath(path, namespaces=NS)


def test_one_document_per_interview_plus_articles() -> None:
    docs = build_tei(_result())
    assert [d.name for d in docs] == ["interview-1", "articles"]


def test_interview_profile() -> None:
    root = _root(_result())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert _x(root, "//t:titleStmt/t:title[@type='main']/text()") == ["标题"]
    assert _x(root, "//t:titleStmt/t:title[@type='sub']/text()") == ["副题"]
    assert _x(root, "//t:titleStmt/t:respStmt/t:persName/text()") == ["张一"]
    assert _x(root, "//t:front/t:div[@type='editorial']/t:head/text()") == ["编者按"]
    sps = _x(root, "//t:div[@type='interview']/t:sp")
    assert [s.get("who") for s in sps] == ["#host", "#guest-1"]
    assert sps[1].get("cert") == "high"
    assert [p.get(XML_ID) for p in _x(sps[1], "t:p")] == ["sp2.p1", "sp2.p2"]
    assert _x(root, "//t:application/@version")


def test_guest_title_is_split_but_kept_whole() -> None:
    person = _x(_root(_result()), "//t:person[@role='interviewee']")[0]
    assert person.get(XML_ID) == "guest-1"
    assert _x(person, "t:affiliation/t:orgName/text()") == ["某局"]
    assert _x(person, "t:affiliation/t:roleName/text()") == ["党组书记、局长"]
    assert _x(person, "string(t:affiliation)") == "某局党组书记、局长"


def test_source_description_from_metadata() -> None:
    root = _root(_result(FULL_META))
    bs = _x(root, "//t:sourceDesc/t:biblStruct")[0]
    assert _x(bs, "t:analytic/t:title[@type='main']/text()") == ["标题"]
    assert _x(bs, "t:analytic/t:author/t:persName/text()") == ["张一"]
    assert _x(bs, "t:monogr/t:title[@level='j']/text()") == ["某区日报"]
    assert _x(bs, "t:monogr/t:imprint/t:date/@when") == ["2024-07-06"]
    assert _x(bs, "t:monogr/t:imprint/t:date/text()") == ["2024年7月6日"]
    assert _x(bs, "t:monogr/t:biblScope[@unit='page']/text()") == ["3"]
    assert _x(bs, "t:monogr/t:idno[@type='file']/text()") == ["p.txt"]
    assert _x(bs, "t:monogr/t:idno[@type='sha256']/text()") == ["0" * 64]
    assert _x(bs, "t:monogr/t:idno[@type='URL']/text()") == ["https://example.org/p3"]
    assert _x(root, "//t:publicationStmt/t:availability/t:licence/@target") == [FULL_META.licence]


def test_missing_metadata_is_left_out_not_invented() -> None:
    root = _root(_result())
    assert not _x(root, "//t:monogr/t:title")
    assert not _x(root, "//t:biblScope | //t:availability | //t:date[@when]")
    assert _x(root, "//t:imprint/t:date/text()") == []


def test_no_paragraph_outside_the_text() -> None:
    """Readers take every <p> outside the transcript for page text."""
    for k in (0, 1):
        assert not _x(_root(_result(FULL_META), k), "//t:teiHeader//t:p")


def test_editorial_declaration_and_revision_date() -> None:
    root = _root(replace(_result(), removed_chars=2, normalised=("label read upright",)))
    decl = " ".join(_x(root, "//t:editorialDecl//t:ab/text()"))
    assert "joined" in decl and "Spaces" in decl and "2 characters" in decl
    assert "label read upright" in decl and "question is placed before" in decl
    assert _x(root, "//t:revisionDesc/t:change/@when") == ["2025-01-01"]


def test_conversion_date_honours_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert conversion_date() == "1970-01-02"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert len(conversion_date()) == 10


def test_hand_corrected_pair_points_to_the_editor() -> None:
    root = _root(_result(resp="#editor"))
    assert _x(root, "//t:sp[@resp]/@resp") == ["#editor"]
    assert _x(root, "//t:titleStmt/t:respStmt[@xml:id='editor']/t:name/text()") == ["editor"]
    assert "set by hand" in " ".join(_x(root, "//t:editorialDecl/t:correction//text()"))


def test_same_input_same_bytes_and_ids() -> None:
    one = [etree.tostring(d.tree) for d in build_tei(_result(), when="2025-01-01")]
    two = [etree.tostring(d.tree) for d in build_tei(_result(), when="2025-01-01")]
    assert one == two
    root = _root(_result())
    ps = _x(root, "//t:text//t:p")
    assert all(p.get(XML_ID) for p in ps) and all(s.get(XML_ID) for s in _x(root, "//t:sp"))


def test_leftovers_are_kept_and_marked() -> None:
    root = _root(_result(), 1)
    assert _x(root, "//t:div[@type='article']/t:head/text()") == ["新闻标题"]
    assert _x(root, "//t:div[@type='unassigned']/t:p/text()") == ["无处安放。"]
    assert not _x(root, "//t:analytic")


def test_write_is_atomic_and_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = build_tei(_result())[0]
    path = write_tei(doc, tmp_path / "x.xml")
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert [p.name for p in tmp_path.iterdir()] == ["x.xml"]
    assert path.stat().st_mode & 0o044  # readable by others (mkstemp alone gives 0600)
    assert etree.parse(str(path)).getroot().tag == f"{{{TEI_NS}}}TEI"


@pytest.mark.slow
def test_full_header_is_valid_tei_all() -> None:
    for result in (_result(FULL_META, resp="#editor"), _result()):
        for doc in build_tei(result):
            assert validate_tei(doc.tree) == [], doc.name


def test_title_is_printed_in_the_text_too() -> None:
    root = _root(_result())
    assert _x(root, "//t:text/t:front/t:titlePage/t:docTitle/t:titlePart/text()") == ["标题", "副题"]


def test_a_guest_known_only_by_an_answer_label_is_listed_without_a_name() -> None:
    result = _result()
    iv = result.interviews[0]
    iv = replace(iv, guests=(Guest("答", id="guest-1", named=False),),
                 turns=(iv.turns[0], replace(iv.turns[1], speaker="答")))
    root = _root(replace(result, interviews=(iv,)))
    guest = _x(root, "//t:person[@role='interviewee']")[0]
    assert guest.get(XML_ID) == "guest-1" and not len(guest)
    assert _x(root, "//t:sp[@who='#guest-1']/t:speaker/text()") == ["答"]
    assert validate_tei(etree.ElementTree(root)) == []


def test_a_roster_holding_more_than_its_guests_is_printed_in_the_text() -> None:
    result = _result()
    run_in = "近日，记者就有关话题专访了某局局长王甲。"
    iv = replace(result.interviews[0], roster_label="访谈嘉宾", roster_text=run_in + "某局党组书记、局长王甲")
    root = _root(replace(result, interviews=(iv,)))
    assert _x(root, "//t:front/t:div[@type='roster']/t:ab/text()") == [run_in + "某局党组书记、局长王甲"]
    assert validate_tei(etree.ElementTree(root)) == []


@pytest.mark.parametrize("title, sep", [
    # a title that ran on into the lead's slogan
    ("某局党组书记、局长“先修路、再致富”", "，"),
    # the lead's sentence, broken off before its punctuation, read as the guest's title: a
    # title that ends in no post is no entry
    ("记者近日采访了某局和某协会负责", ""),
])
def test_a_roster_title_that_is_no_entry_is_printed_in_the_text(title: str, sep: str) -> None:
    # the roster is printed, so nothing is lost
    result = _result()
    iv = replace(result.interviews[0], roster_label="访谈嘉宾", roster_text=title + sep + "王甲",
                 guests=(Guest("王甲", title, "guest-1"),))
    root = _root(replace(result, interviews=(iv,)))
    assert _x(root, "//t:front/t:div[@type='roster']/t:ab/text()") == [title + sep + "王甲"]


def test_a_roster_title_running_on_past_its_post_is_printed_in_the_text() -> None:
    # a name-first roster whose last line a wrong join ran into an answer's line: the
    # parser gives the last guest "某医院院长" and the line after it as one title
    from reconstruct.furniture import parse_roster

    printed = "王甲 某局党组书记、局长\n李乙 某医院院长\n管理到血管开通平均时间"
    guests = parse_roster(printed.split("\n"), ["王甲", "李乙"])
    assert guests[1].title == "某医院院长管理到血管开通平均时间"
    result = _result()
    iv = replace(result.interviews[0], roster_label="访谈嘉宾", roster_text=printed, guests=guests)
    root = _root(replace(result, interviews=(iv,)))
    assert _x(root, "//t:front/t:div[@type='roster']/t:ab/text()") == [printed]


def test_a_single_character_run_into_a_roster_is_printed_in_the_text() -> None:
    # a sentence's last character and its full stop glued after the roster's last name: no
    # two letters in a row, yet the page's characters all the same
    result = _result()
    printed = "某局党组书记、局长 王甲 化。"
    iv = replace(result.interviews[0], roster_label="访谈嘉宾", roster_text=printed)
    assert iv.roster_unparsed == "化。"
    root = _root(replace(result, interviews=(iv,)))
    assert _x(root, "//t:front/t:div[@type='roster']/t:ab/text()") == [printed]


def test_a_roster_of_names_and_titles_stays_in_the_header_only() -> None:
    result = _result()
    iv = replace(result.interviews[0], roster_label="访谈嘉宾", roster_text="某局党组书记、局长 王甲")
    root = _root(replace(result, interviews=(iv,)))
    assert not _x(root, "//t:front/t:div[@type='roster']")
    assert _x(root, "//t:particDesc//t:desc[@type='printed']/text()") == ["某局党组书记、局长 王甲"]


def test_folded_radicals_are_declared_and_nothing_is_lost() -> None:
    # pdfminer gives ⼈ for 人; hypothesis found ⻢ (马) before a label: the character is in
    # the document as the one it stands for, and the fold is declared
    from reconstruct import reconstruct_page

    result = reconstruct_page("⻢主持人：产业基础怎么样？\n\n王甲：我们重点在⼈才上下功夫。\n")
    root = build_tei(result, when="2025-01-01")[0].tree.getroot()
    decl = " ".join(_x(root, "//t:editorialDecl//t:ab/text()"))
    assert "2 radical code point(s)" in decl
    text = "".join(root.itertext())
    assert "马主持人" in text and "人才" in text and "⻢" not in text


def test_a_note_label_with_no_note_text_is_the_head_alone() -> None:
    # the label was printed, its text was not found: no empty paragraph stands for it
    result = _result()
    iv = replace(result.interviews[0], editor_note=())
    root = _root(replace(result, interviews=(iv,)))
    assert _x(root, "//t:div[@type='editorial']/t:head/text()") == ["编者按"]
    assert _x(root, "//t:div[@type='editorial']/t:p") == []
    assert validate_tei(etree.ElementTree(root)) == []


def test_staged_documents_are_fresh_files_beside_their_target(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reconstruct.tei import stage_tei

    doc = build_tei(_result())[0]
    target = tmp_path / "x.xml"
    first, second = stage_tei(doc, target), stage_tei(doc, target)
    assert first != second and first.parent == second.parent == tmp_path
    assert first.name.startswith(".x.xml.") and first.name.endswith(".tmp")
    assert first.read_bytes() == second.read_bytes() == etree.tostring(
        doc.tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    assert not target.exists()
