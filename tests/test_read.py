import codecs

import pytest

from reconstruct.errors import InputError
from reconstruct.model import PageMeta
from reconstruct.read import decode_bytes, page_from_text, read_page

TEXT = "主持人：今年有什么打算？\n张三：我们将加快发展。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ],
)
def test_encodings_are_detected(data: bytes, encoding: str) -> None:
    text, found = decode_bytes(data)
    assert text.lstrip("\ufeff") == TEXT
    assert found == encoding


def test_lines_keep_their_numbers_and_endings_are_normalised() -> None:
    page = page_from_text("甲\r\n\r\n乙\r丙")
    assert [(x.number, x.text) for x in page.lines] == [(1, "甲"), (2, ""), (3, "乙"), (4, "丙")]


def test_characters_illegal_in_xml_are_removed_and_counted() -> None:
    page = page_from_text("甲\x00乙\x07丙")
    assert page.lines[0].text == "甲乙丙"
    assert page.removed_chars == 2


def test_a_form_feed_is_whitespace_not_text_removed() -> None:
    # pdftotext ends every page with a form feed: no page should report a character removed
    page = page_from_text("甲乙\n丙\x0b丁\n\x0c")
    assert [x.text for x in page.lines] == ["甲乙", "丙丁", ""]
    assert page.removed_chars == 0


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_pages_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        read_page(data, PageMeta(source="x.txt"))


def test_binary_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        read_page(bytes(range(256)) * 40)


def test_gb18030_file_reads_like_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    page = read_page(path)
    assert page.encoding == "gb18030"
    assert page.meta.source == "p.txt"
    assert page.meta.sha256 and len(page.meta.sha256) == 64


def test_tabs_and_line_breaks_are_text_but_control_characters_are_not() -> None:
    from reconstruct.read import _looks_like_text

    assert _looks_like_text("第一行\t文字\r\n第二行\n")
    assert not _looks_like_text("\x01\x02\x03\x04" * 50 + "中文")
