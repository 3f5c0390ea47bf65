"""Bad input through the real command line: each gets one clear line, a defined exit code,
and the batch goes on. Exit codes: 0 every page converted, 1 some pages failed, 2 usage.

The 200 MB case is a sparse file (no disk used): refused by its size before it is read.
"""

from __future__ import annotations

import codecs
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import HAND, SEEDS
from lxml import etree

from reconstruct.cli import main
from reconstruct.errors import InputError
from reconstruct.read import decode_bytes, read_page

GOOD = (HAND / "inline_two_guests.txt").read_text(encoding="utf-8")
QA = "主持人：今年有什么打算？\n\n张三：我们将加快发展，做强产业。\n\n李四：我们会继续努力。\n"
TEI = "{http://www.tei-c.org/ns/1.0}"


def _convert(*args: str | Path):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["convert", *map(str, args)], catch_exceptions=False)


def _rows(out: Path) -> list[dict[str, str]]:
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _failures(output: str) -> dict[str, str]:
    """``failed: NAME: message`` lines of the CLI's stderr, by page name."""
    found = {}
    for line in output.splitlines():
        if line.startswith("failed: "):
            name, _, message = line[len("failed: "):].partition(": ")
            found[name] = message
    return found


# --- one batch of bad pages: each fails alone, with one line, and the rest converts ----------

BAD_PAGES: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (" \n\t\n\u3000\n \n".encode(), "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary"),
    "controls.txt": (bytes(range(1, 32)) * 64, "binary"),
    "latin1-garbage.txt": (bytes(range(128, 256)) * 32, "decode"),
}


def test_bad_pages_fail_alone_with_one_line_each(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, (data, _) in BAD_PAGES.items():
        (pages / name).write_bytes(data)
    (pages / "good.txt").write_text(GOOD, encoding="utf-8")
    result = _convert(pages, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 1, result.output
    failures = _failures(result.output)
    assert set(failures) == set(BAD_PAGES), result.output
    for name, (_, word) in BAD_PAGES.items():
        assert word in failures[name], (name, failures[name])
    assert (tmp_path / "out" / "good.interview-1.xml").exists()
    rows = _rows(tmp_path / "out")
    assert {r["dc.source"] for r in rows if r["status"] == "failed"} == set(BAD_PAGES)


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding, data", [
    ("utf-8", GOOD.encode("utf-8")),
    ("utf-8-sig", codecs.BOM_UTF8 + GOOD.encode("utf-8")),
    ("utf-16", GOOD.encode("utf-16")),  # with its BOM
    ("utf-16", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be")),
    ("gb18030", GOOD.encode("gb18030")),
])
def test_encodings_read_the_same_text(encoding: str, data: bytes) -> None:
    page = read_page(data)
    assert page.encoding == encoding
    assert "\n".join(x.text for x in page.lines).rstrip() == "\n".join(
        x.rstrip() for x in GOOD.split("\n")).rstrip()


@pytest.mark.parametrize("encoding", ["utf-16", "gb18030", "utf-8-sig"])
def test_encoded_pages_convert_through_the_cli(tmp_path: Path, encoding: str) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes(GOOD.encode(encoding))
    result = _convert(page, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "p.interview-1.xml").exists()


def test_a_few_invalid_utf8_bytes_are_replaced_with_a_warning(caplog) -> None:  # type: ignore[no-untyped-def]
    data = GOOD.encode("utf-8")
    cut = data.index(b"\n", len(data) // 2)  # a line end: a character boundary
    bad = data[:cut] + b"\xff" + data[cut:] + b"\xe4\xb8"  # a stray byte, a truncated char
    page = read_page(bad, settings=None)
    text = "\n".join(x.text for x in page.lines)
    assert page.encoding == "utf-8" and text.count("\ufffd") == 2
    assert any("replaced by U+FFFD" in r.getMessage() for r in caplog.records)


def test_invalid_utf8_page_converts_with_a_one_line_warning(tmp_path: Path) -> None:
    """Through the installed command (CliRunner shares pytest's logging set-up)."""
    page = tmp_path / "p.txt"
    page.write_bytes(GOOD.encode("utf-8") + b"\xc3")
    exe = Path(sys.executable).with_name("reconstruct")
    if not exe.exists():
        pytest.skip("the reconstruct command is not installed beside this python")
    run = subprocess.run([str(exe), "convert", str(page), "-o", str(tmp_path / "out"),
                          "--no-validate"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    warnings = [ln for ln in run.stderr.splitlines() if "U+FFFD" in ln]
    assert len(warnings) == 1 and "p.txt" in warnings[0], run.stderr


def test_utf16_without_its_bom_is_read_with_a_warning(caplog) -> None:  # type: ignore[no-untyped-def]
    for encoding in ("utf-16-le", "utf-16-be"):
        page = read_page(GOOD.encode(encoding))
        assert page.encoding == "utf-16" and "赵文海" in "".join(x.text for x in page.lines)
    assert any("no byte-order mark" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("data, message", [
    (codecs.BOM_UTF16_LE + b"\x00\xd8" * 50, "invalid utf-16"),  # lone surrogates
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd" * 100, "invalid utf-8-sig"),
    (bytes(range(256)) * 40, "binary"),  # NUL bytes everywhere
])
def test_undecodable_pages_raise_input_error_only(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_bytes(data, "x.txt")


# --- size limit -------------------------------------------------------------------------


def test_a_200_mb_page_is_refused_by_its_size_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 200 MB long, no blocks written
        fh.truncate(200_000_001)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = _convert(big, tmp_path / "good.txt", "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 1
    message = _failures(result.output)["big.txt"]
    assert "200000001 bytes" in message and "--max-bytes" in message
    assert (tmp_path / "out" / "good.interview-1.xml").exists()


def test_max_bytes_sets_the_limit(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(GOOD, encoding="utf-8")
    size = page.stat().st_size
    refused = _convert(page, "-o", tmp_path / "a", "--no-validate", "--max-bytes", size - 1)
    assert refused.exit_code == 1 and "over the limit" in refused.output
    taken = _convert(page, "-o", tmp_path / "b", "--no-validate", "--max-bytes", size)
    assert taken.exit_code == 0, taken.output


def test_folder_with_no_pages_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.md").write_text("not a page", encoding="utf-8")
    result = _convert(tmp_path / "in", "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "no page files" in result.output


# --- odd interviews: converted, valid ----------------------------------------------------

ODD_PAGES = {
    "questions_only": "某区加快发展\n\n主持人：今年有什么打算？\n\n主持人：下一步怎么做？\n",
    "answers_only": "张三：我们将加快发展。\n\n张三：我们会继续努力。\n",
    "name_not_in_roster": "访谈嘉宾：\n某某局局长 张三\n\n" + QA + "\n王五：我补充一点，我们也在做。\n",
    "same_name_twice": ("访谈嘉宾：\n某某局局长 张三\n某某公司董事长 张三\n\n"
                        "主持人：今年有什么打算？\n\n张三：我们将加快发展。\n\n"
                        "主持人：下一步呢？\n\n张三：我们会继续努力。\n"),
    "label_only": "主持人：\n",
    "one_character": "壹\n",
    "controls": "主持人：今年\x01有什么打算？\x00\n\n张三：我们将加快\x1b发展。\n",
}


@pytest.mark.slow
def test_odd_interviews_convert_to_valid_tei(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text in ODD_PAGES.items():
        (pages / f"{name}.txt").write_text(text, encoding="utf-8")
    result = _convert(pages, "-o", tmp_path / "out")  # validating
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "out").glob("*.xml"))
    assert {n.split(".")[0] for n in written} == set(ODD_PAGES) - {"label_only"} or written
    same = etree.parse(str(tmp_path / "out" / "same_name_twice.interview-1.xml"))
    ids = same.xpath("//@xml:id")
    assert len(ids) == len(set(ids))


def test_illegal_xml_characters_are_removed_and_counted_in_the_manifest(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(ODD_PAGES["controls"], encoding="utf-8")
    result = _convert(page, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 0, result.output
    rows = _rows(tmp_path / "out")
    assert rows and all("removed 3 characters illegal in XML" in r["warnings"] for r in rows)
    xml = (tmp_path / "out" / "p.interview-1.xml").read_text(encoding="utf-8")
    assert "今年有什么打算" in xml and "加快发展" in xml


# --- output names ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["..txt", "...txt", ".hidden.txt", "-o.txt", " spaced .txt",
                                  "a\\b.txt", "页 面.text"])
def test_output_names_stay_in_the_output_folder(tmp_path: Path, name: str) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / name).write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    result = _convert(pages, "-o", out, "--no-validate")
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*.xml")]
    assert written and all(p.parent == out for p in written), written
    assert not any(p.name.startswith(".") for p in written), written


def _odd_name_page(tmp_path: Path, raw_name: bytes) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    path = Path(os.fsdecode(bytes(pages) + b"/" + raw_name))
    path.write_text(GOOD, encoding="utf-8")
    return pages


def test_a_page_name_with_a_control_character_converts(tmp_path: Path) -> None:
    pages = _odd_name_page(tmp_path, b"a\x01b.txt")
    result = _convert(pages, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 0, result.output


def test_a_page_name_in_invalid_utf8_converts(tmp_path: Path) -> None:
    pages = _odd_name_page(tmp_path, b"\xff\xfe.txt")
    result = _convert(pages, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 0, result.output


def test_pages_with_the_same_stem_do_not_overwrite_each_other(tmp_path: Path) -> None:
    """a/p.txt and b/p.txt would write the same names: the second fails, the first stays."""
    for sub in ("a", "b"):
        (tmp_path / "in" / sub).mkdir(parents=True)
    (tmp_path / "in" / "a" / "p.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "in" / "b" / "p.txt").write_text(QA, encoding="utf-8")
    result = _convert(tmp_path / "in", "-o", tmp_path / "out", "--no-validate")
    interviews = sorted((tmp_path / "out").glob("*.interview-1.xml"))
    assert result.exit_code == 1 and len(interviews) == 1, (result.output, interviews)
    assert "赵文海" in interviews[0].read_text(encoding="utf-8")  # a/p.txt's own guest
    assert len([ln for ln in result.output.splitlines() if ln.startswith("failed: ")]) == 1


def test_seed_still_converts(tmp_path: Path) -> None:
    result = _convert(SEEDS, "-o", tmp_path / "out", "--no-validate")
    assert result.exit_code == 0, result.output
