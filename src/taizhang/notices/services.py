"""The write path of urging notices (催办通知): what a notice to a unit says by default,
which rung of the escalation ladder it is on, its number, and issuing it (stored with its
.docx and audited).

The ladder runs per unit and measure: a measure the unit was never urged on gets a
reminder (提醒); after a reminder, an urge (催办); after an urge, a circular (通报), which
goes to all units and names the one that is late. A notice covering several measures
takes the highest rung any of them has reached. The office may override the level."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse

from taizhang.audit.log import record
from taizhang.notices import document as notice_document
from taizhang.notices.models import AuditAction, UrgeNotice
from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit
from taizhang.plans.models import Measure
from taizhang.supervision import overdue
from taizhang.units.models import Organisation, Region
from taizhang.workdays import add_working_days

Level = UrgeNotice.Level
LADDER = [Level.REMINDER, Level.URGE, Level.CIRCULAR]
WORKING_DAYS_TO_ANSWER = {Level.REMINDER: 5, Level.URGE: 5, Level.CIRCULAR: 10}
MAX_TASK_TEXT = 40
MAX_PROBLEMS = 2  # per task in the document's table
MAX_PROBLEM_TEXT = 32


@dataclass
class Draft:
    """A notice as the office first sees it, before adjusting the text."""

    unit: object
    plan: object
    today: date
    items: list[dict]
    suggested_level: str
    level: str
    title: str
    body: str
    addressee: str
    previous: list[UrgeNotice] = field(default_factory=list)


# -- names and numbers -----------------------------------------------------------------------


def office_name(organisation: Organisation, county: Region | None = None) -> str:
    """The coordinating office as it signs (落款): 州委依法治州办; a county's office
    (on its own plan's notices): 都匀市委依法治市办."""
    if county is not None:
        return f"{county.name}委{county.office_title.removeprefix(county.name)}"
    return organisation.office_title


def office_short_name(organisation: Organisation, county: Region | None = None) -> str:
    """The office's name in document numbers (依法治州办督〔2026〕1号): without the party
    committee in front (州委依法治州办 -> 依法治州办); a county's keeps the county's name
    (都匀市依法治市办督〔2026〕1号), so that two counties' numbers never read alike."""
    if county is not None:
        return county.office_title
    name = office_name(organisation)
    for lead in ("中共", f"{organisation.prefix}委"):
        if name.startswith(lead) and len(name) > len(lead) + 2:
            name = name[len(lead) :]
    return name


def issuer_mark(organisation: Organisation, county: Region | None = None) -> str:
    """发文机关标志: the office's name followed by 文件."""
    return f"{office_name(organisation, county)}文件"


def addressee(level: str, unit, county: Region | None = None) -> str:
    """主送机关: the unit itself, or every unit for a circular."""
    if level == Level.CIRCULAR:
        if county is not None:
            return f"各乡镇（街道），{county.name[-1]}直各有关单位"
        prefix = unit.organisation.prefix
        return f"各县（市、区）人民政府，{prefix}直各有关单位"
    return unit.name


def issuer_of(plan) -> Region | None:
    """Who issues the notices on ``plan``: a county plan's county office, else the office."""
    return plan.region if plan.region.level == Region.Level.COUNTY else None


def next_number(organisation: Organisation, year: int, county: Region | None = None) -> str:
    """The next 文号 of the issuing office in ``year``; call inside the issuing transaction
    (the organisation row is locked, so two offices clicking at once get two numbers)."""
    short = office_short_name(organisation, county)
    pattern = re.compile(rf"〔{year}〕(\d+)号$")
    numbers = UrgeNotice.objects.filter(
        organisation=organisation, issuer=county, issued_on__year=year
    ).values_list("number", flat=True)
    used = [int(m.group(1)) for m in map(pattern.search, numbers) if m]
    return f"{short}督〔{year}〕{max(used, default=0) + 1}号"


# -- what the unit owes ------------------------------------------------------------------------


def owed_items(unit, plan, today: date) -> list[dict]:
    """The late items of ``unit`` on ``plan``'s measures, as the notice snapshots them."""
    plan_measures = set(Measure.objects.filter(plan=plan).values_list("pk", flat=True))
    late = [i for i in overdue.late_items_for_unit(unit, today) if i.measure_id in plan_measures]
    late.sort(key=lambda i: (-i.days_late, i.measure_number, i.kind))
    return [_snapshot(item) for item in late]


def _snapshot(item) -> dict:
    key_source = f"{item.kind}|{item.measure_id}|{item.due_on}|{item.detail}"
    return {
        "key": hashlib.sha1(key_source.encode("utf-8")).hexdigest()[:12],
        "kind": item.kind,
        "measure_id": item.measure_id,
        "measure_number": item.measure_number,
        "measure_text": item.measure_text,
        "chapter": item.chapter,
        "detail": item.detail,
        "days_late": item.days_late,
        "due_on": item.due_on.isoformat() if item.due_on else None,
    }


def task_label(item: dict) -> str:
    """任务内容 as the notice's table shows it: "任务3：开展……" (shortened)."""
    text = item["measure_text"].strip()
    if len(text) > MAX_TASK_TEXT:
        text = text[:MAX_TASK_TEXT] + "……"
    return f"任务{item['measure_number']}：{text}"


# -- the ladder --------------------------------------------------------------------------------


def earlier_notices(unit, measure_ids) -> list[UrgeNotice]:
    """Notices already sent to ``unit`` citing any of the measures, oldest first."""
    return list(
        UrgeNotice.objects.filter(unit=unit, measures__in=list(measure_ids))
        .distinct()
        .order_by("issued_on", "created_at", "pk")
    )


def suggested_level(unit, measure_ids) -> str:
    """One rung above the highest rung any of the measures has reached for the unit."""
    rung = -1
    for notice in earlier_notices(unit, measure_ids):
        rung = max(rung, LADDER.index(notice.level))
    return LADDER[min(rung + 1, len(LADDER) - 1)]


# -- the default wording -----------------------------------------------------------------------


def default_title(level: str, unit) -> str:
    if level == Level.CIRCULAR:
        return f"关于{unit.name}任务逾期未完成情况的通报"
    if level == Level.URGE:
        return "关于限期完成逾期任务事项的催办通知"
    return "关于及时完成逾期任务事项的提醒通知"


def default_body(level: str, unit, plan, items: list[dict], today: date, previous) -> str:
    """The body the office starts from (one paragraph a line)."""
    answer_by = add_working_days(today, WORKING_DAYS_TO_ANSWER[level])
    when = notice_document.written_date(today)
    by = notice_document.written_date(answer_by)
    count = count_phrase(items)
    plan_title = f"《{plan.title}》"
    earlier = [n for n in previous if n.level in (Level.REMINDER, Level.URGE)]
    history = "、".join(
        f"{notice_document.written_date(n.issued_on)}（{n.number}）" for n in earlier[-2:]
    )
    if level == Level.CIRCULAR:
        return "\n".join(
            [
                f"截至{when}，{unit.name}承担的{plan_title}任务中，有{count}"
                + (f"经我办{history}提醒、催办后" if history else "")
                + "仍逾期未完成（详见下表）。为压实工作责任，现予以通报。",
                f"请{unit.name}认真查找原因，于{by}前完成整改，并将整改情况书面报送我办。"
                "各单位要引以为戒，对照任务分工逐项自查，确保按时保质完成各项任务。",
            ]
        )
    if level == Level.URGE:
        reminded = f"我办已于{history}发出提醒，" if history else ""
        return "\n".join(
            [
                f"{reminded}截至{when}，你单位承担的{plan_title}任务中"
                f"仍有{count}逾期未完成（详见下表）。",
                f"请你单位主要负责同志亲自督促，于{by}前完成报送或整改，"
                "并将落实情况书面报送我办。逾期仍未完成的，我办将予以通报。",
            ]
        )
    return "\n".join(
        [
            f"截至{when}，你单位承担的{plan_title}任务中，有{count}逾期未完成（详见下表）。",
            f"请你单位高度重视，逐项核实原因，于{by}前完成报送或整改，并将落实情况报送我办。",
        ]
    )


def count_phrase(items: list[dict]) -> str:
    """How the body counts the items its table lists: "3项任务的5个事项" (a task can be
    late on several counts), or "3项事项"."""
    tasks = len({i["measure_id"] for i in items})
    return f"{tasks}项任务的{len(items)}个事项" if len(items) > tasks else f"{tasks}项事项"


COUNTED = re.compile(r"\d+项任务的\d+个事项|\d+项事项")


def recount(body: str, drafted: list[dict], chosen: list[dict]) -> str:
    """The body counting what the notice lists: the draft counted every item the unit
    owes; when the office kept fewer, the count drafted becomes the count kept. A count
    the office wrote itself that disagrees with the table is refused: a notice that says
    "32项任务的34个事项" above a table of one would be wrong on its face."""
    wanted = count_phrase(chosen)
    if drafted != chosen:
        body = body.replace(count_phrase(drafted), wanted)
    for found in COUNTED.findall(body):
        if found != wanted:
            raise ValidationError(
                f"正文写的是“{found}”，而通知所列为{wanted}，"
                "请修改正文或点击“按所选级别重新生成文稿”。"
            )
    return body


def draft(unit, plan, today: date, level: str | None = None, item_keys=None) -> Draft:
    """The notice as it would go out today: the items, the rung, the default wording
    (counting the items whose keys are given, or all)."""
    items = owed_items(unit, plan, today)
    counted = _chosen(items, item_keys)
    measure_ids = {i["measure_id"] for i in items}
    previous = earlier_notices(unit, measure_ids)
    suggested = suggested_level(unit, measure_ids)
    chosen = level if level in LADDER else suggested
    return Draft(
        unit=unit,
        plan=plan,
        today=today,
        items=items,
        suggested_level=suggested,
        level=chosen,
        title=default_title(chosen, unit),
        body=default_body(chosen, unit, plan, counted or items, today, previous),
        addressee=addressee(chosen, unit, issuer_of(plan)),
        previous=previous,
    )


# -- issuing -----------------------------------------------------------------------------------


@transaction.atomic
def issue(
    unit, plan, actor, today: date, level: str, title: str, body: str, item_keys=None
) -> UrgeNotice:
    """Issue a notice for the unit's late items (those whose keys are given, or all),
    numbered, with its .docx stored, and audited. All or nothing."""
    if level not in LADDER:
        raise ValidationError("请选择通知级别。")
    title, body = (title or "").strip(), (body or "").strip()
    if not title:
        raise ValidationError("请填写通知标题。")
    if len(title) > UrgeNotice._meta.get_field("title").max_length:
        raise ValidationError("通知标题过长，请精简到200字以内。")
    if not body:
        raise ValidationError("请填写通知正文。")
    owed = owed_items(unit, plan, today)
    items = _chosen(owed, item_keys)
    if not items:
        raise ValidationError(
            "请至少勾选一个逾期事项。" if owed else "该单位目前没有逾期事项，无需发出催办通知。"
        )
    body = recount(body, owed, items)
    organisation = Organisation.objects.select_for_update().get(pk=unit.organisation_id)
    county = issuer_of(plan)
    notice = UrgeNotice.objects.create(
        organisation=organisation,
        unit=unit,
        issuer=county,
        level=level,
        number=next_number(organisation, today.year, county),
        title=title,
        body=body,
        items=items,
        issued_on=today,
        created_by=actor,
    )
    notice.measures.set({i["measure_id"] for i in items})
    notice.document.save(f"notice-{notice.pk}.docx", ContentFile(render(notice)), save=True)
    record(
        actor,
        AuditAction.URGE,
        notice,
        {
            "level": notice.level,
            "number": notice.number,
            "addressee": addressee(level, unit, county),
            "items": len(items),
        },
        organisation=notice.organisation_id,
    )
    _tell(notice)
    return notice


def _chosen(items: list[dict], item_keys) -> list[dict]:
    if item_keys is None:
        return items
    wanted = set(item_keys)
    return [i for i in items if i["key"] in wanted]


def _tell(notice: UrgeNotice) -> None:
    """The unit hears of the notice in its messages (and group chat) the moment it is
    issued."""
    unit = notice.unit
    notify(
        notice.organisation,
        Message(
            Event.NOTICE_ISSUED,
            f"notice_issued:{notice.pk}",
            f"{notice.get_level_display()}：{notice.title}",
            f"{office_name(notice.organisation, notice.issuer)}向{unit.name}发出"
            f"{notice.get_level_display()}（{notice.number}），涉及{len(notice.items)}个逾期事项，请及时办理。",
            reverse("notices:detail", kwargs={"notice_id": notice.pk}),
        ),
        users=for_unit(unit, Duty.FILE),
        units=[unit],
    )


def document_text(notice: UrgeNotice) -> notice_document.NoticeText:
    organisation, county = notice.organisation, notice.issuer
    return notice_document.NoticeText(
        issuer_mark=issuer_mark(organisation, county),
        number=notice.number,
        title=notice.title,
        addressee=addressee(notice.level, notice.unit, county),
        body=notice.body,
        signature=office_name(organisation, county),
        issued_on=notice.issued_on,
        rows=rows_of(notice.items),
    )


def rows_of(items: list[dict]) -> list[notice_document.NoticeRow]:
    """One table row per task: its problems joined, the longest delay (a unit late on
    three quarterly reports of one task reads one line, not three)."""
    grouped: dict[int, list[dict]] = {}
    for item in items:
        grouped.setdefault(item["measure_id"], []).append(item)
    return [
        notice_document.NoticeRow(
            task_label(group[0]),
            _problems([i["detail"] for i in group]),
            max(i["days_late"] for i in group),
        )
        for group in grouped.values()
    ]


def _problems(details: list[str]) -> str:
    """A table cell stays a few lines long: the first problems, shortened, and how many
    more there are (the full list is in the system and the notice's record)."""
    details = list(dict.fromkeys(details))
    shown = [
        d if len(d) <= MAX_PROBLEM_TEXT else d[:MAX_PROBLEM_TEXT] + "……"
        for d in details[:MAX_PROBLEMS]
    ]
    more = f"等{len(details)}项" if len(details) > MAX_PROBLEMS else ""
    return "；".join(shown) + more


def render(notice: UrgeNotice) -> bytes:
    """The .docx of a notice, from what it recorded."""
    return notice_document.build(document_text(notice))
