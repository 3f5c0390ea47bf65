"""Tests for the synthetic page generator in tests/generators/."""
from __future__ import annotations

import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

import pytest

GEN = Path(__file__).resolve().parent / "generators"
sys.path.insert(0, str(GEN))

import textlayout as layout  # noqa: E402
import make_pages  # noqa: E402
import textpage  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
SAMPLES = GEN / "samples"
ROSTER_HEADS = ("", "访谈嘉宾：", "嘉宾：")
WIDTHS = {"answer": textpage.BODY_WIDTH, "article": textpage.BODY_WIDTH,
          "lead": textpage.BODY_WIDTH, "sidebar": textpage.SIDEBAR_WIDTH,
          "note": textpage.NOTE_WIDTH}


def _corpus_dir() -> Path:
    full = all(any((CORPUS / sub).glob("*.json")) for sub in ("interviews", "articles"))
    return CORPUS if full else SAMPLES


@pytest.fixture(scope="module")
def corpus() -> tuple[list[dict], list[dict]]:
    return make_pages.load_corpus(_corpus_dir())


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pages")
    make_pages.generate(5, 36, out, _corpus_dir())
    return out


def _pages(corpus, n=24):
    interviews, articles = corpus
    for i in range(n):
        rng = random.Random(i)
        iv = None if i % 8 == 7 else interviews[i % len(interviews)]
        arts = rng.sample(articles, min(len(articles), 1 + i % 3))
        mode = textpage.MODES[i % 3]
        yield (iv, mode) + textpage.build_page(iv, arts, rng, mode)


def _expected_chars(gold: dict) -> Counter:
    """Every character gold accounts for, furniture and speaker labels included."""
    parts: list[str] = []
    for iv in gold["interviews"]:
        parts += [iv["title"], iv["label"], *iv["editor_note"], *iv.get("lead", [])]
        parts += ["——" + iv["subtitle"]] if iv["subtitle"] else []
        parts += ["记者", *iv["reporters"]] if iv["reporters"] else []
        parts += [g["name"] + g["title"] for g in iv["guests"]]
        for t in iv["turns"]:
            label = iv["host"] if t["role"] == "host" else t["speaker"]
            parts += [label + "：", *t["paragraphs"]]
    for art in gold["articles"]:
        parts += [art["headline"], *art["paragraphs"]]
    return Counter("".join(parts).replace(" ", ""))


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    make_pages.generate(11, 15, a, _corpus_dir())
    make_pages.generate(11, 15, b, _corpus_dir())
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_index_and_encodings(generated: Path) -> None:
    rows = list(csv.DictReader(open(generated / "pages.csv", encoding="utf-8")))
    assert len(rows) == 36
    assert [r["mode"] for r in rows[:3]] == ["top", "sidebar", "inline"]
    for row in rows:
        raw = (generated / row["file"]).read_bytes()
        raw.decode(row["encoding"])
        gold = json.loads((generated / "gold" / row["file"].replace(".txt", ".json"))
                          .read_text(encoding="utf-8"))
        assert gold["source"] == row["file"]
        assert int(row["has_interview"]) == len(gold["interviews"])


def test_gold_keeps_every_answer(corpus) -> None:
    for iv, _mode, text, gold, _layout in _pages(corpus):
        if iv is None:
            assert gold["interviews"] == []
            continue
        want = [t for t in iv["turns"] if t["role"] == "guest"]
        got = [t for t in gold["interviews"][0]["turns"] if t["role"] == "guest"]
        assert len(got) == len(want)
        flat = text.replace(" ", "")
        for name, n in Counter(t["speaker"] for t in got).items():
            assert flat.count(name + "：") >= n


def test_page_characters_match_gold(corpus) -> None:
    for iv, mode, text, gold, _layout in _pages(corpus):
        page = Counter(c for c in text if not c.isspace())
        expected = _expected_chars(gold)
        assert not expected - page, (mode, expected - page)
        extra = page - expected
        assert any(extra == Counter(head) for head in ROSTER_HEADS), (mode, extra)


def test_gold_texts_have_no_stray_spaces(corpus) -> None:
    for *_rest, gold, _layout in _pages(corpus):
        for art in gold["articles"]:
            assert art["paragraphs"][0].startswith("本报讯")
            for para in art["paragraphs"]:
                assert textpage.clean_text(para) == para


def test_column_widths_and_line_breaking(corpus) -> None:
    for *_rest, layout_boxes in _pages(corpus):
        for box in layout_boxes:
            low, high = WIDTHS[box["kind"]]
            assert low <= box["width"] <= high, box["kind"]
            for line, cap, spaced in box["lines"]:
                assert layout.text_width(line, ignore_spaces=spaced) <= cap + 1, line
                assert line[0] not in layout.CLOSING, line
                assert line[-1] not in layout.OPENING, line


def test_modes_place_questions(corpus) -> None:
    interviews, articles = corpus
    iv = interviews[0]
    host = iv["host"]
    text, _gold = textpage.make_page(iv, articles[:1], random.Random(3), "top")
    first = next(ln for ln in text.splitlines() if ln.strip())
    assert first.startswith(host + "：")
    last = [ln for ln in text.splitlines() if ln.strip()][-1]
    assert last.startswith(host + "：")
    for mode in ("sidebar", "inline"):
        text, _gold = textpage.make_page(iv, articles[:1], random.Random(3), mode)
        long_q = [ln for ln in text.splitlines() if ln.startswith(host + "：")]
        assert long_q and all(layout.text_width(ln) <= 19 for ln in long_q)


def test_double_pages_print_two_interviews_and_leave_the_others_alone(tmp_path: Path) -> None:
    plain, double = tmp_path / "plain", tmp_path / "double"
    make_pages.main(["--seed", "3", "--count", "4", "--out", str(plain)])
    make_pages.main(["--seed", "3", "--count", "4", "--double", "2", "--out", str(double)])
    for p in sorted(plain.glob("*.txt")):
        assert (double / p.name).read_bytes() == p.read_bytes()
    golds = sorted((double / "gold").glob("*_double.json"))
    assert len(golds) == 2
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        assert len(gold["interviews"]) == 2 and gold["mode"] == "double"
        page = (double / gold["source"]).read_text(encoding="utf-8")
        for iv in gold["interviews"]:
            assert iv["title"] in page
