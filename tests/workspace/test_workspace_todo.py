"""The to-do page: what is due, returned and waiting for review, in constant queries."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from taizhang.plans.models import Assignment
from taizhang.reporting import services
from tests.factories import AssignmentFactory, MeasureFactory

# The world's period is 2025 Q1, due 10 April 2025.
BEFORE_DUE = datetime.datetime(2025, 4, 3, 10, tzinfo=datetime.UTC)
AFTER_DUE = datetime.datetime(2025, 4, 15, 10, tzinfo=datetime.UTC)
TODO = reverse("workspace:todo")


@pytest.fixture
def travel():
    with time_machine.travel(BEFORE_DUE, tick=False) as traveller:
        yield traveller


def _assignment(world, unit):
    return Assignment.objects.get(measure=world.first, unit=unit)


def _submit(world, unit, person):
    report = services.start_report(_assignment(world, unit), world.period)
    report = services.save_draft(report, world.people[person], {"narrative": "进展"}, 0)
    return services.submit(report, world.people[person], report.version)


def test_the_home_page_leads_to_the_todo_page(client, world, travel):
    client.force_login(world.people["liaison"])
    assert client.get("/")["Location"] == TODO


def test_a_liaison_sees_the_report_due_with_days_left(client, world, travel):
    client.force_login(world.people["liaison"])
    todo = client.get(TODO).context["todo"]
    assert [(i.assignment.unit, i.period, i.days_left) for i in todo.due] == [
        (world.education, world.period, 7)
    ]
    assert "剩 7 天" in client.get(TODO).content.decode()


def test_an_overdue_report_shows_days_overdue(client, world, travel):
    travel.move_to(AFTER_DUE)
    client.force_login(world.people["liaison"])
    response = client.get(TODO)
    assert response.context["todo"].due[0].days_overdue == 5
    assert "逾期 5 天" in response.content.decode()


def test_a_submitted_report_is_no_longer_due(client, world, travel):
    _submit(world, world.education, "liaison")
    client.force_login(world.people["liaison"])
    assert client.get(TODO).context["todo"].due == []


def test_a_draft_is_still_due(client, world, travel):
    report = services.start_report(_assignment(world, world.education), world.period)
    services.save_draft(report, world.people["liaison"], {"narrative": "草稿"}, 0)
    client.force_login(world.people["liaison"])
    assert "继续填报" in client.get(TODO).content.decode()


def test_a_period_not_yet_begun_is_not_due(client, world):
    with time_machine.travel(datetime.datetime(2024, 12, 1, tzinfo=datetime.UTC)):
        client.force_login(world.people["liaison"])
        assert client.get(TODO).context["todo"].due == []


def test_a_returned_report_is_listed_with_the_comment(client, world, travel):
    report = _submit(world, world.education, "liaison")
    services.review(report, world.people["reviewer"], "return", "数据不全", report.version)
    client.force_login(world.people["liaison"])
    response = client.get(TODO)
    assert [r.pk for r in response.context["todo"].returned] == [report.pk]
    assert "数据不全" in response.content.decode()


def test_a_reviewer_sees_reports_waiting_for_review_and_the_own_units_report_due(
    client, world, travel
):
    report = _submit(world, world.education, "liaison")
    client.force_login(world.people["reviewer"])
    todo = client.get(TODO).context["todo"]
    assert [r.pk for r in todo.to_review] == [report.pk]
    assert [i.assignment.unit for i in todo.due] == [world.justice]


def test_a_reviewer_does_not_see_reports_on_measures_another_unit_leads(client, world, travel):
    from tests.factories import UnitFactory

    other = UnitFactory(organisation=world.organisation, region=world.home, name="州民政局")
    assignment = AssignmentFactory(measure=world.second, unit=other)
    report = services.start_report(assignment, world.period)
    report = services.save_draft(report, world.people["office"], {"narrative": "进展"}, 0)
    services.submit(report, world.people["office"], report.version)
    client.force_login(world.people["reviewer"])
    assert client.get(TODO).context["todo"].to_review == []


def test_the_county_office_sees_its_countys_units(client, world, travel):
    client.force_login(world.people["county"])
    todo = client.get(TODO).context["todo"]
    assert [i.assignment.unit for i in todo.due] == [world.county_government]


def test_the_office_sees_lead_reports_waiting_and_overdue_counts(client, world, travel):
    lead = _submit(world, world.justice, "reviewer")
    _submit(world, world.education, "liaison")
    travel.move_to(AFTER_DUE)
    client.force_login(world.people["office"])
    todo = client.get(TODO).context["todo"]
    assert [r.pk for r in todo.office_review] == [lead.pk]
    summary = todo.summaries[0]
    assert (summary.expected, summary.filed, summary.missing) == (4, 2, 2)
    assert todo.overdue_total == 2


def test_a_leader_sees_a_summary(client, world, travel):
    client.force_login(world.people["leader"])
    response = client.get(TODO)
    assert "报送进度概览" in response.content.decode()
    assert response.context["todo"].summaries[0].expected == 4


def test_an_outsider_sees_nothing_of_the_organisation(client, world, travel):
    _submit(world, world.justice, "reviewer")
    client.force_login(world.people["outsider"])
    todo = client.get(TODO).context["todo"]
    assert todo.office_review == [] and todo.summaries == []


def _grow(world, measures=30):
    """Many more measures, each led by the 司法局 and carried by the 教育局 and the county,
    with reports in every state."""
    for n in range(measures):
        measure = MeasureFactory(plan=world.plan, number=100 + n)
        AssignmentFactory(measure=measure, unit=world.justice, role="lead")
        education = AssignmentFactory(measure=measure, unit=world.education)
        AssignmentFactory(measure=measure, unit=world.county_government)
        report = services.start_report(education, world.period)
        report = services.save_draft(report, world.people["liaison"], {"narrative": "进展"}, 0)
        if n % 3:
            report = services.submit(report, world.people["liaison"], report.version)
        if n % 3 == 2:
            services.review(report, world.people["reviewer"], "return", "补充", report.version)


@pytest.mark.usefixtures("pages_not_kept")  # what computing it costs
@pytest.mark.parametrize("role", ["liaison", "reviewer", "county", "office", "leader"])
def test_the_query_count_does_not_grow_with_the_plan(
    client, world, travel, role, django_assert_max_num_queries
):
    client.force_login(world.people[role])
    client.get(TODO)
    with django_assert_max_num_queries(50) as small:
        client.get(TODO)
    _grow(world)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(TODO)
    assert len(large.captured_queries) == len(small.captured_queries)
    assert response.status_code == 200


def test_a_long_list_due_is_paginated_with_the_filter_kept(client, world, travel):
    """A unit owing more than a page reads the list 50 at a time: the counts at the top
    count all of it, the page links keep the filter, and the workbook takes everything
    under the filter whatever the page."""
    import io

    import openpyxl

    for number in range(3, 62):  # 59 more: the 教育局 owes 60
        measure = MeasureFactory(plan=world.plan, number=number)
        AssignmentFactory(measure=measure, unit=world.education, role="responsible")
    client.force_login(world.people["liaison"])
    first = client.get(TODO + f"?plan={world.plan.pk}&sort=measure")
    todo, page = first.context["todo"], first.context["due_page"]
    assert (todo.due_total, todo.due_matching) == (60, 60)
    assert (len(page.object_list), page.paginator.num_pages) == (50, 2)
    html = first.content.decode()
    assert "<b>60</b>待填报" in html
    assert f'href="?plan={world.plan.pk}&amp;sort=measure&amp;page=2#due-title"' in html
    assert "符合条件的共 60 项，第 1–50 项" in html
    second = client.get(TODO + f"?plan={world.plan.pk}&sort=measure&page=2")
    numbers = [item.assignment.measure.number for item in second.context["due_page"]]
    assert numbers == list(range(52, 62))
    assert "<b>60</b>待填报" in second.content.decode()
    sheet = reverse("workspace:filing_sheet") + f"?plan={world.plan.pk}&amp;sort=measure"
    assert f'href="{sheet}"' in second.content.decode()  # the page is not the workbook's
    book = client.get(reverse("workspace:filing_sheet") + f"?plan={world.plan.pk}&page=2")
    rows = openpyxl.load_workbook(io.BytesIO(book.content)).worksheets[0].max_row - 3
    assert rows == 60
