from collections.abc import Sequence

from conftest import page

from reconstruct.blocks import split_blocks
from reconstruct.classify import classify_blocks, match_note_label, parse_byline
from reconstruct.model import Block, Kind
from reconstruct.settings import Settings


def _kinds(text: str) -> list[tuple[Kind, str | None]]:
    return [(b.kind, b.speaker or b.label) for b in classify_blocks(split_blocks(page(text)))]



def _kinds_and_lines(blocks: Sequence[Block]) -> list[tuple[Kind, list[int]]]:
    """Each classified block's kind and the numbers of its lines."""
    return [(b.kind, [x.number for x in b.lines]) for b in classify_blocks(blocks)]

def test_host_and_guest_labels() -> None:
    kinds = _kinds("""
采访组：今年的重点是什么？

王小二：重点是发展。

王小二：还有民生。
""")
    assert kinds == [(Kind.QUESTION, "采访组"), (Kind.ANSWER, "王小二"), (Kind.ANSWER, "王小二")]


def test_an_answer_label_opens_a_guests_turn_on_a_page_of_questions() -> None:
    text = """
问：今年的重点是什么？
答：重点是发展。
问：还有什么？
答：还有民生。
"""
    assert _kinds(text) == [(Kind.QUESTION, "问"), (Kind.ANSWER, "答")] * 2
    # with no host question on the page, 答 is a word before a colon, no speaker
    assert (Kind.ANSWER, "答") not in _kinds(text.replace("问：", "说："))


def test_a_colon_word_that_is_no_speaker_stays_text() -> None:
    kinds = _kinds("""
本期主题：加快发展。
""")
    assert kinds == [(Kind.TEXT, None)]


def test_furniture() -> None:
    kinds = _kinds("""
某某镇加快建设现代农业
——系列访谈之五

记者 张一 李二

按者编

访谈嘉宾：
本报讯（记者 王三）近日，会议召开。
""")
    assert [k for k, _ in kinds] == [
        Kind.HEADLINE, Kind.SUBTITLE, Kind.BYLINE, Kind.NOTE_LABEL, Kind.ROSTER, Kind.ARTICLE,
    ]
    assert kinds[3][1] == "编者按"


def test_a_headline_wrapped_over_two_lines_is_one_headline() -> None:
    kinds = _kinds("""
某某区全面推进城乡一体化建设开创
新局面

本报讯（记者 王三）近日，会议召开。
""")
    assert [k for k, _ in kinds] == [Kind.HEADLINE, Kind.ARTICLE]


def test_vertical_label_one_character_per_line() -> None:
    kinds = _kinds("语\n栏\n开\n")
    assert kinds == [(Kind.NOTE_LABEL, "开栏语")]


def test_note_labels_upright_reversed_rotated() -> None:
    s = Settings()
    assert match_note_label("语开栏", s) == "开栏语"
    assert match_note_label("编 者 按", s) == "编者按"
    assert match_note_label("手记者记", s) == "记者手记"
    assert match_note_label("开会了", s) is None


def test_byline_names() -> None:
    assert parse_byline("记者 甲一 乙二 丙三") == ("甲一", "乙二", "丙三")
    assert parse_byline("本报记者 甲一 通讯员 乙二") == ("甲一", "乙二")
    assert parse_byline("记者：今年怎么样？") is None


def test_a_common_word_before_a_colon_at_a_line_start_is_no_speaker() -> None:
    kinds = _kinds("""
主持人：下一步有什么打算？

王某某：我们将重点抓好三个
方面：一是补短板，二是强队伍。
""")
    assert ("answer", "方面") not in [(k.value, s) for k, s in kinds]


def test_a_label_seen_again_only_in_prose_is_no_speaker() -> None:
    # "个方面" stands in the prose elsewhere, which confirms no name
    kinds = _kinds("""
主持人：下一步有什么打算？

王某某：我们将重点抓好三
个方面：一是补短板，二是强队伍。这几个方面都很重要。
""")
    assert ("answer", "个方面") not in [(k.value, s) for k, s in kinds]


def test_a_label_that_a_word_runs_into_from_the_open_line_before_is_no_speaker() -> None:
    # "项工作" has a surname's first character and is no dictionary word, but "三|项" is a
    # word broken at the column: the colon stands in running text
    kinds = _kinds("""
主持人：下一步有什么打算？

王某某：我们将重点推进三
项工作：一是扩充学位，二是培养教师。
""")
    assert ("answer", "项工作") not in [(k.value, s) for k, s in kinds]
    # a guest whose label once follows an open line by chance is still a guest
    kinds = _kinds("""
主持人：请介绍一下情况。

任某某：好的。

王某某：我们带动了一波“出
任某某：我补充一点。
""")
    assert [s for k, s in kinds if k is Kind.ANSWER] == ["任某某", "王某某", "任某某"]


ROSTER_PAGE = """
主持人：今年的重点是什么？

王小二：重点是发展。

李大三：还有民生。

张四五：还有安全。

某区发展和改革委员会党
组书记、主任 王小二
某区城乡建设委员会党委
书记、主任 李大三

某区应急管理局局长

张四五
"""


def test_roster_entries_printed_apart_from_their_label() -> None:
    # two entries in one box; a title whose name was set apart; a name alone
    kinds = _kinds(ROSTER_PAGE)
    assert [k for k, _ in kinds][4:] == [Kind.ROSTER, Kind.ROSTER, Kind.ROSTER]


def test_an_entry_whose_name_broke_after_its_first_character_is_roster() -> None:
    kinds = _kinds(ROSTER_PAGE.replace("组书记、主任 王小二\n", "组书记、主任 王小二\n\n").replace(
        "书记、主任 李大三", "书记、主任 李\n\n大三"))
    assert kinds[5] == (Kind.ROSTER, None)


def test_a_name_broken_off_before_a_roster_entry_does_not_hide_it() -> None:
    # "小二" ends the entry before; it leaves no sentence open for the next entry to carry on
    kinds = _kinds(ROSTER_PAGE.replace("组书记、主任 王小二\n", "组书记、主任 王\n\n小二\n\n"))
    assert [k for k, _ in kinds][-4:] == [Kind.TEXT, Kind.ROSTER, Kind.ROSTER, Kind.ROSTER]
    assert kinds[4][0] is Kind.ROSTER


def test_a_vertical_label_read_onto_the_end_of_a_title_is_taken_apart() -> None:
    # "编者" after the title's first line, "按" alone below, then the title's wrapped end
    kinds = _kinds("""
某区全面推进城乡一体化建设开创 编者
按
新局面
""")
    assert kinds == [(Kind.NOTE_LABEL, "编者按"), (Kind.HEADLINE, None)]


def test_a_headline_ending_in_a_post_above_a_news_item_heads_it() -> None:
    kinds = _kinds("""
主持人：请介绍一下情况。

王某某：好的。

扎根基层三十年的村支部书记

本报讯（记者李四）日前，一位老书记退休了。
""")
    assert (Kind.ROSTER, None) not in kinds


def test_a_title_above_a_guests_name_is_roster_even_inside_an_open_sentence() -> None:
    # the roster's box printed in the middle of an answer's column: the title breaks an
    # open sentence, but the name alone below it says what it is
    kinds = _kinds("""
主持人：请介绍一下今年的工作。

王小二：今年我们推出了一批新的举措，把企业开办整合成一次申

某区政务服务管理办公室
党组书记、主任

王小二

请、一窗受理、一次办结。
""")
    assert [k for k, _ in kinds][2:4] == [Kind.ROSTER, Kind.ROSTER]


def test_a_block_given_its_kind_is_the_block_replaced() -> None:
    from dataclasses import replace

    from reconstruct.classify import _as
    from reconstruct.model import Block, Kind, Line

    block = Block(lines=(Line(3, "主持人：您好"),), width=6.0, speaker="甲", label="乙")
    assert _as(block, Kind.ARTICLE) == replace(block, kind=Kind.ARTICLE)
    assert _as(block, Kind.QUESTION, speaker="主持人") == replace(block, kind=Kind.QUESTION, speaker="主持人")
    assert _as(block, Kind.FIELD, label="丙") == replace(block, kind=Kind.FIELD, label="丙")


def test_a_sidebar_of_questions_printed_without_the_host_label_is_the_hosts() -> None:
    # the questions set apart in a narrow box, no label; the guests answer under theirs
    text = """
访谈嘉宾：某县某局局长 王小二

今年的重点
工作有哪些？
下一步有哪些
打算？

群众最关心
什么？

王小二：重点是发展。

王小二：还有民生。
"""
    kinds = _kinds(text)
    assert kinds[1:4] == [(Kind.QUESTION, None)] * 3
    # a rhetorical question alone is no list of questions
    alone = _kinds(text.replace("下一步有哪些\n打算？\n", "").replace("群众最关心\n什么？\n", ""))
    assert (Kind.QUESTION, None) not in alone


def test_unlabelled_questions_broken_apart_by_the_extractor_are_put_back_together() -> None:
    # pdfminer.six breaks a narrow box's every line apart: a question runs on over the next
    # block in mid-sentence; questions read onto a roster's block come off it; a heading
    # printed below the box is no part of the last question
    blocks = classify_blocks(split_blocks(page("""
访谈嘉宾：
某县某局局长 王小二
今年的重点工作有
哪些？

营商环境就是生产力。今年以来，某

县有哪些新举措？

下一步有哪些打算？
某县新增学位六千个

王小二：重点是发展。

王小二：还有民生。
""")))
    got = [(b.kind, "".join(x.text for x in b.lines)) for b in blocks]
    assert got[:5] == [
        (Kind.ROSTER, "访谈嘉宾：某县某局局长 王小二"),
        (Kind.QUESTION, "今年的重点工作有哪些？"),
        (Kind.QUESTION, "营商环境就是生产力。今年以来，某县有哪些新举措？"),
        (Kind.QUESTION, "下一步有哪些打算？"),
        (Kind.HEADLINE, "某县新增学位六千个"),
    ]


def test_an_unlabelled_question_the_extractor_read_onto_an_answers_box_comes_off_it() -> None:
    # line 9 is the question box's, printed after the answer's lines 6-7 (line 8 elsewhere)
    from reconstruct.model import Block, Line

    lines = [Line(1, "今年的重点工作有哪些？"), Line(2, "下一步有哪些打算？"), Line(3, "群众最关心什么？")]
    answer = [Line(5, "王小二：重点是发展，"), Line(6, "还有民生。"), Line(9, "就业情况怎么样？")]
    blocks = [Block((x,), 10.0) for x in lines] + [
        Block(tuple(answer), 10.0), Block((Line(11, "王小二：就业。"),), 7.0), Block((Line(8, "另一栏的文字。"),), 7.0),
    ]
    out = classify_blocks(blocks)
    got = [(b.kind, [x.number for x in b.lines]) for b in out]
    assert got[3:5] == [(Kind.ANSWER, [5, 6]), (Kind.QUESTION, [9])]
    # read in line order, the last sentence is the answer's own
    answer[2] = Line(7, "就业情况怎么样？")
    blocks[3] = Block(tuple(answer), 10.0)
    assert [len(b.lines) for b in classify_blocks(blocks)][3] == 3


def test_lines_read_onto_a_labelled_question_after_its_question_mark_out_of_order_come_off_it() -> None:
    # line 9 carries on the question left open on line 2; the extractor read it after
    # line 5's question (lines 6-8 printed elsewhere)
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(2, "主持人：中医药在基层很有认可度，中医院"),), 20.0),
        Block((Line(4, "主持人：在提升救治能力方面，还"), Line(5, "有哪些计划？"), Line(9, "在这方面有什么特色做法？")), 15.0),
        Block((Line(11, "王小二：我们将继续努力。"),), 12.0),
        Block((Line(6, "另一栏的文字。"), Line(7, "另一栏的文字。"), Line(8, "另一栏的文字。")), 7.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[1:3] == [(Kind.QUESTION, [4, 5]), (Kind.TEXT, [9])]
    # printed in line order, the question asks twice
    blocks[3] = Block((Line(10, "另一栏的文字。"),), 7.0)
    blocks[1] = Block((Line(4, "主持人：在提升救治能力方面，还"), Line(5, "有哪些计划？"), Line(6, "在这方面有什么特色做法？")), 15.0)
    assert [len(b.lines) for b in classify_blocks(blocks)][1] == 3


def test_a_roster_entry_read_into_a_question_comes_out_of_it() -> None:
    text = """
访谈嘉宾：
某县某局局长 王小二
某县某院院长，

主持人：医共体建设开展以来，老百姓最直观的感受是
某县第二医共体总院院长 李四
什么？两位院长能否分别谈一谈？

王小二：感受很多。

李四：看病方便了。
"""
    blocks = classify_blocks(split_blocks(page(text)))
    got = [(b.kind, "".join(x.text for x in b.lines)) for b in blocks]
    assert got[1:3] == [
        (Kind.QUESTION, "主持人：医共体建设开展以来，老百姓最直观的感受是什么？两位院长能否分别谈一谈？"),
        (Kind.ROSTER, "某县第二医共体总院院长 李四"),
    ]


def test_unlabelled_questions_read_before_another_boxs_text_come_off_it() -> None:
    from reconstruct.model import Block, Line

    lines = [Line(2, "今年的重点工作有哪些？"), Line(4, "下一步有哪些打算？"), Line(6, "群众最关心什么？"),
             Line(8, "同时，我们上线了管理平台，实时监测"), Line(9, "客流。")]
    blocks = [Block(tuple(lines), 15.0), Block((Line(11, "王小二：重点是发展。"),), 9.0),
              Block((Line(13, "王小二：还有民生。"),), 9.0)]
    got = _kinds_and_lines(blocks)
    assert got[:4] == [(Kind.QUESTION, [2]), (Kind.QUESTION, [4]), (Kind.QUESTION, [6]), (Kind.TEXT, [8, 9])]


def test_a_headline_wrapped_over_a_narrow_column_above_a_news_item_heads_it() -> None:
    # three or four lines with no punctuation right above 本报讯 are its headline, though
    # the last line is no shorter than the first; running text above it is not
    kinds = _kinds("""
…进一步完善县城路网结构。

澄江新区举办高
校毕业生专场招
聘会

本报讯（记者 姚远）7月6日，
澄江新区专场招聘会举行。

白渡古镇暑
期游客量同
比增长三成

本报讯（记者 詹敏）8月31日，
古镇累计接待游客186万人次。

今年暑期古镇推出夜游
活动，吸引了大批游客

本报讯（记者 谢婉）近日，
柘塘区推行改革。
""")
    assert [k for k, _ in kinds] == [
        Kind.TEXT, Kind.HEADLINE, Kind.ARTICLE, Kind.HEADLINE, Kind.ARTICLE, Kind.TEXT, Kind.ARTICLE,
    ]


def test_a_roster_entry_atop_an_unlabelled_question_is_a_roster_and_the_rest_the_hosts() -> None:
    # the roster's last box printed right above the box of questions, read as one block:
    # a title with no sentence punctuation, ending with a guest's name, then the question
    from reconstruct.model import Block, Line

    entry = [Line(3, "某县某某机械股份有限公司"), Line(4, "董事长 李四")]
    question = [Line(5, "今年上半年，全县工业运行总体情况如何？")]
    blocks = [
        Block((Line(1, "访谈嘉宾：某县某局局长 王小二"),), 15.0),
        Block(tuple(entry + question), 19.0),
        Block((Line(7, "下一步有哪些打算？"),), 9.0), Block((Line(9, "群众最关心什么？"),), 8.0),
        Block((Line(11, "王小二：重点是发展。"),), 9.0), Block((Line(13, "李四：还有民生。"),), 8.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[1:3] == [(Kind.ROSTER, [3, 4]), (Kind.QUESTION, [5])]
    # a name alone on its line atop a question is an entry too
    blocks[1] = Block((Line(4, "李四"), *question), 19.0)
    got = _kinds_and_lines(blocks)
    assert got[1:3] == [(Kind.ROSTER, [4]), (Kind.QUESTION, [5])]


def test_a_hosts_turn_that_has_not_asked_yet_takes_the_question_printed_next() -> None:
    # "主持人：…民生。" then, in the next block printed right after it, the question itself
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：就业是最基本的民生。"),), 14.0),
        Block((Line(3, "今年以来，就业形势总体如何？"),), 14.0),
        Block((Line(5, "王小二：总体稳定。"),), 9.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 3]), (Kind.ANSWER, [5])]
    # not a turn that has asked already, nor lines printed elsewhere (out of line order)
    asked = [Block((Line(1, "主持人：就业形势总体如何？"),), 14.0), *blocks[1:]]
    assert [len(b.lines) for b in classify_blocks(asked)][0] == 1
    apart = [blocks[0], Block((Line(9, "今年以来，就业形势总体如何？"),), 14.0), blocks[2], Block((Line(3, "另一栏。"),), 4.0)]
    assert [len(b.lines) for b in classify_blocks(apart)][0] == 1


def test_two_questions_side_by_side_read_row_by_row_are_dealt_apart() -> None:
    from reconstruct.model import Block, Line

    # two labelled turns left open, then their two ends, read row by row
    blocks = [
        Block((Line(1, "主持人：在资源下沉方面，区人民医院"),), 18.0),
        Block((Line(3, "主持人：在提升救治能力方面，还有哪些计划"),), 20.0),
        Block((Line(5, "具体做了哪些工作？"),), 9.0),
        Block((Line(7, "要实现？"),), 4.0),
        Block((Line(9, "王小二：我们将继续努力。"),), 12.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 5]), (Kind.QUESTION, [3, 7])]
    # a box of questions without labels: every other line is one question's, when the
    # words read across the joins so dealt (要|素, 打|算)
    lines = [Line(1, "围绕产业集群，区经信委在政策引导和要"), Line(2, "下一步，在推动制造业发展上还有哪些具体打"),
             Line(3, "素保障上做了哪些工作？"), Line(4, "算？")]
    blocks = [Block(tuple(lines[:3]), 20.0), Block(tuple(lines[3:]), 2.0),
              Block((Line(6, "今年的重点工作有哪些？"),), 11.0), Block((Line(8, "群众最关心什么？"),), 8.0),
              Block((Line(10, "王小二：重点是发展。"),), 10.0), Block((Line(12, "王小二：还有民生。"),), 9.0)]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 3]), (Kind.QUESTION, [2, 4])]


def test_two_unlabelled_questions_read_row_by_row_are_dealt_apart_by_the_rows_shape() -> None:
    # no word across any join either way: two rows filling the box, then a line alone
    # narrower than a row, the second question's end
    from reconstruct.model import Block, Line

    lines = [Line(1, "巩固拓展脱贫攻坚成果是实施乡村振兴的前提"), Line(2, "有人说，乡村振兴不能只看“口袋”，还要看"),
             Line(3, "，全县在防止规模性返贫方面做了哪些工作？"), Line(4, "“脑袋”，您怎么看？")]
    blocks = [Block(tuple(lines[:3]), 20.0), Block(tuple(lines[3:]), 10.0),
              Block((Line(6, "今年的重点工作有哪些？"),), 11.0), Block((Line(8, "群众最关心什么？"),), 8.0),
              Block((Line(10, "王小二：重点是发展。"),), 10.0), Block((Line(12, "王小二：还有民生。"),), 9.0)]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 3]), (Kind.QUESTION, [2, 4])]
    # a question whose second line is short is no row of a box beside another
    lines[1] = Line(2, "有人说，乡村振兴")
    blocks[0] = Block(tuple(lines[:3]), 20.0)
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 2, 3]), (Kind.QUESTION, [4])]


def test_two_labelled_questions_side_by_side_whose_ends_one_block_holds_are_dealt_apart() -> None:
    # rows: the first turn's label line, the second's, then the first's end (…基|础…), the second's
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：高新区作为工业发展的主战场，目前的产业基"),), 26.0),
        Block((Line(2, "主持人：企业发展过程中，政府部门给予"), Line(3, "础怎么样？"), Line(4, "了哪些帮助？")), 19.0),
        Block((Line(6, "王小二：基础很好。"),), 9.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 3]), (Kind.QUESTION, [2, 4])]


def test_two_open_questions_take_their_ends_by_the_words_across_a_whole_question_between() -> None:
    # rows of two boxes: both turns open; the first's end next (…生产|力…), then a whole
    # question of the longer box, then the second's end (…权|益…)
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "采访组：营商环境就是生产"),), 12.0),
        Block((Line(3, "采访组：在保护企业合法权"),), 12.0),
        Block((Line(5, "力。今年以来，有哪些新举措？"),), 14.0),
        Block((Line(7, "采访组：网上办进展如何？"),), 12.0),
        Block((Line(9, "益方面，有哪些具体做法？"),), 12.0),
        Block((Line(11, "王小二：重点是发展。"),), 10.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:3] == [(Kind.QUESTION, [1, 5]), (Kind.QUESTION, [3, 9]), (Kind.QUESTION, [7])]


def test_two_labelled_questions_side_by_side_the_seconds_end_a_line_of_its_own_are_dealt_apart() -> None:
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：卜春生是种粮大户，您今年卖粮的"),), 19.0),
        Block((Line(2, "主持人：最后请三位各用一句话，谈谈对粮"), Line(3, "感受怎么样？")), 19.0),
        Block((Line(4, "食安全的理解。"),), 7.0),
        Block((Line(6, "王小二：卖粮方便了。"),), 10.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:3] == [(Kind.QUESTION, [1, 3]), (Kind.QUESTION, [2, 4]), (Kind.ANSWER, [6])]


def test_two_labelled_questions_side_by_side_dealt_apart_by_the_rows_shape() -> None:
    # rows: the first turn fills its line though it asks (a second sentence follows), the
    # second's first line fills it too, then the first's short end, then the second's
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：今年上半年，全区工业经济运行总体情况如何？"),), 26.0),
        Block((Line(2, "主持人：作为扎根本地二十余年的企业，你们近年来在"),
               Line(3, "有哪些亮点值得关注？"), Line(4, "转型升级方面有哪些探索？")), 26.0),
        Block((Line(6, "王小二：总的来看，运行平稳。"),), 13.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[:2] == [(Kind.QUESTION, [1, 3]), (Kind.QUESTION, [2, 4])]


def test_a_questions_narrow_end_atop_a_wide_box_of_text_is_set_apart() -> None:
    from reconstruct.classify import _question_end_atop
    from reconstruct.model import Block, Line

    block = Block((Line(10, "么？请您具体谈"), Line(11, "一谈好吗？"),
                   Line(12, "工作报告。今年全区共服务基层群众"), Line(13, "八万余人次，满意率达到九成以上，"),
                   Line(14, "成效明显。")), 17.0)
    got = [[x.number for x in b.lines] for b in _question_end_atop(block, Settings())]
    assert got == [[10, 11], [12, 13, 14]]
    # a paragraph's own lines (no narrower than the rest) stay one block
    even = Block((Line(10, "今年的工作重点是什么？我们认为"),) + block.lines[2:], 17.0)
    assert len(_question_end_atop(even, Settings())) == 1


def test_an_open_narrow_question_takes_its_boxs_rest_read_among_wider_boxes() -> None:
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：合作"), Line(2, "社成立以来，村")), 7.0),
        Block((Line(4, "另外，我们还组建了专门的服务队伍，"), Line(5, "定期进村入户开展技术指导。")), 17.0),
        Block((Line(7, "民，大家最直观"), Line(8, "的感受是什")), 7.0),
        Block((Line(10, "我们还建设了冷链仓储和检测中心，"), Line(11, "农产品当天就能运到城里超市。")), 17.0),
        Block((Line(13, "么？请您具体"), Line(14, "谈一谈？")), 7.0),
        Block((Line(16, "王小二：最直观的感受就是收入高了。"),), 17.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[0] == (Kind.QUESTION, [1, 2, 7, 8, 13, 14])
    assert (Kind.TEXT, [4, 5]) in got and (Kind.TEXT, [10, 11]) in got


def test_an_open_questions_end_read_into_a_rosters_block_goes_back_to_it() -> None:
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "采访组：两个街道的改造小区都比较集中"),), 18.0),
        Block((Line(3, "访谈嘉宾："), Line(5, "云峤区住房和城乡建设委员会主任 王小二"),
               Line(2, "，各自有什么特色做法？")), 18.0),
        Block((Line(7, "王小二：我们先摸清需求。"),), 12.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[0] == (Kind.QUESTION, [1, 2])
    assert got[1] == (Kind.ROSTER, [3, 5])


def test_two_open_turns_on_consecutive_rows_take_their_ends_from_one_block() -> None:
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(1, "主持人：有网友在留言里"),), 11.0),
        Block((Line(3, "主持人：今年的重点工作是什么？"),), 15.0),
        Block((Line(5, "主持人：最后，请王局长"),), 11.0),
        Block((Line(7, "提问：老人看病，能不能"), Line(8, "在家门口解决？"),
               Line(10, "给大家介绍一下下一步还有哪"), Line(11, "些便民举措。")), 13.0),
        Block((Line(13, "王小二：我们先做好规划。"),), 12.0),
    ]
    after = {1: 5, 5: 7}  # the two turns' rows printed one right after the other
    from reconstruct.classify import _ends_of_a_row_pair

    got = [[x.number for x in b.lines] for b in _ends_of_a_row_pair(
        [b if not b.lines[0].text.startswith("主持人") else
         Block(b.lines, b.width, Kind.QUESTION, "主持人") for b in blocks], after)]
    assert got[:3] == [[1, 7, 8], [3], [5, 10, 11]]


def test_a_line_ending_in_an_enumeration_comma_read_into_a_question_goes_to_the_column_beside() -> None:
    # line 3 ends a list item (、) of the answer column printed beside the question; the
    # question's next line opens with 的, which never follows 、; the list goes on at line 5
    from reconstruct.model import Block, Line

    blocks = [
        Block((Line(2, "主持人：就业是最基本"), Line(3, "从需求看，制造业、"), Line(4, "的民生。今年以来，新区就"), Line(6, "业形势总体如何？")), 10.0),
        Block((Line(1, "王小二：今年以来形势总体稳定。"),), 12.0),
        Block((Line(5, "服务业的岗位需求比较旺盛。"), Line(7, "需求增长明显。")), 12.0),
    ]
    got = _kinds_and_lines(blocks)
    assert got[0] == (Kind.QUESTION, [2, 4, 6])
    assert got[2] == (Kind.TEXT, [3, 5, 7])
    # a line after the comma that may follow one stays where it is
    blocks[0] = Block((Line(2, "主持人：就业是最基本"), Line(3, "从需求看，制造业、"), Line(4, "服务业的民生。今年以来，新区就"), Line(6, "业形势总体如何？")), 10.0)
    assert [x.number for x in classify_blocks(blocks)[0].lines] == [2, 3, 4, 6]
