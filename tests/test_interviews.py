"""Pages that print two interviews come out as two documents."""

from conftest import page

from reconstruct import reconstruct_page

TWO = """
甲镇发展茶产业
——乡村访谈之一

访谈嘉宾：
甲镇党委书记 王一

主持人：甲镇的茶园有多大？

王一：甲镇茶园面积已有两万亩，带动农户增收。

乙区推进老旧小区改造
——城市访谈之二

访谈嘉宾：
乙区住建委主任 李二

主持人：乙区今年改造了多少老旧小区？

李二：乙区今年改造老旧小区八十个，加装电梯一百部。
"""


def test_two_rosters_with_different_guests_make_two_interviews() -> None:
    result = reconstruct_page(page(TWO))
    assert [(iv.title, [g.name for g in iv.guests]) for iv in result.interviews] == [
        ("甲镇发展茶产业", ["王一"]), ("乙区推进老旧小区改造", ["李二"]),
    ]
    first, second = result.interviews
    assert [t.text for t in first.turns] == ["甲镇的茶园有多大？", "甲镇茶园面积已有两万亩，带动农户增收。"]
    assert second.turns[0].text.startswith("乙区今年改造了多少")


def test_one_roster_keeps_one_interview() -> None:
    one = TWO.split("乙区推进")[0]
    assert len(reconstruct_page(page(one)).interviews) == 1


def test_a_roster_named_again_in_the_lead_is_still_one_interviews_cast() -> None:
    # the second interview's lead names its guests once more ("本期访谈嘉宾：…"): the same
    # cast, not a third roster overlapping the second
    again = TWO.replace(
        "乙区推进老旧小区改造\n——城市访谈之二\n",
        "乙区推进老旧小区改造\n——城市访谈之二\n\n本期访谈嘉宾：乙区住建委主任李二。\n",
    )
    result = reconstruct_page(page(again))
    assert [[g.name for g in iv.guests] for iv in result.interviews] == [["王一"], ["李二"]]


def test_rosters_overlapping_in_part_keep_one_interview() -> None:
    overlap = TWO.replace("乙区住建委主任 李二", "乙区住建委主任 李二\n甲镇党委书记 王一")
    assert len(reconstruct_page(page(overlap)).interviews) == 1


def test_a_question_sharing_no_words_goes_with_its_hosts_label() -> None:
    # the first interview's host is 主持人, the second's 记者: "下一步有哪些打算？" shares
    # its only words with the second's answer, yet goes with the other 主持人 questions
    labelled = TWO.replace(
        "加装电梯一百部。", "下一步还将加装电梯一百部。"
    ).replace(
        "王一：甲镇茶园面积已有两万亩，带动农户增收。\n",
        "王一：甲镇茶园面积已有两万亩，带动农户增收。\n\n主持人：下一步有哪些打算？\n\n"
        "王一：我们将继续扩大茶园，打响甲镇茶叶品牌。\n",
    ).replace("主持人：乙区今年", "记者：乙区今年")
    first, second = reconstruct_page(page(labelled)).interviews
    assert [t.text for t in first.turns if t.role == "host"] == ["甲镇的茶园有多大？", "下一步有哪些打算？"]
    assert [t.speaker for t in second.turns if t.role == "host"] == ["记者"]
