"""Character normalisation: radical code points that some PDF extractors emit for common
characters, folded back to the unified ideographs the page shows.

pdfminer.six maps glyphs of CJK fonts through their ToUnicode tables, and many fonts list
Kangxi radicals (U+2F00–U+2FD5) and CJK radical supplements (U+2E80–U+2EF3) for glyphs that
are ordinary characters (⼈ for 人, ⻓ for 长). Kangxi radicals fold by NFKC, but NFKC gives
the traditional form for some (⼾ → 戶) and does not fold the supplements at all, so both
get an explicit simplified table.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_radicals"]

# Kangxi radicals whose NFKC form is traditional: the simplified character instead.
_KANGXI_SIMPLIFIED = {
    "戶": "户", "見": "见", "貝": "贝", "車": "车", "長": "长", "門": "门", "韋": "韦",
    "頁": "页", "風": "风", "飛": "飞", "馬": "马", "鬥": "斗", "魚": "鱼", "鳥": "鸟",
    "鹵": "卤", "麥": "麦", "黃": "黄", "齊": "齐", "齒": "齿", "龍": "龙", "龜": "龟",
}
# Radical supplements that stand for a whole simplified character.
_SUPPLEMENT = {
    "\u2e81": "厂", "\u2e8c": "小", "\u2e8e": "兀", "\u2e97": "心", "\u2e9f": "母",
    "\u2ea0": "民", "\u2ea7": "牛", "\u2eae": "竹", "\u2eb6": "羊", "\u2ebb": "聿",
    "\u2ec1": "虎", "\u2ec4": "西", "\u2ec5": "见", "\u2ec6": "角", "\u2ec9": "贝",
    "\u2eca": "足", "\u2ecb": "车", "\u2ed3": "长", "\u2ed4": "门", "\u2ed8": "青",
    "\u2ed9": "韦", "\u2eda": "页", "\u2edb": "风", "\u2edc": "飞", "\u2edd": "食",
    "\u2ee2": "马", "\u2ee3": "骨", "\u2ee5": "鱼", "\u2ee6": "鸟", "\u2ee8": "麦",
    "\u2ee9": "黄", "\u2eec": "齐", "\u2eee": "齿", "\u2ef0": "龙", "\u2ef3": "龟",
}
_RADICAL = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def _fold(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _SUPPLEMENT:
        return _SUPPLEMENT[ch]
    if "\u2f00" <= ch <= "\u2fd5":
        folded = unicodedata.normalize("NFKC", ch)
        return _KANGXI_SIMPLIFIED.get(folded, folded)
    return ch


def fold_radicals(text: str) -> tuple[str, int]:
    """Return the text with radical code points folded, and how many were folded."""
    count = 0

    def fold(m: re.Match[str]) -> str:
        nonlocal count
        out = _fold(m)
        count += out != m.group(0)
        return out

    return _RADICAL.sub(fold, text), count
