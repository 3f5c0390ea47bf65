"""Write a reproducible set of synthetic page dumps with their gold files.

    python tests/generators/make_pages.py --seed 1 --count 200 --out DIR [--corpus DIR]

Writes DIR/<NNN>_<mode>.txt (UTF-8, or GB18030 for about 1 page in 15),
DIR/gold/<NNN>_<mode>.json and the index DIR/pages.csv
(file, mode, encoding, guests, has_interview).  Modes cycle top / sidebar / inline;
about 1 page in 12 carries news items only; --double N adds N pages printing two
interviews (NNN_double).  Same --seed and corpus, same bytes.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from textpage import MODES, make_page  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
NO_INTERVIEW = 1 / 12
GB18030 = 1 / 15


def load_corpus(root: Path) -> tuple[list[dict], list[dict]]:
    """Interviews from root/interviews/*.json, articles from root/articles/*.json (sorted)."""
    def load(sub: str) -> list[dict]:
        return [json.loads(p.read_text(encoding="utf-8"))
                for p in sorted((root / sub).glob("*.json"))]
    return load("interviews"), load("articles")


def generate(seed: int, count: int, out: Path, corpus: Path, double: int = 0) -> list[dict]:
    interviews, articles = load_corpus(corpus)
    if not interviews or not articles:
        raise SystemExit(f"{corpus}: needs interviews/*.json and articles/*.json")
    (out / "gold").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    queue: list[dict] = []
    digits = max(3, len(str(count - 1)))
    rows = []
    for i in range(count):
        mode = MODES[i % len(MODES)]
        page_rng = random.Random(rng.getrandbits(64))
        interview = None
        if page_rng.random() >= NO_INTERVIEW:
            if not queue:
                queue = interviews[:]
                rng.shuffle(queue)
            interview = queue.pop()
        low, high = (1, 3) if interview else (2, 4)
        picked = page_rng.sample(articles, min(len(articles), page_rng.randint(low, high)))
        encoding = "gb18030" if page_rng.random() < GB18030 else "utf-8"
        text, gold = make_page(interview, picked, page_rng, mode)
        name = f"{i:0{digits}d}_{mode}"
        gold["source"] = name + ".txt"
        (out / f"{name}.txt").write_bytes(text.encode(encoding))
        (out / "gold" / f"{name}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        guests = len(gold["interviews"][0]["guests"]) if gold["interviews"] else 0
        rows.append({"file": name + ".txt", "mode": mode, "encoding": encoding,
                     "guests": guests, "has_interview": int(bool(gold["interviews"]))})
    rows += _double_pages(seed, double, out, interviews, articles, count, digits)
    with open(out / "pages.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["file"],
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def _double_pages(seed: int, double: int, out: Path, interviews: list[dict],
                  articles: list[dict], start: int, digits: int) -> list[dict]:
    """Pages that print two interviews, one after the other, each with its own furniture
    and news items (mode "double"); their own random stream, so the other pages stay as
    they are."""
    rng = random.Random(f"double-{seed}")
    rows = []
    for k in range(double):
        first, second = rng.sample(interviews, 2)
        texts, golds = [], []
        for iv in (first, second):
            mode = rng.choice(MODES)
            text, gold = make_page(iv, rng.sample(articles, rng.randint(1, 2)), rng, mode)
            texts.append(text)
            golds.append(gold)
        name = f"{start + k:0{digits}d}_double"
        gold = {"source": name + ".txt", "mode": "double",
                "interviews": golds[0]["interviews"] + golds[1]["interviews"],
                "articles": golds[0]["articles"] + golds[1]["articles"]}
        (out / f"{name}.txt").write_text("\n".join(texts), encoding="utf-8")
        (out / "gold" / f"{name}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        rows.append({"file": name + ".txt", "mode": "double", "encoding": "utf-8",
                     "guests": len(first["guests"]) + len(second["guests"]), "has_interview": 2})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="directory holding interviews/ and articles/ (default: tests/corpus)")
    ap.add_argument("--double", type=int, default=0,
                    help="also write this many pages that print two interviews")
    args = ap.parse_args(argv)
    rows = generate(args.seed, args.count, args.out, args.corpus, args.double)
    print(f"wrote {len(rows)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
