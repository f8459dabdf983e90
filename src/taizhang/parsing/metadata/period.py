"""The years a plan covers, read from its title: [start, end]."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from taizhang.parsing.metadata.vocabulary import alternation, vocabulary

_YEAR = r"(?:19|20)\d{2}"
# "20222025年": a span whose dash a copy lost (corpus 029 prints four such titles; the
# test_metadata titles print it with and without brackets). Two glued years followed by 年
# cannot be anything else; the second must not come before the first.
_GLUED_SPAN = re.compile(rf"(?<!\d)({_YEAR})({_YEAR})\s*年")


@dataclass(frozen=True)
class _Patterns:
    span: re.Pattern[str]  # "2021-2025", "2021年至2025年"
    lone_year: re.Pattern[str]  # a year that is not a long-range horizon


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = vocabulary()["period"]
    joiner = alternation(words["range_words"])
    vision = alternation(words["vision_words"])
    return _Patterns(
        span=re.compile(rf"({_YEAR})\s*年?\s*(?:{joiner})\s*({_YEAR})(?!\d)"),
        lone_year=re.compile(rf"(?<!\d)({_YEAR})(?!\d)(?!\s*年?\s*(?:{vision}))"),
    )


def find_period(title: str) -> list[int] | None:
    """A span in the title (also a parent's span printed in it), else its only year.

    An annual plan ("2023年政务公开工作要点") covers [2023, 2023].
    """
    patterns = _patterns()
    span = patterns.span.search(title) or _GLUED_SPAN.search(title)
    if span:
        start, end = int(span.group(1)), int(span.group(2))
        return [start, end] if start <= end else None
    years = {int(year) for year in patterns.lone_year.findall(title)}
    if len(years) == 1:
        (year,) = years
        return [year, year]
    return _five_year_plan(title) if not years else None


def _five_year_plan(title: str) -> list[int] | None:
    """The years of a five-year plan the title names by its number alone (十四五)."""
    for name, years in _five_year_plans():
        if name in title:
            return list(years)
    return None


@lru_cache(maxsize=1)
def _five_year_plans() -> tuple[tuple[str, tuple[int, int]], ...]:
    plans = vocabulary()["period"]["five_year_plans"]
    return tuple((name, tuple(years)) for name, years in plans.items())
