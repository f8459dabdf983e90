"""The annual-report pages: who may generate, edit, read and finalise which report; the
editor's optimistic locking; final reports never change; page queries stay flat."""

from __future__ import annotations

import shutil

import pytest
import time_machine
from django.urls import reverse

from taizhang.annual_reports import services as annual_reports
from taizhang.annual_reports.models import AnnualReport
from tests.annual_reports.conftest import TODAY, YEAR

pytestmark = pytest.mark.django_db
needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def create(world, who="office", kind="government", **where):
    where = where or {"region": world.home}
    return annual_reports.create(world.people[who], world.plan, kind, YEAR, today=TODAY, **where)[0]


NAMES = {
    "annual_report": "detail",
    "annual_report_edit": "edit",
    "annual_report_regenerate": "regenerate",
    "annual_report_finalise": "finalise",
    "annual_report_docx": "docx",
    "annual_report_pdf": "pdf",
}


def url(name, report):
    return reverse(f"annual_reports:{NAMES[name]}", kwargs={"annual_report_id": report.pk})


def edit_data(report, **changes):
    data = {
        "version": report.version,
        **{n: getattr(report, n) for n in annual_reports.HEADER_FIELDS},
        **{f"text_{s['key']}": s["text"] for s in report.sections},
    }
    data.update(changes)
    return data


def test_office_generates_the_government_report_from_the_create_page(client, world, work):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("annual_reports:create"),
        {"plan": world.plan.pk, "year": YEAR, "kind": "government", "region": world.home.pk},
    )
    report = AnnualReport.objects.get()
    assert response["Location"] == url("annual_report_edit", report)
    assert (report.kind, report.region, report.created_by) == (
        "government",
        world.home,
        world.people["office"],
    )


def test_a_liaison_cannot_generate_a_government_report(client, world, work):
    client.force_login(world.people["liaison"])
    response = client.post(
        reverse("annual_reports:create"),
        {"plan": world.plan.pk, "year": YEAR, "kind": "government", "region": world.home.pk},
    )
    assert response.status_code == 400
    assert not AnnualReport.objects.exists()


def test_a_year_in_the_future_is_refused_with_one_message(client, world, work):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("annual_reports:create"),
        {"plan": world.plan.pk, "year": 2099, "kind": "government", "region": world.home.pk},
    )
    assert response.status_code == 400
    assert "报告年度应在" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_office_saves_an_edited_section(client, world, work):
    report = create(world)
    client.force_login(world.people["office"])
    response = client.post(
        url("annual_report_edit", report), edit_data(report, text_problems="经费保障不足。")
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert next(s for s in report.sections if s["key"] == "problems")["text"] == "经费保障不足。"
    assert report.versions.count() == 2


def test_a_stale_version_is_refused_and_nothing_is_saved(client, world, work):
    report = create(world)
    client.force_login(world.people["office"])
    stale = edit_data(report, text_problems="甲的修改")
    client.post(url("annual_report_edit", report), edit_data(report, text_problems="乙的修改"))
    response = client.post(url("annual_report_edit", report), stale)
    assert response.status_code == 409
    report.refresh_from_db()
    assert next(s for s in report.sections if s["key"] == "problems")["text"] == "乙的修改"


def test_regenerating_a_section_keeps_edits_elsewhere(client, world, work):
    report = create(world)
    client.force_login(world.people["office"])
    data = edit_data(
        report, text_problems="手工改写", text_overview="被覆盖的文字", section="overview"
    )
    client.post(url("annual_report_regenerate", report), data)
    report.refresh_from_db()
    texts = {s["key"]: s["text"] for s in report.sections}
    assert texts["problems"] == "手工改写"
    assert texts["overview"].startswith("2025年，测试州对照")


def test_leader_reads_but_does_not_edit(client, world, work):
    report = create(world)
    client.force_login(world.people["leader"])
    assert client.get(url("annual_report", report)).status_code == 200
    assert client.get(url("annual_report_edit", report)).status_code == 403
    assert client.post(url("annual_report_finalise", report), {"version": 1}).status_code == 403


def test_unit_staff_edit_their_units_year_end_report(client, world, work):
    report = create(world, "liaison", "unit_year_end", unit=world.education)
    client.force_login(world.people["liaison"])
    assert client.get(url("annual_report_edit", report)).status_code == 200
    client.force_login(world.people["reviewer"])  # 州司法局: another unit
    assert client.get(url("annual_report_edit", report)).status_code == 403


def test_county_office_edits_its_countys_report_and_the_office_reads_it(client, world, work):
    report = create(world, "county", "county_up", region=world.county)
    client.force_login(world.people["county"])
    assert client.get(url("annual_report_edit", report)).status_code == 200
    client.force_login(world.people["office"])
    assert client.get(url("annual_report", report)).status_code == 200
    assert client.get(url("annual_report_edit", report)).status_code == 403


def test_a_liaison_cannot_read_the_government_report(client, world, work):
    report = create(world)
    client.force_login(world.people["liaison"])
    assert client.get(url("annual_report", report)).status_code == 403


def test_another_organisation_gets_404(client, world, work):
    report = create(world)
    client.force_login(world.people["outsider"])
    for name in ("annual_report", "annual_report_edit", "annual_report_docx"):
        assert client.get(url(name, report)).status_code == 404


def test_draft_docx_downloads_with_its_chinese_name(client, world, work):
    report = create(world)
    client.force_login(world.people["leader"])
    response = client.get(url("annual_report_docx", report))
    assert response.content.startswith(b"PK")
    assert "filename*=UTF-8''" in response["Content-Disposition"]


@needs_soffice
def test_finalising_stores_the_docx_and_pdf(
    client, world, work, django_capture_on_commit_callbacks
):
    report = create(world)
    client.force_login(world.people["office"])
    with django_capture_on_commit_callbacks(execute=True):  # the task worker's part
        response = client.post(url("annual_report_finalise", report), {"version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "final" and report.finalised_by == world.people["office"]
    assert report.pdf.open("rb").read().startswith(b"%PDF")
    assert client.get(url("annual_report_pdf", report)).status_code == 200


@needs_soffice
def test_a_final_report_is_immutable(client, world, work):
    report = create(world)
    report = annual_reports.finalise(report, world.people["office"], report.version, TODAY)
    client.force_login(world.people["office"])
    assert client.get(url("annual_report_edit", report)).status_code == 403
    before = report.sections
    response = client.post(url("annual_report_edit", report), edit_data(report, text_problems="x"))
    assert response.status_code == 403
    with pytest.raises(annual_reports.WorkflowError):
        annual_reports.save(report, world.people["office"], {}, {"problems": "x"}, report.version)
    report.refresh_from_db()
    assert report.sections == before and report.state == "final"


@needs_soffice
def test_after_a_final_report_a_new_draft_can_follow(world, work):
    report = create(world)
    annual_reports.finalise(report, world.people["office"], report.version, TODAY)
    again = create(world)
    assert again.pk != report.pk and again.state == "draft"


@needs_soffice
def test_list_shows_final_and_missing_reports_for_last_year(client, world, work):
    report = create(world)
    with time_machine.travel("2026-02-25 10:00 +0800"):
        annual_reports.finalise(report, world.people["office"], report.version)
    client.force_login(world.people["office"])
    with time_machine.travel("2026-03-05 10:00 +0800"):
        page = client.get(reverse("annual_reports:list"), {"year": YEAR}).content.decode()
    assert "已按时定稿" in page  # the government's, before 1 March
    assert "逾期未报" in page  # 甲县's report up, never written


def test_list_marks_missing_reports_before_the_deadline_as_not_yet_filed(client, world, work):
    client.force_login(world.people["office"])
    with time_machine.travel("2026-02-01 10:00 +0800"):
        page = client.get(reverse("annual_reports:list"), {"year": YEAR}).content.decode()
    assert "未报送" in page and "逾期未报" not in page.split("单位年终报告")[0]


def _grow(world, count):
    """More measures, units and filed reports: the pages' queries must not follow."""
    from taizhang.plans.models import Assignment
    from tests import factories as f
    from tests.annual_reports.conftest import file_report

    office = world.people["office"]
    for n in range(count):
        unit = f.UnitFactory(organisation=world.organisation, region=world.home)
        measure = f.MeasureFactory(plan=world.plan, number=100 + n)
        assignment = f.AssignmentFactory(measure=measure, unit=unit, role=Assignment.Role.LEAD)
        file_report(assignment, world.period, office, "done", "完成。", problems="问题。")


@pytest.mark.parametrize("extra", [0, 12])
def test_pages_make_the_same_number_of_queries_however_large(
    client, world, work, extra, django_assert_num_queries
):
    _grow(world, extra)
    report = create(world)
    create(world, "liaison", "unit_year_end", unit=world.education)
    client.force_login(world.people["office"])
    # each page: its own queries, and the person with the menu's count of unread messages
    with django_assert_num_queries(7):
        assert client.get(reverse("annual_reports:list"), {"year": YEAR}).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(url("annual_report", report)).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(url("annual_report_edit", report)).status_code == 200


@pytest.mark.parametrize("extra", [0, 12])
def test_generating_a_report_makes_the_same_number_of_queries(
    world, work, extra, django_assert_num_queries
):
    _grow(world, extra)
    # one of them looks for the year's survey of the plan; the figures are reporting's
    # (three of those: which measures the office closed (销号), which are 督办事项 added
    # during the year, which reports the office gave a later due date (延期)); the missing
    # reports are one grouped query over reporting.status.owed_reports
    with django_assert_num_queries(24):
        create(world)
