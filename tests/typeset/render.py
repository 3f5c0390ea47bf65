"""Render one newspaper-like page (HTML) and its gold answer.

`build_page(rng, interview, articles)` returns `(html, gold, extras)`:

* `html`   -- a self-contained page (1100 px wide, >= 1600 px tall) for Chromium to print;
* `gold`   -- the gold dict (without "source"), every text exactly as printed, spaces
              removed except between two Latin letters or digits (see gold README);
* `extras` -- the printed strings that are not part of the gold text (speaker labels,
              "——", "记者", "访谈嘉宾：", ...), so a check can compare characters.

The layout is a tree of rows (flex, side by side), stacks (vertical) and boxes (leaves); every
choice (section order, widths, column counts, font size, question placement) comes from `rng`.
"""
from __future__ import annotations

import random
import re

import jinja2

__all__ = ["build_page", "normalize", "MODES"]

MODES = ("top", "sidebar", "inline")
PAGE_W = 1100
PAGE_H = 1600
MARGIN = 30
GAP = 18

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """Gold form of a printed text: drop spaces unless between two Latin letters/digits."""
    def keep(m: re.Match) -> str:
        s, e = m.start(), m.end()
        before = m.string[s - 1] if s else ""
        after = m.string[e] if e < len(m.string) else ""
        both = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        return " " if both else ""
    return _SPACE.sub(keep, text.strip())


# ----------------------------------------------------------------------------- template

_TEMPLATE = r"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>page</title>
<style>
@page { size: {{ page_w }}px {{ page_h }}px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
body { font-family: "{{ body_font }}", serif; font-size: {{ fs }}px; line-height: {{ lh }};
       color: #111; width: {{ page_w }}px; }
.page { box-sizing: border-box; width: {{ page_w }}px; padding: {{ margin }}px; }
.row { display: flex; flex-direction: row; align-items: flex-start; gap: {{ gap }}px;
       margin-bottom: {{ gap }}px; }
.stack { display: flex; flex-direction: column; gap: {{ gap }}px; }
.box { box-sizing: border-box; }
.ruled { border-top: 3px solid #333; padding-top: 6px; }
.framed { border: 1px solid #555; padding: 8px 10px; }
.text { text-align: justify; column-fill: balance; }
.text p { margin: 0; text-indent: 2em; text-align: justify; }
.text p.cont { text-indent: 0; }
.text p.q { font-family: "{{ q_font }}", sans-serif; font-weight: {{ q_weight }}; }
b.spk { font-family: "{{ label_font }}", sans-serif; font-weight: 700; }
.hdr h1 { font-family: "{{ head_font }}", sans-serif; font-weight: 900; margin: 0 0 6px 0;
          font-size: {{ title_fs }}px; line-height: 1.25; text-align: {{ title_align }}; }
.hdr .sub { font-size: {{ sub_fs }}px; margin: 0 0 6px 0; text-align: {{ title_align }};
            font-family: "{{ head_font }}", sans-serif; }
.hdr .by { font-size: {{ fs }}px; margin: 0; text-align: {{ by_align }}; }
.roster { font-size: {{ fs }}px; }
.roster h4 { margin: 0 0 4px 0; font-family: "{{ head_font }}", sans-serif; font-size: {{ fs + 2 }}px; }
.roster p { margin: 0 0 6px 0; text-align: justify; }
.roster .gn { font-family: "{{ head_font }}", sans-serif; font-weight: 700; font-size: {{ fs + 2 }}px; }
.roster .gn.inl { margin-left: 1em; }
.roster .gn.blk { display: block; text-align: right; }
.note { overflow: hidden; }
.note .vlabel { float: {{ label_side }}; writing-mode: vertical-rl; text-orientation: upright;
        font-family: "{{ head_font }}", sans-serif; font-weight: 900; font-size: {{ label_fs }}px;
        letter-spacing: 4px; border: 2px solid #222; padding: 6px 4px;
        margin-{{ 'right' if label_side == 'left' else 'left' }}: 10px; margin-bottom: 4px; }
.band { display: flex; flex-direction: row; gap: {{ gap }}px; align-items: flex-end; }
.hl { font-family: "{{ head_font }}", sans-serif; font-weight: 700; font-size: {{ hl_fs }}px;
      line-height: 1.3; margin: 0 0 8px 0; }
</style></head>
<body><div class="page">
{%- macro para(p) -%}
<p class="{{ p.cls }}">{% if p.label %}<b class="spk">{{ p.label }}</b>{% endif %}{{ p.text }}</p>
{%- endmacro -%}
{%- macro box(b) -%}
{%- if b.kind == 'header' -%}
<div class="box hdr" style="width:{{ b.w }}px">
<h1>{{ b.title }}</h1>{% if b.subtitle %}<p class="sub">——{{ b.subtitle }}</p>{% endif %}
{% if b.byline %}<p class="by">{{ b.byline }}</p>{% endif %}</div>
{%- elif b.kind == 'roster' -%}
<div class="box roster framed" style="width:{{ b.w }}px"><h4>访谈嘉宾：</h4>
{% for g in b.guests %}<p>{{ g.title }}<span class="gn {{ b.name_cls }}">{{ g.name }}</span></p>
{% endfor %}</div>
{%- elif b.kind == 'note' -%}
<div class="box note text {{ b.frame }}" style="width:{{ b.w }}px">
{% if b.label %}<div class="vlabel">{{ b.label }}</div>{% endif %}
{% for p in b.paras %}{{ para(p) }}
{% endfor %}</div>
{%- elif b.kind == 'band' -%}
<div class="box band" style="width:{{ b.w }}px">
{% for h in b.heads %}<div class="hl" style="width:{{ h.w }}px">{{ h.text }}</div>{% endfor %}</div>
{%- else -%}
<div class="box {{ b.frame }}" style="width:{{ b.w }}px">
{% if b.headline %}<div class="hl">{{ b.headline }}</div>{% endif %}
<div class="text" style="column-count:{{ b.cols }};column-gap:{{ b.cgap }}em">
{% for p in b.paras %}{{ para(p) }}
{% endfor %}</div></div>
{%- endif -%}
{%- endmacro -%}
{%- macro node(n) -%}
{%- if n.type == 'row' -%}
<div class="row">{% for c in n.children %}{{ node(c) }}{% endfor %}</div>
{%- elif n.type == 'stack' -%}
<div class="stack" style="width:{{ n.w }}px">{% for c in n.children %}{{ node(c) }}{% endfor %}</div>
{%- else -%}{{ box(n) }}{%- endif -%}
{%- endmacro -%}
{% for r in rows %}{{ node(r) }}
{% endfor %}
</div>
<script>
(function () {
  var h = Math.max({{ page_h }}, Math.ceil(document.documentElement.scrollHeight) + 4);
  var s = document.createElement('style');
  s.textContent = '@page { size: {{ page_w }}px ' + h + 'px; margin: 0; }';
  document.head.appendChild(s);
})();
</script>
</body></html>
"""

_ENV = jinja2.Environment(autoescape=True, trim_blocks=False)
_TPL = _ENV.from_string(_TEMPLATE)

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"


# ----------------------------------------------------------------------------- helpers

def _row(*children):
    return {"type": "row", "children": [c for c in children if c]}


def _stack(w, children):
    return {"type": "stack", "w": w, "children": children}


def _split_widths(rng: random.Random, total: int, n: int, lo: float = 0.6,
                  gap: int = GAP) -> list[int]:
    """Split `total` px (minus gaps) into n varied widths."""
    avail = total - gap * (n - 1)
    weights = [rng.uniform(lo, 1.0) for _ in range(n)]
    s = sum(weights)
    ws = [int(avail * w / s) for w in weights]
    ws[-1] += avail - sum(ws)
    return ws


def _cols_for(rng: random.Random, w: int, fs: int) -> int:
    chars = rng.uniform(10, 16)
    return max(1, min(4, round(w / (fs * chars))))


def _paras(texts, label=None, cls="", first_cont=False):
    out = []
    for i, t in enumerate(texts):
        c = cls
        if i == 0 and first_cont:
            c = (cls + " cont").strip()
        out.append({"label": label if i == 0 else None, "text": t, "cls": c})
    return out


def _chars(texts) -> int:
    return sum(len(t) for t in texts)


# ----------------------------------------------------------------------------- boxes

class _Page:
    """Collects the boxes of one page while tracking gold and extra printed strings."""

    def __init__(self, rng: random.Random, fs: int):
        self.rng = rng
        self.fs = fs
        self.extras: list[str] = []
        # gaps between boxes and columns: wide enough for extractors to see two columns,
        # now and then tight enough (about 1em) that neighbouring lines fuse
        self.tight = rng.random() < 0.12
        self.gap = round(fs * (rng.uniform(1.1, 1.5) if self.tight else rng.uniform(1.9, 2.8)))

    def widths(self, total, n, lo=0.6):
        return _split_widths(self.rng, total, n, lo, self.gap)

    def text_box(self, w, paras, frame="", headline=None, cols=None):
        rng = self.rng
        return {"type": "box", "kind": "text", "w": w, "paras": paras, "frame": frame,
                "headline": headline, "cols": cols or _cols_for(rng, w, self.fs),
                "cgap": round(rng.uniform(1.0, 1.5) if self.tight and rng.random() < 0.5
                              else rng.uniform(1.8, 2.8), 1)}

    def header(self, iv, w):
        by = ""
        if iv.get("reporters"):
            pre = "本报记者" if self.rng.random() < 0.2 else "记者"
            by = pre + " " + " ".join(iv["reporters"])
            self.extras.append(pre)
        if iv.get("subtitle"):
            self.extras.append("——")
        return {"type": "box", "kind": "header", "w": w, "title": iv["title"],
                "subtitle": iv.get("subtitle", ""), "byline": by}

    def roster(self, iv, w):
        self.extras.append("访谈嘉宾：")
        return {"type": "box", "kind": "roster", "w": w, "guests": iv["guests"],
                "name_cls": self.rng.choice(["inl", "inl", "blk"])}

    def note(self, iv, w):
        paras = _paras(iv["editor_note"])
        return {"type": "box", "kind": "note", "w": w, "label": iv.get("label", ""),
                "paras": paras, "frame": self.rng.choice(["", "framed", "ruled"])}

    def turn_paras(self, turn, is_q, first_cont=False, with_label=True):
        label = turn["speaker"] + "：" if with_label else None
        if label:
            self.extras.append(label)
        return _paras(turn["paragraphs"], label, "q" if is_q else "", first_cont)


# ----------------------------------------------------------------------------- interview

def _qa_groups(turns):
    """[(question turn or None, [answer turns])] in order."""
    groups = []
    for t in turns:
        if t["role"] == "host" or not groups:
            groups.append((t if t["role"] == "host" else None, []))
            if t["role"] == "host":
                continue
        groups[-1][1].append(t)
    return groups


def _split_turn(rng, paras):
    """Split a paragraph list in two (at a paragraph or mid-paragraph); None if too short."""
    total = _chars(p["text"] for p in paras)
    if total < 160:
        return None
    if len(paras) >= 2 and rng.random() < 0.5:
        k = rng.randint(1, len(paras) - 1)
        return paras[:k], paras[k:]
    i = max(range(len(paras)), key=lambda j: len(paras[j]["text"]))
    t = paras[i]["text"]
    if len(t) < 80:
        return None
    cut = rng.randint(len(t) // 3, 2 * len(t) // 3)
    a = dict(paras[i], text=t[:cut])
    b = dict(paras[i], text=t[cut:], label=None, cls=(paras[i]["cls"] + " cont").strip())
    return paras[:i] + [a], [b] + paras[i + 1:]


def _answer_items(pg: _Page, groups, mode):
    """Answer-area items in reading order: (paras, is_split_tail)."""
    rng = pg.rng
    items = []
    for q, answers in groups:
        if mode == "inline" and q is not None:
            qp = pg.turn_paras(q, True)
            if answers and rng.random() < 0.4:
                # the question heads the first answer's box
                first = pg.turn_paras(answers[0], False)
                items.append([qp + first, False])
                answers = answers[1:]
            else:
                items.append([qp, False])
        for a in answers:
            items.append([pg.turn_paras(a, False), False])
    # split some answers in two boxes placed apart
    out = []
    tails = []
    for paras, _ in items:
        parts = _split_turn(rng, paras) if rng.random() < 0.25 else None
        if parts:
            out.append(parts[0])
            tails.append((len(out) + rng.randint(1, 4), parts[1]))
        else:
            out.append(paras)
    for pos, paras in sorted(tails, key=lambda x: -x[0]):
        out.insert(min(pos, len(out)), paras)
    return out


def _distribute(rng, items, k):
    """Assign boxes to k stacks: column-major (reading order) or row-major, some swaps."""
    if rng.random() < 0.25:
        stacks = [items[i::k] for i in range(k)]
    else:
        sizes = [_chars(p["text"] for p in it) for it in items]
        target = sum(sizes) / k
        stacks, cur, acc = [], [], 0
        for it, s in zip(items, sizes):
            if cur and acc + s / 2 > target * (len(stacks) + 1) and len(stacks) < k - 1:
                stacks.append(cur)
                cur = []
            cur.append(it)
            acc += s
        stacks.append(cur)
    for st in stacks:
        if len(st) > 2 and rng.random() < 0.3:
            i = rng.randrange(len(st) - 1)
            st[i], st[i + 1] = st[i + 1], st[i]
    return [s for s in stacks if s]


def _interview_rows(pg: _Page, iv, mode, width, news_side):
    """Rows for the interview; returns (top_rows, body_row, bottom_rows)."""
    rng, fs = pg.rng, pg.fs
    groups = _qa_groups(iv["turns"])
    questions = [q for q, _ in groups if q is not None]
    top_rows, bottom_rows = [], []

    # header (+ note side by side, sometimes)
    note_in_top = bool(iv.get("editor_note")) and rng.random() < 0.5
    if note_in_top:
        hw, nw = pg.widths(width, 2, lo=0.7)
        hdr, note = pg.header(iv, hw), pg.note(iv, nw)
        top_rows.append(_row(*((hdr, note) if rng.random() < 0.6 else (note, hdr))))
    else:
        hw = int(width * rng.uniform(0.6, 1.0))
        top_rows.append(_row(pg.header(iv, hw)))

    # side column
    side_w = rng.randint(150, 230)
    side_children = []
    if iv.get("guests"):
        side_children.append(pg.roster(iv, side_w))
    stranded = []
    if mode == "sidebar":
        for q in questions:
            side_children.append(pg.text_box(side_w, pg.turn_paras(q, True), cols=1,
                                             frame=rng.choice(["", "framed"])))
    elif mode == "top" and questions:
        n = min(len(questions) - 1, rng.choice([1, 1, 2])) if len(questions) > 1 else 0
        stranded = sorted(rng.sample(range(len(questions)), n))
    main_w = width - side_w - pg.gap
    if news_side:
        main_w -= news_side + pg.gap

    main_children = []
    if iv.get("editor_note") and not note_in_top:
        main_children.append(pg.note(iv, main_w))
    if iv.get("lead"):
        main_children.append(pg.text_box(main_w, _paras(iv["lead"])))
    if mode == "top" and questions:
        qs = [p for i, q in enumerate(questions) if i not in stranded
              for p in pg.turn_paras(q, True)]
        main_children.append(pg.text_box(main_w, qs, frame=rng.choice(["framed", "ruled"]),
                                         cols=rng.choice([1, 2, 2, 3])))
        if stranded:
            sp = [p for i in stranded for p in pg.turn_paras(questions[i], True)]
            sw = int(width * rng.uniform(0.25, 0.6))
            bottom_rows.append(_row(pg.text_box(sw, sp, frame=rng.choice(["", "framed"]),
                                                cols=rng.choice([1, 1, 2]))))

    items = _answer_items(pg, groups, mode)
    k = max(1, min(4, round(main_w / rng.uniform(230, 420))))
    stacks = _distribute(rng, items, k)
    widths = pg.widths(main_w, len(stacks))
    def answer_box(w, paras):
        only_q = all(p["cls"].startswith("q") for p in paras)
        return pg.text_box(w, paras, frame=rng.choice(["", "", "ruled"]),
                           cols=1 if only_q and rng.random() < 0.8 else None)
    cols = [_stack(w, [answer_box(w, it) for it in st]) for w, st in zip(widths, stacks)]
    main_children.append(_row(*cols))
    main = _stack(main_w, main_children)

    side = _stack(side_w, side_children) if side_children else None
    if side is None:
        main["w"] = main_w + side_w + pg.gap
    parts = [side, main] if rng.random() < 0.5 else [main, side]
    return top_rows, parts, bottom_rows


# ----------------------------------------------------------------------------- news

_REPORTERS = ["陈静", "刘洋", "杨帆", "周雪", "孙磊", "何欣", "吴迪", "郑楠", "马骁", "韩冰"]


_BYLINE = re.compile(r"^(\s*本报讯（)([^）]{2,40})(）)")
_ROLE = re.compile(r"\s*(实习记者|见习记者|记者|通讯员)\s*")


def _space_byline(m: re.Match) -> str:
    """本报讯（记者包文通讯员冯晓） -> 本报讯（记者 包文 通讯员 冯晓）, as printed."""
    inner = _ROLE.sub(lambda r: f" {r.group(1)} ", m.group(2)).strip()
    return m.group(1) + re.sub(" +", " ", inner) + m.group(3)


def _article_text(art, rng):
    paras = list(art["paragraphs"])
    if paras and not paras[0].lstrip().startswith("本报讯"):
        # the brief's body opening; printed and so part of the gold
        paras[0] = f"本报讯（记者 {rng.choice(_REPORTERS)}）" + paras[0]
    elif paras and rng.random() < 0.85:
        paras[0] = _BYLINE.sub(_space_byline, paras[0], count=1)
    limit = rng.randint(250, 700)
    keep, n = [], 0
    for p in paras:
        if keep and n + len(p) > limit:
            break
        keep.append(p)
        n += len(p)
    return keep


def _news_rows(pg: _Page, arts, width, as_side=False):
    """News articles: a headline band over the bodies, or a headline atop each body."""
    rng = pg.rng
    if not arts:
        return [], []
    texts = [_article_text(a, rng) for a in arts]
    gold = [{"headline": a["headline"], "paragraphs": t} for a, t in zip(arts, texts)]
    if as_side:
        boxes = [pg.text_box(width, _paras(t), headline=a["headline"], frame="ruled",
                             cols=rng.choice([1, 1, 2]) if width > 300 else 1)
                 for a, t in zip(arts, texts)]
        return [_stack(width, boxes)], gold
    widths = pg.widths(width, len(arts), lo=0.5)
    band = rng.random() < 0.6 and len(arts) > 1
    bodies = [pg.text_box(w, _paras(t), headline=None if band else a["headline"],
                          frame=rng.choice(["", "ruled"]))
              for w, a, t in zip(widths, arts, texts)]
    rows = []
    if band:
        heads = [{"w": w, "text": a["headline"]} for w, a in zip(widths, arts)]
        band_box = {"type": "box", "kind": "band", "w": width, "heads": heads}
        body_row = _row(*bodies)
        # the band sits above the bodies or (as in the seed page) below them
        rows = [_row(band_box), body_row] if rng.random() < 0.7 else [body_row, _row(band_box)]
    else:
        rows = [_row(*bodies)]
    return rows, gold


# ----------------------------------------------------------------------------- page

def _pick_font_size(rng, n_chars):
    area = (PAGE_W - 2 * MARGIN) * (PAGE_H - 2 * MARGIN) * 0.4
    best = (area / (max(n_chars, 1) * 1.6)) ** 0.5
    hi = max(12, min(18, int(best)))
    return rng.randint(max(12, hi - 3), hi)


def _iv_chars(iv):
    n = _chars(iv.get("editor_note", [])) + _chars(iv.get("lead", []))
    return n + sum(_chars(t["paragraphs"]) for t in iv["turns"])


def build_page(rng: random.Random, interview: dict | None, articles: list[dict], mode: str):
    n_chars = (_iv_chars(interview) if interview else 0) + sum(
        min(600, _chars(a["paragraphs"])) for a in articles)
    fs = _pick_font_size(rng, n_chars)
    pg = _Page(rng, fs)
    width = PAGE_W - 2 * MARGIN
    rows = []
    gold_ivs = []
    if interview is None:
        rows, gold_arts = _news_rows(pg, articles, width)
        if len(articles) > 2 and rng.random() < 0.5:
            r1, g1 = _news_rows(pg, articles[:2], width)
            r2, g2 = _news_rows(pg, articles[2:], width)
            rows, gold_arts = r1 + r2, g1 + g2
    else:
        place = rng.choice(["top", "bottom", "bottom", "side"])
        news_side = rng.randint(220, 320) if place == "side" and articles else 0
        top, parts, bottom = _interview_rows(pg, interview, mode, width, news_side)
        if news_side:
            nrows, gold_arts = _news_rows(pg, articles, news_side, as_side=True)
            parts.insert(rng.choice([0, len(parts)]), nrows[0])
            news_top, news_bottom = [], []
        else:
            nrows, gold_arts = _news_rows(pg, articles, width)
            news_top = nrows if place == "top" else []
            news_bottom = nrows if place == "bottom" else []
        rows = news_top + top + [_row(*parts)] + news_bottom + bottom
        gold_ivs.append(_gold_interview(interview))
    html = _TPL.render(
        rows=rows, page_w=PAGE_W, page_h=PAGE_H, margin=MARGIN, gap=pg.gap, fs=fs,
        lh=round(rng.uniform(1.45, 1.7), 2),
        body_font=rng.choice([SERIF, SERIF, SANS]), head_font=rng.choice([SANS, SERIF]),
        q_font=rng.choice([SANS, SERIF]), q_weight=rng.choice([400, 700]),
        label_font=rng.choice([SANS, SERIF]),
        title_fs=rng.randint(30, 40), sub_fs=rng.randint(17, 22),
        title_align=rng.choice(["left", "center"]), by_align=rng.choice(["left", "center", "right"]),
        label_side=rng.choice(["left", "left", "right"]), label_fs=fs + rng.randint(4, 10),
        hl_fs=rng.randint(19, 26),
    )
    gold = {"interviews": gold_ivs,
            "articles": [{"headline": normalize(a["headline"]),
                          "paragraphs": [normalize(p) for p in a["paragraphs"]]}
                         for a in gold_arts]}
    return html, gold, pg.extras


def _gold_interview(iv):
    g = {"title": normalize(iv["title"]), "subtitle": normalize(iv.get("subtitle", "")),
         "reporters": [normalize(r) for r in iv.get("reporters", [])],
         "label": normalize(iv.get("label", "")),
         "editor_note": [normalize(p) for p in iv.get("editor_note", [])]}
    if iv.get("lead"):
        g["lead"] = [normalize(p) for p in iv["lead"]]
    g["host"] = normalize(iv["host"])
    g["guests"] = [{"name": normalize(x["name"]), "title": normalize(x["title"])}
                   for x in iv.get("guests", [])]
    g["turns"] = [{"speaker": normalize(t["speaker"]), "role": t["role"],
                   "paragraphs": [normalize(p) for p in t["paragraphs"]]}
                  for t in iv["turns"]]
    return g
