"""Stage 5 — align: pair every host question with the answer (or answers) it received.

Three steps, each testable on its own: :func:`score_matrix` scores every question against
every answer, :func:`solve` finds the best one-answer-per-question assignment
(``scipy.optimize.linear_sum_assignment``), and :func:`align_turns` turns the result into the
transcript in the questions' order, each answer with its confidence (the margin of the chosen
pairing over the best assignment that does without it).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain

import numpy as np

from .lexicon import bigram_seq, bigrams, char_grams, content_features, dot, unit
from .lsap import linear_sum_assignment
from .model import Candidate, Certainty, Guest, Interview, Turn
from .settings import Settings

__all__ = ["align_turns", "score_matrix", "solve"]

log = logging.getLogger(__name__)

# Bonus that makes every question take at least one answer before any takes a second
# (round tables: more answers than questions).
_FIRST_ANSWER_BONUS = 10.0
# Score given to a forbidden pairing when measuring a pair's margin.
_FORBIDDEN = -1e6
# How many times a guest answering one question twice is settled by trying both of the
# two answers elsewhere (then by moving the weaker): a search depth, not a weight; a page
# rarely has more than two or three such clashes.
_TWICE_BRANCHES = 3
# (frozen: the defaults made once, not on every call without settings of its own)
_DEFAULT_SETTINGS = Settings()



def _idf(docs: Sequence[Counter[str]]) -> dict[str, float]:
    """Inverse document frequency that is zero for a feature every document has."""
    n = len(docs)
    df: Counter[str] = Counter(chain.from_iterable(docs))  # (each document's features, in C)
    if n <= 1:
        return dict.fromkeys(df, 1.0)
    logs = {v: math.log(n / v) for v in set(df.values())}  # a few distinct frequencies
    return {k: logs[v] for k, v in df.items()}


def _weigh(doc: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Log-scaled counts times idf, scaled to unit length (so cosine is a dot product)."""
    logs = {c: 1 + math.log(c) for c in set(doc.values())}  # a few distinct counts
    return unit({k: logs[c] * w for k, c in doc.items() if (w := idf.get(k, 0.0)) > 0})


def _guest_profiles(answers: Sequence[Turn], guests: Sequence[Guest]) -> dict[str, Counter[str]]:
    """What each guest is about: their title (counted double) and everything they said."""
    titles = {g.name: g.title for g in guests}
    profiles: dict[str, Counter[str]] = {}
    for a in answers:
        if a.speaker not in profiles:
            title = bigrams(titles.get(a.speaker, ""))
            profiles[a.speaker] = title + title
        profiles[a.speaker].update(bigram_seq(a.text))
    return profiles


def score_matrix(
    questions: Sequence[Turn],
    answers: Sequence[Turn],
    guests: Sequence[Guest] = (),
    settings: Settings | None = None,
) -> np.ndarray:
    """Score[q, a]: how well answer ``a`` answers question ``q``.

    - lexical: TF-IDF cosine of jieba words and character bigrams between the question and
      the whole answer, and again with the answer's first paragraph (answers echo their
      question first); idf over the answers, so what every answer says counts for nothing;
    - who: cosine between the question and the answering guest's profile (title and all
      their answers) with idf over guests, so a place or organisation that only one guest's
      title or answers name points at that guest;
    - order: a weak tie breaker for the answer at the question's own relative place on the
      page (``Settings.order_weight``).
    """
    settings = settings or _DEFAULT_SETTINGS
    # an answer that opens by turning to what another guest said ("两个街道的做法说明…")
    # speaks of that answer there, not of the question: that phrase is none of its words
    turn_to = re.compile(settings.follow_on_cue)
    full = [content_features(_own_words(a.text, turn_to, settings)) for a in answers]
    opening = [
        (f if len(a.paragraphs) == 1 else content_features(_own_words(a.paragraphs[0].text, turn_to, settings)))
        if a.paragraphs else Counter()
        for a, f in zip(answers, full)
    ]
    asked = [content_features(q.text) for q in questions]
    # what a question sets aside counts for the questions' idf, not for the question
    meant = [content_features(_FRAME_NOUN.sub(r"\1", _RECALL.sub("", _EXCEPT.sub("", q.text))))
             for q in questions]
    # where and when a question is set ("今年以来，全县…") is no topic: the cues weigh the time
    frame = re.compile(settings.frame_words)
    meant = [Counter({k: v for k, v in m.items() if not frame.fullmatch(k)}) for m in meant]
    # what a follow-up recalls ("您提到X，…") is what the answer before it said
    recalled = [" ".join(m.group(1) for m in _RECALL.finditer(q.text)) for q in questions]
    # a name the follow-up quotes from it ("刚才讲到的“银发课堂”…") the answer printed verbatim
    quoted = [[t for t in _QUOTED.findall(r) if len(t) >= settings.recall_quote_length] for r in recalled]
    # a feature counts when it is rare among the answers AND among the questions: what
    # every question asks about is the interview's theme and tells no question apart
    a_idf, q_idf = _idf(full), _idf(asked)
    # (the questions' idf takes a few distinct values: each raised to the power once)
    power = {w: w ** settings.question_idf_power for w in {1.0, *q_idf.values()}}
    idf = {k: v * power[q_idf.get(k, 1.0)] for k, v in a_idf.items()}
    recalled_w = [_weigh(content_features(r), idf) if r else {} for r in recalled]
    full_w = [_weigh(d, idf) for d in full]
    open_w = [w if o is f else _weigh(o, idf) for o, f, w in zip(opening, full, full_w)]
    profiles = _guest_profiles(answers, guests)
    names = list(profiles)
    gidf = _idf([profiles[n] for n in names])
    prof_w = {n: _weigh(profiles[n], gidf) for n in names}
    scores = np.zeros((len(questions), len(answers)))
    q_texts = [q.text for q in questions]
    # what the cue and plan patterns find, once per question and once per answer opening
    cues = [(re.compile(asks), re.compile(says)) for asks, says in settings.cues]
    plan_q, plan_a = re.compile(settings.plan_question), re.compile(settings.plan_answer)
    openings = [_opening(a, settings) for a in answers]
    a_cues = [[bool(says.search(o)) for _, says in cues] for o in openings]
    a_plans = [bool(plan_a.search(o)) for o in openings]
    # plans spoken of anywhere in the answer, for a question that closes the interview
    plan_body, closing = re.compile(settings.plan_body), re.compile(settings.closing_question)
    a_plan_body = [bool(plan_body.search(a.text)) for a in answers]
    # a yes-no question, an answer that opens by saying yes or no
    yes_no_q = re.compile(settings.yes_no_question)
    yes_no_a = re.compile(settings.yes_no_answer)
    a_yes_no = [bool(yes_no_a.search(o)) for o in openings]
    # "请三位各用一句话…": answered in one sentence
    brief_q = re.compile(settings.brief_question)
    a_brief = [len(a.text) <= settings.brief_length and not _SENTENCE_END.search(a.text.rstrip("。！!？?…"))
               for a in answers]
    # an answer that opens on its guest's own part of the whole ("桂湖街道的老小区…" by that
    # street's head): the unit it names there, if any
    titles = {g.name: g.title for g in guests}
    a_parts = [next((u for u in _units(titles.get(a.speaker, ""), settings)
                     if u in o[: settings.scope_window]), None) for a, o in zip(answers, openings)]
    whole = re.compile(settings.whole_question)
    several = re.compile(settings.round_table_cue)
    # an echo needs a run of four characters that the question and the opening share: the
    # pairs with no four-character piece in common are known to have none without looking
    a_grams = [char_grams(o[: settings.echo_window], 4) for o in openings]
    for i, q in enumerate(questions):
        qw = _weigh(meant[i], idf)
        qg = _weigh(bigrams(q_texts[i]), gidf)
        named = _named_guests(q_texts[i], guests, q_texts, settings)
        q_grams = char_grams(q_texts[i], 4)
        echoes = [0.0 if q_grams.isdisjoint(g) else _echo(q_texts[i], o, q_texts, settings)
                  for o, g in zip(openings, a_grams)]
        q_cues = [bool(asks.search(q_texts[i])) for asks, _ in cues]
        asks_plans = bool(plan_q.search(q_texts[i]))
        asks_ahead = bool(closing.search(q_texts[i]))
        asks_yes_no = bool(yes_no_q.search(q_texts[i]))
        asks_whole = bool(whole.search(q_texts[i]))
        asks_several = bool(several.search(q_texts[i]))
        asks_brief = bool(brief_q.search(q_texts[i]))
        who = {n: dot(qg, w) for n, w in prof_w.items()}  # (once per guest, not per answer)
        put_to_one = _put_to_one(q_texts[i], guests, settings)
        recall = recalled_w[i + 1] if i + 1 < len(questions) else {}
        quotes = quoted[i + 1] if i + 1 < len(questions) else []
        for j, a in enumerate(answers):
            lexical = dot(qw, full_w[j])
            score = (
                settings.lexical_weight * lexical
                # (an answer of one paragraph opens with all of it: the same product)
                + settings.opening_weight * (lexical if open_w[j] is full_w[j] else dot(qw, open_w[j]))
                + settings.entity_weight * who[a.speaker]
                + settings.title_weight * named.get(a.speaker, 0.0)
                + settings.cue_weight * _cue_hits(q_cues, a_cues[j])
                + settings.plan_weight * _plan_match(asks_plans, a_plans[j])
                + settings.echo_weight * echoes[j]
            )
            if asks_ahead and a_plan_body[j]:
                score += settings.plan_body_weight
            if put_to_one is not None and a.speaker != put_to_one:
                score -= settings.addressed_other_cost  # put to one guest, answered by another
            if asks_yes_no and a_yes_no[j]:
                score += settings.yes_no_weight
            if recall:
                score += settings.recall_weight * dot(recall, full_w[j])
                if any(t in a.text for t in quotes):
                    score += settings.recall_quote_weight
            if asks_brief:  # a sentence asked for: a sentence given, not a long answer
                score += settings.brief_weight * (1.0 if a_brief[j] else -1.0)
            part = a_parts[j]
            if asks_whole and part is not None and part not in q_texts[i]:
                score -= settings.scope_weight  # the whole asked about, one part answering
            elif asks_several and part is not None:
                score += settings.own_part_weight  # several asked, each on their own part
            scores[i, j] = score
    if settings.order_weight and len(questions) > 1 and len(answers) > 1:
        qpos = np.arange(len(questions))[:, None] / (len(questions) - 1)
        apos = np.arange(len(answers))[None, :] / (len(answers) - 1)
        scores += settings.order_weight * (1.0 - np.abs(qpos - apos))
    return scores


# "除了白渡古镇，全区还有哪些…": what a question sets aside is what its answer is not about.
_EXCEPT = re.compile(r"除了?[^，,。？?！!；;]{1,30}?(?:之外|以外)?[，,]")
# "您刚才提到网上预约，…", "刚才您说到…，", "刚才某书记讲到的…，", "您讲的…，": a follow-up recalls
# what the previous answer said (a request, "请您讲讲…", "请你说说…", recalls nothing).
_RECALL = re.compile(
    r"(?:(?:您|你)(?:刚才|前面|方才)?|(?:刚才|前面|方才)[\u3400-\u9fff]{0,6}?)"
    r"(?:(?:提到|说到|讲到|谈到)(?:了|过|的)?|(?:说|讲)(?:了|过|的))"
    r"([^，,。？?！!；;]{2,40})[，,。]"
)


# a term set in quotation marks ("“银发数字课堂”")
_QUOTED = re.compile(r"[“「\"]([^”」\"，,。？?！!；;]+)[”」\"]")

# where a sentence ends inside a text
_SENTENCE_END = re.compile(r"[。！!？?]")

# "从种的环节看，…", "从企业的角度来说，…": the point of view is X; the frame noun (环节, 角度,
# 层面) says nothing of which answer it asks for.
_FRAME_NOUN = re.compile(r"从([^，,。？?！!；;]{1,12}?)的?(?:环节|角度|层面|维度|视角)(?:来看|看|来说|来讲|讲|说)")


def _own_words(text: str, turn_to: re.Pattern[str], settings: Settings) -> str:
    """TEXT without the phrase of its opening that turns to another guest's answer
    (``Settings.follow_on_cue``, within the first ``cue_window`` characters)."""
    m = turn_to.search(text[: settings.cue_window])
    return text[: m.start()] + text[m.end():] if m else text


def _opening(answer: Turn, settings: Settings) -> str:
    """Where cues and plans are looked for: the start of the answer's first paragraph."""
    return answer.paragraphs[0].text[: settings.cue_window] if answer.paragraphs else ""


def _echo(question: str, opening: str, asked: Sequence[str], settings: Settings) -> float:
    """An answer that opens by repeating the question's words ("最直观的感受就是…" to "…最直观的
    感受是什么？"): 1.0 for a run of echo_length characters or more that few other
    questions share, less for a shorter one (none under four)."""
    best = max(
        (len(p) for p in _common_phrases(question, opening[: settings.echo_window], 4)
         if not _theme(p, asked)),
        default=0,
    )
    return min(1.0, (best - 3) / (settings.echo_length - 3)) if best >= 4 else 0.0


def _theme(phrase: str, asked: Sequence[str]) -> bool:
    """Do a third of the questions or more (two at least) use the phrase? Then it is the
    interview's theme, and points at no one answer or guest."""
    return sum(phrase in x for x in asked) >= max(2, len(asked) // 3)


def _plan_match(asks: bool, plans: bool) -> float:
    return 1.0 if asks == plans and asks else (-1.0 if asks != plans else 0.0)


def _named_guests(
    question: str, guests: Sequence[Guest], asked: Sequence[str] = (), settings: Settings | None = None
) -> dict[str, float]:
    """Which guest the question names: their name, or a phrase that their roster title has
    and no other guest's title has ("…人民医院…" when only one guest heads a people's
    hospital), unless the question speaks of them by surname and post without addressing
    them ("像路董事长这样的创业者…" is put to another guest). A phrase that a third of the
    questions or more use is the interview's theme (the title of the guest in charge of
    it), not a pointer. 1.0 for a name or a phrase of four characters or more, less for
    shorter ones."""
    reach = (settings or _DEFAULT_SETTINGS).address_reach
    return _names_in(question, tuple(guests), tuple(asked), reach)


@lru_cache(maxsize=256)
def _names_in(question: str, guests: tuple[Guest, ...], asked: tuple[str, ...], reach: int) -> dict[str, float]:
    """:func:`_named_guests`, kept for about a page's questions (the scores, each question's
    extra answer cost and the anchors ask it of the same question): the dict is shared, so
    callers read it and never change it."""
    out: dict[str, float] = {}
    addressed = [g.name for g in guests if g.name and _addressed(question, g, reach)]
    by_post = _addressed_by_post(question, guests)
    for g in guests:
        if g.name and (g.name in question or addressed == [g.name] or g.name in by_post):
            out[g.name] = 1.0
            continue
        if g.name and _addressed(question, g, reach, pause=False):
            continue  # spoken of by surname and post to another ("像路董事长这样的…")
        others = [o.title for o in guests if o.name != g.name]
        best = 0
        for phrase in _common_phrases(question, g.title):
            if not any(phrase in t for t in others) and not _theme(phrase, asked):
                best = max(best, len(phrase))
        if best >= 2:
            out[g.name] = min(1.0, (best - 1) / 3)
        if any(
            _abbreviates(a, g.title) and not any(_abbreviates(a, t) for t in others)
            and not _theme(a, asked)
            for a in _ABBREVIATION.findall(question)
        ):
            out[g.name] = 1.0
    return out


# Where a roster title lists several posts ("站长、党支部书记")
_POSTS = re.compile(r"[、，,]|兼")


# what follows a form of address: the pause before the question put to them
_VOCATIVE = frozenset("，,：:")
# the posts whose holder is called "X总"
_CHIEF = re.compile(r"总(?:经理|裁|监|工程师)$")
# ... or the words that ask them to speak: "王局长谈谈…", "李院长给我们介绍一下…"
_REQUEST = re.compile(r"(?:谈谈|谈一谈|说说|说一说|讲讲|讲一讲|介绍|给(?:大家|我们|读者)|再谈|来谈|先谈|最后谈)")


def _put_to_one(question: str, guests: Sequence[Guest], settings: Settings) -> str | None:
    """The one guest of several the question is put to by surname and post (:func:`_addressed`),
    else None."""
    put_to = [g.name for g in guests if g.name and _addressed(question, g, settings.address_reach)]
    return put_to[0] if len(put_to) == 1 and len(guests) > 1 else None


def _addressed(question: str, guest: Guest, reach: int, pause: bool = True) -> bool:
    """Is the guest addressed by surname and post, as interviewers do ("房队长，您…" to
    房建新, 消防大队大队长 — a pause after it: "像房队长这样的…" and "听了房队长的…" speak of
    them to someone else; "司马书记" to a 司马 who is a party secretary; "王局长" to a 副局长)? The
    surname is the name's first one or two characters; the post, two to four characters
    that one of the title's posts ends with. ``pause=False``: named by surname and post at
    all, addressed or spoken of."""
    posts = [p for p in _POSTS.split(guest.title) if p]
    if not posts:
        return False
    for n in (1, 2):
        if len(guest.name) <= n:
            break
        at = question.find(guest.name[:n])
        while at >= 0:
            rest = question[at + n : at + n + reach]
            asked = question[max(0, at - 1) : at] == "请"  # "请王局长谈谈…": asked to speak
            if any(p.endswith(rest[:k]) and (not pause or rest[k : k + 1] in _VOCATIVE
                                             or asked or _REQUEST.match(rest, k) is not None)
                   for k in range(2, len(rest)) for p in posts):
                return True
            # "阎总，" to a 总经理 (a 总裁, a 总监): a head of a company is called by the first
            # character of the post
            if rest[:1] == "总" and any(_CHIEF.search(p) for p in posts) and (
                    not pause or rest[1:2] in _VOCATIVE or asked or _REQUEST.match(rest, 1) is not None):
                return True
            at = question.find(guest.name[:n], at + 1)
    return False


# a count of guests and their post: "两位院长", "三位书记", "各位局长"
_COUNTED_POST = re.compile(r"([两三四五几各诸])位([\u3400-\u9fff]{2,4})")
_COUNTS = {"两": 2, "三": 3, "四": 4, "五": 5}


def _addressed_by_post(question: str, guests: Sequence[Guest]) -> list[str]:
    """The guests a question puts to several by their post ("两位院长能否分别谈一谈" to the
    two guests whose titles have a post that ends in 院长, not to the bureau's 主任): the
    guests with one of their title's posts ending with the two to four characters after
    the count — as many as it says ("两位书记" when four guests are party secretaries
    says nothing of which two), two or more for "各位", "几位"."""
    found: list[str] = []
    for m in _COUNTED_POST.finditer(question):
        count, rest = _COUNTS.get(m.group(1)), m.group(2)
        for k in range(len(rest), 1, -1):
            hit = [g.name for g in guests if g.name
                   and any(p.endswith(rest[:k]) for p in _POSTS.split(g.title) if p)]
            if len(hit) >= 2 and (count is None or len(hit) == count):
                found += hit
                break
    return found


# An organisation named short: a few characters that end as organisations' names end
# ("经信委" for 经济和信息化委员会, "住建委", "人社局", "卫健委").
_ABBREVIATION = re.compile(r"(?=([\u3400-\u9fff]{2,4}[委局办区院部厅队]))")


def _abbreviates(short: str, title: str) -> bool:
    """Is ``short`` the title's words cut to their first characters: its characters found
    in ``title`` in order, no two of them side by side there ("岚川区" in 岚川高新…开发区
    keeps a place name whole: not an abbreviation)?"""
    at = None
    for ch in short:
        k = title.find(ch, 0 if at is None else at + 2)
        if k < 0:
            return False
        at = k
    return True


def _common_phrases(a: str, b: str, shortest: int = 2) -> set[str]:
    """Maximal runs of letters that both texts contain."""
    found: set[str] = set()
    n = len(a)
    i = 0
    while i < n:
        j = i + shortest
        if j > n or a[i:j] not in b:
            i += 1
            continue
        while j < n and a[i : j + 1] in b:
            j += 1
        phrase = a[i:j]
        if all(c.isalnum() for c in phrase):
            found.add(phrase)
        i = j
    return found


def _cue_hits(asked: Sequence[bool], said: Sequence[bool]) -> float:
    """1 when a cue type the question has is one the answer opens with, else 0."""
    return min(sum(1.0 for q, a in zip(asked, said) if q and a), 1.0)


def solve(
    scores: np.ndarray,
    speakers: Sequence[str] | None = None,
    extra_cost: Sequence[float] | None = None,
) -> list[tuple[int, int]]:
    """(question, answer) pairs maximising the total score.

    Every answer gets a question and every question at least one answer when there are
    enough. Each question has one first slot open to any guest (with a bonus, so all first
    slots fill before any second answer is given) and one further slot per guest — in a
    round table each guest answers a question once — that costs ``extra_cost[q]``.
    """
    n_q, n_a = scores.shape
    if n_q == 0 or n_a == 0:
        return []
    speakers = list(speakers) if speakers is not None else [str(a) for a in range(n_a)]
    return _assign(_Slots.of(scores, speakers, extra_cost), scores, speakers)


@dataclass(frozen=True, slots=True)
class _Slots:
    """The answers × slots matrix that :func:`solve` assigns: question q's first slot is
    column q; its slot for the k-th guest (in name order) is column n_q + q * len(names) + k."""

    matrix: np.ndarray
    owners: list[int]  # the question of each column
    names: list[str]
    extra: list[float]

    @classmethod
    def of(cls, scores: np.ndarray, speakers: Sequence[str], extra_cost: Sequence[float] | None) -> _Slots:
        n_q, n_a = scores.shape
        extra = list(extra_cost) if extra_cost is not None else [0.0] * n_q
        names = sorted(set(speakers))
        matrix = np.empty((n_a, n_q * (1 + len(names))))
        matrix[:, :n_q] = (scores + _FIRST_ANSWER_BONUS).T
        further = (scores - np.asarray(extra, dtype=float)[:, None]).T
        for k, name in enumerate(names):
            mine = np.array([sp == name for sp in speakers])[:, None]
            matrix[:, n_q + k :: len(names)] = np.where(mine, further, _FORBIDDEN)
        owners = list(range(n_q)) + [q for q in range(n_q) for _ in names]
        return cls(matrix, owners, names, extra)

    def without(self, q: int, a: int, speaker: str) -> _Slots:
        """The slots of the scores with question q's score for answer a set to _FORBIDDEN
        (the cells :meth:`of` would compute from them), the rest as they are."""
        matrix = self.matrix.copy()
        n_q = len(self.extra)
        matrix[a, q] = _FORBIDDEN + _FIRST_ANSWER_BONUS
        k = self.names.index(speaker)
        matrix[a, n_q + q * len(self.names) + k] = np.float64(_FORBIDDEN) - np.float64(self.extra[q])
        return _Slots(matrix, self.owners, self.names, self.extra)


def _assign(slots: _Slots, scores: np.ndarray, speakers: Sequence[str]) -> list[tuple[int, int]]:
    """:func:`solve` on slots already laid out (the matrix is changed)."""
    return _branch(slots.matrix, slots.owners, scores, speakers, _TWICE_BRANCHES)[0]


def _branch(
    matrix: np.ndarray, owners: list[int], scores: np.ndarray, speakers: Sequence[str], depth: int
) -> tuple[list[tuple[int, int]], float]:
    """The best assignment in which no guest answers a question twice, and its value. When
    the unconstrained best has a guest answer one question twice, one of the two answers
    must leave it: the weaker, or — the other answer fitting a second question better than
    the weaker fits anything else — the stronger; both are tried (``depth`` times, then
    the weaker only)."""
    n_a = scores.shape[1]
    pairs: list[tuple[int, int]] = []
    value = 0.0
    for _ in range(n_a + 1):  # each pass forbids one more cell, so this ends
        rows, picked = linear_sum_assignment(matrix, maximize=True)
        pairs = sorted((owners[c], a) for a, c in zip(rows.tolist(), picked.tolist()))
        value = float(matrix[rows, picked].sum())
        twice = _answered_twice(pairs, speakers, scores)
        if twice is None:
            break
        q, weaker, stronger = twice  # the same guest answering one question twice
        cells = [c for c, o in enumerate(owners) if o == q]
        movable = [a for a in (weaker, stronger) if not all(matrix[a, c] <= _FORBIDDEN for c in cells)]
        if not movable:
            break  # nowhere else to go (one question, several answers by one guest)
        if depth > 0 and len(movable) == 2:
            tried = []
            for a in movable:
                m = matrix.copy()
                m[a, cells] = _FORBIDDEN
                tried.append(_branch(m, owners, scores, speakers, depth - 1))
            return max(tried, key=lambda t: t[1])
        matrix[movable[0], cells] = _FORBIDDEN
    return pairs, value


def _answered_twice(
    pairs: Sequence[tuple[int, int]], speakers: Sequence[str], scores: np.ndarray
) -> tuple[int, int, int] | None:
    """A question one guest answers twice in the pairs: (question, the weaker answer, the
    stronger)."""
    best: dict[tuple[int, str], int] = {}
    for q, a in pairs:
        key = (q, speakers[a])
        if key in best:
            other = best[key]
            return (q, a, other) if scores[q, a] <= scores[q, other] else (q, other, a)
        best[key] = a
    return None


def _total(scores: np.ndarray, pairs: Sequence[tuple[int, int]]) -> float:
    return float(sum(scores[q, a] for q, a in pairs))


def _margin(
    scores: np.ndarray, pairs: list[tuple[int, int]], q: int, a: int, how: tuple[list[str], list[float]],
    slots: _Slots,
) -> float:
    """How much the best assignment loses if answer ``a`` may not answer question ``q``
    (``slots``: those of ``scores``, laid out once for all the pairs' margins)."""
    blocked = scores.copy()
    blocked[q, a] = _FORBIDDEN
    alt = _assign(slots.without(q, a, how[0][a]), blocked, how[0])
    if any(blocked[x, y] <= _FORBIDDEN for x, y in alt):
        return float("inf")
    return _total(scores, pairs) - _total(scores, alt)


def _extra_answer_cost(
    question: str, settings: Settings, guests: Sequence[Guest] = (), asked: Sequence[str] = ()
) -> float:
    """What a second (third…) answer to this question costs: little when the question
    addresses several guests ("两位…分别谈谈"), or asks what "the schools" or "the
    streets" do when several guests head one (their titles say so), more when it
    addresses one guest by surname and post ("路董事长，您…": that guest's to answer) or
    points at one by what only their title says ("公安领域…" to the one police chief), much
    otherwise."""
    if re.search(settings.round_table_cue, question):
        return settings.round_table_cost
    if sum(bool(g.name) and _addressed(question, g, settings.address_reach) for g in guests) == 1:
        return settings.addressed_extra_cost
    named = _named_guests(question, guests, asked, settings) if len(guests) > 1 else {}
    if len(named) == 1 and not any(
        g.name in named and _addressed(question, g, settings.address_reach, pause=False) for g in guests
    ):
        # (by what only their title says; by surname and post with no pause after them,
        # "像周理事长这样的带头人…" speaks of that guest to another)
        return settings.pointed_extra_cost
    for asks, heads in settings.round_table_kinds:
        if re.search(asks, question) and sum(bool(re.search(heads, g.title)) for g in guests) >= 2:
            return settings.round_table_cost
    return settings.extra_answer_cost


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the aligner knows of one pairing when it names its certainty."""

    margin: float  # what the best assignment loses without the pairing
    score: float  # the pairing's own score: what its words say, the layout's anchor left out
    question_breaks: int = 0  # places where the question's lines jump (see _breaks)
    answer_breaks: int = 0


def _cert(e: _Evidence, settings: Settings) -> Certainty:
    """High for a wide margin over the next best assignment, a pairing that fits its
    question of its own, and a question and an answer each read in one run of lines. Low
    for a near-tie, a pairing that fits next to nothing, a question read from lines apart
    or an answer gathered from three runs of lines or more."""
    if (e.margin >= settings.high_margin and e.score >= settings.high_score
            and e.question_breaks == 0 and e.answer_breaks == 0):
        return "high"
    if e.margin < settings.medium_margin or e.score < settings.low_score:
        return "low"
    if e.question_breaks > 0 or e.answer_breaks >= settings.low_answer_breaks:
        return "low"
    return "medium"


def _confidence(cert: Certainty, margin: float, settings: Settings) -> float:
    """0..1: the level's band (see Settings.low_confidence), and the margin within it."""
    within = 1.0 if math.isinf(margin) else min(1.0, max(0.0, margin) / settings.full_confidence_margin)
    low, high = settings.low_confidence, settings.high_confidence
    # (a medium or low pairing stays just under the floor of the band above it, × 0.99)
    if cert == "high":
        return high + (1.0 - high) * within
    if cert == "medium":
        return low + (high - low) * within * 0.99
    return low * within * 0.99


def _breaks(turn: Turn, settings: Settings) -> int:
    """Where the turn's lines do not follow each other on the page (more than a blank
    line apart, or backwards)."""
    lines = [n for p in turn.paragraphs for n in p.lines]
    return sum(not 0 < b - a <= settings.cert_line_step for a, b in zip(lines, lines[1:]))


def align_turns(interview: Interview, settings: Settings | None = None) -> Interview:
    """Fill ``interview.turns``: each question followed by its answer(s), in question order."""
    settings = settings or _DEFAULT_SETTINGS
    qs, ans = interview.questions, interview.answers
    if not qs or not ans:
        return replace(interview, turns=tuple(sorted(qs + ans, key=_first_line)))
    scores = score_matrix(qs, ans, interview.guests, settings)
    fit = scores.copy()  # what the words say, before the layout's anchors
    asked = [q.text for q in qs]
    costs = [_extra_answer_cost(text, settings, interview.guests, asked) for text in asked]
    for qa, aa, weight in _trusted(_anchors(interview, costs, settings), fit, settings, len(qs)):
        scores[qa, aa] += weight  # printed right after its question
    how = ([a.speaker for a in ans], costs)
    pairs = solve(scores, *how)
    if _follow_on(scores, pairs, ans, settings, interview.guests):
        pairs = solve(scores, *how)
    slots = _Slots.of(scores, *how)
    margins = {(qa, aa): _margin(scores, pairs, qa, aa, how, slots) for qa, aa in pairs}
    turns: list[Turn] = []
    by_answer = sorted(margins.items(), key=lambda x: x[0][1])  # (once, not once a question)
    in_order = None if interview.anchored else _answer_order(interview, pairs, settings)
    if in_order is not None and in_order <= settings.answer_order_void:
        # the boxes were set in no relation to the questions' order: their order under one
        # question says nothing either; guests answer in the roster's order, a follow-on last
        by_answer.sort(key=lambda x: _roster_place(interview, x[0][1], settings))
    order = _question_order(interview, pairs, in_order, settings)
    for n, qi in enumerate(order):
        q = qs[qi]
        turns.append(q)
        for (pq, a), margin in by_answer:
            if pq != qi:
                continue
            turns.append(_answer_turn(ans[a], q, qi, a, margin, scores, float(fit[qi, a]), settings, n))
    placed = {a for _, a in pairs}
    turns += [ans[a] for a in range(len(ans)) if a not in placed]
    # the questions in reading order, which the turns' question numbers count (overrides,
    # the review page and inspect number them so)
    place = {qi: n for n, qi in enumerate(order)}
    return replace(
        interview, turns=tuple(turns), questions=tuple(qs[qi] for qi in order),
        anchored=tuple((place[q], a) for q, a in interview.anchored),
    )


def _question_order(
    interview: Interview, pairs: Sequence[tuple[int, int]], in_order: float | None, settings: Settings
) -> list[int]:
    """The questions in the order they were asked: as printed, with two corrections:

    - in a layout that sets the questions apart from the answers (none printed right before
      its answer), a question printed apart from the questions' list (stranded after the
      answers) goes where its answer stands among the list's answers, when this page prints
      its answers in the list's order (``in_order``, :func:`_answer_order`, at least
      ``Settings.answer_order_trust``): then the answers' order is the interview's;
    - a single question that closes the interview (``Settings.closing_question``:
      "最后…", "下一步…") is read last, wherever its box was printed.
    """
    order = list(range(len(interview.questions)))
    answered = _first_answers(pairs)
    listed = _question_list(interview)
    if in_order is not None and in_order >= settings.answer_order_trust:
        order = list(listed)
        for q in range(len(interview.questions)):
            if q in listed:
                continue
            at = answered.get(q)
            k = next((k for k, p in enumerate(order) if at is not None and p in listed
                      and answered.get(p, -1) > at), len(order))
            order.insert(k, q)
    closing = re.compile(settings.closing_question)
    closers = [i for i, q in enumerate(interview.questions) if closing.search(q.text)]
    if len(closers) != 1:
        return order
    order.remove(closers[0])
    return order + closers


def _first_answers(pairs: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Each question's first answer in print."""
    answered: dict[int, int] = {}
    for q, a in sorted(pairs, key=lambda p: p[1]):
        answered.setdefault(q, a)
    return answered


def _answer_order(interview: Interview, pairs: Sequence[tuple[int, int]], settings: Settings) -> float | None:
    """How far the page prints its answers in the order of the list of questions: the
    share of the list's pairs of answered questions whose answers are printed in their
    order (1.0 all, about half for boxes set wherever they fit); None, no telling, over
    fewer than ``Settings.answer_order_min`` answered questions."""
    answered = _first_answers(pairs)
    known = [answered[q] for q in _question_list(interview) if q in answered]
    if len(known) < settings.answer_order_min:
        return None
    agree = sum(a < b for k, a in enumerate(known) for b in known[k + 1:])
    return agree / (len(known) * (len(known) - 1) // 2)


def _roster_place(interview: Interview, a: int, settings: Settings) -> tuple[bool, int, int]:
    """Where answer ``a`` stands among a question's answers when their boxes' order says
    nothing: a follow-on ("我补充一点", ``Settings.follow_on_cue``) after the others, the
    others in the roster's order (a round table's guests answer as they were introduced),
    then as printed."""
    answer = interview.answers[a]
    names = [g.name for g in interview.guests]
    follows = bool(re.search(settings.follow_on_cue, _opening(answer, settings)))
    return follows, names.index(answer.speaker) if answer.speaker in names else len(names), a


def _question_list(interview: Interview) -> list[int]:
    """The questions printed together as a list: the longest run of questions printed one
    after another with no answer's first line between them (the first such run)."""
    starts = sorted(_first_line(a) for a in interview.answers)
    runs: list[list[int]] = []
    for q, turn in enumerate(interview.questions):
        line = _first_line(turn)
        if runs and not any(_first_line(interview.questions[runs[-1][-1]]) < s < line for s in starts):
            runs[-1].append(q)
        else:
            runs.append([q])
    return max(runs, key=len) if runs else []


def _anchors(
    interview: Interview, costs: Sequence[float], settings: Settings
) -> list[tuple[int, int, float]]:
    """The layout's anchors (question, answer, weight), but for a later answer of a run
    printed after a question put to one guest ("县生态环境局还将…？" to that bureau's head
    alone: its name or a phrase only their title has, in full) when another guest gives it:
    that is no round table but a box printed out of its place. A later answer of a run after
    a question that asks for no round table (``costs``, each question's
    :func:`_extra_answer_cost`, is not below the usual: no "两位…分别", no kind of body
    several guests head) weighs only weak_anchor_share: it may as well be such a box."""
    first: dict[int, int] = {}
    for q, a in interview.anchored:
        first[q] = min(a, first.get(q, a))
    asked = [q.text for q in interview.questions]
    kept = []
    guests = interview.guests
    for q, a in interview.anchored:
        weight = settings.anchor_weight
        put_to = _put_to_one(asked[q], guests, settings)
        if put_to is not None and interview.answers[a].speaker != put_to:
            continue  # "路董事长，您…" is put to that guest: another's answer after it is out of place
        if a != first[q]:
            named = _named_guests(asked[q], interview.guests, asked, settings)
            sole = [n for n, v in named.items() if v >= 1.0]
            if len(sole) == 1 and interview.answers[a].speaker != sole[0]:
                continue
            if costs[q] >= settings.extra_answer_cost:
                weight *= settings.weak_anchor_share
        kept.append((q, a, weight))
    return kept


def _trusted(
    anchors: list[tuple[int, int, float]], fit: np.ndarray, settings: Settings, questions: int = 0,
) -> list[tuple[int, int, float]]:
    """The anchors, unless the words overrule one of them (an answer fits another question
    by more than anchor_weight): then the print order is not question, answer, question,
    answer (questions printed apart, read in between the answers' boxes) and no anchor is
    trusted."""
    overruled = any(float(fit[:, a].max()) - float(fit[q, a]) > settings.anchor_weight for q, a, _ in anchors)
    if overruled:
        return []  # (when a third of them or more are: 2 pairs fewer)
    # a question's box read in among the answers: its answer fits it in nothing — on a page
    # that sets most of its questions apart (under half of them anchor an answer); an inline
    # page prints every question before its answer, whatever the words say
    if len({q for q, _, _ in anchors}) >= settings.stray_anchor_share * questions:
        return _halved(anchors, fit, settings)
    return [(q, a, w) for q, a, w in anchors
            if not (fit[q, a] < settings.stray_anchor_fit
                    and float(fit[:, a].max()) - float(fit[q, a]) > settings.stray_anchor_lead)]


def _halved(
    anchors: list[tuple[int, int, float]], fit: np.ndarray, settings: Settings,
) -> list[tuple[int, int, float]]:
    """The anchors at denied_anchor_weight of their weight when the words deny a good
    share of them (``Settings.denied_anchor_share``: each answer fitting another question
    better than its anchor's): then the print order is not reliably question, answer
    (boxes read across columns), though no answer fits another question by a whole
    anchor."""
    if not anchors:
        return anchors
    denied = sum(float(fit[:, a].max()) > float(fit[q, a]) for q, a, _ in anchors)
    if denied < 2 or denied < settings.denied_anchor_share * len(anchors):
        return anchors
    return [(q, a, w * settings.denied_anchor_weight) for q, a, w in anchors]


def _follow_on(
    scores: np.ndarray, pairs: Sequence[tuple[int, int]], answers: Sequence[Turn], settings: Settings,
    guests: Sequence[Guest] = (),
) -> bool:
    """An answer that opens by turning to what another guest just said ("西岳街道的情况有些
    不同", "我补充一点", "刚才…说的") follows that answer under the same question: add to
    its score for each question how much it shares with each answer by another guest that
    the first assignment gives that question — at least sibling_share when that guest
    heads a body of the same kind (the other street's head: a contrast, "西岳街道的情况有些
    不同", need share no words with what it is set against). True when some score changed."""
    cue = re.compile(settings.follow_on_cue)
    turning = [j for j, a in enumerate(answers) if cue.search(_opening(a, settings))]
    if not turning:  # most interviews: no answer's words need weighing again
        return False
    words = [content_features(a.text) for a in answers]
    idf = _idf(words)
    weighed = [_weigh(w, idf) for w in words]
    kinds = {g.name: frozenset(m.group(2) for m in re.finditer(settings.unit_pattern, g.title))
             for g in guests if g.name}
    changed = False
    for j in turning:
        a = answers[j]
        mine = kinds.get(a.speaker, frozenset())
        for q, b in pairs:
            other = answers[b]
            if b != j and other.speaker != a.speaker:
                shared = dot(weighed[b], weighed[j])
                if mine & kinds.get(other.speaker, frozenset()):
                    shared = max(shared, settings.sibling_share)
                scores[q, j] += settings.follow_on_weight * shared
                changed = True
    return changed


def _units(title: str, settings: Settings) -> list[str]:
    """The bodies below the whole that a roster title names ("桂湖街道", "石门镇")."""
    return [m.group(0) for m in re.finditer(settings.unit_pattern, title)]


def _answer_turn(
    answer: Turn, question: Turn, qi: int, a: int, margin: float, scores: np.ndarray, fit: float,
    settings: Settings, number: int,
) -> Turn:
    """The answer's turn under question ``qi`` (its row of ``scores``), numbered ``number``
    in reading order."""
    row = scores[qi]
    best = next((j for j in np.argsort(-row).tolist() if j != a), None)
    runner = Candidate(answer=best, score=round(float(row[best]), 4)) if best is not None else None
    evidence = _Evidence(margin, fit, _breaks(question, settings), _breaks(answer, settings))
    cert = _cert(evidence, settings)
    log.debug("question %d <- answer %d (%s): %s, %s", number + 1, a, answer.speaker, evidence, cert)
    return Turn(  # (dataclasses.replace of the answer, without replace's look at the fields)
        answer.speaker, answer.role, answer.paragraphs, question=number, answer=a,
        confidence=round(_confidence(cert, margin, settings), 3), cert=cert, runner_up=runner,
        resp=answer.resp,
    )


def _first_line(t: Turn) -> int:
    return t.paragraphs[0].lines[0] if t.paragraphs and t.paragraphs[0].lines else 0
