"""The ledger pages cost the same number of queries for 3 measures as for 40."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.plans.models import Assignment, MeasureCollective
from tests import factories as f

# What computing the pages costs: kept pages (taizhang.freshness) would hide it.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_not_kept")]


class Growing:
    """Adds measures to the world's plan, each led by a unit, shared by three more and by
    a collective of two counties, with a report from the lead unit and the 教育局."""

    def __init__(self, world):
        self.world = world
        organisation, plan = world.organisation, world.plan
        self.chapters = [f.ChapterFactory(plan=plan, number=n) for n in ("二", "三")]
        self.sections = [f.SectionFactory(plan=plan, chapter=c) for c in self.chapters]
        self.units = [f.UnitFactory(organisation=organisation, region=world.home) for _ in range(4)]
        counties = [
            f.UnitFactory(organisation=organisation, region=world.county, level="county")
            for _ in range(2)
        ]
        self.collective = f.CollectiveFactory(organisation=organisation, phrase="各县(市)")
        self.collective.members.set(counties)
        self.counties = counties
        self.count = 0

    def add(self, how_many: int) -> None:
        for _ in range(how_many):
            self.count += 1
            index = self.count % 2
            measure = f.MeasureFactory(
                plan=self.world.plan,
                number=100 + self.count,
                chapter=self.chapters[index],
                section=self.sections[index],
            )
            lead = f.AssignmentFactory(measure=measure, unit=self.units[0], role="lead")
            for unit in (*self.units[1:], self.world.education):
                f.AssignmentFactory(measure=measure, unit=unit)
            MeasureCollective.objects.create(
                measure=measure, collective=self.collective, role="responsible"
            )
            for county in self.counties:
                f.AssignmentFactory(measure=measure, unit=county, via=self.collective)
            f.ReportFactory(
                assignment=lead, period=self.world.period, state="accepted", narrative="进展"
            )
            education = Assignment.objects.get(measure=measure, unit=self.world.education)
            f.ReportFactory(assignment=education, period=self.world.period, state="submitted")


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def assert_constant(client, world, user, url):
    growing = Growing(world)
    growing.add(3)
    client.force_login(user)
    client.get(url)  # warm caches (content types, sessions) before counting
    small = queries(client, url)
    growing.add(37)
    large = queries(client, url)
    assert small == large, f"{small} queries for 3 measures, {large} for 40"


def test_ledger_as_office(client, world):
    url = reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    assert_constant(client, world, world.people["office"], url)


def test_ledger_as_liaison(client, world):
    url = reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    assert_constant(client, world, world.people["liaison"], url)


def test_ledger_filtered_by_unit_and_searched(client, world):
    url = reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    url += f"?unit={world.education.pk}&q=法治"
    assert_constant(client, world, world.people["office"], url)


def test_responsibility_list(client, world):
    url = reverse(
        "ledger:responsibilities", kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk}
    )
    assert_constant(client, world, world.people["liaison"], url)


def test_plan_list(client, world):
    assert_constant(client, world, world.people["office"], reverse("ledger:list"))


def test_measure_page(client, world):
    url = reverse("ledger:measure", kwargs={"plan_id": world.plan.pk, "measure_id": world.first.pk})
    assert_constant(client, world, world.people["reviewer"], url)


def test_export(client, world):
    url = reverse("ledger:export", kwargs={"plan_id": world.plan.pk})
    assert_constant(client, world, world.people["office"], url)


@pytest.mark.parametrize("name", ["ledger:ledger", "ledger:export", "ledger:responsibilities"])
def test_a_longer_history_costs_no_more_queries(client, world, name, django_assert_max_num_queries):
    """Quarters of reports pile up behind every assignment; the pages read only each
    assignment's latest, in the same queries, and show the newest."""
    import datetime

    kwargs = {"plan_id": world.plan.pk}
    if name == "ledger:responsibilities":
        kwargs["unit_id"] = world.education.pk
    url = reverse(name, kwargs=kwargs)
    assignments = list(Assignment.objects.filter(measure__plan=world.plan))
    client.force_login(world.people["office"])
    client.get(url)
    small = queries(client, url)
    for year in range(2026, 2030):
        period = f.PeriodFactory(
            plan=world.plan,
            name=f"{year}年",
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
            due_on=datetime.date(year + 1, 1, 10),
        )
        for assignment in assignments:
            f.ReportFactory(
                assignment=assignment, period=period, state="submitted", narrative=f"{year}年进展"
            )
    with django_assert_max_num_queries(small):
        response = client.get(url)
    if name != "ledger:export":  # the newest period shows, an older narrative does not
        page = response.content.decode()
        assert "2029年" in page and "2026年进展" not in page
