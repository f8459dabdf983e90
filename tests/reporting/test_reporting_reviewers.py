"""Every report reaches a reviewer (reporting/reviewers.py): the lead unit's active
reviewers for a responsible unit's report, else the office — for the lead unit's own
report, a measure the office leads (no lead assignment) and a lead unit without an active
reviewer. The to-do pages, the review rule, the review-waiting reminder and the backlog
give the same answer."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.reporting import reviewers, services
from taizhang.supervision.reminders import due_reminders
from tests.factories import AssignmentFactory, MeasureFactory, UnitFactory

pytestmark = pytest.mark.django_db
TODO = reverse("workspace:todo")
BACKLOG = reverse("reporting:review_backlog")


def _submit(assignment, world, user="office"):
    report = services.start_report(assignment, world.period)
    report = services.save_draft(report, world.people[user], {"narrative": "已推进"}, 0)
    return services.submit(report, world.people[user], report.version)


def _waiting(client, person):
    client.force_login(person)
    todo = client.get(TODO).context["todo"]
    return {r.pk for r in todo.to_review} | {r.pk for r in todo.office_review}


@pytest.fixture
def office_led(world):
    """Measure 3, led by the office itself (no lead assignment), carried by 教育局."""
    measure = MeasureFactory(plan=world.plan, number=3)
    return AssignmentFactory(measure=measure, unit=world.education, role="responsible")


def test_a_responsible_units_report_goes_to_the_lead_units_reviewer(client, world):
    report = _submit(world.first.assignments.get(unit=world.education), world)
    assert reviewers.reviewing_units(report) == {world.justice.pk}
    assert reviewers.reviewers_of(report) == [world.people["reviewer"]]
    assert _waiting(client, world.people["reviewer"]) == {report.pk}
    assert _waiting(client, world.people["office"]) == set()
    assert world.people["reviewer"].has_perm("reporting.review_report", report)


def test_the_lead_units_own_report_goes_to_the_office(client, world):
    report = _submit(world.first.assignments.get(unit=world.justice), world)
    assert reviewers.reviewing_units(report) == set()
    assert reviewers.reviewers_of(report) == [world.people["office"]]
    assert _waiting(client, world.people["office"]) == {report.pk}
    assert _waiting(client, world.people["reviewer"]) == set()
    assert not world.people["reviewer"].has_perm("reporting.review_report", report)


def test_a_measure_the_office_leads_goes_to_the_office(client, world, office_led):
    report = _submit(office_led, world)
    assert reviewers.reviewers_of(report) == [world.people["office"]]
    assert _waiting(client, world.people["office"]) == {report.pk}
    assert _waiting(client, world.people["reviewer"]) == set()


def test_a_lead_unit_without_an_active_reviewer_leaves_it_to_the_office(client, world):
    report = _submit(world.first.assignments.get(unit=world.education), world)
    reviewer = world.people["reviewer"]
    reviewer.is_active = False
    reviewer.save()
    assert reviewers.reviewers_of(report) == [world.people["office"]]
    assert _waiting(client, world.people["office"]) == {report.pk}
    assert not reviewer.has_perm("reporting.review_report", report)


def test_the_review_waiting_reminder_asks_the_same_place(world, office_led):
    submitted_on = timezone.make_aware(datetime.combine(date(2025, 6, 3), time(10)))
    with time_machine.travel(submitted_on, tick=False):
        _submit(office_led, world)
        _submit(world.first.assignments.get(unit=world.education), world)
    day = date(2025, 6, 16)
    with time_machine.travel(timezone.make_aware(datetime.combine(day, time(9)))):
        found = [r for r in due_reminders(day) if r.message.event == "review_waiting"]
    told = {tuple(r.users): r.message.body for r in found}
    assert set(told) == {(world.people["office"],), (world.people["reviewer"],)}
    assert "1份进展报告" in told[(world.people["office"],)]


def test_no_submitted_report_waits_for_nobody(client, world, office_led):
    """However a plan is led, the to-do of some person lists each submitted report."""
    other = UnitFactory(organisation=world.organisation, region=world.home, name="州民政局")
    AssignmentFactory(measure=world.second, unit=other, role="responsible")  # 公安局: nobody
    submitted = {
        _submit(assignment, world).pk
        for assignment in [
            office_led,
            *world.first.assignments.all(),
            *world.second.assignments.all(),
        ]
    }
    seen = set()
    for person in world.people.values():
        if person.organisation_id == world.organisation.pk:
            seen |= _waiting(client, person)
    assert seen == submitted


def test_the_backlog_shows_each_reviewer_with_the_ages(client, world, office_led):
    submitted_on = timezone.make_aware(datetime.combine(date(2025, 6, 3), time(10)))
    with time_machine.travel(submitted_on, tick=False):
        old = _submit(office_led, world)
    recent = _submit(world.first.assignments.get(unit=world.education), world)
    client.force_login(world.people["office"])
    with time_machine.travel(timezone.make_aware(datetime.combine(date(2025, 6, 17), time(9)))):
        recent.submitted_at = timezone.now()
        recent.save()
        response = client.get(BACKLOG)
    found = response.context["backlog"]
    by_name = {row.name: row for row in found.rows}
    assert by_name["州司法局"].ages == [1, 0, 0, 0]
    office = by_name[world.organisation.office_name or "依法治理办"]
    assert office.total == 1 and office.oldest == 10  # 4 June to 17 June: ten working days
    assert [r.pk for r in found.reports] == [old.pk, recent.pk]
    page = response.content.decode()
    assert "按审核人统计" in page and "口径" in page
    narrowed = client.get(BACKLOG, {"reviewer": str(world.justice.pk)}).context["backlog"]
    assert [r.pk for r in narrowed.reports] == [recent.pk]


@pytest.mark.parametrize("role", ["liaison", "reviewer", "county", "leader"])
def test_only_the_office_sees_the_backlog(client, world, role):
    client.force_login(world.people[role])
    assert client.get(BACKLOG).status_code == 403


def test_a_county_plans_lead_report_goes_to_its_county_office(world):
    """A county plan is run by its county office (plans.rules.runs_plan): it, not the
    prefecture office, reviews what no lead unit's reviewer does."""
    from tests.factories import PeriodFactory, PlanFactory, ReportFactory

    plan = PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = MeasureFactory(plan=plan, number=1)
    lead = AssignmentFactory(measure=measure, unit=world.county_government, role="lead")
    report = ReportFactory(assignment=lead, period=PeriodFactory(plan=plan), state="submitted")
    assert reviewers.reviewers_of(report) == [world.people["county"]]


def test_the_backlog_offers_to_review_only_what_the_office_reviews(client, world, office_led):
    """A county plan's reports wait for its county office (reviewers.running_county): the
    backlog counts them under that office and lets the office open them, not review them
    (the review page answers it 403); its own row is what its to-do lists."""
    from tests.factories import PeriodFactory, PlanFactory

    plan = PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    measure = MeasureFactory(plan=plan, number=1)
    lead = AssignmentFactory(measure=measure, unit=world.county_government, role="lead")
    period = PeriodFactory(plan=plan)
    report = services.start_report(lead, period)
    report = services.save_draft(report, world.people["county"], {"narrative": "已推进"}, 0)
    county_report = services.submit(report, world.people["county"], report.version)
    own = _submit(office_led, world)
    office = world.people["office"]
    client.force_login(office)
    response = client.get(BACKLOG)
    found = response.context["backlog"]
    by_key = {row.key: row for row in found.rows}
    assert by_key[f"county-{world.county.pk}"].name == "甲县依法治县办"
    assert by_key[f"county-{world.county.pk}"].total == 1
    todo = client.get(TODO).context["todo"]
    assert by_key["office"].total == todo.office_review_total == 1
    page = response.content.decode()
    review = reverse("reporting:review", kwargs={"report_id": county_report.pk})
    detail = reverse("reporting:report_detail", kwargs={"report_id": county_report.pk})
    assert review not in page and detail in page and "由甲县依法治县办审核" in page
    assert f'value="{county_report.pk}"' not in page  # no box to tick for a batch review
    assert reverse("reporting:review", kwargs={"report_id": own.pk}) in page
    assert client.get(detail).status_code == 200
    assert client.get(review).status_code == 403


def test_the_review_waiting_reminder_tells_the_county_office_of_its_plan(world):
    """A county plan's report no unit reviews waits for its county office: the reminder
    goes to it (whose to-do lists the report), not to the prefecture office."""
    from tests.factories import PeriodFactory, PlanFactory

    plan = PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    lead = AssignmentFactory(
        measure=MeasureFactory(plan=plan, number=1), unit=world.county_government, role="lead"
    )
    submitted_on = timezone.make_aware(datetime.combine(date(2025, 6, 3), time(10)))
    with time_machine.travel(submitted_on, tick=False):
        report = services.start_report(lead, PeriodFactory(plan=plan))
        report = services.save_draft(report, world.people["county"], {"narrative": "已推进"}, 0)
        services.submit(report, world.people["county"], report.version)
    day = date(2025, 6, 16)
    with time_machine.travel(timezone.make_aware(datetime.combine(day, time(9)))):
        found = [r for r in due_reminders(day) if r.message.event == "review_waiting"]
    assert [r.users for r in found] == [[world.people["county"]]]
    assert found[0].message.body.startswith("甲县依法治县办：有1份")


def test_the_review_waiting_reminder_tells_every_lead_unit_with_reviewers(world):
    """Measure 1 led by two units with reviewers: both to-dos list 教育局's report, so
    both are told when it has waited too long (not just the first lead unit)."""
    from tests.factories import UserFactory

    AssignmentFactory(measure=world.first, unit=world.police, role="lead")
    police = UserFactory(organisation=world.organisation, role="reviewer", unit=world.police)
    submitted_on = timezone.make_aware(datetime.combine(date(2025, 6, 3), time(10)))
    with time_machine.travel(submitted_on, tick=False):
        report = _submit(world.first.assignments.get(unit=world.education), world)
    assert reviewers.reviewing_units(report) == {world.justice.pk, world.police.pk}
    day = date(2025, 6, 16)
    with time_machine.travel(timezone.make_aware(datetime.combine(day, time(9)))):
        found = [r for r in due_reminders(day) if r.message.event == "review_waiting"]
    assert {tuple(r.users) for r in found} == {(world.people["reviewer"],), (police,)}


def test_the_backlog_counts_a_report_under_every_lead_unit_that_reviews_it(client, world):
    """Measure 1 led by two units with reviewers: 教育局's report waits in both to-dos, so
    both units' backlog rows count it (each equal to that unit's to-do); the 合计 row counts
    the report once, and narrowing to either unit lists it."""
    from tests.factories import UserFactory

    AssignmentFactory(measure=world.first, unit=world.police, role="lead")
    police = UserFactory(organisation=world.organisation, role="reviewer", unit=world.police)
    report = _submit(world.first.assignments.get(unit=world.education), world)
    client.force_login(world.people["office"])
    response = client.get(BACKLOG)
    found = response.context["backlog"]
    by_key = {row.key: row for row in found.rows}
    assert set(by_key) == {str(world.justice.pk), str(world.police.pk)}
    for unit, person in [(world.justice, world.people["reviewer"]), (world.police, police)]:
        client.force_login(person)
        todo = client.get(TODO).context["todo"]
        assert by_key[str(unit.pk)].total == todo.to_review_total == 1
    assert found.total == 1 and found.ages == [1, 0, 0, 0]
    page = response.content.decode()
    assert "每份报告只计1次" in page
    client.force_login(world.people["office"])
    for unit in (world.justice, world.police):
        narrowed = client.get(BACKLOG, {"reviewer": str(unit.pk)})
        assert [r.pk for r in narrowed.context["backlog"].reports] == [report.pk]
        assert f"等待审核的报告（{unit.name}）" in narrowed.content.decode()
    assert found.reports[0].reviewer_name == "州司法局、州公安局"
