import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner
from conftest import HAND, SEEDS
from lxml import etree

from reconstruct.cli import main

SEED = SEEDS / "000_3fb12ec0478f6414.txt"
GEN = Path(__file__).resolve().parent / "generators"
CORPUS = Path(__file__).resolve().parent / "corpus"


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
    assert interview["lost_chars"] == "0"


def test_a_bad_page_fails_alone_with_exit_code_1(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_bytes((HAND / "inline_two_guests.txt").read_bytes())
    (pages / "b.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["convert", str(pages), "-o", str(tmp_path / "o"), "--no-validate"])
    assert result.exit_code == 1
    assert "b.txt" in result.output and "empty" in result.output
    assert (tmp_path / "o" / "a.interview-1.xml").exists()
    again = CliRunner().invoke(main, ["convert", str(pages), "-o", str(tmp_path / "o"),
                                      "--no-validate", "--resume"])
    assert again.exit_code == 1 and "1 skipped as current" in again.output
    assert "0 converted" in again.output


def test_meta_and_overrides_options(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text(f"file,newspaper,date,page\n{SEED.name},某报,2024-07-06,3\n", encoding="utf-8")
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps({SEED.name: {"3": {"speaker": "李艳", "starts": "园区最大的"}}},
                                ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "o"
    result = CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "--no-validate",
                                       "--meta", str(meta), "--overrides", str(fixes)])
    assert result.exit_code == 0, result.output
    text = (out / "000_3fb12ec0478f6414.interview-1.xml").read_text(encoding="utf-8")
    assert 'resp="#editor"' in text and '<biblScope unit="page">3</biblScope>' in text
    inspected = CliRunner().invoke(main, ["inspect", str(SEED), "--overrides", str(fixes)])
    assert inspected.exit_code == 0 and "high (hand)" in inspected.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["convert", str(SEEDS)]).exit_code == 2  # no -o
    empty = tmp_path / "empty"
    empty.mkdir()
    assert CliRunner().invoke(main, ["convert", str(empty), "-o", str(tmp_path / "o")]).exit_code == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    for option in ("--meta", "--overrides"):
        result = CliRunner().invoke(main, ["convert", str(SEEDS), "-o", str(tmp_path / "o"), option, str(bad)])
        assert result.exit_code == 2 and option in result.output
    assert CliRunner().invoke(main, ["validate", str(empty)]).exit_code == 2


def test_help_shows_an_example() -> None:
    assert "Example" in CliRunner().invoke(main, ["--help"]).output
    for command in ("convert", "inspect", "validate", "evaluate"):
        assert "Example" in CliRunner().invoke(main, [command, "--help"]).output, command


def test_inspect_lists_questions_scores_and_runners_up() -> None:
    result = CliRunner().invoke(main, ["inspect", str(SEED)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("runner-up" in line for line in lines)
    table = [line for line in lines if line.startswith("  ") and line.strip()[:1].isdigit()]
    assert len(table) == 7 and "唐晓敏 区委召开的" in table[0]


def test_inspect_an_unreadable_page_exits_1(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["inspect", str(tmp_path / "e.txt")])
    assert result.exit_code == 1 and "empty" in result.output


def test_validate_names_each_invalid_file(tmp_path: Path) -> None:
    out = tmp_path / "o"
    CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "--no-validate"])
    (out / "bad.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>', encoding="utf-8")
    (out / "broken.xml").write_text("<TEI", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(out)])
    assert result.exit_code == 1
    bad = [line for line in result.output.splitlines() if line.startswith(str(out))]
    assert sorted(Path(line.split(":")[0]).name for line in bad) == ["bad.xml", "broken.xml"]
    assert "2 of 4 files valid" in result.output


def test_a_killed_batch_leaves_no_partial_xml_and_resumes(tmp_path: Path) -> None:
    sys.path.insert(0, str(GEN))
    from make_pages import generate

    pages, out = tmp_path / "pages", tmp_path / "out"
    generate(3, 40, pages, CORPUS)
    cmd = [sys.executable, "-c", "from reconstruct.cli import main; main()", "convert",
           str(pages), "-o", str(out), "--no-validate", "--jobs", "2"]
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while len(list(out.glob("*.xml"))) < 10 and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    for doc in out.glob("*.xml"):
        etree.parse(str(doc))  # every XML file there is whole
    result = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader((out / "manifest.csv").open(encoding="utf-8")))
    assert {r["dc.source"] for r in rows} == {p.name for p in pages.glob("*.txt")}
    assert not list(out.glob(".*"))


def test_convert_with_review_writes_the_site(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(SEEDS), "-o", str(out), "--no-validate", "--review"])
    assert result.exit_code == 0, result.output
    index = out / "review" / "index.html"
    assert index.exists() and "000_3fb12ec0478f6414" in index.read_text(encoding="utf-8")
    assert list((out / "review" / "pages").glob("*.html"))
