"""Reading one date in any of the genre's forms as "YYYY-MM-DD"."""

from __future__ import annotations

import re

# "2022年5月6日", "2022-05-06", "2022/5/6", "2022.5.6".
NUMERIC_DATE = re.compile(
    r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})(?!\d)"
)
# "二〇二一年十一月二日", as printed under a signature.
_CHINESE_DATE = re.compile(
    r"([〇零○O0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,3})\s*日"
)
# Zero is printed as 〇, 零, a circle, or a capital O typed for it, or read as a digit 0 by
# OCR ("二0二四年三月十日": tests/parsing/documents d49, fixture styles/ocr_copy.txt).
_CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": 0,
    "○": 0,
    "O": 0,
    "0": 0,
}
_TEN = "十"
_FIRST_YEAR, _LAST_YEAR = 1949, 2100  # outside this a match is a number, not a date


def parse_date(text: str) -> str | None:
    """The first numeric date in ``text``, else the first date in Chinese numerals."""
    m = NUMERIC_DATE.search(text)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _CHINESE_DATE.search(text)
    if m:
        year = int("".join(str(_CHINESE_DIGITS[c]) for c in m.group(1)))
        return _iso(year, _chinese_number(m.group(2)), _chinese_number(m.group(3)))
    return None


def parse_digits_date(digits: str) -> str | None:
    """ "20210305", "2017125" or "201745" as a date, preferring a two-digit month."""
    year, rest = int(digits[:4]), digits[4:]
    if len(rest) > 2:
        splits = [(rest[:2], rest[2:]), (rest[:1], rest[1:])]
    else:
        splits = [(rest[:1], rest[1:])]
    for month, day in splits:
        if month and day:
            date = _iso(year, int(month), int(day))
            if date:
                return date
    return None


def _chinese_number(text: str) -> int:
    """一 … 三十一 as an int."""
    if _TEN not in text:
        return _CHINESE_DIGITS.get(text, 0)
    tens, _, units = text.partition(_TEN)
    return (_CHINESE_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CHINESE_DIGITS.get(units, 0) if units else 0
    )


def _iso(year: int, month: int, day: int) -> str | None:
    if _FIRST_YEAR <= year <= _LAST_YEAR and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
