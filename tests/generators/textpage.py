"""Text-level page generator: an interview (plus news items) as a PDF text dump prints it.

``make_page(interview, articles, rng, mode)`` returns ``(page_text, gold)``; the gold dict
follows /work/shared/gold/README.md with "source" left empty for the caller.  The layout
imitates the seed page: boxes wrapped at 12–18 units with the first-line indent lost,
column breaks as blank lines, spaced half-width runs, letter-spaced lines, answers in
scrambled order (sometimes split into two boxes), questions at the top / in a sidebar /
inline, and the interview furniture (title, byline, roster, editor's note with a reversed
label) and news items with their headlines scattered over the page.
"""
from __future__ import annotations

import copy
import random
import re
from typing import Any

try:  # imported as tests.generators.textpage or with the directory on sys.path
    from . import textlayout as L
except ImportError:  # pragma: no cover
    import textlayout as L  # type: ignore[no-redef]

MODES = ("top", "sidebar", "inline")
BODY_WIDTH = (12, 18)
SIDEBAR_WIDTH = (8, 11)
NOTE_WIDTH = (20, 26)
SPLIT_CHANCE = 0.22
_ROLE = re.compile(r"(实习记者|见习记者|通讯员|实习生|记者)")
_STAFF = ("李娜", "王磊", "陈静", "刘洋", "赵敏", "周杰", "吴昊", "郑丽")

Lines = list[str]


# ---------------------------------------------------------------- gold normalisation

def clean_text(text: str) -> str:
    """Gold form: no line breaks; a space only between two half-width letters/digits."""
    text = re.sub(r"\s+", " ", text or "").strip()
    return re.sub(r" (?![A-Za-z0-9])|(?<![A-Za-z0-9]) ", "", text)


def _clean_paras(paras: list[str] | None) -> list[str]:
    return [p for p in (clean_text(x) for x in paras or []) if p]


def normalize_interview(interview: dict) -> dict:
    iv = copy.deepcopy(interview)
    for key in ("title", "label", "host"):
        iv[key] = clean_text(iv.get(key, ""))
    iv["subtitle"] = clean_text(iv.get("subtitle", "")).lstrip("—-")
    iv["reporters"] = [clean_text(r) for r in iv.get("reporters", []) if clean_text(r)]
    iv["editor_note"] = _clean_paras(iv.get("editor_note"))
    if "lead" in iv:
        iv["lead"] = _clean_paras(iv["lead"])
    iv["guests"] = [{"name": clean_text(g["name"]), "title": clean_text(g.get("title", ""))}
                    for g in iv.get("guests", [])]
    turns = []
    for t in iv.get("turns", []):
        paras = _clean_paras(t.get("paragraphs"))
        if paras:
            turns.append({"speaker": clean_text(t["speaker"]), "role": t["role"],
                          "paragraphs": paras})
    iv["turns"] = turns
    return iv


def normalize_article(article: dict, rng: random.Random) -> dict:
    paras = _clean_paras(article.get("paragraphs"))
    if not paras:
        paras = ["本报讯"]
    if not paras[0].startswith("本报讯"):
        paras[0] = f"本报讯（记者{rng.choice(_STAFF)}）{paras[0]}"
    return {"headline": clean_text(article.get("headline", "")), "paragraphs": paras}


# ---------------------------------------------------------------- the page builder

class _PageBuilder:
    def __init__(self, rng: random.Random, mode: str) -> None:
        self.rng, self.mode = rng, mode
        self.layout: list[dict[str, Any]] = []

    # -- boxes
    def body_style(self, width: int | None = None) -> L.BoxStyle:
        r = self.rng
        return L.BoxStyle(width=width or r.randint(*BODY_WIDTH), col_lines=r.randint(3, 6),
                          par_blank=r.choice((0.5, 0.75, 0.9, 1.0)),
                          letter_space=r.choice((0.0, 0.0, 0.03, 0.06)),
                          lead_space=r.random() < 0.08)

    def box(self, kind: str, segments: list[L.Segment], style: L.BoxStyle) -> Lines:
        out = L.render_box(segments, style, self.rng)
        self.layout.append({"kind": kind, "width": style.width, "lines": out.layout})
        return out.lines

    def segments(self, paragraphs: list[str], label: str = "") -> list[L.Segment]:
        spaced = self.rng.choice((0.0, 0.0, 0.5, 0.9))
        segs = []
        for n, para in enumerate(paragraphs):
            head = L.tokenize(label, self.rng) if n == 0 and label else []
            segs.append(L.Segment(head + L.tokenize(para, self.rng, spaced)))
        return segs

    # -- answers, possibly split into two boxes
    def split_points(self, segs: list[L.Segment], width: int, min_seg: int) -> list[tuple]:
        """Line starts where a box may be cut: (segment, token index, "para"|"mid")."""
        points, line_no = [], 0
        wrapped = [L.segment_lines(s, width) for s in segs]
        total = sum(len(w) for w in wrapped)
        for s, ranges in enumerate(wrapped):
            for li, (start, _end) in enumerate(ranges):
                if (s, li) > (min_seg, 0) and 2 <= line_no <= total - 2:
                    points.append((s, start if li else 0, "mid" if li else "para"))
                line_no += 1
        return points

    def split(self, segs: list[L.Segment], width: int, min_seg: int):
        points = self.split_points(segs, width, min_seg)
        paras = [p for p in points if p[2] == "para"]
        if paras and self.rng.random() < 0.4:
            points = paras
        if not points:
            return None
        s, tok, _kind = self.rng.choice(points)
        if tok == 0:
            return segs[:s], segs[s:]
        seg = segs[s]
        first = L.Segment(seg.tokens[:tok], seg.indent, ends_para=False)
        rest = L.Segment(seg.tokens[tok:], indent=False, ends_para=seg.ends_para)
        return segs[:s] + [first], [rest] + segs[s + 1:]

    def answer_groups(self, segs: list[L.Segment], kind: str, min_seg: int = 0) -> list[Lines]:
        style = self.body_style()
        parts = self.split(segs, style.width, min_seg) if self.rng.random() < SPLIT_CHANCE else None
        if not parts:
            return [self.box(kind, segs, style)]
        second = style if self.rng.random() < 0.6 else self.body_style()
        return [self.box(kind, parts[0], style), self.box(kind, parts[1], second)]

    # -- questions
    def top_questions(self, questions: list[dict], host: str) -> tuple[Lines, Lines]:
        r = self.rng
        n = len(questions)
        k = r.choice((0, 1)) if n == 1 else min(n - 1, r.choice((1, 1, 2)))
        if r.random() < 0.7:
            stranded = set(range(n - k, n))
        else:
            stranded = set(r.sample(range(n), k))
        gap = r.random() < 0.75
        top: Lines = []
        end: Lines = []
        for i, q in enumerate(questions):
            target = end if i in stranded else top
            if target and gap:
                target.append("")
            target.extend(f"{host}：{p}" if j == 0 else p for j, p in enumerate(q["paragraphs"]))
        return top, end

    def sidebar(self, questions: list[dict], host: str) -> Lines:
        width = self.rng.randint(*SIDEBAR_WIDTH)
        out: Lines = []
        for q in questions:
            style = L.BoxStyle(width=width, col_lines=99, par_blank=1.0)
            if out:
                out.append("")
            out.extend(self.box("sidebar", self.segments(q["paragraphs"], host + "："), style))
        return out

    # -- furniture
    def header(self, iv: dict) -> Lines:
        out: Lines = [iv["title"]] if iv["title"] else []
        if iv["subtitle"]:
            out.append("——" + iv["subtitle"])
        if iv["reporters"]:
            if out and self.rng.random() < 0.7:
                out.append("")
            out.append("记者 " + " ".join(iv["reporters"]))
        if iv.get("lead"):
            out.append("")
            out.extend(self.box("lead", self.segments(iv["lead"]), self.body_style()))
        return out

    def note_label(self, label: str) -> Lines:
        r = self.rng.random()
        if r < 0.5:
            return [label[::-1]]
        if r < 0.75:
            return [label]
        return list(label)  # printed vertically: one character per line

    def editor_note(self, iv: dict) -> Lines:
        r = self.rng
        style = L.BoxStyle(width=r.randint(*NOTE_WIDTH), col_lines=r.randint(4, 6),
                           par_blank=r.choice((0.8, 1.0)), narrow_lines=r.randint(3, 4),
                           narrow_by=r.randint(3, 8), lead_space=r.random() < 0.05)
        body = self.box("note", self.segments(iv["editor_note"]), style)
        if not iv["label"]:
            return body
        label = self.note_label(iv["label"])
        return label + [""] + body if r.random() < 0.3 else body + [""] + label

    def roster(self, guests: list[dict]) -> Lines:
        r = self.rng
        out = [r.choice(("访谈嘉宾：", "访谈嘉宾：", "嘉宾："))]
        between = r.random() < 0.3
        for g in guests:
            if between and len(out) > 1:
                out.append("")
            title, name = g["title"], g["name"]
            head, sep, tail = title.rpartition("、")
            if sep and tail and r.random() < 0.5:
                out += [head + sep, "", f"{tail} {name}"]
            elif not title:
                out.append(name)
            else:
                out += [title, name] if r.random() < 0.2 else [title, "", name]
        return out

    # -- news items
    def article_body(self, art: dict) -> Lines:
        paras = art["paragraphs"]
        segs = self.segments(paras)
        m = re.match(r"本报讯（([^）]*)）", paras[0])
        if m and self.rng.random() < 0.75:  # "本报讯（记者 胡耀方 通讯员 庞滔滔）"
            head = L.tokenize(f"本报讯（{_space_roles(m.group(1))}）", self.rng)
            rest = L.tokenize(paras[0][m.end():], self.rng, self.rng.choice((0.0, 0.5, 0.9)))
            segs[0] = L.Segment(head + rest)
        return self.box("article", segs, self.body_style())

    def headlines(self, arts: list[dict]) -> list[Lines]:
        heads = [a["headline"] for a in arts if a["headline"]]
        self.rng.shuffle(heads)
        lines: Lines = []
        while heads:
            if len(heads) >= 2 and self.rng.random() < 0.35:
                lines.append(heads.pop() + heads.pop())  # two headlines fused, no separator
            else:
                lines.append(heads.pop())
        if self.rng.random() < 0.5:
            return [[ln] for ln in lines]
        grouped: Lines = []
        for ln in lines:
            grouped += ([""] if grouped else []) + [ln]
        return [grouped] if grouped else []


def _space_roles(inner: str) -> str:
    parts = [p.strip() for p in _ROLE.split(inner)]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------- assembling the page

def _units(turns: list[dict]) -> list[tuple[dict | None, list[dict]]]:
    """Each question with the answers that follow it (several in a round table)."""
    units: list[tuple[dict | None, list[dict]]] = []
    for t in turns:
        if t["role"] == "host" or not units:
            units.append((t if t["role"] == "host" else None, []))
        if t["role"] != "host":
            units[-1][1].append(t)
    return units


def _index(items: list[Lines], group: Lines) -> int:
    return next(i for i, g in enumerate(items) if g is group)


def _scramble(items: list[Lines], rng: random.Random) -> None:
    if rng.random() < 0.7:
        rng.shuffle(items)
        return
    for _ in range(max(1, len(items) // 3)):  # mostly in order, a few boxes swapped
        i, j = rng.randrange(len(items)), rng.randrange(len(items))
        items[i], items[j] = items[j], items[i]


def _place_continuations(items: list[Lines], conts: list[tuple[Lines, Lines]],
                         rng: random.Random) -> None:
    for first, second in conts:
        pos = _index(items, first)
        lo = min(pos + 2, len(items))  # after at least one other box when possible
        items.insert(rng.randint(lo, len(items)), second)


def _interview_groups(b: _PageBuilder, iv: dict) -> tuple[list[Lines], list[Lines], Lines, Lines]:
    """(answer groups in page order, furniture groups, top-of-page lines, end-of-page lines)."""
    rng, host = b.rng, iv["host"]
    units = _units(iv["turns"])
    questions = [q for q, _ in units if q is not None]
    label = {t["speaker"]: (host or t["speaker"]) if t["role"] == "host" else t["speaker"]
             for t in iv["turns"]}
    items: list[Lines] = []
    conts: list[tuple[Lines, Lines]] = []
    for q, answers in units:
        if b.mode == "inline":
            segs = b.segments(q["paragraphs"], label[q["speaker"]] + "：") if q else []
            min_seg = len(segs)  # never cut the question from its first answer
            for a in answers:
                segs += b.segments(a["paragraphs"], a["speaker"] + "：")
            groups = b.answer_groups(segs, "answer", min_seg)
            items.append(groups[0])
            conts += [(groups[0], groups[1])] if len(groups) == 2 else []
            continue
        for a in answers:
            groups = b.answer_groups(b.segments(a["paragraphs"], a["speaker"] + "："), "answer")
            items.append(groups[0])
            conts += [(groups[0], groups[1])] if len(groups) == 2 else []
    if b.mode != "inline":
        _scramble(items, rng)
    _place_continuations(items, conts, rng)

    furniture = [b.header(iv)] if (iv["title"] or iv["reporters"] or iv.get("lead")) else []
    if iv["editor_note"]:
        note = b.editor_note(iv)
        if furniture and rng.random() < 0.5:
            furniture[0] = note + [""] + furniture[0]
        else:
            furniture.append(note)
    elif iv["label"]:
        furniture.append(b.note_label(iv["label"]))
    if iv["guests"]:
        furniture.append(b.roster(iv["guests"]))
    top: Lines = []
    end: Lines = []
    if b.mode == "top" and questions:
        top, end = b.top_questions(questions, host or questions[0]["speaker"])
    elif b.mode == "sidebar" and questions:
        furniture.append(b.sidebar(questions, host or questions[0]["speaker"]))
    return items, furniture, top, end


def _join(groups: list[Lines], rng: random.Random) -> str:
    text = "\n" if rng.random() < 0.4 else ""
    for n, g in enumerate(groups):
        if n:
            text += "\n\n" if rng.random() < 0.88 else "\n"
        text += "\n".join(g)
    text += "\n"
    if rng.random() < 0.3:
        text += " \n"
    return text


def build_page(interview: dict | None, articles: list[dict], rng: random.Random,
               mode: str) -> tuple[str, dict, list[dict]]:
    """Like make_page, also returning the layout of every wrapped box (kind, width, lines)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    b = _PageBuilder(rng, mode)
    iv = normalize_interview(interview) if interview else None
    arts = [normalize_article(a, rng) for a in articles]
    items, furniture, top, end = _interview_groups(b, iv) if iv else ([], [], [], [])
    bodies = [b.article_body(a) for a in arts]
    others = furniture + bodies + b.headlines(arts)
    rng.shuffle(others)
    for g in others:
        items.insert(rng.randint(0, len(items)), g)
    groups = ([top] if top else []) + items + ([end] if end else [])
    order = sorted(range(len(arts)), key=lambda i: _index(groups, bodies[i]))
    gold = {"source": "", "interviews": [iv] if iv else [],
            "articles": [arts[i] for i in order]}
    return _join([g for g in groups if g], rng), gold, b.layout


def make_page(interview: dict | None, articles: list[dict], rng: random.Random,
              mode: str) -> tuple[str, dict]:
    """Render one page; returns (page text, gold dict with an empty "source")."""
    text, gold, _layout = build_page(interview, articles, rng, mode)
    return text, gold
