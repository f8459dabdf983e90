"""The closed loop of the demo's year (demo/loop.toml), told through the write paths on
the days it happened, in three acts placed in the story where they belong:

- ``add_items``, before the quarter's reports: the 督办事项 the office added in summer
  (plans.adhoc), so the third quarter's reports are owed and filed on them;
- ``extend``, after the reports and before the reminders: a unit's 延期申请 approved
  before the due date, its report then filed after the quarter's due date and before the
  approved one (on time); a measure closed (销号) once every unit had reported on it;
- ``follow_through``, after the office's reminder: the urging notices and what became of
  them (签收, 反馈, 办结, 退回), 办结申请 and 销号, 不涉及, and the applications still
  waiting for the office.

Which assignment or measure each step concerns is chosen by rule from what the story has
filed so far (a report never filed, a unit carried in by a collective, a measure its lead
unit reported done), in a fixed order, so every load tells the same story."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.demo import clock
from taizhang.notices import handling
from taizhang.notices import services as notices
from taizhang.notices.models import UrgeNotice
from taizhang.plans import adhoc, exemptions
from taizhang.plans.models import Assignment, Measure
from taizhang.reporting import closing, extensions, services
from taizhang.reporting.models import Period, ProgressReport
from taizhang.units.models import Unit
from taizhang.workdays import is_working_day

# A one-page PDF: the 情况说明 attached to the approved 延期申请.
EVIDENCE = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def add_items(plan, story: dict, office) -> list[Measure]:
    """督办事项 (领导批示, 会议议定事项), each added by the office on its day."""
    added = []
    for spec in story.get("items", []):
        day = date.fromisoformat(spec["added_on"])
        if day >= clock.today():
            continue
        item = adhoc.Item(
            kind=spec["kind"],
            title=spec["title"],
            issued_on=date.fromisoformat(spec["issued_on"]),
            text=spec["text"],
            lead=_units(plan, spec["lead"]),
            responsible=_units(plan, spec.get("responsible", [])),
            deadline=date.fromisoformat(spec["deadline"]) if spec.get("deadline") else None,
        )
        with clock.on(clock.moment(day, 10)):
            added.append(adhoc.add_item(plan, office, item, day))
    return added


def extend(plan, story: dict, cast, words: dict) -> None:
    """October and early November: the approved 延期申请 and the first 销号."""
    _extension(plan, story, cast, words)
    if "closures" in story:
        _close(plan, story["closures"], cast, words)


def _extension(plan, story: dict, cast, words: dict) -> None:
    """The approved 延期申请: asked before the quarter's due date, approved the next day,
    the report filed after the quarter's due date and before the approved one."""
    spec = story.get("extensions", {}).get("approved")
    if not spec or date.fromisoformat(spec["filed"]) >= clock.today():
        return
    unit = _unit(plan, spec["unit"])
    period = _period_due_before(plan, date.fromisoformat(spec["to"]))
    assignment = _unfiled(unit, plan, period)
    if assignment is None:
        return
    person = cast.filer(unit.pk)
    evidence = SimpleUploadedFile("系统迁移情况说明.pdf", EVIDENCE, "application/pdf")
    with clock.on(clock.moment(date.fromisoformat(spec["on"]), 11)):
        extension = extensions.request(
            assignment,
            period,
            person,
            date.fromisoformat(spec["to"]),
            "本单位业务数据正在由旧台账系统迁移，第三季度数据需核对后方能汇总，申请延期报送。",
            evidence,
        )
    with clock.on(clock.moment(date.fromisoformat(spec["decided"]), 15)):
        extensions.decide(extension, cast.office, approve=True, comment="同意，请按新期限报送。")
    data = {"status": "in_progress", "narrative": words["in_progress"][0]}
    _file(assignment, period, person, data, date.fromisoformat(spec["filed"]))


def follow_through(plan, story: dict, cast, words: dict) -> None:
    """From the office's reminder on: notices handled, a 办结申请, 不涉及, a 延期申请."""
    today = clock.today()
    for spec in story.get("notices", []):
        _notice(plan, spec, cast, today)
    if "closures" in story:
        _apply(plan, story["closures"], cast, words, today)
    if "exemptions" in story:
        _exemptions(plan, story["exemptions"], cast, today)
    pending = story.get("extensions", {}).get("pending")
    if pending:
        _pending_extension(plan, pending, cast, today)


# -- urging notices ----------------------------------------------------------------------------

ANSWER = (
    "收到通知后，本单位已召开专题会议研究部署，对通知所列逾期事项逐项明确责任人和完成时限，"
    "逾期未报的进展报告已于近日补报，今后将按期报送。"
)
SENT_BACK = "反馈未说明逾期事项的具体整改措施和补报时间，请补充后重新反馈。"


def _notice(plan, spec: dict, cast, today: date) -> None:
    """Issue the notice (or take the reminder already sent that day) and carry it as far
    as ``outcome``: signed, answered, closed, returned."""
    day = date.fromisoformat(spec["on"])
    unit = _unit(plan, spec["unit"])
    person = cast.by_unit.get(unit.pk)
    if person is None or day >= today:
        return
    notice = UrgeNotice.objects.filter(unit=unit, issued_on=day).first()
    if notice is None:
        draft = notices.draft(unit, plan, day)
        if not draft.items:
            return
        with clock.on(clock.moment(day, 10)):
            notice = notices.issue(
                unit, plan, cast.office, day, draft.level, draft.title, draft.body
            )
    steps = {
        "signed": ("sign",),
        "answered": ("sign", "answer"),
        "closed": ("sign", "answer", "close"),
        "returned": ("sign", "answer", "send_back"),
    }[spec["outcome"]]
    when = day
    for step in steps:
        when = _next_working_day(when)
        if when >= today:
            return
        with clock.on(clock.moment(when, 10 if step in ("sign", "answer") else 16)):
            if step == "sign":
                handling.sign(notice, person)
            elif step == "answer":
                handling.answer(notice, person, ANSWER)
            elif step == "close":
                handling.close(notice, cast.office, "整改到位，予以办结。")
            else:
                handling.send_back(notice, cast.office, SENT_BACK)


# -- 办结 and 销号 -----------------------------------------------------------------------------


def _closable(plan, spec: dict) -> list[Measure]:
    """The measures the lead unit reported done (its report accepted), in the plan's
    order: the ones it applies to close."""
    return list(
        Measure.objects.filter(
            plan=plan,
            source__isnull=True,
            assignments__unit=_unit(plan, spec["unit"]),
            assignments__role=Assignment.Role.LEAD,
            assignments__reports__state=ProgressReport.State.ACCEPTED,
            assignments__reports__status=ProgressReport.Status.DONE,
        )
        .distinct()
        .order_by("position")[:2]
    )


def _close(plan, spec: dict, cast, words: dict) -> None:
    """The first: the units still missing a report file it, the lead unit applies, the
    office confirms (销号)."""
    applied_on, confirmed_on = (date.fromisoformat(d) for d in spec["confirmed"])
    person = cast.by_unit.get(_unit(plan, spec["unit"]).pk)
    done = _closable(plan, spec)
    if person is None or not done or confirmed_on >= clock.today():
        return
    _catch_up(done[0], applied_on, cast, words)
    with clock.on(clock.moment(applied_on, 10)):
        closure = closing.apply(done[0], person, CLOSURE_SUMMARY)
    with clock.on(clock.moment(confirmed_on, 15)):
        closing.confirm(closure, cast.office, "经核实，任务已完成，予以销号。")


def _apply(plan, spec: dict, cast, words: dict, today: date) -> None:
    """The second: the same, the application still waiting for the office."""
    applied_on = date.fromisoformat(spec["pending"])
    person = cast.by_unit.get(_unit(plan, spec["unit"]).pk)
    done = _closable(plan, spec)
    if person is None or len(done) < 2 or applied_on >= today:
        return
    _catch_up(done[1], applied_on, cast, words)
    with clock.on(clock.moment(applied_on, 10)):
        closing.apply(done[1], person, CLOSURE_SUMMARY)


CLOSURE_SUMMARY = "本项任务各项工作已按方案要求全部完成，相关制度已印发实施，工作转入常态化开展。"


def _catch_up(measure, before: date, cast, words: dict) -> None:
    """Before the lead unit applies to close a measure, the units that never sent a
    report due by then send it (late): nobody owes a report on a closed measure."""
    day = before - timedelta(days=3)
    while not is_working_day(day):
        day -= timedelta(days=1)
    data = {"status": "done", "narrative": words["done"][0]}
    for period in Period.objects.filter(plan_id=measure.plan_id, due_on__lt=day):
        filed = ProgressReport.objects.filter(period=period, first_submitted_at__isnull=False)
        owing = Assignment.objects.owing().filter(measure=measure)
        for assignment in owing.exclude(pk__in=filed.values("assignment_id")):
            _file(assignment, period, cast.filer(assignment.unit_id), data, day)


def _file(assignment, period, person, data: dict, day: date) -> None:
    """The unit's report for ``period``, written and sent on ``day``."""
    with clock.on(clock.moment(day, 11)):
        report = services.start_report(assignment, period)
        services.file_report(assignment, period, person, data, report.version, submit_after=True)


# -- 不涉及 and 延期 ----------------------------------------------------------------------------


def _exemptions(plan, spec: dict, cast, today: date) -> None:
    """不涉及: one approved, one waiting for the office."""
    approved = spec.get("approved")
    if approved and date.fromisoformat(approved["decided"]) < today:
        exemption = _ask_exemption(plan, approved, cast)
        if exemption is not None:
            with clock.on(clock.moment(date.fromisoformat(approved["decided"]), 15)):
                exemptions.decide(exemption, cast.office, approve=True, comment="同意。")
    pending = spec.get("pending")
    if pending and date.fromisoformat(pending["on"]) < today:
        _ask_exemption(plan, pending, cast)


def _ask_exemption(plan, spec: dict, cast):
    unit = _unit(plan, spec["unit"])
    assignment = _collective_assignment(unit, plan)
    if assignment is None:
        return None
    reason = "本县无该项任务所涉及的机构和工作对象，任务不涉及本单位。"
    with clock.on(clock.moment(date.fromisoformat(spec["on"]), 10)):
        return exemptions.request(assignment, cast.filer(unit.pk), reason)


def _pending_extension(plan, spec: dict, cast, today: date) -> None:
    """A 延期申请 for the coming quarter's report, waiting for the office."""
    day = date.fromisoformat(spec["on"])
    if day >= today:
        return
    unit = _unit(plan, spec["unit"])
    period = _period_due_before(plan, date.fromisoformat(spec["to"]))
    assignment = _unfiled(unit, plan, period)
    if assignment is None or period.due_on <= day:
        return
    with clock.on(clock.moment(day, 11)):
        extensions.request(
            assignment,
            period,
            cast.filer(unit.pk),
            date.fromisoformat(spec["to"]),
            "该项工作年终统计数据须待主管部门年度通报后方能汇总，申请延期报送第四季度进展。",
        )


# -- choosing by rule -----------------------------------------------------------------------------


def _units(plan, names: list[str]) -> list[Unit]:
    return [_unit(plan, name) for name in names]


def _unit(plan, name: str) -> Unit:
    return Unit.objects.get(organisation_id=plan.organisation_id, name=name)


def _period_due_before(plan, day: date) -> Period:
    """The latest period of the plan due before ``day``: the one a 延期 to ``day`` moves."""
    return Period.objects.filter(plan=plan, due_on__lt=day).order_by("-due_on").first()


def _unfiled(unit, plan, period) -> Assignment | None:
    """The unit's first assignment (by the plan's order) whose report for ``period`` was
    never sent, without an application pending; None when it filed everything."""
    sent = ProgressReport.objects.filter(period=period, first_submitted_at__isnull=False)
    return (
        Assignment.objects.owing()
        .filter(unit=unit, measure__plan=plan, measure__source__isnull=True)
        .exclude(pk__in=sent.values("assignment_id"))
        .exclude(extensions__state="pending")
        .order_by("measure__position")
        .first()
    )


def _collective_assignment(unit, plan) -> Assignment | None:
    """The unit's first assignment carried in by a collective (各县(市)), with nothing
    asked about it yet, whose report it never sent (else any): the one it says does not
    concern it."""
    carried = (
        Assignment.objects.owing()
        .filter(unit=unit, measure__plan=plan, via__isnull=False, exemptions__isnull=True)
        .exclude(extensions__isnull=False)
        .order_by("measure__position")
    )
    sent = ProgressReport.objects.filter(first_submitted_at__isnull=False)
    return carried.exclude(pk__in=sent.values("assignment_id")).first() or carried.first()


def _next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day
