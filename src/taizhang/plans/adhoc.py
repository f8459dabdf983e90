"""The write path of ad-hoc 督办事项: a leader's instruction (领导批示) or a meeting's
decision (会议议定事项) the office adds to one of its plans.

Each is a Measure of that plan, numbered after the plan's own, with its lead and
responsible units and its deadline, and a MeasureSource saying where it came from. Being a
measure, it is reported on in the plan's periods, urged on the supervision board and
scored by the assessment like every other; its reports are owed from the first period due
on or after the day it was added (reporting.status.ADHOC_RULE), so adding one in November
does not make the third quarter overdue at once. The units are told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse

from taizhang.audit.log import record
from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event
from taizhang.notifications.models import Notification
from taizhang.notifications.recipients import Duty, for_unit
from taizhang.plans.models import Assignment, AuditAction, Measure, MeasureSource, Plan
from taizhang.units.models import Unit

MAX_TEXT = 2000
# the key of the message telling a unit an item's new number (_tell_renumbered)
RENUMBERED = "adhoc_renumbered"
MAX_TITLE = 200


@dataclass
class Item:
    """What the office enters for one 督办事项."""

    kind: str
    title: str  # 来源文件或文号: 州委书记批示（2026年11月3日）, 州委常委会会议纪要〔2026〕12号
    issued_on: date
    text: str  # the instruction as the task units carry out
    lead: list  # units
    responsible: list  # units
    deadline: date | None


@transaction.atomic
def add_item(plan: Plan, actor, item: Item, today: date) -> Measure:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if not actor.has_perm("plans.add_adhoc", plan):
        raise PermissionDenied("只有依法治理办可以新增督办事项。")
    _check(plan, item)
    last = Measure.all_objects.filter(plan=plan).aggregate(p=Max("position"))
    deadline_text = (
        f"{item.deadline.year}年{item.deadline.month}月{item.deadline.day}日前"
        if item.deadline
        else ""
    )
    measure = Measure.objects.create(
        plan=plan,
        number=next_number(plan),
        position=(last["p"] or 0) + 1,
        text=item.text.strip(),
        attribution_raw=_attribution(item),
        deadline_text=deadline_text,
        deadline=item.deadline,
    )
    Assignment.objects.bulk_create(
        [Assignment(measure=measure, unit=u, role=Assignment.Role.LEAD) for u in item.lead]
        + [
            Assignment(measure=measure, unit=u, role=Assignment.Role.RESPONSIBLE)
            for u in item.responsible
            if u not in item.lead
        ]
    )
    source = MeasureSource.objects.create(
        measure=measure,
        kind=item.kind,
        title=item.title.strip(),
        issued_on=item.issued_on,
        added_on=today,
        created_by=actor,
    )
    record(
        actor,
        AuditAction.ADD_ADHOC,
        measure,
        {
            "number": measure.number,
            "text": measure.text,
            "attribution_raw": measure.attribution_raw,
            "deadline": item.deadline.isoformat() if item.deadline else None,
        },
        str(source),
        organisation=plan.organisation_id,
    )
    _tell(plan, measure, source, [*item.lead, *item.responsible])
    return measure


# The one rule of a plan's numbers, asked by every write path that changes which measures
# are in force (adding an item here; adding, archiving and restoring a measure in
# plans/editing.py; a revision in plans/importing.py): the plan's own measures in force keep
# their numbers, a measure the office adds by hand is numbered after the last of them, and
# the 督办事项 in force follow, numbered on after the last own measure in force in the order
# they were added, without a gap (an office numbers the items it supervises, not the ones it
# withdrew: the middle of 任务83, 84, 85 withdrawn, the third is 任务84). A withdrawn item
# keeps the number it had when withdrawn, for the record, and is listed as 原任务84（已撤回）
# (Measure.label). A restored measure whose number a measure in force took meanwhile
# is numbered after the last one in force.


def last_in_force(plan: Plan) -> int:
    """The number of the plan's last own measure in force: the 督办事项 are numbered on after
    it, never after the measures a revision dropped (80 in force, three dropped: the next
    item is 第81项, not 第84项)."""
    return _own_in_force(plan).aggregate(n=Max("number"))["n"] or 0


def next_number(plan: Plan) -> int:
    """A new 督办事项's number: after the last measure in force and the items in force
    numbered after it, as ``renumber`` numbers them (a withdrawn item's kept number is not
    counted: 任务83, 84 in force and 85 withdrawn, the next is 任务85)."""
    items = Measure.all_objects.filter(plan=plan, source__isnull=False, withdrawn=False)
    return max(last_in_force(plan), items.aggregate(n=Max("number"))["n"] or 0) + 1


def next_own_number(plan: Plan) -> int:
    """A measure the office adds by hand (or restores when its number was taken): after the
    plan's last own measure in force, before the 督办事项 (``renumber`` moves them on)."""
    return last_in_force(plan) + 1


def number_in_use(plan: Plan, number: int, exclude=None) -> bool:
    """Whether one of the plan's own measures in force carries the number."""
    return (
        _own_in_force(plan).filter(number=number).exclude(pk=getattr(exclude, "pk", None)).exists()
    )


def _own_in_force(plan: Plan):
    """The plan's own measures (no 督办事项) in force, whose numbers the rule keeps."""
    return Measure.all_objects.filter(plan=plan, source__isnull=True, withdrawn=False)


def renumber(plan: Plan, own_count: int | None = None) -> list[str]:
    """The office's 督办事项 stay after the plan's own measures, in their order, and those
    in force are numbered on after the plan's last measure in force without a gap, as
    ``add_item`` numbers a new one: a revision or a measure added by hand never leaves two
    第83项 in the ledger, its exports or the to-dos (which all print the measure's number),
    nor one that drops or archives measures, or withdraws an item, a gap among them. A
    withdrawn item keeps its number. ``own_count``, when given, also places them after the
    plan's own measures (a revision's). The units of an item in force whose number changed
    are told its new one (``_tell_renumbered``): the 交办 message they keep names the old.
    Returns what changed, as the audit entry says it: 任务81→82."""
    number = last_in_force(plan)
    items = (
        Measure.all_objects.filter(plan=plan, source__isnull=False)
        .select_related("source")
        .order_by("position", "pk")
    )
    moved, told = [], []
    for offset, measure in enumerate(items):
        position = measure.position if own_count is None else own_count + offset
        if not measure.withdrawn:
            number += 1
        place = (position, measure.number if measure.withdrawn else number)
        if (measure.position, measure.number) != place:
            if measure.number != place[1]:
                moved.append(f"任务{measure.number}→{place[1]}")
                told.append((measure, measure.number, place[1]))
            measure.position, measure.number = place
            measure.save(update_fields=["position", "number"])
    _tell_renumbered(plan, told)
    return moved


def place_before(measure: Measure) -> Measure | None:
    """Where the plan's own measure stands by its number (a measure added by hand, one
    restored): before the own measure in force of its chapter numbered next after it;
    None when there is none (it then goes last among its chapter's own measures, before
    the 督办事项). A restored 任务13 stands between 任务12 and 任务14 again; one numbered 83
    in chapter 二 closes chapter 二 rather than standing after chapter 七, where the
    ledger, which reads by position, would print 二's heading a second time."""
    later = (
        _own_in_force(measure.plan)
        .exclude(pk=measure.pk)
        .filter(chapter_id=measure.chapter_id, number__gt=measure.number)
    )
    return later.order_by("number", "position", "pk").first()


def _check(plan: Plan, item: Item) -> None:
    if item.kind not in MeasureSource.Kind.values:
        raise ValidationError("请选择来源类型（领导批示或会议议定事项）。")
    if not (item.title or "").strip():
        raise ValidationError("请填写来源文件或文号。")
    if len(item.title.strip()) > MAX_TITLE:
        raise ValidationError(f"来源文件或文号请精简到{MAX_TITLE}字以内。")
    if not (item.text or "").strip():
        raise ValidationError("请填写批示或议定事项内容。")
    if len(item.text.strip()) > MAX_TEXT:
        raise ValidationError(f"批示或议定事项内容请精简到{MAX_TEXT}字以内。")
    if not item.lead:
        raise ValidationError("请至少选择一个牵头单位。")
    units = [*item.lead, *item.responsible]
    ours = set(
        Unit.objects.filter(
            pk__in=[u.pk for u in units], organisation_id=plan.organisation_id
        ).values_list("pk", flat=True)
    )
    if any(u.pk not in ours for u in units):
        raise ValidationError("所选单位不属于本地区。")
    if item.deadline is not None and item.deadline < item.issued_on:
        raise ValidationError("完成时限不能早于批示或会议日期。")


def _attribution(item: Item) -> str:
    """原文分工 as the ledger prints it: 牵头单位：……；责任单位：……"""
    text = "牵头单位：" + "、".join(u.name for u in item.lead)
    others = [u.name for u in item.responsible if u not in item.lead]
    return text + ("；责任单位：" + "、".join(others) if others else "")


def _tell(plan: Plan, measure: Measure, source: MeasureSource, units) -> None:
    link = reverse("ledger:measure", kwargs={"plan_id": plan.pk, "measure_id": measure.pk})
    deadline = f"，完成时限{measure.deadline_text}" if measure.deadline_text else ""
    for unit in dict.fromkeys(units):
        notify(
            plan.organisation,
            Message(
                Event.ADHOC_ASSIGNED,
                f"adhoc_assigned:{measure.pk}:{unit.pk}",
                f"督办事项交办：{source.title}",
                f"依法治理办将{source.get_kind_display()}（{source.title}）列为督办事项"
                f"（任务{measure.number}）交{unit.name}办理{deadline}，"
                "请按期报送进展情况。",
                link,
            ),
            users=for_unit(unit, Duty.FILE),
            units=[unit],
        )


def _tell_renumbered(plan: Plan, moved: list[tuple[Measure, int, int]]) -> None:
    """Tell each unit of a 督办事项 in force whose number changed (old, new) its new number,
    one message per unit and change. Its key counts the item's changes (and names the new
    number), so an item moved back and forth (任务5→4, 4→5, 5→4: a measure archived,
    restored, archived again) is told each time, and the same change never twice. Told
    inside the caller's transaction, as every write path tells: a rollback tells nothing
    and the other channels are sent once it commits (notifications.api)."""
    if not moved:
        return
    told = Q()
    for measure, _, _ in moved:
        told |= Q(key__startswith=f"{RENUMBERED}:{measure.pk}:")
    changes: dict[int, int] = {}
    for key in Notification.objects.filter(told, organisation_id=plan.organisation_id).values_list(
        "key", flat=True
    ):
        _, measure_id, change = key.split(":")[:3]
        changes[int(measure_id)] = max(changes.get(int(measure_id), 0), int(change))
    assignments = (
        Assignment.objects.filter(measure__in=[m for m, _, _ in moved], not_concerned=False)
        .select_related("unit")
        .order_by("measure_id", "role", "pk")
    )
    units: dict[int, list] = {}
    for assignment in assignments:
        units.setdefault(assignment.measure_id, []).append(assignment.unit)
    for measure, old, new in moved:
        change = changes.get(measure.pk, 0) + 1
        link = reverse("ledger:measure", kwargs={"plan_id": plan.pk, "measure_id": measure.pk})
        source = measure.source
        for unit in dict.fromkeys(units.get(measure.pk, [])):
            notify(
                plan.organisation,
                Message(
                    Event.ADHOC_RENUMBERED,
                    f"{RENUMBERED}:{measure.pk}:{change}:{new}:{unit.pk}",
                    f"督办事项编号调整：原任务{old}现为任务{new}",
                    f"《{plan.title}》的任务有调整，{source.get_kind_display()}（{source.title}）"
                    f"交{unit.name}办理的督办事项（原任务{old}）现为任务{new}，"
                    f"报送进展时请按新编号（任务{new}）查找和填报；事项内容、分工和完成时限不变。",
                    link,
                ),
                users=for_unit(unit, Duty.FILE),
                units=[unit],
            )
