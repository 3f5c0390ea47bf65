import pytest

from conftest import page

from reconstruct import reconstruct_page
from reconstruct.model import Line
from reconstruct.settings import Settings
from reconstruct.streams import (
    _along, _assign, _boxes, _fits, _rejoin, _Info, _link, _match, _Printed, _reads_on, _single_lines, _tie, _single_run, _small_runs,
    _turn, printed_row_by_row,
    unweave_rows,
)

NOTHING = _Printed(frozenset(), frozenset())

LEFT = (
    "张三：我们街道的老旧小区改造已经完成了大半，剩下的工作主要是加装电梯和整治背街小巷，"
    "居民们都很期待改造完成的那一天，我们也会抓紧推进各项工作，争取年底前全部完工，"
    "让居民早日住上舒心的房子。"
)
RIGHT = (
    "李四：社区食堂开业以后每天有两百多位老人来吃饭，价格也比外面便宜一些，老人们都说方便，"
    "我们还组织志愿者为行动不便的老人送餐上门，很受欢迎，下一步还要在周边社区再开两家食堂，"
    "把这件好事办得更好。"
)


def wrap(text: str, width: int) -> list[str]:
    """Lines of ``width`` characters; punctuation never starts a line (it stays behind)."""
    lines: list[str] = []
    while text:
        cut = width + (1 if text[width : width + 1] in ("，", "。") else 0)
        lines.append(text[:cut])
        text = text[cut:]
    return lines


def row_by_row(*columns: list[str]) -> str:
    """Columns printed band by band, every line a box of its own (pdfminer.six)."""
    rows = max(len(c) for c in columns)
    lines = [c[r] for r in range(rows) for c in columns if r < len(c)]
    return "\n\n".join(lines) + "\n"


def test_columns_printed_row_by_row_are_rewoven() -> None:
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + row_by_row(wrap(LEFT, 12), wrap(RIGHT, 13))
    assert printed_row_by_row(page(text))
    result = reconstruct_page(text)
    answers = {t.speaker: t.text for t in result.interviews[0].answers}
    assert answers == {"张三": LEFT[3:], "李四": RIGHT[3:]}


def test_a_page_printed_column_by_column_is_left_alone() -> None:
    text = "\n".join(wrap(LEFT, 10)) + "\n\n" + "\n".join(wrap(RIGHT, 14)) + "\n"
    assert not printed_row_by_row(page(text))
    assert unweave_rows(page(text)) == page(text)


def test_the_heading_spans_the_page_and_stays_apart() -> None:
    heading = "城市更新的新篇章\n\n——城市更新系列访谈\n\n记者 张三 李四\n\n"
    text = heading + row_by_row(wrap(LEFT, 8), wrap(RIGHT, 9), wrap(LEFT[::-1], 10))
    lines = [x.text for x in unweave_rows(page(text)).lines if x.text]
    assert lines[:3] == ["城市更新的新篇章", "——城市更新系列访谈", "记者 张三 李四"]


def test_a_box_the_extractor_kept_whole_stays_whole() -> None:
    lone = row_by_row(wrap(LEFT, 12), wrap(RIGHT, 13))
    group = "我们街道的老旧小区改造已经\n李四：社区食堂开业以后每天\n完成了大半。\n"
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + lone + "\n" + group
    lines = [x.text for x in unweave_rows(page(text)).lines if x.text]
    assert lines[-3:] == group.split("\n")[:3]


def test_columns_printed_row_by_row_beside_columns_kept_whole_are_found() -> None:
    # most of the page's lines stand in boxes the extractor kept whole (a news item, the
    # questions), so the share of lines in small boxes is low; the long run of one-line
    # boxes still tells the interleaved columns
    interleaved = row_by_row(wrap(LEFT, 12), wrap(RIGHT, 13))
    whole = "\n".join(wrap(LEFT[::-1] + RIGHT[::-1], 10)) + "\n"
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + interleaved + "\n" + whole
    lines = [x for x in page(text).lines if x.text.strip()]
    small = len(interleaved.split("\n\n")) + 1
    assert small < Settings().row_by_row_share * len(lines)
    assert printed_row_by_row(page(text))
    rewoven = [x.text for x in unweave_rows(page(text)).lines]
    assert "\n".join(wrap(LEFT, 12)) in "\n".join(rewoven)


def test_a_page_of_whole_columns_and_a_few_short_paragraphs_is_not_row_by_row() -> None:
    paragraphs = [LEFT[k : k + 9] for k in range(0, 45, 9)]  # one-line paragraphs, apart
    text = "\n\n".join(["\n".join(wrap(LEFT, 10))] + paragraphs[:2] + ["\n".join(wrap(RIGHT, 14))]
                       + paragraphs[2:]) + "\n"
    assert not printed_row_by_row(page(text))


NEWS = (
    "近日，全市首个社区养老服务综合体在城东街道投入使用，综合体设有日间照料中心、康复理疗室和老年食堂，"
    "可为周边三千多位老人提供服务。"
)


def test_a_column_top_that_neither_reads_on_nor_fits_carries_on_no_column() -> None:
    # the interview's column is printed alone for four rows, then a news item's column starts
    # beside it: the period had the news item's first line carry on the interview's open
    # line (no word across, another width), which took that line from the interview's own
    # next line
    column, news = wrap(LEFT, 11), wrap(NEWS, 16)
    printed = column[:4] + [x for pair in zip(column[4:], news) for x in pair] + column[4 + len(news) :]
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + "\n\n".join(printed) + "\n"
    boxes = ["".join(x.text for x in box) for box in _boxes(unweave_rows(page(text)).lines)]
    assert NEWS in boxes
    assert "".join(b for b in boxes if b != NEWS) == "主持人：两位能谈谈今年的工作吗？" + LEFT


def boxes_row_by_row(size: int, *columns: list[str]) -> str:
    """Columns printed band by band, every ``size`` lines a box of their own."""
    cut = [[c[k : k + size] for k in range(0, len(c), size)] for c in columns]
    rows = max(len(c) for c in cut)
    return "\n\n".join("\n".join(c[r]) for r in range(rows) for c in cut if r < len(c)) + "\n"


def test_columns_printed_two_lines_a_box_are_rewoven() -> None:
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + boxes_row_by_row(2, wrap(LEFT, 12), wrap(RIGHT, 13))
    assert printed_row_by_row(page(text))
    result = reconstruct_page(text)
    answers = {t.speaker: t.text for t in result.interviews[0].answers}
    assert answers == {"张三": LEFT[3:], "李四": RIGHT[3:]}


def test_columns_of_one_width_are_told_apart_by_how_the_text_reads_on() -> None:
    # two columns of the same width: only the words across each join tell them apart
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + row_by_row(wrap(LEFT, 12), wrap(RIGHT, 12))
    result = reconstruct_page(text)
    answers = {t.speaker: t.text for t in result.interviews[0].answers}
    assert answers == {"张三": LEFT[3:], "李四": RIGHT[3:]}


def test_a_join_reads_on_by_a_word_across_or_a_pair_the_page_prints() -> None:
    settings = Settings()
    somewhat, against = settings.row_word_across, -settings.row_no_word
    assert _reads_on("我们要做好的", "工作", _Printed(frozenset({"的工"}), frozenset()), settings) == somewhat
    assert _reads_on("我们要做好的", "工作", NOTHING, settings) == against
    assert _reads_on("我们街道的老旧小", "区改造", NOTHING, settings) == somewhat  # 小区, a little likelier


def test_a_join_reads_on_strongly_by_a_likely_word_or_triples_the_page_prints() -> None:
    settings = Settings()
    strongly = settings.row_reads_strongly
    assert _reads_on("市民对社区服务的信任", "度逐年上升", NOTHING, settings) == strongly  # 信任度
    # "开设了老年大" + "发现…": 大发 is a word, but 老年大 / 发现 segments better broken
    assert _reads_on("开设了老年大", "发现问题", NOTHING, settings) == -settings.row_no_word
    printed = _Printed(frozenset(), frozenset({"的工作", "做的工"}))  # both triples elsewhere
    assert _reads_on("我们要做的", "工作", printed, settings) == strongly


def test_a_join_that_reads_on_nowhere_counts_against() -> None:
    settings = Settings()
    prev = _Info.of("我们街道的老旧小")
    good = _link(prev, _Info.of("区改造已经完成了"), NOTHING, settings)
    bad = _link(prev, _Info.of("价格也比外面便宜"), NOTHING, settings)
    assert good - bad == settings.row_word_across + settings.row_no_word
    assert bad < settings.row_width_fit  # less than the width alone gives


def test_columns_go_on_when_a_column_beside_them_ends() -> None:
    # a band of three columns becomes a band of two when the short one ends: the two
    # carry on across the change (the left column's last lines, printed alone, aside)
    short = "王五：我们社区的垃圾分类也做得很好，居民参与率高。"
    left, right = wrap(LEFT, 10), wrap(RIGHT, 14)
    text = "主持人：三位能谈谈今年的工作吗？\n\n" + row_by_row(left, right, wrap(short, 9))
    woven = "\n".join(x.text for x in unweave_rows(page(text)).lines)
    assert "\n".join(left[:-2]) in woven and "\n".join(right) in woven


def test_a_heading_box_of_title_and_subtitle_stays_apart() -> None:
    # the second interview's heading, printed as one box between the two interviews' columns
    heading = "城市更新的新篇章\n——城市更新系列访谈\n\n"
    text = row_by_row(wrap(LEFT, 8), wrap(RIGHT, 11)) + "\n" + heading + row_by_row(wrap(RIGHT, 9), wrap(LEFT, 12))
    lines = [x.text for x in unweave_rows(page(text)).lines]
    k = lines.index("城市更新的新篇章")
    assert lines[k - 1 : k + 3] == ["", "城市更新的新篇章", "——城市更新系列访谈", ""]


def test_a_letter_spaced_line_fits_a_column_its_characters_nearly_fill() -> None:
    settings = Settings()
    prev = _Info.of("我们街道的老旧小区改造已")  # 12 wide, open
    assert _fits(prev, _Info.of("经 完 成 了 大 半 ， 剩 下 的 工"), settings)  # 11 characters, stretched
    assert not _fits(prev, _Info.of("经 完 成 了 大 半"), settings)  # 6 characters cannot fill 12


def test_a_paragraphs_indented_first_line_fits_the_full_line_after_it() -> None:
    settings = Settings()
    prev = _Info.of("老旧小区改造是城市更")  # 10 wide, open: a first line indented two characters
    assert _fits(prev, _Info.of("新的重要内容事关千家万户"), settings)  # 12 wide, the column's width
    assert not _fits(prev, _Info.of("新的重要内容事关千家万户今年区"), settings)  # 15 is another column


def test_a_band_of_five_columns_is_rewoven() -> None:
    texts = [LEFT, RIGHT, LEFT[3:], RIGHT[3:], LEFT[10:]]
    columns = [wrap(t, w) for t, w in zip(texts, (8, 10, 12, 14, 16))]
    woven = "\n".join(x.text for x in unweave_rows(page(row_by_row(*columns))).lines)
    assert all("\n".join(c[:4]) in woven for c in columns)


@pytest.mark.parametrize("right_width", [
    14,
    # two columns one character apart in width, whose toy text gives no join a word: a join
    # at a word boundary counts against (-row_no_word) whatever follows, so the links alone
    # do not tell them; the assignment of next boxes (streams._match) does, each box's link
    # backed by the links beside it
    13,
])
def test_a_new_turn_never_carries_on_an_open_sentence(right_width: int) -> None:
    # the left column's sentence goes on in a column further on; the turn printed below it
    # starts a box of its own
    left = wrap(LEFT, 12)[:4] + wrap("王五：我们社区的垃圾分类也做得很好，居民参与率高。", 12)
    text = "主持人：两位能谈谈今年的工作吗？\n\n" + row_by_row(left, wrap(RIGHT, right_width))
    lines = [x.text for x in unweave_rows(page(text)).lines]
    k = lines.index(left[4])
    assert lines[k - 1] == "" and lines[k - 2] == left[3]


def test_a_label_printed_one_character_per_line_stays_apart() -> None:
    text = row_by_row(wrap(LEFT, 8), wrap(RIGHT, 11)) + "\n编\n者\n按\n\n" + row_by_row(wrap(RIGHT, 9), wrap(LEFT, 12))
    lines = [x.text for x in unweave_rows(page(text)).lines]
    k = lines.index("编")
    assert lines[k - 1 : k + 4] == ["", "编", "者", "按", ""]


def test_a_wrapped_headline_stays_a_box_of_its_own() -> None:
    headline = "\n街道老旧小区改造完工居民喜迎\n新家园\n\n"
    text = row_by_row(wrap(LEFT, 8), wrap(RIGHT, 14)) + headline + row_by_row(wrap(RIGHT, 9), wrap(LEFT, 14))
    lines = [x.text for x in unweave_rows(page(text)).lines]
    k = lines.index("新家园")
    assert lines[k - 2 : k + 2] == ["", "街道老旧小区改造完工居民喜迎", "新家园", ""]


def test_a_column_ending_in_mid_sentence_goes_on_at_the_top_of_the_next() -> None:
    # one answer runs down the left column and on at the top of the right one (…图书|馆…);
    # above the right column's top stands the end of another text, under which the period
    # hangs it; the left column's last line is printed at the band's end
    question = ["主持人：街道为老人办", "了哪些实事？"]
    other = ["本报讯全区今年新建社", "区食堂四十个，方便"]
    left = ["张三：我们街道今年在", "老厂房里办起了一座面", "向辖区老人的阅览室，", "请退休教师来当管理员", "大家叫它家门口的图书"]
    right = ["馆，藏书一万多册，还", "有报刊和有声读物，来", "借书的老人越来越多，", "大家都说办得好。"]
    text = row_by_row(question, other) + "\n" + row_by_row(left, right)
    woven = [x.text for x in unweave_rows(page(text)).lines]
    k = woven.index(left[-1])
    assert woven[k + 1 : k + 1 + len(right)] == right
    assert woven[woven.index(other[-1]) + 1] == ""


def test_a_columns_bottom_carries_on_at_the_top_of_the_next_printed_before_it() -> None:
    # two columns printed band by band (a1 b1 a2 b2 a3 b3), one answer running down the left
    # and on at the top of the right: a3 reads on into b1 (printed long before it), the
    # others carry on their own columns at the period, as wide and with no word across
    texts = ["王五：我们社区去年利用", "读报，还有不少老人在这", "老厂房办了一座阅览室，", "里学习书法和绘画，作品",
             "每天有很多老人来这里看书", "挂满了走廊。"]
    infos = [_Info.of(t) for t in texts]
    table = {(4, 1): 4.5}
    settings = Settings()
    succ = _match([2] * 6, infos, infos, lambda k, j: table.get((k, j), 0.0), settings)
    assert succ == {0: 2, 2: 4, 4: 1, 1: 3, 3: 5}


def test_a_box_may_carry_on_one_printed_farther_ahead_than_a_band_reaches() -> None:
    # a column's line read on (strongly) by a box printed more boxes ahead than a band holds
    # columns (a column's top whose band was printed after other boxes): the assignment may
    # take it there, though no period reaches it
    settings = Settings()
    n = settings.row_max_period + 4
    texts = ["张三：我们社区去年利用"] + [f"第{k}行文字在这里写下，" for k in range(1, n - 1)] + ["老厂房办了一座阅览室，"]
    infos = [_Info.of(t) for t in texts]
    table = {(0, n - 1): 4.5}
    succ = _match([1] * n, infos, infos, lambda k, j: table.get((k, j), -1.0), settings)
    assert succ.get(0) == n - 1


def test_a_weak_link_back_beside_a_strong_one_carries_the_next_column_on() -> None:
    # three columns a b c printed band by band (a1 b1 c1 a2 b2 c2 a3 b3 c3), one answer
    # running down all three: a3 reads on strongly into b1, b3 only somewhat (at its width)
    # into c1; the bottoms side by side carry on the tops side by side, so both are taken
    texts = ["王五：我们社区去年利用"] + ["读报的老人越来越多了，还"] * 8
    infos = [_Info.of(t) for t in texts]
    table = {(0, 3): 0.5, (3, 6): 0.5, (1, 4): 0.5, (4, 7): 0.5, (2, 5): 0.5, (5, 8): 0.5, (6, 1): 4.5, (7, 2): 1.5}
    succ = _match([3] * 9, infos, infos, lambda k, j: table.get((k, j), -1.5), Settings())
    assert succ[6] == 1 and succ[7] == 2


def test_a_join_reads_on_where_the_line_after_closes_a_quotation_left_open() -> None:
    # no word runs across …“银发 / 驿站”…, but the quotation opened before the join closes
    # after it: the text reads on somewhat; not when the quotation was closed already
    settings = Settings()
    assert _reads_on("大家都叫它“银发", "驿站”，每周都有", NOTHING, settings) == settings.row_word_across
    assert _reads_on("大家都叫它银发", "驿站，每周都有", NOTHING, settings) < 0
    assert _reads_on("大家都叫它“银发”，", "驿站”，每周都有", NOTHING, settings) < 0


def test_a_run_of_many_single_lines_with_a_few_pairs_is_dealt_by_the_assignment() -> None:
    # a long run of single-line boxes where a few boxes hold two lines (below row_match_share
    # of single lines, above row_match_run_share) is still one pdfminer.six printed line by line
    settings = Settings()
    n = settings.row_match_run
    pairs = 3
    run = [[Line(k, "读报的老人越来越多了")] for k in range(n - pairs)]
    run += [[Line(100 + 2 * k, "读报的老人越来越多"), Line(101 + 2 * k, "了")] for k in range(pairs)]
    share = (n - pairs) / (n + pairs)
    assert settings.row_match_run_share <= share < settings.row_match_share
    assert _single_run(run, settings)
    assert not _single_run(run[: n // 2], settings)


def test_boxes_of_two_or_three_lines_keep_their_periods() -> None:
    # a page whose small boxes often hold two or three lines (pdftotext's) deals them by
    # their periods alone; one of single lines (pdfminer.six's) by the assignment
    single = row_by_row(wrap(LEFT, 12), wrap(RIGHT, 13))
    paired = "\n\n".join("\n".join(pair) for pair in zip(*[iter(single.split("\n\n"))] * 2)) + "\n"
    settings = Settings()
    assert _single_lines(_boxes(page(single).lines), settings)
    assert not _single_lines(_boxes(page(paired).lines), settings)


def test_a_link_back_above_its_columns_top_is_dropped() -> None:
    # box 3 would carry on box 0 (printed before it, as a next column's top is), but box 3's
    # column starts at box 2, below box 0: the link would move box 0's column down the page
    no = -1e9
    base = [[no, no, no, no], [no, no, no, no], [no, no, no, 1.0], [5.0, no, no, no]]
    zero = [[0.0] * 4 for _ in range(4)]
    assert _assign(base, zero) == {2: 3}
    # box 3's column starting at box 0 (0 -> 3), it may carry on box 1, printed below its top
    base = [[no, no, no, 1.0], [no, no, no, no], [no, no, no, no], [no, 5.0, no, no]]
    assert _assign(base, zero) == {0: 3, 3: 1}


def boxes_of(text: str, settings: Settings) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in unweave_rows(page(text), settings).lines:
        if line.text:
            out[-1].append(line.text)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def test_a_question_set_across_the_columns_stands_apart_in_print_order() -> None:
    # pdfminer.six prints a question set across two columns between the bands above and
    # below it: no band's column holds a line three times the width of the others, so it
    # is a box of its own where it was printed, and no column's lines are dealt into it
    question = "主持人：老旧小区改造和社区食堂都是群众身边的小事，两位认为下一步最要紧的是什么？"
    left, right = wrap(LEFT, 12), wrap(RIGHT, 12)
    text = row_by_row(left[:4], right[:4]) + "\n" + question + "\n\n" + row_by_row(left[4:], right[4:])
    boxes = boxes_of(text, Settings())
    assert [question] in boxes
    assert boxes.index([question]) == 2  # after the band above (a box per column), before the one below
    # without the rule (and the width tie-break, which here alone keeps it apart too) the
    # next band's lines are dealt in after it
    assert [question] not in boxes_of(text, Settings(row_span_ratio=1e9, row_tie_width=0.0))


def test_a_long_run_of_single_lines_is_dealt_by_the_assignment_beside_bigger_boxes() -> None:
    # pdfminer.six prints the interview's narrow columns a line a box, but the page's other
    # small boxes (a news item's, two lines each) bring its share of single lines below
    # row_match_share: the long run is still dealt by the assignment, a short one is not.
    # (Asked of the stage's own runs, not by patching _match: the wheel CI installs is
    # compiled by mypyc, whose module functions call each other directly.)
    settings = Settings()
    news = wrap(NEWS * 2, 16)
    paired = "\n\n".join("\n".join(news[k : k + 2]) for k in range(0, len(news) - 1, 2))
    whole = "\n".join(wrap(RIGHT, 10))
    long_run = row_by_row(wrap(LEFT * 2, 7), wrap(RIGHT * 2, 8))
    text = paired + "\n\n" + whole + "\n\n" + long_run
    groups = _boxes(page(text).lines)
    assert not _single_lines(groups, settings)
    runs = [run for run, small in _small_runs(groups, settings) if small]
    assert [len(run) for run in runs if _single_run(run, settings)] == [len(long_run.split("\n\n"))]
    # and the stage deals it otherwise than by the periods alone (which, here, the column tops
    # taken at the neighbours' offset, streams._along, would make good)
    alone = Settings(row_along_min=1e9)
    assert unweave_rows(page(text), alone) != unweave_rows(page(text), Settings(row_match_run=10**6, row_along_min=1e9))
    short_run = row_by_row(wrap(LEFT, 12), wrap(RIGHT, 13))
    groups = _boxes(page(paired + "\n\n" + whole + "\n\n" + short_run).lines)
    assert not any(_single_run(run, settings) for run, small in _small_runs(groups, settings) if small)


def test_a_one_character_label_that_ends_a_broken_word_opens_no_turn() -> None:
    # …主要集中在三个方 / 面：一是… is 方面 broken at the column, not a speaker 面
    settings = Settings()
    prev, line = _Info.of("风险隐患依然不少，主要集中在三个方"), _Info.of("面：一是电动自行车违规停放")
    assert line.labelled and not _turn(prev, line, settings)
    assert _link(prev, line, NOTHING, settings) > -settings.row_label_break
    # a one-character label after a finished sentence, or one that makes no word, opens a turn
    assert _turn(_Info.of("这是我们今年的工作重点。"), _Info.of("问：下一步有什么打算？"), settings)
    assert _turn(_Info.of("我们今年的工作重点"), _Info.of("问：下一步有什么打算？"), settings)
    assert _turn(prev, _Info.of("张三：我们街道的老旧小区"), settings)


def test_a_very_long_run_of_small_boxes_is_dealt_by_the_assignment_whatever_its_single_lines() -> None:
    # row_match_long_run boxes or more are a body of narrow columns even when many of them
    # hold two lines (below row_match_run_share of single lines)
    settings = Settings()
    n = settings.row_match_long_run
    run = [[Line(2 * k, "读报的老人越来越多"), Line(2 * k + 1, "了")] if k % 2 else [Line(2 * k, "读报的老人")]
           for k in range(n)]
    assert not _single_lines(run, settings, settings.row_match_run_share)
    assert _single_run(run, settings)
    assert not _single_run(run[: n - 1], settings)


def test_a_label_printed_once_that_ends_or_holds_a_count_or_is_a_common_word_opens_no_turn() -> None:
    # …重点抓好三件 / 事：一是…, …重点推进 / 三项工作：…, …主要体现在三个 / 方面：… are a sentence
    # broken at the column before its colon; a speaker's label, printed turn after turn, or a
    # name printed once (王五：…) after an open line, opens a turn
    settings = Settings()
    once = frozenset({"张三", "李四"})  # the labels the page prints twice or more
    prev = _Info.of("我们今年重点抓好三件", once)
    assert not _turn(prev, _Info.of("事：一是抓项目攻坚", once), settings)
    assert not _turn(_Info.of("今年我们重点推进", once), _Info.of("三项工作：一是持续扩充", once), settings)
    assert not _turn(_Info.of("亮点主要体现在三个", once), _Info.of("方面：一是主导产业", once), settings)
    assert _turn(prev, _Info.of("事：一是抓项目攻坚"), settings)  # no page: every label repeated
    assert _turn(_Info.of("今年我们重点推进", once), _Info.of("张三：我们街道的老旧小区", once), settings)
    assert _turn(_Info.of("今年我们重点推进", once), _Info.of("王五：我们社区的垃圾分类", once), settings)
    assert _turn(_Info.of("今年我们重点推进", once), _Info.of("记者：下一步有什么打算？", once), settings)
    assert _turn(_Info.of("今年我们重点推进。", once), _Info.of("方面：一是主导产业", once), settings)


def test_a_column_left_open_with_no_next_box_takes_the_top_its_neighbours_offset_points_to() -> None:
    # two columns printed band by band: boxes 0, 2, 4 are the left one, 1, 3, 5 the right;
    # the right column's box 1 found no next box, its neighbours carry on theirs two boxes on
    settings = Settings()
    texts = ["我们街道的老旧小区改造已", "社区食堂开业以后每天有两", "经完成了大半，剩下的工作", "百多位老人来吃饭，价格也",
             "主要是加装电梯和整治背街", "比外面便宜一些，老人们都"]
    infos = [_Info.of(t) for t in texts]

    def links(k: int, j: int) -> float:
        return 0.5

    succ = {0: 2, 2: 4}
    _along(succ, infos, infos, links, settings)
    assert succ == {0: 2, 2: 4, 1: 3, 3: 5}  # box 3 then, beside box 2 (box 4 ends the left one)
    succ = {0: 2, 2: 5}  # box 1's neighbours disagree
    _along(succ, infos, infos, links, settings)
    assert 1 not in succ
    closed = [_Info.of(t + "。") if k == 1 else i for k, (t, i) in enumerate(zip(texts, infos))]
    succ = {0: 2, 2: 4}  # a finished sentence needs no next box
    _along(succ, closed, closed, links, settings)
    assert 1 not in succ


def test_tie_breaks_equal_links_by_the_closer_width() -> None:
    """Two next lines the grades score alike (both within the wobble): the one whose width
    comes closer to the open line's wins the assignment; a tie never lets in a link worth
    nothing."""
    settings = Settings()
    prev = _Info.of("我们街道的老旧小区改造已")  # 12 wide, open
    near = _Info.of("经完成了大半工程还在进行")  # 12 wide
    far = _Info.of("经完成了大半工程还在进")  # 11 wide, within the wobble
    assert _tie(prev, near, settings) > _tie(prev, far, settings) >= 0.0
    assert _tie(prev, _Info.of("经完成了。"), settings) == 0.0  # a paragraph's end: no tie
    no = -1e9
    base = [[no, 1.0, 1.0], [no, no, no], [no, no, no]]
    bonus = [[0.0] * 3 for _ in range(3)]
    ties = [[0.0, _tie(prev, far, settings), _tie(prev, near, settings)], [0.0] * 3, [0.0] * 3]
    assert _assign(base, bonus, ties) == {0: 2}
    ties = [[0.0, 0.0, 0.0], [0.0, 0.0, 0.05], [0.0] * 3]
    assert _assign([[no, 1.0, no], [no, no, 0.0], [no, no, no]], bonus, ties) == {0: 1}


def test_tie_breaks_equal_widths_by_how_much_the_text_gains_across_the_join() -> None:
    """At the same width, the line whose text reads on likelier across the join (join_gain)
    breaks the tie."""
    settings = Settings()
    prev = _Info.of("我们街道的老旧小")
    good, bad = _Info.of("区改造已经完成了"), _Info.of("价格也比外面便宜")
    assert good.width == bad.width
    assert _tie(prev, good, settings) > _tie(prev, bad, settings)
    assert _tie(prev, good, settings) - _tie(prev, bad, settings) <= settings.row_tie_gain


def test_tie_breaks_by_width_after_a_finished_line_too() -> None:
    """A sentence finished at the column's width goes on in a line of the same width: the
    width's tie-break counts after it as after an open line."""
    settings = Settings()
    closed = _Info.of("我们街道的老旧小区改造。")  # 12 wide, finished
    same, short = _Info.of("剩下的工作主要是加装电梯"), _Info.of("剩下的工作主要是加")
    assert _tie(closed, same, settings) > _tie(closed, short, settings) >= 0.0


def test_a_column_left_open_takes_an_unclaimed_top_printed_just_before_its_own_top_that_reads_on_strongly() -> None:
    # the column 3 -> 4 ends in mid-sentence; box 1, printed before its top and carried on by no
    # column, reads on from its end strongly at its width: it is the next column's top
    settings = Settings()
    texts = ["我们街道的老旧小区改造已", "社区食堂开业以后每天有两", "经完成了大半，剩下的工作", "百多位老人来吃饭，价格也",
             "主要是加装电梯和整治背街"]
    infos = [_Info.of(t) for t in texts]

    def strong(k: int, j: int) -> float:
        return 4.5 if (k, j) == (4, 1) else 0.0

    def weak(k: int, j: int) -> float:
        return 1.5 if (k, j) == (4, 1) else 0.0

    succ = {3: 4}
    _rejoin(succ, infos, infos, strong, settings)
    assert succ == {3: 4, 4: 1}
    succ = {3: 4}  # reading on only weakly: a box printed before the top is left
    _rejoin(succ, infos, infos, weak, settings)
    assert succ == {3: 4}
    succ = {0: 1, 3: 4}  # a column carries box 1 on already
    _rejoin(succ, infos, infos, strong, settings)
    assert succ == {0: 1, 3: 4}
