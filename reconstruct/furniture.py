"""Interview furniture: the guest roster, and headlines matched (and split) to articles."""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from collections.abc import Iterator, Sequence
from dataclasses import replace

from .model import _ENDS_A_POST, ROSTER_SEPARATORS, Guest
from .repair import ends_sentence, strip_spaces, unspaced
from .settings import Settings

__all__ = ["parse_roster", "check_titles", "split_headline", "deal_fragments", "parse_byline", "NAME", "POST"]

NAME = re.compile(r"^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,4}·[\u3400-\u9fff]{1,6}$")
# What a roster's title holds besides a name: a post.
POST = re.compile(r"书记|主任|局长|长$|长、|院长|校长|所长|经理|主席|委员|负责人|董事|理事|队长|站长|馆长|部长|总监|教授|代表")
# Roles a byline lists before names; "记者 甲 乙 通讯员 丙".
_BYLINE_ROLES = ("本报记者", "实习记者", "见习记者", "特约记者", "记者", "通讯员", "摄影", "文/图", "文图")
_SEPARATORS = ROSTER_SEPARATORS  # what the model's roster accounting skips between entries
# A headline part must have at least this share of its bigrams in the article it heads.
_MIN_HEADLINE_COVERAGE = 0.5
# A headline has at least this many characters.
_MIN_HEADLINE = 6
# Fused lines hold at most this many headlines.
_MAX_FUSED = 3


def parse_roster(text: str | Sequence[str], names: Sequence[str]) -> tuple[Guest, ...]:
    """Titles and names of a roster whose lines broke anywhere.

    ``text`` is the roster without its label — or its boxes as printed, in page order;
    ``names`` are the guests known from their turns. The roster is either title-then-name
    ("主任 张三 局长 李四") or name-then-title; name first when nothing stands before the
    first name and a title after the last (boxes read out of order may start on a name).
    """
    pieces = [text] if isinstance(text, str) else list(text)
    flats = _mend_broken_names([re.sub(r"\s+", "", strip_spaces(p.replace("\n", ""))) for p in pieces], names)
    flat = "".join(flats)
    bounds = list(itertools.accumulate(len(f) for f in flats))[:-1]
    found = sorted(
        ((flat.find(n), n) for n in set(names) if n and flat.find(n) >= 0), key=lambda x: x[0]
    )
    if not found:
        return tuple(Guest(name=n) for n in names)
    # nothing before the first name and a title after the last: name, then title; a title
    # before the first name, or nothing after the last (its boxes read out of order): title,
    # then name
    last = found[-1][0] + len(found[-1][1])
    name_first = not flat[: found[0][0]].strip(_SEPARATORS) and bool(flat[last:].strip(_SEPARATORS))
    titles: list[str] = []
    for k, (pos, name) in enumerate(found):
        if name_first:
            end = found[k + 1][0] if k + 1 < len(found) else len(flat)
            title = flat[pos + len(name) : _prose_end(flat, bounds, pos + len(name), end)]
        else:
            start = found[k - 1][0] + len(found[k - 1][1]) if k else 0
            title = _VISITS_CLAUSE.sub("", flat[_prose_start(flat, bounds, start, pos) : pos])
        titles.append(title.strip(_SEPARATORS))
    if not name_first:
        _deal_titles(flat, bounds, found, titles)
    guests = [Guest(name=name, title=title) for (_, name), title in zip(found, titles)]
    listed = {g.name for g in guests}
    guests += [Guest(name=n) for n in names if n not in listed]
    return tuple(guests)


# What marks a roster's box as running prose (a lead's or an answer's line the roster's
# boxes took in), never a title's: an aspect particle (采访了…, 成为了…), a verb of
# interviewing, a sentence's punctuation or a quotation.
_PROSE = re.compile(r"了|专访|采访|走访|[。；！？“”]")
# A verb of interviewing opening the text before a guest's name in the name's own box
# (采访了…局长某某): no part of the title.
_VISITS_CLAUSE = re.compile(r"^.*(?:专访|采访|走访|邀请|对话)了?")


def _prose_start(flat: str, bounds: Sequence[int], start: int, end: int) -> int:
    """Where the title before a name (``flat[start:end]``) starts: after the last of the
    boxes it spans (``bounds``: where they end) that reads as running prose (:data:`_PROSE`),
    whose characters stay the page's text rather than the header's."""
    edges = [start, *(b for b in bounds if start < b < end), end]
    for a, b in reversed(list(zip(edges, edges[1:-1]))):
        if _PROSE.search(flat[a:b]):
            return b
    return start


def _prose_end(flat: str, bounds: Sequence[int], start: int, end: int) -> int:
    """Where the title after a name (``flat[start:end]``) ends: before the first of the
    boxes it spans that reads as running prose (:data:`_PROSE`)."""
    edges = [start, *(b for b in bounds if start < b < end), end]
    for a, b in zip(edges[1:-1], edges[2:]):
        if _PROSE.search(flat[a:b]):
            return a
    return end


def _mend_broken_names(flats: list[str], names: Sequence[str]) -> list[str]:
    """The roster's pieces (flattened) with a guest's name whose line broke inside it read
    whole: a name the roster does not print whole, its first character(s) printed right
    after a title that reads as a whole entry ("…街道党工委书记殷" + "云峤区…": the rest of
    殷丽 went to another box). Only for parsing: the page's text stays as printed."""
    flat = "".join(flats)
    whole = [n for n in names if n and n in flat]
    for name in names:
        if len(name) < 2 or name in flat:
            continue
        for cut in range(len(name) - 1, 0, -1):
            hits = []
            for k, f in enumerate(flats):
                at = f.find(name[:cut])
                while at >= 0:
                    before = f[:at]
                    start = max((before.rfind(n) + len(n) for n in whole if n in before), default=0)
                    if Guest(name, before[start:]).reads_as_entry():
                        hits.append((k, at + cut))
                    at = f.find(name[:cut], at + 1)
            if hits:
                if len(hits) == 1:  # (two places it might be: neither)
                    k, end = hits[0]
                    flats = [*flats[:k], flats[k][:end] + name[cut:] + flats[k][end:], *flats[k + 1:]]
                break
    return flats


# What a title never reaches back across from its name: a sentence's end, a label's colon,
# a quotation or a bracket, a dash (——访…), a box's edge (sources join their boxes with a
# newline).
_TITLE_STOPS = "。；！？：:“”\"（）()《》【】—\n"
# A title holds none of these, nor more than one comma ("…院长，…总院院长"); nor a digit
# (a date or a figure of a sentence run into it).
_NOT_IN_TITLE = "。；！？“”0123456789%"
# Verbs that a subtitle or a lead puts before the guest it interviews (——访…局长某某,
# 记者专访了…局长某某): no part of the title.
_VISITS = re.compile(r"^.*(?:专访|采访|走访|邀请|对话)了?|^访(?:谈|问)?")


# Post words after which a second entry may have been run on without a separator.
_POST_WORD = re.compile(r"(?:书记|主任|局长|院长|校长|经理|部长|董事长|理事长|总监|处长|所长|站长|馆长|队长)(?=[^、，,和及与兼（(])")
# What follows a post word without a separator is a second entry only from this many
# characters on ("主任医师", "局长助理" carry on their post).
_MIN_RUN_ON = 4


def _reads_as_title(title: str, others: Sequence[str]) -> bool:
    """A post as a roster prints it: no sentence's punctuation, no other guest's name, and
    ending in a post (see Guest.reads_as_entry)."""
    return _reads_as(title, tuple(others))


@lru_cache(maxsize=1024)
def _reads_as(title: str, others: tuple[str, ...]) -> bool:
    """:func:`_reads_as_title`, kept for about a page's candidate titles (each guest's are
    read at every place the page prints the name, and again by :func:`check_titles`)."""
    from .meta import split_title  # meta builds on the model, as this module does

    if len(title) < 2 or title.count("，") > 1 or any(p in title for p in _NOT_IN_TITLE):
        return False
    if _PROSE.search(title):  # (a clause of running prose run into it)
        return False
    if any(o in title for o in others):
        return False
    if not (title.endswith(tuple(_ENDS_A_POST)) or split_title(title)[1]):
        return False
    # a comma parts two posts ("…院长，…总院院长"), not a sentence's words from a post
    if "，" in title and not _reads_as_title(title[: title.index("，")], others):
        return False
    # nor do two entries run together ("…副书记、主任某小学校长")
    return _run_on(title, others) == len(title)


def _run_on(title: str, others: Sequence[str]) -> int:
    """Where a second entry starts that was run on to the title without a separator: after
    the first post word that what follows, reading as a title of its own, carries on
    (len(title) when none does)."""
    for m in _POST_WORD.finditer(title):
        if len(title) - m.end() >= _MIN_RUN_ON and _reads_as_title(title[m.end() :], others):
            return m.end()
    return len(title)


def _places(name: str, s: str) -> Iterator[int]:
    """Where ``name`` starts in ``s``: whole, or its first characters (two or more) at a
    box's end, the rest broken onto a line the extractor set elsewhere."""
    for m in re.finditer(re.escape(name), s):
        yield m.start()
    for k in range(len(name) - 1, 1, -1):
        for m in re.finditer(re.escape(name[:k]) + "\n", s):
            yield m.start()


# Characters an organisation's name ends with (…局, …委员会, …街道, …公司): a box ending in
# one stands before the posts of the title whose organisation it names.
_ORG_ENDS = "局会室区县市镇乡村院校所站馆处办部委司厂园心队组道"


# How many boxes (other columns' lines) may stand between two lines of a title.
_SKIPPED_BOXES = 2


def _title_goes_on(s: str, k: int, p: int) -> bool:
    """Does the title before ``p`` carry on across the box edge at ``k`` (a title broken
    over lines the extractor set as boxes of their own)? When a post's word breaks there
    ("党委书" / "记、主任"), or when what follows is posts alone and the box before ends
    an organisation's name ("…办公室" / "副书记、主任")."""
    from .meta import split_title  # meta builds on the model, as this module does

    if _post_breaks(s, k, k + 1):
        return True
    return k > 0 and s[k - 1] in _ORG_ENDS and not split_title(s[k + 1 : p])[0]


def _post_breaks(s: str, end: int, start: int) -> bool:
    """Does a post's word break between ``s[:end]`` and ``s[start:]`` ("党委书" + "记")?"""
    left, right = s[max(end - 3, 0) : end], s[start : start + 3]
    return any(m.start() < len(left) < m.end() for m in POST.finditer(left + right))


def _title_start(s: str, p: int, reach: int) -> str:
    """The text before ``p`` back to a stop, across box edges the title goes on over; when
    the box before is another column's line set between the title's (pdfminer), the box
    up to ``_SKIPPED_BOXES`` earlier whose end a post's word breaks across carries it on."""
    parts: list[str] = []
    end, left = p, reach
    while True:
        start = max(end - left, 0)
        for k in range(end - 1, start - 1, -1):
            if s[k] in _TITLE_STOPS and not (s[k] == "\n" and _title_goes_on(s, k, p)):
                start = k + 1
                break
        parts.insert(0, s[start:end])
        left -= end - start
        if start == 0 or s[start - 1] != "\n" or left <= 0:
            return "".join(parts)
        edge, found = start - 1, None
        for _ in range(_SKIPPED_BOXES):
            prev = s.rfind("\n", 0, edge)
            if prev <= 0:
                break
            if _post_breaks(s, prev, start):
                found = prev
                break
            edge = prev
        if found is None:
            return "".join(parts)
        end = found


def title_candidates(name: str, sources: Sequence[str], others: Sequence[str], reach: int) -> list[str]:
    """The titles the page prints before ``name`` (its roster, a lead's 本期访谈嘉宾：…, a
    field): at each place the name stands in ``sources`` (flattened texts, their boxes
    joined by newlines), the text before it back to a stop (:data:`_TITLE_STOPS`), another
    guest's name or ``reach`` characters, without separators — and the same after its last
    comma (a lead runs entries together with commas) — where that reads as a title. A name
    among others printed one after another ("局长 / 主任 / 张三 / 李四", a narrow box read
    box by box) takes the entry of the titles before them that stands in its place."""
    out: list[str] = []
    # (every place starts with the name's first two characters: most texts have none)
    for s in (x for x in sources if name[:2] in x):
        for p in _places(name, s):
            after = _names_after(s, p + len(name), others) if s.startswith(name, p) else 0
            before, p = _names_before(s, p, others)
            span = _title_start(s, p, reach)
            for o in others:
                e = span.rfind(o)
                if e >= 0:
                    span = span[e + len(o) :]
            span = _VISITS.sub("", span.replace("\n", "").strip(_SEPARATORS))
            for t in dict.fromkeys((span, span[span.rfind("，") + 1 :].strip(_SEPARATORS))):
                entries = _entries(t, others)
                if len(entries) == before + 1 + after:
                    t = entries[before]
                elif before or after:
                    continue
                else:
                    t = entries[-1]
                if _reads_as_title(t, others):
                    out.append(t)
    return out


def _skip_back(s: str, p: int) -> int:
    while p > 0 and (s[p - 1] in _SEPARATORS or s[p - 1] == "\n"):
        p -= 1  # (a name boxed apart from its title)
    return p


def _names_before(s: str, p: int, others: Sequence[str]) -> tuple[int, int]:
    """How many other guests' names stand right before ``p`` (separators apart), and where
    the first of them starts (else where the text before ``p`` ends)."""
    count, p = 0, _skip_back(s, p)
    while True:
        o = next((o for o in others if o and s.endswith(o, 0, p)), None)
        if o is None:
            return count, p
        count, p = count + 1, _skip_back(s, p - len(o))


def _names_after(s: str, e: int, others: Sequence[str]) -> int:
    """How many other guests' names follow right after ``e`` (separators apart)."""
    count = 0
    while True:
        while e < len(s) and (s[e] in _SEPARATORS or s[e] == "\n"):
            e += 1
        o = next((o for o in others if o and s.startswith(o, e)), None)
        if o is None or s.startswith(("：", ":"), e + len(o)):  # (an answer's label)
            return count
        count, e = count + 1, e + len(o)


def _entries(title: str, others: Sequence[str]) -> list[str]:
    """The entries run together in ``title``, in order (see :func:`_run_on`)."""
    out = []
    while (k := _run_on(title, others)) < len(title):
        out.append(title[:k])
        title = title[k:]
    return [*out, title]


def _extends(longer: str, title: str) -> bool:
    """``longer`` is ``title`` with more of it: more at its end or start ("…党支部书记" →
    "…党支部书记、村委会主任"), or more posts within ("…大队大队长" → "…大队支部书记、大队长")."""
    if len(longer) <= len(title) or not title:
        return False
    k = len(longer) - len(title)
    if longer.startswith(title):  # more posts after: "、村委会主任", or a post's word goes on
        return longer[len(title)] in _SEPARATORS or _post_breaks(longer, len(title), len(title))
    if longer.endswith(title):  # the start of a title cut short: mid-word, after a post
        # and its separator, or its posts alone after their organisation
        return (_post_breaks(longer, k, k) or longer[k - 1] in "、，"
                or (longer[k - 1] in _ORG_ENDS and not _org(title)))
    it = iter(longer)
    return longer[:2] == title[:2] and longer[-2:] == title[-2:] and all(c in it for c in title)


def _org(title: str) -> str:
    from .meta import split_title  # meta builds on the model, as this module does

    return split_title(title)[0]


def check_titles(guests: Sequence[Guest], sources: Sequence[str], reach: int) -> tuple[Guest, ...]:
    """Titles completed or put right from the other places the page prints them.

    A roster read out of order may cut a guest's title short ("记、办事处主任"), give none,
    give another guest's, or run other text into it; a lead (本期访谈嘉宾：…), a field or
    another copy of the roster prints it again before the name. A title that reads as one is
    kept, or completed by a fuller one (:func:`_extends`); one that does not, or that the
    page prints before another guest's name and never before this one's, is replaced by the
    title printed most often before the name (then the longest), or by none."""
    names = [g.name for g in guests if g.name]
    found = {}
    for g in guests:
        others = [n for n in names if n != g.name and g.name not in n]
        found[g.name] = (others, title_candidates(g.name, sources, others, reach) if g.name else [])
    joined = [x.replace("\n", "") for x in sources]
    # titles printed right after their guest's name: a roster set name first
    taken = {g.title for g in guests if g.title and any(g.name + g.title in x for x in joined)}
    out = []
    for g in guests:
        others, cands = found[g.name]
        title = g.title

        def best(pool: Sequence[str]) -> str:
            # a title counts the places it is printed cut short too ("记、办事处主任")
            return max(pool, key=lambda c: (sum(1 for x in cands if x == c or _extends(c, x)), len(c)))

        if title and any(g.name + title in x for x in joined):
            out.append(g)  # printed name first, then title: as the roster gave it
            continue
        theirs = any(title in found[o][1] for o in others if o in found)
        # (another guest's title, printed before this name in a roster set name first)
        cands = [c for c in cands if c not in taken or c == title]
        # a title the page never prints before the name, when it prints another there
        # twice or more, or prints this one before another guest's name, is not theirs
        unsure = title not in cands and theirs
        if _reads_as_title(title, others) and not unsure:
            longer = [c for c in cands if _extends(c, title)]
            if longer:
                title = best(longer)
        elif cands:
            title = best(cands)
        elif theirs:
            title = ""
        out.append(g if title == g.title else replace(g, title=title))
    out = _complete_cut_titles(out, sources)
    # one title given to two guests: the one the page never prints it before gives it up
    for k, g in enumerate(out):
        if g.title and g.title not in found[g.name][1] and any(
            o is not g and o.title == g.title and g.title in found[o.name][1] for o in out
        ):
            out[k] = replace(g, title="")
    # a title never keeps running prose (a lead's clause a roster's box took in): what it
    # holds of it stays unaccounted, so that the page's text prints it
    return tuple(replace(g, title=_without_prose(g.title, [n for n in names if n != g.name])) if _PROSE.search(g.title) else g for g in out)


def _without_prose(title: str, others: Sequence[str]) -> str:
    """The title after the last mark of running prose in it (:data:`_PROSE`), if that
    reads as a title; else none."""
    tail = title[[m.end() for m in _PROSE.finditer(title)][-1] :].strip(_SEPARATORS)
    return tail if _reads_as_title(tail, others) else ""


def _complete_cut_titles(guests: list[Guest], sources: Sequence[str]) -> list[Guest]:
    """A title that is only the tail of one ("记、办事处主任", "局长"), completed by the one
    box of the page that reads as its start: a roster broken over two columns (pdfminer.six
    prints the second column's lines far from the first's) leaves the title's first line
    standing alone ("…街道党工委副书" + "记、…", "…局党委副书记、"
    + "局长"). The box holds no sentence's punctuation and no guest's name, and the post's
    word breaks across the join, or the box ends on a separator and the tail names no
    organisation; if two boxes would do, neither is taken."""
    names = [g.name for g in guests if g.name]
    boxes = {b for s in sources for b in s.split("\n")
             if len(b) >= 2 and not any(n in b for n in names) and not _SENTENCE.search(b)}
    out = []
    for g in guests:
        t = g.title
        if not t:
            out.append(g)
            continue
        bare = not _org(t)
        fits = {b + t for b in boxes if _cut_before(b, t, bare) and _reads_as_title(b + t, names)}
        fits -= {o.title for o in guests}
        whole = fits.pop() if len(fits) == 1 else ""
        out.append(replace(g, title=whole) if _org(whole) else g)
    return out


def _cut_before(head: str, tail: str, bare: bool) -> bool:
    """Does ``tail`` carry on a title ``head`` breaks off: in a post's word, or after a
    separator between its posts (``bare``: the tail names no organisation, "局长")?"""
    if head[-1] == "、":
        return bare
    return _post_breaks(head + tail, len(head), len(head))


# what a title never holds (its posts are listed with 、 and, between two entries, ，)
_SENTENCE = re.compile(r"[。；：？！;:?!“”]")


def _deal_titles(flat: str, bounds: Sequence[int], found: Sequence[tuple[int, str]], titles: list[str]) -> None:
    """A narrow roster box read box by box may give its titles first and its names after
    ("局长 / 主任 / 张三 / 李四"): a title made of one box per post, followed by names with no
    title between them, is dealt out one box per name, in order."""
    k = 0
    while k < len(found):
        r = k + 1
        while r < len(found) and not titles[r]:
            r += 1
        if r - k > 1:
            start = found[k - 1][0] + len(found[k - 1][1]) if k else 0
            cuts = [start, *(b for b in bounds if start < b < found[k][0]), found[k][0]]
            parts = [flat[a:b].strip(_SEPARATORS) for a, b in zip(cuts, cuts[1:])]
            parts = [p for p in parts if p]
            if len(parts) == r - k and all(POST.search(p) for p in parts):
                titles[k:r] = parts
        k = r


@lru_cache(maxsize=64)
def _grams(text: str) -> frozenset[str]:
    """The text's character bigrams (spaces already dropped). Kept for about a page's
    articles: each headline candidate is matched against all their texts."""
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def _bigram_hits(line: str, text: str) -> list[int]:
    grams = _grams(text)
    return [1 if line[i : i + 2] in grams else 0 for i in range(len(line) - 1)]


def split_headline(line: str, leads: Sequence[str]) -> list[tuple[str, int]]:
    """Cut a headline line into parts, each matched to one article (index into ``leads``).

    Two or three headlines may have been fused into one line. Every way of cutting the line
    into up to three parts is tried; each part is scored by how many of its character bigrams
    occur in an article's text, and the cut with most matched bigrams wins as long as each
    part is mostly covered. Returns [] when no article matches.
    """
    line = unspaced(line)
    if len(line) < 2 or not leads:
        return []
    hits = [_bigram_hits(line, unspaced(t)) for t in leads]
    prefix = [list(itertools.accumulate(h, initial=0)) for h in hits]
    n = len(line)

    def part_score(a: int, s: int, e: int) -> float:
        # bigrams wholly inside [s, e): positions s..e-2
        total = max(e - s - 1, 1)
        got = prefix[a][e - 1] - prefix[a][s] if e - 1 > s else 0
        return got if got / total >= _MIN_HEADLINE_COVERAGE else -1.0

    # the articles each span can belong to, by span (spans recur across cuts)
    fits: dict[tuple[int, int], list[int]] = {}

    def fitting(s: int, e: int) -> list[int]:
        if (s, e) not in fits:
            fits[s, e] = [a for a in range(len(leads)) if part_score(a, s, e) >= 0]
        return fits[s, e]

    def cuttings(start: int, parts: int) -> Iterator[list[tuple[int, int]]]:
        """The spans from ``start`` to the end in ``parts`` parts, each long enough and
        fitting some article, in the order of itertools.combinations over the cuts."""
        if parts == 1:
            if n - start >= _MIN_HEADLINE and fitting(start, n):
                yield [(start, n)]
            return
        for cut in range(max(start + 1, 2), n - 1):
            if cut - start >= _MIN_HEADLINE and fitting(start, cut):
                for rest in cuttings(cut, parts - 1):
                    yield [(start, cut), *rest]

    best: tuple[float, list[tuple[int, int, int]]] = (0.0, [])
    for k in range(1, min(_MAX_FUSED, len(leads)) + 1):
        for spans in cuttings(0, k):
            # the permutations of k articles in which every part fits its article, in the
            # order itertools.permutations gives them (so ties go the same way)
            for arts in itertools.product(*(fitting(s, e) for s, e in spans)):
                if len(set(arts)) < k:
                    continue
                scores = [part_score(a, s, e) for a, (s, e) in zip(arts, spans)]
                # on a tie, prefer cuts where each part starts and ends on a bigram of its
                # article (the unmatched characters between two headlines are not split
                # arbitrarily), the start counting twice: a news item's text names what its
                # headline opens on (the place, the body) more often than the words that
                # close it ("…联赛落幕", "…浇筑过半"); then fewer parts
                edges = sum(
                    2 * hits[a][s] + hits[a][e - 2] for a, (s, e) in zip(arts, spans) if e - s >= 2
                )
                total = sum(scores) + 0.1 * edges - 0.01 * k
                if total > best[0]:
                    best = (total, [(a, s, e) for a, (s, e) in zip(arts, spans)])
    return [(line[s:e], a) for a, s, e in best[1]]


def deal_fragments(
    fragments: Sequence[str], texts: Sequence[str], settings: Settings | None = None
) -> list[int | None]:
    """The article (index into ``texts``) each headline fragment belongs to, or None.

    A fragment of ``settings.min_dealt_fragment`` characters or more goes to the one article that holds
    most of its bigrams (at least half of them, and strictly more than any other); a shorter
    one goes with the nearest dealt fragment whose article reads on across the join.
    """
    settings = settings or Settings()
    shortest, reach = settings.min_dealt_fragment, settings.fragment_reach
    flat = [unspaced(f) for f in fragments]
    bodies = [unspaced(t) for t in texts]
    grams = [_grams(t) for t in bodies]
    out: list[int | None] = []
    for frag in flat:
        if len(frag) < shortest:
            out.append(None)
            continue
        pairs = _grams(frag)
        cover = sorted(((len(pairs & g) / len(pairs), k) for k, g in enumerate(grams)), reverse=True)
        best = cover[0] if cover else (0.0, 0)
        unique = len(cover) < 2 or cover[1][0] < best[0]
        out.append(best[1] if best[0] >= _MIN_HEADLINE_COVERAGE and unique else None)
    for i, frag in enumerate(flat):
        if out[i] is not None or not frag or len(frag) >= shortest:
            continue
        near = sorted(range(max(0, i - reach), min(len(flat), i + reach + 1)),
                      key=lambda j: (abs(j - i), j > i))
        for j in near:
            k = out[j]
            if j != i and k is not None and len(flat[j]) >= shortest and (
                (j < i and flat[j][-1] + frag[0] in grams[k]) or (j > i and frag[-1] + flat[j][0] in grams[k])
            ):
                out[i] = k
                break
    return out


def parse_byline(text: str) -> tuple[str, ...] | None:
    """Reporter names of a byline "记者 甲 乙 丙", or None if the line is not one."""
    t = text.strip()
    if not t.startswith(_BYLINE_ROLES):  # (first: most lines are not bylines)
        return None
    if "：" in t or ":" in t or ends_sentence(t) or "，" in t:
        return None
    names: list[str] = []
    for tok in t.replace("\u3000", " ").split():
        for role in _BYLINE_ROLES:
            if tok.startswith(role):
                tok = tok[len(role) :]
                break
        if not tok:
            continue
        if not NAME.match(tok):
            return None
        names.append(tok)
    return tuple(names) if names else None
