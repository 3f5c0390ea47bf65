"""The exception family; only :mod:`reconstruct.cli` turns these into exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .validate import Problem


class ReconstructError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(ReconstructError, ValueError):
    """The input cannot be read as a page (empty, binary, undecodable, too large)."""

    def __init__(self, source: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


class StructureError(ReconstructError):
    """The page's structure contradicts itself beyond repair."""


class AlignmentError(ReconstructError):
    """Questions and answers cannot be paired."""


class TeiValidationError(ReconstructError):
    """A generated document is not valid TEI; it is not written."""

    def __init__(self, name: str, problems: Sequence["Problem"]) -> None:
        self.name = name
        self.problems = tuple(problems)
        first = problems[0].message if problems else "invalid"
        super().__init__(f"{name}: {len(problems)} TEI problem(s), first: {first}")
