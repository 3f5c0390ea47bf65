"""Hand corrections (``--overrides FILE``), applied on every run after the aligner.

The file is JSON (or YAML when PyYAML is installed)::

    {"000_x.txt": {"3": {"speaker": "王某", "starts": "近年来，我们"}}}

page file name → question number (1-based, in transcript order, counted over the page's
interviews one after another) → the answering guest and the first words of the answer
(whitespace ignored). The matched answer moves under that question with ``cert="high"`` and
``resp="#editor"``; an answer it displaces takes the question the moved one had (``cert="low"``:
nobody checked it). An override that matches nothing is a warning on the page, not an error.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Interview, Override, PageResult, Turn

__all__ = ["EDITOR", "load_overrides", "apply_overrides", "check_overrides", "override_page"]

log = logging.getLogger(__name__)

EDITOR = "#editor"
_SPACE = re.compile(r"\s+")


def load_overrides(path: str | Path) -> dict[str, tuple[Override, ...]]:
    """Page file name → its overrides, sorted by question number."""
    path = Path(path)
    data = _parse(path)
    if not isinstance(data, dict):
        raise InputError(path.name, "overrides must be an object keyed by page file name")
    pages: dict[str, tuple[Override, ...]] = {}
    for page, questions in data.items():
        if not isinstance(questions, dict):
            raise InputError(path.name, f"{page}: expected question number → answer")
        pages[Path(str(page)).name] = tuple(
            sorted((_override(path, page, q, v) for q, v in questions.items()),
                   key=lambda o: o.question)
        )
    return pages


def _parse(path: Path) -> Any:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise InputError(path.name, f"cannot read overrides: {exc}") from exc
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml  # type: ignore[import-untyped]
        except ImportError as exc:
            raise InputError(path.name, "YAML overrides need PyYAML; use JSON") from exc
        try:
            return yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            raise InputError(path.name, f"overrides are not YAML: {exc}") from exc
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(path.name, f"overrides are not JSON: {exc}") from exc


def _override(path: Path, page: str, number: Any, value: Any) -> Override:
    try:
        question = int(number)
    except (TypeError, ValueError):
        raise InputError(path.name, f"{page}: question number {number!r} is not a number") from None
    if question < 1 or not isinstance(value, dict):
        raise InputError(path.name, f"{page}: question {number}: need {{speaker, starts}}")
    return Override(question, str(value.get("speaker") or ""), str(value.get("starts") or ""))


# --- applying ---------------------------------------------------------------------------


def override_page(result: PageResult, overrides: Sequence[Override]) -> PageResult:
    """Apply a page's overrides to its interviews (question numbers run across them)."""
    if not overrides:
        return result
    interviews, warnings, offset = [], list(result.warnings), 0
    for iv in result.interviews:
        n = len(iv.questions)
        mine = [replace(o, question=o.question - offset) for o in overrides
                if offset < o.question <= offset + n]
        warnings += [f"override {w}" for w in check_overrides(iv, mine)]
        interviews.append(apply_overrides(iv, mine))
        offset += n
    warnings += [f"override for question {o.question}: no such question on the page"
                 for o in overrides if o.question > offset]
    for w in warnings[len(result.warnings):]:
        log.warning("%s: %s", result.meta.source, w)
    return replace(result, interviews=tuple(interviews), warnings=tuple(warnings))


def check_overrides(interview: Interview, overrides: Sequence[Override]) -> tuple[str, ...]:
    """Why each override that matches nothing does not apply (empty: all apply)."""
    problems = []
    for o in overrides:
        if not 1 <= o.question <= len(interview.questions):
            problems.append(f"for question {o.question}: no such question")
        elif _find(interview.answers, o) is None:
            problems.append(f"for question {o.question}: no answer by {o.speaker or 'anyone'}"
                            f" starts with {o.starts!r}")
    return tuple(problems)


def apply_overrides(interview: Interview, overrides: Sequence[Override]) -> Interview:
    """The interview with each matching override's answer moved under its question."""
    assigned = _assignment(interview)
    fixed: set[int] = set()
    displaced: set[int] = set()
    for o in overrides:
        a = _find(interview.answers, o)
        if a is None or not 1 <= o.question <= len(interview.questions):
            continue
        q, before = o.question - 1, assigned.get(a)
        for other in [x for x, qx in assigned.items() if qx == q and x != a]:
            assigned[other] = before
            displaced.add(other)
        assigned[a] = q
        fixed.add(a)
        displaced.discard(a)
        log.info("override: question %d <- answer %d (%s)", o.question, a, o.speaker)
    if not fixed:
        return interview
    return replace(interview, turns=_turns(interview, assigned, fixed, displaced))


def _norm(text: str) -> str:
    return _SPACE.sub("", text)


def _find(answers: Sequence[Turn], o: Override) -> int | None:
    starts = _norm(o.starts)
    for a, turn in enumerate(answers):
        if o.speaker and turn.speaker != o.speaker:
            continue
        if _norm(turn.text).startswith(starts):
            return a
    return None


def _assignment(interview: Interview) -> dict[int, int | None]:
    """Answer index → question index (None: answers nothing) as the aligner left it."""
    assigned: dict[int, int | None] = {a: None for a in range(len(interview.answers))}
    for t in interview.turns:
        if t.role == "guest" and t.answer is not None:
            assigned[t.answer] = t.question
    return assigned


def _turns(interview: Interview, assigned: Mapping[int, int | None], fixed: set[int],
           displaced: set[int]) -> tuple[Turn, ...]:
    current = {t.answer: t for t in interview.turns if t.role == "guest" and t.answer is not None}
    turns: list[Turn] = []
    for qi, q in enumerate(interview.questions):
        turns.append(q)
        for a in sorted(a for a, qa in assigned.items() if qa == qi):
            turns.append(_answer(current.get(a, interview.answers[a]), qi, a, fixed, displaced))
    for a in sorted(a for a, qa in assigned.items() if qa is None):
        turns.append(replace(current.get(a, interview.answers[a]), question=None, cert=None,
                             confidence=None, resp=None))
    return tuple(turns)


def _answer(turn: Turn, qi: int, a: int, fixed: set[int], displaced: set[int]) -> Turn:
    if a in fixed:
        return replace(turn, question=qi, answer=a, cert="high", confidence=1.0, resp=EDITOR)
    if a in displaced:
        return replace(turn, question=qi, answer=a, cert="low", resp=None)
    return turn
