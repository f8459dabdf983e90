"""The signature block of a notice: lines of body names right above a line holding a date."""

from __future__ import annotations

import re

from taizhang.parsing.metadata.bodies import names_bodies
from taizhang.parsing.metadata.text import Line

# A line that holds nothing but a date, as under a signature: "2022年5月6日",
# "二〇二一年十一月二日", "2022-05-06", or digits only ("20220506", "201745").
_DATE_ONLY = re.compile(
    r"^(?:(?:\d{4}|[〇零○O一二三四五六七八九]{4})?\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日"
    r"|\d{4}\s*-\s*\d{1,2}\s*-\s*\d{1,2}|\d{6,8})$"
)
_MAX_LOOKBACK = 30  # lines, blank ones included
_MAX_SIGNERS = 12


def is_date_only(text: str) -> bool:
    return _DATE_ONLY.match(text) is not None


def signer_lines(lines: list[Line], i: int) -> list[Line]:
    """The lines of body names right above line i (blank lines between them allowed)."""
    found: list[Line] = []
    for j in range(i - 1, max(-1, i - _MAX_LOOKBACK), -1):
        text = lines[j].text
        if not text:
            continue
        if not names_bodies(text) or len(found) >= _MAX_SIGNERS:
            break
        found.insert(0, lines[j])
    return found
