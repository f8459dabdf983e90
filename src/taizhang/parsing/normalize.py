"""Length-preserving text folding so that patterns match every variant of the genre.

``fold(text)`` maps each character to one character: full-width ASCII forms to ASCII,
the ideographic space to a space, dash variants to ``-``, and traditional characters to
simplified ones. Because the length never changes, an index found in the folded text is
the same index in the original, so we can match on folded text and still output the text
exactly as printed.

Most texts need few of the ~4,800 mappings: one regex pass finds the characters a text
needs folded, and a handful of ``str.replace`` calls (each a pass in C) fold them; a text
with a few traditional passages has just those characters substituted; only a text that
is mostly traditional goes through ``str.translate``, which looks up every character. The
pipeline folds a document once and slices the result.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FEW = 24  # distinct characters to fold, up to which replacing beats translating
_SPARSE = 8  # one character in this many or fewer to fold: substituting beats translating


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Every character that folds to another one, and what it folds to."""
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table[0x00A0] = " "
    for ch in _DASHES:
        table[ord(ch)] = "-"
    table.update(_traditional_to_simplified())
    return {code: char for code, char in table.items() if chr(code) != char}


def _traditional_to_simplified() -> dict[int, str]:
    from zhconv import zhconv as converter

    converter.loaddict()
    pairs = converter.zhcdicts["zh2Hans"]
    return {ord(trad): simp for trad, simp in pairs.items() if len(trad) == 1 and len(simp) == 1}


@lru_cache(maxsize=1)
def _needs_folding() -> re.Pattern[str]:
    """A character class of every character that folds. Characters beyond the Basic
    Multilingual Plane go in a range of their own: in the same class they would make the
    regex engine test each character against the whole list."""
    codes = sorted(_table())
    basic = "".join(re.escape(chr(code)) for code in codes if code <= 0xFFFF)
    return re.compile(f"[{basic}]|[\U00010000-\U0010ffff]")


def fold(text: str) -> str:
    """Return ``text`` with every character folded; ``len(fold(t)) == len(t)``."""
    occurrences = _needs_folding().findall(text)
    if not occurrences:
        return text
    found = set(occurrences)
    table = _table()
    if len(found) > _FEW:
        if len(occurrences) * _SPARSE < len(text):  # a few traditional passages
            return _needs_folding().sub(lambda m: table.get(ord(m.group()), m.group()), text)
        return text.translate(table)
    for char in found:
        folded = table.get(ord(char))
        if folded is not None:  # an astral character that does not fold
            text = text.replace(char, folded)
    return text
