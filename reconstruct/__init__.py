"""reconstruct: rebuild interview transcripts from Chinese newspaper page dumps as TEI P5."""

import logging

__version__ = "0.1.0"

from .errors import (  # noqa: E402
    AlignmentError,
    InputError,
    ReconstructError,
    StructureError,
    TeiValidationError,
)
from .model import PageMeta, PageResult  # noqa: E402
from .pipeline import reconstruct_file, reconstruct_page  # noqa: E402
from .read import read_page  # noqa: E402
from .settings import Settings  # noqa: E402
from .tei import build_tei, write_tei  # noqa: E402
from .validate import validate_tei  # noqa: E402

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "AlignmentError",
    "InputError",
    "PageMeta",
    "PageResult",
    "ReconstructError",
    "Settings",
    "StructureError",
    "TeiValidationError",
    "__version__",
    "build_tei",
    "read_page",
    "reconstruct_file",
    "reconstruct_page",
    "validate_tei",
    "write_tei",
]
