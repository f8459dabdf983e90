"""Length-preserving text folding so that patterns match every variant of the genre.

``fold(text)`` maps each character to one character: full-width ASCII forms to ASCII,
the ideographic space to a space, dash variants to ``-``, and traditional characters to
simplified ones. Because the length never changes, an index found in the folded text is
the same index in the original, so we can match on folded text and still output the text
exactly as printed.
"""

from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table[0x00A0] = " "
    for ch in _DASHES:
        table[ord(ch)] = "-"
    table.update(_traditional_to_simplified())
    return table


def _traditional_to_simplified() -> dict[int, str]:
    from zhconv import zhconv as converter

    converter.loaddict()
    pairs = converter.zhcdicts["zh2Hans"]
    return {ord(trad): simp for trad, simp in pairs.items() if len(trad) == 1 and len(simp) == 1}


@lru_cache(maxsize=1024)
def fold(text: str) -> str:
    """Return ``text`` with every character folded; ``len(fold(t)) == len(t)``.

    Cached: the steps of a parse fold the same document, lines and brackets again."""
    return text.translate(_table())
