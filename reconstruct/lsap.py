"""``linear_sum_assignment`` without the cost of importing ``scipy.optimize``.

``from scipy.optimize import linear_sum_assignment`` runs the whole ``scipy.optimize``
package (``scipy.linalg``, ``_linprog``, …): about 0.4 s of every process's start for one
function. That function lives in its own compiled module, ``scipy/optimize/_lsap``, which
needs only numpy, so it is loaded here from its file without running the package's
``__init__``. It is the same compiled code, so assignments (and their tie-breaking) are the
same. Should scipy's layout ever change, the ordinary import is used instead.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import logging
from pathlib import Path
from typing import Any, Callable

__all__ = ["linear_sum_assignment"]

log = logging.getLogger(__name__)

_MODULE = "scipy.optimize._lsap"


def _load() -> Callable[..., Any]:
    try:
        spec = importlib.util.find_spec("scipy")
        folders = spec.submodule_search_locations if spec else None
        for folder in folders or ():
            for suffix in importlib.machinery.EXTENSION_SUFFIXES:
                path = Path(folder) / "optimize" / f"_lsap{suffix}"
                if path.is_file():
                    loader = importlib.machinery.ExtensionFileLoader(_MODULE, str(path))
                    found = importlib.util.spec_from_file_location(_MODULE, path, loader=loader)
                    if found is None:
                        continue
                    module = importlib.util.module_from_spec(found)
                    found.loader.exec_module(module)  # type: ignore[union-attr]
                    return module.linear_sum_assignment  # type: ignore[no-any-return]
    except (ImportError, AttributeError, OSError) as exc:
        log.debug("loading %s directly failed (%s); importing scipy.optimize", _MODULE, exc)
    from scipy.optimize import linear_sum_assignment as lsa

    return lsa  # type: ignore[no-any-return]


linear_sum_assignment = _load()
