from conftest import page

from reconstruct.assemble import assemble_page
from reconstruct.blocks import split_blocks
from reconstruct.classify import classify_blocks


def _interview(text: str):  # type: ignore[no-untyped-def]
    return assemble_page(classify_blocks(split_blocks(page(text)))).interviews[0]


def test_answers_printed_after_a_question_are_anchored_to_it() -> None:
    iv = _interview("""
主持人：两位怎么看这个问题？

张三：我认为应该先调查研究。

李四：我同意，还要听取群众意见。
""")
    assert iv.anchored == ((0, 0), (0, 1))


def test_a_guest_answering_again_in_the_run_ends_it() -> None:
    # a guest answers a question once: 李四's second answer (and what follows) belongs to
    # some other question, printed here by the layout
    iv = _interview("""
主持人：两位怎么看这个问题？

张三：我认为应该先调查研究。

李四：我同意，还要听取群众意见。

李四：另外，经费问题也要解决好。

张三：下一步我们会加大投入。
""")
    assert iv.anchored == ((0, 0), (0, 1))


def test_a_note_label_takes_its_text_from_the_flow_that_carried_it_off(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # generated page 85 of seed 1: stitching carried the note's boxes, printed above its
    # vertical label, on in another flow than the one listed before the label; the note is
    # taken from the flow that holds the block printed right before the label
    import json
    import sys
    from pathlib import Path

    gen = Path(__file__).resolve().parent / "generators"
    sys.path.insert(0, str(gen))
    from make_pages import generate

    from reconstruct import reconstruct_file

    generate(1, 86, tmp_path, gen.parent / "corpus")
    iv = reconstruct_file(tmp_path / "085_sidebar.txt").interviews[0]
    gold = json.loads((tmp_path / "gold" / "085_sidebar.json").read_text(encoding="utf-8"))
    assert iv.editor_note and iv.editor_note[-1].text == gold["interviews"][0]["editor_note"][-1]
