from conftest import page

from reconstruct.blocks import column_width, split_blocks


def sizes(text: str) -> list[int]:
    """How many lines each block of the page holds."""
    return [len(b.lines) for b in split_blocks(page(text))]


def test_blank_lines_and_labels_end_blocks() -> None:
    blocks = split_blocks(page("""
甲乙丙丁戊己庚辛壬癸
甲乙丙丁戊己庚辛壬
主持人：问题？

张三：回答。
"""))
    assert [[x.number for x in b.lines] for b in blocks] == [[1, 2], [3], [5]]


def test_an_unwrapped_line_glued_to_a_wrapped_box_is_cut_off() -> None:
    assert sizes("""
主持人：这是一个很长的没有折行的问题，它比下面的栏宽得多，怎么理解呢？
本报讯（记者某某）今天上午，
一场会议在某地召开，会议
研究了有关工作。
""") == [1, 3]


def test_a_title_wrapped_over_two_lines_stays_one_block() -> None:
    # the second line is short because the title ends there, not because it is another box
    assert sizes("""
某某区全面推进城乡一体化建设开创
新局面
记者 张一
""") == [2, 1]


def test_a_subtitle_ends_its_block() -> None:
    # the lead printed right under the subtitle, without a blank line, is another block
    assert sizes("""
——访某区某局局长
“要想富，先修路。”近年来，全区累计投入交通建设资金
86亿元。
""") == [1, 2]


def test_two_headlines_set_one_above_the_other_are_two_blocks() -> None:
    # the second line is the wider: not a title's wrapped end but a headline of its own
    assert sizes("""
全市秋季森林防火会议召开
某区全面推进城乡一体化建设开创新局面
记者 张一
""") == [1, 1, 1]


def test_two_lines_of_a_column_are_no_stacked_headlines() -> None:
    assert sizes("""
企业和群众可以通过区政务服
务中心综合窗口或“某某政务”移
""") == [2]


def test_column_width_ignores_short_lines() -> None:
    blocks = split_blocks(page("十个字十个字十个字十\n十个字十个字十个字十\n八个字八个字八个\n短。"))
    assert column_width(blocks[0].lines) == 10


def test_a_box_of_another_width_printed_without_a_blank_line_is_cut_off() -> None:
    # a narrow box ends its sentence; the next line is far wider, so another box starts
    assert sizes("""
我们还建立了监管体
系，在城区布设了很
多空气质量微站点。
水管网建设和农村生活污水治理，确保全
年各项指标稳中有升。
""") == [3, 2]


def test_narrower_lines_after_a_finished_sentence_start_another_box() -> None:
    assert sizes("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
窄盒子的第一行字
窄盒子的第二行字
结束。
""") == [3, 3]


def test_an_indented_paragraph_start_stays_in_its_box() -> None:
    blocks = split_blocks(page("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
新段落少两个字的开头一行文字，
后面还有同样宽度的一行文字在这里。
"""))
    assert len(blocks) == 1


def test_text_printed_right_after_a_question_is_another_box() -> None:
    assert sizes("""
主持人：当前还面临哪些短
板？
另外，我们还组建了一支团队，
定期进村入户开展服务。
""") == [2, 2]


def test_a_question_asking_twice_stays_one_box() -> None:
    blocks = split_blocks(page("""
主持人：今年有哪些重点项目正在推进？
这些项目进展如何，何时能完工？
"""))
    assert len(blocks) == 1


def test_a_question_asking_twice_over_wrapped_lines_stays_one_box() -> None:
    # the second question wraps onto two more lines of a narrow box before its question mark
    assert sizes("""
记者：目前全镇的整体
情况怎么样？
还有哪些困难需要大
家一起解决？
""") == [4]


def test_many_finished_sentences_in_one_box_are_no_cut() -> None:
    blocks = split_blocks(page("这一行的宽度都一样而且没有结束，\n" + "这一行的宽度都一样并且结束了。\n" * 50))
    assert len(blocks) == 1


def test_a_full_line_after_a_paragraphs_short_last_line_is_another_box() -> None:
    # the next paragraph would open indented: this full line carries on another box
    assert sizes("""
我们还推动了学校体育场
地向社会开放，有效缓解
了健身的难题。
每周派教练员进校指导训
练，同时选拔好的苗子。
""") == [3, 2]


def test_room_around_half_width_runs_counts_on_unspaced_lines_only() -> None:
    from reconstruct.blocks import line_width, piece_width

    assert line_width("企业 600 余家") == 2 + 1.5 + 2 + 2 * 0.5
    assert line_width("企业600余家") == 5.5
    assert line_width("AI 技术") == 1 + 2 + 0.5
    # partly letter-spaced: the gaps are justification's, counted as before
    assert line_width("153.8 亿 元 ， 同 比 增 长 18.6% 和") == piece_width("153.8 亿 元 ， 同 比 增 长 18.6% 和")
    assert piece_width("企业 600 余家") == 5.5


def test_a_narrow_box_printed_inside_a_sentence_is_cut_out() -> None:
    # an extractor reading across the page prints three lines of a narrow box between two
    # lines of a wide one, in mid-sentence
    assert sizes("""
范启航：我们大力推进农业节
水，推广喷灌、滴灌等高效节水灌
溉技术，今年新增高效节水灌溉面
积1.5万亩。在城市，我们推动公共
针对个别偏远山
区供水不稳定的问
题，我们正在实施城
""") == [4, 3]


def test_a_one_character_label_finishing_a_word_broken_at_the_column_starts_no_turn() -> None:
    # "提|问：" is the word 提问 broken at the column, not a host's 问：
    assert sizes("""
主持人：有市民来信提
问：孩子上学的事能不
能在网上办理？
""") == [3]
    # after a finished sentence, or where no word runs across, 问： opens a turn
    assert sizes("""
主持人：请您谈一谈。
问：孩子上学的事能不
能在网上办理？
""") == [1, 2]


def test_a_headline_glued_under_a_box_is_cut_off_before_its_byline() -> None:
    # the last line of the box has no punctuation, follows a finished sentence, and a
    # byline (or a news opener) follows it: the next article's headline
    assert sizes("""
张三：预警一来就能第一时
间挨家挨户通知到位。
汛期气象服务跑在前面

记者 李四 王五
""") == [2, 1, 1]
    assert sizes("""
张三：预警一来就能第一时
间挨家挨户通知到位。
本区新建三座公园

本报讯（记者 李四）日前，
""") == [2, 1, 1]
    # an unpunctuated last line that carries on into the next box stays
    assert sizes("""
张三：预警一来就能第一时
间挨家挨户通知到位。今年我们还

将继续加强这方面工作。
""") == [2, 1]


def test_a_remark_that_closes_a_questions_box_stays_in_it() -> None:
    # a sentence after the question mark, no wider than the question's lines, then a blank
    # line and the next turn: the question's own closing remark
    assert sizes("""
记者：纸质原件扫描完，
还要不要保存？
有人担心原件没人管。

记者：修复师好找吗？
""") == [3, 1]
    # wider text, or text that no blank line and label follow, is another box
    assert sizes("""
记者：纸质原件扫描完，
还要不要保存？
有人担心数字化以后原件就没人管了。

记者：修复师好找吗？
""") == [2, 1, 1]
    assert sizes("""
记者：纸质原件扫描完，
还要不要保存？
有人担心原件没人管。

我们的做法是先扫描后归档。
""") == [2, 1, 1]


def test_two_vertical_labels_trailing_titles_are_both_taken_out() -> None:
    from reconstruct.blocks import _unglue_trailing_labels
    from reconstruct.model import Line
    from reconstruct.settings import Settings

    lines = [Line(1, "新路子 编者"), Line(2, "按"), Line(3, "正文接着说"),
             Line(4, "另一题 编"), Line(5, "后"), Line(6, "正文")]
    out = [x.text for x in _unglue_trailing_labels(lines, Settings())]
    assert out == ["", "编", "者", "按", "", "新路子", "正文接着说",
                   "", "编", "后", "", "另一题", "正文"]


def test_a_line_opening_on_a_comma_after_a_finished_sentence_is_another_box() -> None:
    # lines of boxes side by side read interleaved: "，…" cannot follow "…十几次。", it carries
    # on a sentence left open in another box (all four lines at one width)
    assert sizes("""
甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己
丁戊己庚辛壬癸甲乙要协调十几次。
，方案必须经过三分之二以上的居民
同意才能实施，每个环节都公开透明
""") == [2, 2]


def test_a_note_label_on_its_own_line_after_a_finished_sentence_is_a_block_of_its_own() -> None:
    from reconstruct.model import Kind
    from reconstruct.classify import classify_blocks

    blocks = classify_blocks(split_blocks(page("""
近年来，新区持续加大招商力度，初步形成了
较为完整的产业链条。
按者编

良好的生态环境是最普惠的民生福祉。
""")))
    assert [(b.kind, b.label) for b in blocks if b.kind is Kind.NOTE_LABEL] == [(Kind.NOTE_LABEL, "编者按")]
    # mid-sentence, the same characters are the text's
    assert sizes("近年来，新区持续加大招商力度，并请\n按者编\n") == [2]


def test_a_title_read_in_between_a_glued_vertical_labels_lines_is_not_the_notes() -> None:
    # the label 编者的话 set upright beside the note came out glued to its lines; the title
    # set beside the note was read in between them, mid-sentence
    text = """
水利是农业的命脉，也是经济社会发展的基础支撑。入汛以来，某
编 区经受住了多轮强降雨考验，全区水利工程安全度汛，城乡供水保障有
建好民生水利守护一方安澜
者 力。
的 近日，采访组就防汛抗旱、农村供水、水利建设等话题，专访了
话 某区水利局局长范某。
"""
    blocks = split_blocks(page(text))
    texts = ["".join(x.text for x in b.lines) for b in blocks]
    assert "建好民生水利守护一方安澜" in texts  # a block of its own
    note = next(t for t in texts if t.startswith("水利是农业"))
    assert "安澜" not in note and note.endswith("范某。")


def test_a_question_mark_wrapped_to_a_line_of_its_own_does_not_cut_the_question() -> None:
    # a typesetter that lets a line open on a closing mark: "？" alone is no column width,
    # and the line above it is no line wider than its box
    assert sizes("""
在青少年足球培养中，
如何平衡训练和文化课学习
？
""") == [3]


def test_a_hosts_question_that_says_something_then_asks_short_is_one_block() -> None:
    assert sizes("""
主持人：近年来，不少年轻人、新就业群体也开始参与社区治理。
对此您怎么看？
""") == [2]
    # a guest's wide line before a short one is still another box
    assert sizes("""
这是一个很长的没有折行的句子，它比下面的栏宽得多。
对此您怎么看？
""") == [1, 1]


def test_a_hosts_question_that_asks_twice_the_second_wrapped_short_is_one_block() -> None:
    assert sizes("""
主持人：这项工作开展以来，群众最直观的感受是什么？
两位嘉宾能否分别谈一谈？
""") == [2]


def test_a_headline_printed_on_top_of_a_narrower_box_is_a_block_of_its_own() -> None:
    # a line wider than the box's full lines, with no punctuation and not read on by the
    # next line, heads another item: the box's first line is indented, never wider
    assert sizes("""
岚川高新区新材料中试基地投用
亩，年产量超过30万
吨，产品销往全国20多
个省市。此次对接会旨在
进一步拓宽销售渠道。
""") == [1, 4]
    # a paragraph's first line (narrower) stays in its box
    assert sizes("""
据了解，鹤汀县高
蔬菜种植面积已达12万
亩，年产量超过30万
吨，产品销往全国。
""") == [4]
    # nor a roster's first line, wider than its lines of names but no wider than its titles
    assert sizes("""
澄江智芯微电子科技
有限公司创始人、首
席执行官
易嘉
澄江云图数字科技有
限公司董事长
单宏
""") == [7]


def test_a_headlines_wrapped_end_printed_after_the_line_below_goes_back_under_it() -> None:
    # the headline's box beside a column: its last character comes out after a gap at the
    # end of the news opener's line; a roster's name after its post stays where it is
    blocks = split_blocks(page("""
桐溪县新建3座低温储备粮仓投入使
本报讯（记者 宫晓）5月 打击违规出海捕捞行为。同 用

汀澜区中心血站党支
部书记、站长 解晓
"""))
    assert [[x.text for x in b.lines] for b in blocks] == [
        ["桐溪县新建3座低温储备粮仓投入使", "用"],
        ["本报讯（记者 宫晓）5月 打击违规出海捕捞行为。同"],
        ["汀澜区中心血站党支", "部书记、站长 解晓"],
    ]


def test_a_title_printed_on_top_of_a_wider_box_is_a_block_of_its_own() -> None:
    # an unpunctuated line far narrower than the running text under it is the title set
    # above the note's box: a paragraph's first line is only its indent short
    assert sizes("""
擦亮古镇名片做活文旅融合文章
文旅产业是幸福产业，也是推动经济发展的重要引擎。某区历史文化资源
丰富，千年古镇更是远近闻名。如何让沉睡的文化资源“醒”过来，让游
客“留下来”？
""") == [1, 3]
    # a paragraph's first line without punctuation stays in its box, even over a justified
    # line whose gaps make it look wider
    assert sizes("""
对于不会使用智能手机的
老 年 人 ， 我 们 保 留 了 线 下 窗
口，还设立了帮办代办专区。
""") == [3]
    # and so does one that the line under it reads on from (…建 / 设…)
    assert sizes("""
我们今年重点抓好基础设施建
设，全面推进城乡供水一体化工程和农村公路提档升级，
让群众得到更多实惠。
""") == [3]


def test_width_of_a_line_without_spaces_is_its_characters_width():
    from reconstruct.blocks import _mixed_gaps, _text_width, line_width, spaced

    for text in ["全县共有九个乡镇。", "GDP增长5%，", "　首行缩进", "企业 600 余家", "长 江 大 桥 通 车"]:
        assert line_width(text) == _text_width(text) + 0.5 * _mixed_gaps(text)
    assert not spaced("长江大桥通车") and spaced("长 江 大 桥 通 车")


def test_narrower_lines_after_a_box_whose_only_full_line_is_its_first_start_another_box() -> None:
    # a box of one full line and a sentence's end, then lines of a narrower column: the box's
    # column is at least its first line's width, so they are another box's
    assert sizes("""
一个较宽的盒子里，写着很长的一行文字
最后一行文字。
窄盒子的第一行文字，
窄盒子的第二行文字
结束。
""") == [2, 3]
    # lines as wide as the first (an indented first line, a full one after it) stay
    assert sizes("""
盒子里的第一行文字写得很长，
最后一行文字。
新段落的第一行文字写得很长，
下一行文字也写得一样长的呀
结束。
""") == [5]


def test_a_two_line_box_after_a_finished_sentence_at_the_blocks_end_is_cut_off() -> None:
    # a line left open far narrower than the column, then a sentence's end, closing the
    # block: a box of two lines printed right after the wider one
    assert sizes("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
窄盒子的一行字，
结束了。
""") == [3, 2]
    # a paragraph's indented first line, then its end, stays in its box
    assert sizes("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
新段落开头的一行文字写得很长，
结束了。
""") == [5]


def test_a_two_line_box_after_a_finished_sentence_in_mid_block_is_cut_off() -> None:
    # a line left open far narrower than the column, then a sentence's end, in mid-block:
    # a narrower box's lines start there
    assert sizes("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
窄盒子的一行字，
结束了。
窄盒子的又一行字，
""") == [3, 3]
    # a paragraph's indented first line, then its end, stays in its box (the unindented
    # full line after that short end is another box's, as before)
    assert sizes("""
一个较宽的盒子里写着很长的一行文字，
后面还有同样宽度的一行文字在这里，
最后一行文字。
新段落开头的一行文字写得很长，
结束了。
宽盒子的文字在这里接着写下去了，
""") == [5, 1]
