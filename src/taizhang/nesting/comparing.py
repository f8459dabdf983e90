"""Two plans of the database side by side, by taizhang.matching.compare_plans: matched
measures with their scores, measures only in one, different lead units for the same work,
targets one sets that the other lacks."""

from __future__ import annotations

from dataclasses import dataclass

from taizhang.matching import compare_plans
from taizhang.plans.linking import item, measures_of
from taizhang.plans.models import Measure, Plan


@dataclass(frozen=True)
class Pair:
    left: Measure
    right: Measure
    score: float
    similarity: float


@dataclass(frozen=True)
class LeadPair:
    left: Measure
    right: Measure
    left_lead: str
    right_lead: str


@dataclass(frozen=True)
class Gap:
    side: str  # the title of the plan that sets the target
    measure: Measure
    quote: str
    counterparts: tuple[Measure, ...]
    other: str  # the other plan's target on the same metric, or ""


@dataclass(frozen=True)
class Result:
    left: Plan
    right: Plan
    matches: tuple[Pair, ...]
    only_left: tuple[Measure, ...]
    only_right: tuple[Measure, ...]
    lead_differences: tuple[LeadPair, ...]
    target_gaps: tuple[Gap, ...]


def compare(left: Plan, right: Plan) -> Result:
    lefts = {m.pk: m for m in measures_of(left)}
    rights = {m.pk: m for m in measures_of(right)}
    found = compare_plans([item(m) for m in lefts.values()], [item(m) for m in rights.values()])
    both = {**lefts, **rights}
    return Result(
        left=left,
        right=right,
        matches=tuple(
            Pair(lefts[m.left], rights[m.right], m.score, m.similarity) for m in found.matches
        ),
        only_left=tuple(lefts[k] for k in found.only_left),
        only_right=tuple(rights[k] for k in found.only_right),
        lead_differences=tuple(
            LeadPair(
                lefts[d.left], rights[d.right], "、".join(d.left_lead), "、".join(d.right_lead)
            )
            for d in found.lead_differences
        ),
        target_gaps=tuple(
            Gap(
                side=(left if gap.side == "left" else right).title,
                measure=both[gap.key],
                quote=gap.target.quote,
                counterparts=tuple(both[k] for k in gap.counterparts),
                other=gap.other.quote if gap.other else "",
            )
            for gap in found.target_gaps
        ),
    )
