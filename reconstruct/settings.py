"""One frozen settings object, validated once and passed down; no module-level mutable state."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Settings:
    # --- labels -------------------------------------------------------------------------
    # How hosts are labelled in Chinese interviews; a label is "X：" at a line start.
    host_labels: tuple[str, ...] = ("主持人", "记者", "采访组", "本报记者", "问")
    # Labels that open the guest roster.
    roster_labels: tuple[str, ...] = (
        "访谈嘉宾", "嘉宾", "对话嘉宾", "访谈对象", "本期嘉宾", "做客嘉宾", "参加访谈嘉宾",
    )
    # Lead fields an interview may open with; kept as lead paragraphs.
    field_labels: tuple[str, ...] = (
        "采访对象", "采访时间", "采访日期", "采访地点", "人物简介", "嘉宾简介",
    )
    # Editor's note labels; a vertical label may come out reversed or rotated.
    note_labels: tuple[str, ...] = (
        "开栏语", "编者按", "编者的话", "记者手记", "短评", "相关链接", "采访手记", "编后",
    )
    # How news items open; an article starts at a line beginning with one of these.
    article_openers: tuple[str, ...] = ("本报讯", "本报消息", "据新华社", "新华社")

    # --- layout ------------------------------------------------------------------------
    # A paragraph's first line lost a two-unit indent; widths wobble by about half a unit
    # with punctuation squeezing and half-width runs, so 1.5 units short counts as indented.
    indent_shortfall: float = 1.5
    # A line ending a sentence and this much short of its column ends its paragraph.
    short_line_shortfall: float = 1.5
    # A line this many times wider than the lines after it is not part of their box
    # (an unwrapped question or headline glued to a wrapped block).
    wide_line_ratio: float = 1.6
    # Headlines are single lines of at most this many display units.
    max_headline_width: float = 48.0
    # Guest names are 2–4 characters (a middle dot allowed for minority names).
    max_name_length: int = 4

    # --- alignment -----------------------------------------------------------------------
    # Weight of a question naming a guest's own organisation (a phrase only their title has).
    entity_weight: float = 1.0
    # Weight of TF-IDF cosine between question and answer (jieba words + character bigrams).
    lexical_weight: float = 2.0
    # The answer's opening echoes the question most; its first paragraph counts this much more.
    opening_weight: float = 1.0
    # Question types and the way answers open to them: (question pattern, answer-opening
    # pattern). A plan question is answered with what "will" be done, a status question
    # with what has been done, a question of meaning with a judgement.
    cues: tuple[tuple[str, str], ...] = (
        (r"下一步|接下来|今后|未来|将如何|如何做|怎么做|打算|计划|安排|举措|怎样推进",
         r"下一步|接下来|今后|未来|将[^来]|计划|打算|一是|重点"),
        (r"基础|优势|底气|成效|成绩|进展|现状|情况|亮点|变化|做了哪些|取得",
         r"近年来|目前|截至|已经|已[^经]|去年|以来|形成了|拥有|累计|基础|优势"),
        (r"理解|意义|怎么看|如何看|认识|为什么|为何",
         r"意义|理解|认为|体现|既|是.{0,12}的|看来|之所以|因为"),
        (r"资金|投入|钱|经费|融资|补贴",
         r"资金|投入|亿元|万元|经费|融资|补贴|财政"),
        (r"难点|困难|问题|挑战|短板|瓶颈",
         r"难点|困难|问题|挑战|短板|瓶颈|不足"),
    )
    # Characters at the start of an answer in which its cue is looked for.
    cue_window: int = 60
    # Weight of a matching cue: enough to decide between two answers of the same guest
    # whose words overlap the question alike, not enough to outvote a named organisation.
    cue_weight: float = 0.3
    # Margins (in score units) above which a pairing is called high / medium confidence.
    high_margin: float = 0.25
    medium_margin: float = 0.08

    # --- batch --------------------------------------------------------------------------
    # Pages above this many bytes are refused (a page is a few tens of KB).
    max_input_bytes: int = 50_000_000
    jobs: int = 1

    def __post_init__(self) -> None:
        if self.indent_shortfall <= 0 or self.short_line_shortfall <= 0:
            raise ValueError("shortfalls must be positive")
        if self.wide_line_ratio <= 1:
            raise ValueError("wide_line_ratio must exceed 1")
        if not 0 <= self.medium_margin <= self.high_margin:
            raise ValueError("need 0 <= medium_margin <= high_margin")
        if self.max_input_bytes <= 0 or self.jobs < 1:
            raise ValueError("max_input_bytes and jobs must be positive")
        if not self.host_labels:
            raise ValueError("at least one host label is needed")
