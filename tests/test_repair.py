import pytest

from reconstruct.repair import display_width, ends_sentence, join_lines, strip_spaces


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("企业 600 余家", "企业600余家"),
        ("园 区 产 业 转 型", "园区产业转型"),
        ("人工智能 AI 产业", "人工智能AI产业"),
        ("采用 5G and AI 技术", "采用5G and AI技术"),
        ("（记者 王五）", "（记者王五）"),
        ("\u3000\u3000本报讯", "本报讯"),
    ],
)
def test_extraction_spaces_are_removed(raw: str, clean: str) -> None:
    assert strip_spaces(raw) == clean


def test_wrapped_lines_join_without_space_but_latin_words_keep_one() -> None:
    assert join_lines(["一枢纽三", "高地"]) == "一枢纽三高地"
    assert join_lines(["the smart", "city"]) == "the smart city"


def test_widths_count_half_width_as_half() -> None:
    assert display_width("中文") == 2
    assert display_width("ab12") == 2
    assert display_width("“好”") == 3


@pytest.mark.parametrize("line, end", [("完成了。", True), ("他说：“好！”", True), ("高", False), ("然而，", False)])
def test_sentence_ends(line: str, end: bool) -> None:
    assert ends_sentence(line) is end


def test_display_width_fast_path_agrees_with_char_width():
    """The one-regex count of full-width characters only counts characters char_width
    calls full-width, and the total equals the per-character sum (and its type)."""
    from reconstruct import repair

    full = [chr(cp) for cp in range(0x10000) if repair._FULL_WIDTH.fullmatch(chr(cp))]
    assert full and all(repair.char_width(c) == 1.0 for c in full)
    for text in ["", "abc", "中文，“引号”…—", "Ａ１ ｂ", "한국어 かな", "x\u00e9\u0301y\u2e80", "\t 混合 mixed 文本 123"]:
        expected = sum((repair.char_width(c) for c in text), 0.0)
        got = repair.display_width(text)
        assert got == expected and type(got) is type(expected)
