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
from dataclasses import replace

import numpy as np
from scipy.optimize import linear_sum_assignment

from .lexicon import bigrams, cosine, words
from .model import Candidate, Certainty, Guest, Interview, Turn
from .settings import Settings

__all__ = ["align_turns", "score_matrix", "solve"]

log = logging.getLogger(__name__)

# Bonus that makes every question take at least one answer before any takes a second
# (round tables: more answers than questions).
_FIRST_ANSWER_BONUS = 10.0
# Score given to a forbidden pairing when measuring a pair's margin.
_FORBIDDEN = -1e6


def _features(text: str) -> Counter[str]:
    return Counter(words(text)) + bigrams(text)


def _idf(docs: Sequence[Counter[str]]) -> dict[str, float]:
    """Inverse document frequency that is zero for a feature every document has."""
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    return {k: math.log(n / v) if n > 1 else 1.0 for k, v in df.items()}


def _weigh(doc: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    return {k: (1 + math.log(c)) * idf.get(k, 0.0) for k, c in doc.items() if idf.get(k, 0.0) > 0}


def _guest_profiles(answers: Sequence[Turn], guests: Sequence[Guest]) -> dict[str, Counter[str]]:
    """What each guest is about: their title (counted double) and everything they said."""
    titles = {g.name: g.title for g in guests}
    profiles: dict[str, Counter[str]] = {}
    for a in answers:
        title = bigrams(titles.get(a.speaker, ""))
        profiles.setdefault(a.speaker, title + title)
        profiles[a.speaker] += bigrams(a.text)
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
      title or answers name points at that guest.
    """
    settings = settings or Settings()
    full = [_features(a.text) for a in answers]
    opening = [_features(a.paragraphs[0].text) if a.paragraphs else Counter() for a in answers]
    asked = [_features(q.text) for q in questions]
    # a feature counts when it is rare among the answers AND among the questions: what
    # every question asks about is the interview's theme and tells no question apart
    a_idf, q_idf = _idf(full), _idf(asked)
    idf = {k: v * q_idf.get(k, 1.0) for k, v in a_idf.items()}
    full_w = [_weigh(d, idf) for d in full]
    open_w = [_weigh(d, idf) for d in opening]
    profiles = _guest_profiles(answers, guests)
    names = list(profiles)
    gidf = _idf([profiles[n] for n in names])
    prof_w = {n: _weigh(profiles[n], gidf) for n in names}
    scores = np.zeros((len(questions), len(answers)))
    for i, q in enumerate(questions):
        qw = _weigh(asked[i], idf)
        qg = _weigh(bigrams(q.text), gidf)
        for j, a in enumerate(answers):
            scores[i, j] = (
                settings.lexical_weight * cosine(qw, full_w[j])
                + settings.opening_weight * cosine(qw, open_w[j])
                + settings.entity_weight * cosine(qg, prof_w[a.speaker])
                + settings.cue_weight * _cues(q.text, a, settings)
            )
    return scores


def _cues(question: str, answer: Turn, settings: Settings) -> float:
    """Question types and how answers open to them ("what next" → "下一步，我们将…")."""
    opening = answer.paragraphs[0].text[: settings.cue_window] if answer.paragraphs else ""
    hits = sum(
        1.0
        for asks, answers in settings.cues
        if re.search(asks, question) and re.search(answers, opening)
    )
    return min(hits, 1.0)


def solve(scores: np.ndarray) -> list[tuple[int, int]]:
    """(question, answer) pairs maximising the total score; every answer gets a question,
    every question gets at least one answer when there are enough answers."""
    n_q, n_a = scores.shape
    if n_q == 0 or n_a == 0:
        return []
    copies = max(1, math.ceil(n_a / n_q))
    cols = np.concatenate([scores + (_FIRST_ANSWER_BONUS if c == 0 else 0.0) for c in range(copies)])
    rows, picked = linear_sum_assignment(cols.T, maximize=True)
    return sorted((int(c % n_q), int(a)) for a, c in zip(rows, picked))


def _total(scores: np.ndarray, pairs: Sequence[tuple[int, int]]) -> float:
    return float(sum(scores[q, a] for q, a in pairs))


def _margin(scores: np.ndarray, pairs: list[tuple[int, int]], q: int, a: int) -> float:
    """How much the best assignment loses if answer ``a`` may not answer question ``q``."""
    blocked = scores.copy()
    blocked[q, a] = _FORBIDDEN
    alt = solve(blocked)
    if any(blocked[x, y] <= _FORBIDDEN for x, y in alt):
        return float("inf")
    return _total(scores, pairs) - _total(scores, alt)


def _cert(margin: float, settings: Settings) -> Certainty:
    if margin >= settings.high_margin:
        return "high"
    return "medium" if margin >= settings.medium_margin else "low"


def align_turns(interview: Interview, settings: Settings | None = None) -> Interview:
    """Fill ``interview.turns``: each question followed by its answer(s), in question order."""
    settings = settings or Settings()
    qs, ans = interview.questions, interview.answers
    if not qs or not ans:
        return replace(interview, turns=tuple(sorted(qs + ans, key=_first_line)))
    if interview.inline:
        pairs = _pairs_by_position(qs, ans)
        scores = score_matrix(qs, ans, interview.guests, settings)
        margins = {p: float("inf") for p in pairs}
    else:
        scores = score_matrix(qs, ans, interview.guests, settings)
        pairs = solve(scores)
        margins = {(q, a): _margin(scores, pairs, q, a) for q, a in pairs}
    turns: list[Turn] = []
    for qi, q in enumerate(qs):
        turns.append(q)
        for (pq, a), margin in sorted(margins.items(), key=lambda x: x[0][1]):
            if pq != qi:
                continue
            turns.append(_answer_turn(ans[a], qi, a, margin, scores, settings))
    placed = {a for _, a in pairs}
    turns += [ans[a] for a in range(len(ans)) if a not in placed]
    return replace(interview, turns=tuple(turns))


def _answer_turn(
    answer: Turn, qi: int, a: int, margin: float, scores: np.ndarray, settings: Settings
) -> Turn:
    row = scores[qi]
    others = [j for j in np.argsort(-row) if j != a]
    runner = Candidate(answer=int(others[0]), score=round(float(row[others[0]]), 4)) if others else None
    confidence = 1.0 if math.isinf(margin) else min(1.0, margin / (2 * settings.high_margin))
    log.debug("question %d <- answer %d (%s): margin %.3f", qi + 1, a, answer.speaker, margin)
    return replace(
        answer,
        question=qi,
        answer=a,
        confidence=round(confidence, 3),
        cert=_cert(margin, settings),
        runner_up=runner,
    )


def _first_line(t: Turn) -> int:
    return t.paragraphs[0].lines[0] if t.paragraphs and t.paragraphs[0].lines else 0


def _pairs_by_position(qs: Sequence[Turn], ans: Sequence[Turn]) -> list[tuple[int, int]]:
    """Inline layout: an answer belongs to the last question printed before it."""
    starts = [_first_line(q) for q in qs]
    pairs = []
    for a, t in enumerate(ans):
        before = [i for i, s in enumerate(starts) if s < _first_line(t)]
        pairs.append((before[-1] if before else 0, a))
    return pairs
