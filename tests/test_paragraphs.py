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


def test_an_indented_first_line_ending_a_sentence_at_its_end_ends_no_paragraph() -> None:
    # the paragraph's first line is two units short because it is indented; that it ends a
    # sentence there says nothing: the next line starts full, so the paragraph goes on
    text = """
甲乙丙丁戊己庚辛壬癸甲乙
丙丁戊己庚辛壬癸甲乙丙丁戊己
丙丁戊己庚辛壬癸甲乙丙丁戊己
结束了。
一二三四五六七八九十完。
五六七八九十一二三四五六七八
五六七八九十一二三四五六七八
完。
"""
    assert _paras(text) == ["甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己丙丁戊己庚辛壬癸甲乙丙丁戊己结束了。",
                            "一二三四五六七八九十完。五六七八九十一二三四五六七八五六七八九十一二三四五六七八完。"]


def test_a_labelled_first_line_ending_a_sentence_at_the_indent_ends_no_paragraph() -> None:
    # "姓名：" opens the turn's indented first line: the sentence it ends fills that line
    blocks = split_blocks(page("""
王某某：我觉得主要有两个原因。
一是坚持质量第一，我们在产品保护
上不搞大拆大建，保留了原有的风貌，
游客来了能真正感受到。
"""))
    assert [p.text for p in join_paragraphs(blocks, drop_prefix=4)] == [
        "我觉得主要有两个原因。一是坚持质量第一，我们在产品保护上不搞大拆大建，保留了原有的风貌，游客来了能真正感受到。"]
