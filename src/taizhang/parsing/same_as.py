"""Attributions that repeat another measure's units: "责任单位：同上" takes the units of the
measure before, "（责任单位同第3条）" those of the measure numbered 3 before it (round 11:
tests/parsing/documents d99 and d105, fixture styles/anquan_tongshang.txt)."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.markers import CHINESE_DIGITS, chinese_number
from taizhang.parsing.model import Attribution
from taizhang.parsing.normalize import fold
from taizhang.parsing.structure import RawMeasure
from taizhang.parsing.vocabulary import vocabulary


@lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    """A label (or none), then 同上 or 同第N条/项/点, and nothing else."""
    words = vocabulary()
    labels = "|".join(map(re.escape, sorted(words["attribution_labels"], key=len, reverse=True)))
    above = "|".join(map(re.escape, words["same_as_above"]))
    item = re.escape(words["same_as_item"])
    return re.compile(
        rf"(?:{labels})?\s*:?\s*(?:(?P<above>{above})|{item}(?P<no>\d{{1,3}}|[{CHINESE_DIGITS}]{{1,4}})[条项点])\s*[。.]?"
    )


def _referred(raw: str | None) -> tuple[bool, int | None] | None:
    """(True, None) for 同上, (False, N) for 同第N条, None for an attribution of its own."""
    if not raw or "同" not in raw:  # cheap gate: most attributions name their units
        return None
    match = _reference().fullmatch(fold(raw).strip())
    if match is None:
        return None
    if match["above"]:
        return True, None
    no = match["no"]
    return False, int(no) if no.isdigit() else chinese_number(no)


def same_as(measures: list[RawMeasure], attributions: list[Attribution]) -> list[Attribution]:
    """Each attribution that refers to another measure's replaced by a copy of that one's."""
    out = list(attributions)
    for i, measure in enumerate(measures):
        referred = _referred(measure.attribution_raw)
        if referred is None or i == 0:
            continue
        above, no = referred
        source = i - 1 if above else _numbered_before(measures, i, no)
        if source is not None:
            units = out[source]
            out[i] = Attribution(list(units.lead), list(units.responsible), list(units.collectives))
    return out


def _numbered_before(measures: list[RawMeasure], i: int, no: int | None) -> int | None:
    """The latest measure before the i-th numbered ``no``."""
    return next((j for j in range(i - 1, -1, -1) if measures[j].no == no), None)
