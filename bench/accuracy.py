#!/usr/bin/env python3
"""Accuracy over the generated pages: the figures of ../shared/eval/score.py per generator
and layout mode (reconstruct evaluate).

    python bench/accuracy.py [--count 200] [--seed 1] [--workdir DIR] [--calibration]

Text-level pages are generated from tests/corpus with a fixed seed; typeset pages
(Chromium-printed, extracted with pdftotext and with pdfminer.six) are the ones committed
under tests/pages/typeset. Then the same for the held-out corpus, tests/heldout (text-level
pages generated from it with seed 7, its typeset pages committed): written by another hand,
it tells how the rules carry over to text they were not written from (--no-heldout skips
it). Last, the pages of a second typesetter, ReportLab (tests/pages/reportlab, made from
tests/corpus by tests/typeset/make_reportlab.py, extracted with pdftotext and pdfminer.six):
the same content laid out by other means (--no-reportlab skips them). Each set is converted
with `reconstruct convert --no-validate` and scored against its gold.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TYPESET = ROOT / "tests" / "pages" / "typeset"
REPORTLAB = ROOT / "tests" / "pages" / "reportlab"
HELDOUT = ROOT / "tests" / "heldout"


def run(*cmd: str) -> str:
    return subprocess.run(cmd, check=False, capture_output=True, text=True).stdout


def tool() -> str:
    """The reconstruct command of this Python's environment."""
    beside = Path(sys.executable).parent / "reconstruct"
    return str(beside) if beside.exists() else "reconstruct"


def generate(out: Path, seed: int, count: int, double: int, corpus: Path | None = None) -> Path:
    """Text-level pages (and their gold) from a corpus, with make_pages.py."""
    cmd = [sys.executable, str(ROOT / "tests" / "generators" / "make_pages.py"),
           "--seed", str(seed), "--count", str(count), "--double", str(double), "--out", str(out)]
    subprocess.run(cmd + (["--corpus", str(corpus)] if corpus else []), check=True, capture_output=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--double", type=int, default=20, help="pages printing two interviews")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--no-heldout", action="store_true", help="skip the held-out corpus's sets")
    ap.add_argument("--no-reportlab", action="store_true", help="skip the ReportLab-typeset sets")
    ap.add_argument("--calibration", action="store_true",
                    help="also print, per set, how often each @cert level is right (bench/calibration.py)")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="reconstruct-accuracy-"))
    text_pages = generate(work / "text", args.seed, args.count, args.double)
    sets = [("text-level", text_pages, text_pages / "gold"),
            ("typeset, pdftotext", TYPESET / "pdftotext", TYPESET / "gold"),
            ("typeset, pdfminer.six", TYPESET / "pdfminer", TYPESET / "gold")]
    if not args.no_heldout:
        held = generate(work / "heldout-text", 7, 120, 10, HELDOUT / "corpus")
        typeset = HELDOUT / "typeset"
        sets += [("held-out text-level", held, held / "gold"),
                 ("held-out typeset, pdftotext", typeset / "pdftotext", typeset / "gold"),
                 ("held-out typeset, pdfminer.six", typeset / "pdfminer", typeset / "gold")]
    if not args.no_reportlab:
        sets += [("reportlab, pdftotext", REPORTLAB / "pdftotext", REPORTLAB / "gold"),
                 ("reportlab, pdfminer.six", REPORTLAB / "pdfminer", REPORTLAB / "gold")]
    for name, pages, gold in sets:
        out = work / ("out-" + name.replace(" ", "").replace(",", "-").replace(".", ""))
        run(tool(), "-q", "convert", str(pages), "-o", str(out), "--no-validate", "--jobs", "2")
        print(f"== {name} ({pages})")
        print(run(tool(), "evaluate", str(gold), str(out)))
        if args.calibration:
            print(run(sys.executable, str(ROOT / "bench" / "calibration.py"), str(gold), str(out)))


if __name__ == "__main__":
    main()
