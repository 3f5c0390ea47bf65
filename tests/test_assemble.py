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
