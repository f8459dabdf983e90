"""Facts gathered from the database: reports on time, late and missing; completion from the
latest status; reviews; targets of the lead unit; duties; a county's units together; and a
query count that does not grow with the data."""

from __future__ import annotations

import datetime

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from taizhang.assessment import facts
from taizhang.assessment.facts import gather
from taizhang.reporting import services as reporting
from taizhang.supervision import progress
from tests import factories as f
from tests.assessment.conftest import assignment_of, at, file

TODAY = datetime.date(2026, 3, 1)


def facts_of(scheme, unit, today=TODAY):
    units, _ = gather(scheme, [], today)
    return next(s.facts for s in units if s.id == unit.pk)


def test_a_report_filed_on_the_due_day_late_in_the_evening_is_on_time(world, scheme):
    # the world's period is due 2025-04-10
    file(assignment_of(world, world.education), world.period, at(2025, 4, 10, 23, 30))
    facts = facts_of(scheme, world.education)
    assert (facts.reports_expected, facts.reports_on_time, facts.reports_late) == (1, 1, 0)


def test_a_report_filed_the_day_after_is_late(world, scheme):
    file(assignment_of(world, world.education), world.period, at(2025, 4, 11, 0, 5))
    facts = facts_of(scheme, world.education)
    assert (facts.reports_on_time, facts.reports_late, facts.reports_missing) == (0, 1, 0)


def test_a_draft_never_submitted_is_missing(world, scheme):
    file(assignment_of(world, world.education), world.period, None)
    facts = facts_of(scheme, world.education)
    assert (facts.reports_expected, facts.reports_missing) == (1, 1)


def test_a_period_not_yet_due_is_not_counted(world, scheme):
    facts = facts_of(scheme, world.education, today=datetime.date(2025, 4, 10))
    assert facts.reports_expected == 0


def test_periods_of_other_years_are_not_counted(world, scheme):
    f.PeriodFactory(
        plan=world.plan,
        name="2024年第四季度",
        starts_on=datetime.date(2024, 10, 1),
        ends_on=datetime.date(2024, 12, 31),
        due_on=datetime.date(2025, 1, 10),
    )
    assert facts_of(scheme, world.education).reports_expected == 1


def test_a_report_returned_and_filed_again_keeps_its_first_filing_date(world, scheme):
    liaison, reviewer = world.people["liaison"], world.people["reviewer"]
    with time_machine.travel(at(2025, 4, 8), tick=False):
        report = reporting.file_report(
            assignment_of(world, world.education),
            world.period,
            liaison,
            {"status": "in_progress", "narrative": "已开展。"},
            0,
            submit_after=True,
        )
        report = reporting.review(report, reviewer, "return", "请补充材料。", report.version)
    with time_machine.travel(at(2025, 4, 20), tick=False):
        reporting.submit(report, liaison, report.version)
    facts = facts_of(scheme, world.education)
    assert (facts.reports_on_time, facts.reports_late) == (1, 0)
    assert (facts.reports_reviewed, facts.reports_first_time, facts.returns) == (1, 0, 1)


def test_completion_follows_the_latest_accepted_status(world, scheme):
    later = f.PeriodFactory(
        plan=world.plan,
        starts_on=datetime.date(2025, 4, 1),
        ends_on=datetime.date(2025, 6, 30),
        due_on=datetime.date(2025, 7, 10),
    )
    mine = assignment_of(world, world.education)
    file(mine, world.period, at(2025, 4, 1), status="done", state="accepted")
    file(mine, later, at(2025, 7, 1), status="lagging", state="accepted")
    facts = facts_of(scheme, world.education)
    assert (facts.measures_carried, facts.measures_done, facts.measures_lagging) == (1, 0, 1)


def test_a_report_not_yet_reviewed_does_not_count_as_done(world, scheme):
    file(assignment_of(world, world.education), world.period, at(2025, 4, 1), status="done")
    assert facts_of(scheme, world.education).measures_done == 0


def test_a_draft_status_does_not_count_as_done(world, scheme):
    file(assignment_of(world, world.education), world.period, None, status="done")
    assert facts_of(scheme, world.education).measures_done == 0


def test_a_report_accepted_at_its_first_review_counts_first_time(world, scheme):
    report = file(assignment_of(world, world.education), world.period, at(2025, 4, 1))
    f.ReportFactory._meta.model.objects.filter(pk=report.pk).update(state="accepted")
    from taizhang.reporting.models import Review

    Review.objects.create(
        report=report, reviewer=world.people["reviewer"], stage="lead", decision="accept"
    )
    facts = facts_of(scheme, world.education)
    assert (facts.reports_reviewed, facts.reports_first_time, facts.returns) == (1, 1, 0)


def test_targets_are_the_lead_units(world, scheme, monkeypatch):
    target = f.TargetFactory(measure=world.first)

    def fake(targets, today):
        return {
            t.pk: progress.TargetProgress(t.pk, "at_risk", None, None, None, None, None)
            for t in targets
        }

    monkeypatch.setattr(facts, "progress_of_targets", fake)
    assert facts_of(scheme, world.justice).target_statuses == ("at_risk",)
    assert facts_of(scheme, world.education).target_statuses == ()
    assert target.measure.number == 1


def test_targets_without_progress_are_not_scored(world, scheme, monkeypatch):
    f.TargetFactory(measure=world.first)
    monkeypatch.setattr(facts, "progress_of_targets", lambda targets, today: {})
    assert facts_of(scheme, world.justice).target_statuses == ()


def test_duties_count_occurrences_of_the_year(world, scheme):
    duty = f.RecurringDutyFactory(measure=world.first, times_per_year=2)
    f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=datetime.date(2025, 5, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=datetime.date(2024, 5, 1))
    facts = facts_of(scheme, world.education)
    assert (facts.duties_done, facts.duties_expected) == (1, 2)


def test_a_county_is_its_units_together(world, scheme):
    township = f.RegionFactory(
        organisation=world.organisation, name="甲镇", level="township", parent=world.county
    )
    town = f.UnitFactory(organisation=world.organisation, region=township, name="甲镇人民政府")
    f.AssignmentFactory(measure=world.second, unit=town)
    file(assignment_of(world, world.county_government), world.period, at(2025, 4, 1))
    _, counties = gather(scheme, [], TODAY)
    (county,) = counties
    assert county.name == "甲县"
    assert county.link_unit_id == world.county_government.pk
    assert county.extra["units"] == ["甲县人民政府", "甲镇人民政府"]
    facts = county.facts
    assert (facts.reports_expected, facts.reports_on_time, facts.reports_missing) == (2, 1, 1)
    assert facts.key == f"region:{world.county.pk}"


def test_adjustments_go_to_the_unit_and_its_county(world, scheme):
    adjustment = f.AdjustmentFactory(
        scheme=scheme, unit=world.county_government, points=2, created_by=world.people["office"]
    )
    units, counties = gather(scheme, [adjustment], TODAY)
    mine = next(s for s in units if s.id == world.county_government.pk)
    assert [a.points for a in mine.facts.adjustments] == [2]
    assert [a.points for a in counties[0].facts.adjustments] == [2]


def _queries(scheme):
    with CaptureQueriesContext(connection) as captured:
        gather(scheme, [], TODAY)
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_data(world, scheme):
    # the small plan has one of everything; the large one twenty times more
    f.TargetFactory(measure=world.first)
    f.RecurringDutyFactory(measure=world.first)
    file(assignment_of(world, world.education), world.period, at(2025, 4, 1))
    small = _queries(scheme)
    for number in range(3, 23):
        measure = f.MeasureFactory(plan=world.plan, number=number)
        f.TargetFactory(measure=measure)
        f.RecurringDutyFactory(measure=measure)
        for _ in range(3):
            unit = f.UnitFactory(organisation=world.organisation, region=world.county)
            mine = f.AssignmentFactory(measure=measure, unit=unit, role="lead")
            file(mine, world.period, at(2025, 4, 1), status="done")
    assert _queries(scheme) == small


def test_long_term_work_reported_in_progress_and_accepted_is_counted_as_ongoing(world, scheme):
    # measure 1 printed no deadline (长期坚持): 推进中, accepted, is the honest state
    world.first.__class__.objects.filter(pk=world.first.pk).update(deadline=None)
    file(assignment_of(world, world.education), world.period, at(2025, 4, 8), state="accepted")
    facts = facts_of(scheme, world.education)
    assert (facts.measures_done, facts.measures_ongoing, facts.measures_lagging) == (0, 1, 0)


def test_work_in_progress_on_a_measure_with_a_deadline_is_not_ongoing(world, scheme):
    world.first.__class__.objects.filter(pk=world.first.pk).update(
        deadline=datetime.date(2025, 12, 31)
    )
    file(assignment_of(world, world.education), world.period, at(2025, 4, 8), state="accepted")
    assert facts_of(scheme, world.education).measures_ongoing == 0
