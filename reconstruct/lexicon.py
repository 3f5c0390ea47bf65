"""Shared text features: character bigrams, jieba words, cosine similarity."""

from __future__ import annotations

import importlib.util
import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path

__all__ = [
    "bigram_seq", "bigrams", "words", "cosine", "dot", "norm", "unit", "tfidf", "known_word", "word_across", "join_gain",
    "word_read_across", "word_frequency", "content_features", "char_grams",
    "preload_words",
]

_CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")
_NOT_CONTENT = re.compile(r"[^\u3400-\u9fffA-Za-z0-9]+")
log = logging.getLogger(__name__)


def _content(text: str) -> str:
    """The text's letters and digits (what _CONTENT matches), in order: the rest cut out in
    runs, not the letters gathered one by one."""
    return _NOT_CONTENT.sub("", text)


def bigram_seq(text: str) -> Iterator[str]:
    """The character bigrams of the text's letters in text order (punctuation and spaces
    skipped), repeats included."""
    t = _content(text)
    return map(str.__add__, t, t[1:])


@lru_cache(maxsize=256)
def bigrams(text: str) -> Counter[str]:
    """Character bigrams of the text's letters (punctuation and spaces skipped).

    Kept for about a page's texts (stitching, voices and pairing count the same answers):
    the counter is shared, so callers read it and never change it."""
    return Counter(bigram_seq(text))


# Words seen fewer times than this in jieba's dictionary read as frequency 0: nothing asks
# about rarer ones (labels are judged at Settings.common_word_frequency, 1,000), and keeping
# 36,000 words instead of 349,000 keeps a worker's memory small.
FREQUENCY_FLOOR = 100


# "word frequency [tag]" lines of jieba's dict.txt with a frequency of three digits or more.
_FREQUENT_ENTRY = re.compile(rb"^(\S+) (\d{3,})\b", re.M)


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    """jieba's dictionary, the words at the floor or above, read from jieba's own dict.txt
    (located without importing jieba) on the first page that asks: a tenth of a second."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed: its dictionary gives the word frequencies")
    data = (Path(spec.origin).parent / "dict.txt").read_bytes()
    found = ((w, int(f)) for w, f in _FREQUENT_ENTRY.findall(data))
    return {w.decode("utf-8"): f for w, f in found if f >= FREQUENCY_FLOOR}


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    # rjieba binds jieba-rs, a Rust port of jieba with jieba's dictionary and HMM: the same
    # words as jieba's lcut (none of 24,857 lines of the generated pages differs;
    # tests/test_lexicon.py checks the seed and the corpus), eleven times faster, and the
    # same dictionary membership. Its dictionary loads in a tenth of a second.
    import rjieba

    return rjieba


@lru_cache(maxsize=256)
def words(text: str) -> tuple[str, ...]:
    """jieba words of two characters or more (single characters carry little topic)."""
    content = _CONTENT.match  # (a list comprehension with the method bound: a fifth faster)
    return tuple([w for w in _segmenter().cut(text) if len(w) >= 2 and content(w)])


def norm(a: Mapping[str, float]) -> float:
    """The vector's length."""
    values = a.values()
    return math.sqrt(sum(map(mul, values, values)))


def unit(a: Mapping[str, float], length: float | None = None) -> dict[str, float]:
    """The vector scaled to length one (empty stays empty); ``length``, when given, is its
    :func:`norm`, already known."""
    length = norm(a) if length is None else length
    return {k: v / length for k, v in a.items()} if length else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product; the cosine of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def cosine(
    a: Mapping[str, float], b: Mapping[str, float], na: float | None = None, nb: float | None = None
) -> float:
    """The cosine of two vectors; ``na`` and ``nb``, when given, are their :func:`norm`s
    (a caller comparing each of a few vectors with many keeps them)."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    product = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
    na = norm(a) if na is None else na
    nb = norm(b) if nb is None else nb
    return product / (na * nb) if na and nb else 0.0


def tfidf(docs: Iterable[Counter[str]]) -> list[dict[str, float]]:
    """Weight each document's counts by inverse document frequency within the set, so the
    words every document shares count little. Smoothed: idf = log((1 + n) / (1 + df)) + 1."""
    docs = list(docs)
    n = len(docs)
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    idf = {k: math.log((1 + n) / (1 + v)) + 1.0 for k, v in df.items()}
    return [{k: (1 + math.log(c)) * idf[k] for k, c in d.items()} for d in docs]


def word_frequency(text: str) -> int:
    """How often jieba's dictionary has seen this word (0 for words it does not know, and
    for words seen fewer than FREQUENCY_FLOOR times)."""
    return _frequencies().get(text, 0)


def char_grams(text: str, n: int) -> set[str]:
    """The text's runs of ``n`` characters (the pairs, the triples… it prints side by side)."""
    return {text[k : k + n] for k in range(len(text) - n + 1)}


def known_word(text: str) -> bool:
    """Is this a word of jieba's dictionary (with a frequency, not just a prefix)?"""
    return bool(text) and bool(_segmenter().has_word(text))


def word_across(left: str, right: str, reach: int = 3) -> bool:
    """Does a dictionary word run across the join of two texts (…每|平方米… → 每平方米),
    taking up to ``reach`` characters from each side?"""
    return any(
        known_word(left[-k:] + right[:m])
        for k in range(1, min(reach, len(left)) + 1)
        for m in range(1, min(reach, len(right)) + 1)
    )


_HAN = re.compile(r"[\u3400-\u9fff]+")
_HAN_END = re.compile(r"[\u3400-\u9fff]+\Z")
# A safety cap on the words a route tries (dictionary words are rarely longer): join_gain
# only ever asks about strings of _LONGEST_ACROSS characters or fewer, so it never binds there.
_LONGEST_WORD = 6
# A word across a line break is looked for up to this long (longer ones are rare, and each
# length tried costs a dictionary lookup per candidate join).
_LONGEST_ACROSS = 4


@lru_cache(maxsize=1)
def _log_total() -> float:
    return math.log(sum(_frequencies().values()))


def _log_frequency(word: str) -> float:
    """log of the word's frequency in jieba's dictionary; a word it holds below the floor
    (whose frequency is not kept) as half the floor, a character it does not know as 1."""
    f = word_frequency(word) or (FREQUENCY_FLOOR // 2 if len(word) > 1 or known_word(word) else 1)
    return math.log(f)


@lru_cache(maxsize=65536)
def _word_score(word: str) -> float | None:
    """log(frequency / total) of a word of jieba's dictionary (any single character counts
    as one), None for a string that is no word."""
    if len(word) > 1 and not known_word(word):
        return None
    return _log_frequency(word) - _log_total()


@lru_cache(maxsize=1024)
def _routes(text: str) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """The log-probabilities of jieba's most probable segmentation (its DAG route) of each
    prefix ``text[:k]`` and of each suffix ``text[k:]``, for k = 0 … len(text)."""
    n = len(text)
    ahead = [0.0] * (n + 1)  # ahead[k]: text[:k]
    for k in range(1, n + 1):
        ahead[k] = max(
            ahead[i] + score
            for i in range(max(0, k - _LONGEST_WORD), k)
            if (score := _word_score(text[i:k])) is not None
        )
    behind = [0.0] * (n + 1)  # behind[k]: text[k:]
    for k in range(n - 1, -1, -1):
        behind[k] = max(
            score + behind[j]
            for j in range(k + 1, min(n, k + _LONGEST_WORD) + 1)
            if (score := _word_score(text[k:j])) is not None
        )
    return tuple(ahead), tuple(behind)


def join_gain(left: str, right: str, reach: int = 4) -> float:
    """How much likelier the text reads run together across the join than broken there: the
    log-probability of the best segmentation, by jieba's dictionary (an approximation of
    jieba's own route: words below the frequency floor count at half the floor, and the
    total is the floored dictionary's), of the last ``reach`` Chinese characters of
    ``left`` run into the first ``reach`` of ``right``, less that of the two segmented apart
    (0 when no word across the join beats the break; …老年大|学… gains much, …老年大|发现…
    nothing). A route over the run-together text either breaks at the join or takes one word
    across it, so only those words are tried, between the best routes of the rest."""
    tail = _HAN_END.search(left[-reach:])
    head = _HAN.match(right[:reach])
    if tail is None or head is None:
        return 0.0
    a, b = tail.group(0), head.group(0)
    words = [
        (i, j, score)
        for i in range(max(0, len(a) - _LONGEST_ACROSS + 1), len(a))
        for j in range(1, min(len(b), _LONGEST_ACROSS - (len(a) - i)) + 1)
        if (score := _word_score(a[i:] + b[:j])) is not None
    ]
    if not words:  # (most joins: no word across, and no route to compute)
        return 0.0
    ahead, _ = _routes(a)
    _, behind = _routes(b)
    apart = ahead[len(a)] + behind[0]
    across = max(ahead[i] + score + behind[j] for i, j, score in words)
    return max(0.0, across - apart)


def word_read_across(left: str, right: str, reach: int = 3, context: int = 6) -> bool:
    """Does the join fall inside a dictionary word as jieba reads the text around it? A
    reader takes the words a sentence is read in, not any word the characters beside a
    join could make: "…发现数|据异常…" reads 数据 across it, "…纳入县级|会议要求…" reads
    县级 / 会议 and nothing across, though 级会 is a dictionary entry. The word must also
    be one :func:`word_across` finds (within ``reach`` characters of the join).
    :func:`join_gain` asks the same of the same segmentation model but grades the answer,
    for the row reweaving, where how sure a join is matters; the stitching wants jieba's own
    cut, yes or no."""
    left, right = left[-context:], right[:context]
    if not word_across(left, right, reach):
        return False
    start = 0
    for word in _segmenter().cut(left + right):
        end = start + len(word)
        if start < len(left) < end:
            return known_word(word)
        if end >= len(left):
            return False
        start = end
    return False


# Words that shape a question rather than say what it is about, and characters that make a
# bigram say nothing ("的问", "是什"); neither tells one answer from another.
_QUESTION_WORDS = frozenset(
    "什么 哪些 怎么 怎样 如何 为何 为什么 是否 有没有 多少 哪里 情况 方面 问题 工作 比较 主要 具体 "
    "一下 介绍 谈谈 认为 觉得 看法 这个 这些 那些 我们 你们 他们 目前 现在 已经 还有 进行 开展 "
    "一些 一个 能否 可以 需要 应该 通过 起来 之间 其中 以及 并且 而且 但是 因为 所以".split()
)
_FUNCTION_CHARS = frozenset("的了是在有和与及或就都也而着过把被让给对从向为以之其这那我你他她它们么吗呢吧啊哪些什怎")


# Each pair of neighbours of which neither is a function character, overlapping pairs too,
# in text order: the bigrams of the runs between function characters, found in one pass.
_CONTENT_PAIR = re.compile("(?=([^" + "".join(sorted(_FUNCTION_CHARS)) + "]{2}))")


@lru_cache(maxsize=128)
def content_features(text: str) -> Counter[str]:
    """jieba words and character bigrams that carry content (shared, as bigrams' are: read
    it, never change it)."""
    feats = Counter(words(text))
    # the bigrams of the letters with no function character in them, in the same order as
    # bigrams() gives them (so the counter's order is that of bigrams())
    feats.update(_CONTENT_PAIR.findall(_content(text)))
    for w in _QUESTION_WORDS.intersection(feats):  # dropping keys keeps the others' order
        del feats[w]
    return feats


def preload_words() -> None:
    """Load the segmenter and the dictionary's frequencies now (about a third of a second),
    e.g. before forking workers, so that they share them."""
    _segmenter()
    _frequencies()
