"""Which parent measures the county plans pick up, from the confirmed links.

For a parent plan: a county × measure matrix and, per measure, whether every county with a
plan has picked it up, some have, or none. For a county plan: its measures the office has
checked and found to answer to nothing above, and those not yet checked.

Only confirmed links count (plans/linking.py): a proposal nobody checked is no answer."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from taizhang.plans.models import Measure, MeasureLink, Plan

EVERY, SOME, NONE = "every", "some", "none"
REACH_LABELS = {EVERY: "各县均已承接", SOME: "部分县承接", NONE: "无县承接"}
COVERAGE_RULE = (
    "承接口径：县（市、区）方案中经本县依法治理办确认、对应该项任务的县级任务；"
    "系统提出但尚未确认的对应不计入。“各县”指已导入本方案下级方案的县（市、区）。"
)


@dataclass(frozen=True)
class CoverageRow:
    measure: Measure
    cells: tuple[tuple[int, ...], ...]  # per county plan: the numbers of its linked measures
    reach: str

    @property
    def reach_label(self) -> str:
        return REACH_LABELS[self.reach]


@dataclass(frozen=True)
class Coverage:
    plan: Plan
    counties: tuple[Plan, ...]  # the child plans, one column each
    rows: tuple[CoverageRow, ...]

    def count(self, reach: str) -> int:
        return sum(1 for row in self.rows if row.reach == reach)


def coverage(plan: Plan) -> Coverage:
    """The matrix of ``plan``'s measures against its child plans (two queries)."""
    children = tuple(
        Plan.objects.filter(parent=plan).select_related("region").order_by("region_id", "pk")
    )
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for parent_id, child_plan_id, number in MeasureLink.objects.filter(
        parent__plan=plan, child__plan__in=children, child__withdrawn=False
    ).values_list("parent_id", "child__plan_id", "child__number"):
        numbers[(parent_id, child_plan_id)].append(number)
    rows = []
    for measure in Measure.objects.filter(plan=plan, withdrawn=False).order_by("position"):
        cells = tuple(tuple(sorted(numbers[(measure.pk, c.pk)])) for c in children)
        picked = sum(1 for cell in cells if cell)
        reach = EVERY if children and picked == len(children) else SOME if picked else NONE
        rows.append(CoverageRow(measure, cells, reach))
    return Coverage(plan, children, tuple(rows))


@dataclass(frozen=True)
class Unanswered:
    """A county plan's measures that answer to nothing above, and those not yet checked."""

    answering_nothing: tuple[Measure, ...]
    unchecked: tuple[Measure, ...]


def unanswered(plan: Plan) -> Unanswered:
    measures = Measure.objects.filter(plan=plan, withdrawn=False).order_by("position")
    linked = set(MeasureLink.objects.filter(child__plan=plan).values_list("child_id", flat=True))
    nothing = tuple(m for m in measures if m.links_checked and m.pk not in linked)
    unchecked = tuple(m for m in measures if not m.links_checked)
    return Unanswered(nothing, unchecked)
