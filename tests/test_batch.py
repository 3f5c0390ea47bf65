"""Batch conversion: worker processes, broken pages, the manifest, resume, atomic writes."""

from __future__ import annotations

import csv
import os
import sys
import time
from pathlib import Path

import pytest
from lxml import etree

from reconstruct import __version__
from reconstruct.batch import BatchOptions, convert_batch, find_pages, is_current, tool_version
from reconstruct.errors import InputError
from reconstruct.manifest import JOURNAL, MANIFEST_FIELDS
from reconstruct.model import Override, PageMeta
from reconstruct.settings import Settings

GEN = Path(__file__).resolve().parent / "generators"
sys.path.insert(0, str(GEN))
from make_pages import generate  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
BROKEN = {"zz_binary.txt": bytes(range(256)) * 8, "zz_empty.txt": b"",
          "zz_invalid.txt": b"\xff\xfe\x00\xd8\x00\xd8" * 40}


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    generate(7, 17, root, CORPUS)
    for name, data in BROKEN.items():
        (root / name).write_bytes(data)
    return root


def _manifest(out: Path) -> list[dict[str, str]]:
    with (out / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_twenty_pages_three_broken(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = convert_batch(find_pages([pages]), out, Settings(jobs=2), BatchOptions(validate=False))
    assert report.return_code == 1 and report.pages == 20 and report.converted == 17
    failed = {r.source: r.error for r in report.failed}
    assert set(failed) == set(BROKEN)
    assert "empty" in failed["zz_empty.txt"] and all(failed.values())
    rows = _manifest(out)
    assert tuple(rows[0]) == MANIFEST_FIELDS
    assert {r["dc.source"] for r in rows} == {p.name for p in find_pages([pages])}
    assert all(r["file"] for r in rows if r["status"] == "ok")
    assert not list(out.glob(".*"))  # no journal, no temporary files left
    for row in rows:
        if row["file"].endswith(".interview-1.xml"):
            assert int(row["pairs"]) > 0 and row["dc.language"] == "zh-Hans"


def test_resume_converts_nothing_and_keeps_the_manifest(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = convert_batch(find_pages([pages]), out, Settings(), BatchOptions(validate=False))
    before = _manifest(out)
    again = convert_batch(find_pages([pages]), out, Settings(), BatchOptions(validate=False, resume=True))
    assert again.converted == 0 and again.skipped == 17 and len(again.failed) == 3
    assert _manifest(out) == before and again.return_code == first.return_code == 1


def test_resume_reconverts_a_touched_page_or_another_version(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    page = sorted(pages.glob("0*.txt"))[0]
    convert_batch([page], out, Settings(), BatchOptions(validate=False))
    assert is_current(page, out)
    later = time.time() + 5
    os.utime(page, (later, later))
    try:
        assert not is_current(page, out)
    finally:
        os.utime(page, (later - 3600, later - 3600))
    assert is_current(page, out)
    doc = next(out.glob("*.xml"))
    assert tool_version(doc) == __version__
    doc.write_bytes(doc.read_bytes().replace(f'version="{__version__}"'.encode(), b'version="0.0.1"'))
    assert not is_current(page, out)
    assert not is_current(page, out, newer_than=time.time() + 60)  # e.g. a newer --meta file


def test_resume_after_a_lost_manifest_rebuilds_rows(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    page = sorted(pages.glob("0*.txt"))[0]
    convert_batch([page], out, Settings(), BatchOptions(validate=False))
    (out / "manifest.csv").unlink()
    report = convert_batch([page], out, Settings(), BatchOptions(validate=False, resume=True))
    assert report.skipped == 1 and all(r.output for r in report.rows)
    assert all(r.status == "ok" for r in report.rows)


def test_stale_outputs_and_temporaries_are_removed(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    page = sorted(pages.glob("0*.txt"))[0]
    convert_batch([page], out, Settings(), BatchOptions(validate=False))
    stale = out / f"{page.stem}.interview-9.xml"
    stale.write_bytes(next(out.glob("*.xml")).read_bytes())
    tmp = out / f".{page.stem}.articles.xml.abc.tmp"
    tmp.write_bytes(b"<TEI")
    convert_batch([page], out, Settings(), BatchOptions(validate=False))
    assert not stale.exists() and not tmp.exists()


def test_a_foreign_file_is_not_replaced_without_force(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    page = sorted(pages.glob("0*.txt"))[0]
    mine = out / f"{page.stem}.articles.xml"
    mine.write_text("<keep/>", encoding="utf-8")
    report = convert_batch([page], out, Settings(), BatchOptions(validate=False))
    assert report.failed and "--force" in report.failed[0].error
    assert mine.read_text(encoding="utf-8") == "<keep/>"
    report = convert_batch([page], out, Settings(), BatchOptions(validate=False, force=True))
    assert not report.failed and tool_version(mine) == __version__


def test_an_empty_document_left_by_a_crash_is_replaced(pages: Path, tmp_path: Path) -> None:
    """Documents are not synced one by one (the batch syncs before its manifest): a crash
    may leave one empty, and the next run writes it again without --force."""
    out = tmp_path / "out"
    out.mkdir()
    page = sorted(pages.glob("0*.txt"))[0]
    cut_short = out / f"{page.stem}.articles.xml"
    cut_short.write_bytes(b"")
    report = convert_batch([page], out, Settings(), BatchOptions(validate=False))
    assert not report.failed and tool_version(cut_short) == __version__


def test_pages_with_the_same_output_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "p.txt").write_bytes(b"")
    report = convert_batch(find_pages([tmp_path / "a", tmp_path / "b"]), tmp_path / "o", Settings())
    assert "same output name" in report.failed[1].error


def test_fail_fast_raises_the_first_error(pages: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        convert_batch([pages / "zz_empty.txt", *sorted(pages.glob("0*.txt"))[:2]], tmp_path / "o",
                      Settings(), BatchOptions(validate=False, fail_fast=True))
    assert (tmp_path / "o" / "manifest.csv").exists() and not (tmp_path / "o" / JOURNAL).exists()


def test_metadata_and_overrides_reach_the_documents(tmp_path: Path) -> None:
    from conftest import SEEDS

    page = SEEDS / "000_3fb12ec0478f6414.txt"
    options = BatchOptions(
        validate=False,
        metas={page.name: PageMeta(source=page.name, newspaper="某报", date="2024-07-06",
                                   licence="CC BY 4.0")},
        overrides={page.name: (Override(3, "李艳", "园区最大的"), Override(40, "李艳", "x"))},
    )
    report = convert_batch([page], tmp_path, Settings(), options)
    row = next(r for r in report.rows if r.output.endswith("interview-1.xml"))
    assert row.date == "2024-07-06" and row.publisher == "某报" and row.rights == "CC BY 4.0"
    assert any("question 40" in w for w in row.warnings)
    root = etree.parse(str(tmp_path / row.output)).getroot()
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert root.xpath("//t:sp[@resp='#editor']/@cert", namespaces=ns) == ["high"]
    assert root.xpath("//t:monogr/t:title/text()", namespaces=ns) == ["某报"]


@pytest.mark.slow
def test_every_written_document_is_valid(pages: Path, tmp_path: Path) -> None:
    report = convert_batch(find_pages([pages]), tmp_path, Settings(jobs=2), BatchOptions())
    assert {r.source for r in report.failed} == set(BROKEN)
    assert len([r for r in report.rows if r.output]) == len(list(tmp_path.glob("*.xml")))


def test_a_page_name_that_is_not_utf8_is_written_with_a_replacement(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    src = sorted((Path(__file__).parent / "pages" / "hand").glob("*.txt"))[0]
    odd = Path(os.fsdecode(bytes(pages) + b"/\xff\x01.txt"))
    odd.write_bytes(src.read_bytes())
    report = convert_batch(find_pages([pages]), tmp_path / "o", Settings(), BatchOptions(validate=False))
    assert report.return_code == 0
    assert {r.source for r in report.rows} == {"\ufffd\ufffd.txt"}
    assert all(r.output.startswith("\ufffd\ufffd.") for r in report.rows)
    assert "\ufffd\ufffd.txt" in (tmp_path / "o" / "manifest.csv").read_text(encoding="utf-8")


def _staged_page(pages: Path, out: Path):
    from reconstruct.batch import _convert, _Task

    out.mkdir(exist_ok=True)
    task = _Task(sorted(pages.glob("0*.txt"))[0], out, Settings(), None, (), True, False, stage=True)
    return task, _convert(task)


def test_staged_documents_are_renamed_into_place_only_when_valid(pages: Path, tmp_path: Path) -> None:
    """With several jobs the workers stage their documents for the validator: nothing is
    written until the check says every document of the page is valid."""
    from reconstruct.batch import _commit
    from reconstruct.validate import Problem

    task, staged = _staged_page(pages, tmp_path / "bad")
    assert staged.files and not list(task.out_dir.glob("*.xml"))
    assert all(tmp.exists() and tmp.name.startswith(".") for _, tmp, _ in staged.files)
    checked = [(name, [Problem("RELAXNG_ERR", "bad")] if k == 0 else [])
               for k, (name, _, _) in enumerate(staged.files)]
    rows = _commit(task, staged, checked)
    assert rows[0].status == "failed" and "TEI problem" in rows[0].error
    assert not list(task.out_dir.iterdir())  # neither the documents nor their temporaries

    task, staged = _staged_page(pages, tmp_path / "good")
    rows = _commit(task, staged, [(name, []) for name, _, _ in staged.files])
    assert all(r.status == "ok" for r in rows)
    assert sorted(p.name for p in task.out_dir.iterdir()) == sorted(r.output for r in rows)


@pytest.mark.slow
def test_the_validator_reads_back_what_was_staged(pages: Path, tmp_path: Path) -> None:
    from reconstruct.batch import _check_staged

    _, staged = _staged_page(pages, tmp_path)
    name, tmp, _ = staged.files[0]
    assert _check_staged([(name, str(tmp))]) == [(name, [])]
    tmp.write_text(tmp.read_text(encoding="utf-8").replace("<body>", "<body><bogus/>"), encoding="utf-8")
    assert _check_staged([(name, str(tmp))])[0][1]


def test_one_worker_fewer_converts_while_the_schema_compiles_with_no_core_to_spare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two jobs on two cores: while tei_all compiles, one worker converts (the compile gets
    a core of its own); with a core to spare, or once it is compiled, both do."""
    from concurrent.futures import Future

    from reconstruct import batch

    compiled: Future[None] = Future()
    validator = batch._Validator(pool=None, compiled=compiled)  # type: ignore[arg-type]
    monkeypatch.setattr(batch, "_cores", lambda: 2)
    assert batch._compiling_alone(2, validator)
    assert not batch._compiling_alone(2, None)  # no validator: nothing compiles
    monkeypatch.setattr(batch, "_cores", lambda: 3)
    assert not batch._compiling_alone(2, validator)
    monkeypatch.setattr(batch, "_cores", lambda: 2)
    compiled.set_result(None)
    assert not batch._compiling_alone(2, validator)


def test_missing_characters_are_counted_with_their_repeats() -> None:
    import random
    from collections import Counter

    from reconstruct.batch import _missing

    def reference(text: str, out: str) -> int:
        chars = Counter(c for c in text if c.isalnum())
        return sum((chars - Counter(out)).values())

    assert _missing("记者：甲乙甲 A1，", "甲") == 6  # 记 者 乙 A 1 and the second 甲
    assert _missing("甲乙", "") == 2 and _missing("", "甲") == 0
    rng = random.Random(3)
    alphabet = "甲乙丙丁，。 Ab1\n⼈𠀀"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        out = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert _missing(text, out) == reference(text, out), (text, out)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the workers inherit the patch by fork")
def test_with_two_jobs_an_invalid_document_fails_its_page_and_is_not_written(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    from reconstruct import batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the workers inherit the patch by fork")
    good = sorted(pages.glob("0*.txt"))[:4]
    build = batch.build_tei

    def broken(result):  # type: ignore[no-untyped-def]
        docs = build(result)
        if result.meta.source == good[1].name:
            etree.SubElement(docs[-1].tree.getroot(), "bogus")
        return docs

    monkeypatch.setattr(batch, "build_tei", broken)
    report = convert_batch(good, tmp_path, Settings(jobs=2), BatchOptions())
    assert [r.source for r in report.failed] == [good[1].name]
    assert "TEI problem" in report.failed[0].error
    assert not list(tmp_path.glob(f"{good[1].stem}.*")) and not list(tmp_path.glob(".*.tmp"))
    assert all(list(tmp_path.glob(f"{p.stem}.*.xml")) for p in (good[0], *good[2:]))


@pytest.mark.slow
def test_with_two_jobs_a_batch_stopped_early_leaves_no_staged_file(pages: Path, tmp_path: Path) -> None:
    good = sorted(pages.glob("0*.txt"))[:8]
    with pytest.raises(InputError, match="empty"):
        convert_batch([pages / "zz_empty.txt", *good], tmp_path, Settings(jobs=2),
                      BatchOptions(fail_fast=True))
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.slow
def test_with_two_jobs_the_staged_pages_are_bounded_and_the_batch_ends(
    pages: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reconstruct import batch

    monkeypatch.setattr(batch, "_STAGED_PER_JOB", 1)  # the workers wait for every check
    good = sorted(pages.glob("0*.txt"))[:8]
    report = convert_batch(good, tmp_path, Settings(jobs=2), BatchOptions())
    assert report.converted == 8 and not report.failed
    assert all(list(tmp_path.glob(f"{p.stem}.*.xml")) for p in good)
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_task_stopped_part_way_takes_back_what_its_finished_pages_staged(tmp_path, monkeypatch) -> None:
    # Ctrl-C reaches a worker between two pages of its task: the parent never gets the
    # finished page's staged document to discard, so the task does
    from reconstruct import batch

    staged = tmp_path / "a.interview-1.xml.tmp"
    staged.write_text("<TEI/>")

    def convert(task: str) -> batch._Staged:
        if task == "second":
            raise KeyboardInterrupt
        return batch._Staged([], (("a.interview-1", staged, tmp_path / "a.interview-1.xml"),))

    monkeypatch.setattr(batch, "_convert", convert)
    with pytest.raises(KeyboardInterrupt):
        batch._convert_all(["first", "second"])  # type: ignore[list-item]
    assert not staged.exists()
    staged.write_text("<TEI/>")
    assert batch._convert_all(["first"])[0].files[0][1] == staged  # type: ignore[list-item]
    assert staged.exists()  # a task that finishes leaves its staged files to the parent


def test_a_validator_stopped_while_it_compiles_is_ended_not_waited_for() -> None:
    # a batch stopped early (Ctrl-C, --fail-fast) must not wait for a tei_all compile no
    # page will use: its process is ended
    from concurrent.futures import ProcessPoolExecutor

    from reconstruct import batch

    pool = ProcessPoolExecutor(max_workers=1)
    validator = batch._Validator(pool, pool.submit(time.sleep, 120))  # a compile that goes on
    while not pool._processes:  # (the pool starts its process on the first task)
        time.sleep(0.01)
    processes = list(pool._processes.values())
    validator.stop()
    # (join returns once the process closes its end of the sentinel pipe, a moment before it
    # can be reaped, so ask again for a while rather than once)
    deadline = time.monotonic() + 30
    while any(process.is_alive() for process in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(process.is_alive() for process in processes)
