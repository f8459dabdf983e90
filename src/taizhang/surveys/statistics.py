"""The survey's arithmetic as pure functions (no Django): proportions with their 95 %
Wilson score intervals, the satisfaction and awareness rates, and the comparison with a
plan's target.

Why Wilson: county samples are small (a few dozen answers) and rates sit near 100 %, where
the textbook normal interval p ± 1.96·√(p(1−p)/n) collapses to zero width or leaves
[0, 1]; the Wilson interval stays inside [0, 1] and is honest at 0 % and 100 %.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

Z95 = 1.96  # the two-sided 95 % quantile as survey reports print it

# The keys of the fixed answer scales (Choice.key).
VERY_SATISFIED, SATISFIED, NEUTRAL = "very_satisfied", "satisfied", "neutral"
DISSATISFIED, VERY_DISSATISFIED = "dissatisfied", "very_dissatisfied"
AWARE, UNAWARE = "aware", "unaware"
SATISFACTION_SCALE = (
    (VERY_SATISFIED, "非常满意"),
    (SATISFIED, "满意"),
    (NEUTRAL, "一般"),
    (DISSATISFIED, "不满意"),
    (VERY_DISSATISFIED, "非常不满意"),
)
AWARENESS_SCALE = ((AWARE, "知道"), (UNAWARE, "不知道"))
SATISFIED_KEYS = frozenset({VERY_SATISFIED, SATISFIED})
SATISFACTION_KEYS = frozenset(key for key, _ in SATISFACTION_SCALE)
AWARENESS_KEYS = frozenset(key for key, _ in AWARENESS_SCALE)


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of successes/n, as fractions; None when n is 0."""
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"successes must lie in 0..n: {successes}/{n}")
    if n == 0:
        return None
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    # At 0 and n the bound is exactly 0 or 1; rounding must not push it past.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class Proportion:
    """successes out of n valid answers, with the 95 % Wilson interval."""

    successes: int
    n: int

    @property
    def rate(self) -> float | None:
        return self.successes / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.successes, self.n)

    @property
    def low(self) -> float | None:
        return self.interval[0] if self.n else None

    @property
    def high(self) -> float | None:
        return self.interval[1] if self.n else None

    @property
    def percent(self) -> float | None:
        return None if self.rate is None else 100 * self.rate

    def __add__(self, other: Proportion) -> Proportion:
        return Proportion(self.successes + other.successes, self.n + other.n)

    def describe(self) -> str:
        """ "92.3%（95%置信区间 85.1%—96.2%，n=52）", or "无有效回答"."""
        if not self.n:
            return "无有效回答"
        return (
            f"{percent(self.rate)}（95%置信区间 {percent(self.low)}—{percent(self.high)}，"
            f"n={self.n}）"
        )


EMPTY = Proportion(0, 0)


def percent(fraction: float | None, digits: int = 1) -> str:
    """0.9234 -> "92.3%"; None -> "—"."""
    if fraction is None:
        return "—"
    return f"{100 * fraction:.{digits}f}%"


def satisfaction(counts: Mapping[str, int]) -> Proportion:
    """The satisfaction rate from answer counts by scale key: (非常满意 + 满意) among every
    valid answer on the five-point scale (一般 and the dissatisfied ones count in the base)."""
    n = sum(count for key, count in counts.items() if key in SATISFACTION_KEYS)
    return Proportion(sum(counts.get(key, 0) for key in SATISFIED_KEYS), n)


def awareness(counts: Mapping[str, int]) -> Proportion:
    """The awareness rate: 知道 among 知道 + 不知道."""
    n = sum(count for key, count in counts.items() if key in AWARENESS_KEYS)
    return Proportion(counts.get(AWARE, 0), n)


def add_counts(*tables: Mapping[str, int]) -> dict[str, int]:
    total: dict[str, int] = {}
    for table in tables:
        for key, count in table.items():
            total[key] = total.get(key, 0) + count
    return total


def share(part: int, whole: int) -> float | None:
    """part/whole, or None when there is no whole (quota completion, option shares)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class TargetCheck:
    """A rate against a plan's target (values in percent, as plans print them)."""

    target: float
    comparator: str  # ">=" (不低于) or "=" (达到)
    measured: Proportion

    @property
    def met(self) -> bool | None:
        """Whether the measured rate reaches the target; None without answers. A target
        "达到100%" is met only when every answer counts."""
        if self.measured.percent is None:
            return None
        return self.measured.percent >= self.target - 1e-9

    @property
    def conclusive(self) -> bool:
        """Whether the interval lies wholly on one side of the target, so that the sample
        decides the question (else the difference may be chance)."""
        if not self.measured.n:
            return False
        low, high = 100 * self.measured.low, 100 * self.measured.high
        return low >= self.target - 1e-9 or high < self.target - 1e-9

    @property
    def verdict(self) -> str:
        if self.met is None:
            return "暂无数据"
        verdict = "达标" if self.met else "未达标"
        if not self.conclusive:
            verdict += "（置信区间包含目标值，样本尚不足以定论）"
        return verdict


def pooled(proportions: Iterable[Proportion]) -> Proportion:
    total = EMPTY
    for proportion in proportions:
        total = total + proportion
    return total
