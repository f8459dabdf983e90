"""Links from a county plan's measures to the measures of the plan above it.

Proposals are computed by ``taizhang.matching`` (character n-gram TF-IDF, docs/matching.md)
each time the page is shown: nothing is stored until the office decides. The write path
``set_links`` stores the office's decision for each measure (the parent measures it carries
out, possibly none), marks the measure as checked and records one audit entry per measure
whose links changed. Refusals raise ValidationError with one message in Chinese."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.matching import DEFAULT, Item, propose_links
from taizhang.parsing.model import Target as ParsedTarget
from taizhang.plans.models import Assignment, AuditAction, AuditDetail, Measure, MeasureLink, Plan

THRESHOLD = DEFAULT.threshold  # the score from which a link is proposed (benchmarks/align.py)


@dataclass(frozen=True)
class Choice:
    """A parent measure offered for one child measure."""

    parent: Measure
    score: float | None  # None: confirmed earlier but no longer among the ranked candidates
    similarity: float | None
    proposed: bool
    chosen: bool  # ticked on the page: confirmed, or proposed and not yet checked


@dataclass(frozen=True)
class Row:
    measure: Measure
    choices: tuple[Choice, ...]
    checked: bool

    @property
    def confirmed(self) -> tuple[Measure, ...]:
        return tuple(c.parent for c in self.choices if c.chosen and self.checked)


def measures_of(plan: Plan):
    return (
        Measure.objects.filter(plan=plan, withdrawn=False)
        .prefetch_related("assignments__unit", "targets")
        .order_by("position")
    )


def item(measure: Measure) -> Item:
    """A measure as the matcher reads it (its units by role, as the plan names them)."""
    lead = tuple(a.unit.name for a in measure.assignments.all() if a.role == Assignment.Role.LEAD)
    others = tuple(a.unit.name for a in measure.assignments.all() if a.role != Assignment.Role.LEAD)
    targets = tuple(
        ParsedTarget(t.quote, t.value, t.unit, t.comparator, t.year, t.per or None)
        for t in measure.targets.all()
    )
    return Item(
        key=measure.pk,
        text=measure.text,
        title=measure.title or None,
        lead=lead,
        responsible=others,
        targets=targets,
    )


def proposals(plan: Plan) -> list[Row]:
    """Each measure of ``plan`` with its ranked candidates in the parent plan, the links
    already confirmed and whether the office has checked it."""
    if plan.parent_id is None:
        return []
    children = list(measures_of(plan))
    parents = {m.pk: m for m in measures_of(plan.parent)}
    confirmed: dict[int, dict[int, MeasureLink]] = {}
    for link in MeasureLink.objects.filter(child__plan=plan):
        confirmed.setdefault(link.child_id, {})[link.parent_id] = link
    ranked = propose_links([item(m) for m in children], [item(m) for m in parents.values()])
    rows = []
    for measure, proposal in zip(children, ranked, strict=True):
        links = confirmed.get(measure.pk, {})
        choices = [
            Choice(
                parent=parents[candidate.parent],
                score=candidate.score,
                similarity=candidate.similarity,
                proposed=candidate.proposed,
                chosen=candidate.parent in links if measure.links_checked else candidate.proposed,
            )
            for candidate in proposal.candidates
        ]
        offered = {c.parent.pk for c in choices}
        choices += [
            Choice(parents[pk], link.score, None, False, True)
            for pk, link in links.items()
            if pk not in offered and pk in parents
        ]
        rows.append(Row(measure, tuple(choices), measure.links_checked))
    return rows


def scores_of(plan: Plan) -> dict[tuple[int, int], float]:
    """(measure id, parent id) -> the matcher's score, for every ranked candidate: what a
    confirmed link is stored with."""
    return {
        (row.measure.pk, choice.parent.pk): choice.score
        for row in proposals(plan)
        for choice in row.choices
        if choice.score is not None
    }


@transaction.atomic
def set_links(
    plan: Plan,
    actor,
    decisions: Mapping[int, list[int]],
    scores: Mapping[tuple[int, int], float] | None = None,
) -> int:
    """Store the office's decision for each measure id in ``decisions``: the ids of the
    parent measures it carries out (an empty list: it answers to nothing above). Returns
    how many measures' links changed."""
    if plan.parent_id is None:
        raise ValidationError("该方案没有上级方案，无法核对上级任务。")
    scores = scores or {}
    measures = {
        m.pk: m
        for m in Measure.objects.select_for_update().filter(
            plan=plan, withdrawn=False, pk__in=list(decisions)
        )
    }
    if set(decisions) - set(measures):
        raise ValidationError("所选任务不属于本方案。")
    wanted = {pk for parents in decisions.values() for pk in parents}
    parents = {
        m.pk: m
        for m in Measure.objects.filter(plan_id=plan.parent_id, withdrawn=False, pk__in=wanted)
    }
    if wanted - set(parents):
        raise ValidationError("所选上级任务不属于上级方案。")
    existing: dict[int, set[int]] = {}
    for child_id, parent_id in MeasureLink.objects.filter(child__in=list(measures)).values_list(
        "child_id", "parent_id"
    ):
        existing.setdefault(child_id, set()).add(parent_id)
    now = timezone.now()
    changed = 0
    for pk, chosen in decisions.items():
        measure, after, before = measures[pk], set(chosen), existing.get(pk, set())
        if after == before and measure.links_checked:
            continue
        MeasureLink.objects.filter(child=measure, parent_id__in=before - after).delete()
        MeasureLink.objects.bulk_create(
            MeasureLink(
                child=measure,
                parent_id=parent_id,
                score=scores.get((pk, parent_id)),
                confirmed_by=actor,
                confirmed_at=now,
            )
            for parent_id in sorted(after - before)
        )
        if not measure.links_checked:
            measure.links_checked = True
            measure.save(update_fields=["links_checked"])
        changes = {AuditDetail.PARENTS: [_numbers(before, parents), _numbers(after, parents)]}
        record(actor, AuditAction.LINK, measure, changes, organisation=plan.organisation_id)
        changed += 1
    return changed


def _numbers(ids: set[int], known: dict[int, Measure]) -> str:
    """The parent measures as the office reads them: 第3、5项, or 无."""
    numbers = sorted(
        known[pk].number if pk in known else Measure.objects.get(pk=pk).number for pk in ids
    )
    return "第" + "、".join(str(n) for n in numbers) + "项" if numbers else "无"
