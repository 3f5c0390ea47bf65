"""Shared fixtures: paths, the --update-golden option, small page builders."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

from reconstruct.model import Page
from reconstruct.read import page_from_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
OUTPUT = ROOT / "output"
HAND = Path(__file__).resolve().parent / "pages" / "hand"

# The TEI's revisionDesc dates the conversion; a fixed date keeps output/ byte-for-byte
# reproducible (reproducible-builds' SOURCE_DATE_EPOCH; 1735689600 = 2025-01-01).
os.environ["SOURCE_DATE_EPOCH"] = "1735689600"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite output/ from seeds/ instead of comparing with it")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def page(text: str) -> Page:
    """A page from inline text; a leading newline in triple-quoted strings is dropped."""
    return page_from_text(text.lstrip("\n"))


def load_scorer():  # type: ignore[no-untyped-def]
    """The official scorer in ../shared/eval/score.py, imported as a module."""
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
