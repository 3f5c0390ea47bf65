from lxml import etree

from reconstruct.model import Article, Guest, Interview, PageMeta, PageResult, Paragraph, Turn
from reconstruct.tei import TEI_NS, build_tei, write_tei

NS = {"t": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _result() -> PageResult:
    q = Turn("主持人", "host", (Paragraph("问？", (1,)),))
    a = Turn("王甲", "guest", (Paragraph("答一。", (3,)), Paragraph("答二。", (4,))), question=0,
             answer=0, confidence=0.9, cert="high")
    iv = Interview(title="标题", subtitle="副题", reporters=("张一",), label="编者按",
                   editor_note=(Paragraph("按语。"),), guests=(Guest("王甲", "某局局长", "guest-1"),),
                   questions=(q,), answers=(a,), turns=(q, a))
    return PageResult(meta=PageMeta(source="p.txt", sha256="0" * 64), interviews=(iv,),
                      articles=(Article("新闻标题", (Paragraph("本报讯 正文。"),)),),
                      leftovers=(Paragraph("无处安放。", (9,)),))


def test_one_document_per_interview_plus_articles() -> None:
    docs = build_tei(_result())
    assert [d.name for d in docs] == ["interview-1", "articles"]


def test_interview_profile() -> None:
    root = build_tei(_result())[0].tree.getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    assert root.xpath("//t:titleStmt/t:title[@type='main']/text()", namespaces=NS) == ["标题"]
    assert root.xpath("//t:titleStmt/t:title[@type='sub']/text()", namespaces=NS) == ["副题"]
    assert root.xpath("//t:respStmt/t:persName/text()", namespaces=NS) == ["张一"]
    person = root.xpath("//t:person[@role='interviewee']", namespaces=NS)[0]
    assert person.get(XML_ID) == "guest-1"
    assert person.xpath("t:affiliation/text()", namespaces=NS) == ["某局局长"]
    assert root.xpath("//t:front/t:div[@type='editorial']/t:head/text()", namespaces=NS) == ["编者按"]
    sps = root.xpath("//t:div[@type='interview']/t:sp", namespaces=NS)
    assert [s.get("who") for s in sps] == ["#host", "#guest-1"]
    assert sps[1].get("cert") == "high"
    assert [p.get(XML_ID) for p in sps[1].xpath("t:p", namespaces=NS)] == ["sp2.p1", "sp2.p2"]
    assert root.xpath("//t:application/@version", namespaces=NS)


def test_leftovers_are_kept_and_marked() -> None:
    root = build_tei(_result())[1].tree.getroot()
    assert root.xpath("//t:div[@type='article']/t:head/text()", namespaces=NS) == ["新闻标题"]
    assert root.xpath("//t:div[@type='unassigned']/t:p/text()", namespaces=NS) == ["无处安放。"]


def test_write_is_atomic_and_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = build_tei(_result())[0]
    path = write_tei(doc, tmp_path / "x.xml")
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert [p.name for p in tmp_path.iterdir()] == ["x.xml"]
    assert etree.parse(str(path)).getroot().tag == f"{{{TEI_NS}}}TEI"
