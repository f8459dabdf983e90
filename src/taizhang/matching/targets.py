"""Whether two quantitative targets measure the same thing.

"每万人拥有律师数达2.3人" and "每万人拥有律师数达到1.8人以上" measure the same thing
with different values. A target's metric is its quote without figures and without the
words that state a value or a deadline (达到, 以上, 力争 …, listed in data/targets.toml);
two targets share a metric when they count in the same unit and their metrics share most
of their character bigrams.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from taizhang.matching.text import clean
from taizhang.parsing.model import Target
from taizhang.parsing.normalize import fold

# Dice coefficient of character bigrams above which two metrics are the same one. Checked
# on the per-capita, coverage and count targets of both seeds and the demo county plan.
SAME_METRIC = 0.5


def same_metric(left: Target, right: Target) -> bool:
    if (left.unit or "") != (right.unit or "") or (left.per or "") != (right.per or ""):
        return False
    return _dice(_bigrams(metric(left)), _bigrams(metric(right))) >= SAME_METRIC


def same_value(left: Target, right: Target) -> bool:
    return left.value == right.value and left.comparator == right.comparator


def metric(target: Target) -> str:
    """What a target counts: "每万人拥有律师数达2.3人" -> "每万人拥有律师数"."""
    counted = _filler().sub("", clean(fold(target.quote))).replace(" ", "")
    return counted.removesuffix(fold(target.unit or ""))


@lru_cache(maxsize=1)
def _filler() -> re.Pattern[str]:
    data = resources.files("taizhang.matching").joinpath("data/targets.toml").read_bytes()
    words = tomllib.loads(data.decode("utf-8"))["value_words"]
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _dice(left: set[str], right: set[str]) -> float:
    if not left or not right:
        return 0.0
    return 2 * len(left & right) / (len(left) + len(right))
