from conftest import page

from reconstruct.blocks import split_blocks
from reconstruct.classify import classify_blocks
from reconstruct.flows import group_flows, stitch_flows

TWO_OPEN_ANSWERS = """
张三：城市绿化要做到精细管理，
每一块绿地都有专人负责浇水，每

李四：我们街道的老
小区改造已经完成大
半，剩下的主要是整

平方米的绿地都有人浇水，定期修剪
养护。

治背街小巷的环境
卫生。
"""


def flows(text: str) -> list[str]:
    blocks = classify_blocks(split_blocks(page(text)))
    names = frozenset(b.speaker for b in blocks if b.speaker)
    return [f.text for f in stitch_flows(group_flows(blocks, names))]


def test_a_box_of_another_width_read_next_is_not_glued_blindly() -> None:
    # the box read right after 李四's open sentence is wider than his column; the box that
    # carries his sentence on comes later, at his width
    assert flows(TWO_OPEN_ANSWERS) == [
        "张三：城市绿化要做到精细管理，每一块绿地都有专人负责浇水，每平方米的绿地都有人浇水，定期修剪养护。",
        "李四：我们街道的老小区改造已经完成大半，剩下的主要是整治背街小巷的环境卫生。",
    ]


def test_an_unclaimed_box_carries_on_the_flow_of_the_block_before_it() -> None:
    # 王五's answer continues in a box printed after a news item; the box after that one
    # (his next paragraph, not indented after the column break) follows him, not the news
    text = """
王五：社区食堂开业以后，每天
有两百多位老人来这里吃饭，

本报讯（记者 赵六）昨日，某地
召开会议，部署有关工作。

价格也比外面便宜一些。老人们
都说方便。

我们还组织志愿者为行动不便
的老人送餐上门。
"""
    out = flows(text)
    assert out[0].startswith("王五：") and out[0].endswith("送餐上门。")
    assert out[1].startswith("本报讯") and out[1].endswith("有关工作。")


VOICES = """
张三：桂湖街道的老小区大多是职工宿舍，桂湖街道的老人多。

李四：松园医院的急诊科今年扩建了，松园医院的医生也多了。

张三：我们在改造中特别注重适老
化，办事的时间短了，还有

李四：我们也在这方面下了功夫，
为老人提供了便利，另外还有

本报讯（记者 王五）日前，某地
召开会议，部署有关工作。

松园医院开通的胸痛中心，抢救
时间缩短了一半。

桂湖街道改建的老年食堂，每天
为老人提供午餐。
"""


def test_a_box_naming_what_only_one_guest_speaks_of_carries_on_that_guest() -> None:
    # each open answer shares words with the other guest's box; the street and the
    # hospital, named only by one guest each, decide
    out = flows(VOICES)
    assert out[2].endswith("老年食堂，每天为老人提供午餐。")
    assert out[3].endswith("胸痛中心，抢救时间缩短了一半。")
    assert out[4].endswith("部署有关工作。")


DIGITS_AFTER_A_COLUMN_BREAK = """
孟凡舟：总体保持稳中
向好。1 至 7 月，全县空
气质量优良天数比例为
93.4%，同比提高 2.1 个百
分点；细颗粒物平均浓度每
立方米 28 微克，同比下降

9.7%。全县 9 个国控、
省控断面水质全部达到或优
于Ⅲ类，集中式饮用水水源
地水质达标率保持 100%。
"""


def test_room_around_digits_is_no_indent() -> None:
    # the first line after the column break holds a number set off by spaces: measured
    # without that room it looks an indent short, and the open sentence lost its end
    assert flows(DIGITS_AFTER_A_COLUMN_BREAK) == [
        "孟凡舟：总体保持稳中向好。1至7月，全县空气质量优良天数比例为93.4%，同比提高2.1个百分点；"
        "细颗粒物平均浓度每立方米28微克，同比下降9.7%。全县9个国控、省控断面水质全部达到或优于Ⅲ类，"
        "集中式饮用水水源地水质达标率保持100%。"
    ]


def test_a_name_printed_apart_from_its_title_stays_in_the_roster() -> None:
    texts = flows("""
主持人：今年的重点是什么？

王小二：重点是发展。

李大三：还有民生。

访谈嘉宾：某区发展和改革委员会党组书记、主任 王小二

某区应急管理局局长

李大三
""")
    assert texts[-1] == "访谈嘉宾：某区发展和改革委员会党组书记、主任王小二某区应急管理局局长李大三"


PARAGRAPH_AT_ANOTHER_ANSWERS_WIDTH = """
张三：街道的老人多。

李四：医院的医生多。

张三：桂湖街道的老小区大多
是职工宿舍，住的老人比较多，
这几年我们改造了三十个小区。

李四：松园医院的急诊科今年扩建了，
医生也多了，来看病的群众也更多了，
大家都说看病比以前方便多了。

  桂湖街道的老年食堂每天为
老人提供午餐，老人们吃得很放
心，都说很方便。
"""


def test_a_paragraph_box_goes_to_the_finished_answer_at_its_width() -> None:
    # the box opens a paragraph after 李四's finished answer, but it is set at 张三's
    # narrower width and speaks of his street: it carries on his answer
    out = flows(PARAGRAPH_AT_ANOTHER_ANSWERS_WIDTH)
    assert out[2].startswith("张三：") and out[2].endswith("都说很方便。")
    assert out[3].startswith("李四：") and out[3].endswith("方便多了。")


def test_the_box_a_note_label_follows_stays_where_it_is_printed() -> None:
    # the same box with a detached note label after it is the note's box (assemble gives it
    # to the label), not another answer's paragraph
    out = flows(PARAGRAPH_AT_ANOTHER_ANSWERS_WIDTH + "\n编\n者\n按\n")
    assert out[2].startswith("张三：") and out[2].endswith("三十个小区。")


OPEN_QUESTION = """
张三：我们推行了一网通办。

境方面做了哪些工作？

主持人：今年以来，全区在优化营商环

张三：我们还建了政务服务中心。

境方面，企业开办的时间压缩到了一
天，群众办事也比以前更加方便了。
"""


def test_an_open_question_goes_on_in_a_box_that_asks() -> None:
    # the box printed after the open question has no question mark: the host's question
    # carries on in the box that asks, though it is printed before
    out = flows(OPEN_QUESTION)
    assert "主持人：今年以来，全区在优化营商环境方面做了哪些工作？" in out


NOTE_AFTER_THE_BYLINE = """
张三：今年我们街道改造了三十个小区，

记者 王五 赵六

老旧小区改造是民生工程也是发展工程，
本期我们邀请有关负责人谈谈这项工作。

编
者
按
"""


def test_an_open_answer_does_not_take_the_notes_box() -> None:
    # the box between the byline and the note label printed after it is the note's, not
    # the open answer carried on
    out = flows(NOTE_AFTER_THE_BYLINE)
    assert out[0] == "张三：今年我们街道改造了三十个小区，"


def test_a_headlines_wrapped_end_is_not_carried_on_by_the_text_after_it() -> None:
    texts = flows("""
城南社区举办邻里文化节，居民踊跃参加，活动持续了

节

全市秋季森林防火会议召开，会议部署了工作。
""")
    assert "节" in texts


def test_running_text_before_the_first_turn_is_no_answers_continuation() -> None:
    # the lead, printed below the byline before any turn, starts a sentence: the answer
    # left open further down (its end lost in another box) does not carry on into it
    out = flows("""
某区推进交通建设
记者 某某

“要想富，先修路。”近年来，
某区累计投入交通建设资金，
路网加快成形。

记者：今年有哪些重点项目？

王五：今年安排重点项目二十三个，
累计完成投资的六成，县城南环线
""")
    assert "“要想富，先修路。”近年来，某区累计投入交通建设资金，路网加快成形。" in out
