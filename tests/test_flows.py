from conftest import page

from reconstruct.blocks import split_blocks
from reconstruct.classify import classify_blocks
from reconstruct.flows import group_flows, stitch_flows
from reconstruct.pipeline import reconstruct_page
from reconstruct.settings import Settings

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


A_LEAD_BEFORE_AN_OPEN_ARTICLE = """
今年以来，全区新建口袋公园十二个，改
造提升老旧公园五个，市民休闲去处明
显增多，周边居民纷纷点赞。

记者：下一步还有哪些打算？

张三：我们将继续推进城市绿化。

本报讯（记者 赵六）昨日，全区召
开文明城市创建推进会，要求各单位
压实责任，确保各项任务按时
"""


def stitched(text: str, settings: Settings) -> list[str]:
    blocks = classify_blocks(split_blocks(page(text)))
    names = frozenset(b.speaker for b in blocks if b.speaker)
    return [f.text for f in stitch_flows(group_flows(blocks, names, settings), settings)]


def test_a_box_printed_before_an_open_sentence_needs_something_for_it() -> None:
    # the news item's last sentence is left open; the only box free to end it is the lead
    # printed above, at another width, sharing no words: no reader takes it. Each of the two
    # rules keeps it apart on its own: the floor for a box printed before, and the choice
    # to leave a sentence open
    for settings in (Settings(stitch_stay_open=-1e9), Settings(stitch_floor=-1e9), Settings()):
        out = stitched(A_LEAD_BEFORE_AN_OPEN_ARTICLE, settings)
        assert out[0].startswith("今年以来") and out[-1].endswith("按时")
    glued = stitched(A_LEAD_BEFORE_AN_OPEN_ARTICLE, Settings(stitch_floor=-1e9, stitch_stay_open=-1e9))
    assert glued[-1].endswith("纷纷点赞。")  # the test can fail


A_BOX_OPENING_ON_A_COMMA = """
，企业和群众常办的三百二十项高频事项都可
以在手机上办理。

李四：我们街道的老小区改造已经完成大
半，剩下的主要是背街小巷的环境卫生。

张三：我们开发了政务服务移动端

张三：还有一件事。

李四：我补充一点。
"""


def test_a_box_opening_on_a_comma_carries_on_an_open_sentence() -> None:
    # the box starts on a comma: no sentence starts so, and though it is printed before the
    # open answer, at another width, it is that sentence's end
    out = stitched(A_BOX_OPENING_ON_A_COMMA, Settings())
    assert out[1] == "张三：我们开发了政务服务移动端，企业和群众常办的三百二十项高频事项都可以在手机上办理。"
    assert stitched(A_BOX_OPENING_ON_A_COMMA, Settings(stitch_mid_sentence=0.0))[1] != out[1]


OWN_WIDTH_LATER = """
张三：今年我们全面推行了河长制，全
县五十八条河流都设立了三级河长，

并建立了日常巡查机制，
发现问题马上处理。

李四：我们社区的老旧小
区改造已经完成大半，今
年还将开工十二个小区。

每条河都有专人负责，河道保洁工作实
现了常态化，水质明显好转。

张三：还有一件事。

李四：我补充一点。
"""


def test_a_box_at_the_open_columns_width_beats_one_of_another_read_next() -> None:
    # 张三's sentence goes on at his own width, two boxes on; the box read right after him
    # is narrower (another box, left one of its own)
    out = stitched(OWN_WIDTH_LATER, Settings())
    assert out[0].endswith("三级河长，每条河都有专人负责，河道保洁工作实现了常态化，水质明显好转。")
    old = stitched(OWN_WIDTH_LATER, Settings(stitch_adjacent=0.5))
    assert old[0] != out[0]


A_WORD_BROKEN_BEFORE_A_SHORT_LINE = """
张三：我们在城区布设了八十六个空气
质量微站，实时监测空气质量，一旦
发现数

据异常，网格员半小时内赶到
现场处置，确保发现的问题都能及时
得到解决。

李四：我补充一点。

张三：还有一件事。

李四：我再补充一点。
"""


def test_no_paragraph_starts_inside_a_word() -> None:
    # the box's first line falls short like an indent, but it opens inside the word the open
    # sentence broke off (数|据): it carries that sentence on
    out = stitched(A_WORD_BROKEN_BEFORE_A_SHORT_LINE, Settings())
    assert out[0].endswith("一旦发现数据异常，网格员半小时内赶到现场处置，确保发现的问题都能及时得到解决。")


THE_NEXT_POINT = """
张三：我们重点推进几项工作：一是扩
充优质学位，新建学校五所；二是深化
集团化办学，让每所学校都有带动。

李四：我们学校的课后服务很受家长欢
迎，孩子们放学后都愿意留下来参加。

三是加快教育数字化转型，让城乡的孩
子共享优质课程资源。

张三：还有一件事。

李四：我再补充一点。
"""


def test_a_box_opening_with_the_next_point_goes_to_the_enumeration() -> None:
    # "三是…" is printed after 李四's answer, but 张三 counted "一是…二是…"
    out = stitched(THE_NEXT_POINT, Settings())
    assert out[0].endswith("让每所学校都有带动。三是加快教育数字化转型，让城乡的孩子共享优质课程资源。")
    assert stitched(THE_NEXT_POINT, Settings(stitch_enumeration=0.0, home_enumeration=0.0))[0] != out[0]


AN_OPEN_QUOTE = """
张三：实验小学建校已有八十多年，这
些年我们一直坚持“以阅读

李四：我们社区的老小区
改造已经完成大半了。

每天都有很多居民来工地看进度，大
家都盼着早日完工。

为特色、以活动为载体”的办学思路
不动摇，孩子们的收获越来越多。

张三：还有一件事。

李四：我再补充一点。
"""


def test_a_box_closing_an_open_quote_carries_on_the_sentence_that_opened_it() -> None:
    # two boxes at 张三's width are free after 李四's answer; the farther one closes his quote
    out = stitched(AN_OPEN_QUOTE, Settings())
    assert "坚持“以阅读为特色、以活动为载体”的办学思路不动摇，孩子们的收获越来越多。" in out[0]
    unmarked = stitched(AN_OPEN_QUOTE, Settings(stitch_closes_mark=0.0))
    assert "坚持“以阅读每天都有很多居民" in unmarked[0]


def test_a_dash_or_an_ellipsis_opens_no_sentence_carried_over() -> None:
    # a subtitle opens on a dash, a quotation on an ellipsis: neither marks a box that
    # carries on an open sentence, as a comma does
    from reconstruct.repair import carried_over

    def _opens_mid_sentence(text: str) -> bool:  # as the stitching asks it of a flow
        blocks = classify_blocks(split_blocks(page(text)))
        return carried_over(group_flows(blocks, frozenset())[0].head.lines[0].text)

    assert _opens_mid_sentence("，企业和群众常办的事项都能网上办理。\n")
    assert _opens_mid_sentence("”的办学思路不动摇，孩子们收获很多。\n")
    assert not _opens_mid_sentence("——“教育强区”建设访谈之三\n")
    assert not _opens_mid_sentence("……这样的日子一去不复返了。\n")


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


_AFTER_AN_ANSWER = """
本报讯（记者 赵六）昨日，某地新建
的老年食堂开门营业。

记者：街道今年为老人做了哪些事？

王五：我们街道今年新建了三个老
年食堂，老人们都说方便。

{box}
"""


def test_a_box_in_a_news_items_voice_after_an_answer_goes_to_the_news_item() -> None:
    # "某局负责人表示，…" after 王五's finished answer: someone's words in the third person,
    # the reporter's; no guest goes on so, and the box joins the news item printed before
    out = flows(_AFTER_AN_ANSWER.format(box="某局负责人表示，下一步将在全区\n推广这一做法。"))
    assert out[0].startswith("本报讯") and out[0].endswith("推广这一做法。")
    assert out[2].startswith("王五：") and out[2].endswith("都说方便。")


def test_a_guests_own_words_are_not_the_reporters() -> None:
    # "我们也表示，…" is a guest's: it carries on the answer as before
    out = flows(_AFTER_AN_ANSWER.format(box="我们也表示，将继续听取居民的\n意见。"))
    assert out[2].startswith("王五：") and out[2].endswith("居民的意见。")


def test_a_news_item_does_not_carry_on_into_the_text_under_the_interviews_subtitle() -> None:
    # the news item's sentence is left open (its end printed further down, after a headline
    # set in its column); the text right under the interview's subtitle starts a sentence
    # with no word across the join: it is the interview's own (its lead)
    out = flows("""
本报讯（记者 某某）昨日，某县蔬菜
产销对接会举行，签约金额一亿元。
据了解，全县蔬菜种植面积已达十二万

某区老街换新颜
——城市更新行动进行时

老街改造是城市更新的重要内容，事关
千家万户。记者日前采访了区里的负责人。

亩，产品销往全国二十多个省市。

记者：今年有哪些重点？

张三：今年全区改造老街五条。

记者：下一步怎么做？

张三：继续推进。
""")
    assert "老街改造是城市更新的重要内容，事关千家万户。记者日前采访了区里的负责人。" in out


def test_text_under_a_subtitle_still_carries_on_a_word_broken_there() -> None:
    # …千亩稻 / 田和…: the extractor printed the interview's heading between two lines of
    # the news item; a word runs across the join, so the text carries the item on
    out = flows("""
本报讯（记者 某某）昨日，某镇民宿开
门迎客，首批客房全部订满。
民宿周边是千亩稻

某区全力打造制造业集群
——高质量发展系列访谈之一

田和农耕体验园，游客可以体验插秧。

记者：今年工业运行怎么样？

张三：今年全区工业运行稳中有进。

记者：下一步怎么做？

张三：继续推进。
""")
    assert any(x.startswith("本报讯") and x.endswith("游客可以体验插秧。") for x in out)


def test_a_lead_printed_after_a_news_item_below_the_heading_is_no_part_of_it() -> None:
    # the news item set between the interview's heading and its lead ends its sentence; the
    # lead, in a column of another width, starts one: it is not the item's next paragraph
    out = flows("""
某县加快交通建设
——交通强县系列访谈
记者 某某

本报讯（记者 某某）近日，某区人民医院胸痛中心通过
国家认证，成为全市第三家通过该认证的区级医院。
下一步，该院将推动救治网络向镇卫生院延伸，让更多
患者在黄金时间内得到有效救治。

“要想富，先修路。”近年
来，某县累计投入交通建
设资金八十六亿元。

记者：今年有哪些重点项目？

张三：今年安排重点项目二十三个。

记者：下一步怎么做？

张三：继续推进。
""")
    assert "“要想富，先修路。”近年来，某县累计投入交通建设资金八十六亿元。" in out

A_COMMA_BOX_AFTER_A_FINISHED_ANSWER = """
张三：我们坚持由居民说了算，每个
小区都要经过入户调查、方案公示等

李四：难点主要在于协调低楼层住户
的意见，有时候一个单元要协调十几
次。

，方案必须经过三分之
二以上的居民同意才能实施，每个
环节都公开透明。

张三：还有一件事。

李四：我补充一点。
"""


def test_a_box_opening_on_a_comma_never_carries_on_a_finished_answer() -> None:
    # its short first line looks like an indented paragraph of the finished answer printed
    # before it; but no paragraph starts on a comma: it ends the sentence left open
    out = stitched(A_COMMA_BOX_AFTER_A_FINISHED_ANSWER, Settings())
    assert out[0].endswith("方案公示等，方案必须经过三分之二以上的居民同意才能实施，每个环节都公开透明。")
    assert out[1].endswith("十几次。")



def test_the_notes_box_before_its_label_carries_on_no_open_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # generated page 60 of seed 1: an answer left open at a column's foot ("…让"), then the
    # note's two boxes printed above its vertical label; the second says what notes say
    # ("本期节目，我们邀请…"): the note's, not the open answer's next line
    import sys
    from pathlib import Path

    generators = Path(__file__).resolve().parent / "generators"
    sys.path.insert(0, str(generators))
    from make_pages import generate

    from reconstruct import reconstruct_file

    generate(1, 61, tmp_path, generators.parent / "corpus")
    iv = reconstruct_file(tmp_path / "060_top.txt").interviews[0]
    assert "本期节目" in "".join(p.text for p in iv.editor_note)
    assert not any("本期节目" in t.text for t in iv.turns)


A_BOX_ENDING_A_SENTENCE = """
张三：过去办一件事，要跑好几个部门、
交一摞材料；现在大部分事项在手机上就能

本报讯（记者 赵六）昨日，某市举行招聘会，
一百多家企业提供就业岗位三千余个。

招聘会现场设置了政策咨询、创业指导等服
务区，吸引了一千余人前来求职。

记者：下一步有什么打算？

张三：我们将继续推进数据共享，让群众
办事更加方便快捷。

办。数字政府的核心是让数据多跑路、群
众少跑腿，群众办事不用来回奔波。
"""


def test_a_box_opening_on_a_clause_of_a_few_characters_ends_an_open_sentence() -> None:
    # "办。" is no sentence of its own: the box ends the sentence left open far before it,
    # not a news paragraph read right after that sentence, nor a paragraph of the answer
    # printed before it
    out = stitched(A_BOX_ENDING_A_SENTENCE, Settings())
    assert out[0] == (
        "张三：过去办一件事，要跑好几个部门、交一摞材料；现在大部分事项在手机上就能办。"
        "数字政府的核心是让数据多跑路、群众少跑腿，群众办事不用来回奔波。"
    )
    assert out[-1] == "张三：我们将继续推进数据共享，让群众办事更加方便快捷。"
    assert stitched(A_BOX_ENDING_A_SENTENCE, Settings(carried_clause_chars=0))[0] != out[0]


A_BOX_ENDING_A_PHRASE = """
记者：怎样帮助离校未就业的毕业生？

李四：我们将继续推进数据共享，让群众
办事更加方便快捷。

策，至少提供三个岗位信息和一次职业指
导，帮助他们尽快找到合适的工作。

张三：对于离校未就业的毕业生，我们实
行实名制帮扶，做到一人一档、一人一
"""


def test_a_box_opening_on_one_character_and_a_comma_ends_an_open_phrase() -> None:
    # "策，" starts no sentence (no paragraph opens on one character and a comma): the box
    # is no paragraph of the finished answer printed before it but the end of the phrase
    # left open after it, as a box opening on the comma itself would be
    out = stitched(A_BOX_ENDING_A_PHRASE, Settings())
    assert out[1] == "李四：我们将继续推进数据共享，让群众办事更加方便快捷。"
    assert out[2] == (
        "张三：对于离校未就业的毕业生，我们实行实名制帮扶，做到一人一档、一人一策，"
        "至少提供三个岗位信息和一次职业指导，帮助他们尽快找到合适的工作。"
    )
    assert stitched(A_BOX_ENDING_A_PHRASE, Settings(carried_phrase_chars=0))[2] != out[2]


def test_a_lead_field_ended_on_its_date_carries_on_no_box() -> None:
    # a field has no full stop to end it; a one-line field of time ends on its date, so the
    # box after it carries on the answer left open before it, not the field
    text = """
李四：实验小学是老牌名校，

采访时间：9月2日

我们和它结成了“发展共同体”，在教
研、师资上经常交流，取长补短。
"""
    assert flows(text) == [
        "李四：实验小学是老牌名校，我们和它结成了“发展共同体”，在教研、师资上经常交流，取长补短。",
        "采访时间：9月2日",
    ]
    # a field that stops on a post has its holder's name still to come (the field broke
    # at a column's foot)
    text = """
采访对象：城南小学校长

张三，城北小学校长李四
"""
    assert flows(text) == ["采访对象：城南小学校长张三，城北小学校长李四"]


def test_a_headline_above_a_news_item_carries_on_no_open_sentence() -> None:
    # the answer's column breaks in mid-sentence right above a news item's headline: the
    # headline heads the item below it; the answer goes on in its own box after the item
    text = """
侯建军：我们联合住建、市场监管、街道社
区开展了电动自

南屏区“村BA”乡村篮球联赛落幕
本报讯（记者 柏涛）8月18日晚，联赛
总决赛在青山村举行。

行车安全隐患全链条整治，今年以来共检查
居民小区380个。
"""
    out = flows(text)
    assert out[0] == "侯建军：我们联合住建、市场监管、街道社区开展了电动自行车安全隐患全链条整治，今年以来共检查居民小区380个。"
    assert "南屏区“村BA”乡村篮球联赛落幕" in out


def test_headlines_stacked_above_a_news_item_carry_on_no_open_sentence() -> None:
    # two headlines of a band set one above the other, then the first item's opener
    text = """
记者：下一步有哪些打

澄江新区举办高校毕业生专场招聘会

云峤区实验小学获评全国青少年读书活动示范校

本报讯（记者 姚远）7月6日，澄江新区
专场招聘会举行。

算？
"""
    out = flows(text)
    assert out[0] == "记者：下一步有哪些打算？"
    assert "澄江新区举办高校毕业生专场招聘会" in out


def test_a_headline_wider_than_an_open_column_carries_on_no_sentence() -> None:
    # a column broken in mid-sentence, then a headline wider than its lines (another
    # item's, printed on top of the box that carries the sentence on)
    text = """
据了解，鹤汀县高山
蔬菜种植面积已达12万

岚川高新区新材料中试基地投用
亩，年产量超过30万
吨，产品销往全国20多
个省市。此次对接会旨在
进一步拓宽销售渠道。
"""
    out = flows(text)
    assert "岚川高新区新材料中试基地投用" in out
    assert out[0].endswith("已达12万亩，年产量超过30万吨，产品销往全国20多个省市。此次对接会旨在进一步拓宽销售渠道。")


def test_an_interviews_title_over_its_subtitle_carries_on_no_open_sentence() -> None:
    # the page opens on the end of an answer whose column breaks in mid-sentence right
    # above the interview's heading: the title over its ——subtitle is no line of it
    text = """
欧阳立：这几年是全县交通

发展最快的时期。县域内高速公
路通车里程达到128公里，实现

织密交通路网畅通城乡发展“动脉”
——访某县交通运输局局长欧阳立

记者 车宁

了县县通高速。
"""
    out = flows(text)
    assert "织密交通路网畅通城乡发展“动脉”" in out
    assert not any("实现织密" in f for f in out)


def test_a_flows_column_is_the_width_its_full_lines_share() -> None:
    # lines in mid-sentence of ideographs only set the column (14); a line with digits falls
    # short, a line ending on a closing mark may hang past it, a finished one is short
    from reconstruct.flows import flow_cap
    text = """
张三：我们街道的老小区改造已
经完成大半，剩下的主要是整治
背街小巷的环境卫生，今年计划
投入资金2000万元，改造小区
这一行只有十三个字宽度较窄
居民三千多户，大家都很期待。
"""
    blocks = classify_blocks(split_blocks(page(text)))
    # three lines of 14 of four: no width prevails by the default share
    assert flow_cap(blocks, Settings()) == (14.0, 0)
    assert flow_cap(blocks, Settings(cap_share=0.7)) == (14.0, 3)


STRANDED_AFTER_ROSTER = """
张三：我们社区的老年食堂已经开了
三家，每天有两百多位老人来这里吃
饭，价格也很实惠，大家都说方便。

访谈嘉宾：
某某街道党工委书记
张三

我们还准备在明年再开两家老年食堂
让更多的老人在家门口就能吃上热乎
饭，老年食堂的菜价也会保持实惠。
"""


def test_a_first_person_box_stranded_after_the_roster_goes_to_an_answer() -> None:
    # the box after the roster says 我们: no lead of the reporter's, but the answer's
    # paragraph (its column and words are the answer's)
    out = flows(STRANDED_AFTER_ROSTER)
    answer = next(t for t in out if t.startswith("张三："))
    assert answer.endswith("菜价也会保持实惠。")
    assert flows(STRANDED_AFTER_ROSTER.replace("我们还准备", "街道还准备"))[-1].startswith("街道还准备")


def test_a_stranded_box_with_no_finished_answer_to_go_to_stays_where_it_is() -> None:
    # a question whose answer never came out, then furniture, then a guest's first-person
    # paragraph: there is no finished answer to give it to (the solver once got a 0-row
    # matrix and raised; found by the long hypothesis campaign)
    text = "记者：今年有哪些重点交通项目正在推进？进展如何？\n\n本报记者 王甲 李乙\n\n另外，我们正在推进 6 个重点项目建设。\n"
    out = flows(text)
    assert out[-1] == "另外，我们正在推进6个重点项目建设。"
    (interview,) = reconstruct_page(text).interviews
    assert [p.text for p in interview.lead] == ["另外，我们正在推进6个重点项目建设。"]


TWO_BOXES_AT_ONE_WIDTH = """
张三：我们也注重保护镇上的原住
民。古镇里住着三百多户老居民，
不少人家世代住在这里，他们的生

李四：城区还有不少老工业厂区，
我们计划把厂区一个一个地改造成
街区，其中最大的一片目前正在改造

活本身就是古镇文化的一部分，我
们鼓励他们参与民宿经营，让他们
从旁观者变成受益者。

升级为文创街区，引进工作室，让
老工业厂区焕发新的活力。

访谈嘉宾：某县文旅局局长 张三

某区住建局局长 李四
"""


def test_a_box_at_the_open_columns_width_is_set_loose_for_a_sentence_it_reads_on_from() -> None:
    # the box after 李四's open sentence is at his width, but "改造|活本身" reads nothing
    # across the join while 张三's "他们的生|活本身" reads 生活: it is set loose, and the
    # strong reading wins it for him; 李四's sentence goes on in the box after it
    out = stitched(TWO_BOXES_AT_ONE_WIDTH, Settings())
    assert out[0].endswith("他们的生活本身就是古镇文化的一部分，我们鼓励他们参与民宿经营，让他们从旁观者变成受益者。")
    assert out[1].endswith("目前正在改造升级为文创街区，引进工作室，让老工业厂区焕发新的活力。")
    # each rule is needed: the box stays glued without the first, goes to the width without the second
    for settings in (Settings(loose_box_gain=1e9), Settings(stitch_reads_strongly=0.0)):
        assert not stitched(TWO_BOXES_AT_ONE_WIDTH, settings)[0].endswith("变成受益者。")


A_PAIR_PRINTED_ELSEWHERE = """
张三：我们对护理员实行统一招聘、统
一培训、统一

李四：社区老年食堂每天为两百多位老
人提供

调配，同时按照服务量给予运营补贴，大家的
收入稳步提高。

午餐和晚餐，价格也很实惠，老人们都吃得放
心，家属也很满意。

记者：护理员怎样统一调配？

张三：还有一件事。
"""


def test_a_join_whose_two_characters_the_page_prints_side_by_side_reads_on() -> None:
    # two open sentences, two boxes of another width after them; "统一|调配" reads no word
    # across the join (统一 / 调配), but the question prints 一调 side by side: the box
    # carries on 张三's sentence, the one after it 李四's
    out = stitched(A_PAIR_PRINTED_ELSEWHERE, Settings())
    assert out[0].endswith("统一培训、统一调配，同时按照服务量给予运营补贴，大家的收入稳步提高。")
    assert out[1].endswith("两百多位老人提供午餐和晚餐，价格也很实惠，老人们都吃得放心，家属也很满意。")
    assert not stitched(A_PAIR_PRINTED_ELSEWHERE, Settings(stitch_pair_seen=0.0))[0].endswith("收入稳步提高。")


A_PAIR_BEFORE_A_GLUED_BOX = """
张三：我们对护理员实行统一招聘、统一
培训、统一考核、统一管理，还实行统一

李四：社区老年食堂每天为两百多位老人
提供营养均衡、荤素搭配的可口又热乎的

调配，同时按照服务量给予运营补贴，让
大家的收入稳步提高。

午餐和晚餐，价格也很实惠，老人们都说
吃得放心，家属也很满意。

记者：护理员怎样统一调配？

张三：还有一件事。
"""


def test_a_box_glued_to_an_open_column_is_set_loose_for_a_pair_printed_elsewhere() -> None:
    # the box after 李四's open sentence is at his width and reads no word across either
    # join, but 张三's "统一|调配" joins two characters the question prints side by side
    # (一调) and 李四's "热乎的|调配" none: it is set loose for the stitching to decide
    from reconstruct.flows import _side_by_side, _unpinned

    blocks = classify_blocks(split_blocks(page(A_PAIR_BEFORE_A_GLUED_BOX)))
    grouped = group_flows(blocks, frozenset(b.speaker for b in blocks if b.speaker))
    assert grouped[1].text.endswith("热乎的调配，同时按照服务量给予运营补贴，让大家的收入稳步提高。")
    loose = _unpinned(grouped, Settings(), _side_by_side(grouped))
    assert loose[1].text.endswith("可口又热乎的")
    assert loose[2].tentative and loose[2].text.startswith("调配，")


def test_a_paragraph_box_opening_inside_a_word_carries_on_an_open_sentence() -> None:
    # the box of another width opens short, like a paragraph after 李四's finished answer,
    # but the sentence 张三 left open reads on into it strongly (我|们): it carries that on
    text = """
张三：简单来说，就是让老年人从家里
出发，步行十五分钟左右就能享受到助
餐、助洁、助浴等养老服务。我

李四：我们学校的课后服务很受
家长欢迎，孩子们放学后都愿意
留下来参加。

们按照“街道有中
心、社区有站点、小区
有服务”的思路推进建
设，已经建成一百多个。

张三：还有一件事。

李四：我再补充一点。
"""
    out = flows(text)
    assert out[0].endswith("养老服务。我们按照“街道有中心、社区有站点、小区有服务”的思路推进建设，已经建成一百多个。")
    assert out[1] == "李四：我们学校的课后服务很受家长欢迎，孩子们放学后都愿意留下来参加。"


def test_a_headline_over_another_carries_on_no_open_sentence() -> None:
    # a band of two news headlines printed after a sentence left open, no news opener
    # right under them: the sentence goes on in the box that reads on from it (每|天)
    text = """
张三：我们社区还专门设置了分拣、包装
等务工岗位，让留守老人也能就业，每

溪宁县完成春季造林五万亩

青龙水库大坝浇筑过半

李四：我们学校的课后服务很受家长欢
迎，孩子们放学后都愿意留下来参加。

天能挣一百来块钱，这样的日子踏实。
"""
    out = flows(text)
    assert out[0] == "张三：我们社区还专门设置了分拣、包装等务工岗位，让留守老人也能就业，每天能挣一百来块钱，这样的日子踏实。"
    assert "溪宁县完成春季造林五万亩" in out


def test_a_paragraph_box_with_the_next_point_goes_to_the_answer_that_began_it() -> None:
    # "二是…" in a box of its own, printed after 李四's finished answer: 张三 counted "一是…"
    text = """
张三：我觉得主要有两个原因。一是坚持
修旧如旧，不搞大拆大建，保留了老街的
历史风貌，游客能感受到原汁原味。

李四：我们学校的课后服务很受
家长欢迎，孩子们放学后都愿意
留下来参加，家长也很放心。

二是让古镇活起来。我们恢
复了龙舟赛、庙会等传统民
俗活动，每周末都有非遗展
演，带动了一波游客。

张三：还有一件事。

李四：我再补充一点。
"""
    out = flows(text)
    assert out[0].endswith("游客能感受到原汁原味。二是让古镇活起来。我们恢复了龙舟赛、庙会等传统民俗活动，每周末都有非遗展演，带动了一波游客。")
    assert out[1] == "李四：我们学校的课后服务很受家长欢迎，孩子们放学后都愿意留下来参加，家长也很放心。"


def test_the_other_hand_counts_on_one_hand() -> None:
    from reconstruct.flows import _counts_on

    assert _counts_on("我们一方面开展低效用地清理，盘活了八百亩。", "另一方面大力推广标准化厂房。")
    assert not _counts_on("一方面清理低效用地；另一方面推广标准厂房。", "另一方面加强服务。")
    assert not _counts_on("我们开展低效用地清理。", "另一方面大力推广标准化厂房。")


def test_a_box_glued_to_an_open_column_is_set_loose_when_the_sentence_reads_on_elsewhere() -> None:
    # 李四's "…还经常组" has the box "做。…" glued under it at the same width, no word across;
    # the sentence reads on strongly into another box (组|织): the glued box is set loose
    text = """
张三：老人腿脚不方便做饭，
一个人的饭也不好

李四：社区老年大学开设了书
法、合唱等课程，还经常组

做。所以我们办起助餐点，
老人腿脚不便也不用做饭。

织文艺汇演。我们发现老年人
身体和精神状态都更好了。

张三：还有一件事。

李四：我再补充一点。
"""
    out = flows(text)
    assert out[0] == "张三：老人腿脚不方便做饭，一个人的饭也不好做。所以我们办起助餐点，老人腿脚不便也不用做饭。"
    assert out[1] == "李四：社区老年大学开设了书法、合唱等课程，还经常组织文艺汇演。我们发现老年人身体和精神状态都更好了。"


def test_a_box_glued_to_an_open_running_box_is_set_loose_too() -> None:
    # the same, when the sentence left open is a box of running text (after 李四's finished
    # sentence, at another width) rather than a labelled turn
    text = """
张三：老人腿脚不方便做饭，
一个人的饭也不好

李四：我们社区很重视老年人的精神文化
生活，每年都安排专项经费。

社区老年大学开设了书
法、合唱等课程，还经常组

做。所以我们办起助餐点，
老人腿脚不便也不用做饭。

织文艺汇演。我们发现老年人
身体和精神状态都更好了。

张三：还有一件事。

李四：我再补充一点。
"""
    out = flows(text)
    assert out[0] == "张三：老人腿脚不方便做饭，一个人的饭也不好做。所以我们办起助餐点，老人腿脚不便也不用做饭。"
    assert out[1].endswith("还经常组织文艺汇演。我们发现老年人身体和精神状态都更好了。")


def test_a_question_s_rest_glued_after_another_question_goes_to_the_open_one() -> None:
    # "划？" printed under the question before, which has asked already; the open question
    # reads on into it (规 / 划: 规划)
    text = """
记者：绿色发展方面，这几年
取得了哪些进展？
划？

记者：下一步有什么规

王某：我们将继续推进生态修复工作。
"""
    assert flows(text)[:2] == ["记者：绿色发展方面，这几年取得了哪些进展？", "记者：下一步有什么规划？"]


def test_a_question_s_rest_glued_in_a_news_item_goes_to_the_open_question() -> None:
    # the news item's open sentence (…各) does not read on into "验？"; the question does
    # (…经 / 验？), and the item's sentence then finds its own box (各 / 村…)
    text = """
记者：在引进人才方面有哪些经

本报讯（记者 赵六）昨日，某镇召开
会议，部署人才工作，要求各
验？

村结合实际拿出具体办法。

王某：我们出台了人才政策。
"""
    assert flows(text)[:2] == [
        "记者：在引进人才方面有哪些经验？",
        "本报讯（记者赵六）昨日，某镇召开会议，部署人才工作，要求各村结合实际拿出具体办法。",
    ]


def test_a_question_s_rest_that_closes_its_quote_is_set_loose_from_a_news_item() -> None:
    text = """
记者：很多家长关心“入学

本报讯（记者 赵六）昨日，某地召开
会议，部署防汛工作，要求各部门加
难”的问题，今年怎么解决？

强值守，确保安全度汛。

王某：今年我们新增学位三千个。
"""
    assert flows(text)[:2] == [
        "记者：很多家长关心“入学难”的问题，今年怎么解决？",
        "本报讯（记者赵六）昨日，某地召开会议，部署防汛工作，要求各部门加强值守，确保安全度汛。",
    ]


def test_a_question_mark_line_the_open_question_does_not_read_into_stays() -> None:
    text = """
记者：在引进人才方面有哪些经

王某：很多人问我们，人才从
哪里来？

验，我们主要靠待遇留人。
"""
    # "哪里来？" ends in a question mark, but 经 / 哪 reads nothing across: it stays
    assert flows(text)[1].startswith("王某：很多人问我们，人才从哪里来？")


def test_a_host_turn_that_asked_nothing_goes_on_in_the_short_box_that_asks() -> None:
    text = """
记者：垃圾分类是城市治理的难题。

这方面有什么好办法？

王某：我们在每个小区都设了督导员。
"""
    assert flows(text)[0] == "记者：垃圾分类是城市治理的难题。这方面有什么好办法？"


A_SHORT_CLAUSE_AT_ANOTHER_WIDTH = """
记者：合作社是怎样发展起来的？

张三：我们合作社刚成立的那几年
只有十几户社员，种的菜都是自己
挑着担子走上十几里山路送到镇上

李四：全县的合作社主要集中在
高山蔬菜、中药材、茶叶和生态
养殖四大领域。去年全县

卖，价格经常被压得很低。那时候
大家心里都没底，有几户种了一季
就想退出。
"""


def test_a_glued_box_opening_on_a_short_clause_at_another_open_flows_width_is_set_loose() -> None:
    # the box opening 卖，… is glued under 李四's open sentence (14 units) with no word
    # across the join; it is as wide as 张三's open column (15) and not 李四's: set loose
    from reconstruct.flows import _side_by_side, _unpinned

    blocks = classify_blocks(split_blocks(page(A_SHORT_CLAUSE_AT_ANOTHER_WIDTH)))
    grouped = group_flows(blocks, frozenset(b.speaker for b in blocks if b.speaker))
    assert grouped[-1].text.endswith("去年全县卖，价格经常被压得很低。那时候大家心里都没底，有几户种了一季就想退出。")
    loose = _unpinned(grouped, Settings(), _side_by_side(grouped))
    assert loose[-2].text.endswith("去年全县")
    assert loose[-1].tentative and loose[-1].text.startswith("卖，")
    wide = Settings(loose_width_match=0.0, loose_opening_chars=0)
    assert _unpinned(grouped, wide, _side_by_side(grouped))[-1].text.startswith("李四")


def test_asks_sees_either_question_mark() -> None:
    from reconstruct.flows import _asks

    assert _asks("有什么经验？") and _asks("what?") and not _asks("是基层治理的难点。")


def test_a_box_printed_after_one_that_moved_home_is_weighed_again() -> None:
    # the first paragraph box, printed after 李四's answer, goes to 张三 (his width, his
    # street); the second, printed after it, then follows 张三's answer, and is weighed again
    # there: it speaks of 李四's hospital at his width, so it carries on 李四's answer
    text = PARAGRAPH_AT_ANOTHER_ANSWERS_WIDTH + """
  松园医院的急诊科还新添了一批设备，
医生们用起来很顺手，看病的群众
也觉得松园医院的急诊科越办越好。
"""
    out = flows(text)
    assert out[2].startswith("张三：") and out[2].endswith("都说很方便。")
    assert out[3].startswith("李四：") and out[3].endswith("越办越好。")


def test_stray_leading_spaces_on_a_full_line_of_the_boxs_own_column_are_no_indent() -> None:
    # the box after the column break is narrower than the flow's (16 units against 18) and
    # its first line, after a stray space, runs to the box's full width: another box, not
    # an indented paragraph (which would carry on no open sentence)
    from reconstruct.flows import Relation, box_relation

    text = """
张三：城市绿化要做到精细管理每一块绿
地都有专人负责浇水每一棵树都有专人修
剪每一条街道都有专人清扫保洁工作做得

 很细致居民们对小区的环境越来越
满意大家都愿意参与到社区的治理
工作中来为社区的发展出谋划策。
"""
    blocks = classify_blocks(split_blocks(page(text)))
    assert box_relation(blocks[:1], blocks[1], Settings()) is Relation.OTHER


def test_a_box_opening_on_a_sentence_opener_does_not_carry_on_a_clause_left_open() -> None:
    # 李四's sentence breaks off in mid-clause (…主要是); the box read next opens "随着…", a
    # phrase that frames a new sentence: it scores below staying open
    from reconstruct.flows import _stitch_score, _voices, _Words

    text = """
记者：街道是怎样做的？

李四：我们街道的老小区改造已
经完成大半，剩下的工作主要是

随着城市的发展，老人越
来越多，绿地也越来越重
要了。
"""
    blocks = classify_blocks(split_blocks(page(text)))
    grouped = group_flows(blocks, frozenset(b.speaker for b in blocks if b.speaker))
    assert grouped[2].tentative and grouped[2].text.startswith("随着")
    for settings, stitched in ((Settings(), False), (Settings(stitch_opener_after_clause=0.0), True)):
        words = _Words.of(grouped, [1], [2], _voices(grouped), settings)
        assert (_stitch_score(grouped, 1, 2, settings, words) > settings.stitch_stay_open) is stitched


def test_a_lead_under_the_subtitle_carries_on_no_turn_read_before_it() -> None:
    # the extractor printed a turn before the subtitle; the box under the subtitle names
    # the reporter (记者来到…): the lead, which carries on no open answer
    text = """
记者：镇里的防火工作是怎样做的？

张三：我们镇有林地十八万亩，山高
坡陡，一旦起火很难扑救，所以每年

——森林防火系列访谈

清明前夕，记者来到某县云雾镇，沿
途山口都设有防火检查站，护林员
正在逐车检查。

李四：我们村里的护林员每天都上山。
"""
    out = flows(text)
    assert out[1].endswith("所以每年")
    assert out[3].startswith("清明前夕，记者来到")


def test_a_clause_left_open_is_not_carried_on_by_a_framing_opener() -> None:
    # 对于…, 所以…, 其中，…, 现在，… open a sentence or clause after a mark, not in mid-clause
    from reconstruct.flows import _opens_sentence_after_clause

    s = Settings()
    for box in ("对于群众反映的问题，", "所以我们", "其中，有三家", "现在，居民"):
        assert _opens_sentence_after_clause("剩下的工作主要是", box, s)
        assert not _opens_sentence_after_clause("剩下的工作主要是，", box, s)


def test_a_box_at_the_open_columns_width_opening_on_a_sentence_opener_is_left_tentative() -> None:
    # the box under 李四's clause left open (…主要是) is at his column's width, but it opens
    # "随着…": not glued on as the column carried on, but left for the stitching to weigh
    text = """
记者：街道是怎样做的？

李四：我们街道的老小区改造已
经完成大半，剩下的工作主要是

随着城市的发展，老人越来越多
了，绿地的作用也越来越重要。
"""
    blocks = classify_blocks(split_blocks(page(text)))
    grouped = group_flows(blocks, frozenset(b.speaker for b in blocks if b.speaker))
    assert grouped[-1].tentative and grouped[-1].text.startswith("随着")


A_GLUED_PARAGRAPH_INSIDE_A_WORD = """
记者：园区怎样推进转型？

张三：我们将持续深化改革，加快推进智能装

李四：园区规划面积三十八平方公里，
是全区工业的压舱石。

  备产业园二期、新材料中
试基地建设，让更多的优质项目落地见
效，形成了产业集群发展的态势。
"""


def test_a_glued_paragraph_opening_inside_an_open_sentences_word_is_set_loose() -> None:
    # the box glued as 李四's next paragraph after his finished sentence opens inside the
    # word 张三's open sentence begins (智能装|备): no paragraph opens so, it is set loose
    from reconstruct.flows import _side_by_side, _unpinned

    blocks = classify_blocks(split_blocks(page(A_GLUED_PARAGRAPH_INSIDE_A_WORD)))
    grouped = group_flows(blocks, frozenset(b.speaker for b in blocks if b.speaker))
    assert "压舱石。备产业园" in grouped[-1].text
    loose = _unpinned(grouped, Settings(), _side_by_side(grouped))
    assert loose[-2].text.endswith("压舱石。")
    assert loose[-1].tentative and loose[-1].text.startswith("备产业园")
    assert flows(A_GLUED_PARAGRAPH_INSIDE_A_WORD)[1].endswith("智能装备产业园二期、新材料中试基地建设，让更多的优质项目落地见效，形成了产业集群发展的态势。")


def test_a_crossed_pair_of_joins_won_by_a_hair_is_put_in_order() -> None:
    # two open sentences printed one after the other (rows 0, 1), two boxes printed one
    # after the other (columns 0, 1): the first carried on by the second box wins by 0.05
    # only, so the pair in order stands; a crossing won clearly, or a pair of flows that
    # are no neighbours, stays as assigned
    import numpy as np

    from reconstruct.flows import _in_order

    scores = np.array([[1.22, 1.30, 0.5], [1.26, 1.27, 0.5], [0.1, 0.1, 2.0]])
    assert _in_order({0: 1, 1: 0, 2: 2}, scores, Settings().stitch_crossing_margin) == {0: 0, 1: 1, 2: 2}
    clear = np.array([[1.0, 1.6], [1.5, 1.0]])
    assert _in_order({0: 1, 1: 0}, clear, Settings().stitch_crossing_margin) == {0: 1, 1: 0}
    assert _in_order({0: 1, 2: 0}, np.ones((3, 2)), Settings().stitch_crossing_margin) == {0: 1, 2: 0}


def test_an_indented_box_under_the_title_block_above_every_answer_is_no_later_answers_rest() -> None:
    # the extractor read the lead after the roster, below a turn printed beside it; its
    # lines stand above every answer's first line and it opens an indented paragraph: the
    # answer printed further down, left open on a comma, does not carry on into it
    from reconstruct.flows import Flow
    from reconstruct.model import Block, Kind, Line

    def box(kind: Kind, texts: list[tuple[int, str]], width: float, speaker: str | None = None) -> Flow:
        return Flow(kind, (Block(tuple(Line(n, t) for n, t in texts), width, kind, speaker),))

    out = stitch_flows([
        box(Kind.HEADLINE, [(1, "老旧小区焕新颜")], 7.0),
        box(Kind.BYLINE, [(2, "本报记者 某某")], 7.0),
        box(Kind.ANSWER, [(32, "李四：我们坚持由居民说了算，每个"), (38, "小区都要经过入户调查。")], 15.0, "李四"),
        box(Kind.ROSTER, [(11, "访谈嘉宾：")], 5.0),
        box(Kind.TEXT, [
            (30, "老旧小区改造是城市更新的重要内容，事"),
            (36, "关千家万户。今年，某区计划改造老旧小区八"),
            (40, "十六个，涉及居民一万九千户，目前均已开工"),
            (44, "七十四个。"),
        ], 20.0),
        box(Kind.ANSWER, [
            (64, "张三：今年全区共计划改造老旧小区八十六"),
            (68, "个，总投资约九亿元。改造内容分为基础类、"),
        ], 20.0, "张三"),
    ])
    texts = [f.text for f in out]
    assert "张三：今年全区共计划改造老旧小区八十六个，总投资约九亿元。改造内容分为基础类、" in texts
    assert any(t.startswith("老旧小区改造是城市更新的重要内容") for t in texts)
