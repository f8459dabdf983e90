"""Unit names compared across levels: 州司法局, 市司法局 and 县司法局 do the same job.

A unit's key is its name without the administrative prefix (the parser's gazetteer knows
the prefixes), without the party committee's 委 that follows it, without an alias in
brackets, and with the level characters inside it dropped (依法治州办 / 依法治市办,
团州委 / 团市委). Keys only compare; pages show the names as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from taizhang.parsing.normalize import fold
from taizhang.parsing.units import load_gazetteer

_ALIAS = re.compile(r"\(.*?\)")


@lru_cache(maxsize=4096)
def unit_key(name: str) -> str:
    gazetteer = load_gazetteer()
    folded = _ALIAS.sub("", fold(name)).strip()
    cut = gazetteer.prefix_length(folded)
    rest = folded[cut:]
    if cut and rest.startswith(gazetteer.committee_word):
        rest = rest[len(gazetteer.committee_word) :]
    return _level_characters().sub("", rest) or folded


def unit_keys(names: Iterable[str]) -> frozenset[str]:
    return frozenset(unit_key(name) for name in names)


@lru_cache(maxsize=1)
def _level_characters() -> re.Pattern[str]:
    levels = load_gazetteer().data["levels"]["prefixes"]
    return re.compile("[" + "".join(sorted({p for p in levels if len(p) == 1})) + "]")
