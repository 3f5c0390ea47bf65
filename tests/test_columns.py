import pytest
import itertools

from conftest import page
from hypothesis import given, strategies as st

from reconstruct.columns import _best_ahead, _fit, _pieces, _plan, side_by_side, unfuse_columns
from reconstruct.model import Line
from reconstruct.settings import Settings
from reconstruct.pipeline import reconstruct_page


def texts(text: str) -> list[str]:
    return [x.text for x in unfuse_columns(page(text)).lines]


def test_two_fused_columns_are_printed_one_after_the_other() -> None:
    assert texts("""
采访组：左栏问题的开头在
这一行继续写下去直到栏尾 右栏另一个问题也从这里
结束了吗？ 一直写到这里才结束。
""") == ["采访组：左栏问题的开头在", "这一行继续写下去直到栏尾", "结束了吗？",
         "", "右栏另一个问题也从这里", "一直写到这里才结束。", ""]


def test_a_lone_labelled_line_goes_where_no_sentence_waits() -> None:
    # the second line starts the right column's question: the left one's first line is
    # carried on by the left piece of the line after it
    assert texts("""
采访组：左栏问题的开头在
采访组：右栏问题开头在
这一行继续写下去直到栏尾 这里继续写下去直到栏尾
还要再写一行才结束呢？ 然后结束了吗？
""") == ["采访组：左栏问题的开头在", "这一行继续写下去直到栏尾", "还要再写一行才结束呢？",
         "", "采访组：右栏问题开头在", "这里继续写下去直到栏尾", "然后结束了吗？", ""]


def test_lines_below_the_columns_stay_below() -> None:
    out = texts("""
左栏第一行写到了栏尾 右栏第一行写到栏尾
左栏第二行结束了。 右栏第二行也结束。
张三：下面一个盒子的回答。
""")
    assert out[-2:] == ["张三：下面一个盒子的回答。", ""]
    assert out.index("右栏第一行写到栏尾") < out.index("张三：下面一个盒子的回答。")


def test_posts_names_bylines_and_spaced_digits_are_not_columns() -> None:
    text = """
某某区某某局党组书记 王某某
本报讯（记者 张三 李四）日前，
企业 600 余家，产值 12 亿元。
"""
    assert texts(text) == text.lstrip("\n").split("\n")


def test_a_column_line_ending_or_starting_with_a_number_is_cut_at_its_gap() -> None:
    # pdftotext spaces no number off from the text: a space beside one is a column gap
    assert texts("""
全县脱贫人口务工规模稳定在3.1 守住了不发生规模性返贫的
万人以上，收入同比增长。 底线，各项工作扎实推进。
去年全镇茶叶综合产值达到 3000万元，带动农户增收。
""") == ["全县脱贫人口务工规模稳定在3.1", "万人以上，收入同比增长。", "去年全镇茶叶综合产值达到", "",
         "守住了不发生规模性返贫的", "底线，各项工作扎实推进。", "3000万元，带动农户增收。", ""]


def test_a_page_that_spaces_its_numbers_has_no_gap_beside_them() -> None:
    # an extractor that spaces numbers off ("超过 10 万人次") sets no column gap there
    text = """
全县脱贫人口务工规模稳定在3.1 万人以上，收入同比增长。
全年接待游客超过 10 万人次。
"""
    assert texts(text) == text.lstrip("\n").split("\n")


def test_a_letter_spaced_piece_fits_the_column_its_characters_fit() -> None:
    # justified to its column's width: the room between its characters is no width of its
    # own (eight characters spread over a column eight wide), and it never stops short
    column = [Line(1, "特别是今年夏")]
    spread, plain = _fit("天 的 村 队 篮 球 联 赛", column, 8.0, Settings()), _fit("天的村队篮球联赛", column, 8.0, Settings())
    assert spread == plain > 0
    assert _fit("天 的 村 队 篮 球", column, 8.0, Settings()) == plain


def test_a_paragraphs_first_line_may_stop_short_of_its_column_by_its_indent() -> None:
    # (a tuned page's lines) "我们还推动了学校体" opens a paragraph two characters in: it
    # heads the first column, not the narrower second one
    out = texts("""
我们还推动了学校体
龚子健：这是家长 下 滑 的 队 员 要 暂 停 集
育场地向社会开放，目前 最关心的问题。我们坚 训，先把功课补上。
全区已有67所中小学在课 持“学训并重”，所有训
我常跟孩子们说，
余时间和节假日向周边居 练都安排在课余时间， 能走上职业道路的毕竟
民开放运动场地，有效缓 训练中心还与学校建立 是少数，但踢球培养出
解了“健身去哪儿”的难 了学业跟踪机制，每学 来的团队意识、意志品
题。
期和班主任沟通学生的 质，会让每个人受益一
学习情况，文化课成绩 生。
""")
    assert out[:8] == ["我们还推动了学校体", "育场地向社会开放，目前", "全区已有67所中小学在课",
                       "余时间和节假日向周边居", "民开放运动场地，有效缓", "解了“健身去哪儿”的难", "题。", ""]
    assert out[8] == "最关心的问题。我们坚"


def test_a_line_in_mid_sentence_is_as_wide_as_its_columns_full_line_before_it() -> None:
    # the region's width for the column is narrower (9), but the column's last full line is
    # ten wide: a piece of eight in mid-sentence is a narrower column's line
    full = [Line(1, "我们持续加大产业帮扶力度"), Line(2, "今年全县脱贫人口务工")]
    assert _fit("规模稳定在三万人", full, 9.0, Settings()) < _fit("规模稳定在三点一万人", full, 9.0, Settings())
    # (but not after a paragraph's first line, which lost its indent)
    opening = [Line(1, "底线。"), Line(2, "今年全县脱贫人口务工")]
    assert _fit("规模稳定在三万人", opening, 9.0, Settings()) == _fit("规模稳定在三点一万人", opening, 9.0, Settings())


def test_a_letter_spaced_run_is_one_piece_beside_its_neighbour_column() -> None:
    assert texts("""
我 们 还 建 设 了 一 个 中 心 传到我们这里，从发病到
开 通 的 时 间 缩 短 了 一 半 血管开通只用了一个小时。
""") == ["我 们 还 建 设 了 一 个 中 心", "开 通 的 时 间 缩 短 了 一 半", "",
         "传到我们这里，从发病到", "血管开通只用了一个小时。", ""]


def test_a_lone_line_with_a_space_is_no_fused_region() -> None:
    # two halves of a headline, or a question with a stray space, are not two columns
    for line in ("奋进新时代 建功新征程", "主持人：今年的重点是什么？ 请您具体谈谈好吗？"):
        assert texts(line + "\n") == [line, ""]


def test_unfused_lines_of_a_region_keep_their_leading_spaces() -> None:
    out = texts("""
左栏第一行写到了栏尾 右栏第一行写到栏尾
左栏第二行结束了。 右栏第二行也结束。
  新段落开头的一行字
""")
    assert "  新段落开头的一行字" in out


def test_a_lone_line_goes_to_the_column_whose_word_it_finishes() -> None:
    # both columns wait in mid-sentence; "…的方" + "式鼓励…" is 方式: the right one's
    assert texts("""
这里是左栏写到栏尾的智 分。我们通过以奖代补的方
式鼓励原住民参与经营。
""") == ["这里是左栏写到栏尾的智", "", "分。我们通过以奖代补的方", "式鼓励原住民参与经营。", ""]


def test_a_band_of_wrapped_headlines_side_by_side_is_printed_piece_by_piece() -> None:
    # three headlines wrapped over two lines, their first lines fused; each piece becomes a
    # block of its own in print order, the news item below them left as it is
    assert texts("""
城南社区举办邻里文化 全市秋季森林防火会议 老城区背街小巷整治
节
召开 完工
本报讯（记者 王三）近日，城南社区
举办邻里文化节。
""") == ["城南社区举办邻里文化", "", "全市秋季森林防火会议", "", "老城区背街小巷整治", "",
         "节", "", "召开 完工", "", "本报讯（记者 王三）近日，城南社区", "举办邻里文化节。", ""]


def test_a_post_and_a_name_after_it_are_no_band() -> None:
    text = "某区应急管理局党委书记 王\n小二\n"
    assert texts(text) == ["某区应急管理局党委书记 王", "小二", ""]


def test_a_lone_line_wider_than_every_column_starts_a_region_of_its_own() -> None:
    # a lead in three narrow columns, then the body in two wider ones: the body's first
    # line, alone and wider than any lead column, opens a region dealt by its own widths
    assert texts("""
甲栏第一行写到栏尾的 乙栏第一行写到栏尾的 丙栏第一行写到栏尾的
甲栏第二行结束了。 乙栏第二行结束了。 丙栏第二行结束了。
张三：这是正文左栏第一行字写到
栏尾还要继续往下写很多字才 李四：这是正文右栏第一行写到栏
就能够结束呢。 尾还要写下去才结束。
""") == ["甲栏第一行写到栏尾的", "甲栏第二行结束了。", "", "乙栏第一行写到栏尾的",
         "乙栏第二行结束了。", "", "丙栏第一行写到栏尾的", "丙栏第二行结束了。", "",
         "张三：这是正文左栏第一行字写到", "栏尾还要继续往下写很多字才", "就能够结束呢。", "",
         "李四：这是正文右栏第一行写到栏", "尾还要写下去才结束。", ""]


def test_the_new_regions_first_lines_go_with_it() -> None:
    # the body's first line is no wider than a lead column, but as wide as the widest: it
    # opens the body with the wider line alone after it
    out = texts("""
甲栏第一行写到栏尾的 乙栏第一行写到栏尾的 丙栏第一行写到栏尾的
甲栏第二行结束了。 乙栏第二行结束了。 丙栏第二行结束了。
张三：这是正文左栏
李四：这是正文右栏第一行写到栏
栏尾还要继续往下写很多才 尾还要写下去才能够结束。
就能够结束呢。
""")
    assert out[9:] == ["张三：这是正文左栏", "栏尾还要继续往下写很多才", "就能够结束呢。", "",
                       "李四：这是正文右栏第一行写到栏", "尾还要写下去才能够结束。", ""]


def test_a_rosters_rows_show_no_column_widths() -> None:
    # posts and the names after them are no columns of a width: a wide question below
    # them opens no region of its own
    out = texts("""
某某县某某镇党委书记 司马
某某县某某协会会长 王某某
采访组：这是一个很长的问题一直写到这里为止还没有
""")
    assert out.index("采访组：这是一个很长的问题一直写到这里为止还没有") == 2


def test_a_line_in_mid_turn_before_the_new_region_stays_in_its_column() -> None:
    # the left lead column waits in mid-sentence: its last line, alone before the body's
    # first line, carries it on and opens no body column
    out = texts("""
甲栏第一行写到栏尾的 乙栏第一行写到栏尾的 丙栏第一行写到栏尾的
甲栏第二行还没有写完 乙栏第二行结束了。 丙栏第二行结束了。
甲栏第三行才结束了。
张三：这是正文左栏第一行字写到
栏尾还要继续往下写很多字才 李四：这是正文右栏第一行写到栏
就能够结束呢。 尾还要写下去才结束。
""")
    assert out[:4] == ["甲栏第一行写到栏尾的", "甲栏第二行还没有写完", "甲栏第三行才结束了。", ""]


def test_a_lone_line_in_mid_sentence_goes_to_the_column_it_fills() -> None:
    # both columns wait; the lone line is as wide as the narrow right column, far short of
    # the wide left one: a line in mid-sentence fills its column, so it is the right one's
    out = texts("""
左栏是一个比较宽的栏目每行写十 右栏窄栏写满八字
五个字左栏第二行也写满了十五个 右栏第二行还没完
这里写满八个字的
字才能够写完了。 收尾了。
""")
    assert out == ["左栏是一个比较宽的栏目每行写十", "五个字左栏第二行也写满了十五个", "字才能够写完了。",
                   "", "右栏窄栏写满八字", "右栏第二行还没完", "这里写满八个字的", "收尾了。", ""]


def test_a_news_items_first_line_may_stop_short_of_its_column() -> None:
    # the opener is narrower than the left column (its headline above may be wider than
    # the text): it is no full line of the right column for that
    out = texts("""
左栏第一行写满了十六个字的一行。 右栏这一行写满十三个字。
左栏第二行写满了十六个字的一行。 右栏这一行写满十三个字。
本报讯（记者 王五）这一日
下午，一个新闻开始了。 右栏这一行写满十三个字。
""")
    assert out[:5] == ["左栏第一行写满了十六个字的一行。", "左栏第二行写满了十六个字的一行。",
                       "本报讯（记者 王五）这一日", "下午，一个新闻开始了。", ""]


def test_a_box_whose_columns_read_on_into_each_other_ends_with_its_band() -> None:
    # three columns of one box printed in a band: the first two stop in mid-sentence
    # because the text goes on at the top of the next; the line below is another box's,
    # not the first column's
    out = texts("""
张三：我们今年的工作是把 两件事做好，第一件是修路 引进村里来，大家很满意。
这件事情做扎实，还要把这 第二件事情我们说的是把水 明年还要接着干好才行。
另一个盒子写到这里，
还在继续写它的句子。
""")
    assert out[:3] == ["张三：我们今年的工作是把", "这件事情做扎实，还要把这", ""]
    assert out[-4:] == ["", "另一个盒子写到这里，", "还在继续写它的句子。", ""]


def test_the_first_column_of_a_band_may_be_a_line_longer() -> None:
    # balanced columns: the first column's last line, full and in mid-sentence, is printed
    # below the band, and the second column carries it on
    out = texts("""
本报讯（记者 某某）10月 九公里，总投资四亿元。项
28日，某县城南环线改造工 目建成后将缓解交通拥堵。
程主体完工，即将全线通车
""")
    assert out[:4] == ["本报讯（记者 某某）10月", "28日，某县城南环线改造工", "程主体完工，即将全线通车", ""]


def test_the_columns_of_a_box_of_questions_go_on_below_it() -> None:
    # each question heads its answer's column: the answers are dealt to the columns the
    # questions were (the right column's question starts higher, its first line alone)
    assert texts("""
采访组：在节约用水方面，有哪些
采访组：今年全区有哪些重点项目 新的做法？
在建？
张三：我们大力推进农业节水，
张三：今年全区计划完成投资了 推广喷灌、滴灌等节水技术，
十二亿元，重点推进水库建设。 今年新增节水面积一万亩。
""") == ["采访组：今年全区有哪些重点项目", "在建？", "张三：今年全区计划完成投资了",
         "十二亿元，重点推进水库建设。", "", "采访组：在节约用水方面，有哪些", "新的做法？",
         "张三：我们大力推进农业节水，", "推广喷灌、滴灌等节水技术，", "今年新增节水面积一万亩。", ""]


def test_a_question_box_has_more_columns_than_any_line_has_pieces() -> None:
    # three columns, no line with more than two pieces; the first column's last question
    # is finished at the top of the second
    out = [x for x in texts("""
主持人：第一个问题问的是今年 些什么新的办法？
主持人：第三个问题问的是
的工作成效怎么样？
主持人：第二个问题是这方面有哪 明年的打算是什么？
""") if x]
    assert out == ["主持人：第一个问题问的是今年", "的工作成效怎么样？",
                   "主持人：第二个问题是这方面有哪", "些什么新的办法？",
                   "主持人：第三个问题问的是", "明年的打算是什么？"]


def test_a_question_among_answers_is_no_box_of_questions() -> None:
    # two questions fused with an answer's column: no way of dealing reads every piece on
    # as a question, so the columns are dealt as any others
    from reconstruct.columns import _deal_questions, _pieces
    from reconstruct.model import Line
    from reconstruct.settings import Settings
    lines = ["采访组：第一个问题在这里写 我们将继续在这方面下",
             "完了没有？ 功夫，争取做得更好",
             "采访组：第二个问题也写完了吗？"]
    run = [Line(k, t) for k, t in enumerate(lines, 1)]
    split = [_pieces(t, Settings()) for t in lines]
    assert _deal_questions(run, split, frozenset(), Settings()) is None


def test_a_box_of_questions_printed_a_line_of_each_column_in_turn_is_dealt() -> None:
    # two columns of questions at staggered heights, no line shared: the extractor prints
    # their lines one of each in turn, with no gap to split at
    assert texts("""
主持人：第一个问题问的是今年的工
主持人：第二个问题问的是明年的打
作成效怎么样？
算是什么？
""") == ["主持人：第一个问题问的是今年的工", "作成效怎么样？", "",
         "主持人：第二个问题问的是明年的打", "算是什么？", ""]


def test_a_page_rewoven_row_by_row_keeps_its_questions_order() -> None:
    from reconstruct.columns import unfuse_columns
    text = "\\n主持人：第一个问题问的是今年的工\\n主持人：第二个问题问的是明年的打\\n作成效怎么样？\\n算是什么？\\n"
    assert unfuse_columns(page(text), rewoven=True).lines == page(text).lines


def test_a_question_column_going_on_from_another_starts_no_higher_than_it() -> None:
    # the first line finishes a question printed elsewhere: it cannot be the top of a
    # column that carries on a question begun lower down, so the run stays as printed
    lines = ["能否介绍一下各自的特色产业？", "主持人：有人说，乡村振兴不", "主持人：人才方面有哪些经验？"]
    assert texts("\n" + "\n".join(lines) + "\n") == [*lines, ""]


# Three columns set side by side at their places across the page (pdftotext -layout).
SIDE_BY_SIDE = """
本报讯（记者 甲某）近日，某区     主持人：今年的重点工作有哪     的发展打下了坚实基础。
召开会议，部署全年工作。会议     些？                           张三：我们将继续推进
要求，各部门要狠抓落实。         李四：今年我们将重点抓好       改革，力争取得新成效。
                                 三件事，一是完善制度，为今后
"""


FUSED = """
采访组：左栏问题的开头在
这一行继续写下去直到栏尾 右栏另一个问题也从这里
结束了吗？ 一直写到这里才结束。
"""


def test_a_page_set_side_by_side_is_told_and_warned_about() -> None:
    assert side_by_side(page(SIDE_BY_SIDE)) == 1.0
    assert side_by_side(page(FUSED)) == 0.0  # a few fused lines, dealt by unfuse_columns
    warned = reconstruct_page(SIDE_BY_SIDE.lstrip("\n")).warnings
    assert any("side by side" in w and "-layout" in w for w in warned)
    assert not any("side by side" in w for w in reconstruct_page(FUSED.lstrip("\n")).warnings)


def test_a_line_of_more_pieces_than_a_box_has_columns_is_no_box_of_questions() -> None:
    # a question box's lines beside a line of five pieces (a page set side by side) used to
    # leave the dealer no way of dealing, and the page failed with an internal error
    text = """
                        记者：这几年城区的健身设施建设有哪些新变化？
街巷完成整治     明显的。这几年我们累 建成公园九个、步道 场地面积达到二平 每人近一平方米。
  本报讯（记者 某某）七月二十日，记   计投入设施建设资金 全长一百公里、社区                      某某
街小巷整治工程全部完工。            记者：群众性体育赛事活动开展得怎么样？              中心主任
"""
    lines = texts(text)
    assert sorted("".join(lines).replace(" ", "")) == sorted(text.replace(" ", "").replace("\n", ""))


@given(st.integers(1, 6).flatmap(lambda n: st.lists(
    st.lists(st.sampled_from([-3.0, -0.5, 0.0, 0.01, 0.5, 2.0, 2.5]), min_size=n, max_size=n),
    max_size=n)))
def test_the_next_lines_best_dealing_is_the_best_of_every_way(fits: list[list[float]]) -> None:
    # the walk over the columns gives what trying every way of dealing gives, to the bit
    n = len(fits[0]) if fits else 1
    every = max(sum(fits[j][c] for j, c in enumerate(way))
                for way in itertools.combinations(range(n), len(fits)))
    assert _best_ahead(fits) == every


def test_dealing_many_pieces_to_many_columns_is_the_best_monotone_way() -> None:
    # a page of many columns side by side (pdftotext -layout) has lines of ten pieces over
    # twenty columns: 184,756 ways; beyond Settings.deal_ways_max they are not tried one by
    # one, and the dynamic programme finds what trying them finds
    import itertools
    import random

    from reconstruct.columns import _LEFT_TIE, _best_monotone

    rng = random.Random(7)
    for _ in range(200):
        ncols = rng.randint(1, 7)
        n = rng.randint(1, ncols)
        fits = [[rng.choice([-2.0, -0.5, 0.0, 0.5, 1.0, 2.0]) + rng.random() for _ in range(ncols)]
                for _ in range(n)]

        def score(combo: tuple[int, ...]) -> float:
            return sum(fits[i][c] for i, c in enumerate(combo)) - _LEFT_TIE * sum(combo)

        best = max(itertools.combinations(range(ncols), n), key=score)
        assert score(_best_monotone(fits)) == pytest.approx(score(best))
        assert list(_best_monotone(fits)) == sorted(set(_best_monotone(fits)))


def test_a_gap_after_a_bracket_the_line_never_closes_is_a_column_gap() -> None:
    # the left column's line ends inside a bracket its next line closes: the spaces after
    # it still part the columns
    out = texts("""
左栏第一行写到了栏尾的 右栏第一行写到了栏尾的
左栏第二行写到规范村（ 右栏第二行写到了栏尾的
社区）这一行结束了。 右栏第三行结束了。
""")
    assert out == ["左栏第一行写到了栏尾的", "左栏第二行写到规范村（", "社区）这一行结束了。", "",
                   "右栏第一行写到了栏尾的", "右栏第二行写到了栏尾的", "右栏第三行结束了。", ""]


def test_a_lone_turns_first_line_goes_to_the_free_column_it_fills() -> None:
    # every column has finished its sentence: the host's line, as wide as the narrow right
    # column less a paragraph's indent and far narrower than the others, opens the right
    # column's turn
    out = texts("""
左栏第一行写到了栏尾的 中栏第一行写到了栏尾的 右栏一行写到栏尾
左栏第二行结束了。 中栏第二行结束了。 右栏结束了。
王五：右栏啊
左栏第三行结束了。 中栏第三行结束了。 这里结束了？
""")
    assert out[-5:] == ["右栏一行写到栏尾", "右栏结束了。", "王五：右栏啊", "这里结束了？", ""]


def test_a_lone_turns_first_line_prefers_the_column_it_fills_less_its_indent() -> None:
    # two free columns it fits: the labelled line (set in by a paragraph's indent) is as
    # wide as the right one less the indent, the left one's whole width: the right one's
    out = texts("""
左栏第一行写到了栏尾的 右栏第一行写到了栏尾的两字
左栏第二行结束了。 右栏第二行结束了。
王五：这是一个问题呢啊
左栏第三行结束了。 右栏第三行结束了吗？
""")
    assert out[-5:] == ["右栏第一行写到了栏尾的两字", "右栏第二行结束了。", "王五：这是一个问题呢啊", "右栏第三行结束了吗？", ""]


def test_a_bands_column_runs_on_into_the_next_where_the_join_reads_on() -> None:
    # one box's two columns begun on one row: the left stops in mid-word ("…扬" / "尘…",
    # a pair the page prints side by side elsewhere), so the right goes on without a break
    out = texts("""
张三：我们重点盯住工业 尘、机动车三大污染源。
和城区工地上的扬 全县工地都装了扬尘监测。
""")
    assert out == ["张三：我们重点盯住工业", "和城区工地上的扬", "尘、机动车三大污染源。",
                   "全县工地都装了扬尘监测。", ""]


def test_a_labelled_left_piece_set_in_by_its_indent_shares_its_columns_width() -> None:
    # a question box of two columns fused on two lines: the label line is an indent
    # narrower than the left column's next line, the right column's last line a few
    # characters: still columns, the question read on across them
    out = texts("""
主持人：请您介绍一下 业为什么会选择落户到这个
智能公司的主要业务，以及企 地方？
""")
    assert out == ["主持人：请您介绍一下", "智能公司的主要业务，以及企", "业为什么会选择落户到这个", "地方？", ""]


def test_a_lone_line_below_the_columns_is_judged_with_the_next_lone_line() -> None:
    # both columns wait; the first lone line would read on either ("调" + "正在" makes a
    # word too), but only the left leaves the right column's "调" to the next line ("调解")
    out = texts("""
左栏开头的第一行文字写满
这是左栏的第二行文字写满 这是右栏的第一行文字写满
左栏第三行还在继续说着 右栏第二行今年以来共调
正在总结经验，准备推广。
解成功率达到九成。
""")
    assert out.index("正在总结经验，准备推广。") == out.index("左栏第三行还在继续说着") + 1
    assert out.index("解成功率达到九成。") == out.index("右栏第二行今年以来共调") + 1


def test_a_lone_line_is_dealt_judged_with_the_lines_a_few_rows_down() -> None:
    # both columns wait and the two lone lines read on either; only the fused line after
    # them tells where they go: its left piece finishes the left column's word ("智" +
    # "慧导览"), so the lone lines are the right column's
    assert texts("""
景区近年来上线了一套智 游客们来到这里以后都说
每位服务员早上八点上岗
为大家介绍各处的景点，
慧导览系统，手机一扫就 讲得清楚明白又很生动。
""") == ["景区近年来上线了一套智", "慧导览系统，手机一扫就", "", "游客们来到这里以后都说",
         "每位服务员早上八点上岗", "为大家介绍各处的景点，", "讲得清楚明白又很生动。", ""]


def test_a_pair_of_characters_printed_elsewhere_on_the_page_tells_the_column() -> None:
    # both columns wait and no dictionary word runs across either join: the name the page
    # prints whole above ("岑望舒") tells that the lone line carries on the right column
    out = texts("""
访谈嘉宾：青石镇党委书记岑望舒

左栏开头的第一行文字写满
这是左栏的第二行文字写满 这是右栏的第一行文字写满
左栏第三行说到这里的情况 右栏第二行说到镇党委书记岑
望舒介绍了今年的工作安排。
""")
    assert out.index("望舒介绍了今年的工作安排。") == out.index("右栏第二行说到镇党委书记岑") + 1


def test_a_piece_too_narrow_for_a_waiting_column_goes_to_the_column_it_fills() -> None:
    # the wide right column waits in mid-sentence, but the lone line stops well short of
    # it: it fills the narrow left column, whose paragraph it opens
    out = texts("""
左栏开头的一行写满十个
左栏这一行写满了十个 右栏这一行写满了十四个字符了
左栏的这段话结束了。 右栏第二行也写满了十四个字符
新的段落从这里开始写
""")
    assert out.index("新的段落从这里开始写") == out.index("左栏的这段话结束了。") + 1


def test_a_plan_finds_each_fit_once_by_what_the_fit_looks_at() -> None:
    # a fit looks at the column's last line and whether the line before it ends a sentence:
    # the beam's ways that differ only further up share it (the fit is found once) ...
    settings = Settings()
    for piece in ("慧导览系统，手机一扫就", "讲得清楚明白又很生动。", "问：景区还有什么打算"):
        for last in ("景区近年来上线了一套智", "为大家介绍各处的景点。"):
            scores = {_fit(piece, [Line(0, above), Line(1, last)], 11.0, settings)
                      for above in ("每位服务员早上八点上岗", "大家都说很好看呢", "这一句已经说完了。"[:-1])}
            assert len(scores) == 1
    # ... so a plan keeps its fits by that alone, not by the column's whole tail
    run = [Line(k, t) for k, t in enumerate([
        "景区近年来上线了一套智 游客们来到这里以后都说", "每位服务员早上八点上岗",
        "为大家介绍各处的景点，", "慧导览系统，手机一扫就 讲得清楚明白又很生动。"])]
    split = [_pieces(x.text, settings) for x in run]
    fits: dict[tuple[str, str | None, bool, float], float] = {}
    columns: list[list[Line]] = [[Line(0, split[0][0])], [Line(0, split[0][1])]]
    assert _plan(run, split, 1, 3, columns, [11.0, 11.0], settings, fits) == (1,)
    assert fits and all(last is None or isinstance(last, str) for _, last, _, _ in fits)


def test_a_line_with_a_piece_for_each_column_is_dealt_without_a_plan() -> None:
    # one way only to deal it: no fit is weighed
    settings = Settings()
    run = [Line(0, "景区近年来上线了一套智 游客们来到这里以后都说"), Line(1, "每位服务员早上八点上岗")]
    split = [_pieces(x.text, settings) for x in run]
    fits: dict[tuple[str, str | None, bool, float], float] = {}
    assert _plan(run, split, 0, 1, [[], []], [11.0, 11.0], settings, fits) == (0, 1)
    assert not fits


def test_joins_the_page_prints_elsewhere_outweigh_one_word_across_them() -> None:
    # the right column's "…一套智" and the lone "慧导览…" make a dictionary word (智慧), but
    # dealt to the left column the lone lines make four joins whose pairs the page prints
    # elsewhere (新慧, 就随, 员好, and 智务 for the right column's next piece): those win
    out = texts("""
今年我们在全区推出了新 景区近年来上线了一套智
慧导览系统，手机一扫就
随时听到各处景点介绍，
游客们都夸景区的讲解员
好为此我们还增设外语讲 务平台，游客可以在线提

记者王新慧看到，员好，智务平台很受欢迎，一用就随心。
""")
    assert out[:5] == ["今年我们在全区推出了新", "慧导览系统，手机一扫就", "随时听到各处景点介绍，",
                       "游客们都夸景区的讲解员", "好为此我们还增设外语讲"]
    assert out[6:8] == ["景区近年来上线了一套智", "务平台，游客可以在线提"]
