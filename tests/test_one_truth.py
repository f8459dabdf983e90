"""One plan, one day, one set of figures: the ledger, the dashboard, the supervision board,
the assessment, the annual report, the public page and the API all count completion and
judge reports on time the same way, because they all ask reporting/status.py.

The plan has a report in every state, built through the write path at the moments units
would have filed them (2025 Q1 is due on 10 April; the figures are read on 1 June):

  m1 lead filed on time, accepted "done"                    -> 已完成; on time
  m2 lead filed on time, returned, filed again late,
     accepted "done"                                        -> 已完成; on time (first filing)
  m3 lead filed late, accepted "in_progress"                -> 推进中; late
  m4 lead filed on time "done", not reviewed yet;
     the responsible unit's report accepted                 -> 推进中 (not done: unreviewed)
  m5 lead filed on time, returned, not filed again          -> 未启动; on time
  m6 lead only drafted                                      -> 未启动; missing
  m7 deadline 31 May passed, lead accepted "in_progress"    -> 滞后; on time
"""

from __future__ import annotations

import datetime
from collections import Counter

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.annual_reports import data as annual_data
from taizhang.assessment.facts import gather
from taizhang.dashboards.views import plan_figures
from taizhang.ledger import queries as ledger
from taizhang.plans.models import Assignment
from taizhang.public import disclosure
from taizhang.public import services as publications
from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport
from taizhang.supervision.overdue import late_items
from tests import factories as f

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)
ON_TIME = datetime.datetime(2025, 4, 8, 10, tzinfo=datetime.UTC)
LATE = datetime.datetime(2025, 4, 20, 10, tzinfo=datetime.UTC)
# What every page must say of the plan on TODAY.
STATUSES = {"done": 2, "in_progress": 2, "not_started": 2, "lagging": 1}
DONE, TOTAL, RATE = 2, 7, 28.6
# (lead report of measure n) -> on time? (None: never filed)
VERDICTS = {1: True, 2: True, 3: False, 4: True, 5: True, 6: None, 7: True}


def _file(assignment, period, user, status, when):
    with time_machine.travel(when, tick=False):
        return services.file_report(
            assignment, period, user, {"status": status, "narrative": "工作进展。"}, 0,
            submit_after=True,
        )  # fmt: skip


def _review(report, office, decision, when):
    with time_machine.travel(when, tick=False):
        comment = "请补充佐证材料。" if decision == "return" else ""
        return services.review(report, office, decision, comment, report.version)


@pytest.fixture
def plan(world):
    office = world.people["office"]
    plan = f.PlanFactory(organisation=world.organisation, region=world.home, end_year=2025)
    chapter = f.ChapterFactory(plan=plan, number="一", title="增强全社会法治观念", position=1)
    period = f.PeriodFactory(
        plan=plan,
        name="2025年第一季度",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 3, 31),
        due_on=datetime.date(2025, 4, 10),
    )
    lead_user = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.justice
    )
    helper = f.UserFactory(organisation=world.organisation, role=Role.LIAISON, unit=world.police)
    leads = {}
    for number in range(1, 8):
        deadline = datetime.date(2025, 5, 31) if number == 7 else datetime.date(2025, 12, 31)
        measure = f.MeasureFactory(
            plan=plan, number=number, position=number, chapter=chapter, deadline=deadline
        )
        leads[number] = f.AssignmentFactory(
            measure=measure, unit=world.justice, role=Assignment.Role.LEAD
        )
    helper_on_m4 = f.AssignmentFactory(measure=leads[4].measure, unit=world.police)
    first_of = {}
    for number, status in ((1, "done"), (2, "in_progress"), (4, "done"), (5, "in_progress")):
        first_of[number] = _file(leads[number], period, lead_user, status, ON_TIME)
    first_of[3] = _file(leads[3], period, lead_user, "in_progress", LATE)
    first_of[7] = _file(leads[7], period, lead_user, "in_progress", ON_TIME)
    services.save_draft(
        services.start_report(leads[6], period), lead_user, {"narrative": "草稿"}, 0
    )
    _review(first_of[1], office, "accept", LATE)
    again = _review(first_of[2], office, "return", ON_TIME)
    with time_machine.travel(LATE, tick=False):  # fixed and filed again, after the due date
        again = services.file_report(
            leads[2], period, lead_user, {"status": "done", "narrative": "已补充。"},
            again.version, submit_after=True,
        )  # fmt: skip
    _review(again, office, "accept", LATE)
    _review(first_of[3], office, "accept", LATE)
    _review(first_of[5], office, "return", LATE)
    _review(first_of[7], office, "accept", LATE)
    helper_report = _file(helper_on_m4, period, helper, "in_progress", ON_TIME)
    _review(helper_report, office, "accept", LATE)
    publications.save_publication(plan, office, published=True, shown={})
    return plan


@pytest.fixture
def today():
    with time_machine.travel(datetime.datetime(2025, 6, 1, 9, tzinfo=datetime.UTC), tick=False):
        yield TODAY


def test_every_report_carries_its_on_time_verdict(world, plan, today):
    reports = ProgressReport.objects.filter(assignment__measure__plan=plan).with_on_time()
    verdicts = {
        r.assignment.measure.number: r.on_time for r in reports if r.assignment.role == "lead"
    }
    assert verdicts == VERDICTS


def test_ledger_and_plan_list(client, world, plan, today):
    rows = ledger.ledger_rows(world.people["office"], plan, today=today)
    assert Counter(row.status for row in rows) == STATUSES
    client.force_login(world.people["office"])
    entry = next(
        e for e in client.get(reverse("ledger:list")).context["entries"] if e["plan"] == plan
    )
    assert (entry["completion"].done, entry["completion"].total, entry["completion"].rate) == (
        DONE,
        TOTAL,
        RATE,
    )


def test_dashboard(world, plan, today):
    figures = plan_figures(plan)
    assert (figures.key.completion_rate, dict(figures.key.statuses)) == (RATE, STATUSES)
    (quarter,) = figures.trend
    # 8 reports owed; on time: m1, m2, m4 (both units), m5, m7; late: m3; missing: m6
    assert (quarter.expected, quarter.on_time, quarter.filed) == (8, 6, 7)
    assert figures.key.late_reports == 1


def test_supervision_board(client, world, plan, today):
    client.force_login(world.people["office"])
    context = client.get(reverse("supervision:board", kwargs={"plan_id": plan.pk})).context
    completion, reports = context["completion"], context["reports"]
    assert (completion.done, completion.total, completion.rate) == (DONE, TOTAL, RATE)
    assert (reports.expected, reports.on_time, reports.late, reports.missing) == (8, 6, 1, 1)
    kinds = Counter(item.kind for item in late_items(world.organisation, today, plan))
    assert (kinds["report_overdue"], kinds["report_returned"]) == (1, 1)  # m6; m5


def test_assessment(world, plan, today):
    scheme = f.SchemeFactory(plan=plan, year=2025)
    units, _ = gather(scheme, [], today)
    justice = next(u for u in units if u.id == world.justice.pk).facts
    police = next(u for u in units if u.id == world.police.pk).facts
    on_time = justice.reports_on_time + police.reports_on_time
    late = justice.reports_late + police.reports_late
    missing = justice.reports_missing + police.reports_missing
    assert (on_time, late, missing) == (6, 1, 1)
    # a unit's completion: its own accepted reports (司法局 leads all seven)
    assert (justice.measures_carried, justice.measures_done, justice.measures_lagging) == (7, 2, 1)


def test_annual_report_data(world, plan, today):
    figures = annual_data.gather(annual_data.Scope(plan, 2025, plan.region), today)
    assert (dict(figures.statuses), figures.completion.rate) == (STATUSES, RATE)
    reported = figures.timeliness
    assert (reported.expected, reported.on_time, reported.late, reported.missing) == (8, 6, 1, 1)


def test_public_page(client, world, plan, today):
    page = disclosure.public_plan(plan.publication, today)
    assert (page.completion.done, page.completion.total, page.completion.rate) == (
        DONE,
        TOTAL,
        RATE,
    )
    assert {status: n for status, _, n in page.stats if n} == STATUSES
    (entry,) = [e for e in disclosure.entries([plan.publication], today) if e.plan == plan]
    assert entry.completion.rate == RATE
    assert (
        f"<b>{RATE:g}%</b>完成率"
        in client.get(reverse("public:plan", args=[plan.pk])).content.decode()
    )


def test_api(client, world, plan, today):
    client.force_login(world.people["office"])
    progress = client.get(reverse("api:plan-progress", kwargs={"plan_id": plan.pk})).json()
    assert progress["completion"] == {"done": DONE, "total": TOTAL, "rate": RATE}
    assert {s: n for s, n in progress["statuses"].items() if n} == STATUSES
    assert progress["reports"] == {
        "expected": 8, "on_time": 6, "late": 1, "missing": 1, "rate": 75.0,
    }  # fmt: skip
    listed = client.get(reverse("api:report-list"), {"plan": plan.pk, "unit": world.justice.pk})
    verdicts = {r["measure"]["number"]: r["on_time"] for r in listed.json()["results"]}
    assert verdicts == VERDICTS


def test_the_rate_is_stated_with_its_rule_wherever_it_is_shown(client, world, plan, today):
    client.force_login(world.people["office"])
    pages = {
        "ledger:list": {},
        "dashboards:plan": {"plan_id": plan.pk},
        "supervision:board": {"plan_id": plan.pk},
    }
    for name, kwargs in pages.items():
        html = client.get(reverse(name, kwargs=kwargs)).content.decode()
        assert f"{RATE:g}%" in html and "口径：完成率：" in html, name
    public = client.get(reverse("public:plan", args=[plan.pk])).content.decode()
    assert "口径：完成率：" in public
    assert timezone.localdate() == TODAY
