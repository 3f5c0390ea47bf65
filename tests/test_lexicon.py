"""Text features: the segmenter agrees with jieba, dictionary lookups, content features."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconstruct import lexicon

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def jieba_tok():  # type: ignore[no-untyped-def]
    """jieba itself, the reference rjieba and the frequency table are checked against."""
    import jieba

    tok = jieba.Tokenizer()
    tok.initialize()
    return tok


def _sample_lines() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus").rglob("*.txt"))
    lines = [ln.strip() for f in files for ln in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    return [ln for ln in lines if ln]


def test_rjieba_cuts_as_jieba_does(jieba_tok) -> None:  # type: ignore[no-untyped-def]
    """words() uses rjieba for speed; it must give jieba's own words (same dictionary, HMM)."""
    lines = _sample_lines()
    assert len(lines) > 300
    tok = jieba_tok
    differing = [ln for ln in lines if lexicon._segmenter().cut(ln) != tok.lcut(ln)]
    assert differing == []


def test_rjieba_knows_the_words_jieba_knows(jieba_tok) -> None:  # type: ignore[no-untyped-def]
    """known_word asks rjieba; it must agree with jieba's frequencies, prefixes (frequency
    0 in jieba's table) being no words."""
    freq = jieba_tok.FREQ
    keys = sorted(freq)[::37]  # every 37th entry: about 16,000 words and prefixes
    assert len(keys) > 10_000 and any(freq[k] == 0 for k in keys)
    assert [k for k in keys if lexicon.known_word(k) != bool(freq[k])] == []


def test_words_keep_content_words_of_two_characters() -> None:
    ws = lexicon.words("园区产业发展得很快，企业有600余家。")
    assert "园区" in ws and "产业" in ws
    assert all(len(w) >= 2 for w in ws)
    assert "，" not in ws


def test_word_across_finds_a_word_over_the_join() -> None:
    assert lexicon.word_across("每", "平方米")
    assert not lexicon.word_across("。", "。")


def test_join_gain_grades_a_word_across_the_join() -> None:
    assert lexicon.join_gain("开设了老年大", "学课程") > 5  # 老年大学
    assert lexicon.join_gain("开设了老年大", "发现问题") < 1e-9  # 大发 is a word, 老年大 / 发现 likelier
    assert lexicon.join_gain("我们要做好的", "工作") < 1e-9
    assert lexicon.join_gain("人数达到", "45%") == 0.0  # nothing Chinese after the join
    assert lexicon.join_gain("市民对社区服务的信任", "度逐年上升") > 5  # 信任度, a word below the frequency floor


@pytest.mark.parametrize("word, known", [("发展", True), ("发展得很", False)])
def test_known_word(word: str, known: bool) -> None:
    assert lexicon.known_word(word) is known
    assert (lexicon.word_frequency(word) > 0) is known


def test_frequencies_are_jiebas_from_the_floor_up(jieba_tok) -> None:  # type: ignore[no-untyped-def]
    freq = jieba_tok.FREQ
    kept = lexicon._frequencies()
    assert kept == {w: f for w, f in freq.items() if f >= lexicon.FREQUENCY_FLOOR}
    assert lexicon.word_frequency("方面") == freq["方面"] >= 1000
    rare = next(w for w, f in freq.items() if 0 < f < lexicon.FREQUENCY_FLOOR)
    assert lexicon.word_frequency(rare) == 0


def test_content_features_drop_question_words() -> None:
    feats = lexicon.content_features("您认为如何推动产业发展？")
    assert "如何" not in feats and "认为" not in feats
    assert "产业" in feats and "发展" in feats


def test_word_read_across_takes_the_words_the_sentence_is_read_in() -> None:
    assert lexicon.word_read_across("一旦发现数", "据异常，网格员")  # 数据
    # 级会 is a dictionary word, but the text reads 县级 / 会议: nothing runs across
    assert lexicon.word_across("资金纳入县级", "会议要求")
    assert not lexicon.word_read_across("资金纳入县级", "会议要求")


def test_cosine_with_known_norms_is_the_cosine() -> None:
    a = lexicon.bigrams("县里今年新建了三个养老服务中心")
    b = lexicon.bigrams("养老服务中心建在村里，老人不出村")
    plain = lexicon.cosine(a, b)
    assert 0 < plain < 1
    # norms given in either order of the two vectors: the same float, to the last bit
    assert lexicon.cosine(a, b, lexicon.norm(a), lexicon.norm(b)) == plain
    assert lexicon.cosine(b, a, lexicon.norm(b), lexicon.norm(a)) == lexicon.cosine(b, a)
    assert lexicon.unit(a, lexicon.norm(a)) == lexicon.unit(a)
    assert lexicon.cosine({}, b, 0.0, lexicon.norm(b)) == 0.0


def test_content_bigrams_are_the_bigrams_without_a_function_character_in_their_order() -> None:
    from collections import Counter

    text = "我们的工作，在2024年是推进ABC项目的建设和管理。什么问题"
    expected = Counter(lexicon.words(text))
    expected.update(b for b in lexicon.bigram_seq(text) if not set(b) & lexicon._FUNCTION_CHARS)
    for w in lexicon._QUESTION_WORDS:
        expected.pop(w, None)
    assert list(lexicon.content_features(text).items()) == list(expected.items())
