from conftest import page

from reconstruct.blocks import column_width, split_blocks


def test_blank_lines_and_labels_end_blocks() -> None:
    blocks = split_blocks(page("""
甲乙丙丁戊己庚辛壬癸
甲乙丙丁戊己庚辛壬
主持人：问题？

张三：回答。
"""))
    assert [[x.number for x in b.lines] for b in blocks] == [[1, 2], [3], [5]]


def test_an_unwrapped_line_glued_to_a_wrapped_box_is_cut_off() -> None:
    blocks = split_blocks(page("""
主持人：这是一个很长的没有折行的问题，它比下面的栏宽得多，怎么理解呢？
本报讯（记者某某）今天上午，
一场会议在某地召开，会议
研究了有关工作。
"""))
    assert [len(b.lines) for b in blocks] == [1, 3]


def test_column_width_ignores_short_lines() -> None:
    blocks = split_blocks(page("十个字十个字十个字十\n十个字十个字十个字十\n八个字八个字八个\n短。"))
    assert column_width(blocks[0].lines) == 10
