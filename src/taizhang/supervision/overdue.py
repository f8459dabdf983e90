"""What is late: the items the supervision board lists and urging notices cite.

Four kinds, each gathered in a fixed number of queries whatever the size of the plans:
- report_overdue: a report missing by reporting's one rule (reporting.status.
  missing_reports, MISSING_RULE: never filed, its due date — or the later one the office
  approved — passed; a closed measure still owes the periods due before its closure);
  late since that date;
- report_returned: a report sent back and not resubmitted; late since the return;
- target_off_track: a measure's target off its trajectory, owed by the measure's lead
  unit; late since it turned off track (or since the deadline passed);
- duty_missed: a recurring duty a unit fulfilled fewer times than owed in a year that
  has ended; late since 1 January of the next year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import F, OuterRef, Subquery

from taizhang.plans.grouping import ADHOC_GROUP, ADHOC_LABEL, group_expression, group_key
from taizhang.plans.models import Assignment, Measure, Plan, RecurringDuty, Target
from taizhang.reporting import status
from taizhang.reporting.models import ProgressReport, Review
from taizhang.supervision.duties import done_counts, duty_years
from taizhang.supervision.progress import Status, progress_of_targets


@dataclass(frozen=True)
class LateItem:
    """One thing a unit owes: an overdue report, a returned report not resubmitted, a
    target off track, a recurring duty missed."""

    kind: str  # "report_overdue" | "report_returned" | "target_off_track" | "duty_missed"
    unit_id: int
    unit_name: str
    region_id: int  # the unit's region (its county for county-level units)
    measure_id: int
    measure_number: int
    measure_text: str
    chapter: str  # "二、增强全社会法治观念" or ""
    days_late: int
    detail: str  # one line in Chinese: "2026年第三季度进展报告逾期未报送"
    due_on: date | None = None  # the date it is late since: days_late counts from it
    # The group it stands in by chapter (plans.grouping): its chapter's label, 督办事项 for a
    # 督办事项 without a chapter, else "".
    group: str = ""
    # What was done about it (supervision/followups.py), filled in by the board.
    follow_up: object = field(default=None, compare=False)


KINDS = {
    "report_overdue": "逾期未报送",
    "report_returned": "退回未重报",
    "target_off_track": "目标进度滞后",
    "duty_missed": "经常性任务未完成",
}


def late_items(
    organisation, today: date, plan=None, overdue: bool = True, unit=None
) -> list[LateItem]:
    """Everything late in the organisation (optionally one plan, or what one ``unit``
    owes) as of ``today``, the longest overdue first. ``overdue=False``: all but the
    missing reports, which the board counts and pages in SQL (overdue_rows)."""

    plans = Plan.objects.filter(organisation=organisation)
    if plan is not None:
        plans = plans.filter(pk=plan.pk)
    plans = list(plans)
    if not plans:
        return []
    measures = _measures(plans)
    items = [
        *(_overdue_reports(plans, measures, today, unit) if overdue else []),
        *_returned_reports(plans, measures, today, unit),
        *_targets_off_track(plans, measures, today),
        *_missed_duties(plans, measures, today, unit),
    ]
    if unit is not None:
        items = [item for item in items if item.unit_id == unit.pk]
    items.sort(key=lambda item: (-item.days_late, item.measure_number, item.unit_name))
    return items


def late_items_for_unit(unit, today: date) -> list[LateItem]:
    """What one unit owes as of ``today`` (the content of its urging notice): the
    organisation's late items of that unit, its reports and duties asked about alone."""
    return late_items(unit.organisation, today, unit=unit)


# -- the pieces -------------------------------------------------------------------------


def _measures(plans) -> dict[int, object]:

    # A closed measure (销号) asks nothing more: reporting.status.CLOSED_RULE.
    live = status.still_asked(Measure.objects.filter(plan__in=plans, withdrawn=False))
    return {
        m.pk: m
        # the day a 督办事项 was added (ADHOC_RULE), None for the plan's own measures
        for m in live.select_related("chapter")
        .annotate(asked_from=F("source__added_on"))
        .only("id", "number", "text", "title", "plan_id", "chapter__number", "chapter__title")
    }


def _item(kind, assignment_unit, measure, today, detail, due_on) -> LateItem:
    """One late item; its days late count from ``due_on``, the date shown beside them
    (the two never disagree)."""
    unit_id, unit_name, region_id = assignment_unit
    days = (today - due_on).days
    chapter = f"{measure.chapter.number}、{measure.chapter.title}" if measure.chapter else ""
    # asked_from: the day a 督办事项 was added, None for a measure without a source
    key = group_key(measure.chapter_id, getattr(measure, "asked_from", None) is not None)
    return LateItem(
        kind=kind,
        unit_id=unit_id,
        unit_name=unit_name,
        region_id=region_id,
        measure_id=measure.pk,
        measure_number=measure.number,
        measure_text=measure.text,
        chapter=chapter,
        days_late=max(days, 0),
        detail=detail,
        due_on=due_on,
        group=group_label(key, chapter),
    )


def _assignments(measures):

    # What units owe: an assignment declared 不涉及 (plans.Exemption) owes nothing.
    return list(
        Assignment.objects.owing()
        .filter(measure_id__in=list(measures))
        .values_list("id", "measure_id", "role", "unit_id", "unit__name", "unit__region_id")
    )


def _overdue_reports(plans, measures, today, unit=None):

    # Missing by reporting's one rule (status.missing_reports): never submitted, past the
    # due date (or the later one the office approved); a closed measure's periods due
    # before its closure are still owed. A report filed and returned is listed as
    # returned instead.
    assignments = Assignment.objects.filter(measure__plan__in=plans)
    if unit is not None:
        assignments = assignments.filter(unit=unit)
    rows = status.missing_reports(assignments, today).values_list(
        "measure_id", "unit_id", "unit__name", "unit__region_id", "period_name", "due"
    )
    shown = {**measures, **_closed_measures(plans, rows, measures)}
    return [
        _item(
            "report_overdue",
            (unit_id, unit_name, region_id),
            shown[measure_id],
            today,
            f"{period_name}进展报告逾期未报送",
            due_on,
        )
        for measure_id, unit_id, unit_name, region_id, period_name, due_on in rows
    ]


# -- the missing reports in SQL (the board: counted per group, only a page loaded) ---------

OVERDUE_FIELDS = (
    "measure_id",
    "measure__number",
    "measure__text",
    "measure__chapter__number",
    "measure__chapter__title",
    "measure_group",  # plans.grouping.group_expression, annotated by overdue_rows
    "unit_id",
    "unit__name",
    "unit__region_id",
    "period_name",
    "due",
)
# the longest overdue first, as late_items sorts
OVERDUE_ORDER = ("due", "measure__number", "unit__name", "period_id")


def overdue_rows(plan, today: date):
    """The plan's missing reports (status.missing_reports) as a query the board narrows,
    groups and pages in SQL."""
    return status.missing_reports(Assignment.objects.filter(measure__plan=plan), today).annotate(
        measure_group=group_expression("measure__")
    )


def overdue_items(rows, today: date) -> list[LateItem]:
    """LateItems of ``rows`` (overdue_rows, narrowed and sliced), in their order."""
    return [overdue_item(row, today) for row in rows.values_list(*OVERDUE_FIELDS)]


def overdue_item(row, today: date) -> LateItem:
    """The LateItem of one row of OVERDUE_FIELDS (further values after them are ignored)."""
    measure_id, number, text, c_number, c_title, key, unit_id, unit_name, region_id, name, due = (
        row[: len(OVERDUE_FIELDS)]
    )
    chapter = chapter_label(c_number, c_title)
    return LateItem(
        kind="report_overdue",
        unit_id=unit_id,
        unit_name=unit_name,
        region_id=region_id,
        measure_id=measure_id,
        measure_number=number,
        measure_text=text,
        chapter=chapter,
        days_late=max((today - due).days, 0),
        detail=f"{name}进展报告逾期未报送",
        due_on=due,
        group=group_label(key, chapter),
    )


def chapter_label(number, title) -> str:
    return f"{number}、{title}" if title is not None else ""


def group_label(key, chapter: str) -> str:
    """The label of a measure's group (plans.grouping): 督办事项 for the 督办事项 without a
    chapter, else its chapter's label ("" for none)."""
    return ADHOC_LABEL if key == ADHOC_GROUP else chapter


def _closed_measures(plans, rows, measures) -> dict[int, object]:
    """The closed measures (销号) among the missing reports' (they still owe the periods
    due before their closure), for their number and chapter. One query, none when none."""
    wanted = {row[0] for row in rows} - set(measures)
    if not wanted:
        return {}
    return {
        m.pk: m
        for m in Measure.objects.filter(pk__in=wanted)
        .select_related("chapter")
        .annotate(asked_from=F("source__added_on"))
        .only("id", "number", "text", "title", "plan_id", "chapter__number", "chapter__title")
    }


def _returned_reports(plans, measures, today, unit=None):

    last_return = Review.objects.filter(report=OuterRef("pk"), decision="return").order_by(
        "-at", "-id"
    )
    returned = ProgressReport.objects.filter(
        period__plan__in=plans,
        state=ProgressReport.State.RETURNED,
        assignment__measure_id__in=list(measures),
    )
    if unit is not None:
        returned = returned.filter(assignment__unit=unit)
    rows = returned.annotate(returned_at=Subquery(last_return.values("at")[:1])).values_list(
        "assignment__measure_id",
        "assignment__unit_id",
        "assignment__unit__name",
        "assignment__unit__region_id",
        "period__name",
        "returned_at",
    )
    items = []
    for measure_id, unit_id, unit_name, region_id, period_name, returned_at in rows:
        since = returned_at.date() if returned_at else today
        items.append(
            _item(
                "report_returned",
                (unit_id, unit_name, region_id),
                measures[measure_id],
                today,
                f"{period_name}进展报告被退回后未重新报送",
                since,
            )
        )
    return items


def _targets_off_track(plans, measures, today):

    targets = Target.objects.filter(plan__in=plans, measure_id__in=list(measures))
    progress = progress_of_targets(targets, today)
    off = {pk: p for pk, p in progress.items() if p.status == Status.OFF_TRACK}
    if not off:
        return []
    quotes, measure_of = {}, {}
    for pk, quote, measure_id in Target.objects.filter(pk__in=list(off)).values_list(
        "pk", "quote", "measure_id"
    ):
        quotes[pk], measure_of[pk] = quote, measure_id
    leads = {
        measure_id: unit
        for _pk, measure_id, role, *unit in _assignments(set(measure_of.values()))
        if role == "lead"
    }
    items = []
    for pk, state in off.items():
        measure_id = measure_of[pk]
        if measure_id not in leads:
            continue  # nobody leads it: nothing to urge
        items.append(
            _item(
                "target_off_track",
                leads[measure_id],
                measures[measure_id],
                today,
                f"目标“{quotes[pk]}”进度滞后（{state.reason}）",
                _late_since(state, today),
            )
        )
    return items


def _late_since(state, today: date) -> date:
    """The date an off-track target is late since: its deadline once that has passed
    (a target off its trajectory since a reading in 2023, due at the end of 2025, is late
    since the end of 2025, not since 2023); before it, the day it fell off track."""
    if state.deadline and state.deadline < today:
        return state.deadline
    return state.off_track_since or state.deadline or today


def _missed_duties(plans, measures, today, unit=None):

    duties = list(
        RecurringDuty.objects.filter(measure_id__in=list(measures)).only(
            "id", "measure_id", "quote", "times_per_year"
        )
    )
    if not duties:
        return []
    plan_of = {p.pk: p for p in plans}
    years = {
        duty.pk: [
            y
            for y in duty_years(plan_of[measures[duty.measure_id].plan_id], today)
            if y < today.year
        ]
        for duty in duties
    }
    done = done_counts([d.pk for d in duties], {y for ys in years.values() for y in ys})
    by_measure = defaultdict(list)
    for _pk, measure_id, _role, *assigned in _assignments({d.measure_id for d in duties}):
        if unit is None or assigned[0] == unit.pk:
            by_measure[measure_id].append(assigned)
    items = []
    for duty in duties:
        for assigned in by_measure[duty.measure_id]:
            for year in years[duty.pk]:
                count = done.get((duty.pk, assigned[0], year), 0)
                if count >= duty.times_per_year:
                    continue
                due = date(year + 1, 1, 1)
                items.append(
                    _item(
                        "duty_missed",
                        assigned,
                        measures[duty.measure_id],
                        today,
                        f"{year}年“{duty.quote}”应开展{duty.times_per_year}次，实际{count}次",
                        due,
                    )
                )
    return items
