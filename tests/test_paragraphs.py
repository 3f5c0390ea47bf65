from conftest import page

from reconstruct.blocks import split_blocks
from reconstruct.paragraphs import join_paragraphs


def _paras(text: str) -> list[str]:
    return [p.text for p in join_paragraphs(split_blocks(page(text)))]


def test_short_first_line_after_sentence_end_starts_a_paragraph() -> None:
    # no blank line: only the lost two-character indent marks the new paragraph
    assert _paras("""
一二三四五六七八九十一二三四
五六七八九十一二三四五六七八
结束了。
甲乙丙丁戊己庚辛壬癸甲乙
丙丁戊己庚辛壬癸甲乙丙丁戊己
完。
""") == ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八结束了。",
         "甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己完。"]


def test_blank_line_in_mid_sentence_is_a_column_break() -> None:
    assert _paras("""
一二三四五六七八九十一二三四
五六七八九十一二三四五六一

二三四五六七八九十一二三四五
完。
""") == ["一二三四五六七八九十一二三四五六七八九十一二三四五六一二三四五六七八九十一二三四五完。"]


def test_full_width_sentence_end_then_full_line_is_no_break() -> None:
    assert len(_paras("""
一二三四五六七八九十一二三四
五六七八九十一二三四五六七。

八九十一二三四五六七八九十一
完。
""")) == 1


def test_a_stray_leading_space_on_a_full_line_is_no_indent() -> None:
    assert _paras("""
这一段的第一行写满了整个栏宽度，
中间一行也写满了整个栏的宽度。
 然后这一行前面多了一个空格而已，
并没有开始新的段落。
""") == ["这一段的第一行写满了整个栏宽度，中间一行也写满了整个栏的宽度。然后这一行前面多了一个空格而已，并没有开始新的段落。"]


def test_leading_spaces_on_a_short_line_are_an_indent() -> None:
    assert _paras("""
这一段的第一行写满了整个栏宽度，
中间一行也写满了整个栏的宽度。
  新的段落少了两个字的宽度，
并且这里开始了新的段落。
""") == ["这一段的第一行写满了整个栏宽度，中间一行也写满了整个栏的宽度。", "新的段落少了两个字的宽度，并且这里开始了新的段落。"]


def test_a_line_opening_on_a_closing_quote_starts_no_paragraph() -> None:
    # a line breaker without kinsoku sets the closing quote at the head of the last line; that
    # line is short, but it ends the quoted sentence and starts nothing
    assert _paras("""
一二三四五六七八九十一二三四
五六七八九十一二三四五六七八
他说：“我们一定办好这件事。
”甲乙丙丁。
""") == ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八他说：“我们一定办好这件事。”甲乙丙丁。"]
