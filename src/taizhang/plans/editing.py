"""The audited write path for the office's edits of a confirmed plan: its measures (add,
edit, move, set units, archive, restore), a measure's deadline date, and the population of
a region (the denominator of per-capita targets).

Every edit of a measure carries a reason and the version of the measure the form was
drawn from: a stale form is refused, so two people never overwrite each other. Refusals
raise ValidationError with one message in Chinese."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.plans import adhoc, assignments
from taizhang.plans.models import (
    Assignment,
    AuditAction,
    AuditDetail,
    Chapter,
    Measure,
    MeasureSource,
    Plan,
    Section,
)
from taizhang.units.models import Region

MAX_POPULATION = 2_000_000_000
STALE = "该任务已被他人修改，请刷新页面后重新编辑。"
NO_REASON = "请填写修改原因。"
TEXT_FIELDS = ("title", "text", "deadline_text", "deadline", "schedule", "outcome")


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(NO_REASON)
    return reason


def _lock(measure: Measure, version: int | None) -> Measure:
    """The measure's row, locked; refused if the form was drawn from an older version."""
    locked = Measure.objects.select_for_update().select_related("plan").get(pk=measure.pk)
    if version is not None and locked.version != version:
        raise ValidationError(STALE)
    return locked


def _saved(measure: Measure, fields: list[str]) -> None:
    measure.version += 1
    measure.save(update_fields=[*fields, "version"])


def _check_text(plan: Plan, fields: dict) -> None:
    if not (fields.get("text") or "").strip():
        raise ValidationError("任务内容不能为空。")
    deadline = fields.get("deadline")
    if deadline is not None and plan.start_year and deadline.year < plan.start_year:
        raise ValidationError(f"完成时限不能早于方案起始年份（{plan.start_year}年）。")


def _value(value):
    return value.isoformat() if isinstance(value, date) else value


def _place(measure: Measure) -> str:
    parts = [str(measure.chapter) if measure.chapter else "不分章"]
    if measure.section:
        parts.append(str(measure.section))
    return " · ".join(parts) + f"（全方案第{measure.position + 1}位）"


def _check_place(plan: Plan, chapter: Chapter | None, section: Section | None) -> None:
    if chapter is not None and chapter.plan_id != plan.pk:
        raise ValidationError("所选章不属于该方案。")
    if section is not None and (
        section.plan_id != plan.pk or section.chapter_id != getattr(chapter, "pk", None)
    ):
        raise ValidationError("所选节不属于所选章。")


def _place_by_number(measure: Measure) -> None:
    """Put the plan's own measure where its number stands in its chapter
    (``adhoc.place_before``, the numbering rule's one place), or last in its chapter: a
    measure added by hand or restored, numbered after the last in force, closes its
    chapter."""
    _reposition(measure, adhoc.place_before(measure))


def _reposition(measure: Measure, before: Measure | None) -> None:
    """Put the measure before ``before``, or last in its chapter;
    renumber positions. The plan's own measure goes last in its chapter among the plan's
    own (one of no chapter last of them), before the 督办事项 that follow them
    (plans/adhoc.py)."""
    others = list(
        Measure.objects.filter(plan_id=measure.plan_id)
        .exclude(pk=measure.pk)
        .select_related("chapter")
        .order_by("position", "pk")
    )
    if before is not None:
        if before.plan_id != measure.plan_id or before.pk == measure.pk:
            raise ValidationError("所选位置不属于该方案。")
        index = next(i for i, m in enumerate(others) if m.pk == before.pk)
    else:
        items = set(
            MeasureSource.objects.filter(measure__plan_id=measure.plan_id).values_list(
                "measure_id", flat=True
            )
        )
        own = measure.pk not in items
        order = measure.chapter.position if measure.chapter else -1
        if own and measure.chapter is None:
            order = float("inf")
        index = 0
        for i, other in enumerate(others):
            if own and other.pk in items:
                continue
            if (other.chapter.position if other.chapter else -1) <= order:
                index = i + 1
    others.insert(index, measure)
    changed = []
    for position, other in enumerate(others):
        if other.position != position:
            other.position = position
            changed.append(other)
    Measure.objects.bulk_update([m for m in changed if m.pk != measure.pk], ["position"])


@transaction.atomic
def add_measure(
    plan: Plan,
    actor,
    reason: str,
    *,
    chapter=None,
    section=None,
    number=None,
    title="",
    text="",
    deadline_text="",
    deadline=None,
    schedule="",
    outcome="",
    lead_units=(),
    responsible_units=(),
    lead_collectives=(),
    responsible_collectives=(),
) -> Measure:
    """A measure the office adds by hand, with its units: numbered after the last own
    measure in force unless a number is given (not one a measure in force carries), and
    placed in its chapter where its number stands (after 任务12, before 任务13; else last
    of its chapter's own measures, before the 督办事项), the 督办事项 numbered on after it
    (plans/adhoc.py, as a revision numbers them)."""
    reason = _reason(reason)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    fields = {"title": title.strip(), "text": text.strip(), "deadline_text": deadline_text.strip()}
    fields["deadline"] = deadline
    fields |= {"schedule": schedule.strip(), "outcome": outcome.strip()}
    _check_text(plan, fields)
    _check_place(plan, chapter, section)
    if number is None:
        number = adhoc.next_own_number(plan)
    elif adhoc.number_in_use(plan, number):
        raise ValidationError(f"序号{number}已有在用的任务，请改填其他序号或不填。")
    measure = Measure(plan=plan, chapter=chapter, section=section, number=number, position=0)
    for name, value in fields.items():
        setattr(measure, name, value)
    measure.save()
    _place_by_number(measure)
    measure.save(update_fields=["position"])
    moved = adhoc.renumber(plan)
    units = assignments.set_units(
        measure, lead_units, responsible_units, lead_collectives, responsible_collectives
    )
    changes = {name: [None, _value(value)] for name, value in fields.items() if value}
    changes["number"] = [None, number]
    changes["place"] = [None, _place(measure)]
    changes |= {key: [[], names] for key, names in units.after.items() if names}
    if moved:
        changes[AuditDetail.ADHOC_RENUMBERED] = "、".join(moved)
    record(
        actor, AuditAction.ADD_MEASURE, measure, changes, reason, organisation=plan.organisation_id
    )
    return measure


@transaction.atomic
def edit_measure(measure: Measure, actor, version: int | None, reason: str, **fields) -> Measure:
    """Change a measure's title, text, deadline text and date, 工作进度安排 and
    可检验的成果形式."""
    reason = _reason(reason)
    measure = _lock(measure, version)
    unknown = set(fields) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {unknown}")
    fields = {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}
    _check_text(measure.plan, {name: getattr(measure, name) for name in TEXT_FIELDS} | fields)
    changes = {
        name: [_value(getattr(measure, name)), _value(value)]
        for name, value in fields.items()
        if getattr(measure, name) != value
    }
    if not changes:
        raise ValidationError("内容没有变化。")
    for name, value in fields.items():
        setattr(measure, name, value)
    _saved(measure, list(changes))
    record(
        actor,
        AuditAction.EDIT_MEASURE,
        measure,
        changes,
        reason,
        organisation=measure.plan.organisation_id,
    )
    return measure


@transaction.atomic
def move_measure(
    measure: Measure, actor, version: int | None, reason: str, chapter, section, before=None
) -> Measure:
    """Move a measure to another chapter (and section), before a given measure or last
    in the chapter. Its number, units and reports stay."""
    reason = _reason(reason)
    measure = _lock(measure, version)
    _check_place(measure.plan, chapter, section)
    if before is not None:
        before = Measure.objects.filter(pk=before.pk, plan_id=measure.plan_id).first()
        if before is None:
            raise ValidationError("所选位置不属于该方案。")
    if before is not None and before.chapter_id != getattr(chapter, "pk", None):
        raise ValidationError("所选位置不在所选章中。")
    place_before = _place(measure)
    measure.chapter, measure.section = chapter, section
    _reposition(measure, before)
    if _place(measure) == place_before:
        raise ValidationError("位置没有变化。")
    _saved(measure, ["chapter", "section", "position"])
    changes = {"place": [place_before, _place(measure)]}
    record(
        actor,
        AuditAction.MOVE_MEASURE,
        measure,
        changes,
        reason,
        organisation=measure.plan.organisation_id,
    )
    return measure


@transaction.atomic
def set_measure_units(
    measure: Measure,
    actor,
    version: int | None,
    reason: str,
    *,
    lead_units=(),
    responsible_units=(),
    lead_collectives=(),
    responsible_collectives=(),
) -> assignments.UnitsChange:
    """Set who leads and carries a measure (plans/assignments.py keeps the reports)."""
    reason = _reason(reason)
    measure = _lock(measure, version)
    change = assignments.set_units(
        measure, lead_units, responsible_units, lead_collectives, responsible_collectives
    )
    if not change.changed:
        raise ValidationError("分工没有变化。")
    _saved(measure, [])
    changes = {
        key: [change.before[key], change.after[key]]
        for key in change.after
        if change.before[key] != change.after[key]
    }
    if change.ended:
        changes["ended_with_reports"] = "、".join(change.ended)
    record(
        actor,
        AuditAction.SET_UNITS,
        measure,
        changes,
        reason,
        organisation=measure.plan.organisation_id,
    )
    return change


@transaction.atomic
def archive_measure(measure: Measure, actor, version: int | None, reason: str) -> Measure:
    """Take a measure out of every list: it owes nothing from now on; its reports stay."""
    return _set_archived(measure, actor, version, reason, True)


@transaction.atomic
def restore_measure(measure: Measure, actor, version: int | None, reason: str) -> Measure:
    return _set_archived(measure, actor, version, reason, False)


def _set_archived(measure, actor, version, reason, archived: bool) -> Measure:
    """Archiving keeps the measure's number; restoring gives it back unless a measure in
    force took it meanwhile (then it is numbered after the last in force, as a measure
    added by hand), and places it in its chapter where its number stands (a restored 任务13
    between 任务12 and 任务14; one renumbered 83 last of its chapter). Either way the
    督办事项 are numbered on after the last own measure in force (plans/adhoc.py), their
    units told of a new number."""
    reason = _reason(reason)
    # the plan first, as adhoc.add_item locks it: the numbers of its measures change together
    list(Plan.all_objects.select_for_update().filter(pk=measure.plan_id).values_list("pk"))
    measure = _lock(measure, version)
    if measure.withdrawn == archived:
        raise ValidationError("该任务已归档。" if archived else "该任务未归档。")
    changes = {"withdrawn": [not archived, archived]}
    own = not MeasureSource.objects.filter(measure=measure).exists()
    if not archived and own and adhoc.number_in_use(measure.plan, measure.number, measure):
        changes["number"] = [measure.number, adhoc.next_own_number(measure.plan)]
        measure.number = changes["number"][1]
    if not archived and own:
        _place_by_number(measure)
    measure.withdrawn = archived
    _saved(measure, ["withdrawn", "number", "position"])
    moved = adhoc.renumber(measure.plan)
    if moved:
        changes[AuditDetail.ADHOC_RENUMBERED] = "、".join(moved)
    action = AuditAction.ARCHIVE_MEASURE if archived else AuditAction.RESTORE_MEASURE
    record(actor, action, measure, changes, reason, organisation=measure.plan.organisation_id)
    return measure


@transaction.atomic
def set_measure_deadline(measure: Measure, actor, deadline: date | None, reason: str = ""):
    """Set (or clear, with None) the date a measure is due."""
    measure = Measure.objects.select_for_update().get(pk=measure.pk)
    plan = measure.plan
    if deadline is not None and plan.start_year and deadline.year < plan.start_year:
        raise ValidationError(f"完成时限不能早于方案起始年份（{plan.start_year}年）。")
    if measure.deadline == deadline:
        return measure
    before = measure.deadline.isoformat() if measure.deadline else None
    measure.deadline = deadline
    _saved(measure, ["deadline"])
    after = deadline.isoformat() if deadline else None
    changes = {"deadline": [before, after]}
    record(actor, AuditAction.UPDATE, measure, changes, reason, organisation=plan.organisation_id)
    return measure


@transaction.atomic
def set_populations(organisation, actor, populations: dict[int, int | None]) -> int:
    """Region id -> resident population (None clears it), for the organisation's regions
    only. Returns how many regions changed."""
    regions = {
        region.pk: region
        for region in Region.objects.select_for_update().filter(
            organisation=organisation, pk__in=list(populations)
        )
    }
    unknown = set(populations) - set(regions)
    if unknown:
        raise ValidationError("所选行政区域不存在。")
    changed = 0
    for pk, value in populations.items():
        if value is not None and not 0 < value <= MAX_POPULATION:
            raise ValidationError(f"{regions[pk].name}的常住人口应为正整数。")
        region = regions[pk]
        if region.population == value:
            continue
        changes = {"population": [region.population, value]}
        record(actor, AuditAction.UPDATE, region, changes, organisation=organisation)
        region.population = value
        region.save(update_fields=["population"])
        changed += 1
    return changed


# -- undoing a plan: archive, restore, delete -----------------------------------------------


def reported_on(plan: Plan) -> int:
    """How many assignments of the plan have a report (of any state)."""
    return (
        Assignment.all_objects.filter(measure__plan=plan, reports__isnull=False).distinct().count()
    )


@transaction.atomic
def archive_plan(plan: Plan, actor, reason: str) -> Plan:
    """Hide a plan from every list and page; its measures and reports stay, restorable."""
    return _set_plan_archived(plan, actor, reason, archived=True)


@transaction.atomic
def restore_plan(plan: Plan, actor, reason: str) -> Plan:
    return _set_plan_archived(plan, actor, reason, archived=False)


def _set_plan_archived(plan: Plan, actor, reason: str, archived: bool) -> Plan:
    reason = _reason(reason)
    plan = Plan.all_objects.select_for_update().get(pk=plan.pk)
    if bool(plan.archived_at) == archived:
        raise ValidationError("该方案已归档。" if archived else "该方案未归档。")
    before = plan.archived_at
    plan.archived_at = timezone.now() if archived else None
    plan.save(update_fields=["archived_at"])
    moments = [
        f"{timezone.localtime(t):%Y-%m-%d %H:%M}" if t else None for t in (before, plan.archived_at)
    ]
    action = AuditAction.ARCHIVE_PLAN if archived else AuditAction.RESTORE_PLAN
    organisation = plan.organisation_id
    record(actor, action, plan, {"archived_at": moments}, reason, organisation=organisation)
    return plan


def cannot_delete(reported: int) -> str:
    return f"该方案已有{reported}项分工填写过进展报告（含草稿），不能删除；如不再使用，请归档。"


@transaction.atomic
def delete_plan(plan: Plan, actor, reason: str) -> None:
    """Delete a plan nobody has reported on (a mistaken import); otherwise refused."""
    reason = _reason(reason)
    plan = Plan.all_objects.select_for_update().get(pk=plan.pk)
    reported = reported_on(plan)
    if reported:
        raise ValidationError(cannot_delete(reported))
    changes = {"measures": Measure.all_objects.filter(plan=plan).count()}
    record(actor, AuditAction.DELETE_PLAN, plan, changes, reason, organisation=plan.organisation_id)
    try:
        with transaction.atomic():
            plan.delete()
    except (ProtectedError, RestrictedError) as error:
        raise ValidationError("该方案已被督办、考核或其他记录引用，不能删除；请归档。") from error
