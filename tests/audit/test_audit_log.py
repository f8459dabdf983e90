"""The audit log: append-only, scoped to one organisation, readable, exportable."""

import datetime
import io

import pytest
import time_machine
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from taizhang.audit import urls as audit_urls
from taizhang.audit.display import change_lines
from taizhang.audit.log import record
from taizhang.audit.models import AuditEntry
from taizhang.directory.merging import merge_units
from taizhang.plans.assignments import set_collective_members
from taizhang.units import services as directory
from tests import factories as f


@pytest.fixture
def entry(world):
    return record(
        world.people["office"],
        "update",
        world.justice,
        {"category": ["a", "b"]},
        organisation=world.organisation,
    )


# -- append-only -------------------------------------------------------------------------


def test_saving_an_entry_again_raises(entry):
    entry.reason = "改写"
    with pytest.raises(PermissionError):
        entry.save()


def test_deleting_an_entry_raises(entry):
    with pytest.raises(PermissionError):
        entry.delete()


def test_bulk_update_raises(entry):
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(reason="改写")


def test_bulk_delete_raises(entry):
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_there_is_no_view_to_edit_or_delete(world):
    assert sorted(p.name for p in audit_urls.urlpatterns) == ["log", "log_export"]


def test_admin_registers_entries_read_only(rf, world):
    model_admin = admin.site._registry[AuditEntry]
    request = rf.get("/")
    request.user = world.people["sysadmin"]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_log_page_refuses_post(client, world, entry):
    client.force_login(world.people["office"])
    assert client.post(reverse("audit:log")).status_code == 405


# -- who sees what ---------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, world):
    assert client.get(reverse("audit:log")).status_code == 302


def test_the_office_sees_its_log(client, world, entry):
    client.force_login(world.people["office"])
    assert list(client.get(reverse("audit:log")).context["entries"]) == [entry]


def _account_entry(world, organisation, actor="office"):
    """An entry about an account (the system administrator's part of the log)."""
    return record(
        world.people[actor],
        "update",
        world.people["liaison"],
        {"email": ["", "a@example.cn"]},
        organisation=organisation,
    )


def test_the_sysadmin_sees_the_account_entries_and_nothing_about_plans(client, world, entry):
    account = _account_entry(world, world.organisation)
    client.force_login(world.people["sysadmin"])
    page = client.get(reverse("audit:log"))
    assert list(page.context["entries"]) == [account]
    export = client.get(reverse("audit:log_export"))
    assert export.status_code == 200 and world.justice.name not in _cells(export)


@pytest.mark.parametrize("role", ["leader", "liaison", "reviewer", "county"])
def test_other_roles_are_refused(client, world, role):
    client.force_login(world.people[role])
    assert client.get(reverse("audit:log")).status_code == 403
    assert client.get(reverse("audit:log_export")).status_code == 403


def test_another_organisation_sees_none_of_the_entries(client, world, entry):
    client.force_login(world.people["outsider"])
    assert list(client.get(reverse("audit:log")).context["entries"]) == []


def _entry_in_another_organisation(world):
    record(
        world.people["outsider"],
        "create",
        world.other,
        {"name": "另一市"},
        organisation=world.other,
    )


def test_sysadmin_can_narrow_to_one_organisation(client, world, entry):
    _entry_in_another_organisation(world)
    mine = _account_entry(world, world.organisation)
    _account_entry(world, world.other, actor="outsider")
    client.force_login(world.people["sysadmin"])
    response = client.get(reverse("audit:log") + f"?org={world.organisation.pk}")
    assert list(response.context["entries"]) == [mine]


def test_an_entry_belongs_to_the_organisation_it_is_told(world):
    report = f.ReportFactory(assignment=world.first.assignments.first(), period=world.period)
    entry = record(world.people["liaison"], "save", report, organisation=world.organisation.pk)
    assert entry.organisation == world.organisation


# -- what the page shows -----------------------------------------------------------------


def test_page_shows_who_what_and_why_in_chinese(client, world):
    office = world.people["office"]
    directory.update_unit(world.justice, office, "机构改革", category="party")
    client.force_login(office)
    page = client.get(reverse("audit:log")).content.decode()
    for text in (str(office), "修改", "单位", "州司法局", "类别：政府部门 → 党委部门", "机构改革"):
        assert text in page


def test_merge_and_alias_and_members_are_shown(client, world):
    office = world.people["office"]
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州司法所")
    merge_units(world.justice, dup, office, "重复")
    directory.add_alias(world.justice, "州司法行政局", office)
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="州有关部门")
    set_collective_members(collective, [world.police], office)
    client.force_login(office)
    page = client.get(reverse("audit:log")).content.decode()
    for text in ("合并单位", "并入单位：州司法所", "别名：州司法行政局", "新增成员：州公安局"):
        assert text in page


def test_newest_entries_come_first(client, world):
    first = record(
        world.people["office"], "create", world.justice, {}, organisation=world.organisation
    )
    second = record(
        world.people["office"], "update", world.justice, {}, organisation=world.organisation
    )
    client.force_login(world.people["office"])
    assert list(client.get(reverse("audit:log")).context["entries"]) == [second, first]


def test_log_is_paginated(client, world):
    for i in range(55):
        record(
            world.people["office"],
            "update",
            world.justice,
            {"name": f"州司法局{i}"},
            organisation=world.organisation,
        )
    client.force_login(world.people["office"])
    first = client.get(reverse("audit:log"))
    second = client.get(reverse("audit:log") + "?page=2")
    assert (len(first.context["entries"]), len(second.context["entries"])) == (50, 5)


def _filtered(client, world, query):
    client.force_login(world.people["office"])
    return list(client.get(reverse("audit:log") + "?" + query).context["entries"])


def test_filter_by_action(client, world):
    record(world.people["office"], "create", world.justice, {}, organisation=world.organisation)
    wanted = record(
        world.people["office"], "alias", world.justice, {}, organisation=world.organisation
    )
    assert _filtered(client, world, "action=alias") == [wanted]


def test_filter_by_person(client, world):
    record(world.people["office"], "create", world.justice, {}, organisation=world.organisation)
    wanted = record(
        world.people["reviewer"], "create", world.justice, {}, organisation=world.organisation
    )
    assert _filtered(client, world, f"actor={world.people['reviewer'].pk}") == [wanted]


def test_filter_by_object_type(client, world):
    record(world.people["office"], "create", world.justice, {}, organisation=world.organisation)
    wanted = record(
        world.people["office"], "import", world.plan, {}, organisation=world.organisation
    )
    assert _filtered(client, world, "object_type=plan") == [wanted]


def test_filter_by_date_range(client, world):
    # (an entry is written when it happens: the log cannot be backdated, even in SQL)
    with time_machine.travel(timezone.now() - datetime.timedelta(days=40), tick=False):
        record(world.people["office"], "create", world.justice, {}, organisation=world.organisation)
    recent = record(
        world.people["office"], "update", world.justice, {}, organisation=world.organisation
    )
    start = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()
    end = timezone.localdate().isoformat()
    assert _filtered(client, world, f"start={start}&end={end}") == [recent]


def test_start_after_end_is_one_clear_message(client, world):
    client.force_login(world.people["office"])
    page = client.get(reverse("audit:log") + "?start=2025-05-01&end=2025-04-01").content.decode()
    assert "起始日期不能晚于截止日期。" in page


def _queries(client):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("audit:log")).status_code == 200
    return len(captured)


def test_page_queries_do_not_grow_with_entries(client, world):
    client.force_login(world.people["office"])
    record(world.people["office"], "create", world.justice, {}, organisation=world.organisation)
    small = _queries(client)
    people = [f.UserFactory(organisation=world.organisation) for _ in range(5)]
    for i in range(80):
        record(
            people[i % 5],
            "update",
            world.police,
            {"category": ["a", "b"]},
            "原因",
            organisation=world.organisation,
        )
    assert _queries(client) == small


# -- export ------------------------------------------------------------------------------


def _rows(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(min_row=3, values_only=True))


def test_export_reads_back_as_the_filtered_entries(client, world):
    office = world.people["office"]
    directory.update_unit(world.justice, office, "机构改革", category="party")
    directory.add_alias(world.police, "州公安处", office, "旧称")
    client.force_login(office)
    response = client.get(reverse("audit:log_export") + "?action=update")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    (row,) = _rows(response)
    assert row[2:] == (
        str(office),
        "修改",
        "单位",
        "州司法局",
        "类别：政府部门 → 党委部门",
        "机构改革",
    )


def test_export_writes_what_people_typed_as_text(client, world):
    office = world.people["office"]
    directory.update_unit(world.justice, office, "=CMD|' /C calc'!A0\x07", category="party")
    client.force_login(office)
    sheet = load_workbook(io.BytesIO(client.get(reverse("audit:log_export")).content)).active
    reason = sheet.cell(row=3, column=8)
    assert (reason.value, reason.data_type) == ("=CMD|' /C calc'!A0", "s")


def test_export_holds_only_the_organisations_entries(client, world, entry):
    _entry_in_another_organisation(world)
    client.force_login(world.people["outsider"])
    rows = _rows(client.get(reverse("audit:log_export")))
    assert [row[5] for row in rows] == ["另一市"]


def test_a_saved_report_change_reads_as_before_and_after():
    lines = change_lines("save", {"status": ["not_started", "lagging"]}, "progressreport")
    assert lines == ["进展状态：未启动 → 滞后"]


def _cells(response) -> str:
    import io

    from openpyxl import load_workbook

    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)


# -- a long log is exported in the background ---------------------------------------------


def test_a_long_log_is_exported_by_the_worker_and_the_person_told(
    client, world, entry, settings, django_capture_on_commit_callbacks
):
    from taizhang.jobs.models import Job
    from taizhang.notifications.models import Delivery

    settings.TAIZHANG_BACKGROUND_EXPORT = {"LEDGER_MEASURES": 150, "AUDIT_ENTRIES": 0}
    office = world.people["office"]
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("audit:log_export"), follow=True)
    job = Job.objects.get(kind=Job.Kind.EXPORT, owner=office)
    assert response.redirect_chain[-1][0] == reverse("jobs:job", kwargs={"job_id": job.pk})
    assert job.status == Job.Status.DONE
    download = client.get(reverse("jobs:download", kwargs={"job_id": job.pk}))
    assert world.justice.name in _cells(download)
    told = Delivery.objects.get(recipient=office, notification__key=f"job_finished:{job.pk}")
    assert "导出操作日志" in told.notification.title


def test_the_background_export_is_refused_to_who_may_not_read_the_log(client, world):
    client.force_login(world.people["liaison"])
    assert client.get(reverse("jobs:audit_export")).status_code == 403
