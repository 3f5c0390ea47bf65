from reconstruct.furniture import deal_fragments, parse_roster, split_headline


def test_roster_title_first_broken_anywhere() -> None:
    text = "某区发展委党组书记、主任\n\n王甲\n某工业园发展中心党委书记、\n\n主任 李乙"
    guests = parse_roster(text, ["王甲", "李乙"])
    assert [(g.name, g.title) for g in guests] == [
        ("王甲", "某区发展委党组书记、主任"),
        ("李乙", "某工业园发展中心党委书记、主任"),
    ]


def test_roster_name_first() -> None:
    guests = parse_roster("王甲 某镇党委书记\n李乙 某合作社理事长", ["王甲", "李乙"])
    assert [(g.name, g.title) for g in guests] == [("王甲", "某镇党委书记"), ("李乙", "某合作社理事长")]


def test_a_title_first_roster_read_from_its_second_entry_is_still_title_first() -> None:
    # the box order put a name first; nothing after the last name says the titles come
    # before the names
    guests = parse_roster("王甲\n某镇党委书记\n李乙\n某合作社理事长\n赵丙", ["王甲", "李乙", "赵丙"])
    assert [(g.name, g.title) for g in guests] == [("王甲", ""), ("李乙", "某镇党委书记"), ("赵丙", "某合作社理事长")]


def test_guest_missing_from_roster_is_kept_without_title() -> None:
    guests = parse_roster("王甲 某镇党委书记", ["王甲", "赵丙"])
    assert [(g.name, g.title) for g in guests] == [("王甲", "某镇党委书记"), ("赵丙", "")]


def test_a_name_whose_line_broke_inside_it_is_read_whole() -> None:
    # "…党工委书记 赵" ends its line, the rest of 赵丙 went to another box
    text = "某区发展委党组书记、主任 王甲\n某街道党工委书记 赵\n某工业园发展中心主任 李乙"
    guests = parse_roster(text, ["王甲", "赵丙", "李乙"])
    assert [(g.name, g.title) for g in guests] == [
        ("王甲", "某区发展委党组书记、主任"), ("赵丙", "某街道党工委书记"), ("李乙", "某工业园发展中心主任"),
    ]


def test_a_surname_inside_a_title_is_no_broken_name() -> None:
    # 高 opens 高新区, after no whole entry: the guest stays without a title
    guests = parse_roster("某区高新区管委会主任 王甲", ["王甲", "高明"])
    assert [(g.name, g.title) for g in guests] == [("王甲", "某区高新区管委会主任"), ("高明", "")]


def test_two_fused_headlines_are_split_by_their_articles() -> None:
    leads = ["本报讯 近日，全市秋季森林防火会议召开，会议部署了工作。",
             "本报讯 昨天，城南社区举办邻里文化节，居民踊跃参加。"]
    parts = split_headline("城南社区举办邻里文化节全市秋季森林防火会议召开", leads)
    assert parts == [("城南社区举办邻里文化节", 1), ("全市秋季森林防火会议召开", 0)]


def test_headline_matching_no_article_is_not_split() -> None:
    assert split_headline("完全无关的一行标题文字", ["本报讯 今天下雨。"]) == []


def test_titles_read_before_their_names_are_dealt_one_box_per_name() -> None:
    # a narrow roster box read box by box: the first entry whole, then two titles, then the
    # two names they go with
    boxes = ["某区发展委党组书记、主任 王甲", "某工业园管委会主任", "某机械公司董事长", "李乙", "赵丙"]
    guests = parse_roster(boxes, ["王甲", "李乙", "赵丙"])
    assert [(g.name, g.title) for g in guests] == [
        ("王甲", "某区发展委党组书记、主任"), ("李乙", "某工业园管委会主任"), ("赵丙", "某机械公司董事长"),
    ]


def test_a_title_run_on_across_boxes_is_not_dealt_out() -> None:
    boxes = ["某工业园发展中心党委", "书记、主任", "李乙", "赵丙"]
    guests = parse_roster(boxes, ["李乙", "赵丙"])
    assert [(g.name, g.title) for g in guests] == [("李乙", "某工业园发展中心党委书记、主任"), ("赵丙", "")]


def test_band_fragments_are_dealt_by_their_words_and_a_wrapped_end_by_the_join() -> None:
    texts = ["本报讯 近日，城南社区举办邻里文化节，居民踊跃参加。",
             "本报讯 昨天，全市秋季森林防火会议召开，会议部署了工作。"]
    fragments = ["全市秋季森林防火", "城南社区举办邻里文化", "节", "会议召开", "无关的一行字"]
    assert deal_fragments(fragments, texts) == [1, 0, 0, 1, None]


def test_words_between_fused_headlines_that_no_article_holds_close_the_first() -> None:
    # "落幕" closes the first headline; neither item's text says it, but each item names
    # what its headline opens on, so the second part starts where its article's words do
    leads = ["本报讯（记者 柏涛）8月18日晚，南屏区“村BA”乡村篮球联赛总决赛在青山村举行。",
             "本报讯 近日，溪宁县青溪河获评省级美丽河湖，如今的青溪河水清岸绿。"]
    parts = split_headline("南屏区“村BA”乡村篮球联赛落幕溪宁县青溪河获评省级美丽河湖", leads)
    assert parts == [("南屏区“村BA”乡村篮球联赛落幕", 0), ("溪宁县青溪河获评省级美丽河湖", 1)]

# --- titles checked against the other places the page prints them (check_titles) ---------

from reconstruct.furniture import check_titles, title_candidates  # noqa: E402
from reconstruct.model import Guest  # noqa: E402


def _titles(guests: tuple[Guest, ...]) -> list[tuple[str, str]]:
    return [(g.name, g.title) for g in guests]


def test_a_title_the_roster_lost_is_taken_from_the_lead() -> None:
    lead = "本期访谈嘉宾：某区水利局党组书记、局长王甲，某镇党委书记李乙。"
    guests = check_titles([Guest("王甲"), Guest("李乙", "某镇党委书记")], [lead], 48)
    assert _titles(guests) == [("王甲", "某区水利局党组书记、局长"), ("李乙", "某镇党委书记")]


def test_a_title_cut_short_is_completed_from_a_fuller_copy() -> None:
    lead = "采访对象：某街道党工委副书记、办事处主任李乙，某村党支部书记、村委会主任赵丙"
    guests = check_titles([Guest("李乙", "记、办事处主任"), Guest("赵丙", "某村党支部书记")], [lead], 48)
    assert _titles(guests) == [("李乙", "某街道党工委副书记、办事处主任"), ("赵丙", "某村党支部书记、村委会主任")]


def test_a_title_with_more_posts_within_is_the_fuller_one() -> None:
    boxes = "某消防救援大队党委书记、大队长\n王甲"
    guests = check_titles([Guest("王甲", "某消防救援大队大队长")], [boxes], 48)
    assert _titles(guests) == [("王甲", "某消防救援大队党委书记、大队长")]


def test_a_title_broken_over_lines_with_another_columns_line_between() -> None:
    # pdfminer sets a line of the next column between the title's two lines
    boxes = "访谈嘉宾：\n某街道党工委副书\n今年以来全区持续推进\n记、办事处主任\n李乙"
    assert "某街道党工委副书记、办事处主任" in title_candidates("李乙", [boxes], [], 48)


def test_a_title_cut_off_far_from_its_first_line_is_completed_by_that_line() -> None:
    # a roster broken over two columns: pdfminer prints the second column's lines far from
    # the first's, so the name's title is a tail; the one box that reads as its start does
    page = "访谈嘉宾：\n某区民政局党组书记、\n某街道党工委副书\n" + "另一栏的文字，\n" * 12 + "局长王甲\n记、办事处主任李乙"
    roster = "局长王甲\n记、办事处主任李乙"
    guests = check_titles([Guest("李乙", "记、办事处主任"), Guest("王甲", "局长")], [roster, page], 48)
    assert _titles(guests) == [("李乙", "某街道党工委副书记、办事处主任"), ("王甲", "某区民政局党组书记、局长")]
    # two boxes that would each start it: neither is taken
    twice = page + "\n某镇党工委副书"
    guests = check_titles([Guest("李乙", "记、办事处主任")], [roster, twice], 48)
    assert _titles(guests) == [("李乙", "记、办事处主任")]


def test_a_name_broken_at_a_lines_end_still_finds_its_title() -> None:
    boxes = "某镇党委书记 王甲\n另一栏的文字\n丙"
    assert title_candidates("王甲丙", [boxes.replace(" ", "")], [], 48) == ["某镇党委书记"]


def test_a_roster_set_name_first_keeps_its_titles() -> None:
    roster = "王甲某镇党委书记李乙某合作社理事长"
    guests = check_titles([Guest("王甲", "某镇党委书记"), Guest("李乙", "某合作社理事长")], [roster], 48)
    assert _titles(guests) == [("王甲", "某镇党委书记"), ("李乙", "某合作社理事长")]


def test_a_subtitles_verb_is_no_part_of_the_title() -> None:
    assert title_candidates("王甲", ["——访某区水利局局长王甲"], [], 48) == ["某区水利局局长"]
    assert title_candidates("王甲", ["日前，记者专访了某区水利局局长王甲。"], [], 48) == ["某区水利局局长"]


def test_sentence_text_before_a_name_is_no_title() -> None:
    # (a sentence's figure, a sentence's end: no title runs across them)
    assert title_candidates("王甲", ["记者在7月9日的会上见到镇党委书记王甲"], [], 48) == []
    assert title_candidates("王甲", ["园区开工了。王甲说"], [], 48) == []


def test_titles_read_before_their_names_are_dealt_in_order() -> None:
    # a narrow box read box by box: two titles, then their two names
    boxes = "访谈嘉宾：\n某区委社会工作部部长\n王甲\n某街道党工委书记某社区党委书记、居委会主任\n李乙\n赵丙"
    assert title_candidates("李乙", [boxes], ["王甲", "赵丙"], 48) == ["某街道党工委书记"]
    assert title_candidates("赵丙", [boxes], ["王甲", "李乙"], 48) == ["某社区党委书记、居委会主任"]


def test_an_answers_label_after_a_name_is_no_name_of_the_roster() -> None:
    boxes = "某镇党委书记王甲\n李乙：我们镇今年"
    assert title_candidates("王甲", [boxes], ["李乙"], 48) == ["某镇党委书记"]


def test_two_entries_run_together_are_no_title() -> None:
    guests = check_titles([Guest("王甲", "某区教育委员会党委书记、主任某小学党总支书记、校长")],
                          ["某小学党总支书记、校长王甲"], 48)
    assert _titles(guests) == [("王甲", "某小学党总支书记、校长")]
    # a comma parts two posts, not a sentence's words from a post
    assert title_candidates("王甲", ["研发周期长、投入大，某公司创始人王甲"], [], 48) == ["某公司创始人"]
    assert title_candidates("王甲", ["某医院党委副书记、院长，某医共体总院院长王甲"], [], 48)[0] == (
        "某医院党委副书记、院长，某医共体总院院长")


def test_places_of_a_name_the_text_does_not_hold_are_none():
    from reconstruct.furniture import _places

    assert list(_places("王某某", "李某局长\n王某\n")) == [5]
    assert list(_places("王某某", "李某局长")) == []


def test_title_reading_and_bigrams_are_kept_read_only():
    from reconstruct.furniture import _grams, _reads_as_title

    assert _grams("乡村振兴") == frozenset({"乡村", "村振", "振兴"})
    assert isinstance(_grams("乡村振兴"), frozenset)  # (shared: nobody may change it)
    assert _reads_as_title("某县教育局局长", ["王某"]) == _reads_as_title("某县教育局局长", ("王某",))


def test_a_roster_box_of_running_prose_is_no_part_of_the_title() -> None:
    # a lead's clause (an aspect particle, a verb of interviewing) read into the roster's
    # boxes before an entry: the title starts after it, so its characters stay the text's
    guests = parse_roster(["记者采访了某区水利局和几位村", "某村股份经济合作社理事长王甲"], ["王甲"])
    assert [(g.name, g.title) for g in guests] == [("王甲", "某村股份经济合作社理事长")]
    guests = parse_roster(["王甲", "某村股份经济合作社理事长", "成为了村里的带头"], ["王甲"])
    assert [(g.name, g.title) for g in guests] == [("王甲", "某村股份经济合作社理事长")]


def test_a_title_keeps_no_clause_of_running_prose() -> None:
    # a title read with a clause run into it is cut after the clause, or given up
    out = check_titles([Guest("王甲", "大家成为了某合作社理事长")], [], 48)
    assert _titles(out) == [("王甲", "某合作社理事长")]
    assert title_candidates("王甲", ["村民成为了合作社理事长王甲"], [], 48) == []
