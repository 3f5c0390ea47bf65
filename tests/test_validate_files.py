from pathlib import Path

import pytest
from conftest import OUTPUT

from reconstruct.validate_files import jing_path, validate_files

BAD = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><oops/></TEI>'


def _files(tmp_path: Path) -> list[Path]:
    (tmp_path / "bad.xml").write_text(BAD, encoding="utf-8")
    (tmp_path / "broken.xml").write_text("<TEI", encoding="utf-8")
    return [*sorted(OUTPUT.glob("*.xml")), tmp_path / "bad.xml", tmp_path / "broken.xml"]


@pytest.mark.slow
def test_lxml_names_each_invalid_file(tmp_path: Path) -> None:
    bad = validate_files(_files(tmp_path), use_jing=False)
    assert sorted(p.name for p in bad) == ["bad.xml", "broken.xml"]
    assert "not well-formed" in bad[tmp_path / "broken.xml"]


@pytest.mark.skipif(jing_path() is None, reason="jing is not installed (Debian package: jing)")
def test_jing_names_each_invalid_file(tmp_path: Path) -> None:
    bad = validate_files(_files(tmp_path), use_jing=True)
    assert sorted(p.name for p in bad) == ["bad.xml", "broken.xml"]
    assert all(msg.startswith("line ") for msg in bad.values())
