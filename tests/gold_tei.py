"""Render a gold page (shared/gold format) as the model objects, so build_tei can write it.

``gold_to_result(gold)`` is what a perfect pipeline would return for the page: the scorer
must give it 1.0 everywhere and lose no character.
"""
from __future__ import annotations

from typing import Any

from reconstruct.model import Article, Guest, Interview, PageMeta, PageResult, Paragraph, Turn


def _paras(texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(t) for t in texts)


def _turns(gi: dict[str, Any]) -> tuple[Turn, ...]:
    """The gold transcript in order; each answer points at the last question before it."""
    out, question, answer = [], None, 0
    for t in gi["turns"]:
        if t["role"] == "host":
            question = 0 if question is None else question + 1
            out.append(Turn(t["speaker"], "host", _paras(t["paragraphs"])))
        else:
            out.append(Turn(t["speaker"], "guest", _paras(t["paragraphs"]),
                            question=question, answer=answer, confidence=1.0, cert="high"))
            answer += 1
    return tuple(out)


def gold_interview(gi: dict[str, Any]) -> Interview:
    turns = _turns(gi)
    return Interview(
        title=gi["title"], subtitle=gi.get("subtitle", ""),
        reporters=tuple(gi.get("reporters", [])), label=gi.get("label", ""),
        editor_note=_paras(gi.get("editor_note", [])), lead=_paras(gi.get("lead", [])),
        host=gi.get("host", "主持人"),
        guests=tuple(Guest(g["name"], g.get("title", ""), f"g{k}")
                     for k, g in enumerate(gi["guests"], start=1)),
        questions=tuple(t for t in turns if t.role == "host"),
        answers=tuple(t for t in turns if t.role == "guest"),
        turns=turns,
    )


def gold_to_result(gold: dict[str, Any]) -> PageResult:
    return PageResult(
        meta=PageMeta(source=gold.get("source", "page.txt")),
        interviews=tuple(gold_interview(gi) for gi in gold["interviews"]),
        articles=tuple(Article(a["headline"], _paras(a["paragraphs"]))
                       for a in gold.get("articles", [])),
    )
