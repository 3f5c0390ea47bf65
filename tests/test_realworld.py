"""Real pages end to end: the seed against its hand-checked gold, and hand-made pages with
other names, column widths and question placements."""

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from conftest import HAND, OUTPUT, SEEDS, SHARED, load_scorer

from reconstruct import reconstruct_file
from reconstruct.batch import convert_batch, find_pages
from reconstruct.settings import Settings
from reconstruct.validate import validate_tei
from lxml import etree

SEED_GOLD = SHARED / "gold" / "000_3fb12ec0478f6414.json"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    report = convert_batch(find_pages([SEEDS]), out, Settings(), validate=False)
    assert report.return_code == 0
    return out


def test_seed_scores_exactly_against_its_gold(seed_out: Path) -> None:
    score = load_scorer()
    with redirect_stdout(io.StringIO()):
        report = score.main([str(SEED_GOLD), str(seed_out), "--json"])
    (iv,) = report["interviews"]
    assert iv["qa_pairs"] == "7/7"
    assert iv["transcript_similarity"] == 1.0
    assert iv["paragraph_f1"] == 1.0
    assert iv["guests"] == "3/3"
    assert iv["title"] and iv["subtitle"] and iv["reporters"]
    assert iv["editor_note"] == 1.0
    assert iv["foreign_chars"] == 0
    assert report["lost_chars"] == 0
    assert report["articles"] == [{"similarity": 1.0, "headline": True}] * 3


def test_output_folder_is_current(seed_out: Path, update_golden: bool) -> None:
    """output/ is the golden TEI (and manifest) of seeds/: converting again gives the same
    bytes."""
    kinds = ("*.xml", "manifest.csv")
    made = {p.name: p.read_bytes() for k in kinds for p in seed_out.glob(k)}
    if update_golden:
        for old in (p for k in kinds for p in OUTPUT.glob(k)):
            old.unlink()
        for name, data in made.items():
            (OUTPUT / name).write_bytes(data)
    kept = {p.name: p.read_bytes() for k in kinds for p in OUTPUT.glob(k)}
    assert made == kept, "output/ is stale: run pytest --update-golden and review the diff"


@pytest.mark.slow
def test_output_folder_is_valid_tei_all() -> None:
    files = sorted(OUTPUT.glob("*.xml"))
    assert files
    for f in files:
        assert validate_tei(etree.parse(str(f))) == [], f.name


def test_hand_made_inline_page_with_other_names_and_widths() -> None:
    result = reconstruct_file(HAND / "inline_two_guests.txt")
    (iv,) = result.interviews
    assert iv.title == "青山镇茶产业跑出“加速度”"
    assert iv.subtitle == "“乡村振兴大家谈”访谈之二"
    assert iv.reporters == ("周明远", "何佳")
    assert iv.label == "编者按" and iv.editor_note[0].text.startswith("乡村振兴，产业是关键。")
    assert [(g.name, g.title) for g in iv.guests] == [
        ("赵文海", "青山镇党委书记"), ("钱丽", "青山镇茶叶专业合作社理事长"),
    ]
    assert [(t.speaker, len(t.paragraphs)) for t in iv.turns] == [
        ("记者", 1), ("赵文海", 2), ("记者", 1), ("钱丽", 2), ("记者", 1), ("赵文海", 1),
    ]
    assert iv.turns[3].paragraphs[0].text.endswith("去年，合作社收购鲜叶1200吨，社员户均增收1.8万元。")
    (art,) = result.articles
    assert art.headline == "全市秋冬季森林防火工作会议召开"
    assert result.leftovers == ()
