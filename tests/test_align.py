import numpy as np

from reconstruct.align import align_turns, solve
from reconstruct.model import Guest, Interview, Paragraph, Turn
from reconstruct.settings import Settings


def _t(speaker: str, role: str, text: str, line: int) -> Turn:
    return Turn(speaker=speaker, role=role, paragraphs=(Paragraph(text, (line,)),))  # type: ignore[arg-type]


def _order(guests: tuple[Guest, ...], questions: tuple[str, ...], answers: tuple[tuple[str, str], ...]) -> list[str]:
    """The first four characters of each turn, in the order align_turns gives them, for
    questions asked by 主持人 and (speaker, text) answers."""
    iv = Interview(
        guests=guests,
        questions=tuple(_t("主持人", "host", q, k + 1) for k, q in enumerate(questions)),
        answers=tuple(_t(who, "guest", a, 10 * (k + 1)) for k, (who, a) in enumerate(answers)),
    )
    return [t.text[:4] for t in align_turns(iv).turns]


def _scores(question: str, *answers: str) -> list[float]:
    """score_matrix's row for one question against one guest's answers."""
    from reconstruct.align import score_matrix

    asked = (_t("主持人", "host", question, 1),)
    said = tuple(_t("王甲", "guest", a, 10 * (k + 1)) for k, a in enumerate(answers))
    return list(score_matrix(asked, said)[0])


def test_solve_is_an_assignment_not_a_row_maximum() -> None:
    scores = np.array([[0.9, 0.8], [0.85, 0.1]])
    # row maxima would give both questions answer 0; the assignment gives 0->1, 1->0
    assert solve(scores) == [(0, 1), (1, 0)]


def test_round_table_every_question_gets_an_answer() -> None:
    scores = np.array([[0.9, 0.8, 0.7], [0.1, 0.2, 0.3]])
    pairs = solve(scores)
    assert {q for q, _ in pairs} == {0, 1}
    assert sorted(a for _, a in pairs) == [0, 1, 2]


def test_guest_named_in_question_decides_and_order_follows_questions() -> None:
    iv = Interview(
        guests=(Guest("王甲", "青石镇党委书记", "guest-1"), Guest("李乙", "红河街道党工委书记", "guest-2")),
        questions=(
            _t("主持人", "host", "红河街道在老旧小区改造上有哪些做法？", 1),
            _t("主持人", "host", "青石镇的茶叶产业发展得怎么样？", 2),
        ),
        answers=(
            _t("王甲", "guest", "近年来，青石镇茶园面积不断扩大，茶叶产业带动农民增收。", 10),
            _t("李乙", "guest", "红河街道把老旧小区改造作为民生实事，加装电梯，改造管网。", 20),
        ),
    )
    out = align_turns(iv)
    assert [t.speaker for t in out.turns] == ["主持人", "李乙", "主持人", "王甲"]
    answers = [t for t in out.turns if t.role == "guest"]
    assert all(t.cert in ("high", "medium", "low") and 0 <= (t.confidence or 0) <= 1 for t in answers)
    assert answers[0].runner_up is not None


def test_inline_layout_pairs_by_position() -> None:
    iv = Interview(
        anchored=((0, 1), (1, 0)),
        questions=(_t("记者", "host", "问一？", 1), _t("记者", "host", "问二？", 5)),
        answers=(_t("甲", "guest", "答二。", 6), _t("乙", "guest", "答一。", 2)),
    )
    out = align_turns(iv)
    assert [t.text for t in out.turns] == ["问一？", "答一。", "问二？", "答二。"]
    # placed by position alone, words that share nothing with their question: not sure
    assert all(t.cert == "low" for t in out.turns if t.role == "guest")


def test_an_opinion_put_to_a_guest_is_answered_by_agreeing() -> None:
    # "有人说…您怎么看？" is answered "我非常赞同…": the cue decides where words do not
    assert _order(
        (Guest("王甲", "某镇党委书记", "guest-1"),),
        ("今年以来全镇做了哪些事情？", "有人说，乡村振兴不能只看钱袋子，您怎么看？"),
        (("王甲", "我非常赞同。日子好了，精神也要跟上，我们办起了农家书屋。"),
         ("王甲", "我们修了三条路，建了两个合作社，办起了农家书屋。")),
    ) == ["今年以来", "我们修了", "有人说，", "我非常赞"]


def test_hopes_answer_the_question_about_hopes_not_what_is_worth_a_look() -> None:
    # "值得期待" asks what is worth a visit, not about plans; "我们希望…" sets out hopes; and
    # what a question sets aside ("除了古镇") is not what its answer is about
    assert _order(
        (Guest("王甲", "古镇景区管委会主任", "guest-1"), Guest("李乙", "区文旅委主任", "guest-2")),
        ("除了古镇，全区还有哪些地方值得期待？", "对于古镇未来的发展，您有什么期待？"),
        (("王甲", "我们希望古镇成为让人愿意来、住下来的地方。"),
         ("李乙", "北部的森林公园适合避暑，南部的茶园可以采茶。")),
    ) == ["除了古镇", "北部的森", "对于古镇", "我们希望"]


def test_an_organisation_named_by_its_abbreviation_points_at_its_guest() -> None:
    from reconstruct.align import _abbreviates, _named_guests

    assert _abbreviates("住建委", "云峤区住房和城乡建设委员会主任")
    assert _abbreviates("人社局", "新区人力资源和社会保障局局长")
    assert not _abbreviates("岚川区", "岚川高新技术产业开发区管委会主任")  # a place name kept whole
    guests = (Guest("王甲", "区经济和信息化委员会主任", "guest-1"), Guest("李乙", "高新技术产业开发区管委会主任", "guest-2"))
    assert _named_guests("区经信委在要素保障上做了哪些工作？", guests) == {"王甲": 1.0}


def test_a_follow_up_recalling_the_previous_answer_points_at_it() -> None:
    # the follow-up shares 网上预约/异地代查 with the first answer only; what it recalls is
    # what the answer before it said, so each question keeps its own answer
    g = (Guest("王甲", "某市档案馆馆长", "guest-1"),)
    assert _order(
        g,
        ("现在来档案馆的都是些什么人？", "您提到网上预约和异地代查，馆藏数字化做到什么程度了？"),
        (("王甲", "数字化率达到七成，扫描页数超过三千万页。"),
         ("王甲", "查档的人多了，一半是通过网上预约、异地代查办理的。")),
    ) == ["现在来档", "查档的人", "您提到网", "数字化率"]
    # the one who said it may be named between ("刚才王馆长讲到的…")
    assert _order(
        g,
        ("现在来档案馆的都是些什么人？", "刚才王馆长讲到的网上预约和异地代查很方便，数字化做到什么程度了？"),
        (("王甲", "数字化率达到七成，扫描页数超过三千万页。"),
         ("王甲", "查档的人多了，一半是通过网上预约、异地代查办理的。")),
    ) == ["现在来档", "查档的人", "刚才王馆", "数字化率"]


def test_a_quoted_term_a_follow_up_recalls_points_at_the_answer_printing_it() -> None:
    # the answers set apart from the questions, in no order: the follow-up recalls a coined
    # name in quotation marks ("刚才王书记讲到的“银发课堂”"), which only one of that guest's
    # answers prints: that one answered the question before the follow-up, not the one put
    # to the guest by name
    g = (Guest("王甲", "某街道党工委书记", "guest-1"), Guest("李乙", "某市政务服务中心主任", "guest-2"))
    assert _order(
        g,
        ("王书记，街道是直接面对群众的地方，数字化给街道工作带来了什么？",
         "不少老年人不会用智能手机，会不会被挡在门外？",
         "刚才王书记讲到的“银发课堂”很有意思。老人们学得怎么样？"),
        (("王甲", "街道还组织志愿者开了“银发课堂”，手把手教老人用手机挂号、缴费。"),
         ("李乙", "我们坚持线上线下两条腿走路，服务大厅都保留了人工窗口，老年人来办事有专人陪同。"),
         ("王甲", "学得很认真，有的老人还专门拿个小本子记笔记。"),
         ("王甲", "最大的变化是基层减负了，社区干部填报的报表少了一大半。")),
    ) == ["王书记，", "最大的变", "不少老年", "街道还组", "我们坚持", "刚才王书", "学得很认"]


def test_a_request_to_tell_is_no_recall() -> None:
    from reconstruct.align import _RECALL

    for asked in ("请您讲讲这个项目的来龙去脉，好吗？", "请你说说群众最关心的问题，", "请您讲一讲当前的形势，",
                  "您说得对，还有什么？"):
        assert not _RECALL.search(asked), asked
    assert [m.group(1) for m in _RECALL.finditer("你讲的这个情况，很多人关心。")] == ["这个情况"]


def test_a_guest_addressed_by_surname_and_post_is_named() -> None:
    from reconstruct.align import _named_guests

    guests = (Guest("房甲乙", "某县消防救援大队大队长", "guest-1"),
              Guest("闻丙", "某市中心血站副站长", "guest-2"),
              Guest("司马丁", "某镇党委书记、镇长", "guest-3"))
    assert _named_guests("房队长，您自己献了多少次血？", guests) == {"房甲乙": 1.0}
    assert _named_guests("闻站长，库存紧张的时候怎么办？", guests) == {"闻丙": 1.0}  # 副 dropped
    assert _named_guests("司马书记，镇里有什么打算？", guests) == {"司马丁": 1.0}
    # a guest spoken of to someone else is not the one asked
    # (what the old phrase rule gives a post the question shares is less than an address)
    assert _named_guests("像房队长这样的志愿者，血站是怎么组织的？", guests).get("房甲乙", 0) < 1.0
    assert _named_guests("听了房队长的故事很受感动。血站是怎么组织的？", guests).get("房甲乙", 0) < 1.0
    # the surname without the post, or a post nobody holds, addresses no one
    assert "房甲乙" not in _named_guests("房屋安全怎么保障？", guests)
    # two guests of one surname and post: the address tells them apart from no one
    twins = (Guest("王甲", "某区教委主任", "guest-1"), Guest("王乙", "某街道办事处主任", "guest-2"))
    assert _named_guests("王主任，请您谈谈。", twins) == {}


def test_a_question_about_beginnings_is_answered_by_the_founding() -> None:
    # no word in common: only the question type (how it began) and the answer's opening
    # (刚开始…) tell them apart
    scores = _scores("这些年是怎样一步步走过来的？",
                     "刚开始只有11户社员，菜靠自己挑到镇上卖。", "前五个月卖出蔬菜三千吨，收入增长两成。")
    assert scores[0] > scores[1]


def test_a_question_about_what_the_schools_do_is_put_to_every_head() -> None:
    from reconstruct.align import _extra_answer_cost
    from reconstruct.settings import Settings

    s = Settings()
    heads = (Guest("甲", "某区实验小学校长", "guest-1"), Guest("乙", "某区第二中学校长", "guest-2"),
             Guest("丙", "某区教委主任", "guest-3"))
    asked = "“双减”以来，学校在课后服务方面做了哪些探索？"
    assert _extra_answer_cost(asked, s, heads) == s.round_table_cost
    # one head only: the question points at that school's head
    assert _extra_answer_cost(asked, s, heads[1:]) == s.pointed_extra_cost
    assert _extra_answer_cost("区人民医院在资源下沉方面做了什么？", s, heads) == s.extra_answer_cost


def test_a_question_put_to_one_guest_takes_a_second_answer_last() -> None:
    from reconstruct.align import _extra_answer_cost
    from reconstruct.settings import Settings

    s = Settings()
    guests = (Guest("周立新", "某县农机合作社理事长", "guest-1"), Guest("吴海", "某县农业农村局局长", "guest-2"))
    put = "周理事长，您当初为什么回乡办合作社？"
    assert _extra_answer_cost(put, s, guests) == s.addressed_extra_cost
    assert _extra_answer_cost("像周理事长这样的带头人，还能得到哪些扶持？", s, guests) == s.extra_answer_cost
    # three answers, two questions: the spare answer fits the first (put to 周) a little
    # better, yet goes to the second, put to no one in particular
    scores = np.array([[1.0, 0.6, 0.1], [0.1, 0.5, 0.9]])
    costs = [_extra_answer_cost(put, s, guests), s.extra_answer_cost]
    assert solve(scores, ["周立新", "吴海", "周立新"], costs) == [(0, 0), (1, 1), (1, 2)]


def test_a_question_pointing_at_one_guest_by_their_title_takes_a_second_answer_last() -> None:
    from reconstruct.align import _extra_answer_cost
    from reconstruct.settings import Settings

    s = Settings()
    guests = (Guest("郑一", "某市公安局副局长"), Guest("钱二", "某街道党工委书记"),
              Guest("孙三", "某市政务服务中心主任"))
    pointed = "公安领域和群众打交道的事情特别多，这方面有什么新变化？"
    assert _extra_answer_cost(pointed, s, guests) == s.pointed_extra_cost
    # the police chief spoken of, by surname and post, to someone else: no pointer
    assert _extra_answer_cost("像郑局长这样的一线干部，还能得到哪些支持？", s, guests) == s.extra_answer_cost
    assert _extra_answer_cost("数字化给大家带来了什么？", s, guests) == s.extra_answer_cost
    # four answers, three questions: the street secretary's answer echoes the police question
    # ("变化") a little better, yet goes to the question put to no one in particular
    scores = np.array([[1.0, 0.6, 0.1, 0.1], [0.1, 0.1, 1.0, 0.1], [0.1, 0.5, 0.1, 0.9]])
    speakers = ["郑一", "钱二", "钱二", "孙三"]
    costs = [_extra_answer_cost(pointed, s, guests), s.extra_answer_cost, s.extra_answer_cost]
    assert solve(scores, speakers, costs) == [(0, 0), (1, 2), (2, 1), (2, 3)]
    costs[0] = s.extra_answer_cost  # (as the question put to no one, it takes it)
    assert (0, 1) in solve(scores, speakers, costs)


def test_another_guests_answer_printed_after_a_question_put_to_one_guest_is_not_anchored() -> None:
    # the second question names the environment bureau: the forestry head's answer printed
    # after that bureau's answer is a box out of its place, not a second answer to it
    guests = (Guest("甲一", "某县生态环境局局长"), Guest("乙二", "某县林业局局长"))
    iv = Interview(
        guests=guests,
        questions=(_t("主持人", "host", "怎样发动群众共同参与？", 1),
                   _t("主持人", "host", "下一步，县生态环境局还将抓好哪些工作？", 5)),
        answers=(_t("甲一", "guest", "我们组织志愿者开展宣传。", 2),
                 _t("甲一", "guest", "我们将持续打好蓝天保卫战。", 6),
                 _t("乙二", "guest", "林业方面，市民踊跃参加义务植树。", 8)),
        anchored=((0, 0), (1, 1), (1, 2)),
    )
    turns = align_turns(iv).turns
    assert [t.text[:2] for t in turns] == ["怎样", "我们", "林业", "下一", "我们"]


def test_an_answer_that_adds_to_another_guests_follows_it_under_its_question() -> None:
    from reconstruct.align import _follow_on
    from reconstruct.settings import Settings

    answers = (
        _t("王甲", "guest", "我们在山区建了十二座光伏电站，屋顶光伏覆盖八百户农民。", 10),
        _t("李乙", "guest", "我补充一点，光伏电站建成后，农民屋顶光伏每年还能分红。", 20),
        _t("王甲", "guest", "冬季供暖我们改用了地源热泵，学校和医院先用起来。", 30),
        _t("张丙", "guest", "地源热泵的运维我们请了专业公司。", 40),
    )
    # the words alone give 李乙's addition to the second question (供暖, a stray fit)
    scores = np.array([[1.0, 0.3, 0.1, 0.2], [0.1, 0.6, 1.2, 0.6]])
    how = (["王甲", "李乙", "王甲", "张丙"], [0.55, 0.55])
    first = solve(scores, *how)
    assert (1, 1) in first
    assert _follow_on(scores, first, answers, Settings())
    assert (0, 1) in solve(scores, *how)
    # without the turn to what was said, nothing moves
    plain = answers[:1] + (_t("李乙", "guest", "光伏电站建成后，农民屋顶光伏每年还能分红。", 20),) + answers[2:]
    assert not _follow_on(scores.copy(), first, plain, Settings())


def test_an_answer_that_echoes_its_question_answers_it() -> None:
    # the second question names the guest's body, but her other answer opens by repeating
    # the first question's words
    assert _order(
        (Guest("王甲", "区人民医院院长", "guest-1"),),
        ("医改以来，老百姓最直观的感受是什么？", "区人民医院在资源下沉方面做了哪些工作？"),
        (("王甲", "最直观的感受就是看病方便了，区人民医院的门诊量增长两成。"),
         ("王甲", "我们每年选派医生到乡镇卫生院坐诊，时间不少于一年。")),
    ) == ["医改以来", "最直观的", "区人民医", "我们每年"]


def test_a_question_about_what_people_want_is_answered_by_how_they_were_asked() -> None:
    scores = _scores("改造之前，怎样摸清真实需求？",
                     "我们挨家挨户入户调查，一共收回问卷两千份。", "工程分三批实施，年底前全部完工。")
    assert scores[0] > scores[1]


def test_a_question_why_is_answered_with_the_reasons() -> None:
    scores = _scores("企业为什么选择落户新区？",
                     "主要原因是交通便利、人才集中。", "员工现在有三百多人，产值两亿元。")
    assert scores[0] > scores[1]


def test_a_question_about_what_one_felt_is_answered_with_feelings() -> None:
    scores = _scores("您最大的感受是什么？", "最深的体会是要沉下心来做事。", "我们完成了三个项目。")
    assert scores[0] > scores[1]


def test_the_time_a_question_asks_about_is_the_time_its_answer_opens_with() -> None:
    # both answers count beds; only "目前" (now, not last year) tells them apart
    scores = _scores("目前全市的养老床位够用吗？", "目前共有床位八千张。", "去年共有床位六千张。")
    assert scores[0] > scores[1]
    scores = _scores("今年新开了哪些线路？", "今年开通线路五条。", "过去开通线路三条。")
    assert scores[0] > scores[1]


def test_a_question_how_many_is_answered_with_a_number() -> None:
    scores = _scores("全县一共建成了多少座桥？", "全县建成的桥梁有42座。", "全县建成的桥梁都很牢固。")
    assert scores[0] > scores[1]


def test_a_question_what_the_guest_thinks_is_answered_with_an_opinion() -> None:
    scores = _scores("您认为乡村旅游的出路在哪里？", "我觉得关键在特色。", "游客去年达到五十万人次。")
    assert scores[0] > scores[1]


def test_plans_are_told_by_how_an_answer_opens() -> None:
    import re

    from reconstruct.settings import Settings

    plan = re.compile(Settings().plan_answer)
    for opening in ("我们将把深海养殖作为主攻方向", "协会会继续引导企业", "镇里要把渔港建起来", "下一步，我们准备"):
        assert plan.search(opening), opening
    for opening in ("难点主要在于协调住户", "我们把宣传放在身边人身上", "将近一半是网上办理的",
                    "去年，我们将全区街道纳入试点", "上个月我们将试点扩大到三个镇", "老将出马，一个顶俩",
                    "麻将馆整治是重点", "座谈会继续进行了两个小时", "不要把问题留到明天"):
        assert not plan.search(opening), opening


def test_cert_high_needs_a_wide_margin() -> None:
    from reconstruct.align import _cert, _Evidence
    from reconstruct.settings import Settings

    s = Settings()
    assert _cert(_Evidence(s.high_margin, s.high_score), s) == "high"
    # a margin that used to count as high (0.25 over the next best) is now a mere lead
    assert _cert(_Evidence(s.high_margin * 0.9, s.high_score * 3), s) == "medium"


def test_cert_a_pairing_that_barely_fits_its_question_is_never_high() -> None:
    from reconstruct.align import _cert, _Evidence
    from reconstruct.settings import Settings

    s = Settings()
    assert _cert(_Evidence(float("inf"), s.high_score * 0.9), s) == "medium"
    assert _cert(_Evidence(float("inf"), s.low_score * 0.9), s) == "low"


def test_cert_near_tie_is_low() -> None:
    from reconstruct.align import _cert, _Evidence
    from reconstruct.settings import Settings

    s = Settings()
    assert _cert(_Evidence(s.medium_margin * 0.9, s.high_score * 3), s) == "low"
    assert _cert(_Evidence(s.medium_margin, s.low_score), s) == "medium"


def test_cert_in_a_transcript_follows_margin_and_score() -> None:
    """Two answers that could each answer either question: a near-tie, so low; one answer
    to one question that shares nothing with it: forced, but not high."""
    guests = (Guest("王甲", "局长"),)
    iv = Interview(
        guests=guests,
        questions=(_t("主持人", "host", "今年天气怎么样？", 1), _t("主持人", "host", "明年天气怎么样？", 2)),
        answers=(_t("王甲", "guest", "我们做了很多工作。", 10), _t("王甲", "guest", "我们还做了很多工作。", 20)),
    )
    certs = [t.cert for t in align_turns(iv).turns if t.role == "guest"]
    assert certs == ["low", "low"]
    lone = Interview(
        guests=guests,
        questions=(_t("主持人", "host", "今年天气怎么样？", 1),),
        answers=(_t("王甲", "guest", "我们做了很多工作。", 10),),
    )
    assert [t.cert for t in align_turns(lone).turns if t.role == "guest"] != ["high"]


def test_cert_a_turn_read_from_lines_apart_is_never_high() -> None:
    """An answer whose second paragraph was found twenty lines on (a column read across,
    a box stitched on) may hold another answer's text: medium at best."""
    from reconstruct.align import _breaks, _cert, _Evidence
    from reconstruct.settings import Settings

    s = Settings()
    whole = Turn("王甲", "guest", (Paragraph("第一段。", (3, 4)), Paragraph("第二段。", (6, 7))))
    apart = Turn("王甲", "guest", (Paragraph("第一段。", (3, 4)), Paragraph("第二段。", (24, 25))))
    backwards = Turn("王甲", "guest", (Paragraph("第一段。", (9, 10)), Paragraph("第二段。", (3,))))
    assert _breaks(whole, s) == 0
    assert _breaks(apart, s) == 1 and _breaks(backwards, s) == 1
    assert _cert(_Evidence(s.high_margin * 2, s.high_score * 2, answer_breaks=1), s) == "medium"


def test_cert_in_a_transcript_a_stitched_answer_is_not_high() -> None:
    """The same clear pairing is high when the answer reads on from line to line and not
    when half of it comes from far down the page."""
    guests = (Guest("王甲", "水利局局长"),)
    q = _t("主持人", "host", "今年水库大坝建设进展如何？", 1)
    whole = (Paragraph("水库大坝建设进展顺利，大坝已浇筑过半。", (2,)), Paragraph("水库大坝明年蓄水。", (3,)))
    apart = (whole[0], Paragraph("水库大坝明年蓄水。", (40,)))
    other = _t("主持人", "host", "学校食堂的饭菜好吃吗？", 10)
    said = _t("王甲", "guest", "学校食堂饭菜好吃，学生满意。", 11)

    def cert(paragraphs: tuple[Paragraph, ...]) -> str | None:
        iv = Interview(guests=guests, questions=(q, other),
                       answers=(Turn("王甲", "guest", paragraphs), said))
        return next(t.cert for t in align_turns(iv).turns if t.answer == 0)

    assert cert(whole) == "high"
    assert cert(apart) != "high"


def test_cert_a_question_read_from_lines_apart_or_an_answer_in_three_pieces_is_low() -> None:
    from reconstruct.align import _cert, _Evidence
    from reconstruct.settings import Settings

    s = Settings()
    clear = dict(margin=s.high_margin * 0.9, score=s.high_score * 2)
    assert _cert(_Evidence(**clear), s) == "medium"
    assert _cert(_Evidence(**clear, question_breaks=1), s) == "low"
    assert _cert(_Evidence(**clear, answer_breaks=s.low_answer_breaks - 1), s) == "medium"
    assert _cert(_Evidence(**clear, answer_breaks=s.low_answer_breaks), s) == "low"


def test_cert_an_anchor_alone_does_not_make_a_pairing_high() -> None:
    """An answer printed right after its question wins by the anchor's weight, but when
    its words share nothing with the question the pairing is not high; with the same
    anchor and words that fit, it is."""
    guests = (Guest("王甲", "水利局局长"),)
    q = _t("主持人", "host", "今年水库大坝建设进展如何？", 1)
    other = _t("主持人", "host", "学校食堂的饭菜好吃吗？", 10)
    said = _t("王甲", "guest", "学校食堂饭菜好吃，学生满意。", 11)

    def cert(text: str) -> str | None:
        iv = Interview(guests=guests, questions=(q, other), answers=(_t("王甲", "guest", text, 2), said),
                       anchored=((0, 0), (1, 1)))
        return next(t.cert for t in align_turns(iv).turns if t.answer == 0)

    assert cert("水库大坝建设进展顺利，大坝已浇筑过半，水库大坝明年蓄水。") == "high"
    assert cert("我们一直在努力，感谢大家关心。") != "high"


def test_confidence_tells_the_level_first() -> None:
    """A low pair with a wide margin still ranks below every medium pair, and under the
    CLI's warning threshold; a high pair with the narrowest margin above every medium."""
    from reconstruct.align import _confidence
    from reconstruct.cli_help import LOW_CONFIDENCE
    from reconstruct.settings import Settings

    s = Settings()
    assert _confidence("low", 99.0, s) < LOW_CONFIDENCE <= _confidence("medium", 0.0, s)
    assert _confidence("medium", float("inf"), s) < _confidence("high", s.high_margin, s) <= 1.0
    assert _confidence("medium", 1.0, s) < _confidence("medium", 2.0, s)


def test_a_question_put_to_two_guests_by_their_post_names_each_of_them() -> None:
    from reconstruct.align import _named_guests

    guests = (
        Guest("钱守一", "江北县卫生局局长", "guest-1"),
        Guest("孙望川", "江北县东城医院院长", "guest-2"),
        Guest("李青禾", "江北县妇幼保健院党支部书记、副院长", "guest-3"),
    )
    named = _named_guests("患者最明显的变化是什么？请两位院长分别说一说。", guests)
    assert named.get("孙望川") == 1.0 and named.get("李青禾") == 1.0
    assert "钱守一" not in named
    # a count of one post only one guest holds is no round table of posts
    assert _named_guests("两位局长怎么看？", guests).get("钱守一", 0.0) < 1.0
    # nor are three party secretaries the "two" a question counts
    secretaries = tuple(Guest(n, t + "党委书记", f"guest-{k}") for k, (n, t) in
                        enumerate((("周一", "北镇"), ("吴二", "南镇"), ("郑三", "西镇"))))
    assert all(v < 1.0 for v in _named_guests("两位书记有何体会？", secretaries).values())


def test_questions_nothing_tells_apart_lean_to_the_answers_in_their_order() -> None:
    # two questions whose words match neither answer: the answers are printed mostly in
    # the questions' order, so each question scores higher with the answer at its own place
    from reconstruct.align import score_matrix

    asked = (_t("主持人", "host", "请谈谈情况。", 1), _t("主持人", "host", "请再谈谈。", 2))
    said = (_t("王甲", "guest", "一切顺利进行。", 10), _t("李乙", "guest", "各项工作稳步推进。", 20))
    scores = score_matrix(asked, said)
    assert scores[0, 0] > scores[0, 1] and scores[1, 1] > scores[1, 0]


def test_a_guest_spoken_of_by_surname_and_post_is_not_the_one_asked() -> None:
    from reconstruct.align import _named_guests

    guests = (Guest("路长征", "某环保科技公司董事长"), Guest("商卫东", "某市退役军人事务局局长"))
    assert _named_guests("路董事长，您当初为什么会选择环保这个行业？", guests) == {"路长征": 1.0}
    # "董事长" is only in 路's title, but the question speaks of him to the bureau's head
    assert "路长征" not in _named_guests("像路董事长这样的创业者，政府还能提供哪些支持？", guests)
    assert "路长征" in _named_guests("环保公司的董事长最看重什么？", guests)


def test_anchors_are_not_trusted_when_the_words_overrule_one_of_them() -> None:
    # questions printed apart, read in between the answers' boxes: each question comes out
    # right before some answer. The plan answer printed after the after-school question is
    # plainly the plan question's; then the other "anchor" is chance too
    iv = Interview(
        guests=(Guest("严一", "某区教委主任"), Guest("戴二", "某区第二小学校长")),
        questions=(_t("主持人", "host", "区教委在师资均衡配置上有什么举措？", 1),
                   _t("主持人", "host", "学校在课后服务方面做了哪些探索？", 3),
                   _t("主持人", "host", "未来几年，全区教育发展的重点方向是什么？", 5)),
        answers=(_t("严一", "guest", "我们推行教师交流轮岗，城区骨干教师到农村学校任教，师资配置更加均衡。", 7),
                 _t("戴二", "guest", "我们请高校教师和科技企业的志愿者进校，开设科学探究课，孩子们放学后可以动手做实验。", 2),
                 _t("严一", "guest", "我们将重点推进三项工作，全区教育发展将更加优质均衡。", 4)),
        anchored=((0, 1), (1, 2)),
    )
    turns = align_turns(iv).turns
    assert [t.text[:4] for t in turns] == ["区教委在", "我们推行", "学校在课", "我们请高", "未来几年", "我们将重"]


def test_a_second_guests_answer_after_a_question_asking_no_round_table_is_a_weak_anchor() -> None:
    # the question on the hospital's work was printed elsewhere: the hospital head's answer
    # came out after the first question, which asks one guest's overview, not a round
    guests = (Guest("宋一", "某区卫生健康委员会主任"), Guest("蔡二", "某区人民医院院长"))
    iv = Interview(
        guests=guests,
        questions=(_t("主持人", "host", "推进医共体建设，全区的总体思路是什么？", 1),
                   _t("主持人", "host", "区人民医院作为牵头医院，在资源下沉方面做了哪些工作？", 9),
                   _t("主持人", "host", "老百姓最直观的感受是什么？两位能否分别谈一谈？", 5)),
        answers=(_t("宋一", "guest", "我们的总体思路可以概括为两院牵头、全域覆盖、一体管理。", 2),
                 _t("蔡二", "guest", "我们每年选派中高级职称医生到镇卫生院坐诊，群众在家门口就能看上专家。", 3),
                 _t("蔡二", "guest", "最直观的感受就是看病更方便了，基层门诊量同比增长。", 6),
                 _t("宋一", "guest", "我们做过一次满意度调查，群众满意度提高了。", 7)),
        anchored=((0, 0), (0, 1), (2, 2)),
    )
    assert [t.text[:4] for t in align_turns(iv).turns] == [
        "推进医共", "我们的总", "区人民医", "我们每年", "老百姓最", "最直观的", "我们做过"]


def test_named_guests_asked_twice_of_a_question_is_worked_out_once():
    from reconstruct.align import _named_guests
    from reconstruct.model import Guest

    guests = [Guest("王某", "某县人民医院院长"), Guest("李某", "某县教育局局长")]
    first = _named_guests("人民医院今年有哪些新举措？", guests, ["人民医院今年有哪些新举措？"])
    again = _named_guests("人民医院今年有哪些新举措？", tuple(guests), ("人民医院今年有哪些新举措？",))
    assert first == {"王某": 1.0} and again is first


def test_the_closing_question_printed_before_others_is_read_last() -> None:
    # questions grouped apart from their answers, one stranded after them: the question
    # about what comes next closes the interview, wherever it was printed
    order = _order(
        (Guest("王甲", "青石镇党委书记", "guest-1"),),
        ("青石镇的茶叶产业发展得怎么样？", "下一步，青石镇有哪些打算？", "茶园的管护由谁来负责？"),
        (("王甲", "茶叶产业带动农民增收，茶园面积扩大。"), ("王甲", "我们将继续扩大茶园，打造品牌。"),
         ("王甲", "茶园管护由合作社统一负责。")),
    )
    assert order[0::2] == ["青石镇的", "茶园的管", "下一步，"]


def test_a_closing_question_read_before_others_goes_last_with_its_answer() -> None:
    # questions printed each before its answer, but the closing one's box read first
    iv = Interview(
        anchored=((0, 0), (1, 1)),
        questions=(_t("记者", "host", "下一步有哪些打算？", 1), _t("记者", "host", "茶园怎么管？", 5)),
        answers=(_t("甲", "guest", "我们将继续努力。", 2), _t("甲", "guest", "由合作社管。", 6)),
    )
    assert [t.text for t in align_turns(iv).turns] == ["茶园怎么管？", "由合作社管。", "下一步有哪些打算？", "我们将继续努力。"]


def test_two_closing_questions_keep_their_print_order() -> None:
    order = _order(
        (Guest("王甲", "青石镇党委书记", "guest-1"),),
        ("下一步，茶园怎么管？", "未来茶叶品牌怎么打？", "茶叶产业发展得怎么样？"),
        (("王甲", "茶园由合作社管。"), ("王甲", "品牌由县里统一打造。"), ("王甲", "茶叶产业带动农民增收。")),
    )
    assert order[0::2] == ["下一步，", "未来茶叶", "茶叶产业"]


def _grouped(questions: tuple[tuple[str, int], ...], answers: tuple[tuple[str, int], ...]) -> list[str]:
    """align_turns's questions (first four characters) for questions and answers of one
    guest printed at the given lines."""
    iv = Interview(
        guests=(Guest("王甲", "青石镇党委书记", "guest-1"),),
        questions=tuple(_t("主持人", "host", q, line) for q, line in questions),
        answers=tuple(_t("王甲", "guest", a, line) for a, line in answers),
    )
    return [t.text[:4] for t in align_turns(iv).turns if t.role == "host"]


_TEA = (("茶园面积有多大？", "茶园面积扩大到三万亩。"), ("茶叶品牌叫什么？", "茶叶品牌叫青石云雾。"),
        ("茶农收入怎么样？", "茶农收入翻了一番。"), ("茶叶卖到哪里？", "茶叶卖到了长三角。"),
        ("茶园的管护由谁来负责？", "茶园管护由合作社统一负责。"))


def test_a_question_stranded_after_answers_printed_in_order_goes_where_its_answer_stands() -> None:
    # questions 1, 2, 4, 5 listed at the top, 3 printed after the answers; the answers are
    # printed in the list's order, so the third answer's question is the third asked
    questions = tuple((q, line) for (q, _), line in zip(_TEA[:2] + _TEA[3:] + _TEA[2:3], (1, 2, 3, 4, 90)))
    answers = tuple((a, 10 * (k + 1)) for k, (_, a) in enumerate(_TEA))
    assert _grouped(questions, answers) == ["茶园面积", "茶叶品牌", "茶农收入", "茶叶卖到", "茶园的管"]


def test_a_stranded_question_stays_last_when_the_answers_are_printed_out_of_order() -> None:
    questions = tuple((q, line) for (q, _), line in zip(_TEA[:2] + _TEA[3:] + _TEA[2:3], (1, 2, 3, 4, 90)))
    printed = (0, 3, 2, 1, 4)  # the answers' boxes in another order than the questions'
    answers = tuple((_TEA[k][1], 10 * (n + 1)) for n, k in enumerate(printed))
    assert _grouped(questions, answers) == ["茶园面积", "茶叶品牌", "茶叶卖到", "茶园的管", "茶农收入"]


def test_answers_under_one_question_follow_the_roster_when_the_boxes_are_set_anywhere() -> None:
    # five questions listed at the top, their answers' boxes printed in no relation to
    # them (reversed); the round table's two answers to the first question are read in the
    # roster's order, the one that adds to the other's last
    guests = (Guest("王甲", "青石镇党委书记", "guest-1"), Guest("李乙", "红河街道党工委书记", "guest-2"))
    topics = ("茶园面积", "茶叶品牌", "茶农收入", "茶叶销路", "茶园管护")
    questions = tuple(_t("主持人", "host", f"{t}怎么样？", k + 1) for k, t in enumerate(topics))
    said = [("李乙", f"{t}方面，红河街道做得不错。") for t in topics[1:]][::-1]
    said += [("李乙", "我补充一点，茶园面积在红河街道也扩大了。"), ("王甲", "茶园面积扩大到三万亩。")]
    answers = tuple(_t(who, "guest", text, 10 * (k + 1)) for k, (who, text) in enumerate(said))
    out = align_turns(Interview(guests=guests, questions=questions, answers=answers)).turns
    assert [t.text[:4] for t in out[:3]] == ["茶园面积", "茶园面积", "我补充一"]


def test_answers_under_one_question_keep_their_print_order_when_the_boxes_follow_the_questions() -> None:
    guests = (Guest("王甲", "青石镇党委书记", "guest-1"), Guest("李乙", "红河街道党工委书记", "guest-2"))
    topics = ("茶园面积", "茶叶品牌", "茶农收入", "茶叶销路", "茶园管护")
    questions = tuple(_t("主持人", "host", f"{t}怎么样？", k + 1) for k, t in enumerate(topics))
    said = [("李乙", "红河街道的茶园面积也扩大了。"), ("王甲", "茶园面积扩大到三万亩。")]
    said += [("李乙", f"{t}方面，红河街道做得不错。") for t in topics[1:]]
    answers = tuple(_t(who, "guest", text, 10 * (k + 1)) for k, (who, text) in enumerate(said))
    out = align_turns(Interview(guests=guests, questions=questions, answers=answers)).turns
    assert [t.speaker for t in out[:3]] == ["主持人", "李乙", "王甲"]


def test_the_questions_are_numbered_in_reading_order() -> None:
    # the closing question printed first is read last: the interview's questions, and the
    # numbers its answers carry (overrides, the review page and inspect count them), follow
    iv = Interview(
        guests=(Guest("王甲", "青石镇党委书记", "guest-1"),),
        questions=(_t("主持人", "host", "下一步，青石镇有哪些打算？", 1), _t("主持人", "host", "茶园面积有多大？", 2)),
        answers=(_t("王甲", "guest", "茶园面积扩大到三万亩。", 10), _t("王甲", "guest", "我们将继续扩大茶园。", 20)),
    )
    out = align_turns(iv)
    assert [q.text[:4] for q in out.questions] == ["茶园面积", "下一步，"]
    assert [(t.text[:4], t.question) for t in out.turns if t.role == "guest"] == [("茶园面积", 0), ("我们将继", 1)]


def test_a_question_about_the_whole_county_is_not_answered_by_a_town_opening_on_itself() -> None:
    from reconstruct.align import score_matrix

    guests = (Guest("钟甲", "青山县乡村振兴局局长", "guest-1"), Guest("黎乙", "青山县石门镇党委书记", "guest-2"))
    asked = (
        _t("主持人", "host", "全县在防止返贫方面做了哪些工作？", 1),
        _t("主持人", "host", "石门镇在引才方面有哪些经验？", 2),
    )
    said = (
        _t("黎乙", "guest", "石门镇实施了乡贤回归工程，邀请他们回乡防止返贫。", 10),
        _t("黎乙", "guest", "我们镇建立了防止返贫监测机制。", 20),
    )
    scores = score_matrix(asked, said, guests)
    plain = score_matrix(asked, said, guests, Settings(scope_weight=0.0))
    # the town's head opening on the town answers the county's question less well...
    assert scores[0, 0] < plain[0, 0]
    # ... but not when the question names the town, nor when the answer opens on nothing of it
    assert scores[1, 0] == plain[1, 0] and scores[0, 1] == plain[0, 1]


def test_where_and_when_a_question_is_set_is_no_topic() -> None:
    from reconstruct.align import score_matrix

    asked = (_t("主持人", "host", "今年以来，全县空气质量怎么样？", 1), _t("主持人", "host", "怎样发动群众植树？", 2))
    said = (_t("王甲", "guest", "今年全县有三万人次参加义务植树。", 10), _t("王甲", "guest", "细颗粒物浓度同比下降。", 20))
    quiet = Settings(cue_weight=0.0, order_weight=0.0)
    framed = score_matrix(asked, said, settings=quiet)
    plain = score_matrix(asked, said, settings=Settings(cue_weight=0.0, order_weight=0.0, frame_words="(?!)"))
    # "今年", "全县" shared with the status question no longer pull the planting answer to it
    assert framed[0, 0] < plain[0, 0]


def test_the_frame_noun_of_a_point_of_view_says_nothing() -> None:
    # "从种的环节看": the point of view is 种; 环节 names no answer's topic
    scores = _scores(
        "从种的环节看，农民种粮的积极性怎么调动？",
        "我们从收获、储存各个环节抓起，机收环节开展培训。",
        "种粮要有钱赚，农民才愿意种。",
    )
    assert scores[1] > scores[0]


def test_a_question_asking_for_one_sentence_takes_the_one_sentence_answers() -> None:
    order = _order(
        (Guest("王甲", "县发展和改革局局长", "guest-1"), Guest("李乙", "收储公司总经理", "guest-2")),
        ("农民种粮的积极性怎么调动？", "最后请两位各用一句话，谈谈对粮食安全的理解。"),
        (
            ("王甲", "种粮要有钱赚，农民才愿意种。县里落实各项补贴，去年发放到户两亿元。"),
            ("李乙", "守好粮仓，让每一粒粮食都经得起检验。"),
            ("李乙", "我们公司跟种粮大户签了订单。约定品种和收购价格，让粮食安全有保障。"),
            ("王甲", "粮食安全是国之大者，饭碗要端在自己手中。"),
        ),
    )
    assert order.index("守好粮仓"[:4]) > order.index("最后请两"[:4])
    assert order.index("粮食安全") > order.index("最后请两")
    assert order.index("我们公司") < order.index("最后请两")


def test_question_type_cues_of_motivation_fields_and_beginnings() -> None:
    import re

    cues = [(re.compile(a), re.compile(b)) for a, b in Settings().cues]

    def hit(question: str, opening: str) -> bool:
        return any(a.search(question) and b.search(opening) for a, b in cues)

    # how people are got to want to: what they gain
    assert hit("农民种粮的积极性怎么调动？", "种粮要有钱赚，农民才愿意种。")
    # what else, in which fields: a field named first
    assert hit("除了防灾减灾，气象服务在其他方面还有哪些作为？", "农业是大头。杨梅、紫菜都对天气很敏感。")
    assert hit("除了防灾减灾，气象服务在其他方面还有哪些作为？", "海上也是一块。我们每天推送海区风浪预报。")
    # how it was started: its cause
    assert hit("档案进校园是怎么做起来的？", "起因是一次偶然。前年有位老师来查资料。")
    # what it has to build on: what it has now; what was hard: the hardest
    assert hit("园区在产业方面的家底怎么样？", "截至目前，园区拥有规上企业80家。")
    assert hit("企业在发展中遇到过哪些困难？", "最难的是前年，订单一下子少了一半。")
    # how what was built is kept up: who manages it
    assert hit("小区改造完成后，如何管好？", "小区太小，物业公司不愿意进，我们就推行片区托管。")
    # mobilising the public: the people who take part
    assert hit("在这方面怎样发动群众？", "我们聘请了320名民间河长，他们大多是热心村民。")


def test_a_guest_answering_a_question_twice_moves_whichever_answer_costs_less() -> None:
    # guest y's two answers both fit question 0 best; moving the weaker (1.0) leaves it
    # nowhere good, moving the stronger (1.1) gives it question 1, which it fits (1.0)
    scores = np.array([[0.0, 1.0, 1.1], [0.5, 0.0, 1.0]])
    assert solve(scores, ["x", "y", "y"]) == [(0, 1), (1, 0), (1, 2)]


def test_a_contrast_with_another_streets_answer_follows_it_though_no_words_are_shared() -> None:
    from reconstruct.align import _follow_on

    guests = (Guest("王甲", "某区东岳街道党工委书记"), Guest("李乙", "某区西岳街道党工委书记"),
              Guest("张丙", "某养老服务有限公司总经理"))
    answers = (
        _t("王甲", "guest", "我们做过一次入户调查，老人排在第一位的需求就是吃饭。", 10),
        _t("李乙", "guest", "西岳街道的情况有些不同，失能老人比较多，我们联合专业机构开设了照护床位。", 20),
        _t("张丙", "guest", "公司的护工都受过培训。", 30),
    )
    scores = np.array([[1.0, 0.1, 0.1], [0.1, 0.6, 1.0]])
    how = (["王甲", "李乙", "张丙"], [0.55, 0.05])
    first = solve(scores, *how)
    assert (1, 1) in first
    assert _follow_on(scores, first, answers, Settings(), guests)
    assert (0, 1) in solve(scores, *how)


def test_a_question_of_what_people_need_is_answered_by_how_they_were_asked() -> None:
    import re

    cues = [(re.compile(a), re.compile(b)) for a, b in Settings().cues]
    assert any(a.search("居民最需要的是什么？") and b.search("我们做过一次入户调查，大家最盼的是停车位。")
               for a, b in cues)
    # ... or by what they found people need
    assert any(a.search("居民最需要的是什么？") and b.search("关键是要摸清居民的需求，缺什么补什么。")
               for a, b in cues)


def test_the_words_by_which_an_answer_turns_to_others_do_not_match_a_question() -> None:
    # "两个社区的做法说明…" sums up the answers before it: its 做法 is theirs, not the
    # question's "有什么好的做法"
    from reconstruct.align import score_matrix

    asked = (_t("主持人", "host", "在这方面，社区有什么好的做法？", 1),)
    said = (_t("王甲", "guest", "两个社区的做法说明，关键是要摸清居民的需求。", 10),
            _t("李乙", "guest", "我们成立了志愿服务队，老人互帮互助。", 20))
    never = Settings(follow_on_cue=r"(?!)")  # no answer turns to another
    assert score_matrix(asked, said)[0, 0] < score_matrix(asked, said, (), never)[0, 0] - 0.5


def test_a_question_to_several_heads_takes_the_answer_opening_on_its_own_part() -> None:
    from reconstruct.align import score_matrix

    guests = (Guest("王甲", "某区东岳街道党工委书记"), Guest("李乙", "某区西岳街道党工委书记"))
    asked = (_t("主持人", "host", "两个街道各自有什么做法？", 1),)
    said = (_t("王甲", "guest", "东岳街道的老人多，我们建了食堂。", 10),
            _t("王甲", "guest", "我们建了食堂，东岳街道的老人多。", 20))
    row = score_matrix(asked, said, guests)[0]
    assert row[0] > row[1] + 0.2


def test_a_questions_box_read_in_among_the_answers_anchors_nothing_its_words_deny() -> None:
    # four questions set apart in a list; one box of it came out before an after-school
    # answer, which shares nothing with that question and plainly answers another
    from reconstruct.align import _trusted

    fit = np.array([[1.9, 0.03, 0.2], [0.2, 1.06, 0.1], [0.1, 0.2, 1.5], [0.1, 0.1, 0.1]])
    stray = [(0, 1, 2.0)]
    assert _trusted(stray, fit, Settings(), questions=4) == []
    # an inline page, whose every question comes before its answer, keeps it
    assert _trusted(stray, fit, Settings(), questions=2) == stray


def test_default_settings_made_once_equal_fresh_defaults():
    """The pipeline and the aligner build their defaults once (frozen), not per call: they
    are the defaults a fresh Settings() gives."""
    from reconstruct import align, pipeline

    assert align._DEFAULT_SETTINGS == Settings()
    assert pipeline._DEFAULT_SETTINGS == Settings()


def test_a_closing_question_takes_the_answer_that_speaks_of_plans() -> None:
    # "最后…" closes the interview: the answer that sets out a plan further on ("我们计划…")
    # is its answer, though printed first and sharing no word with it
    assert _order(
        (Guest("王甲", "某市档案馆馆长", "guest-1"),),
        ("修复人才好找吗？", "最后，馆里最想做的一件事是什么？"),
        (("王甲", "建一个共享平台。眼下数据还没有打通，我们计划用两年时间打通。"),
         ("王甲", "不容易，和高校合作办班培养。")),
    ) == ["修复人才", "不容易，", "最后，馆", "建一个共"]


def test_anchors_weigh_less_when_the_words_deny_a_good_share_of_them() -> None:
    from reconstruct.align import _trusted

    s = Settings()
    anchors = [(k, k, s.anchor_weight) for k in range(5)]
    fit = np.eye(5)
    # every answer fits its own anchor's question best: the anchors stand
    assert [w for _, _, w in _trusted(anchors, fit, s, 5)] == [s.anchor_weight] * 5
    # two of five answers fit another question better (by less than an anchor): all weigh less
    fit[1, 0] = fit[0, 1] = 1.5
    assert [w for _, _, w in _trusted(anchors, fit, s, 5)] == [s.anchor_weight * s.denied_anchor_weight] * 5
    # one alone is no sign
    fit[0, 1] = 0.0
    assert [w for _, _, w in _trusted(anchors, fit, s, 5)] == [s.anchor_weight] * 5


def test_a_yes_no_question_takes_the_answer_that_opens_with_yes_or_no() -> None:
    # "…好找吗？" is answered "不好找。": the opening decides where no word is shared
    assert _order(
        (Guest("王甲", "某市档案馆馆长", "guest-1"),),
        ("馆里这些年来了哪些人？", "修复师这个职业人才好找吗？"),
        (("王甲", "不容易。我们和高校合作办了培养班。"),
         ("王甲", "以前多数是老职工，现在年轻人多了。")),
    ) == ["馆里这些", "以前多数", "修复师这", "不容易。"]


def test_yes_no_questions_are_told_from_requests() -> None:
    import re

    asks = re.compile(Settings().yes_no_question)
    for q in ("人才好找吗？", "会不会被挡在门外？", "去远洋是不是一条出路？", "他们能交公积金吗？"):
        assert asks.search(q), q
    for q in ("两位院长能否分别谈一谈？", "有什么经验吗？", "怎么看这个问题？"):
        assert not asks.search(q), q


def test_a_guest_is_addressed_when_asked_to_speak_or_called_by_a_chiefs_post() -> None:
    from reconstruct.align import _addressed

    court = Guest("邵景和", "某区人民法院党组书记、院长", "guest-1")
    firm = Guest("阎秋实", "某粮食收储有限公司党支部书记、总经理", "guest-2")
    assert _addressed("请邵院长谈谈，下一步还准备做什么？", court, 5)
    assert _addressed("最后邵院长谈一谈下一步的打算。", court, 5)
    assert _addressed("阎总，收储公司旺季最怕什么？", firm, 5)
    assert not _addressed("像邵院长这样的法官还有很多吗？", court, 5)
    assert not _addressed("总的来看，阎秋实怎么看？", firm, 5)


def test_another_guests_answer_after_a_question_put_to_one_guest_is_no_anchor() -> None:
    from reconstruct.align import _anchors

    iv = Interview(
        guests=(Guest("路长征", "某环保科技有限公司董事长", "guest-1"), Guest("商卫东", "某市某局局长", "guest-2")),
        anchored=((0, 0), (1, 1)),
        questions=(_t("主持人", "host", "路董事长，您为什么选择环保？", 1), _t("主持人", "host", "政府能提供哪些支持？", 5)),
        answers=(_t("商卫东", "guest", "我们建了孵化基地。", 2), _t("路长征", "guest", "我当过工程兵。", 6)),
    )
    s = Settings()
    assert [(q, a) for q, a, _ in _anchors(iv, [s.extra_answer_cost] * 2, s)] == [(1, 1)]


def test_an_answer_by_another_guest_scores_less_under_a_question_put_to_one() -> None:
    from reconstruct.align import score_matrix

    guests = (Guest("滕素梅", "某街道党工委书记", "guest-1"), Guest("窦一鸣", "某市大数据局局长", "guest-2"))
    asked = (_t("主持人", "host", "滕书记，数字化给基层带来了什么？", 1),)
    said = (_t("滕素梅", "guest", "最大的变化是减负了。", 10), _t("窦一鸣", "guest", "最大的变化是减负了。", 20))
    s = Settings()
    row = score_matrix(asked, said, guests, s)[0]
    plain = score_matrix(asked, said, guests, Settings(addressed_other_cost=0.0))[0]
    # the addressed guest's answer as it was; the other guest's, less by the cost
    assert row[0] == plain[0] and s.addressed_other_cost > 0
    assert abs(plain[1] - row[1] - s.addressed_other_cost) < 1e-9


def test_a_question_of_who_takes_the_answer_that_lists_kinds_of_people() -> None:
    # "都是些什么人？" is answered "有退休法官、律师…": printed first, it is still the second's
    assert _order(
        (Guest("聂甲", "某区法院立案庭庭长", "guest-1"),),
        ("这项工作具体是怎么运作的？", "特邀调解员都是些什么人？"),
        (("聂甲", "有退休法官、律师，也有行业组织的专业人员。"),
         ("聂甲", "当事人来立案时，我们先进行引导。")),
    ) == ["这项工作", "当事人来", "特邀调解", "有退休法"]
