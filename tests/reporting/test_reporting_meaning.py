"""What a report means, asked of reporting itself: the state groupings, the latest report
of an assignment, the first submission that decides on time, and the status rule."""

from __future__ import annotations

import datetime

import time_machine

from taizhang.reporting import services, status
from taizhang.reporting.models import ProgressReport
from tests import factories as f

EARLY = datetime.datetime(2025, 4, 1, 10, tzinfo=datetime.UTC)
AFTER_DUE = datetime.datetime(2025, 5, 1, 10, tzinfo=datetime.UTC)


def _lead(world):
    return world.first.assignments.get(unit=world.justice)


def test_states_are_grouped_once():
    State = ProgressReport.State
    assert set(State.FILED) == {State.SUBMITTED, State.ACCEPTED}
    assert set(State.OPEN) == {State.DRAFT, State.RETURNED}
    assert "FILED" not in State.values  # a grouping, not a state a report can be in


def test_the_first_submission_is_kept_through_a_return(world):
    liaison = f.UserFactory(organisation=world.organisation, role="liaison", unit=world.justice)
    data = {"status": "in_progress", "narrative": "已部署。"}
    with time_machine.travel(EARLY, tick=False):
        report = services.file_report(
            _lead(world), world.period, liaison, data, 0, submit_after=True
        )
    report = services.review(report, world.people["office"], "return", "补充材料", report.version)
    with time_machine.travel(AFTER_DUE, tick=False):
        report = services.submit(report, liaison, report.version)
    assert (report.first_submitted_at, report.submitted_at) == (EARLY, AFTER_DUE)
    assert report.filed_on_time is True
    assert ProgressReport.objects.on_time().get() == report


def test_a_report_first_filed_after_the_due_date_is_late(world):
    report = f.ReportFactory(assignment=_lead(world), period=world.period, state="submitted")
    ProgressReport.objects.filter(pk=report.pk).update(first_submitted_at=AFTER_DUE)
    assert list(ProgressReport.objects.late()) == [report]
    assert ProgressReport.objects.with_on_time().get().on_time is False


def test_on_time_ends_at_midnight_after_the_due_date_in_china(world):
    """The three ways of asking (the annotation, the aggregate filter, the one report in
    hand) agree to the second at the boundary."""
    china = datetime.timezone(datetime.timedelta(hours=8))
    due = world.period.due_on
    last_moment = datetime.datetime.combine(due, datetime.time(23, 59, 59), tzinfo=china)
    verdicts = []
    for first in (last_moment, last_moment + datetime.timedelta(seconds=1)):
        ProgressReport.objects.all().delete()
        report = f.ReportFactory(assignment=_lead(world), period=world.period, state="submitted")
        ProgressReport.objects.filter(pk=report.pk).update(first_submitted_at=first)
        report.refresh_from_db()
        annotated = ProgressReport.objects.with_on_time().get().on_time
        filtered = ProgressReport.objects.filter(
            ProgressReport.objects.on_time_in([world.period])
        ).exists()
        verdicts.append((annotated, filtered, report.filed_on_time))
    assert verdicts == [(True, True, True), (False, False, False)]


def test_a_draft_has_no_verdict(world):
    f.ReportFactory(assignment=_lead(world), period=world.period)
    assert ProgressReport.objects.with_on_time().get().on_time is None


def test_the_latest_report_of_each_assignment(world):
    later = f.PeriodFactory(
        plan=world.plan, starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2025, 6, 30)
    )
    f.ReportFactory(assignment=_lead(world), period=world.period, state="accepted")
    newest = f.ReportFactory(assignment=_lead(world), period=later, state="draft")
    other = f.ReportFactory(
        assignment=world.second.assignments.get(), period=world.period, state="submitted"
    )
    assert set(ProgressReport.objects.latest_per_assignment()) == {newest, other}
    accepted = ProgressReport.objects.accepted().latest_per_assignment()
    assert [r.period for r in accepted] == [world.period]


def test_the_status_rule():
    today = datetime.date(2025, 6, 1)
    assert status.status_of(None, None, False, today) == "not_started"
    assert status.status_of(None, None, True, today) == "in_progress"
    assert status.status_of(None, "done", True, today) == "done"
    assert status.status_of(datetime.date(2025, 5, 31), "in_progress", True, today) == "lagging"
    assert status.status_of(datetime.date(2025, 5, 31), "done", True, today) == "done"


def test_completion_counts_done_out_of_all():
    completion = status.Completion.of(["done", "lagging", "done", "not_started"])
    assert (completion.done, completion.total, completion.rate, completion.percent) == (
        2,
        4,
        50.0,
        "50%",
    )
    assert status.Completion().rate == 0.0
