"""Length-preserving text folding so that patterns match every variant of the genre.

``fold(text)`` maps each character to one character: full-width ASCII forms to ASCII,
the ideographic space to a space, dash variants to ``-``, and traditional characters to
simplified ones. Because the length never changes, an index found in the folded text is
the same index in the original, so we can match on folded text and still output the text
exactly as printed.

Most texts need few of the ~4,800 mappings: one regex split finds the characters a text
needs folded, and a handful of ``str.replace`` calls (each a pass in C) fold them; a text
with many distinct ones (traditional text) has the parts of its split joined with their
folded forms, each looked up once (``str.translate`` would look up every character of the
text, and takes longer even on a text that is all traditional). The pipeline folds a
document once and slices the result.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_FEW = 24  # distinct characters to fold, up to which replacing beats translating


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
    # zhconv's table is read as its data file: importing the module imports pkg_resources,
    # about 0.3 s at the first fold of every process (the CLI, each worker).
    package = importlib.util.find_spec("zhconv")
    folder = Path(next(iter(package.submodule_search_locations)))
    pairs = json.loads((folder / "zhcdict.json").read_bytes())["zh2Hans"]
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
    if text.isascii():  # no ASCII character folds (a flag of the string: no scan)
        return text
    # A short text (a heading's name, a unit) is often folded again: unit_heading_name twice
    # per chapter (structure and pipeline), _reads_as_unit, _heading_units. A lookup costs
    # less than the split and the two scans; the texts are few and bounded.
    if len(text) > _SHORT:
        return _ocr_digits(_fold_characters(text))
    folded = _FOLDED_SHORT.get(text)
    if folded is None:
        if len(_FOLDED_SHORT) >= _SHORT_KEPT:
            _FOLDED_SHORT.clear()
        folded = _FOLDED_SHORT[text] = _ocr_digits(_fold_characters(text))
    return folded


_SHORT = 64  # characters, up to which fold keeps what it folded
_SHORT_KEPT = 4096  # texts kept, at most (about 1 MB)
_FOLDED_SHORT: dict[str, str] = {}


def _ocr_digits(folded: str) -> str:
    """``folded`` with the letters a scanned copy's OCR reads for digits read as digits: an
    l or an O that touches a digit and no other letter (2O24年, 3月l2日, 3O0块, l0所) and an l
    that opens an item as its number (l.开展…) or stands alone among Chinese characters
    (主题公园l个). Round 14: tests/parsing/documents d154 and fixture styles/ocr_shuzi.txt.
    A word's letters stay (the O of CO2 touches a letter); most texts hold neither letter,
    which two scans in C tell.

    One pattern per letter, each opening on its letter: the engine skips from one l to the
    next as a literal (a few instructions a character), where the class [lO] is tested at
    every character (about fifty: a sixth of 1 MB's growth at stop 23). The two passes read
    as one: neither letter is read as a digit beside the other or itself (each needs a
    digit, a non-ASCII character, 。 or 、 beside it), so the first pass changes nothing
    the second looks at (test_passes.py compares them with the one pattern)."""
    if "l" in folded:
        folded = _OCR_ONE.sub("1", folded)
    if "O" in folded:
        folded = _OCR_ZERO.sub("0", folded)
    return folded


_OCR_ONE = re.compile(
    r"l(?:"
    r"(?<=\dl)(?![A-Za-z])"  # after a digit, before no letter: 3月l2日 read 3月12日
    r"|(?<![A-Za-z]l)(?=\d)"  # before a digit, after no letter: l0所
    # (after a heading a run-in copy glued it to: 主要任务l.开展…)
    r"|(?<![A-Za-z0-9]l)(?=[.、][^\x00-\x7f])"
    # an l alone among Chinese characters is no word (公园l个)
    r"|(?<=[^\x00-\x7f]l)(?=[^\x00-\x7f])"
    r")"
)
_OCR_ZERO = re.compile(
    r"O(?:"
    r"(?<=\dO)(?![A-Za-z])"  # after a digit, before no letter: 2O24, 3O0块
    r"|(?<![A-Za-z]O)(?=\d)"  # before a digit, after no letter; an O alone may be a word (O型血)
    r")"
)


def _fold_characters(text: str) -> str:
    # the text between characters to fold, and those
    parts = (_splitter() if _beyond_basic(text) else _basic_splitter()).split(text)
    if len(parts) == 1:
        return text
    found = set(parts[1::2])
    table = _table()
    if len(found) > _FEW:
        # Join the text between them with their folded forms: the text is copied in C,
        # and each character to fold is looked up once.
        parts[1::2] = [table.get(ord(char), char) for char in parts[1::2]]
        return "".join(parts)
    for char in found:
        folded = table.get(ord(char))
        if folded is not None:  # an astral character that does not fold
            text = text.replace(char, folded)
    return text


@lru_cache(maxsize=1)
def folded_from() -> dict[str, str]:
    """Each Chinese character that others fold to, and those others (关: 關): a pattern
    matched before the text is folded accepts them (layout._any_printing)."""
    forms: dict[str, str] = {}
    for code, char in _table().items():
        if "\u4e00" <= char <= "\u9fff":
            forms[char] = forms.get(char, "") + chr(code)
    return forms


@lru_cache(maxsize=1)
def _splitter() -> re.Pattern[str]:
    """_needs_folding() with a group, so that a split keeps the characters found."""
    return re.compile(f"({_needs_folding().pattern})")


@lru_cache(maxsize=1)
def _basic_splitter() -> re.Pattern[str]:
    """_splitter() for a text of the Basic Multilingual Plane only: its one class of basic
    characters opens the pattern, so the engine skips from one character to fold to the
    next; _splitter()'s two classes are an alternation, tried at every character (seed 000
    folds in 7 % fewer instructions, about a fifth less time)."""
    basic = "".join(re.escape(chr(code)) for code in sorted(_table()) if code <= 0xFFFF)
    return re.compile(f"([{basic}])")


def _beyond_basic(text: str) -> bool:
    """Whether ``text`` holds a character beyond the Basic Multilingual Plane.

    CPython keeps a str in one, two or four bytes a character, the fewest that hold its
    largest character (PEP 393), so only such a text takes four: its size tells at once,
    where encoding it as UTF-16 (the test where the size does not tell, below) copies the
    text (10 instructions a character: an eighth of folding seed 000)."""
    if _SIZE_TELLS and type(text) is str:
        return text.__sizeof__() == _WIDE_BASE + 4 * len(text)
    return _beyond_basic_by_encoding(text)


def _beyond_basic_by_encoding(text: str) -> bool:
    """Whether UTF-16 writes a character of ``text`` in four bytes."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


_WIDE_BASE = "\U00010000".__sizeof__() - 4  # the size of a four-byte str, less its characters
# (whether sizes tell on this interpreter: each sample as the encoding answers)
_SAMPLES = ("", "a", "é", "中", "中文", "\ud800", "\U00010000", "a\U00010000中", "\U0010ffff" * 3)
_SIZE_TELLS = all(
    (sample.__sizeof__() == _WIDE_BASE + 4 * len(sample)) == _beyond_basic_by_encoding(sample)
    for sample in _SAMPLES
)


_PRINTED = re.compile(r"\S")  # (what str.strip keeps: both ask str.isspace)


def printed_run_in(text: str) -> bool:
    """Whether ``text`` is printed run-in: no line break between its first and last printed
    characters, as ``"\\n" not in text.strip()`` with no copy of a text that ends with a
    blank. The pipeline asks once per parse and passes the answer to its steps."""
    first = _PRINTED.search(text)
    if first is None:
        return True
    at = text.find("\n", first.start())
    return at < 0 or _PRINTED.search(text, at) is None
