import json
from pathlib import Path

import pytest
from conftest import SEEDS

from reconstruct import reconstruct_file
from reconstruct.errors import InputError
from reconstruct.model import Guest, Interview, Override, PageMeta, PageResult, Paragraph, Turn
from reconstruct.overrides import apply_overrides, check_overrides, load_overrides, override_page

SEED = SEEDS / "000_3fb12ec0478f6414.txt"


def _turn(speaker: str, text: str, line: int, role: str = "guest") -> Turn:
    return Turn(speaker, role, (Paragraph(text, (line,)),))  # type: ignore[arg-type]


def _interview() -> Interview:
    qs = (_turn("主持人", "问甲？", 1, "host"), _turn("主持人", "问乙？", 2, "host"))
    ans = (_turn("王甲", "答 甲的话。", 5), _turn("李乙", "答乙的话。", 6))
    a0 = Turn(**{**_fields(ans[0]), "question": 1, "answer": 0, "cert": "low", "confidence": 0.1})
    a1 = Turn(**{**_fields(ans[1]), "question": 0, "answer": 1, "cert": "low", "confidence": 0.1})
    return Interview(guests=(Guest("王甲", "", "guest-1"), Guest("李乙", "", "guest-2")),
                     questions=qs, answers=ans, turns=(qs[0], a1, qs[1], a0))


def _fields(t: Turn) -> dict:  # type: ignore[type-arg]
    return {f: getattr(t, f) for f in Turn.__slots__}  # type: ignore[attr-defined]


def _pairs(iv: Interview) -> list[tuple[str, str | None, str | None]]:
    return [(t.speaker, t.cert, t.resp) for t in iv.turns]


def test_override_moves_the_answer_and_the_displaced_one_takes_its_place() -> None:
    iv = apply_overrides(_interview(), [Override(1, "王甲", "答甲")])  # whitespace ignored
    assert _pairs(iv) == [("主持人", None, None), ("王甲", "high", "#editor"),
                          ("主持人", None, None), ("李乙", "low", None)]
    assert [t.question for t in iv.turns if t.role == "guest"] == [0, 1]


def test_override_that_matches_nothing_changes_nothing_and_says_why() -> None:
    iv = _interview()
    bad = [Override(1, "王甲", "不存在"), Override(9, "王甲", "答")]
    assert apply_overrides(iv, bad) == iv
    problems = check_overrides(iv, bad)
    assert len(problems) == 2 and "no answer by 王甲" in problems[0] and "no such" in problems[1]


def test_page_overrides_become_page_warnings() -> None:
    result = PageResult(meta=PageMeta(source="p.txt"), interviews=(_interview(),))
    out = override_page(result, [Override(2, "李乙", "答乙"), Override(3, "", "x")])
    assert [t.speaker for t in out.interviews[0].turns] == ["主持人", "王甲", "主持人", "李乙"]
    assert out.warnings == ("override for question 3: no such question on the page",)


def test_load_json_overrides(tmp_path: Path) -> None:
    path = tmp_path / "o.json"
    path.write_text(json.dumps({"dir/p.txt": {"3": {"speaker": "王甲", "starts": "答"},
                                              "1": {"speaker": "李乙", "starts": "答乙"}}}),
                    encoding="utf-8")
    assert load_overrides(path) == {"p.txt": (Override(1, "李乙", "答乙"), Override(3, "王甲", "答"))}


def test_load_yaml_overrides(tmp_path: Path) -> None:
    pytest.importorskip("yaml")
    path = tmp_path / "o.yaml"
    path.write_text("p.txt:\n  2: {speaker: 王甲, starts: 答甲}\n", encoding="utf-8")
    assert load_overrides(path) == {"p.txt": (Override(2, "王甲", "答甲"),)}


@pytest.mark.parametrize("text", ["[1, 2]", '{"p.txt": {"x": {}}}', '{"p.txt": {"0": {}}}', "{"])
def test_bad_overrides_are_input_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "o.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        load_overrides(path)


def test_seed_override_swaps_two_answers_of_one_guest() -> None:
    plain = reconstruct_file(SEED).interviews[0]
    fixed = reconstruct_file(SEED, overrides=[Override(3, "李艳", "园区最大的 “潜力股”")])
    iv = fixed.interviews[0]
    answers = [t for t in iv.turns if t.role == "guest"]
    assert answers[2].text.startswith("园区最大的") and answers[2].resp == "#editor"
    assert answers[2].cert == "high"
    assert answers[5].text.startswith("作为江津区构建") and answers[5].cert == "low"
    others = [k for k in range(7) if k not in (2, 5)]
    before = [t for t in plain.turns if t.role == "guest"]
    assert [answers[k] for k in others] == [before[k] for k in others]
    assert fixed.warnings == ()
