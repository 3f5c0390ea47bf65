"""The review site without a browser: what the page views and the index hold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from reconstruct.cli import main
from reconstruct.model import Override
from reconstruct.overrides import override_page
from reconstruct.pipeline import reconstruct_file
from reconstruct.review import histogram, page_href, write_review
from reconstruct.review_view import line_ranges, starts_for, view_page

from conftest import SEEDS

SEED = SEEDS / "000_3fb12ec0478f6414.txt"


@pytest.fixture(scope="module")
def seed_result():  # type: ignore[no-untyped-def]
    return reconstruct_file(SEED)


def _convert(out: Path, *extra: str) -> None:
    result = CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "--no-validate",
                                       *extra])
    assert result.exit_code == 0, result.output


def test_line_ranges() -> None:
    assert line_ranges([9, 3, 4, 5, 5]) == "3-5,9"
    assert line_ranges([]) == ""
    assert line_ranges([7]) == "7"


def test_seed_view_has_seven_numbered_pairs_with_provenance(seed_result) -> None:  # type: ignore[no-untyped-def]
    view = view_page(seed_result)
    pairs = view.pairs
    assert [p.number for p in pairs] == list(range(1, 8))
    assert all(p.answers and p.answers[0].lines and p.question.lines for p in pairs)
    turns = [t for t in seed_result.interviews[0].turns if t.role == "guest"]
    assert [a.speaker for p in pairs for a in p.answers] == [t.speaker for t in turns]
    first = turns[0].paragraphs[0].lines[0]
    assert pairs[0].answers[0].lines.startswith(str(first))


def test_every_candidate_start_picks_its_own_answer(seed_result) -> None:  # type: ignore[no-untyped-def]
    """What the picker writes, --overrides reads back as exactly that answer."""
    iv = seed_result.interviews[0]
    for a, answer in enumerate(iv.answers):
        starts = starts_for(iv.answers, a)
        fixed = override_page(seed_result, [Override(1, answer.speaker, starts)])
        turn = next(t for t in fixed.interviews[0].turns if t.question == 0 and t.resp)
        assert turn.answer == a


def test_write_review_of_the_seed(tmp_path: Path, seed_result) -> None:  # type: ignore[no-untyped-def]
    _convert(tmp_path)
    index = write_review([(SEED, seed_result)], tmp_path)
    assert index == tmp_path / "review" / "index.html"
    page = (tmp_path / "review" / page_href(SEED)).read_text(encoding="utf-8")
    assert page.count('class="pair ') == 7
    assert len(re.findall(r'<div class="ln[^"]*" id="L\d+"', page)) == len(
        SEED.read_text(encoding="utf-8").splitlines())
    assert "<interview" not in page and "&lt;TEI" not in page  # the TEI rides as a JSON string
    tei = json.loads(re.search(r'id="tei-data">(.*?)</script>', page, re.S).group(1))
    assert tei[0] == (tmp_path / f"{SEED.stem}.interview-1.xml").read_text(encoding="utf-8")
    for name in ("review.css", "review.js", "CETEI.js", "CETEIcean-LICENSE.md"):
        assert (tmp_path / "review" / "static" / name).is_file()
    text = index.read_text(encoding="utf-8")
    assert SEED.name in text and "<svg" in text and "differ from the TEI" not in page


def test_site_loads_nothing_from_elsewhere(tmp_path: Path, seed_result) -> None:  # type: ignore[no-untyped-def]
    write_review([(SEED, seed_result)], tmp_path, manifest_rows=[])
    for html in (tmp_path / "review").rglob("*.html"):
        refs = re.findall(r'(?:src|href)="([^"]+)"', html.read_text(encoding="utf-8"))
        assert refs and all(not re.match(r"[a-z]+:|//", r) for r in refs), html
    css = (tmp_path / "review" / "static" / "review.css").read_text(encoding="utf-8")
    assert "url(" not in css and "@import" not in css


def test_hand_corrections_show_and_a_stale_tei_is_flagged(tmp_path: Path) -> None:
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps({SEED.name: {"2": {"speaker": "李艳", "starts": "园区最大的"}}},
                                ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    _convert(out, "--overrides", str(fixes))
    runner = CliRunner()
    result = runner.invoke(main, ["review", str(out), str(SEEDS), "--overrides", str(fixes)])
    assert result.exit_code == 0, result.output
    page = (out / "review" / page_href(SEED)).read_text(encoding="utf-8")
    assert page.count(" hand\"") == 1 and "corrected by hand" in page
    assert "differ from the TEI" not in page
    data = json.loads(re.search(r'id="review-data">(.*?)</script>', page, re.S).group(1))
    assert list(data["applied"]) == ["2"] and data["applied"]["2"]["speaker"] == "李艳"
    assert data["applied"]["2"]["starts"].startswith("园区最大的")
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    applied = json.loads(re.search(r'id="review-data">(.*?)</script>', index, re.S).group(1))
    assert applied["applied"] == {SEED.name: data["applied"]}
    # the same folder reviewed without the overrides: the page says its TEI differs
    assert runner.invoke(main, ["review", str(out), str(SEEDS)]).exit_code == 0
    assert "differ from the TEI" in (out / "review" / page_href(SEED)).read_text(encoding="utf-8")


def test_review_cli_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["review", str(tmp_path), str(tmp_path)]).exit_code == 2
    assert runner.invoke(main, ["review", str(tmp_path / "no"), str(SEED)]).exit_code == 2


def test_unreadable_page_is_a_failed_row(tmp_path: Path) -> None:
    bad = tmp_path / "pages" / "empty.txt"
    bad.parent.mkdir()
    bad.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(tmp_path), str(bad.parent)])
    assert result.exit_code == 1
    assert "failed: empty.txt" in result.output
    assert "empty page" in (tmp_path / "review" / "index.html").read_text(encoding="utf-8")


def test_histogram_clamps_and_counts() -> None:
    chart = histogram([-0.2, 0.05, 0.5, 0.55, 1.0, 1.3])
    counts = [b["count"] for b in chart["bars"]]  # type: ignore[index, union-attr]
    assert counts == [2, 0, 0, 0, 0, 2, 0, 0, 0, 2]
