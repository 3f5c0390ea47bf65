"""The package must generalise: nothing in reconstruct/ may name what is on the seed page."""

import json

import pytest
from conftest import ROOT, SHARED

GOLD = SHARED / "gold" / "000_3fb12ec0478f6414.json"


def _seed_terms() -> set[str]:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    terms: set[str] = set()
    for iv in gold["interviews"]:
        terms.update(g["name"] for g in iv["guests"])
        terms.update(iv["reporters"])
        texts = [iv["title"], iv["subtitle"], *(g["title"] for g in iv["guests"])]
        texts += [p for t in iv["turns"] for p in t["paragraphs"]]
        for t in texts:  # every 4-character run of the seed's own words
            terms.update(t[i : i + 4] for i in range(len(t) - 3) if all("\u4e00" <= c <= "\u9fff" for c in t[i : i + 4]))
    for a in gold["articles"]:
        terms.update(a["headline"][i : i + 4] for i in range(len(a["headline"]) - 3))
    return terms


def test_package_sources_name_nothing_from_the_seed() -> None:
    if not GOLD.exists():
        pytest.skip("no seed gold beside the checkout")
    terms = _seed_terms()
    for path in sorted((ROOT / "reconstruct").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        hits = sorted(t for t in terms if t in text)
        assert not hits, f"{path.name} names seed text: {hits[:5]}"
