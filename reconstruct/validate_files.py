"""Validate TEI files on disk against ``tei_all`` (``reconstruct validate``): with jing when it
is installed (fast, one JVM for all files), else with lxml's RELAX NG."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from .validate import schema_path, validate_tei

__all__ = ["validate_files", "jing_path"]

log = logging.getLogger(__name__)

_JING_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?:fatal|error|fatal error): "
                        r"(?P<msg>.*)$")
_BATCH = 500  # files per jing call (command-line length)


def jing_path() -> str | None:
    return shutil.which("jing")


def validate_files(paths: Sequence[Path], use_jing: bool | None = None) -> dict[Path, str]:
    """Invalid files → the first problem, as ``line N: message``; valid files are absent."""
    jing = jing_path() if use_jing in (None, True) else None
    if use_jing and not jing:
        raise FileNotFoundError("jing is not installed")
    if jing:
        bad: dict[Path, str] = {}
        for k in range(0, len(paths), _BATCH):
            bad.update(_with_jing(jing, paths[k : k + _BATCH]))
        return bad
    return {p: msg for p in paths if (msg := _with_lxml(p))}


def _with_jing(jing: str, paths: Sequence[Path]) -> dict[Path, str]:
    proc = subprocess.run([jing, schema_path(), *map(str, paths)], capture_output=True,
                          text=True, check=False)
    by_name = {str(p): p for p in paths}
    bad: dict[Path, str] = {}
    for line in (proc.stdout + proc.stderr).splitlines():
        m = _JING_LINE.match(line)
        if not m:
            continue
        path = by_name.get(m["file"]) or _match(m["file"], paths)
        if path is not None and path not in bad:
            bad[path] = f"line {m['line']}: {m['msg']}"
    if proc.returncode and not bad:
        log.warning("jing failed: %s", (proc.stderr or proc.stdout).strip()[:500])
        return {p: msg for p in paths if (msg := _with_lxml(p))}
    return bad


def _match(reported: str, paths: Sequence[Path]) -> Path | None:
    """jing may print a file:// URI or an absolute path for a relative argument."""
    reported = reported.removeprefix("file:")
    return next((p for p in paths if Path(reported).resolve() == p.resolve()), None)


def _with_lxml(path: Path) -> str:
    try:
        tree = etree.parse(str(path))
    except (OSError, etree.XMLSyntaxError) as exc:
        return f"not well-formed: {exc}"
    problems = validate_tei(tree)
    return f"line {problems[0].line}: {problems[0].message}" if problems else ""
