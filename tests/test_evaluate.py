"""Tests for reconstruct.evaluate: the same figures as shared/eval/score.py, over folders."""
from __future__ import annotations

import contextlib
import copy
import io
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner
from lxml import etree

from reconstruct.batch import convert_batch, find_pages
from reconstruct.cli import main
from reconstruct.evaluate import evaluate_dir, page_mode, score_page
from reconstruct.evaluate_report import format_report, report_to_json
from reconstruct.settings import Settings
from reconstruct.tei import TEI_NS, build_tei, document_name, write_tei

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import load_scorer  # noqa: E402
from gold_tei import gold_to_result  # noqa: E402

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
SHARED = HERE.parents[2] / "shared"
SCORE_PY = SHARED / "eval" / "score.py"
SEED_STEM = "000_3fb12ec0478f6414"
SEED_GOLD = SHARED / "gold" / f"{SEED_STEM}.json"
TYPESET = ROOT / "tests" / "pages" / "typeset"
FIGURES = ("interviews", "interview_count", "page_chars", "lost_chars", "articles")
TEI = f"{{{TEI_NS}}}"

needs_shared = pytest.mark.skipif(not (SCORE_PY.exists() and SEED_GOLD.exists()),
                                  reason="../shared (score.py and the seed gold) not present")


# --- helpers -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_scorer()  # type: ignore[no-any-return]


def _reference(scorer: ModuleType, gold: Path, files: list[Path]) -> dict[str, Any]:
    """score.py's report for the files given (its stdout swallowed)."""
    with contextlib.redirect_stdout(io.StringIO()):
        return scorer.main([str(gold), *map(str, files)])


def _ours(gold: Path, files: list[Path]) -> dict[str, Any]:
    trees = [etree.parse(str(f)) for f in files]
    return score_page(json.loads(gold.read_text(encoding="utf-8")), trees).as_dict()


def _assert_same(scorer: ModuleType, gold: Path, files: list[Path]) -> dict[str, Any]:
    ref, ours = _reference(scorer, gold, files), _ours(gold, files)
    for key in FIGURES:
        assert ours[key] == ref[key], key
    return ours


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _write_gold_tei(gold: dict[str, Any], out_dir: Path, stem: str) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    docs = build_tei(gold_to_result(gold))
    return [write_tei(doc, out_dir / document_name(stem, doc)) for doc in docs]


def _trees(gold: dict[str, Any]) -> list[Any]:
    return [doc.tree for doc in build_tei(gold_to_result(gold))]


def _rotate_answers(gold: dict[str, Any]) -> dict[str, Any]:
    """Every guest turn moved to the next answer slot: each answer under a wrong question."""
    out = copy.deepcopy(gold)
    for gi in out["interviews"]:
        slots = [k for k, t in enumerate(gi["turns"]) if t["role"] == "guest"]
        answers = [gi["turns"][k] for k in slots]
        for k, answer in zip(slots, answers[-1:] + answers[:-1]):
            gi["turns"][k] = answer
    return out


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed_out")
    report = convert_batch(find_pages([ROOT / "seeds"]), out, Settings(), validate=False)
    assert report.return_code == 0
    return out


def _seed_files(out: Path) -> list[Path]:
    return sorted(out.glob(f"{SEED_STEM}.*.xml"))


# --- (a) the same figures as score.py ------------------------------------------------------


@needs_shared
def test_seed_figures_equal_score_py(scorer: ModuleType, seed_out: Path) -> None:
    ours = _assert_same(scorer, SEED_GOLD, _seed_files(seed_out))
    assert ours["interview_count"] == "1 found / 1 gold"


@needs_shared
def test_degraded_seed_figures_equal_score_py(scorer: ModuleType, seed_out: Path,
                                              tmp_path: Path) -> None:
    """The seed converts perfectly, so damage the output and compare again."""
    files = []
    for f in _seed_files(seed_out):
        tree = etree.parse(str(f))
        sps = list(tree.iter(TEI + "sp"))
        if sps:  # swap two answers, merge the paragraphs of another, drop a question
            sps[1].addprevious(sps[3])
            paras = sps[5].findall(TEI + "p")
            paras[0].text = "".join(p.text or "" for p in paras)
            for p in paras[1:]:
                sps[5].remove(p)
            sps[6].getparent().remove(sps[6])
        for head in list(tree.iter(TEI + "head"))[:1]:
            head.text = "另一个标题"
        target = tmp_path / f.name
        tree.write(str(target), encoding="UTF-8")
        files.append(target)
    ours = _assert_same(scorer, SEED_GOLD, files)
    iv = ours["interviews"][0]
    assert iv["qa_accuracy"] < 1.0 and iv["paragraph_f1"] < 1.0


@needs_shared
def test_missing_interview_equals_score_py(scorer: ModuleType, seed_out: Path) -> None:
    files = [f for f in _seed_files(seed_out) if ".articles." in f.name]
    ours = _assert_same(scorer, SEED_GOLD, files)
    assert ours["interviews"] == [{"qa_accuracy": 0.0, "missing": True}]
    assert ours["lost_chars"] > 0


def _typeset_stems(n: int = 6) -> list[str]:
    gold = sorted((TYPESET / "gold").glob("*.json")) if TYPESET.exists() else []
    return [g.stem for g in gold if (TYPESET / "pdfminer" / f"{g.stem}.txt").exists()][:n]


@pytest.mark.skipif(not _typeset_stems(), reason="tests/pages/typeset not generated")
def test_typeset_figures_equal_score_py(scorer: ModuleType, tmp_path: Path) -> None:
    """Real pipeline output with errors in it: every figure as score.py gives it."""
    stems = _typeset_stems()
    pages = [TYPESET / "pdfminer" / f"{s}.txt" for s in stems]
    convert_batch(pages, tmp_path, Settings(), validate=False)
    for stem in stems:
        files = sorted(tmp_path.glob(f"{stem}.*.xml"))
        _assert_same(scorer, TYPESET / "gold" / f"{stem}.json", files)


# --- (b) a TEI rendered from the gold is perfect ------------------------------------------------


def _assert_perfect(gold: dict[str, Any], check_lead: bool = True) -> None:
    page = score_page(gold, _trees(gold))
    assert page.lost_chars == 0 and page.invented_interviews == 0
    assert page.interviews_found == len(gold["interviews"])
    for iv in page.interviews:
        assert not iv.missing
        assert iv.qa_accuracy == 1.0 and iv.qa_correct == iv.qa_total > 0
        assert iv.turns_found == iv.transcript_similarity == iv.paragraph_f1 == 1.0
        assert iv.title and iv.subtitle and iv.reporters
        assert iv.guests_found == iv.guests_total
        assert iv.editor_note in (None, 1.0)
        assert iv.foreign_chars == 0
        if check_lead:
            assert iv.lead in (None, 1.0)
    assert all(a.similarity == 1.0 and a.headline for a in page.articles)


@needs_shared
def test_gold_tei_scores_perfect_on_seed() -> None:
    _assert_perfect(_load(SEED_GOLD))


@pytest.mark.skipif(not _typeset_stems(), reason="tests/pages/typeset not generated")
@pytest.mark.parametrize("stem", _typeset_stems(n=1000))
def test_gold_tei_scores_perfect_on_typeset(stem: str) -> None:
    _assert_perfect(_load(TYPESET / "gold" / f"{stem}.json"), check_lead=False)


def test_gold_tei_lead_is_perfect() -> None:
    gold = {"source": "x.txt", "articles": [], "interviews": [{
        "title": "标题", "reporters": [], "guests": [{"name": "甲", "title": "主任"}],
        "lead": ["这是导语。"], "host": "主持人",
        "turns": [{"speaker": "主持人", "role": "host", "paragraphs": ["问？"]},
                  {"speaker": "甲", "role": "guest", "paragraphs": ["答。"]}]}]}
    assert score_page(gold, _trees(gold)).interviews[0].lead == 1.0


# --- (c) shuffled answers score lower ---------------------------------------------------------


@needs_shared
def test_rotated_answers_score_lower() -> None:
    gold = _load(SEED_GOLD)
    page = score_page(gold, _trees(_rotate_answers(gold)))
    iv = page.interviews[0]
    assert iv.qa_accuracy < 0.5
    assert iv.transcript_similarity < 1.0
    assert page.lost_chars == 0  # same characters, wrong order


# --- evaluate_dir, aggregation, presentation ---------------------------------------------------


def test_page_mode() -> None:
    assert page_mode({}, "012_inline") == "inline"
    assert page_mode({"mode": "top"}, "012_inline") == "top"
    assert page_mode({}, SEED_STEM) == ""  # a hash is not a mode
    assert page_mode({}, "page") == ""


@pytest.fixture()
def eval_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """Three pages: perfect (inline), answers rotated (top), no output at all (top)."""
    if not SEED_GOLD.exists():
        pytest.skip("../shared/gold not present")
    gold_dir, out_dir = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir()
    seed = _load(SEED_GOLD)
    pages = (("001_inline", seed), ("002_top", _rotate_answers(seed)), ("003_top", None))
    for stem, render in pages:
        gold = json.dumps({**seed, "source": f"{stem}.txt"}, ensure_ascii=False)
        (gold_dir / f"{stem}.json").write_text(gold, encoding="utf-8")
        if render is not None:
            _write_gold_tei(render, out_dir, stem)
    out_dir.mkdir(exist_ok=True)
    return gold_dir, out_dir


def test_evaluate_dir_aggregates(eval_dirs: tuple[Path, Path]) -> None:
    report = evaluate_dir(*eval_dirs)
    assert [p.source for p in report.pages] == ["001_inline.txt", "002_top.txt", "003_top.txt"]
    assert [g.name for g in report.groups] == ["inline", "top"]
    overall, inline, top = report.overall, *report.groups
    assert overall.pages == 3 and overall.interviews == 3 and overall.missing == 1
    assert overall.qa_total == 21
    assert overall.qa_correct == 7 + report.pages[1].interviews[0].qa_correct
    assert overall.qa_micro == pytest.approx(overall.qa_correct / 21)
    assert overall.qa_macro == pytest.approx(sum(p.qa_accuracy for p in report.pages) / 3)
    assert inline.qa_micro == 1.0 and inline.lost_chars == 0 and inline.title == 1.0
    assert top.missing == 1 and top.pages_with_lost == 1
    assert top.lost_chars == report.pages[2].page_chars
    assert overall.articles == 9 and overall.headline == pytest.approx(6 / 9)
    assert report.pages[0].files == ("001_inline.articles.xml", "001_inline.interview-1.xml")


def test_invented_interviews_counted() -> None:
    if not SEED_GOLD.exists():
        pytest.skip("../shared/gold not present")
    seed = _load(SEED_GOLD)
    news = {**seed, "interviews": []}
    page = score_page(news, _trees(seed))
    assert page.invented_interviews == 1 and page.interviews == ()
    assert page.lost_chars == 0


def test_report_formats(eval_dirs: tuple[Path, Path]) -> None:
    report = evaluate_dir(*eval_dirs)
    table = format_report(report, per_page=True)
    assert "qa accuracy (micro)" in table and "002_top" in table and "inline" in table
    data = json.loads(json.dumps(report_to_json(report), ensure_ascii=False))
    assert set(data["groups"]) == {"inline", "top"}
    assert data["pages"][2]["interviews"] == [{"qa_accuracy": 0.0, "missing": True}]
    assert data["overall"]["qa_micro"] == report.overall.qa_micro


# --- (d) the command --------------------------------------------------------------------------


def test_cli_evaluate(eval_dirs: tuple[Path, Path]) -> None:
    gold_dir, out_dir = map(str, eval_dirs)
    result = CliRunner().invoke(main, ["evaluate", gold_dir, out_dir, "--per-page"])
    assert result.exit_code == 0, result.output
    assert "qa accuracy (micro)" in result.output and "003_top" in result.output
    result = CliRunner().invoke(main, ["evaluate", gold_dir, out_dir, "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["overall"]["pages"] == 3


@needs_shared
def test_cli_evaluate_seed(seed_out: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(SEED_GOLD.parent), str(seed_out)])
    assert result.exit_code == 0, result.output
    assert "qa pairs" in result.output and "7/7" in result.output


def test_cli_evaluate_without_gold_is_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2
