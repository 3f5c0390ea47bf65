"""Stage 3 — classify: decide what each block is from layout and language signals."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from .blocks import LABEL, PUNCT, SUBTITLE_DASHES, column_width, line_width, match_note_label, wrapped_heading
from .furniture import NAME, POST, parse_byline
from .lexicon import join_gain, word_across, word_frequency
from .model import Block, Kind, Line
from .repair import continues_open, display_width, ends_sentence, strip_spaces, unspaced
from .settings import Settings

__all__ = ["classify_blocks", "find_speakers", "match_note_label", "parse_byline"]

log = logging.getLogger(__name__)

# Common Chinese surnames (single and compound): a speaker label "姓名：" starts with one.
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周阎徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
) | frozenset("欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 独孤".split())


def _has_surname(name: str) -> bool:
    return name[:1] in _SURNAMES or name[:2] in _SURNAMES


# Words that are followed by a colon at a line start but are not speakers.
_NOT_SPEAKERS = frozenset(
    "本期主题 主题 地址 电话 时间 地点 备注 注 图 图为 摄影 来源 链接 责任编辑 编辑 校对 版式 "
    "美编 特别提示 提示 目标 任务 举措 数据 例如 比如 其中 一是 二是 三是 四是 首先 其次 最后 "
    "总之 第一 第二 第三 结论 问题 答 原因".split()
)


def classify_blocks(blocks: Sequence[Block], settings: Settings | None = None) -> tuple[Block, ...]:
    """Give every block a :class:`Kind` (and its speaker or canonical label)."""
    settings = settings or Settings()
    speakers = find_speakers(blocks, settings)
    out = [_classify(b, speakers, settings) for b in blocks]
    out = [part for b in out for part in _question_end_atop(b, settings)]
    out = _vertical_labels(out, settings)
    for k in range(len(out)):  # each entry seen after the one before it was recognised
        heads_news = k + 1 < len(out) and out[k + 1].kind is Kind.ARTICLE
        if heads_news and _news_heading(out[k], settings):
            out[k] = _as(out[k], kind=Kind.HEADLINE)
        named = k + 1 < len(out) and _block_text(out[k + 1]).replace(" ", "") in speakers
        out[k] = _roster_entry(out[k], out[k - 1] if k else None, speakers, heads_news, settings, named)
    numbers = sorted(x.number for b in out for x in b.lines)
    after = dict(zip(numbers, numbers[1:]))  # each printed line's next one in line order
    out = _unlabelled_questions(out, speakers, settings)
    out = [part for b in out for part in _moved_after_question(b, after)]
    out = _question_asked_after(out, after, settings)
    out = _dealt_apart(out, after, settings)
    out = _question_box_ends(out, settings)
    out = _ends_of_a_row_pair(out, after)
    out = [part for b in out for part in _roster_atop_question(b, speakers)]
    out = [part for b in out for part in _roster_in_question(b, speakers)]
    out = _question_end_in_roster(out, after, speakers)
    out = _stray_enumeration_lines(out, after)
    for b in out:
        if b.kind is not Kind.TEXT:
            log.debug("lines %d-%d: %s %s", b.first, b.last, b.kind.value, b.speaker or b.label or "")
    return tuple(out)


def _first_text(block: Block) -> str:
    return strip_spaces(block.lines[0].text)


def _block_text(block: Block) -> str:
    return "".join(strip_spaces(x.text) for x in block.lines)


def find_speakers(blocks: Sequence[Block], settings: Settings) -> frozenset[str]:
    """Guest names: labels "姓名：" at a block start that are not host, roster or field labels.

    A label counts when the page confirms it elsewhere (the name appears outside its labels,
    in text that is not prose, as in a roster) or it labels two or more turns, or — on a page with host questions — it
    starts with a common surname; but a common word that labels one turn only is a wrapped
    line's first word, not a name.
    """
    labels: Counter[str] = Counter()
    run_in: Counter[str] = Counter()
    has_host = False
    for k, b in enumerate(blocks):
        m = LABEL.match(_first_text(b))
        if not m:
            continue
        name = m.group(1)
        if name in settings.host_labels:
            has_host = True
        elif _is_name_label(name, settings):
            labels[name] += 1
            run_in[name] += k > 0 and _runs_into(blocks[k - 1], b, name)
    if has_host:
        labels.update(m.group(1) for b in blocks if (m := LABEL.match(_first_text(b)))
                      and m.group(1) in settings.answer_labels)
    if not labels:
        return frozenset()
    # where a name is confirmed: text that is not running prose (a roster, a byline, a
    # caption), so that a word of the prose wrapped before a colon is not taken for a name
    plain = [t for t in map(_block_text, blocks) if "。" not in t]
    found = set()
    for name, count in labels.items():
        if count < 2 and word_frequency(name) >= settings.common_word_frequency:
            continue  # a common word wrapped to a line start before a colon ("方面：一是…")
        if run_in[name] == count:
            continue  # every time, the end of a word broken at the column ("三|项工作：一是…")
        outside = sum(t.count(name) - t.startswith((name + "：", name + ":")) for t in plain)
        if count >= 2 or outside > 0 or (has_host and (_has_surname(name) or "·" in name)):
            found.add(name)
    return frozenset(found)


def _runs_into(before: Block, block: Block, name: str) -> bool:
    """Does the block carry on the sentence of the line printed right before it (no blank
    line between), a dictionary word running across the join into the would-be label
    ("…抓好三" + "项工作：…" is 三项)?"""
    last = before.lines[-1]
    if last.number + 1 != block.first or ends_sentence(last.text):
        return False
    return word_across(unspaced(last.text), name)


def _is_name_label(name: str, settings: Settings) -> bool:
    if name in _NOT_SPEAKERS or name in settings.field_labels or name in settings.note_labels:
        return False
    if any(name.endswith(r) for r in settings.roster_labels):
        return False
    return bool(NAME.match(name)) and len(name.replace("·", "")) <= settings.max_name_length + 2


def _as(block: Block, kind: Kind, speaker: str | None = None, label: str | None = None) -> Block:
    """``dataclasses.replace(block, kind=…, speaker=…, label=…)`` (what is not given is
    kept), without replace's look at the fields: every block of a page passes here."""
    return Block(block.lines, block.width, kind,
                 block.speaker if speaker is None else speaker, block.label if label is None else label)


def _classify(block: Block, speakers: frozenset[str], settings: Settings) -> Block:
    first = _first_text(block)
    m = LABEL.match(first)
    if m:
        label = m.group(1)
        if label in settings.host_labels:
            return _as(block, kind=Kind.QUESTION, speaker=label)
        if label in speakers:
            return _as(block, kind=Kind.ANSWER, speaker=label)
        if any(label.endswith(r) for r in settings.roster_labels):
            return _as(block, kind=Kind.ROSTER, label=label)
        if label in settings.field_labels:
            return _as(block, kind=Kind.FIELD, label=label)
        note = match_note_label(label, settings)
        if note:
            return _as(block, kind=Kind.NOTE_LABEL, label=note)
    if first.startswith(settings.article_openers):
        return _as(block, kind=Kind.ARTICLE)
    if first.startswith(SUBTITLE_DASHES) and len(block.lines) <= 2:
        return _as(block, kind=Kind.SUBTITLE)
    if len(block.lines) == 1:
        raw = block.lines[0].text
        if parse_byline(raw):
            return _as(block, kind=Kind.BYLINE)
        note = match_note_label(raw, settings)
        if note:
            return _as(block, kind=Kind.NOTE_LABEL, label=note)
        if _looks_like_headline(first, settings):
            return _as(block, kind=Kind.HEADLINE)
    elif wrapped_heading(block.lines) and _looks_like_headline(_block_text(block), settings):
        return _as(block, kind=Kind.HEADLINE)  # a headline wrapped over two lines
    return block




def _roster_entry(
    block: Block, prev: Block | None, speakers: frozenset[str], heads_news: bool = False,
    settings: Settings | None = None, named: bool = False,
) -> Block:
    """A roster entry printed away from its label: unlabelled lines with no sentence
    punctuation that hold guests' names (or a name's first characters, where it broke
    across lines) each after a post, a title without its name (set apart from it; but not
    right above a news item, which it heads: "扎根基层三十年的村支部书记" / "本报讯…"), or a
    guest's name alone — unless they carry on a sentence the block before left open (a
    name alone never does, nor a title right above a guest's name alone, ``named``: a
    roster's box printed in the middle of a column's text)."""
    settings = settings or Settings()
    if block.kind not in (Kind.TEXT, Kind.HEADLINE) or not speakers:
        return block
    text = _block_text(block).replace(" ", "")
    if any(p in text for p in "。！？；"):
        return block
    if text in speakers:
        return _as(block, kind=Kind.ROSTER)
    if prev is not None and prev.kind is not Kind.ROSTER and _open_sentence(prev, settings) and not (
        named and _TITLE_END.search(text)
    ):
        return block
    entries = sum(text.count(n) for n in speakers) + _ends_in_name(block, speakers)
    lines = len(block.lines)
    chars, most = settings.roster_entry_chars, settings.roster_entry_lines
    if entries and POST.search(text) and len(text) <= chars * entries and lines <= most * entries:
        return _as(block, kind=Kind.ROSTER)
    if (
        not entries and not heads_news and _TITLE_END.search(text)
        and len(text) <= chars and lines <= settings.roster_title_lines
    ):
        return _as(block, kind=Kind.ROSTER)
    return block


def _open_sentence(block: Block, settings: Settings) -> bool:
    """Does the block leave a sentence open? A few characters alone (a name's or a
    headline's wrapped end, "立华") are no sentence."""
    return (
        not ends_sentence(block.lines[-1].text)
        and len(_block_text(block).replace(" ", "")) > settings.open_sentence_chars
    )


# A title ends with its post (…局长, …主任, …董事长), a headline seldom does.
_TITLE_END = re.compile(
    r"(?:书记|主任|[局院校所队站馆部社行厅处科会]长|经理|主席|委员|负责人|总监|教授|代表|总裁|创始人"
    r"|执行官|教练员|研究员|工程师)$"
)


def _ends_in_name(block: Block, speakers: frozenset[str]) -> bool:
    """Does the block end with a guest's name broken off after its first characters (the
    last word of "…总院院长 彭振" or "…副局长宋雅")?"""
    last = block.lines[-1].text.split()
    word = last[-1] if last else ""
    text = _block_text(block).replace(" ", "")
    return any(
        (len(last) > 1 and word == n[:k]) or (k >= 2 and text.endswith(n[:k]))
        for n in speakers for k in range(1, len(n))
    )


def _news_heading(block: Block, settings: Settings) -> bool:
    """A news item's headline wrapped over a narrow column ("澄江新区举办高" / "校毕业生专场招"
    / "聘会"), right above its opener (本报讯…): a few lines with no punctuation at all,
    short enough for a headline. Running text of that many lines always carries some."""
    if block.kind is not Kind.TEXT or not 2 <= len(block.lines) <= settings.news_heading_lines:
        return False
    text = _block_text(block).replace(" ", "")
    return (
        not any(PUNCT.search(x.text) for x in block.lines)
        and _looks_like_headline(text, settings)
    )


def _looks_like_headline(text: str, settings: Settings) -> bool:
    if ends_sentence(text) or any(p in text for p in "，。；：") or text.endswith(("、", "“", "（")):
        return False
    return 4 <= display_width(text) <= settings.max_headline_width * 2


def _vertical_labels(blocks: list[Block], settings: Settings) -> list[Block]:
    """A vertical label extracted one character per line: merge the run and recognise it."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        j = i
        chars = ""
        while j < len(blocks) and blocks[j].kind in (Kind.TEXT, Kind.HEADLINE) and all(
            len(strip_spaces(x.text)) == 1 for x in blocks[j].lines
        ):
            chars += _block_text(blocks[j])
            j += 1
        label = match_note_label(chars, settings) if j > i else None
        if label:
            lines = tuple(x for b in blocks[i:j] for x in b.lines)
            out.append(Block(lines=lines, width=1.0, kind=Kind.NOTE_LABEL, label=label))
            i = j
        else:
            out.append(blocks[i])
            i += 1
    return out


def _unlabelled_questions(blocks: list[Block], speakers: frozenset[str], settings: Settings) -> list[Block]:
    """Questions printed without the host's label, in a box or a sidebar of their own: on a
    page whose guests answer under their labels and where no block is a labelled question,
    running text made only of questions (each ending with a question mark at a line end,
    each short) is the host's, a question a block — when the page holds a list of them. A
    question may run on over the next blocks in mid-sentence (an extractor that breaks a
    narrow box's every line apart), and a line with no punctuation after the last question
    mark is a heading printed below the box, set apart as a block of its own."""
    if not speakers or any(b.kind is Kind.QUESTION for b in blocks):
        return blocks
    found: dict[int, _Run] = {}  # first block -> (block after, lines kept before, questions, heading after)
    k = 0
    while k < len(blocks):
        got = _question_run(blocks, k, speakers, settings)
        if got:
            found[k] = got
            k = got[0]
        else:
            k += 1
    if sum(len(got[2]) for got in found.values()) < settings.unlabelled_questions_min:
        return blocks
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        if k not in found:
            out += _question_moved_on(blocks[k], settings)
            k += 1
            continue
        end, head, pieces, rest = found[k]
        if head:  # a roster's lines atop the questions
            b = blocks[k]
            out.append(Block(head, column_width(head), Kind.ROSTER, b.speaker, b.label))
        for piece in pieces:
            log.debug("lines %d-%d: a question printed without its label", piece[0].number, piece[-1].number)
            out.append(Block(lines=piece, width=column_width(piece), kind=Kind.QUESTION))
        if rest:
            out.append(_classify(Block(lines=rest, width=column_width(rest)), speakers, settings))
        k = end
    return out


# What a roster's entry never holds (its post may list titles with 、).
_NOT_IN_ENTRY = "，。！？；：,.;:!?"


def _roster_atop(lines: Sequence[Line], speakers: frozenset[str]) -> int:
    """How many of the first ``lines`` are a roster's entry printed right above a question
    (the roster's box atop the box of questions, read as one): lines with no sentence
    punctuation, the last of them ending with a guest's name, after a post ("…公司" /
    "董事长 某某") or alone on its line; 0 when there is none, or nothing after it."""
    texts = [unspaced(x.text) for x in lines]
    top = 0
    for i, t in enumerate(texts[:-1]):
        if not t or any(p in t for p in _NOT_IN_ENTRY):
            break
        if any(t.endswith(n) for n in speakers):
            top = i + 1
    if top and (texts[top - 1] in speakers or POST.search("".join(texts[:top]))):
        return top
    return 0


def _roster_atop_question(block: Block, speakers: frozenset[str]) -> list[Block]:
    """A question without its label whose first lines are a roster's entry
    (:func:`_roster_atop`): the entry, a roster block, then the question."""
    if block.kind is not Kind.QUESTION or block.speaker or not speakers:
        return [block]
    top = _roster_atop(block.lines, speakers)
    if not top:
        return [block]
    head, rest = block.lines[:top], block.lines[top:]
    return [Block(head, column_width(head), Kind.ROSTER),
            _with_lines(block, rest)]


def _roster_in_question(block: Block, speakers: frozenset[str]) -> list[Block]:
    """A roster's entry the extractor read into a question's lines (the roster's box
    printed beside the question's): a line after the first with no sentence punctuation
    that names a guest after a post ("…总院院长 某某"), or holds the post with the name
    alone on the next line, comes out of the question, a roster block of its own after it."""
    if block.kind is not Kind.QUESTION or len(block.lines) < 3 or not speakers:
        return [block]
    texts = [x.text.replace(" ", "").strip() for x in block.lines]
    # (an entry has one gap, between post and name; a line of many is columns fused into
    # one, letter-spaced: "局 、 水 利 局 …局长 某某")
    plain = [not any(p in t for p in "，。？！；?") and len(x.text.split()) <= 2 for t, x in zip(texts, block.lines)]
    alone = [t in speakers for t in texts]  # a name on a line of its own
    entries = [
        i for i, t in enumerate(texts)
        if i > 0 and plain[i] and (alone[i] or (POST.search(t) and (
            any(n in t for n in speakers) or (i + 1 < len(texts) and alone[i + 1]))))
    ]
    if not entries or len(entries) == len(block.lines) - 1:
        return [block]
    keep = tuple(x for i, x in enumerate(block.lines) if i not in entries)
    roster = tuple(block.lines[i] for i in entries)
    return [Block(keep, column_width(keep), block.kind, block.speaker, block.label),
            Block(roster, column_width(roster), Kind.ROSTER)]


def _question_end_in_roster(blocks: list[Block], after: dict[int, int], speakers: frozenset[str]) -> list[Block]:
    """A labelled host's turn left open (its last line ends no sentence, nothing in it asks)
    whose end the extractor put in a roster's block (the roster's box printed beside the
    questions'): a line of the roster that opens on a mark only an open sentence goes on
    with ("，…") and asks, names no guest, and is printed right after the turn's last line
    (``after``: each printed line's next) — the turn takes it."""
    open_at = {
        b.last: k for k, b in enumerate(blocks)
        if b.kind is Kind.QUESTION and b.speaker and not ends_sentence(b.lines[-1].text)
        and not any(p in x.text for x in b.lines for p in "？?")
    }
    if not open_at:
        return blocks
    out = list(blocks)
    for j, r in enumerate(blocks):
        if r.kind is not Kind.ROSTER or len(r.lines) < 2:
            continue
        for x in r.lines[1:]:
            text = unspaced(x.text)
            k = next((k for last, k in open_at.items() if after.get(last) == x.number), None)
            if k is None or not continues_open(text) or not _asks(x) or any(n in text for n in speakers):
                continue
            log.debug("line %d: a host's turn's end read into a roster's block", x.number)
            q = out[k]
            out[k] = _with_lines(q, q.lines + (x,))
            rest = tuple(y for y in out[j].lines if y is not x)
            out[j] = _with_lines(out[j], rest)
    return out


def _moved_after_question(block: Block, after: dict[int, int]) -> list[Block]:
    """A labelled question's block that goes on, after its question mark, with lines that
    do not follow on in the page's line order (the extractor put another box's lines
    there: the open end of a question printed beside it; ``after``: each printed line's
    next): those lines are running text of their own, for the question left open to take."""
    if block.kind is not Kind.QUESTION or not block.speaker:
        return [block]
    for i in range(1, len(block.lines)):
        before, line = block.lines[i - 1], block.lines[i]
        if _asks(before) and line.number != after.get(before.number):
            head, rest = block.lines[:i], block.lines[i:]
            return [Block(head, column_width(head), block.kind, block.speaker, block.label),
                    Block(rest, column_width(rest))]
    return [block]


def _question_asked_after(blocks: list[Block], after: dict[int, int], settings: Settings) -> list[Block]:
    """A host's labelled turn that has not asked yet (no question mark in it, its last
    sentence finished: "主持人：就业是最基本的民生。") goes on with the question printed
    right after it in its box: a block of running text that the extractor printed next in
    line order (``after``: each printed line's next), no wider than the turn's lines, one
    sentence ending with a question mark, short enough to be a question — set apart only by
    a line break or a box break of the extractor's."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind is Kind.QUESTION and prev.speaker and b.kind is Kind.TEXT
            and _asks(b.lines[-1]) and b.first == after.get(prev.last)
            and ends_sentence(prev.lines[-1].text)
            and not any(p in x.text for x in prev.lines for p in "？?")
            and _one_question(b, settings)
            and max(line_width(x) for x in b.lines) <= max(line_width(x) for x in prev.lines) + settings.box_width_tolerance
        ):
            log.debug("lines %d-%d: the question of the host's turn before", b.first, b.last)
            lines = prev.lines + b.lines
            out[-1] = _with_lines(prev, lines)
            continue
        out.append(b)
    return out


def _question_end_atop(block: Block, settings: Settings) -> list[Block]:
    """A question's open end that the extractor put atop another box's running text: a
    block's first line or few, the last of them asking and none before it ending a
    sentence, all clearly narrower than the lines of the rest (a narrow question's box
    beside a wide column) — two blocks, so that the question left open can take its end."""
    lines = block.lines
    if block.kind is not Kind.TEXT or len(lines) < 4:
        return [block]
    top = next((i + 1 for i, x in enumerate(lines[: settings.question_end_atop_lines]) if ends_sentence(x.text)), 0)
    if not top or not _asks(lines[top - 1]) or len(lines) - top < 2:
        return [block]
    head, rest = lines[:top], lines[top:]
    narrow = max(line_width(x) for x in head)
    wide = min(line_width(x) for x in rest[:-1])  # (the rest's last line may fall short)
    if narrow > wide * settings.question_end_atop_share:
        return [block]
    log.debug("lines %d-%d: a question's end atop a box of running text", head[0].number, head[-1].number)
    return [Block(head, column_width(head)), Block(rest, column_width(rest))]


def _question_box_ends(blocks: list[Block], settings: Settings) -> list[Block]:
    """A labelled host's turn left open (its last line ends no sentence, nothing in it asks)
    in a box of its own narrower than the columns around it, whose rest the extractor read
    as blocks among the other boxes' (the rows of a narrow box beside wider ones): the next
    blocks of running text no wider than the turn's box, each reading on across the join
    from the line before (a word across it, lexicon.join_gain), up to the one whose last
    line asks, skipping the wider blocks between (the other boxes) — the turn takes them."""
    out = list(blocks)
    tol = settings.question_box_width_tolerance
    for k, q in enumerate(out):
        if (
            q.kind is not Kind.QUESTION or not q.speaker or ends_sentence(q.lines[-1].text)
            or any(p in x.text for x in q.lines for p in "？?")
        ):
            continue
        box = max(line_width(x) for x in q.lines)
        taken: list[int] = []
        last = q.lines[-1]
        done = False
        for j in range(k + 1, min(len(out), k + 1 + settings.question_box_reach)):
            b = out[j]
            wide = max(line_width(x) for x in b.lines)
            if b.kind is Kind.TEXT and wide <= box + tol and _gain((last, b.lines[0])) >= settings.dealt_weak_gain:
                if any(_asks(x) for x in b.lines[:-1]):
                    break
                taken.append(j)
                last = b.lines[-1]
                if _asks(last):
                    done = True
                    break
            elif b.kind in (Kind.QUESTION, Kind.ANSWER) or wide <= box + tol:
                break  # (another turn, or a block of the box's own width that does not read on)
        if not done:
            continue
        log.debug("lines %d-%d: a host's turn takes its box's rest, read among other boxes", q.first, out[taken[-1]].last)
        out[k] = _with_lines(q, q.lines + tuple(x for j in taken for x in out[j].lines))
        for j in reversed(taken):
            out[j] = Block((), 0.0)  # (dropped below)
    return [b for b in out if b.lines]


# What cannot open the line after one ending in an enumeration comma: a particle that only
# follows a word (的 了 着 过 地 得 吗 呢 吧) or a mark that ends or breaks a phrase.
_NOT_AFTER_ENUMERATION = frozenset("的了着过地得吗呢吧，,。.、；;：:？?！!）)")


def _stray_enumeration_lines(blocks: list[Block], after: dict[int, int]) -> list[Block]:
    """A line of a labelled host's turn that ends in an enumeration comma (、) while the turn's
    next line opens with what never follows one (a particle, a mark): a line of the column
    beside, read among the turn's when their lines alternate in print order. It goes to the
    head of the block of running text that starts at the next printed line the turn does not
    hold (where the list goes on), when there is one."""
    out = list(blocks)
    for k, q in enumerate(out):
        if q.kind is not Kind.QUESTION or not q.speaker or len(q.lines) < 3:
            continue
        held = {x.number for x in q.lines}
        for i in range(1, len(q.lines) - 1):
            line, nxt = q.lines[i], unspaced(q.lines[i + 1].text)
            if not unspaced(line.text).endswith("、") or not nxt or nxt[0] not in _NOT_AFTER_ENUMERATION:
                continue
            m = after.get(line.number)
            while m is not None and m in held:
                m = after.get(m)
            j = next((j for j, b in enumerate(out) if j != k and b.kind is Kind.TEXT and b.first == m), None)
            if j is None:
                continue
            log.debug("line %d: a line of the column beside, read among a host's turn", line.number)
            out[k] = _with_lines(q, q.lines[:i] + q.lines[i + 1:])
            out[j] = _with_lines(out[j], (line,) + out[j].lines)
            break
    return out


def _gain(lines: Sequence[Line]) -> float:
    """How much likelier the lines read run together at their joins than broken there."""
    return sum(join_gain(unspaced(a.text), unspaced(b.text)) for a, b in zip(lines, lines[1:]))


def _dealt_apart(blocks: list[Block], after: dict[int, int], settings: Settings) -> list[Block]:
    """Two questions printed side by side that the extractor read row by row, their lines
    alternating, dealt apart again into the two questions:

    - two labelled host's turns in a row, each left open at its end (the first's end is not
      right after it), then the two ends, blocks of running text each ending with a question
      mark, printed next in line order: the first end is the first turn's, the second the
      second's (unless the words read better across the joins as printed);
    - a labelled host's turn of one line, then one of three whose last two ask: the first
      turn's second row and the second's, when the words read better so dealt (…产业基|础…)
      or as well, the first turn left open; or then one of two whose last asks, and a line
      of running text after it that ends a sentence, when the words read better so dealt
      (…对粮|食安全…);
    - a question without its label of an odd number of lines, its last the only one that
      asks, and the next one a line alone: every other line is the first question's, the
      rest the second's, when its words read better across the joins so dealt (…要|素保障…,
      …打|算？) than as printed."""
    out = list(blocks)
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        got = None
        if a.kind is Kind.QUESTION and b.kind is Kind.QUESTION and bool(a.speaker) == bool(b.speaker):
            got = (_open_pair_ends(out, k, after) or _rows_of_labelled_pair(out, k, after, settings)
                   or _rows_of_unlabelled_pair(out, k, settings))
        if got is None:
            k += 1
            continue
        end, parts = got
        log.debug("lines %d-%d: two questions side by side, dealt apart", a.first, out[end - 1].last)
        out[k:end] = parts
        k += 2
    return out


# A dealing of two questions side by side: the index after the blocks it takes, and the
# blocks they become.
_Dealt = tuple[int, list[Block]]


def _open_pair_ends(out: list[Block], k: int, after: dict[int, int]) -> _Dealt | None:
    """Two labelled host's turns at ``k``, each left open, and the two ends printed next (or
    the second's after a whole question between, :func:`_ends_apart`)."""
    a, b = out[k], out[k + 1]
    if not a.speaker or k + 3 >= len(out):
        return None
    c, d = out[k + 2], out[k + 3]
    if (
        not ends_sentence(a.lines[-1].text) and not ends_sentence(b.lines[-1].text)
        and not any(_asks(x) for x in a.lines + b.lines)
        and c.kind is Kind.TEXT and d.kind is Kind.TEXT and _asks(c.lines[-1]) and _asks(d.lines[-1])
        and not any(_asks(x) for x in c.lines[:-1] + d.lines[:-1])
        and c.first == after.get(b.last) and d.first == after.get(c.last)
        and _gain(a.lines + c.lines) + _gain(b.lines + d.lines)
        >= _gain(a.lines[-1:] + b.lines[:1]) + _gain(b.lines + c.lines) + _gain(c.lines[-1:] + d.lines[:1])
    ):
        return k + 4, [_with_lines(a, a.lines + c.lines), _with_lines(b, b.lines + d.lines)]
    j = _ends_apart(out, k, after)
    if not j:
        return None
    d = out[j]
    return j + 1, [_with_lines(a, a.lines + c.lines), _with_lines(b, b.lines + d.lines), *out[k + 3:j]]


def _ends_of_a_row_pair(blocks: list[Block], after: dict[int, int]) -> list[Block]:
    """Two labelled host's turns printed on rows one right after the other (two boxes side
    by side, read row by row; other turns may stand between them in the blocks' order), each
    left open, and one block of running text printed right after the second holding both
    ends (:func:`_ends_in_one_block`): each turn takes its end."""
    out = list(blocks)
    ends = {b.last: i for i, b in enumerate(out) if b.kind is Kind.QUESTION and b.speaker}
    for j in range(2, len(out)):
        b, c = out[j - 1], out[j]
        if c.kind is not Kind.TEXT or b.kind is not Kind.QUESTION or not b.speaker or c.first != after.get(b.last):
            continue
        i = next((i for last, i in ends.items() if i < j - 1 and after.get(last) == b.first), None)
        if i is None or any(_asks(x) for x in out[i].lines + b.lines):
            continue
        got = _ends_in_one_block(out[i], b, c)
        if got:
            log.debug("lines %d-%d: two open turns' ends in one block, dealt apart", c.first, c.last)
            out[i], out[j - 1] = got
            out[j] = Block((), 0.0)
    return [b for b in out if b.lines]


def _ends_in_one_block(a: Block, b: Block, c: Block) -> list[Block] | None:
    """Two labelled host's turns, each left open, and one block of running text printed
    next holding both ends: its lines up to the only one that asks (none ending a sentence
    before it), then the rest, which ends a sentence (a request: "…举措。") — the first end
    the first turn's and the second the second's, unless the words read better across the
    joins crossed."""
    if ends_sentence(a.lines[-1].text) or ends_sentence(b.lines[-1].text) or not ends_sentence(c.lines[-1].text):
        return None
    asks = [i for i, x in enumerate(c.lines) if _asks(x)]
    if len(asks) != 1 or asks[0] + 1 >= len(c.lines) or any(ends_sentence(x.text) for x in c.lines[: asks[0]]):
        return None
    first, second = c.lines[: asks[0] + 1], c.lines[asks[0] + 1:]
    if any(ends_sentence(x.text) for x in second[:-1]):
        return None
    if _gain((a.lines[-1], first[0])) + _gain((b.lines[-1], second[0])) < (
        _gain((a.lines[-1], second[0])) + _gain((b.lines[-1], first[0]))
    ):
        return None
    return [_with_lines(a, a.lines + first), _with_lines(b, b.lines + second)]


def _rows_of_labelled_pair(out: list[Block], k: int, after: dict[int, int], settings: Settings) -> _Dealt | None:
    """A labelled host's turn of one line at ``k``, then the rows of it and the next turn
    side by side: the second's block holding both ends (or the first's, the second's end a
    line of its own printed right after it). With the words no help, the rows' shape may
    tell: the first turn's line fills its box though it asks (its question goes on with a
    second sentence) and so does the second's first, while the line after that, which
    asks, falls short of the box (a question's last line) — read as printed, the second
    turn's last line would then be a paragraph of its own without a label."""
    a, b = out[k], out[k + 1]
    if not (a.speaker and len(a.lines) == 1 and len(b.lines) in (2, 3) and b.first == after.get(a.last)):
        return None
    after_b = out[k + 2] if len(b.lines) == 2 and k + 2 < len(out) else None
    tail = after_b.lines if after_b is not None and after_b.kind is Kind.TEXT and len(after_b.lines) == 1 else ()
    rows: tuple[Line, ...] = a.lines + b.lines + tail
    first, second = rows[0::2], rows[1::2]
    dealt, read = _gain(first) + _gain(second), _gain(b.lines + tail)
    if (
        len(rows) == 4 and not _asks(b.lines[0]) and _asks(rows[2]) and ends_sentence(rows[3].text)
        and (not tail or tail[0].number == after.get(b.last))
        and (_asks(rows[3]) or (tail and dealt > read))
        and (dealt > read or (dealt == read and (
            not ends_sentence(a.lines[0].text) or (not tail and _short_after_full(rows, settings))
        )))
    ):
        return k + (3 if tail else 2), [_with_lines(a, first), _with_lines(b, second)]
    return None


def _short_after_full(rows: Sequence[Line], settings: Settings) -> bool:
    """Do the first two of four rows fill the box, and the third fall short of it?"""
    full = max(line_width(x) for x in rows) - settings.box_width_tolerance
    return min(line_width(x) for x in rows[:2]) >= full and line_width(rows[2]) < full


def _rows_of_unlabelled_pair(out: list[Block], k: int, settings: Settings) -> _Dealt | None:
    """A question without its label at ``k`` of an odd number of lines and a line alone
    after it: every other line is the first question's, when the words read better so dealt
    or, no help from the words, the rows' shape says so."""
    a, b = out[k], out[k + 1]
    if a.speaker or len(a.lines) < 3 or not len(a.lines) % 2 or len(b.lines) != 1:
        return None
    lines = a.lines + b.lines
    first, second = lines[0::2], lines[1::2]
    dealt, read = _gain(first) + _gain(second), _gain(a.lines)
    full = max(line_width(x) for x in a.lines) - settings.box_width_tolerance
    if not any(_asks(x) or ends_sentence(x.text) for x in a.lines[:-1]) and (
        dealt > read or (
            # or, with the words no help (no more than a chance word across a join as
            # printed), when the line alone is a question's end (a box's last line, narrower
            # than a row) after two rows that fill the box
            read < settings.dealt_weak_gain and line_width(b.lines[0]) < full
            and min(line_width(x) for x in a.lines[:2]) >= full
        )
    ):
        return k + 2, [_with_lines(a, first), _with_lines(b, second)]
    return None


def _ends_apart(out: list[Block], k: int, after: dict[int, int]) -> int:
    """Two labelled host's turns in a row at ``k``, each left open, the first's end printed
    right after them and the second's after a whole question or two between (the rows of
    two boxes side by side, the second box longer): the index of the second's end, when
    the words read across the joins better so (…生产|力…, …权|益…) than crossed; else 0."""
    a, b = out[k], out[k + 1]
    if (
        k + 3 >= len(out) or ends_sentence(a.lines[-1].text) or ends_sentence(b.lines[-1].text)
        or any(_asks(x) for x in a.lines + b.lines)
    ):
        return 0
    c = out[k + 2]
    if not _question_end(c) or c.first != after.get(b.last):
        return 0
    j = k + 3
    while j < len(out) and j < k + 5 and out[j].kind is Kind.QUESTION and out[j].speaker and _asks(out[j].lines[-1]):
        j += 1  # (a whole question of the longer box, between)
    if j == k + 3 or j >= len(out) or not _question_end(out[j]):
        return 0
    d = out[j]

    def gain(x: Block, y: Block) -> float:  # across the join of x's last line and y's first
        return _gain((x.lines[-1], y.lines[0]))

    return j if gain(a, c) + gain(b, d) > gain(a, d) + gain(b, c) else 0


def _question_end(block: Block) -> bool:
    """Running text that ends a question: its last line asks, no other line does."""
    return block.kind is Kind.TEXT and _asks(block.lines[-1]) and not any(_asks(x) for x in block.lines[:-1])


def _with_lines(block: Block, lines: tuple[Line, ...]) -> Block:
    return Block(lines, column_width(lines), block.kind, block.speaker, block.label)


def _one_question(block: Block, settings: Settings) -> bool:
    """Is the block one sentence, a question, short enough to be one, with no label?"""
    text = _block_text(block).replace(" ", "")
    return (
        not LABEL.match(text) and not continues_open(text)
        and not any(c in "。！？!?" for c in text[:-1])
        and len(text) <= settings.unlabelled_question_chars
    )


def _question_moved_on(block: Block, settings: Settings) -> list[Block]:
    """A question printed elsewhere that the extractor's lines put at the end of a box of
    running text (an answer's): its last lines after a finished sentence, a question
    short enough to be one, that the extractor did not print right after the line before
    it (a blank line or other lines came between: a box break) — the block without it,
    then the question."""
    if block.kind not in (Kind.TEXT, Kind.ANSWER) or len(block.lines) < 2 or not _asks(block.lines[-1]):
        return [block]
    start = len(block.lines) - 1
    while start > 1 and not ends_sentence(block.lines[start - 1].text):
        start -= 1
    lines, piece = block.lines[:start], block.lines[start:]
    chars = len("".join(unspaced(x.text) for x in piece))
    if (
        not ends_sentence(lines[-1].text) or lines[-1].number + 1 == piece[0].number
        or chars > settings.unlabelled_question_chars or any(_asks(x) for x in piece[:-1])
    ):
        return [block]
    log.debug("lines %d-%d: a question printed without its label, read into a box", piece[0].number, piece[-1].number)
    return [Block(lines, column_width(lines), block.kind, block.speaker, block.label),
            Block(lines=piece, width=column_width(piece), kind=Kind.QUESTION)]


_Run = tuple[int, tuple[Line, ...], tuple[tuple[Line, ...], ...], tuple[Line, ...]]


def _question_run(blocks: list[Block], k: int, speakers: frozenset[str], settings: Settings) -> _Run | None:
    """The questions that unlabelled running text from block ``k`` consists of (it runs on
    into the next blocks while a sentence is open, up to question_run_blocks of them; or a
    roster's block, :func:`_questions_after_roster`): the block after them, the lines kept
    before the questions (a roster's), the questions (each ending with a question mark at a
    line end) and the unpunctuated lines left after the last one — or, in a block of one,
    another box's running text read after the questions across a box break; None when the
    text holds anything else (or a question too long to be one, or it carries on a
    sentence left open before it)."""
    first = blocks[k]
    if first.kind is Kind.ROSTER:
        return _questions_after_roster(first, speakers, k, settings)
    if first.kind is not Kind.TEXT:
        return None
    top = _roster_atop(first.lines, speakers)  # a roster's entry atop the questions
    kept, lines = first.lines[:top], list(first.lines[top:])
    if continues_open(lines[0].text):
        return None
    end = k + 1
    while (
        not ends_sentence(lines[-1].text) and end < len(blocks) and end - k < settings.question_run_blocks
        and not _heading_after_question(lines)
        and blocks[end].kind in (Kind.TEXT, Kind.HEADLINE)
        # a line left open fills its column: no line of the block it runs on into is wider
        # (a roster's title, "…局长、", printed above a question is shorter)
        and max(line_width(x) for x in blocks[end].lines) <= line_width(lines[-1]) + settings.box_width_tolerance
    ):
        lines += blocks[end].lines
        end += 1
    got = _pieces(lines, settings)
    if got:
        return end, kept, got[0], got[1]
    # questions the extractor read before another box's running text, after a box break
    # (a blank line or other lines between): the questions, then that text as a block
    cut = next((i for i in range(len(lines) - 1, 0, -1) if _asks(lines[i - 1])
                and lines[i].number != lines[i - 1].number + 1), 0)
    got = _pieces(lines[:cut], settings) if cut and end == k + 1 else None
    return (end, kept, got[0], tuple(lines[cut:])) if got and not got[1] else None


def _questions_after_roster(block: Block, speakers: frozenset[str], k: int, settings: Settings) -> _Run | None:
    """Questions read onto the end of a roster's block (an extractor that breaks a box's
    lines apart, put back together out of order): the lines after the roster's label and
    the last line naming a guest, when they are all questions; the roster keeps the rest."""
    lines = block.lines
    last = max(
        (i for i, x in enumerate(lines)
         if LABEL.match(strip_spaces(x.text)) or any(n in x.text.replace(" ", "") for n in speakers)),
        default=-1,
    )
    if last < 0 or last + 1 >= len(lines):
        return None
    got = _pieces(list(lines[last + 1:]), settings)
    if not got or got[1]:
        return None
    return k + 1, lines[: last + 1], got[0], ()


def _heading_after_question(lines: Sequence[Line]) -> bool:
    """Does the last line, with no punctuation, follow a question mark (a heading printed
    after a box of questions, not a question's open end)?"""
    return not PUNCT.search(lines[-1].text) and any(_asks(x) for x in lines[:-1])


def _asks(line: Line) -> bool:
    return strip_spaces(line.text).rstrip().endswith(("？", "?"))


def _pieces(lines: Sequence[Line], settings: Settings) -> tuple[tuple[tuple[Line, ...], ...], tuple[Line, ...]] | None:
    """The questions ``lines`` consist of, each ending with a question mark at a line end,
    and the unpunctuated lines after the last (a heading); None when they hold anything
    else, or a question too long to be one."""
    pieces: list[tuple[Line, ...]] = []
    run: list[Line] = []
    for x in lines:
        run.append(x)
        if _asks(x):
            pieces.append(tuple(run))
            run = []
    if not pieces:
        return None
    if run and any(PUNCT.search(x.text) for x in run):
        return None  # text after the last question: not a box of questions
    limit = settings.unlabelled_question_chars
    if any(len("".join(unspaced(x.text) for x in p)) > limit for p in pieces):
        return None
    return tuple(pieces), tuple(run)
