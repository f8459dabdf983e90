"""The reviewers' daily digest (新报送待审核, supervision/reminders.py ``_reviews_arrived``):
each working day from REVIEW_ARRIVED_HOUR (17:00) the scheduler tells whoever reviews
reports how many reached their to-do since the previous working day's digest and still
await review — the lead unit's reviewers, else the office that runs the plan (a county
plan's county office). Nothing on a day with nothing new.

The days: Wednesday 11 and Thursday 12 June 2025, both working days."""

from datetime import date, datetime, time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.notifications.models import Channel, Delivery, Preference
from taizhang.plans.models import Assignment
from taizhang.reporting import services
from tests.factories import (
    AssignmentFactory,
    MeasureFactory,
    PeriodFactory,
    PlanFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

WEDNESDAY, THURSDAY = date(2025, 6, 11), date(2025, 6, 12)
EVENT = "review_arrived"


def _at(day: date, hour: int, minute: int = 0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _file(assignment, period, user, when, version=0):
    with time_machine.travel(when, tick=False):
        return services.file_report(
            assignment,
            period,
            user,
            {"status": "in_progress", "narrative": "已开展。"},
            version,
            submit_after=True,
        )


def _scan(day: date, hour: int = 17, minute: int = 5) -> None:
    with time_machine.travel(_at(day, hour, minute), tick=False):
        call_command("send_reminders", stdout=StringIO())


def _digests(user, channel=Channel.IN_APP) -> list:
    return list(
        Delivery.objects.filter(
            recipient=user, channel=channel, notification__event=EVENT
        ).select_related("notification")
    )


def _two_responsible_reports(world, day=WEDNESDAY):
    """州教育局 and 甲县人民政府 (its county office filing for it) report on measure 1,
    which 州司法局 leads: both reach the 司法局's reviewer."""
    education = Assignment.objects.get(measure=world.first, unit=world.education)
    county = Assignment.objects.get(measure=world.first, unit=world.county_government)
    return [
        _file(education, world.period, world.people["liaison"], _at(day, 9, 30)),
        _file(county, world.period, world.people["county"], _at(day, 14)),
    ]


def test_two_reports_on_one_day_make_one_digest_for_each_reviewer(world):
    second_reviewer = UserFactory(
        organisation=world.organisation, role=Role.REVIEWER, unit=world.justice
    )
    _two_responsible_reports(world)
    _scan(WEDNESDAY, 9)  # before the hour: not yet
    assert _digests(world.people["reviewer"]) == []
    _scan(WEDNESDAY)
    _scan(WEDNESDAY, 17, 15)  # the next scan of the day tells nothing again
    for reviewer in (world.people["reviewer"], second_reviewer):
        (message,) = _digests(reviewer)
        notification = message.notification
        assert notification.title == "新报送待审核：今日收到2份进展报告"
        assert notification.body.startswith("州司法局：")
        assert "新收到2份进展报告" in notification.body and "6月11日09:30" in notification.body
        assert notification.link == reverse("workspace:todo") + "#review-title"
        assert notification.get_event_display() == "新报告待审核"
    assert _digests(world.people["office"]) == []  # the office reviews none of them
    assert _digests(world.people["liaison"]) == []


def test_the_next_day_with_nothing_new_tells_nobody(world):
    _two_responsible_reports(world)
    _scan(WEDNESDAY)
    _scan(THURSDAY)
    assert len(_digests(world.people["reviewer"])) == 1


def test_a_report_sent_after_the_hour_is_in_the_next_days_digest(world):
    education = Assignment.objects.get(measure=world.first, unit=world.education)
    _scan(WEDNESDAY)
    _file(education, world.period, world.people["liaison"], _at(WEDNESDAY, 18))
    _scan(THURSDAY)
    (message,) = _digests(world.people["reviewer"])
    assert "今日收到1份" in message.notification.title
    assert message.notification.key.endswith(THURSDAY.isoformat())


def test_a_resubmission_after_a_return_counts(world):
    education = Assignment.objects.get(measure=world.first, unit=world.education)
    report = _file(education, world.period, world.people["liaison"], _at(date(2025, 6, 10), 10))
    with time_machine.travel(_at(WEDNESDAY, 10), tick=False):
        services.review(report, world.people["reviewer"], "return", "请补充。", report.version)
    _scan(WEDNESDAY)
    assert _digests(world.people["reviewer"]) == []  # returned: nothing awaits review
    report.refresh_from_db()
    _file(education, world.period, world.people["liaison"], _at(THURSDAY, 11), report.version)
    _scan(THURSDAY)
    (message,) = _digests(world.people["reviewer"])
    assert message.notification.title == "新报送待审核：今日收到1份进展报告"


def test_a_report_already_reviewed_is_not_counted(world):
    reviewed, _ = _two_responsible_reports(world)
    with time_machine.travel(_at(WEDNESDAY, 16), tick=False):
        services.review(reviewed, world.people["reviewer"], "accept", "", reviewed.version)
    _scan(WEDNESDAY)
    (message,) = _digests(world.people["reviewer"])
    assert message.notification.title == "新报送待审核：今日收到1份进展报告"


def test_the_lead_units_own_report_goes_to_the_office(world):
    justice = Assignment.objects.get(measure=world.first, unit=world.justice)
    _file(justice, world.period, world.people["reviewer"], _at(WEDNESDAY, 10))
    _scan(WEDNESDAY)
    assert _digests(world.people["reviewer"]) == []
    (message,) = _digests(world.people["office"])
    assert message.notification.body.startswith(world.organisation.office_title)
    assert message.notification.link.endswith("#office-review-title")


def test_a_county_plans_report_goes_to_its_county_office(world):
    plan = PlanFactory(organisation=world.organisation, region=world.county, parent=world.plan)
    lead = AssignmentFactory(
        measure=MeasureFactory(plan=plan, number=1), unit=world.county_government, role="lead"
    )
    _file(lead, PeriodFactory(plan=plan), world.people["county"], _at(WEDNESDAY, 10))
    _scan(WEDNESDAY)
    (message,) = _digests(world.people["county"])
    assert message.notification.body.startswith("甲县依法治县办：")
    assert _digests(world.people["office"]) == []


def test_a_person_who_turned_email_off_is_told_in_the_message_centre_only(world):
    """Preferences choose the channels besides the message centre (always on): the one
    who turned email off gets no email of the digest, the other reviewer does."""
    reviewer = world.people["reviewer"]
    reviewer.email = "reviewer@example.cn"
    reviewer.save()
    Preference.objects.create(user=reviewer, email=False)
    other = UserFactory(
        organisation=world.organisation,
        role=Role.REVIEWER,
        unit=world.justice,
        email="other@example.cn",
    )
    _two_responsible_reports(world)
    _scan(WEDNESDAY)
    assert _digests(reviewer, Channel.EMAIL) == []
    assert len(_digests(reviewer)) == 1
    assert len(_digests(other, Channel.EMAIL)) == 1


def test_the_window_runs_from_the_previous_working_days_hour():
    """Monday 16 June 2025's digest counts what came since Friday 13 June at 17:00."""
    from taizhang.supervision.reminders import digest_window

    start, end = digest_window(date(2025, 6, 16))
    assert (start, end) == (_at(date(2025, 6, 13), 17), _at(date(2025, 6, 16), 17))


def test_every_lead_unit_with_reviewers_is_told(world):
    """A measure two units lead: both to-dos list a responsible unit's report
    (reviewers.waiting_for_unit), so both units' reviewers are told, each once."""
    AssignmentFactory(measure=world.first, unit=world.police, role=Assignment.Role.LEAD)
    police_reviewer = UserFactory(
        organisation=world.organisation, role=Role.REVIEWER, unit=world.police
    )
    _two_responsible_reports(world)
    _scan(WEDNESDAY)
    for reviewer, unit in ((world.people["reviewer"], "州司法局"), (police_reviewer, "州公安局")):
        (message,) = _digests(reviewer)
        assert message.notification.body.startswith(f"{unit}：")
        assert "今日收到2份" in message.notification.title
