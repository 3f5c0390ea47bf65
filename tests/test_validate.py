import pytest
from lxml import etree

from reconstruct.tei import build_tei
from reconstruct.validate import validate_tei
from test_tei import _result


@pytest.mark.slow
def test_built_documents_are_valid_tei_all() -> None:
    for doc in build_tei(_result()):
        assert validate_tei(doc.tree) == [], doc.name


@pytest.mark.slow
def test_invalid_document_reports_problems() -> None:
    tree = build_tei(_result())[0].tree
    root = tree.getroot()
    root.append(etree.Element("{http://www.tei-c.org/ns/1.0}bogus"))
    problems = validate_tei(tree)
    assert problems and problems[0].message
