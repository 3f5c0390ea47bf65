"""Pages that print more than one interview: the page's flows split per interview.

Each interview has its own roster, and its guests speak only in it. When a page holds two
or more rosters naming different guests, every answer goes with its speaker's roster, every
question with the interview whose answers share its words most (TF-IDF over the interviews),
and the furniture — title, byline, note, lead — with the interview printed nearest to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .blocks import LABEL
from .flows import Flow
from .lexicon import content_features, cosine, tfidf
from .model import Kind

__all__ = ["split_interviews"]

# Kinds that make a page hold an interview.
_TURNS = (Kind.QUESTION, Kind.ANSWER)


def split_interviews(flows: Sequence[Flow], names: frozenset[str]) -> list[list[Flow]]:
    """The flows of each interview on the page, in page order ([] when there is none)."""
    flows = list(flows)
    if not any(f.kind in _TURNS for f in flows):
        return []
    casts = _casts(flows, names)
    if len(casts) < 2:
        return [flows]
    group: dict[int, int] = {}
    for i, f in enumerate(flows):
        if f.kind is Kind.ANSWER:
            group[i] = next((k for k, c in enumerate(casts) if f.head.speaker in c), -1)
        elif f.kind is Kind.ROSTER:
            group[i] = next((k for k, c in enumerate(casts) if any(n in f.text for n in c)), -1)
    group = {i: k for i, k in group.items() if k >= 0}
    _questions_by_words(flows, group, len(casts))
    _rest_by_position(flows, group)
    return [[f for i, f in enumerate(flows) if group.get(i) == k] for k in range(len(casts))]


def _casts(flows: list[Flow], names: frozenset[str]) -> list[frozenset[str]]:
    """The guests each labelled roster (访谈嘉宾：…) names, with the unlabelled roster
    entries that follow it, when the rosters name disjoint sets of speakers (a roster
    printed twice, or once in full and once in part, is one)."""
    casts: list[frozenset[str]] = []
    for f in flows:
        if f.kind is not Kind.ROSTER:
            continue
        cast = frozenset(n for n in names if n in f.text)
        if LABEL.match(f.text):
            casts.append(cast)
        elif casts:
            casts[-1] |= cast  # entries of the roster above
    merged: list[frozenset[str]] = []
    for cast in filter(None, casts):
        same = [k for k, m in enumerate(merged) if m & cast]
        if not same:
            merged.append(cast)
        elif len(same) == 1 and (cast <= merged[same[0]] or merged[same[0]] <= cast):
            merged[same[0]] |= cast  # the roster again (a lead's "本期访谈嘉宾：…"): one cast
        else:
            return []  # rosters that overlap in part: one interview after all
    return merged


def _questions_by_words(flows: list[Flow], group: dict[int, int], count: int) -> None:
    """A question belongs to the interview whose answers share its words most."""
    texts = ["".join(flows[i].text for i, k in group.items() if k == g and flows[i].kind is Kind.ANSWER)
             for g in range(count)]
    questions = [i for i, f in enumerate(flows) if f.kind is Kind.QUESTION]
    vectors = tfidf([content_features(t) for t in texts] + [content_features(flows[i].text) for i in questions])
    for q, vec in zip(questions, vectors[count:]):
        sims = [cosine(vec, vectors[g]) for g in range(count)]
        group[q] = max(range(count), key=lambda g: sims[g])
    _questions_by_host(flows, questions, group)


def _questions_by_host(flows: list[Flow], questions: list[int], group: dict[int, int]) -> None:
    """Interviews whose hosts are labelled apart (主持人 in one, 记者 in the other): when
    most of each label's questions went to an interview of their own, every question of
    that label goes there (one that shares no words with any answer, "下一步有哪些打算？",
    goes with its host)."""
    votes: dict[str, Counter[int]] = {}
    for q in questions:
        votes.setdefault(flows[q].head.speaker or "", Counter())[group[q]] += 1
    if len(votes) < 2 or "" in votes:
        return
    home = {label: c.most_common(1)[0][0] for label, c in votes.items()}
    if len(set(home.values())) < len(home):
        return  # two labels mostly in one interview: the labels tell nothing apart
    for q in questions:
        group[q] = home[flows[q].head.speaker or ""]


# Furniture printed at the head of an interview goes with what follows it.
_HEADING = (Kind.HEADLINE, Kind.SUBTITLE, Kind.BYLINE, Kind.NOTE_LABEL, Kind.FIELD)


def _rest_by_position(flows: list[Flow], group: dict[int, int]) -> None:
    """Everything else goes with the interview of the nearest flow that has one (answers
    and rosters: questions may be printed apart from their interview); a run of headings
    right before a roster or an answer goes with that one."""
    anchors = sorted(i for i in group if flows[i].kind is not Kind.QUESTION)
    for i in range(len(flows)):
        if i in group or not anchors:
            continue
        j = i
        while j < len(flows) and flows[j].kind in _HEADING:
            j += 1  # a heading run (title, subtitle, byline…) right before an interview's
        if j > i and j in anchors:  # roster or answer belongs to that interview
            group[i] = group[j]
        else:
            group[i] = group[min(anchors, key=lambda a: (abs(a - i), a < i))]
