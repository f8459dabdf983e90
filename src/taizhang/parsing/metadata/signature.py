"""The signature block of a notice: lines of body names right above a line holding a date.

Copies make it noisy: a seal remark after a name ("某县人民政府（印）", bodies.py reads
past it), a page number printed between the names and the date ("— 2 —", as PDF copies
print page footers), or the names and the date on one line ("某县人民政府　　2023年5月6日").
Each form is shown by test_metadata's signed notices; the plain block by corpus 004, 011,
031 and 068.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from taizhang.parsing.metadata.bodies import names_bodies
from taizhang.parsing.metadata.text import Line

_DATE = (
    r"(?:(?:\d{4}|[〇零○O0一二三四五六七八九]{4})?\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
    r"|\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2})"
)
# A line that holds nothing but a date, as under a signature: "2022年5月6日",
# "二〇二一年十一月二日", "2022-05-06", or digits only ("20220506", "201745").
_DATE_ONLY = re.compile(rf"^(?:{_DATE}|\d{{6,8}})$")
# Names and a date on one line, blanks between: "某县人民政府　　2023年5月6日".
_NAMES_THEN_DATE = re.compile(rf"^(?P<names>\S.*?)[ \t\u3000]+(?P<date>{_DATE})$")
# A page number a PDF copy prints between lines: "- 2 -" (folded "— 2 —"), "第2页", "2/5".
_PAGE_NUMBER = re.compile(
    r"^(?:-?\s*\d{1,3}\s*-?|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$"
)
_MAX_LOOKBACK = 30  # lines, blank ones included
_MAX_SIGNERS = 12


def is_date_only(text: str) -> bool:
    return _ends_like_a_date(text) and _DATE_ONLY.match(text) is not None


def _ends_like_a_date(text: str) -> bool:
    """Every date form ends with 日 or a digit: a quick test before the patterns."""
    return text.endswith("日") or text[-1:].isdigit()


def is_signature_date_line(text: str) -> bool:
    """Whether a folded line is a signature's date line: a date, or names and a date."""
    if not _ends_like_a_date(text):
        return False
    both = _NAMES_THEN_DATE.match(text)
    return is_date_only(text) or bool(both and names_bodies(both["names"]))


# Names glued to their date, as a copy printed run in leaves them after the last sentence:
# "…长期坚持。白溪县司法局白溪县教育局2025年5月12日" (round 27: tests/parsing/documents d357,
# fixture styles/shuiwu_cixiang_shixian.txt run in).
_NAMES_GLUED_DATE = re.compile(rf"(?P<names>\S.*?)\s*(?P<date>{_DATE})")


def is_glued_signature(text: str) -> bool:
    """Whether folded ``text`` is nothing but signers' names and a date, blanks or none
    between them."""
    if not _ends_like_a_date(text):
        return False
    both = _NAMES_GLUED_DATE.fullmatch(text)
    return bool(both and names_bodies(both["names"]))


def signed_date(lines: Sequence[Line], i: int) -> str | None:
    """The date text of line i when it is a signature's date line: nothing but a date, or
    the signers' names followed by the date."""
    text = lines[i].text
    if not _ends_like_a_date(text):
        return None
    if is_date_only(text):
        return text
    both = _NAMES_THEN_DATE.match(text)
    return both["date"] if both and names_bodies(both["names"]) else None


def signer_lines(lines: Sequence[Line], i: int) -> list[Line]:
    """The lines (or the part of line i) naming the bodies that signed the date on line i:
    names on the date's own line, else the lines of names right above it (blank lines and
    page numbers between them allowed)."""
    both = _ends_like_a_date(lines[i].text) and _NAMES_THEN_DATE.match(lines[i].text)
    if both and names_bodies(both["names"]):
        line = lines[i]
        return [Line(line.start, line.start + both.end("names"), both["names"])]
    found: list[Line] = []
    for j in range(i - 1, max(-1, i - _MAX_LOOKBACK), -1):
        text = lines[j].text
        if not text or _PAGE_NUMBER.match(text):
            continue
        if not names_bodies(text) or len(found) >= _MAX_SIGNERS:
            break
        found.insert(0, lines[j])
    return found
