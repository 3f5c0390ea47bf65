"""Generate newspaper pages typeset by ReportLab (platypus Frames), a second typesetting route.

    python tests/typeset/make_reportlab.py --seed 1 --count 100 --out tests/pages/reportlab

The Chromium pages (make_typeset.py) all share one typesetter: text written in DOM order, CSS
multi-column, one font family.  These pages are laid out by other means: a page is a set of
platypus Frames placed by hand on one canvas page (a masthead band, a side column, 2-4 answer
frames of different widths that one story flows through, so that an answer breaks from frame to
frame in mid-sentence, boxes of questions, a guest roster, an editor's note with a vertical
label drawn one character under another, news items in frames of their own), justified text
(TA_JUSTIFY, CJK wrapping), two-character first-line indents, with or without space between
paragraphs.  Fonts: Noto Serif/Sans CJK SC (CFF outlines, converted once to TrueType with
fontTools, as ReportLab's TTFont reads glyf outlines only) or, on some pages, ReportLab's
built-in CID font STSong-Light.

The page plan (which interview, which articles, question mode) is make_typeset's plan for the
same seed, so page NNN carries the same content as the Chromium page NNN; only the layout
differs.  Gold, text extraction and the character check are make_typeset's.

Writes OUT/pdftotext/NNN_mode.txt, OUT/pdfminer/NNN_mode.txt, OUT/gold/NNN_mode.json and
OUT/VERSIONS.txt.  PDFs (and the converted fonts) stay in --work (default /tmp/reportlab_work).
Needs reportlab, pdfminer.six, jinja2 (render.py is imported) and fonttools.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_typeset as mt  # noqa: E402
import render  # noqa: E402

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas as rl_canvas  # noqa: E402
from reportlab.platypus import Frame, Paragraph  # noqa: E402

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SC_INDEX = 2                       # subfont of the Noto CJK .ttc collections: JP, KR, SC, TC, HK
NOTO = {"serif": "NotoSerifCJK-Regular.ttc", "serifb": "NotoSerifCJK-Bold.ttc",
        "sans": "NotoSansCJK-Regular.ttc", "sansb": "NotoSansCJK-Bold.ttc"}
CID_FONT = "STSong-Light"
CID_RATE = 0.2                     # pages set in the built-in CID font rather than Noto
PAGE_W = 842                       # points (A3 width)
MARGIN = 28
CONTINUED_RATE = 0.25              # interviews whose answers end in frames at the page's foot
Q_LABEL_RATE = 0.7                 # top/sidebar pages whose boxed questions carry the host label


# ----------------------------------------------------------------------------- fonts

def _corpus_chars(corpus: Path) -> set[str]:
    chars = set()
    for p in corpus.rglob("*.json"):
        chars |= set(p.read_text("utf-8"))
    chars |= {chr(i) for i in range(32, 127)} | set("访谈嘉宾：本报讯记者通讯员实习见习——“”（）")
    return chars


def _to_truetype(src: Path, dst: Path, chars: set[str]) -> None:
    """Subset a CFF-outlined OpenType subfont to `chars` and convert it to glyf outlines."""
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont as FTFont, newTable
    f = FTFont(str(src), fontNumber=SC_INDEX)
    opts = subset.Options()
    opts.desubroutinize = True
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[ord(c) for c in chars])
    sub.subset(f)
    gs, order = f.getGlyphSet(), f.getGlyphOrder()
    glyphs = {}
    for g in order:
        pen = TTGlyphPen(gs)
        gs[g].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[g] = pen.glyph()
    f["loca"] = newTable("loca")
    glyf = f["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for tag in ("CFF ", "VORG", "VVAR"):
        if tag in f:
            del f[tag]
    glyf.compile(f)
    hmtx = f["hmtx"]
    for g in order:
        if hasattr(glyf[g], "xMin"):
            hmtx[g] = (hmtx[g][0], glyf[g].xMin)
    maxp = f["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for k in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
              "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, k, 0)
    maxp.maxZones = 1
    f["post"].formatType = 3.0
    f.sfntVersion = "\000\001\000\000"
    f.save(str(dst))


def prepare_fonts(work: Path, corpus: Path) -> dict[str, str]:
    """role -> TrueType path of the converted Noto fonts ({} if they cannot be made)."""
    out = {}
    try:
        chars = _corpus_chars(corpus)
        for role, name in NOTO.items():
            dst = work / f"rl_{role}.ttf"
            if not dst.exists():
                _to_truetype(NOTO_DIR / name, dst, chars)
            out[role] = str(dst)
    except Exception as e:  # noqa: BLE001 -- fall back to the CID font
        print(f"Noto fonts not usable ({e}); every page uses {CID_FONT}", file=sys.stderr)
        return {}
    return out


_REGISTERED: set[str] = set()


def _register(fonts: dict[str, str]) -> None:
    if CID_FONT not in _REGISTERED:
        pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
        _REGISTERED.add(CID_FONT)
    for role, path in fonts.items():
        name = "RL-" + role
        if name not in _REGISTERED:
            pdfmetrics.registerFont(TTFont(name, path))
            _REGISTERED.add(name)


# ----------------------------------------------------------------------------- styles

class _Styles:
    """The fonts and paragraph styles of one page, drawn from rng."""

    def __init__(self, rng: random.Random, fonts: dict[str, str]):
        if fonts and rng.random() >= CID_RATE:
            f = {r: "RL-" + r for r in fonts}
            self.body = rng.choice([f["serif"], f["serif"], f["sans"]])
            self.head = rng.choice([f["sansb"], f["serifb"]])
            self.label = rng.choice([f["sansb"], f["serifb"]])
            self.q = rng.choice([f["sansb"], f["serifb"], self.body])
        else:
            self.body = self.head = self.label = self.q = CID_FONT
        self.fs = round(rng.uniform(8.5, 11.5), 1)
        fs = self.fs
        lead = fs * rng.uniform(1.4, 1.7)
        after = 0 if rng.random() < 0.45 else round(fs * rng.uniform(0.2, 0.6), 1)
        self.para_gap = after
        base = dict(fontName=self.body, fontSize=fs, leading=lead, alignment=TA_JUSTIFY,
                    wordWrap="CJK", firstLineIndent=2 * fs, spaceAfter=after)
        self.p = ParagraphStyle("p", **base)
        self.qs = ParagraphStyle("q", **dict(base, fontName=self.q))
        self.roster = ParagraphStyle("r", **dict(base, firstLineIndent=0, alignment=TA_LEFT,
                                                 spaceAfter=fs * 0.4))
        self.roster_name = ParagraphStyle("rn", **dict(base, firstLineIndent=0, alignment=TA_RIGHT,
                                                       fontName=self.head, spaceAfter=fs * 0.4))
        self.roster_head = ParagraphStyle("rh", **dict(base, firstLineIndent=0, alignment=TA_LEFT,
                                                       fontName=self.head, fontSize=fs + 2,
                                                       leading=(fs + 2) * 1.4, spaceAfter=fs * 0.3))
        tfs = rng.randint(22, 34)
        align = rng.choice([TA_CENTER, TA_CENTER, TA_LEFT])
        self.title = ParagraphStyle("t", fontName=self.head, fontSize=tfs, leading=tfs * 1.25,
                                    alignment=align, wordWrap="CJK", spaceAfter=4)
        sfs = rng.randint(13, 17)
        self.sub = ParagraphStyle("s", fontName=self.head, fontSize=sfs, leading=sfs * 1.35,
                                  alignment=align, wordWrap="CJK", spaceAfter=4)
        self.by = ParagraphStyle("b", fontName=self.body, fontSize=fs + 1, leading=(fs + 1) * 1.4,
                                 alignment=rng.choice([TA_LEFT, TA_CENTER, TA_RIGHT]),
                                 wordWrap="CJK")
        hfs = rng.randint(13, 17)
        self.hl = ParagraphStyle("h", fontName=self.head, fontSize=hfs, leading=hfs * 1.3,
                                 alignment=rng.choice([TA_LEFT, TA_CENTER]), wordWrap="CJK",
                                 spaceAfter=fs * 0.5)
        self.label_fs = fs + rng.randint(4, 9)


def _para(text: str, style: ParagraphStyle, label: str | None = None, label_font: str = "") -> Paragraph:
    markup = escape(text)
    if label:
        markup = f'<font name="{label_font}">{escape(label)}</font>' + markup
    return Paragraph(markup, style)


def _height(flows, w: float) -> float:
    """Height the flowables take stacked in a frame of inner width w."""
    h = 0.0
    for i, f in enumerate(flows):
        h += f.wrap(w, 1e7)[1] + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0)
    return h


def _widths(rng: random.Random, total: float, n: int, gap: float, lo: float = 0.6) -> list[float]:
    weights = [rng.uniform(lo, 1.0) for _ in range(n)]
    avail = total - gap * (n - 1)
    return [avail * w / sum(weights) for w in weights]


# ----------------------------------------------------------------------------- page

class _Box:
    """A region of the page: one or more frames (filled in order from one story) + decoration."""

    def __init__(self, x, y_top, w, h, flows, pad=0.0, frame=False, rule=False, label=None,
                 label_side="left", cols=1, col_gap=0.0):
        self.x, self.y_top, self.w, self.h = x, y_top, w, h
        self.flows, self.pad, self.frame, self.rule = flows, pad, frame, rule
        self.label, self.label_side = label, label_side
        self.cols, self.col_gap = cols, col_gap


class _Page:
    def __init__(self, rng: random.Random, st: _Styles):
        self.rng, self.st = rng, st
        fs = st.fs
        self.tight = rng.random() < 0.12
        self.gap = fs * (rng.uniform(0.8, 1.1) if self.tight else rng.uniform(1.3, 2.4))
        self.boxes: list[_Box] = []
        self.extras: list[str] = []
        self.flow_frames: list[tuple[float, float, float, float]] = []   # x, y_top, w, h
        self.flow = list             # a function making the answer story afresh
        self.rules: list[tuple[float, float, float, float, float]] = []

    # ---- content
    def turn(self, t: dict, is_q: bool, with_label: bool = True) -> list[Paragraph]:
        st = self.st
        label = t["speaker"] + "：" if with_label else None
        if label:
            self.extras.append(label)
        style = st.qs if is_q else st.p
        return [_para(p, style, label if i == 0 else None, st.label)
                for i, p in enumerate(t["paragraphs"])]

    def header_flows(self, iv: dict) -> list[Paragraph]:
        st, out = self.st, [_para(iv["title"], self.st.title)]
        if iv.get("subtitle"):
            self.extras.append("——")
            out.append(_para("——" + iv["subtitle"], st.sub))
        if iv.get("reporters"):
            pre = "本报记者" if self.rng.random() < 0.3 else "记者"
            self.extras.append(pre)
            out.append(_para(pre + " " + " ".join(iv["reporters"]), st.by))
        return out

    def roster_flows(self, iv: dict) -> list[Paragraph]:
        st = self.st
        self.extras.append("访谈嘉宾：")
        out = [_para("访谈嘉宾：", st.roster_head)]
        own_line = self.rng.random() < 0.4
        for g in iv["guests"]:
            if own_line:
                out += [Paragraph(escape(g["title"]), dict_style(st.roster, spaceAfter=0)),
                        _para(g["name"], st.roster_name)]
            else:
                out.append(Paragraph(escape(g["title"]) + " " +
                                     f'<font name="{st.head}">{escape(g["name"])}</font>', st.roster))
        return out

    # ---- placement
    def fixed(self, x, y_top, w, flows, frame=False, rule=False, label=None, cols=1) -> float:
        """Place a box sized to its content; returns its height."""
        fs = self.st.fs
        pad = fs * 0.7 if frame else 0.0
        lab_w = self.st.label_fs * 1.8 if label else 0.0
        inner = w - 2 * pad - lab_w
        col_gap = fs * 1.5
        if cols > 1:
            cw = (inner - col_gap * (cols - 1)) / cols
            h = _height(flows, cw) / cols + 3 * self.st.p.leading
        else:
            h = _height(flows, inner)
        if label:
            h = max(h, len(label) * self.st.label_fs * 1.25 + fs)
        h += 2 * pad + 4 + (3 if rule else 0)
        self.boxes.append(_Box(x, y_top, w, h, flows, pad, frame, rule, label,
                               self.rng.choice(["left", "left", "right"]), cols, col_gap))
        return h


def dict_style(style: ParagraphStyle, **kw) -> ParagraphStyle:
    return ParagraphStyle(style.name + "x", parent=style, **kw)


def _fits(frames, make_flow) -> bool:
    scratch = rl_canvas.Canvas(io.BytesIO())
    flow = make_flow()
    for x, y, w, h in frames:
        Frame(x, 0, w, h, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0).addFromList(flow, scratch)
        if not flow:
            return True
    return not flow


def _flow_height(widths, make_flow, leading) -> float:
    """Smallest common height of frames of these widths that holds the whole story."""
    total = sum(_height(make_flow(), w) for w in widths) / len(widths)
    h = max(total / len(widths), leading * 3)
    while not _fits([(0, 0, w, h) for w in widths], make_flow):
        h += leading * 2
    return h


def _interview(pg: _Page, iv: dict, mode: str, arts: list[dict], y: float, width: float) -> float:
    """Lay out one interview (and the page's news) from y downwards; returns the new y."""
    rng, st, fs = pg.rng, pg.st, pg.st.fs
    gap = pg.gap
    groups = render._qa_groups(iv["turns"])
    questions = [q for q, _ in groups if q is not None]
    x0 = MARGIN
    place = rng.choice(["top", "bottom", "bottom", "side"]) if arts else "none"
    q_label = rng.random() < Q_LABEL_RATE   # box / sidebar questions printed with the host label

    if place == "top":
        y = _news_band(pg, arts, x0, y, width) + gap

    # masthead band: rule, header (and the editor's note beside it, sometimes)
    note_top = bool(iv.get("editor_note")) and rng.random() < 0.45
    pg.rules.append((x0, y, x0 + width, y, 3))
    y += 6
    if note_top:
        hw, nw = _widths(rng, width, 2, gap, lo=0.7)
        if rng.random() < 0.6:
            hx, nx = x0, x0 + hw + gap
        else:
            nx, hx = x0, x0 + nw + gap
        h1 = pg.fixed(hx, y, hw, pg.header_flows(iv))
        h2 = pg.fixed(nx, y, nw, [_para(p, st.p) for p in iv["editor_note"]],
                      frame=rng.random() < 0.6, label=iv.get("label") or None)
        y += max(h1, h2)
    else:
        y += pg.fixed(x0, y, width, pg.header_flows(iv))
    pg.rules.append((x0, y + 2, x0 + width, y + 2, 0.8))
    y += gap

    # side column and main column
    side_w = rng.uniform(120, 200)
    side_news = place == "side"
    has_side = bool(iv.get("guests")) or mode == "sidebar" or side_news
    main_w = width - (side_w + gap if has_side else 0)
    side_left = rng.random() < 0.5
    sx = x0 if side_left else x0 + main_w + gap
    mx = x0 + side_w + gap if (has_side and side_left) else x0
    sy, my = y, y
    if iv.get("guests"):
        sy += pg.fixed(sx, sy, side_w, pg.roster_flows(iv), frame=True) + gap
    if mode == "sidebar":
        for q in questions:
            sy += pg.fixed(sx, sy, side_w, pg.turn(q, True, q_label), frame=rng.random() < 0.5,
                           rule=rng.random() < 0.5) + gap * 0.6
    if side_news:
        sy = _news_stack(pg, arts, sx, sy, side_w)

    if iv.get("editor_note") and not note_top:
        my += pg.fixed(mx, my, main_w, [_para(p, st.p) for p in iv["editor_note"]],
                       frame=rng.random() < 0.7, label=iv.get("label") or None) + gap
    q_box = mode == "top" and questions
    q_bottom = q_box and rng.random() < 0.3
    if q_box and not q_bottom:
        qf = [p for q in questions for p in pg.turn(q, True, q_label)]
        my += pg.fixed(mx, my, main_w, qf, frame=True, cols=rng.choice([1, 2, 2])) + gap

    # the answer story: lead, then (inline questions and) answers, flowing frame to frame
    def story():
        out = [_para(p, st.p) for p in iv.get("lead", [])]
        for q, answers in groups:
            if mode == "inline" and q is not None:
                out += [_para(p, st.qs, q["speaker"] + "：" if i == 0 else None, st.label)
                        for i, p in enumerate(q["paragraphs"])]
            for a in answers:
                out += [_para(p, st.p, a["speaker"] + "：" if i == 0 else None, st.label)
                        for i, p in enumerate(a["paragraphs"])]
        return out
    # the labels printed in the story, for the character check
    for q, answers in groups:
        if mode == "inline" and q is not None:
            pg.extras.append(q["speaker"] + "：")
        pg.extras += [a["speaker"] + "：" for a in answers]

    k = max(2, min(4, round(main_w / rng.uniform(150, 260))))
    ws = _widths(rng, main_w, k, gap)
    fh = _flow_height(ws, story, st.p.leading)
    # now and then the story does not end in the main frames but is continued in frames
    # across the foot of the page, below the news
    cont = rng.random() < CONTINUED_RATE
    if cont:
        fh = max(st.p.leading * 4, fh * rng.uniform(0.55, 0.8))
    fx = mx
    for w in ws:
        pg.flow_frames.append((fx, my, w, fh))
        fx += w + gap
    pg.flow = story
    my += fh + gap
    y = max(sy, my)

    if q_bottom:
        qf = [p for q in questions for p in pg.turn(q, True, q_label)]
        qw = width * rng.uniform(0.4, 1.0)
        y += pg.fixed(x0 + rng.choice([0, width - qw]), y, qw, qf, frame=True,
                      cols=2 if qw > 400 else 1) + gap
    if place == "bottom":
        y = _news_band(pg, arts, x0, y, width) + gap
    if cont:
        main = list(pg.flow_frames)
        ws2 = _widths(rng, width, rng.choice([2, 3]), gap)
        h = st.p.leading * 2
        while not _fits([(0, 0, mw, mh) for _x, _y, mw, mh in main] + [(0, 0, w, h) for w in ws2], story):
            h += st.p.leading
        pg.rules.append((x0, y, x0 + width, y, 1.5))
        y += 6
        for w in ws2:
            pg.flow_frames.append((x0, y, w, h))
            x0 += w + gap
        y += h + gap
    return y


def _news_flows(pg: _Page, art: dict, text: list[str]) -> list[Paragraph]:
    return [_para(art["headline"], pg.st.hl)] + [_para(p, pg.st.p) for p in text]


def _news_band(pg: _Page, arts, x, y, width) -> float:
    """News items side by side, each in its own frame with its headline atop; returns new y."""
    texts = [render._article_text(a, pg.rng) for a in arts]
    pg.gold_arts += [{"headline": a["headline"], "paragraphs": t} for a, t in zip(arts, texts)]
    ws = _widths(pg.rng, width, len(arts), pg.gap, lo=0.5)
    hs = []
    for a, t, w in zip(arts, texts, ws):
        pg.rules.append((x, y, x + w, y, 1.5))
        hs.append(pg.fixed(x, y + 4, w, _news_flows(pg, a, t)))
        x += w + pg.gap
    return y + 4 + max(hs)


def _news_stack(pg: _Page, arts, x, y, w) -> float:
    texts = [render._article_text(a, pg.rng) for a in arts]
    pg.gold_arts += [{"headline": a["headline"], "paragraphs": t} for a, t in zip(arts, texts)]
    for a, t in zip(arts, texts):
        pg.rules.append((x, y, x + w, y, 1.5))
        y += 4 + pg.fixed(x, y + 4, w, _news_flows(pg, a, t)) + pg.gap
    return y


def _draw(pg: _Page, height: float) -> bytes:
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=(PAGE_W, height), pageCompression=1)
    c.setTitle("page")
    st = pg.st
    for x1, y1, x2, y2, lw in pg.rules:
        c.setLineWidth(lw)
        c.line(x1, height - y1, x2, height - y2)
    for b in pg.boxes:
        top = height - b.y_top
        if b.frame:
            c.setLineWidth(0.8)
            c.rect(b.x, top - b.h, b.w, b.h)
        if b.rule:
            c.setLineWidth(2)
            c.line(b.x, top, b.x + b.w, top)
        ix, iw = b.x + b.pad, b.w - 2 * b.pad
        if b.label:
            lw = st.label_fs * 1.8
            lx = ix if b.label_side == "left" else ix + iw - lw
            c.setFont(st.head, st.label_fs)
            ly = top - b.pad - st.label_fs * 1.1
            c.setLineWidth(1.2)
            c.rect(lx + 2, ly - (len(b.label) - 1) * st.label_fs * 1.25 - st.label_fs * 0.4,
                   lw - 6, len(b.label) * st.label_fs * 1.25 + st.label_fs * 0.2)
            for ch in b.label:
                c.drawCentredString(lx + lw / 2 - 1, ly, ch)
                ly -= st.label_fs * 1.25
            iw -= lw
            if b.label_side == "left":
                ix += lw
        flow = list(b.flows)
        cw = (iw - b.col_gap * (b.cols - 1)) / b.cols
        for i in range(b.cols):
            h = b.h - 2 * b.pad - (3 if b.rule else 0)
            Frame(ix + i * (cw + b.col_gap), top - b.pad - (3 if b.rule else 0) - h, cw, h,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0).addFromList(flow, c)
        if flow:
            raise OverflowError("box overflow")
    flow = pg.flow()
    for x, y, w, h in pg.flow_frames:
        Frame(x, height - y - h, w, h, leftPadding=0, rightPadding=0, topPadding=0,
              bottomPadding=0).addFromList(flow, c)
    if flow:
        raise OverflowError("story overflow")
    # column rules between the answer frames, sometimes
    if pg.flow_frames and pg.rng.random() < 0.5:
        c.setLineWidth(0.5)
        for (x, y, w, h), _ in zip(pg.flow_frames, pg.flow_frames[1:]):
            gx = x + w + pg.gap / 2
            c.line(gx, height - y, gx, height - y - h)
    c.showPage()
    c.save()
    return buf.getvalue()


def _news_only(pg: _Page, arts, y, width) -> float:
    rng = pg.rng
    i = 0
    while i < len(arts):
        n = min(len(arts) - i, rng.choice([1, 2, 2, 3]) if i else rng.choice([1, 2]))
        y = _news_band(pg, arts[i:i + n], MARGIN, y, width) + pg.gap
        i += n
    return y


def build_page(rng: random.Random, iv: dict | None, arts: list[dict], mode: str, fonts):
    """(pdf bytes, gold without source, extra printed strings)."""
    st = _Styles(rng, fonts)
    pg = _Page(rng, st)
    pg.gold_arts = []
    width = PAGE_W - 2 * MARGIN
    if iv is None:
        y = _news_only(pg, arts, MARGIN, width)
    else:
        y = _interview(pg, iv, mode, arts, MARGIN, width)
    pdf = _draw(pg, y + MARGIN)
    gold = {"interviews": [render._gold_interview(iv)] if iv else [],
            "articles": [{"headline": render.normalize(a["headline"]),
                          "paragraphs": [render.normalize(p) for p in a["paragraphs"]]}
                         for a in pg.gold_arts]}
    return pdf, gold, pg.extras


# ----------------------------------------------------------------------------- driver

def _versions() -> str:
    import pdfminer
    import reportlab
    pdft = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr
    pkgs = subprocess.run(["dpkg-query", "-W", "fonts-noto-cjk", "poppler-utils"],
                          capture_output=True, text=True).stdout
    try:
        import fontTools
        ft = fontTools.version
    except ImportError:
        ft = "-"
    return (f"reportlab: {reportlab.Version}\nfonttools: {ft}\n"
            f"pdftotext: {pdft.splitlines()[0] if pdft else '?'}\n"
            f"pdfminer.six: {pdfminer.__version__}\npython: {sys.version.split()[0]}\n"
            f"debian packages:\n{pkgs}")


def make_page(job):
    seed, plan, out, work, corpus, fonts = job
    name, iv_idx, art_idx, mode = plan
    _register(fonts)
    ivs, arts = mt.load_corpus(Path(corpus))
    rng = random.Random(f"reportlab:{seed}:{name}")
    iv = ivs[iv_idx] if iv_idx is not None else None
    pdf, gold, extras = build_page(rng, iv, [arts[i] for i in art_idx], mode, fonts)
    out, work = Path(out), Path(work)
    pp = work / f"{name}.pdf"
    pp.write_bytes(pdf)
    txt1 = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pp), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    txt2 = mt._pdfminer_text(pp)
    (out / "pdftotext" / f"{name}.txt").write_text(txt1, "utf-8")
    (out / "pdfminer" / f"{name}.txt").write_text(txt2, "utf-8")
    gold = {"source": f"{name}.txt", **gold}
    (out / "gold" / f"{name}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = mt._gold_chars(gold) + "".join(extras)
    return name, mt._char_diff(expected, txt1), mt._char_diff(expected, txt2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--out", type=Path, default=Path("tests/pages/reportlab"))
    ap.add_argument("--corpus", type=Path, default=mt.CORPUS)
    ap.add_argument("--work", type=Path, default=Path("/tmp/reportlab_work"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    ivs, arts = mt.load_corpus(args.corpus)
    mt.fresh_out(args.out, args.work)
    fonts = prepare_fonts(args.work, args.corpus)
    (args.out / "VERSIONS.txt").write_text(_versions(), "utf-8")
    plans = mt.plan_pages(args.seed, args.count, ivs, arts)
    jobs = [(args.seed, p, str(args.out), str(args.work), str(args.corpus), fonts) for p in plans]
    bad = mt.run_pages(make_page, jobs, args.workers, lambda r: mt.diff_flag(r[1], r[2]))
    print(f"{len(plans)} pages, {bad} with pdftotext character differences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
