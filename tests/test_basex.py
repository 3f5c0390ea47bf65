"""A real XML database reads the TEI: BaseX loads the documents written for seeds/ and an
XQuery lists, per interview, each question with the name of the guest who answered it.

Skipped when ``basex`` is not on PATH (Debian: ``apt-get install basex``; CI installs it)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

from reconstruct.batch import BatchOptions, convert_batch, find_pages
from reconstruct.settings import Settings

GOLD = SHARED / "gold" / "000_3fb12ec0478f6414.json"
QUERY = """\
declare namespace tei = "http://www.tei-c.org/ns/1.0";
for $doc in collection('interviews')[.//tei:sp]
let $people := $doc//tei:listPerson/tei:person
for $q in $doc//tei:div[@type = 'interview']/tei:sp[@who = '#host']
let $answer := $q/following-sibling::tei:sp[1][@who != '#host']
let $guest := $people[@xml:id = substring-after($answer/@who, '#')]/tei:persName
return string-join((db:path($doc), string-join($q/tei:p, ''), string($guest)), '&#9;')
"""

pytestmark = pytest.mark.skipif(shutil.which("basex") is None,
                                reason="basex is not installed (Debian package: basex)")


def _gold_pairs() -> list[tuple[str, str]]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    pairs = []
    for iv in gold["interviews"]:
        turns = iv["turns"]
        for q, a in zip(turns, turns[1:]):
            if q["speaker"] == iv.get("host", "主持人") and a["speaker"] != q["speaker"]:
                pairs.append((_norm("".join(q["paragraphs"])), a["speaker"]))
    return pairs


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_basex_lists_each_question_with_its_guest(tmp_path: Path) -> None:
    if not GOLD.exists():
        pytest.skip("no seed gold beside the checkout")
    out = tmp_path / "tei"
    report = convert_batch(find_pages([SEEDS]), out, Settings(), BatchOptions(validate=False))
    assert report.return_code == 0
    (tmp_path / "pairs.xq").write_text(QUERY, encoding="utf-8")
    (tmp_path / "load.bxs").write_text(
        f"CREATE DB interviews {out}\nRUN {tmp_path / 'pairs.xq'}\nDROP DB interviews\n",
        encoding="utf-8")
    # HOME: BaseX keeps its configuration and databases there; keep them in tmp_path
    proc = subprocess.run(["basex", "-c", str(tmp_path / "load.bxs")], capture_output=True,
                          text=True, env={**os.environ, "HOME": str(tmp_path)}, timeout=120,
                          check=False)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines() if line.strip()]
    assert {r[0] for r in rows} == {"000_3fb12ec0478f6414.interview-1.xml"}
    got = [(_norm(question), guest) for _, question, guest in rows]
    assert len(got) == 7
    assert got == _gold_pairs()
