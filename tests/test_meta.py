import json
from pathlib import Path

import pytest

from reconstruct.errors import InputError
from reconstruct.meta import iso_date, load_meta, split_title
from reconstruct.model import PageMeta


def test_csv_metadata(tmp_path: Path) -> None:
    path = tmp_path / "m.csv"
    path.write_text("file,newspaper,date,page,url,license\n"
                    "p1.txt,某区日报,2024-07-06,3,,CC BY 4.0\n"
                    "p2.txt,,,,,\n", encoding="utf-8")
    metas = load_meta(path)
    assert metas["p1.txt"] == PageMeta(source="p1.txt", newspaper="某区日报", date="2024-07-06",
                                       page="3", licence="CC BY 4.0")
    assert metas["p2.txt"] == PageMeta(source="p2.txt")  # nothing invented


def test_json_metadata_object_or_list(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"p1.txt": {"newspaper": "某报", "page": 2}}), encoding="utf-8")
    assert load_meta(path)["p1.txt"].page == "2"
    path.write_text(json.dumps([{"file": "dir/p2.txt", "date": "2024/7/6"}]), encoding="utf-8")
    assert load_meta(path)["p2.txt"].date == "2024/7/6"


def test_bad_metadata_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError):
        load_meta(path)
    path.write_text(json.dumps([{"newspaper": "某报"}]), encoding="utf-8")
    with pytest.raises(InputError, match="without a page file"):
        load_meta(path)


@pytest.mark.parametrize("text, iso", [
    ("2024-07-06", "2024-07-06"), ("2024/7/6", "2024-07-06"), ("2024年7月6日", "2024-07-06"),
    ("2024-07", "2024-07"), ("2024", "2024"), ("七月六日", None), ("2024-13-01", None), (None, None),
])
def test_iso_date(text: str | None, iso: str | None) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize("title, parts", [
    ("某区教育委员会党委副书记、主任", ("某区教育委员会", "党委副书记、主任")),
    ("青山镇茶叶专业合作社理事长", ("青山镇茶叶专业合作社", "理事长")),
    ("某公司董事长兼总经理", ("某公司", "董事长兼总经理")),
    ("长寿区区长", ("长寿区", "区长")),
    ("重庆市长寿区", ("重庆市长寿区", "")),  # 市长 inside a place name is no post
    ("主任", ("", "主任")),
    ("", ("", "")),
])
def test_split_title_keeps_every_character(title: str, parts: tuple[str, str]) -> None:
    assert split_title(title) == parts
    assert "".join(parts) == title
