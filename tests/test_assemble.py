import json
import sys
from pathlib import Path
from typing import Any

from conftest import page

from reconstruct.assemble import assemble_page
from reconstruct.blocks import split_blocks
from reconstruct.classify import classify_blocks


def _interview(text: str):  # type: ignore[no-untyped-def]
    return assemble_page(classify_blocks(split_blocks(page(text)))).interviews[0]


GENERATORS = Path(__file__).resolve().parent / "generators"


def _generated(tmp_path: Path, count: int, name: str) -> tuple[Any, dict[str, Any]]:
    """Page ``name`` of the generated pages of seed 1: our interview and the gold one."""
    sys.path.insert(0, str(GENERATORS))
    from make_pages import generate

    from reconstruct import reconstruct_file

    generate(1, count, tmp_path, GENERATORS.parent / "corpus")
    gold = json.loads((tmp_path / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return reconstruct_file(tmp_path / f"{name}.txt").interviews[0], gold["interviews"][0]


def test_answers_printed_after_a_question_are_anchored_to_it() -> None:
    iv = _interview("""
主持人：两位怎么看这个问题？

张三：我认为应该先调查研究。

李四：我同意，还要听取群众意见。
""")
    assert iv.anchored == ((0, 0), (0, 1))


def test_a_guest_answering_again_in_the_run_ends_it() -> None:
    # a guest answers a question once: 李四's second answer (and what follows) belongs to
    # some other question, printed here by the layout
    iv = _interview("""
主持人：两位怎么看这个问题？

张三：我认为应该先调查研究。

李四：我同意，还要听取群众意见。

李四：另外，经费问题也要解决好。

张三：下一步我们会加大投入。
""")
    assert iv.anchored == ((0, 0), (0, 1))


def test_a_note_label_takes_its_text_from_the_flow_that_carried_it_off(tmp_path: Path) -> None:
    # generated page 85 of seed 1: stitching carried the note's boxes, printed above its
    # vertical label, on in another flow than the one listed before the label; the note is
    # taken from the flow that holds the block printed right before the label
    ours, gold = _generated(tmp_path, 86, "085_sidebar")
    assert ours.editor_note and ours.editor_note[-1].text == gold["editor_note"][-1]


def test_a_note_at_the_answers_width_is_told_by_what_it_says(tmp_path: Path) -> None:
    # generated page 5 of seed 1: the note's box has the width of the answer whose flow
    # carried it on; its closing paragraphs introduce the interview ("本报推出…系列访谈",
    # "欢迎读者…") and the paragraph before them is the note's too, not the one before that
    ours, gold = _generated(tmp_path, 6, "005_inline")
    assert [p.text for p in ours.editor_note] == gold["editor_note"]


def test_the_title_is_found_above_the_note_printed_before_the_byline() -> None:
    iv = _interview("""
某镇绘就生态发展新画卷

良好的生态环境是最普惠的民生福祉，近年来全镇坚持绿色发展之路。
本期访谈邀请相关负责人介绍工作成效。

——生态建设系列访谈
记者 张一 李二

主持人：今年的重点是什么？

王小二：重点是发展。
""")
    assert (iv.title, iv.subtitle) == ("某镇绘就生态发展新画卷", "生态建设系列访谈")


def test_headlines_wrapped_side_by_side_are_joined_line_by_line() -> None:
    result = assemble_page(classify_blocks(split_blocks(page("""
城南社区举办邻里

全市秋季森林防火

文化节

会议召开

本报讯（记者 王三）近日，城南社区举办邻里文化节，居民踊跃参加。

本报讯（记者 李四）昨天，全市秋季森林防火会议召开，会议部署了工作。
"""))))
    assert [a.headline for a in result.articles] == ["城南社区举办邻里文化节", "全市秋季森林防火会议召开"]


def test_a_wrapped_headline_end_its_article_words_otherwise_reads_on_from_its_start() -> None:
    # "床位突破两百张" shares next to no words with its article, which says "床位已建成";
    # but "照护" + "床位" is how the article reads on
    result = assemble_page(classify_blocks(split_blocks(page("""
城南社区举办邻里

西岳街道家庭照护

文化节

床位突破两百张

本报讯（记者 王三）近日，城南社区举办邻里文化节，居民踊跃参加。

本报讯（记者 李四）截至月底，西岳街道家庭照护床位已建成两百一十张。
"""))))
    assert [a.headline for a in result.articles] == ["城南社区举办邻里文化节", "西岳街道家庭照护床位突破两百张"]


def test_a_lead_printed_below_the_questions_box_is_the_lead() -> None:
    iv = _interview("""
某镇绘就生态发展新画卷
记者 张一 李二

主持人：今年的重点是什么？

主持人：下一步怎么做？

近年来，全镇坚持绿色发展之路，日前记者专访了镇长王小二。

王小二：重点是发展。

王小二：继续推进。
""")
    assert [p.text for p in iv.lead] == ["近年来，全镇坚持绿色发展之路，日前记者专访了镇长王小二。"]


def test_a_title_whose_byline_is_printed_apart_is_the_first_headline_before_the_turns() -> None:
    result = assemble_page(classify_blocks(split_blocks(page("""
某镇绘就生态发展新画卷

编者按：良好的生态环境是最普惠的民生福祉。

主持人：今年的重点是什么？

记者 张一 李二

王小二：重点是发展。
"""))))
    assert result.interviews[0].title == "某镇绘就生态发展新画卷"


def test_a_news_items_headline_is_no_interviews_title() -> None:
    result = assemble_page(classify_blocks(split_blocks(page("""
全市秋季森林防火会议召开

本报讯（记者 李四）昨天，全市秋季森林防火会议召开，会议部署了工作。

主持人：今年的重点是什么？

王小二：重点是发展。
"""))))
    assert result.interviews[0].title == ""
    assert result.articles[0].headline == "全市秋季森林防火会议召开"


def test_a_note_label_printed_before_the_title_takes_the_note_after_it() -> None:
    # the vertical label beside the title comes out before it; the note follows the title
    iv = _interview("""
编
者
按

某县端牢饭碗护粮仓

手中有粮，心中不慌。全县粮食播种面积稳定。
本期访谈，我们请来相关负责人谈谈粮食安全。

记者 张一 李二

主持人：今年收购情况怎么样？

王小二：收购进展顺利。
""")
    assert iv.label == "编者按"
    assert "".join(p.text for p in iv.editor_note).startswith("手中有粮")
    assert iv.title == "某县端牢饭碗护粮仓"


def test_turns_labelled_only_question_and_answer_are_paired_with_a_nameless_guest() -> None:
    iv = _interview("""
——访某局局长
本报记者 甲某

问：今年的进展如何？
答：今年计划改造一百个小区，已开工
九十个。
问：下一步有哪些打算？
答：下一步，我们将建立长效机制。
""")
    assert [t.speaker for t in iv.questions] == ["问", "问"]
    assert [t.speaker for t in iv.answers] == ["答", "答"] and len(iv.anchored) == 2
    assert [(g.name, g.named) for g in iv.guests] == [("答", False)]


def test_a_lead_printed_after_a_news_item_below_the_heading_is_the_lead() -> None:
    iv = _interview("""
某县加快交通建设
——交通强县系列访谈
记者 某某

本报讯（记者 某某）近日，某区人民医院胸痛中心通过
国家认证，成为全市第三家通过该认证的区级医院。

“要想富，先修路。”近年
来，某县累计投入交通建
设资金八十六亿元。

记者：今年有哪些重点项目？

张三：今年安排重点项目二十三个。

记者：下一步怎么做？

张三：继续推进。
""")
    assert [p.text for p in iv.lead] == ["“要想富，先修路。”近年来，某县累计投入交通建设资金八十六亿元。"]


def test_a_note_in_two_boxes_of_other_widths_above_its_label_is_taken_whole() -> None:
    # the note's first box, at the head of the page, is narrower than its second one, printed
    # right above the vertical label: both are the note's, when nothing else claims the first
    iv = _interview("""
当前，某区60岁以上老年
人口已达19.6万人，占户籍人口
比重超过22%。如何让老年人老有
所养、老有所乐，是全区的课题。

今年，区委、区政府将养老服务圈建设
列入民生实事。本期节目，我们邀请区民政局
和一家养老服务机构的负责人，聊一聊家门口
的养老服务。

编
者
按

构建养老服务圈让老人乐享幸福晚年

记者 莫一 仇二

主持人：什么是养老服务圈？全区目前建设到了哪一步？

汪三：就是让老年人从家里出发，步行15分钟左右就能享受到养老服务。
""")
    assert iv.label == "编者按"
    assert [p.text[:6] for p in iv.editor_note] == ["当前，某区6", "今年，区委、"]


def test_questions_printed_without_a_label_are_the_reporters_when_the_lead_says_so() -> None:
    text = """
访谈嘉宾：某县某局局长 王小二

今年的重点工作有哪些？

下一步有哪些打算？

群众最关心什么？

近年来，某县加快发展。记者采访了某局负责人。

王小二：重点是发展。

王小二：还有民生。

王小二：就业。
"""
    iv = _interview(text)
    assert iv.host == "记者" and [t.speaker for t in iv.questions] == ["记者"] * 3
    assert _interview(text.replace("记者采访了", "采访组邀请了")).host == "采访组"
    assert _interview(text.replace("记者采访了", "我们邀请了")).host == "主持人"


def test_the_host_of_unlabelled_questions_is_named_where_the_lead_was_read_into_an_answer() -> None:
    iv = _interview("""
访谈嘉宾：某县某局局长 王小二

今年的重点工作有哪些？

下一步有哪些打算？

群众最关心什么？

王小二：重点是发展。
近日，采访组就发展话题，专访了某局局长。

王小二：还有民生。

记者 某某

王小二：就业。
""")
    assert iv.host == "采访组"  # (the byline's 记者 asks nothing)


def test_a_note_at_one_width_above_its_label_and_the_title_is_taken_whole() -> None:
    # text nobody claims, printed before the label and the label right above the title:
    # no lead (a lead follows the heading), so all of it is the note's, though the last
    # paragraph names none of the words notes use ("本期…"); a news headline above it
    # heads nothing there
    iv = _interview("""
主持人：今年的重点工作有哪些？

王五：我们将继续抓好水利工程建设，一手抓防汛，一手抓供水。

某镇稻田民宿开门迎客

水利是农业的命脉，也是经济社会发
展的基础支撑。入汛以来，某区经受住
了多轮强降雨考验，全区水利工程安全度
汛，城乡供水保障有力。

近日，采访组就防汛抗旱、农村供水、水
利工程建设等话题，专访了某区水利局局
长王五。

话的者编

建好民生水利守护一方安澜
——访某区水利局局长王五

记者 莫一 仇二
""")
    assert iv.label == "编者的话"
    assert [p.text[:6] for p in iv.editor_note] == ["水利是农业的", "近日，采访组"]


def test_a_note_at_one_width_after_a_headline_takes_its_first_paragraph_too() -> None:
    # the note's last paragraph says what notes say ("本期访谈…"); the one before it,
    # running text that no answer or article claims, is the note's as well
    iv = _interview("""
王五：我们建立了街道、社区、网格三级矛盾纠纷调解体系。

某区召开重点项目建设推进会

基层是社会治理的“神经末梢”，也是服务群
众的“最后一公里”。近年来，某区坚持以党建
引领基层治理，深入推进网格化管理、精细化服务，
一批群众身边的急难愁盼问题得到有效解决。

本期访谈，我们邀请区委社会工作部和两个街道、一
个社区的负责人，交流基层治理的经验和体会。

编者按

党建引领基层治理小网格撬动大治理
——基层治理现代化系列访谈

记者 莫一 仇二

主持人：基层治理有哪些新做法？
""")
    assert iv.label == "编者按"
    assert [p.text[:6] for p in iv.editor_note] == ["基层是社会治", "本期访谈，我"]


def test_a_guests_paragraph_before_the_notes_box_stays_with_the_answer() -> None:
    # the note's box, at another width, follows an answer's last paragraph and precedes its
    # vertical label; that paragraph speaks as a guest ("我们上线了…"), as a note never does
    # (a note's "我们邀请…" says what notes say), so it stays the answer's
    iv = _interview("""
主持人：游客多了，景区的接待压力大不大？

任五：压力确实不小。高峰期停
车难、如厕难、餐饮排队等问题一度比
较突出。我们新建了两个生态停车场，
增加车位1600个。

同时，我们上线了智慧景区管理平
台，实时监测各区域客流，超过承载量
时及时分流引导。

文旅产业是幸福产业，也是推动经济发展的重要引擎。
某区历史文化资源丰富，古镇更是远近闻名。如何让
沉睡的文化资源“醒”过来？

本期节目，我们邀请区文旅委、古镇景区管委会负责人，
共话文旅融合发展新路径。

编
者
按

擦亮古镇名片做活文旅融合文章

记者 詹一 甘二
""")
    assert [p.text[:6] for p in iv.editor_note] == ["文旅产业是幸", "本期节目，我"]
    assert iv.answers[0].text.endswith("超过承载量时及时分流引导。")


def test_flat_takes_out_every_whitespace_as_strip_spaces_and_the_regex_did():
    import re

    from reconstruct.assemble import _flat
    from reconstruct.repair import strip_spaces

    for text in ["张 三 局长", " GDP 增长\t5 %\n", "a\u3000b\u00a0c\u2003d", "", "\n\n"]:
        assert _flat(text) == re.sub(r"\s+", "", strip_spaces(text))


def test_a_vertical_label_read_one_character_a_line_between_the_notes_lines_heads_the_note() -> None:
    # an extractor reading the page by rows puts the upright label's characters in between
    # the note's lines, the last one onto a note line's end after a gap
    iv = _interview("""
手中有粮，心中不慌。近年来全县粮食播种面积稳定，产量
编
连续五年保持增长，仓储设施也不断完善，群众的饭碗端得
者
更牢。本期访谈，我们请来相关部门的负责人谈谈 按
粮食安全。

某县端牢饭碗护粮仓

记者 张一 李二

主持人：今年收购情况怎么样？

王小二：收购进展顺利。
""")
    assert iv.label == "编者按"
    note = "".join(p.text for p in iv.editor_note)
    assert note.startswith("手中有粮") and note.endswith("谈谈粮食安全。")
    assert "编" not in note and "按" not in note


def test_a_note_read_between_the_title_and_the_subtitle_goes_to_the_label_after_them() -> None:
    # the note's box beside the title is read in between the title and its subtitle, and
    # its vertical label only after the subtitle
    iv = _interview("""
某县端牢饭碗护粮仓

手中有粮，心中不慌。全县粮食播种面积稳定。
近日，记者专访了县粮食局局长王小二。

——访某县粮食局局长王小二

编
者
按

记者 张一 李二

主持人：今年收购情况怎么样？

王小二：收购进展顺利。
""")
    assert iv.label == "编者按"
    assert "".join(p.text for p in iv.editor_note).startswith("手中有粮")
    assert not iv.lead
    assert iv.title == "某县端牢饭碗护粮仓"



def test_a_lead_read_after_an_answers_box_below_the_heading_is_still_the_lead() -> None:
    # the extractor reads a guest's answer box before the lead set beside it: the finished
    # running text after it that no flow claims and that does not speak as a guest is the lead
    from reconstruct.assemble import _lead
    from reconstruct.flows import Flow
    from reconstruct.model import Block, Kind, Line
    from reconstruct.settings import Settings

    def flow(kind: Kind, n: int, text: str, speaker: str | None = None) -> Flow:
        return Flow(kind, (Block(lines=(Line(n, text),), width=float(len(text)), kind=kind, speaker=speaker),))

    flows = [
        flow(Kind.HEADLINE, 1, "某县端牢饭碗护粮仓"),
        flow(Kind.BYLINE, 2, "记者 张一 李二"),
        flow(Kind.ANSWER, 3, "王小二：收购进展顺利，各收购点", "王小二"),
        flow(Kind.TEXT, 4, "手中有粮，心中不慌。近年来，某县粮食播种面积稳定，产量连续增长。"),
        flow(Kind.QUESTION, 5, "主持人：今年收购情况怎么样？", "主持人"),
        flow(Kind.ANSWER, 6, "王小二：仓储设施也在不断完善。", "王小二"),
        flow(Kind.TEXT, 7, "另一段没有人认领的文字也已写完。"),
    ]
    lead = _lead(flows, {id(flows[2]), id(flows[4]), id(flows[5])}, Settings())
    assert "".join(p.text for p in lead) == "手中有粮，心中不慌。近年来，某县粮食播种面积稳定，产量连续增长。"
