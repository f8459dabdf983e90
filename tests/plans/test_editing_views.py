"""The office's pages for correcting the ledger and undoing plans: who may, what they
write, the refusals as the office reads them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans.models import Assignment, AuditAction, Measure, Plan
from taizhang.reporting.models import Period
from tests import factories as f


@pytest.fixture
def office(client, world):
    client.force_login(world.people["office"])
    return client


def test_office_sets_units_and_the_ledger_shows_them(office, world):
    url = reverse("editing:measure_units", kwargs={"measure_id": world.first.pk})
    page = office.get(url)
    assert page.status_code == 200
    assert "调整分工单位" in page.content.decode()
    response = office.post(
        url,
        {
            "version": 1,
            "reason": "州委会议调整分工",
            "lead_units": [world.justice.pk],
            "responsible_units": [world.police.pk],
        },
    )
    assert response.status_code == 302
    names = set(Assignment.objects.filter(measure=world.first).values_list("unit__name", flat=True))
    assert names == {"州司法局", "州公安局"}
    detail = office.get(response["Location"]).content.decode()
    assert "州公安局" in detail and "已保存分工单位" in detail
    assert (
        AuditEntry.objects.filter(action=AuditAction.SET_UNITS).get().reason == "州委会议调整分工"
    )


def test_a_stale_form_is_refused_in_chinese(office, world):
    url = reverse("editing:measure_edit", kwargs={"measure_id": world.first.pk})
    office.post(url, {"version": 1, "reason": "一", "text": "第一次修改"})
    response = office.post(url, {"version": 1, "reason": "二", "text": "第二次修改"})
    assert response.status_code == 400
    assert "该任务已被他人修改，请刷新页面后重新编辑。" in response.content.decode()
    world.first.refresh_from_db()
    assert world.first.text == "第一次修改"


def test_a_form_without_reason_is_refused(office, world):
    url = reverse("editing:measure_archive", kwargs={"measure_id": world.first.pk})
    response = office.post(url, {"version": 1})
    assert response.status_code == 400
    assert "请填写修改原因。" in response.content.decode()
    world.first.refresh_from_db()
    assert not world.first.withdrawn


def test_an_archived_measure_leaves_the_ledger_and_comes_back(office, world):
    ledger = reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    archive = reverse("editing:measure_archive", kwargs={"measure_id": world.second.pk})
    office.post(archive, {"version": 1, "reason": "重复任务"})
    assert world.second.text not in office.get(ledger).content.decode()
    archived = reverse("editing:archived_measures", kwargs={"plan_id": world.plan.pk})
    assert world.second.text[:20] in office.get(archived).content.decode()
    restore = reverse("editing:measure_restore", kwargs={"measure_id": world.second.pk})
    office.post(restore, {"version": 2, "reason": "误归档"})
    assert world.second.text in office.get(ledger).content.decode()


def test_others_may_not_edit(client, world):
    client.force_login(world.people["liaison"])
    url = reverse("editing:measure_edit", kwargs={"measure_id": world.first.pk})
    assert client.post(url, {"version": 1, "reason": "x", "text": "y"}).status_code == 403
    assert not AuditEntry.objects.filter(action=AuditAction.EDIT_MEASURE).exists()


def test_office_adds_a_measure(office, world):
    url = reverse("editing:measure_add", kwargs={"plan_id": world.plan.pk})
    response = office.post(
        url,
        {"reason": "会议新增", "text": "开展专项督察。", "lead_units": [world.justice.pk]},
    )
    assert response.status_code == 302
    measure = Measure.objects.get(text="开展专项督察。")
    assert measure.number == 3
    assert Assignment.objects.get(measure=measure).unit == world.justice


def test_archiving_a_plan_hides_it_everywhere_and_restores(office, world):
    title = world.plan.title
    office.post(
        reverse("editing:plan_archive", kwargs={"plan_id": world.plan.pk}), {"reason": "重复导入"}
    )
    assert title not in office.get(reverse("ledger:list")).content.decode()
    assert (
        office.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})).status_code == 404
    )
    assert not Period.objects.filter(plan_id=world.plan.pk).exists()
    archive = office.get(reverse("editing:archived_plans")).content.decode()
    assert title in archive and "已归档" in archive
    entry = AuditEntry.objects.get(action=AuditAction.ARCHIVE_PLAN)
    assert entry.reason == "重复导入"
    office.post(
        reverse("editing:plan_restore", kwargs={"plan_id": world.plan.pk}), {"reason": "恢复"}
    )
    assert title in office.get(reverse("ledger:list")).content.decode()


def test_deleting_a_plan_with_reports_is_refused(office, world):
    f.ReportFactory(assignment=world.first.assignments.first(), period=world.period)
    url = reverse("editing:plan_delete", kwargs={"plan_id": world.plan.pk})
    assert "不能删除" in office.get(url).content.decode()
    response = office.post(url, {"reason": "误导入"})
    assert response.status_code == 400
    assert "1项分工填写过进展报告（含草稿），不能删除" in response.content.decode()
    assert Plan.objects.filter(pk=world.plan.pk).exists()
    assert not AuditEntry.objects.filter(action=AuditAction.DELETE_PLAN).exists()


def test_deleting_a_plan_nobody_reported_on(office, world):
    response = office.post(
        reverse("editing:plan_delete", kwargs={"plan_id": world.plan.pk}), {"reason": "误导入"}
    )
    assert response.status_code == 302
    assert not Plan.all_objects.filter(pk=world.plan.pk).exists()
    entry = AuditEntry.objects.get(action=AuditAction.DELETE_PLAN)
    assert (entry.object_id, entry.reason) == (str(world.plan.pk), "误导入")


def test_plans_of_one_title_are_told_apart(world):
    twin = f.PlanFactory(
        organisation=world.organisation, region=world.home, title=world.plan.title, revision=2
    )
    assert world.plan.title == twin.title
    assert str(world.plan) != str(twin)
    assert "第2版" in str(twin) and "2022—2025年" in str(twin) and "导入" in str(twin)


def test_a_plan_s_label_says_its_years_once_and_its_import_in_chinese(world):
    """A title that states its years (most plans' do) got them again in the brackets, and
    the import time was an ISO date in a Chinese heading."""
    stated = f.PlanFactory(
        organisation=world.organisation, title="某市法治社会建设实施方案（2022—2025年）",
        start_year=2022, end_year=2025,
    )  # fmt: skip
    stated.created_at = datetime.datetime(2026, 7, 6, 6, 5, tzinfo=datetime.UTC)
    assert str(stated) == "某市法治社会建设实施方案（2022—2025年）（第1版，2026年7月6日 14:05导入）"
    unstated = f.PlanFactory(
        organisation=world.organisation, title="某县实施方案", start_year=2023, end_year=2023
    )
    assert str(unstated).startswith("某县实施方案（2023年，第1版，")


def test_the_schedule_and_outcome_are_corrected_with_a_reason_and_audited(office, world):
    url = reverse("editing:measure_edit", kwargs={"measure_id": world.first.pk})
    data = {
        "version": 1,
        "reason": "按市委审议意见补充",
        "text": world.first.text,
        "schedule": "2026年6月底前完成。",
        "outcome": "工作方案和验收材料。",
    }
    response = office.post(url, data)
    assert response.status_code == 302
    world.first.refresh_from_db()
    assert (world.first.schedule, world.first.outcome) == (
        "2026年6月底前完成。",
        "工作方案和验收材料。",
    )
    entry = AuditEntry.objects.get(action=AuditAction.EDIT_MEASURE)
    assert entry.changes["schedule"] == ["", "2026年6月底前完成。"]
