import csv
from pathlib import Path

from click.testing import CliRunner
from conftest import HAND, SEEDS

from reconstruct.cli import main


def test_convert_writes_documents_and_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(SEEDS), "-o", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["000_3fb12ec0478f6414.articles.xml", "000_3fb12ec0478f6414.interview-1.xml",
                     "manifest.csv"]
    rows = list(csv.DictReader((out / "manifest.csv").open(encoding="utf-8")))
    assert [r["status"] for r in rows] == ["ok", "ok"]
    interview = next(r for r in rows if r["file"].endswith("interview-1.xml"))
    assert interview["pairs"] == "7" and interview["dc.source"] == "000_3fb12ec0478f6414.txt"


def test_a_bad_page_fails_alone_with_exit_code_1(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes((HAND / "inline_two_guests.txt").read_bytes())
    (pages / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["convert", str(pages), "-o", str(tmp_path / "o"), "--no-validate"])
    assert result.exit_code == 1
    assert "b.txt" in result.output and "empty" in result.output
    assert (tmp_path / "o" / "a.interview-1.xml").exists()


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["convert", str(SEEDS)]).exit_code == 2  # no -o
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(main, ["convert", str(empty), "-o", str(tmp_path / "o")]).exit_code == 2


def test_help_shows_an_example() -> None:
    assert "Example" in CliRunner().invoke(main, ["--help"]).output
    assert "Example" in CliRunner().invoke(main, ["convert", "--help"]).output
