"""The library's front door: one call per page, chaining every stage in order."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .align import align_turns
from .assemble import assemble_page
from .blocks import split_blocks
from .classify import classify_blocks
from .columns import side_by_side, unfuse_columns
from .streams import unweave_rows
from .model import Override, Page, PageMeta, PageResult
from .overrides import override_page
from .read import page_from_text, read_page
from .settings import Settings

__all__ = ["reconstruct_page", "reconstruct_file"]

log = logging.getLogger(__name__)

# (frozen: the defaults made once, not on every page reconstructed without settings of its own)
_DEFAULT_SETTINGS = Settings()


def reconstruct_page(
    text: str | Page,
    meta: PageMeta | None = None,
    settings: Settings | None = None,
    overrides: Sequence[Override] = (),
) -> PageResult:
    """read → rows → columns → blocks → classify → assemble → align (→ hand overrides), for one page's text."""
    settings = settings or _DEFAULT_SETTINGS
    page = text if isinstance(text, Page) else page_from_text(text, meta)
    side = _side_by_side(page, settings)  # (before the columns stage deals its fused lines)
    printed = page.lines  # (as read: where the roster's titles stand by their names)
    woven = unweave_rows(page, settings)
    page = unfuse_columns(woven, settings, rewoven=woven is not page)
    blocks = classify_blocks(split_blocks(page, settings), settings)
    result = assemble_page(blocks, page.meta, settings, printed)
    interviews = tuple(align_turns(iv, settings) for iv in result.interviews)
    folded = (
        (f"{page.folded_chars} radical code point(s) that the PDF extractor gave for ordinary"
         " characters (⼈ for 人) were folded to those characters.",)
        if page.folded_chars else ()
    )
    result = replace(
        result, interviews=interviews, encoding=page.encoding, removed_chars=page.removed_chars,
        normalised=result.normalised + folded, warnings=result.warnings + side,
    )
    return override_page(result, overrides)


def _side_by_side(page: Page, settings: Settings) -> tuple[str, ...]:
    """A warning for a page printed with its columns side by side (``pdftotext -layout``),
    whose columns this tool does not take apart: the text is all kept, but not in order."""
    share = side_by_side(page)
    if share < settings.side_by_side_share:
        return ()
    log.warning("%s: %.0f%% of the lines set columns side by side (pdftotext -layout?); "
                "extract the page again without -layout", page.meta.source, 100 * share)
    return (f"columns side by side on {100 * share:.0f}% of the lines (pdftotext -layout?): "
            "extract again without -layout",)


def reconstruct_file(
    path: str | Path,
    meta: PageMeta | None = None,
    settings: Settings | None = None,
    overrides: Sequence[Override] = (),
) -> PageResult:
    """Read a page file (any supported encoding) and reconstruct it."""
    return reconstruct_page(read_page(path, meta, settings), settings=settings, overrides=overrides)
