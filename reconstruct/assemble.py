"""Stage 4 — assemble: group classified blocks into flows, then into the interview (with its
furniture), the page's articles, and leftovers. Text that fits nowhere is kept as a leftover.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from .blocks import LABEL, match_note_label
from .classify import parse_byline
from .flows import NOTE_CUE, Flow, group_flows, roster_like, same_column, segments, speaks_as_guest, stitch_flows
from .interviews import split_interviews
from .furniture import check_titles, deal_fragments, parse_roster, split_headline
from .lexicon import bigrams, cosine
from .model import Article, Block, Guest, Line, Interview, Kind, PageMeta, PageResult, Paragraph, Turn
from .paragraphs import flow_column, join_paragraphs
from .repair import ends_sentence, join_lines, strip_spaces, unspaced
from .settings import Settings

__all__ = ["assemble_page"]

log = logging.getLogger(__name__)

# What heads an interview: a note label set right above it has its text before it.
_HEADING = (Kind.HEADLINE, Kind.SUBTITLE, Kind.BYLINE)

# Furniture after which unclaimed running text is the interview's own lead.
_FURNITURE = (Kind.SUBTITLE, Kind.BYLINE, Kind.ROSTER, Kind.FIELD)


def assemble_page(
    blocks: Sequence[Block], meta: PageMeta | None = None, settings: Settings | None = None,
    printed: Sequence[Line] = (),
) -> PageResult:
    """Build the page's interviews (questions and answers not yet paired), articles and
    leftovers. ``printed`` are the page's lines as read (before its columns were taken
    apart), where the guests' titles are looked up too."""
    settings = settings or Settings()
    meta = meta or PageMeta()
    names = frozenset(b.speaker for b in blocks if b.kind is Kind.ANSWER and b.speaker)
    flows = _claim_notes(stitch_flows(group_flows(blocks, names, settings), settings), settings)
    groups = split_interviews(flows, names)
    used: set[int] = set()
    titles = [_title(g, used) for g in groups]  # before headlines are matched to articles
    articles = _articles(flows, used, settings)
    titles = [t if t[0] else (_top_title(g, used), t[1]) for g, t in zip(groups, titles)]
    # the page's boxes in print order, each flattened: where a roster's titles are printed
    # (joined with no separator: the spaces join_lines would put between Latin words go too)
    boxes = "\n".join(_flat("".join(x.text for x in b.lines)) for b in sorted(blocks, key=lambda b: b.first))
    # and the lines as read, their runs between blank lines joined
    boxes += "\n" + "\n".join(_flat(r) for r in "\n".join(x.text for x in printed).split("\n\n"))
    interviews = [_interview(g, t, used, settings, boxes) for g, t in zip(groups, titles)]
    leftovers = tuple(
        p for f in flows if id(f) not in used for p in join_paragraphs(f.blocks, settings)
    )
    if not groups:
        heads = [t for title in titles for t in title if t]
        leftovers = tuple(Paragraph(t) for t in heads) + leftovers
    for p in leftovers:
        log.info("%s: leftover lines %s", meta.source, _span(p.lines))
    return PageResult(
        meta=meta,
        interviews=tuple(interviews),
        articles=tuple(articles),
        leftovers=leftovers,
        warnings=tuple(f"unassigned text at lines {_span(p.lines)}" for p in leftovers),
    )


def _interview(
    flows: list[Flow], title: tuple[str, str], used: set[int], settings: Settings, boxes: str = ""
) -> Interview:
    """One interview from its flows (in page order)."""
    speakers = [f.head.speaker for f in flows if f.kind is Kind.ANSWER and f.head.speaker]
    roster = [f for f in flows if f.kind is Kind.ROSTER or _names_guests(f, settings)]
    roster += _floating_roster(flows, set(speakers))
    used.update(id(f) for f in roster if f.kind is Kind.ROSTER)
    questions = [f for f in flows if f.kind is Kind.QUESTION]
    answers = [f for f in flows if f.kind is Kind.ANSWER]
    used.update(id(f) for f in questions + answers)
    roster_label, roster_text = _roster_text([f for f in roster if f.kind is Kind.ROSTER])
    label, note = _note(flows, used, settings)
    lead = _lead(flows, used, settings)
    host = (questions[0].head.speaker or _unnamed_host(note + lead, flows, settings)) if questions else ""
    return Interview(
        title=title[0],
        subtitle=title[1],
        reporters=_reporters(flows, used),
        guests=_guests(roster, speakers, settings, [*(_flat(f.text) for f in flows), boxes]),
        host=host,
        questions=tuple(_turn(f, "host", settings, host) for f in questions),
        answers=tuple(_turn(f, "guest", settings) for f in answers),
        anchored=_anchored(flows),
        byline=tuple(
            " ".join(x.text.split()) for f in flows if f.kind is Kind.BYLINE for x in f.head.lines
        ),
        roster_label=roster_label,
        roster_text=roster_text,
        label=label,
        editor_note=note,
        lead=lead,
    )


# How the lead or the note tells who put the questions: a host's label, then (within the
# sentence) a verb of interviewing ("记者采访了…", "记者就…，专访了…", "采访组邀请…").
_ASKS = r"[^。；！？]{0,30}?(?:采访|专访|访谈|对话|邀请)"


def _unnamed_host(texts: Sequence[Paragraph], flows: Sequence[Flow], settings: Settings) -> str:
    """The host of questions printed without a label: the host label the lead or the
    editor's note (``texts``) names first as interviewing the guests — or, when they name
    none (a lead read into an answer's box), the interview's running text, each flow apart;
    a one-character label, 问, is too often part of a word to tell. Else the usual one."""
    prose = (Kind.TEXT, Kind.ANSWER, Kind.FIELD)  # (a byline's 记者 before 访谈嘉宾 asks nothing)
    for text in ("".join(p.text for p in texts), "。".join(f.text for f in flows if f.kind in prose)):
        found = [(m.start(), label) for label in settings.host_labels
                 if len(label) > 1 and (m := re.search(re.escape(label) + _ASKS, text))]
        if found:
            return min(found)[1]
    return settings.host_labels[0]


def _span(numbers: Sequence[int]) -> str:
    return f"{numbers[0]}-{numbers[-1]}" if numbers else "?"


# --- the editor's note ----------------------------------------------------------------


def _claim_notes(flows: list[Flow], settings: Settings) -> list[Flow]:
    """Give a detached note label the note's text: what follows the label, or else the
    trailing boxes of the flow before it that are set at another width (the note's box),
    plus the paragraph next to them when it shares the note's words more than its flow's
    (down to the flow's first, when the flow is running text no answer or article claims:
    a note printed in two boxes of other widths)."""
    out = _interleaved_labels(list(flows), settings)
    taken: set[int] = set()
    for i, f in enumerate(out):
        if f.kind is not Kind.NOTE_LABEL or len(f.blocks) > 1:
            continue
        if LABEL.match(strip_spaces(f.head.lines[0].text)):
            continue  # inline label "编者按：…" carries its own text
        j = _note_past_heading(out, i)
        if j is not None:
            out[i] = replace(f, blocks=(f.head, *out[j].blocks))
            taken.add(j)
            continue
        if i == 0:
            continue
        j = _note_within_heading(out, i)
        if j is not None:
            out[i] = replace(f, blocks=(f.head, *out[j].blocks))
            taken.add(j)
            continue
        k = _printed_before(out, f.head)
        if k is None:
            k = i - 1
        prev = out[k]
        if prev.kind not in (Kind.ANSWER, Kind.ARTICLE, Kind.TEXT) or len(prev.blocks) < 2:
            continue
        whole = prev.kind is Kind.TEXT
        if whole and i + 1 < len(out) and out[i + 1].kind in _HEADING and not prev.tentative:
            # running text nobody claims, printed right before the label and the label right
            # above the interview's heading: a note set before its label and its title is
            # no lead (a lead follows the heading), so all of it is the note's
            out[k] = replace(prev, blocks=())
            out[i] = replace(f, blocks=(f.head, *prev.blocks))
            taken.add(k)
            continue
        keep, note = _split_note(prev, settings, whole=whole)
        if note:
            out[k] = replace(prev, blocks=tuple(keep))
            out[i] = replace(f, blocks=(f.head, *note))
    return [f for j, f in enumerate(out) if j not in taken]


# A line's last piece after a gap: a label's characters read onto the note's line.
_LINE_END = re.compile(r"^(?P<text>.*\S)\s+(?P<chars>[\u3400-\u9fff]{1,3})$")


def _interleaved_labels(flows: list[Flow], settings: Settings) -> list[Flow]:
    """A vertical note label read one character a line in between the note's own lines
    (an extractor that reads the page by rows: note line, label character, note line, …):
    when the one-character lines of a running text's flow spell a note label (the last of
    them perhaps read onto a note line's end after a gap, "…部门负 按"), on a page with no
    note label of its own, the label comes out as a note label and the flow as its note."""
    if any(f.kind is Kind.NOTE_LABEL for f in flows):
        return flows
    for i, f in enumerate(flows):
        if f.kind is not Kind.TEXT or f.tentative:
            continue
        lines = [x for b in f.blocks for x in b.lines]
        singles = [x for x in lines if len(strip_spaces(x.text)) == 1]
        if len(singles) < 2:
            continue
        chars = "".join(strip_spaces(x.text) for x in singles)
        label = match_note_label(chars, settings)
        glued: Line | None = None
        glued_end: re.Match[str] | None = None  # (its match, the label's characters and the rest)
        if label is None:
            # the label's last characters read onto a note line after a gap
            for x in lines:
                m = _LINE_END.match(x.text.strip())
                if m and len(strip_spaces(m.group("text"))) > 1:
                    label = match_note_label(chars + m.group("chars"), settings)
                    if label is not None:
                        glued, glued_end = x, m
                        break
        if label is None:
            continue
        drop = {id(x) for x in singles}
        head_lines = list(singles)
        if glued is not None and glued_end is not None:
            head_lines.append(Line(glued.number, glued_end.group("chars")))
        blocks: list[Block] = []
        for b in f.blocks:
            kept = tuple(
                Line(x.number, glued_end.group("text")) if x is glued and glued_end is not None else x
                for x in b.lines if id(x) not in drop
            )
            if kept:
                blocks.append(replace(b, lines=kept))
        if not blocks:
            continue
        head = Block(lines=tuple(head_lines), width=1.0, kind=Kind.NOTE_LABEL, label=label)
        return [*flows[:i], Flow(Kind.NOTE_LABEL, (head, *blocks)), *flows[i + 1:]]
    return flows


def _note_past_heading(flows: list[Flow], i: int) -> int | None:
    """The note's text when a heading stands between it and its label (a vertical label set
    beside the title comes out before it): the running text right after that heading, if
    it speaks of the interview as notes do ("本期…", "欢迎读者…")."""
    if i + 2 >= len(flows) or flows[i + 1].kind not in (Kind.HEADLINE, Kind.SUBTITLE):
        return None
    g = flows[i + 2]
    if g.kind is not Kind.TEXT or g.tentative or not NOTE_CUE.search(g.text):
        return None
    return i + 2


def _note_within_heading(flows: list[Flow], i: int) -> int | None:
    """The note's text when the label comes after the heading and the note's box was read
    inside it (a box set beside the title read between the title and the subtitle): the
    running text no flow claims with a headline before it and the rest of the heading
    between it and the label."""
    k = i - 1
    while k > 0 and flows[k].kind in (Kind.SUBTITLE, Kind.BYLINE):
        k -= 1
    if k == i - 1 or k < 1:
        return None
    g = flows[k]
    if g.kind is not Kind.TEXT or g.tentative or flows[k - 1].kind is not Kind.HEADLINE:
        return None
    return k


def _printed_before(flows: list[Flow], block: Block) -> int | None:
    """The flow holding the block printed right before ``block`` (stitching may have
    carried that block on in a flow listed far from the label), if it ends that flow."""
    start = block.lines[0].number
    best: tuple[int, int] | None = None  # (last line, flow index)
    for k, f in enumerate(flows):
        for b in f.blocks:
            end = b.lines[-1].number
            if end < start and (best is None or end > best[0]):
                best = (end, k)
    if best is None:
        return None
    k = best[1]
    return k if flows[k].blocks[-1].lines[-1].number == best[0] else None


def _split_note(flow: Flow, settings: Settings, whole: bool = False) -> tuple[list[Block], list[Block]]:
    segs = segments(flow.blocks)
    if len(segs) < 2:
        return list(flow.blocks), []
    own = flow_column(segs[0])
    k = len(segs)
    while k > 1 and not same_column(flow_column(segs[k - 1]), own):
        k -= 1
    lowest = 0 if whole else 1
    if k == len(segs):
        # the note's box at the flow's width: its last paragraphs introduce the interview
        # ("本期…邀请…", "欢迎读者…"), and at most one paragraph before them (the
        # subject's own introduction) is the note's too
        while k > 1 and NOTE_CUE.search(_seg_text(segs[k - 1])):
            k -= 1
        lowest = max(lowest, k - 1)
    if k == len(segs):
        return list(flow.blocks), []
    note_text = bigrams("".join(_seg_text(s) for s in segs[k:]))
    while k > lowest:
        text = _seg_text(segs[k - 1])
        if not whole and speaks_as_guest(text, settings):
            break  # a guest's paragraph ("我们还…"): a note speaks of the guests, not as them
        cand = bigrams(text)
        rest = bigrams("".join(_seg_text(s) for s in segs[: k - 1]))
        if cosine(cand, note_text) <= cosine(cand, rest):
            break
        k -= 1
    keep = [b for s in segs[:k] for b in s]
    note = [b for s in segs[k:] for b in s]
    return keep, note


def _seg_text(seg: Sequence[Block]) -> str:
    return "".join(strip_spaces(x.text) for b in seg for x in b.lines)


def _note(flows: list[Flow], used: set[int], settings: Settings) -> tuple[str, tuple[Paragraph, ...]]:
    for f in flows:
        if f.kind is Kind.NOTE_LABEL and id(f) not in used:
            used.add(id(f))
            head = strip_spaces(f.head.lines[0].text)
            m = LABEL.match(head)
            if m:  # "编者按：text"
                paras = join_paragraphs(f.blocks, settings, drop_prefix=_label_end(f.head))
            else:
                paras = join_paragraphs(f.blocks[1:], settings) if len(f.blocks) > 1 else ()
            return f.head.label or "", paras
    return "", ()


def _label_end(block: Block) -> int:
    m = LABEL.match(block.lines[0].text)
    return m.end() if m else 0


# --- roster, title, reporters, lead ---------------------------------------------------------


def _floating_roster(flows: list[Flow], speakers: set[str]) -> list[Flow]:
    """Roster lines printed away from their label: unlabelled lines with no sentence
    punctuation that hold a guest's name."""
    if not speakers:
        return []
    found = []
    for f in flows:
        if f.kind in (Kind.TEXT, Kind.HEADLINE) and all(roster_like(b) for b in f.blocks):
            text = f.text
            if any(n in text for n in speakers) and len(text) <= 40 * max(1, len(speakers)):
                found.append(f)
    return found


def _names_guests(flow: Flow, settings: Settings) -> bool:
    """A lead field that lists the guests with their posts (采访对象：…) serves as roster too."""
    return flow.kind is Kind.FIELD and (flow.head.label or "") in settings.guest_fields


def _roster_text(roster: Sequence[Flow]) -> tuple[str, str]:
    """The roster's label(s) and its text without them, as printed."""
    labels: list[str] = []
    text = ""
    for f in roster:
        t = f.text
        m = LABEL.match(t)
        if m and f.kind in (Kind.ROSTER, Kind.FIELD):
            labels.append(unspaced(m.group(1)))
            t = t[m.end() :]
        text += t
    return " ".join(labels), text


def _roster_pieces(roster: Sequence[Flow]) -> list[str]:
    """The roster's boxes (blocks) as printed, in order, without the label(s)."""
    pieces: list[str] = []
    for f in roster:
        for k, b in enumerate(f.blocks):
            t = join_lines([x.text for x in b.lines])
            m = LABEL.match(t) if k == 0 and f.kind in (Kind.ROSTER, Kind.FIELD) else None
            pieces.append(t[m.end() :] if m else t)
    return pieces


def _flat(text: str) -> str:
    """The text with every whitespace character taken out (str.split's whitespace is the
    regex \\s's, so this is re.sub(r"\\s+", "", strip_spaces(text)) without the regex)."""
    return "".join(text.split())


def _guests(roster: Sequence[Flow], speakers: Sequence[str], settings: Settings,
            sources: Sequence[str] = ()) -> tuple[Guest, ...]:
    """The guests, from the roster, their titles checked against the other places the
    page prints them (``sources``: the interview's flows and the page's boxes, flattened)."""
    names = list(dict.fromkeys(speakers))
    pieces = _roster_pieces(roster)
    guests = parse_roster(pieces, names) if any(pieces) else tuple(Guest(name=n) for n in names)
    flats = ["\n".join(_flat(p) for p in pieces), *sources]
    guests = check_titles(guests, flats, settings.roster_entry_chars)
    return tuple(replace(g, id=f"guest-{k}", named=g.name not in settings.answer_labels)
                 for k, g in enumerate(guests, start=1))


def _title(flows: list[Flow], used: set[int]) -> tuple[str, str]:
    """The interview's title is the headline set before its ——subtitle or its byline: right
    before it, or above the furniture and the note's text printed between them."""
    for i, f in enumerate(flows):
        if f.kind is Kind.SUBTITLE:
            used.add(id(f))
            sub = join_lines([x.text for x in f.head.lines]).lstrip("—-－ ")
            k = _title_before(flows, i)
            if k is not None:
                used.add(id(flows[k]))
            return (flows[k].text if k is not None else ""), sub
    for i, f in enumerate(flows):
        if f.kind is Kind.BYLINE:
            k = _title_before(flows, i)
            if k is not None:
                used.add(id(flows[k]))
                return flows[k].text, ""
    return "", ""


def _top_title(flows: list[Flow], used: set[int]) -> str:
    """The title of an interview that found none by its subtitle or byline (they stand
    apart, in a box of their own, or it has neither): the first title-like flow it prints
    before its first turn, unless that flow heads a news item (matched to an article
    already, or set right above one)."""
    for i, f in enumerate(flows):
        if f.kind in (Kind.QUESTION, Kind.ANSWER):
            return ""
        if id(f) in used or not _title_like(f):
            continue
        if i + 1 < len(flows) and flows[i + 1].kind is Kind.ARTICLE:
            continue
        used.add(id(f))
        return f.text
    return ""


# What may stand between a title and its subtitle or byline: the other furniture, and the
# editor's note (its label, its text).
_BETWEEN_TITLE = (Kind.SUBTITLE, Kind.BYLINE, Kind.ROSTER, Kind.FIELD, Kind.NOTE_LABEL, Kind.TEXT)


def _title_before(flows: list[Flow], i: int) -> int | None:
    """The title-like flow nearest before flow ``i`` with only furniture and unlabelled
    text between (a question, an answer or a news item in between: no title)."""
    for k in range(i - 1, -1, -1):
        if _title_like(flows[k]):
            return k
        if flows[k].kind not in _BETWEEN_TITLE:
            return None
    return None


def _title_like(flow: Flow) -> bool:
    """A headline, or up to three lines with no sentence punctuation (a wrapped title)."""
    if flow.kind is Kind.HEADLINE:
        return True
    if flow.kind is not Kind.TEXT or sum(len(b.lines) for b in flow.blocks) > 3:
        return False  # (before the flow's text is joined)
    text = flow.text
    return not any(p in text for p in "。，；！？：")


def _reporters(flows: list[Flow], used: set[int]) -> tuple[str, ...]:
    names: list[str] = []
    for f in flows:
        if f.kind is Kind.BYLINE:
            used.add(id(f))
            names += parse_byline(f.head.lines[0].text) or ()
    return tuple(dict.fromkeys(names))


def _lead(flows: list[Flow], used: set[int], settings: Settings) -> tuple[Paragraph, ...]:
    """Lead fields (采访对象：…) and unclaimed running text right after the furniture —
    or, when nothing followed it, right after the questions printed together below it (a
    layout that sets the questions in a box of their own before the lead), or after a news
    item printed there."""
    paras: list[Paragraph] = []
    after_furniture = False
    item: Flow | None = None  # a news item printed between the furniture and the lead
    # answers read between the furniture and the lead (their boxes come first in the
    # extractor's order): the first finished running text after them that no flow claims
    # and that does not speak as a guest is still the lead, when no lead text came before
    beside_answers = False
    took_text = False
    for f in flows:
        if f.kind is Kind.FIELD or (after_furniture and f.kind is Kind.TEXT and id(f) not in used and (
                item is None or not same_column(flow_column(item.blocks), flow_column(f.blocks)))) or (
                beside_answers and not took_text and f.kind is Kind.TEXT and id(f) not in used
                and not f.tentative and ends_sentence(f.text) and not speaks_as_guest(f.text, settings)):
            used.add(id(f))
            paras += join_paragraphs(f.blocks, settings)
            took_text = True  # (a lead field is lead text too)
        elif f.kind is Kind.ROSTER and ends_sentence(f.text):
            # a roster written as a sentence ("本期访谈嘉宾：…。") is also the lead's text
            paras += join_paragraphs(f.blocks, settings)
        beside_answers = f.kind is Kind.ANSWER and (after_furniture or beside_answers)
        # a news item set between the furniture and the lead (a box of its own beside the
        # heading) does not end the furniture either: the text after it at another width
        # than the item's is the lead (at the item's width, the item's own box)
        after_furniture = f.kind in _FURNITURE or (
            after_furniture and (f.kind is Kind.TEXT or (
                f.kind in (Kind.QUESTION, Kind.ARTICLE, Kind.HEADLINE) and not paras))
        )
        if f.kind is Kind.ARTICLE and after_furniture:
            item = f
        elif f.kind in _FURNITURE:
            item = None
    return tuple(paras)


# --- turns and articles --------------------------------------------------------------


def _turn(flow: Flow, role: str, settings: Settings, unnamed: str = "") -> Turn:
    """The flow's turn; ``unnamed``: the speaker of a turn printed without a label."""
    paras = join_paragraphs(flow.blocks, settings, drop_prefix=_label_end(flow.head))
    return Turn(speaker=flow.head.speaker or unnamed, role=role, paragraphs=paras)  # type: ignore[arg-type]


def _anchored(flows: list[Flow]) -> tuple[tuple[int, int], ...]:
    """Answers printed right after a question (and after each other, in a round table)
    belong to it. A question printed in a run of questions anchors nothing: the last of a
    grouped list merely happens to stand before some answer. A guest answers a question
    once, so the run ends before a guest's second answer in it."""
    pairs: list[tuple[int, int]] = []
    q_index = a_index = -1
    anchor: int | None = None
    prev: Kind | None = None
    said: set[str | None] = set()  # who answered in the current run
    for f in flows:
        if f.kind is Kind.QUESTION:
            q_index += 1
            anchor = q_index if prev is not Kind.QUESTION else None
            said = set()
        elif f.kind is Kind.ANSWER:
            a_index += 1
            if f.head.speaker in said:
                anchor = None  # a guest answers a question once: this run is another's
            if anchor is not None and prev in (Kind.QUESTION, Kind.ANSWER):
                pairs.append((anchor, a_index))
                said.add(f.head.speaker)
            else:
                anchor = None
        else:
            anchor = None
        prev = f.kind
    return tuple(pairs)


def _articles(flows: list[Flow], used: set[int], settings: Settings) -> list[Article]:
    arts = [f for f in flows if f.kind is Kind.ARTICLE]
    used.update(id(f) for f in arts)
    bodies = [join_paragraphs(f.blocks, settings) for f in arts]
    heads: list[list[tuple[int, str]]] = [[] for _ in arts]  # (line, part) of each headline
    texts = ["".join(p.text for p in b) for b in bodies]
    flat = [unspaced(t) for t in texts]  # without spaces, read once
    for group in _headline_candidates(flows, used, flat):
        free = [k for k in range(len(arts)) if not heads[k]]
        parts = split_headline("".join(f.text for f in group), [texts[k] for k in free])
        if parts:
            used.update(id(f) for f in group)
            for part, k in parts:
                heads[free[k]].append((group[0].head.lines[0].number, part))
    _band_fragments(flows, used, flat, heads, {k for k, h in enumerate(heads) if h}, settings)
    return [
        Article(headline="".join(p for _, p in sorted(h, key=lambda x: x[0])), paragraphs=b)
        for h, b in zip(heads, bodies)
    ]


def _band_fragments(
    flows: list[Flow],
    used: set[int],
    bodies: list[str],
    heads: list[list[tuple[int, str]]],
    whole: set[int],
    settings: Settings,
) -> None:
    """Headlines printed side by side and wrapped come out a line of each at a time: the
    lines left over, with no sentence punctuation, are dealt to the articles whose words
    they hold, each headline read in line order. A flow is taken only when every line of
    it found its article near the rest of that article's headline; a headline found
    whole (``whole``, by :func:`split_headline`) takes a line only where its article reads
    on across the join (an article that runs two news items on holds both headlines'
    words). ``bodies``: the articles' texts, their spaces dropped."""
    rest = [f for f in flows if id(f) not in used and f.kind in (Kind.HEADLINE, Kind.TEXT)
            and _unpunctuated(f, settings)]
    lines = [x for f in rest for b in f.blocks for x in b.lines]
    if not lines or not bodies:
        return
    owners = deal_fragments([x.text for x in lines], bodies, settings)
    # a line whose words no article holds goes to the one headline near it across whose
    # end its article reads on ("…家庭照护" / "床位突破200张": 护床 in "家庭照护床位")
    owners = [k if k is not None else _read_on_by(heads, x, bodies, settings) for x, k in zip(lines, owners)]
    dealt = {id(x): k for x, k in zip(lines, owners)}
    for f in rest:
        mine = [x for b in f.blocks for x in b.lines]
        picks = [dealt.get(id(x)) for x in mine]
        if any(
            k is None or not _near(heads[k], x.number, settings)
            or (k in whole and not _reads_on(heads[k], x, bodies[k]))
            for x, k in zip(mine, picks)
        ):
            continue
        used.add(id(f))
        for x, k in zip(mine, picks):
            heads[k].append((x.number, unspaced(x.text)))  # type: ignore[index]


def _read_on_by(heads: list[list[tuple[int, str]]], line: Line, bodies: list[str], settings: Settings) -> int | None:
    """The one article whose headline found so far is near the line and reads on into it
    (:func:`_reads_on`), or None."""
    found = [k for k, parts in enumerate(heads)
             if parts and _near(parts, line.number, settings) and _reads_on(parts, line, bodies[k])]
    return found[0] if len(found) == 1 else None


def _reads_on(parts: list[tuple[int, str]], line: Line, body: str) -> bool:
    """Does the article's text (``body``, its spaces dropped) read on across the join of
    its headline and this line, set before or after it by line number?"""
    frag = unspaced(line.text)
    ordered = sorted(parts, key=lambda x: x[0])
    if not frag or not ordered:
        return False
    if line.number >= ordered[-1][0]:
        return ordered[-1][1][-1:] + frag[0] in body
    return frag[-1] + ordered[0][1][:1] in body


def _near(parts: list[tuple[int, str]], line: int, settings: Settings) -> bool:
    return not parts or min(abs(n - line) for n, _ in parts) <= settings.headline_band_lines


def _unpunctuated(flow: Flow, settings: Settings) -> bool:
    """Lines of headline text: no sentence punctuation, a few lines at most."""
    lines = [x for b in flow.blocks for x in b.lines]
    return len(lines) <= settings.headline_band_flow_lines and not any(p in flow.text for p in "。，；！？：、")


def _headline_candidates(flows: list[Flow], used: set[int], bodies: Sequence[str]) -> list[list[Flow]]:
    """Headlines, and titles wrapped over a few lines; a stub of a few characters after
    one (its wrapped end, cut off by a blank line) belongs to it — if some article reads
    on across the join (in a band of headlines, the stub may end another). ``bodies``: the
    articles' texts, their spaces dropped."""
    groups: list[list[Flow]] = []
    after_title = False
    for f in flows:
        if id(f) in used or not _title_like(f):
            after_title = False
            continue
        join = groups[-1][-1].text[-1:] + f.text[:1] if after_title else ""
        if after_title and f.kind is Kind.TEXT and len(f.text) <= 8 and any(join in b for b in bodies):
            groups[-1].append(f)
        else:
            groups.append([f])
        after_title = True
    return groups
