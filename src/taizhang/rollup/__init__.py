"""Rolling county figures up to the plan above: pure arithmetic, no Django.

A prefecture measure is carried out by the linked measures of its counties' plans. Its
indicator values aggregate from theirs by the kind of figure:

- a count (件, 个, 场次…) is the counties' sum;
- a rate (%) is the counties' average, weighted by each county's denominator (the base the
  rate is of: cases, villages, people surveyed) where the county reported one; a county
  without a base weighs as an average county (the mean of the bases reported), so that
  with no base at all every county weighs equally. Each county's line says which it was;
- a per-capita figure (每万人…) is weighted by each county's population: the prefecture's
  figure is the counties' total over their total population. A county whose population is
  unknown cannot be weighted and is left out, by name.

Each result carries its 口径 sentence, which the page shows under the figure.

The status of the parent measure, as the counties report it, follows the same spirit as
``reporting.status``: done when every linked county measure is done; lagging when one is;
in progress when one has begun; else not started.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

COUNT, RATE, PER_CAPITA = "count", "rate", "per_capita"
RATE_UNITS = ("%", "％", "‰")

# Status codes as reporting.status names them (kept as plain strings: no Django here).
NOT_STARTED, IN_PROGRESS, DONE, LAGGING = "not_started", "in_progress", "done", "lagging"

COUNT_RULE = "汇总口径：各县（市、区）数值相加。"
RATE_WEIGHTED_RULE = "汇总口径：各县（市、区）比率按其基数（分母）加权平均。"
RATE_EQUAL_RULE = "汇总口径：各县（市、区）均未填报基数（分母），比率按等权平均。"
RATE_MIXED_RULE = (
    "汇总口径：比率按各县（市、区）填报的基数（分母）加权平均；"
    "未填报基数的县按已填报县的平均基数计（即与平均水平的县等权）。"
)
PER_CAPITA_RULE = "汇总口径：各县（市、区）人均数按常住人口加权平均（合计数 ÷ 合计人口）。"
STATUS_RULE = (
    "汇总状态：对应的县级任务全部已完成为“已完成”；任一滞后为“滞后”；"
    "任一已推进或完成为“推进中”；否则为“未启动”。"
)


@dataclass(frozen=True)
class Part:
    """One county's figure. ``denominator``: the base of a rate; ``population``: the
    county's resident population, for per-capita figures."""

    county: str
    value: float
    denominator: float | None = None
    population: float | None = None


@dataclass(frozen=True)
class RollUp:
    kind: str
    value: float | None  # None: nothing to aggregate
    weights: tuple[float, ...]  # one per part used, in the order given, summing to 1
    used: tuple[str, ...]  # the counties whose figures entered
    left_out: tuple[str, ...]  # counties that could not be weighted
    rule: str  # the 口径 sentence
    # how each county used was weighted, one phrase per county (rates: its base or equal)
    bases: tuple[str, ...] = ()


def kind_of(unit: str, per: str = "") -> str:
    """The kind of a target from its unit and its per-capita basis."""
    if per:
        return PER_CAPITA
    return RATE if unit.strip() in RATE_UNITS else COUNT


def roll_up(kind: str, parts: Sequence[Part]) -> RollUp:
    if kind == COUNT:
        return counts(parts)
    if kind == RATE:
        return rates(parts)
    if kind == PER_CAPITA:
        return per_capita(parts)
    raise ValueError(f"unknown kind {kind!r}")


def counts(parts: Sequence[Part]) -> RollUp:
    total = sum(p.value for p in parts) if parts else None
    weights = tuple(1.0 for _ in parts)  # a sum: each county counts whole
    return RollUp(COUNT, total, weights, _names(parts), (), COUNT_RULE)


def rates(parts: Sequence[Part]) -> RollUp:
    known = [p.denominator for p in parts if p.denominator and p.denominator > 0]
    if not known:
        bases = tuple(f"{p.county}未填报基数，等权" for p in parts)
        return _weighted(RATE, parts, [1.0] * len(parts), (), RATE_EQUAL_RULE, bases)
    mean = sum(known) / len(known)
    weights, bases = [], []
    for part in parts:
        if part.denominator and part.denominator > 0:
            weights.append(part.denominator)
            bases.append(f"{part.county}按基数{part.denominator:g}")
        else:
            weights.append(mean)
            bases.append(f"{part.county}未填报基数，按平均基数{mean:g}（等权）")
    rule = RATE_WEIGHTED_RULE if len(known) == len(parts) else RATE_MIXED_RULE
    return _weighted(RATE, parts, weights, (), rule, tuple(bases))


def per_capita(parts: Sequence[Part]) -> RollUp:
    known = [p for p in parts if p.population]
    left_out = tuple(p.county for p in parts if not p.population)
    return _weighted(PER_CAPITA, known, [p.population for p in known], left_out, PER_CAPITA_RULE)


def _weighted(kind, parts, raw_weights, left_out, rule, bases=()) -> RollUp:
    total = sum(raw_weights)
    if not parts or not total:
        return RollUp(kind, None, (), (), tuple(left_out), rule)
    weights = tuple(w / total for w in raw_weights)
    value = sum(w * p.value for w, p in zip(weights, parts, strict=True))
    return RollUp(kind, value, weights, _names(parts), tuple(left_out), rule, bases)


def _names(parts: Iterable[Part]) -> tuple[str, ...]:
    return tuple(p.county for p in parts)


def rolled_status(statuses: Iterable[str]) -> str | None:
    """The parent measure's status from its linked county measures' (None: none linked)."""
    seen = Counter(statuses)
    if not seen:
        return None
    if seen[LAGGING]:
        return LAGGING
    if seen[DONE] == sum(seen.values()):
        return DONE
    if seen[DONE] or seen[IN_PROGRESS]:
        return IN_PROGRESS
    return NOT_STARTED
