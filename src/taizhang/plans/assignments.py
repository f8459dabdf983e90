"""Keeping assignments right: when the office sets a measure's units, when units merge or
a collective's members change. An assignment with reports is never deleted: it is ended
(it leaves every list and owes nothing, its reports stay) and comes back if the unit is
named again."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from taizhang.plans.models import Assignment, MeasureCollective, Plan
from taizhang.units import services as unit_services
from taizhang.units.models import Collective, Region, Unit


def member_scope(organisation_id: int, region) -> dict:
    """Where a collective's members count in a plan of ``region`` (or an import into it), as
    filter arguments on units: the plan's organisation, and in a county's plan that county
    only (各镇（街道） in 都匀市's plan: 都匀市's townships). The one statement of the rule:
    `members_for`, `unreached_collectives` and the import preview (`phrase_reach`) ask it."""
    scope = {"organisation_id": organisation_id}
    if region.level == Region.Level.COUNTY:
        scope["region_id"] = region.pk
    return scope


def members_for(collective, plan):
    """What a collective means in ``plan``: its members within `member_scope`."""
    return Unit.objects.filter(
        collectives=collective, **member_scope(plan.organisation_id, plan.region)
    )


@dataclass
class PhraseReach:
    """What a collective phrase of an import will mean once confirmed: the defined
    collective (None: not yet, the confirm creates it), the units it will reach in the
    import's plan and, of a defined one, its members outside that scope (another county's)."""

    phrase: str
    collective: Collective | None
    members: int
    elsewhere: int = 0


def phrase_reach(phrases, organisation_id: int, region) -> list[PhraseReach]:
    """Each phrase as the import's confirm will make it and `unreached_collectives` will
    judge it: a defined collective's members within `member_scope`; a phrase not yet defined
    that names a level (各乡镇, units.services.level_of_phrase) the units of that level, which
    the confirm makes its members; any other phrase nobody. Two queries whatever the plan."""
    scope = member_scope(organisation_id, region)
    defined = {
        unit_services.name_key(c.phrase): c
        for c in Collective.objects.filter(organisation_id=organisation_id)
    }
    counts: dict[tuple[int, bool], int] = defaultdict(int)
    for collective_id, region_id, n in (
        Unit.objects.filter(collectives__in=defined.values(), organisation_id=organisation_id)
        .values_list("collectives", "region_id")
        .annotate(n=Count("pk", distinct=True))
    ):
        counts[collective_id, "region_id" not in scope or region_id == scope["region_id"]] += n
    phrases = list(phrases)
    # each phrase's level asked once (the preview lists every collective a plan names)
    level_of = {phrase: unit_services.level_of_phrase(phrase) for phrase in phrases}
    levels = set(level_of.values()) - {None}
    by_level = dict(
        Unit.objects.filter(level__in=levels, **scope)
        .values_list("level")
        .annotate(n=Count("pk"))
        .values_list("level", "n")
    )
    reach = []
    for phrase in phrases:
        collective = defined.get(unit_services.name_key(phrase))
        if collective is not None:
            reach.append(
                PhraseReach(
                    phrase, collective, counts[collective.pk, True], counts[collective.pk, False]
                )
            )
        else:
            level = level_of[phrase]
            reach.append(PhraseReach(phrase, None, by_level.get(level, 0) if level else 0))
    return reach


@dataclass
class Unreached:
    """Collectives without members and the measures naming them (counted once each)."""

    collectives: list
    measure_count: int

    def __bool__(self) -> bool:
        return bool(self.collectives)


def unreached_collectives(plans) -> Unreached:
    """The collectives named by live measures of ``plans`` that mean no unit in the plan
    naming them: those measures reach no unit's to-do until the office sets the members
    (the import's confirm message and the office's to-do ask this; the preview says it of
    the phrases before they exist). What a collective means in a plan is `members_for`'s
    rule, asked here for every link at once: members of the plan's organisation, and in a
    county's plan of that county (a collective whose members are all in another county
    reaches nobody in this county's plan). Each collective has ``measure_count``."""
    links = set(
        MeasureCollective.objects.filter(measure__withdrawn=False, measure__plan__in=plans)
        .values_list("collective_id", "measure_id", "measure__plan_id")
        .distinct()
    )
    if not links:
        return Unreached([], 0)
    where = _plans_where({plan for _, _, plan in links})
    members = set(
        Unit.objects.filter(collectives__in={collective for collective, _, _ in links})
        .values_list("collectives", "organisation_id", "region_id")
        .distinct()
    )
    in_organisation = {(collective, organisation) for collective, organisation, _ in members}
    measures_of: dict[int, set[int]] = defaultdict(set)
    for collective, measure, plan in links:
        organisation, region = where[plan]
        reached = (
            (collective, organisation, region) in members
            if region is not None
            else (collective, organisation) in in_organisation
        )
        if not reached:
            measures_of[collective].add(measure)
    collectives = list(Collective.objects.filter(pk__in=measures_of).order_by("phrase"))
    for collective in collectives:
        collective.measure_count = len(measures_of[collective.pk])
    return Unreached(collectives, len(set().union(*measures_of.values())))


def _plans_where(plan_ids) -> dict[int, tuple[int, int | None]]:
    """Each plan's organisation, and its county where it is a county's plan (`member_scope`)."""
    where = {}
    for plan in Plan.objects.filter(pk__in=plan_ids).select_related("region"):
        scope = member_scope(plan.organisation_id, plan.region)
        where[plan.pk] = (scope["organisation_id"], scope.get("region_id"))
    return where


@transaction.atomic
def create_unit(organisation, draft, actor, reason: str = "") -> Unit:
    """A new unit (units.services.create_unit); the measures naming the collectives it
    joins by its level (各镇（街道）) take it on at once."""
    unit = unit_services.create_unit(organisation, draft, actor, reason)
    for collective in unit.collectives.all():
        sync_collective(collective)
    return unit


@transaction.atomic
def update_unit(unit, actor, reason: str = "", **fields) -> Unit:
    """A unit's fields changed (units.services.update_unit); the collectives it is in follow."""
    unit_services.update_unit(unit, actor, reason, **fields)
    for collective in unit.collectives.all():
        sync_collective(collective)
    return unit


@transaction.atomic
def move_assignments(source, target) -> None:
    """Give ``target`` the assignments of ``source``; where both carry a measure the
    stronger role (lead) is kept on ``target``."""
    existing = {a.measure_id: a for a in Assignment.all_objects.filter(unit=target)}
    for assignment in Assignment.all_objects.filter(unit=source):
        kept = existing.get(assignment.measure_id)
        if kept is None:
            assignment.unit = target
            assignment.save(update_fields=["unit"])
            continue
        if kept.ended_at and not assignment.ended_at:
            kept.ended_at = None
            kept.save(update_fields=["ended_at"])
        if assignment.role == Assignment.Role.LEAD and kept.role != Assignment.Role.LEAD:
            kept.role = Assignment.Role.LEAD
            kept.via = None
            kept.save(update_fields=["role", "via"])
        assignment.delete()


@transaction.atomic
def sync_collective(collective) -> None:
    """Make the assignments expanded from ``collective`` match its current members.

    A unit named directly in a measure keeps its own assignment. The members are read
    once per plan and the measures' assignments in one query; the new assignments are
    written together, in the order the measures name the collective."""
    links = list(
        MeasureCollective.objects.filter(collective=collective).select_related(
            "measure__plan__region"
        )
    )
    assigned: dict[int, dict[int, Assignment]] = defaultdict(dict)
    for assignment in Assignment.all_objects.filter(
        measure_id__in=[link.measure_id for link in links]
    ).annotate(n=Count("reports")):
        assigned[assignment.measure_id][assignment.unit_id] = assignment
    members_of: dict[int, set[int]] = {}
    new = []
    for link in links:
        plan = link.measure.plan
        if plan.pk not in members_of:
            members_of[plan.pk] = set(members_for(collective, plan).values_list("pk", flat=True))
        members, current = members_of[plan.pk], assigned[link.measure_id]
        for unit_id in members:
            assignment = current.get(unit_id)
            if assignment is None:
                new.append(
                    Assignment(
                        measure_id=link.measure_id, unit_id=unit_id, role=link.role, via=collective
                    )
                )
            elif assignment.ended_at and assignment.via_id == collective.pk:
                assignment.ended_at = None
                assignment.save(update_fields=["ended_at"])
        for unit_id, assignment in current.items():
            if (
                assignment.via_id == collective.pk
                and unit_id not in members
                and not assignment.ended_at
            ):
                _end_or_delete(assignment)
    Assignment.objects.bulk_create(new)


@transaction.atomic
def set_collective_members(collective, units, actor, reason: str = ""):
    """Define what a collective means; the measures naming it follow at once."""
    removed = unit_services.set_members(collective, units, actor, reason)
    sync_collective(collective)
    # A unit dropped here may still belong to another collective naming the same
    # measure: re-sync those so it keeps the work it carries through them.
    others = (
        Collective.objects.filter(
            members__in=removed, measures__measure__collectives__collective=collective
        )
        .exclude(pk=collective.pk)
        .distinct()
    )
    for other in others:
        sync_collective(other)
    return collective


@dataclass
class UnitsChange:
    """What setting a measure's units changed, as unit names and phrases."""

    before: dict[str, list[str]] = field(default_factory=dict)
    after: dict[str, list[str]] = field(default_factory=dict)
    ended: list[str] = field(default_factory=list)  # units taken off that keep their reports

    @property
    def changed(self) -> bool:
        return self.before != self.after


@transaction.atomic
def set_units(measure, lead_units, responsible_units, lead_collectives, responsible_collectives):
    """Make the measure's assignments what the office chose: units named directly, and the
    members of the collectives it names (a unit named directly keeps its own role; a lead
    collective's members lead). The caller records the audit entry."""
    lead, responsible = _ids(lead_units), _ids(responsible_units)
    lead_c, responsible_c = _ids(lead_collectives), _ids(responsible_collectives)
    if lead & responsible:
        raise ValidationError("同一单位不能既是牵头单位又是责任单位。")
    if lead_c & responsible_c:
        raise ValidationError("同一统称不能既作牵头又作责任。")
    if not (lead or responsible or lead_c or responsible_c):
        raise ValidationError("请至少指定一个牵头单位或责任单位。")
    _check_own(
        measure, [*lead_units, *responsible_units, *lead_collectives, *responsible_collectives]
    )
    change = UnitsChange(before=describe_units(measure))

    desired: dict[int, tuple[str, int | None]] = {}
    for collectives, role in (
        (responsible_collectives, Assignment.Role.RESPONSIBLE),
        (lead_collectives, Assignment.Role.LEAD),
    ):
        for collective in collectives:
            for unit_id in members_for(collective, measure.plan).values_list("pk", flat=True):
                if role == Assignment.Role.LEAD or unit_id not in desired:
                    desired[unit_id] = (role, collective.pk)
    for unit_id in responsible:
        desired[unit_id] = (Assignment.Role.RESPONSIBLE, None)
    for unit_id in lead:
        desired[unit_id] = (Assignment.Role.LEAD, None)

    current = {
        a.unit_id: a
        for a in Assignment.all_objects.filter(measure=measure)
        .select_related("unit")
        .annotate(n=Count("reports"))
    }
    for unit_id, (role, via_id) in desired.items():
        assignment = current.get(unit_id)
        if assignment is None:
            Assignment.objects.create(measure=measure, unit_id=unit_id, role=role, via_id=via_id)
        elif assignment.ended_at or assignment.role != role or assignment.via_id != via_id:
            assignment.ended_at, assignment.role, assignment.via_id = None, role, via_id
            assignment.save(update_fields=["ended_at", "role", "via"])
    for unit_id, assignment in current.items():
        ends = unit_id not in desired and not assignment.ended_at
        if ends and _end_or_delete(assignment):
            change.ended.append(assignment.unit.name)

    chosen = {c.pk: Assignment.Role.LEAD for c in lead_collectives}
    chosen |= {c.pk: Assignment.Role.RESPONSIBLE for c in responsible_collectives}
    MeasureCollective.objects.filter(measure=measure).exclude(collective_id__in=chosen).delete()
    for collective_id, role in chosen.items():
        MeasureCollective.objects.update_or_create(
            measure=measure, collective_id=collective_id, defaults={"role": role}
        )
    change.after = describe_units(measure)
    return change


def describe_units(measure) -> dict[str, list[str]]:
    """The measure's units and collectives by role, as names (for the audit entry)."""
    described: dict[str, list[str]] = {
        "lead_units": [],
        "responsible_units": [],
        "lead_collectives": [],
        "responsible_collectives": [],
    }
    for assignment in Assignment.objects.filter(measure=measure).select_related("unit"):
        described[f"{assignment.role}_units"].append(assignment.unit.name)
    for link in MeasureCollective.objects.filter(measure=measure).select_related("collective"):
        described[f"{link.role}_collectives"].append(link.collective.phrase)
    return {key: sorted(names) for key, names in described.items()}


def _end_or_delete(assignment) -> bool:
    """Delete an assignment nobody reported on; end one with reports. True if ended."""
    has_reports = getattr(assignment, "n", None)
    if has_reports is None:
        has_reports = assignment.reports.exists()
    if not has_reports:
        assignment.delete()
        return False
    assignment.ended_at = timezone.now()
    assignment.save(update_fields=["ended_at"])
    return True


def _ids(objects) -> set[int]:
    return {obj.pk for obj in objects}


def _check_own(measure, chosen) -> None:
    if any(obj.organisation_id != measure.plan.organisation_id for obj in chosen):
        raise ValidationError("所选单位不属于本组织。")
