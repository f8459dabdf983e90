"""Attributions that repeat another measure's units: "责任单位：同上" takes the units of the
measure before, "（责任单位同第3条）" those of the measure numbered 3 before it (round 11:
tests/parsing/documents d99 and d105, fixture styles/anquan_tongshang.txt); a field of
several that says 同上 or 〃 alone (a task table's ditto cell) repeats the field above (round
22: d302 and d306)."""

from __future__ import annotations

import re
from collections.abc import Callable
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


def _referred(raw: str) -> tuple[bool, int | None] | None:
    """(True, None) for 同上, (False, N) for 同第N条, None for an attribution of its own."""
    match = _reference().fullmatch(fold(raw).strip())
    if match is None:
        return None
    if match["above"]:
        return True, None
    no = match["no"]
    return False, int(no) if no.isdigit() else chinese_number(no)


def same_as(
    measures: list[RawMeasure],
    attributions: list[Attribution],
    split: Callable[[str], Attribution] | None = None,
) -> list[Attribution]:
    """Each attribution that refers to another measure's replaced by a copy of that one's;
    one of several fields one of which repeats the field above (_with_fields_above) read by
    ``split`` with that field's value filled in."""
    out = list(attributions)
    filled: dict[int, str] = {}  # the attributions read with a field filled in, by index
    for i, measure in enumerate(measures):
        raw = measure.attribution_raw
        if i == 0 or not raw or ("同" not in raw and "〃" not in raw):
            continue  # (most attributions name their units: two finds in C)
        referred = _referred(raw)
        if referred is None:
            before = filled.get(i - 1) or measures[i - 1].attribution_raw
            own = _with_fields_above(raw, before) if before and split else None
            if own:
                filled[i], out[i] = own, split(own)
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


# A field of an attribution: a label, its colon, its value up to the next field.
_FIELD = re.compile(r"([^:：;；]+[:：]\s*)([^;；]*)")


def _with_fields_above(raw: str, before: str) -> str | None:
    """An attribution of several fields one of which only repeats the field above
    ("牵头单位:同上;配合单位:县财政局", "牵头单位:〃;…": a task table's ditto cell), with that
    field's value from the attribution before; None where no field does. Round 22:
    tests/parsing/documents d302 (its 牵头单位 column) and d306 (its 配合单位 column). The
    printed attribution is kept; only its units are read from what it repeats. A single
    field ("责任单位：同上") repeats the whole attribution before (same_as)."""
    fields = list(_FIELD.finditer(raw))
    if len(fields) < 2:
        return None
    above = {_label(f[1]): f[2] for f in _FIELD.finditer(before)}
    marks = (*vocabulary()["same_as_above"], *vocabulary()["ditto_marks"])
    parts, changed = [], False
    for field in fields:
        value = field[2]
        repeated = above.get(_label(field[1]))
        if repeated is not None and value.strip().rstrip("。.") in marks:
            value, changed = repeated, True
        parts.append(field[1] + value)
    return ";".join(parts) if changed else None


def _label(printed: str) -> str:
    return fold(printed).strip(" \t\u3000\n:;")
