"""Build hook: the pipeline's stages compiled with mypyc, as black ships its own.

Everything is in setup.cfg; this file only adds the compiled stage modules. They are the
same source, type-checked by mypy and compiled to C (outputs are byte-identical to the
pure-Python package's; bench/README.md has the speed). ``RECONSTRUCT_NO_MYPYC=1 pip
install .`` installs the pure-Python package instead, e.g. where no C compiler is.

An editable install (``pip install -e .``) is always pure Python: compiled modules built in
place would shadow the sources a developer edits.
"""
from __future__ import annotations

import os
import sys

from setuptools import setup

# The per-page stages, where the time goes. Not compiled: the batch runner, CLI, review
# page and evaluation (tests replace their functions; they run once per batch or page),
# the model and settings dataclasses (pickled to workers and built by dataclasses.replace).
COMPILED = [
    "align", "assemble", "blocks", "classify", "columns", "flows", "furniture",
    "interviews", "lexicon", "normalise", "paragraphs", "repair", "streams",
]


def _ext_modules() -> list:
    if os.environ.get("RECONSTRUCT_NO_MYPYC", "") not in ("", "0") or "editable_wheel" in sys.argv:
        return []
    from mypyc.build import mypycify

    return mypycify(
        [f"reconstruct/{name}.py" for name in COMPILED],
        opt_level="3",
        # one shared library inside the package (not a hash-named top-level module)
        group_name="reconstruct._stages",
    )


setup(ext_modules=_ext_modules())
