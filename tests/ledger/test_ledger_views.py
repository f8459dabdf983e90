"""The plan list, the ledger and the measure page, by role."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from taizhang.plans.models import Assignment, MeasureCollective
from tests import factories as f

pytestmark = pytest.mark.django_db

BEFORE_DEADLINES = datetime.datetime(2025, 6, 1, 10, tzinfo=datetime.UTC)


def ledger_url(plan):
    return reverse("ledger:ledger", kwargs={"plan_id": plan.pk})


def measure_url(measure):
    return reverse("ledger:measure", kwargs={"plan_id": measure.plan_id, "measure_id": measure.pk})


def numbers(response) -> list[int]:
    return [item.measure.number for item in response.context["items"] if hasattr(item, "measure")]


def get(client, user, url, data=None):
    client.force_login(user)
    return client.get(url, data or {})


# -- access ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, kwargs",
    [
        ("ledger:list", {}),
        ("ledger:ledger", {"plan_id": 1}),
        ("ledger:measure", {"plan_id": 1, "measure_id": 1}),
        ("ledger:responsibilities", {"plan_id": 1, "unit_id": 1}),
        ("ledger:my_responsibilities", {"plan_id": 1}),
        ("ledger:export", {"plan_id": 1}),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_office_sees_every_measure_of_the_plan(client, world):
    response = get(client, world.people["office"], ledger_url(world.plan))
    assert response.status_code == 200
    assert numbers(response) == [1, 2]


def test_liaison_sees_only_the_measures_their_unit_carries(client, world):
    response = get(client, world.people["liaison"], ledger_url(world.plan))
    assert numbers(response) == [1]
    assert world.second.text not in response.content.decode()


def test_county_office_sees_what_its_county_units_carry(client, world):
    response = get(client, world.people["county"], ledger_url(world.plan))
    assert numbers(response) == [1]


def test_outsider_gets_404_for_the_ledger(client, world):
    response = get(client, world.people["outsider"], ledger_url(world.plan))
    assert response.status_code == 404


def test_staff_of_a_unit_without_work_in_the_plan_get_403(client, world):
    idle = f.UnitFactory(organisation=world.organisation, region=world.home, name="州统计局")
    person = f.UserFactory(organisation=world.organisation, role="liaison", unit=idle)
    response = get(client, person, ledger_url(world.plan))
    assert response.status_code == 403


def test_plan_list_shows_the_plans_of_the_organisation_with_measure_counts(client, world):
    response = get(client, world.people["office"], reverse("ledger:list"))
    entries = response.context["entries"]
    assert [(e["plan"], e["total"]) for e in entries] == [(world.plan, 2)]


def test_plan_list_counts_only_the_measures_the_liaison_may_see(client, world):
    response = get(client, world.people["liaison"], reverse("ledger:list"))
    assert [e["total"] for e in response.context["entries"]] == [1]


def test_plan_list_never_shows_another_organisations_plans(client, world):
    response = get(client, world.people["outsider"], reverse("ledger:list"))
    assert [e["plan"] for e in response.context["entries"]] == [world.other_plan]


@time_machine.travel(BEFORE_DEADLINES)
def test_plan_list_summarises_completion(client, world):
    lead = world.first.assignments.get(role="lead")
    f.ReportFactory(assignment=lead, period=world.period, state="accepted", status="done")
    response = get(client, world.people["office"], reverse("ledger:list"))
    statuses = {s: n for s, _, n in response.context["entries"][0]["statuses"]}
    assert (statuses["done"], statuses["not_started"]) == (1, 1)


# -- the table ---------------------------------------------------------------------------


def test_measures_are_grouped_under_chapter_and_section_rows(client, world):
    chapter = f.ChapterFactory(plan=world.plan, number="二", title="增强全社会法治观念")
    section = f.SectionFactory(plan=world.plan, chapter=chapter, number="一", title="维护宪法权威")
    world.first.chapter, world.first.section = chapter, section
    world.first.save()
    response = get(client, world.people["office"], ledger_url(world.plan))
    content = response.content.decode()
    assert '<tr class="group chapter"><td colspan="6">二、增强全社会法治观念</td></tr>' in content
    assert '<tr class="group section"><td colspan="6">(一)维护宪法权威</td></tr>' in content


def test_standard_column_headers(client, world):
    response = get(client, world.people["office"], ledger_url(world.plan))
    assert (
        "<th>序号</th><th>任务内容</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th>"
        "<th>进展情况</th>" in response.content.decode()
    )


def test_collectives_show_after_the_named_units(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    other_county = f.UnitFactory(organisation=world.organisation, name="乙县人民政府")
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    f.AssignmentFactory(
        measure=world.first, unit=other_county, role=Assignment.Role.RESPONSIBLE, via=collective
    )
    response = get(client, world.people["office"], ledger_url(world.plan))
    row = response.context["items"][0]
    assert row.responsible == ["州教育局", "甲县人民政府", "各县(市)"]


@time_machine.travel(BEFORE_DEADLINES)
def test_progress_column_shows_the_lead_units_latest_sent_report(client, world):
    lead = world.first.assignments.get(role="lead")
    f.ReportFactory(
        assignment=lead, period=world.period, state="submitted", status="in_progress",
        narrative="已召开专题会议部署。",
    )  # fmt: skip
    response = get(client, world.people["office"], ledger_url(world.plan))
    content = response.content.decode()
    # the narrative shows with its state; the status waits for the review
    assert "已召开专题会议部署。" in content and "已报送" in content
    assert '<span class="badge not_started">未启动</span>' in content


def test_measure_number_links_to_the_measure_page(client, world):
    response = get(client, world.people["office"], ledger_url(world.plan))
    assert f'href="{measure_url(world.first)}"' in response.content.decode()


def test_export_link_keeps_the_current_filters(client, world):
    response = get(client, world.people["office"], ledger_url(world.plan), {"q": "宣传"})
    export = reverse("ledger:export", kwargs={"plan_id": world.plan.pk})
    assert f'href="{export}?q=%E5%AE%A3%E4%BC%A0"' in response.content.decode()


# -- the measure page --------------------------------------------------------------------


def test_measure_page_shows_text_attribution_units_and_deadline(client, world):
    world.first.attribution_raw = "牵头单位：州司法局；责任单位：州教育局、甲县人民政府"
    world.first.save()
    response = get(client, world.people["office"], measure_url(world.first))
    content = response.content.decode()
    assert response.status_code == 200
    for text in (world.first.text, world.first.attribution_raw, "州司法局", "甲县人民政府"):
        assert text in content
    assert "到2025年" in content


def test_measure_page_names_the_collective_a_unit_came_through(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    other_county = f.UnitFactory(organisation=world.organisation, name="乙县人民政府")
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    f.AssignmentFactory(measure=world.first, unit=other_county, via=collective)
    response = get(client, world.people["office"], measure_url(world.first))
    assert "通过“各县(市)”" in response.content.decode()


def test_measure_page_lists_targets_and_recurring_duties(client, world):
    f.TargetFactory(measure=world.first, quote="覆盖率达到95%以上")
    world.first.duties.create(quote="每年至少开展2次评查抽查", times_per_year=2)
    content = get(client, world.people["office"], measure_url(world.first)).content.decode()
    assert "覆盖率达到95%以上" in content
    assert "每年至少开展2次评查抽查" in content


def test_liaison_may_not_open_a_measure_their_unit_does_not_carry(client, world):
    response = get(client, world.people["liaison"], measure_url(world.second))
    assert response.status_code == 403


def test_outsider_gets_404_for_a_measure(client, world):
    response = get(client, world.people["outsider"], measure_url(world.first))
    assert response.status_code == 404


def test_a_measure_under_the_wrong_plan_is_404(client, world):
    other = f.PlanFactory(organisation=world.organisation, region=world.home)
    url = reverse("ledger:measure", kwargs={"plan_id": other.pk, "measure_id": world.first.pk})
    assert get(client, world.people["office"], url).status_code == 404


def test_liaison_sees_their_own_report_but_not_the_lead_units(client, world):
    lead = world.first.assignments.get(role="lead")
    mine = world.first.assignments.get(unit=world.education)
    f.ReportFactory(assignment=lead, period=world.period, narrative="司法局的进展")
    f.ReportFactory(assignment=mine, period=world.period, narrative="教育局的进展")
    content = get(client, world.people["liaison"], measure_url(world.first)).content.decode()
    assert "教育局的进展" in content
    assert "司法局的进展" not in content


def test_lead_unit_reviewer_sees_every_report_on_the_measure(client, world):
    mine = world.first.assignments.get(unit=world.education)
    f.ReportFactory(assignment=mine, period=world.period, narrative="教育局的进展")
    content = get(client, world.people["reviewer"], measure_url(world.first)).content.decode()
    assert "教育局的进展" in content


def test_measure_page_links_each_report_to_its_page(client, world):
    lead = world.first.assignments.get(role="lead")
    report = f.ReportFactory(assignment=lead, period=world.period)
    content = get(client, world.people["office"], measure_url(world.first)).content.decode()
    assert reverse("reporting:report_detail", kwargs={"report_id": report.pk}) in content


# -- the public disclosure settings are reached from the plan -----------------------------


@pytest.mark.parametrize(
    "role, linked",
    [("office", True), ("leader", False), ("liaison", False), ("reviewer", False)],
)
def test_the_public_settings_are_linked_from_the_plan_for_who_may_change_them(
    client, world, role, linked
):
    settings_url = reverse("public:settings", kwargs={"plan_id": world.plan.pk})
    page = get(client, world.people[role], ledger_url(world.plan)).content.decode()
    assert (f'href="{settings_url}"' in page) is linked
    if linked:
        assert client.get(settings_url).status_code == 200


def test_a_measure_with_no_lead_shows_a_dash_as_the_preview_did(client, world):
    """A measure imported with no lead (the first part of a split) showed an empty cell in
    the ledger, where the import preview and the responsibility list show —."""
    chapter = world.plan.measures.first().chapter
    f.MeasureFactory(plan=world.plan, chapter=chapter, number=3, position=99, text="推行一窗通办。")
    response = get(client, world.people["office"], ledger_url(world.plan))
    page = response.content.decode()
    assert '<td class="units" data-label="牵头单位">—</td>' in page
