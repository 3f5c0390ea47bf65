"""Generate typeset newspaper pages: HTML -> PDF (Chromium) -> text (pdftotext, pdfminer.six).

    python tests/typeset/make_typeset.py --seed 1 --count 200 --out tests/pages/typeset

Writes OUT/pdftotext/NNN_mode.txt, OUT/pdfminer/NNN_mode.txt, OUT/gold/NNN_mode.json and
OUT/VERSIONS.txt.  HTML and PDF files stay in --work (default /tmp/typeset_work).
"""
from __future__ import annotations

import argparse
import collections
import json
import logging
import multiprocessing
import random
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import render  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
NEWS_ONLY_RATE = 1 / 12

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    raise SystemExit("chromium not found")


def load_corpus(root: Path):
    ivs = [json.loads(p.read_text("utf-8")) for p in sorted((root / "interviews").glob("*.json"))]
    arts = [json.loads(p.read_text("utf-8")) for p in sorted((root / "articles").glob("*.json"))]
    if not ivs or not arts:
        raise SystemExit(f"no corpus under {root} (need interviews/*.json and articles/*.json)")
    return ivs, arts


def plan_pages(seed: int, count: int, ivs, arts):
    """Deterministic page plan: (name, interview index or None, article indexes, mode)."""
    rng = random.Random(f"plan:{seed}")
    order: list[int] = []
    plans = []
    for i in range(count):
        if rng.random() < NEWS_ONLY_RATE:
            k = min(len(arts), rng.randint(4, 6))
            plans.append((f"{i:03d}_news", None, rng.sample(range(len(arts)), k), "news"))
            continue
        if not order:
            order = list(range(len(ivs)))
            rng.shuffle(order)
        k = min(len(arts), rng.randint(1, 3))
        mode = rng.choice(render.MODES)
        plans.append((f"{i:03d}_{mode}", order.pop(), rng.sample(range(len(arts)), k), mode))
    return plans


def _versions() -> str:
    import jinja2
    import pdfminer
    chrom = subprocess.run([_chromium(), "--version"], capture_output=True, text=True).stdout
    pdft = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr
    fonts = subprocess.run(["dpkg-query", "-W", "fonts-noto-cjk", "poppler-utils", "chromium"],
                           capture_output=True, text=True).stdout
    return (f"chromium: {chrom.strip()}\npdftotext: {pdft.splitlines()[0] if pdft else '?'}\n"
            f"pdfminer.six: {pdfminer.__version__}\njinja2: {jinja2.__version__}\n"
            f"python: {sys.version.split()[0]}\ndebian packages:\n{fonts}")


def _print_pdf(html: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="ts_chrome_") as prof:
        cmd = [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={prof}",
               f"--print-to-pdf={pdf}", html.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not pdf.exists():
        raise RuntimeError(f"chromium wrote no {pdf}")


def _pdfminer_text(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    return extract_text(str(pdf))


def _char_diff(expected: str, got: str) -> dict:
    """Characters missing from / extra in `got`, ignoring whitespace, after NFKC."""
    def bag(s):
        return collections.Counter(c for c in unicodedata.normalize("NFKC", s) if not c.isspace())
    e, g = bag(expected), bag(got)
    return {"missing": "".join(sorted((e - g).elements())), "extra": "".join(sorted((g - e).elements()))}


def _gold_chars(gold: dict) -> str:
    out = []
    for iv in gold["interviews"]:
        out += [iv["title"], iv["subtitle"], iv["label"], *iv["reporters"], *iv["editor_note"],
                *iv.get("lead", [])]
        out += [g["title"] + g["name"] for g in iv["guests"]]
        out += [p for t in iv["turns"] for p in t["paragraphs"]]
    for a in gold["articles"]:
        out += [a["headline"], *a["paragraphs"]]
    return "".join(out)


def make_page(job):
    seed, plan, out, work, corpus = job
    name, iv_idx, art_idx, mode = plan
    ivs, arts = load_corpus(Path(corpus))
    rng = random.Random(f"page:{seed}:{name}")
    iv = ivs[iv_idx] if iv_idx is not None else None
    html, gold, extras = render.build_page(rng, iv, [arts[i] for i in art_idx],
                                           mode if iv else "top")
    out, work = Path(out), Path(work)
    hp, pp = work / f"{name}.html", work / f"{name}.pdf"
    hp.write_text(html, "utf-8")
    _print_pdf(hp, pp)
    txt1 = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pp), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    txt2 = _pdfminer_text(pp)
    (out / "pdftotext" / f"{name}.txt").write_text(txt1, "utf-8")
    (out / "pdfminer" / f"{name}.txt").write_text(txt2, "utf-8")
    gold = {"source": f"{name}.txt", **gold}
    (out / "gold" / f"{name}.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = _gold_chars(gold) + "".join(extras)
    pages = subprocess.run(["pdfinfo", str(pp)], capture_output=True, text=True).stdout
    npages = next((ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages:")), "?")
    return name, npages, _char_diff(expected, txt1), _char_diff(expected, txt2)


def fresh_out(out: Path, work: Path) -> None:
    """Empty OUT's pdftotext/, pdfminer/ and gold/ folders (making them) and make WORK."""
    for sub in ("pdftotext", "pdfminer", "gold"):
        d = out / sub
        if d.exists():
            for old in d.iterdir():
                old.unlink()
        d.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)


def run_pages(make, jobs: list, workers: int, problems) -> int:
    """Make every page of JOBS with MAKE in a pool of WORKERS, print one line per page (with
    PROBLEMS(result): the flag to print and whether the pdftotext text differs); returns how
    many pages were flagged."""
    bad = 0
    with multiprocessing.Pool(workers) as pool:
        for result in pool.imap(make, jobs):
            flag, differs = problems(result)
            bad += differs
            print(result[0] + flag, flush=True)
    return bad


def diff_flag(d1: dict, d2: dict, npages: str | None = None) -> tuple[str, bool]:
    """The flag printed after a page's name for its pdftotext (D1) and pdfminer.six (D2)
    character differences and, where the generator counts them, its PDF pages (NPAGES, "1"
    wanted), and whether the pdftotext text differs or the page ran over."""
    differs = bool(d1["missing"] or d1["extra"] or npages not in (None, "1"))
    flag = ""
    if differs:
        flag = "  " + (f"pages={npages} " if npages is not None else "") + f"pdftotext-diff={d1}"
    if d2["missing"] or d2["extra"]:
        flag += f"  pdfminer-diff={d2}"
    return flag, differs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--out", type=Path, default=Path("tests/pages/typeset"))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--work", type=Path, default=Path("/tmp/typeset_work"))
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    ivs, arts = load_corpus(args.corpus)
    fresh_out(args.out, args.work)
    (args.out / "VERSIONS.txt").write_text(_versions(), "utf-8")
    plans = plan_pages(args.seed, args.count, ivs, arts)
    jobs = [(args.seed, p, str(args.out), str(args.work), str(args.corpus)) for p in plans]
    bad = run_pages(make_page, jobs, args.workers, lambda r: diff_flag(r[2], r[3], r[1]))
    print(f"{len(plans)} pages, {bad} with pdftotext character differences or >1 PDF page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
