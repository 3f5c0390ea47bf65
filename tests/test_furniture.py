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
