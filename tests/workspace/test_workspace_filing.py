"""批量填报: a unit downloads the reports it owes as one workbook, fills it in, uploads it,
checks the preview and saves or submits them all at once (or nothing)."""

import datetime
import io
import zipfile

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.accounts.models import Role
from taizhang.audit.models import AuditEntry
from taizhang.plans.models import Assignment
from taizhang.reporting import filing_sheet, services
from taizhang.reporting.models import ProgressReport
from tests import factories as f

BEFORE_DUE = datetime.datetime(2025, 4, 3, 10, tzinfo=datetime.UTC)
TODO = reverse("workspace:todo")
SHEET = reverse("workspace:filing_sheet")
UPLOAD = reverse("workspace:filing_upload")
CONFIRM = reverse("workspace:filing_confirm")
FIRST_ROW = 4  # title, note, header
NOTHING_WRITTEN = "跳过：未填写（进展状态为未启动，各栏为空）"


@pytest.fixture(autouse=True)
def travel():
    with time_machine.travel(BEFORE_DUE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def two(world):
    """The 教育局 owes two reports: measure 1 and measure 2."""
    f.AssignmentFactory(measure=world.second, unit=world.education, role="responsible")
    return world


@pytest.fixture
def liaison(client, world):
    client.force_login(world.people["liaison"])
    return client


def _download(client, query="") -> openpyxl.Workbook:
    response = client.get(SHEET + query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[3]}


def _fill(book, row, **values) -> bytes:
    sheet = book.worksheets[0]
    columns = _columns(sheet)
    for name, value in values.items():
        sheet.cell(row=row, column=columns[name]).value = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _upload(client, data: bytes, name="填报表.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def _report(world, unit=None, measure=None):
    assignment = Assignment.objects.get(
        measure=measure or world.first, unit=unit or world.education
    )
    return ProgressReport.objects.filter(assignment=assignment, period=world.period).first()


def test_the_todo_offers_the_workbook_under_its_filters(liaison, world):
    page = liaison.get(TODO + f"?plan={world.plan.pk}").content.decode()
    assert "下载填报表（Excel）" in page
    assert f"{SHEET}?plan={world.plan.pk}" in page


def test_the_workbook_lists_what_the_unit_owes_with_a_hidden_key(liaison, two):
    sheet = _download(liaison).worksheets[0]
    header = [cell.value for cell in sheet[3]]
    assert header[:9] == [
        "序号",
        "任务内容",
        "牵头单位",
        "责任单位",
        "完成时限",
        "报送单位",
        "报送周期",
        "截止日期",
        "进展状态",
    ]
    assert header[9:13] == ["进展情况", "主要举措", "存在问题", "下步打算"]
    rows = list(sheet.iter_rows(min_row=FIRST_ROW, values_only=True))
    assert [(r[0], r[2], r[5], r[7], r[8]) for r in rows] == [
        (1, "州司法局", "州教育局", "2025-04-10", "未启动"),
        (2, "州公安局", "州教育局", "2025-04-10", "未启动"),
    ]
    key = _columns(sheet)[filing_sheet.KEY_HEADER]
    letter = openpyxl.utils.get_column_letter(key)
    assert sheet.column_dimensions[letter].hidden
    assert sheet.protection.sheet
    assert sheet.freeze_panes == "A4"
    assert sheet.page_setup.orientation == "landscape"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.formula1 == '"未启动,推进中,已完成,滞后"'
    assert "指标实际值和佐证材料请在系统中" in sheet.cell(row=2, column=1).value


def test_round_trip_submits_and_the_todo_count_drops(liaison, world):
    assert liaison.get(TODO).context["todo"].due_total == 1
    data = _fill(_download(liaison), FIRST_ROW, 进展状态="推进中", 进展情况="=1+1", 主要举措="+cmd")
    preview = _upload(liaison, data)
    assert preview.status_code == 200
    assert [row.number for row in preview.context["preview"].to_save] == [FIRST_ROW]
    response = liaison.post(CONFIRM, {"token": preview.context["token"], "mode": "submit"})
    assert response.status_code == 302
    report = _report(world)
    assert (report.state, report.status, report.version) == ("submitted", "in_progress", 2)
    assert (report.narrative, report.actions) == ("=1+1", "+cmd")
    assert liaison.get(TODO).context["todo"].due_total == 0
    batch = AuditEntry.objects.get(action="batch_file")
    assert "1份，提交审核" in batch.changes["batch"]
    assert batch.changes["batch_reports"] == [f"任务1（州教育局，{world.period.name}）"]
    saved = AuditEntry.objects.filter(action__in=("save", "submit"), object_id=str(report.pk))
    assert saved.count() == 2
    assert all(entry.reason.startswith("批量填报") for entry in saved)


def test_a_draft_saved_from_the_workbook_comes_back_as_text(liaison, world):
    data = _fill(_download(liaison), FIRST_ROW, 进展状态="推进中", 存在问题="=HYPERLINK(1)")
    preview = _upload(liaison, data)
    liaison.post(CONFIRM, {"token": preview.context["token"], "mode": "draft"})
    report = _report(world)
    assert (report.state, report.version, report.problems) == ("draft", 1, "=HYPERLINK(1)")
    assert liaison.get(TODO).context["todo"].due_total == 1  # a draft is still owed
    sheet = _download(liaison).worksheets[0]
    cell = sheet.cell(row=FIRST_ROW, column=_columns(sheet)["存在问题"])
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=HYPERLINK(1)", "s", True)
    assert sheet.cell(row=FIRST_ROW, column=_columns(sheet)["进展状态"]).value == "推进中"
    key = sheet.cell(row=FIRST_ROW, column=_columns(sheet)[filing_sheet.KEY_HEADER]).value
    assert key.endswith("-1")  # the draft's version


def test_submitting_needs_every_narrative(liaison, world):
    data = _fill(_download(liaison), FIRST_ROW, 进展状态="推进中", 主要举措="措施")
    preview = _upload(liaison, data)
    assert "只能保存为草稿" in preview.content.decode()
    response = liaison.post(CONFIRM, {"token": preview.context["token"], "mode": "submit"})
    assert response.status_code == 400
    assert _report(world) is None


def test_one_bad_row_saves_nothing(liaison, two):
    book = _download(liaison)
    _fill(book, FIRST_ROW, 进展状态="推进中", 进展情况="已完成调研")
    data = _fill(book, FIRST_ROW + 1, 进展状态="差不多", 进展情况="x" * 5001)
    response = _upload(liaison, data)
    assert response.status_code == 400
    assert "token" not in response.context
    page = response.content.decode()
    label = f"第5行 任务2（州教育局，{two.period.name}）"
    assert f"{label}：进展状态“差不多”无法识别，请从下拉列表中选择" in page
    assert "超过 5000 字的上限" in page
    assert ProgressReport.objects.count() == 0


def _draft(world, measure, data, person="liaison"):
    assignment = Assignment.objects.get(measure=measure, unit=world.education)
    report = services.start_report(assignment, world.period)
    return services.save_draft(report, world.people[person], data, report.version)


def _fates(response) -> list[tuple[int, str, str]]:
    return [
        (line["row"].number, line["draft"].label, line["submit"].label)
        for line in response.context["preview"].lines
    ]


def test_submitting_sends_an_unchanged_complete_draft(liaison, two):
    """A draft saved during the quarter, downloaded and uploaded unchanged, is submitted
    when the person chooses 提交审核; the untouched row stays skipped, its reason shown,
    and the counts the preview gives are what the confirmation does."""
    _draft(two, two.first, {"status": "in_progress", "narrative": "草稿"})
    response = _upload(liaison, _fill(_download(liaison), FIRST_ROW))
    assert response.status_code == 200
    assert _fates(response) == [
        (4, "跳过：与已保存的草稿相同", "提交"),
        (5, NOTHING_WRITTEN, NOTHING_WRITTEN),
    ]
    page = response.content.decode()
    assert "提交审核（1份）" in page
    assert "保存为草稿（" not in page  # nothing changed: nothing to save as a draft
    confirm = liaison.post(CONFIRM, {"token": response.context["token"], "mode": "submit"})
    assert confirm.status_code == 302
    report = _report(two)
    assert (report.state, report.version, report.narrative) == ("submitted", 2, "草稿")
    entries = AuditEntry.objects.filter(object_id=str(report.pk)).order_by("pk")
    assert [entry.action for entry in entries] == ["save", "submit"]  # no empty save
    assert entries.last().reason.startswith("批量填报")
    assert liaison.get(TODO).context["todo"].due_total == 1
    assert AuditEntry.objects.get(action="batch_file").changes["batch_reports"] == [
        f"任务1（州教育局，{two.period.name}）"
    ]


def test_a_draft_with_nothing_written_stays_skipped_when_submitting(liaison, two):
    _draft(two, two.first, {"status": "not_started", "narrative": ""})
    _draft(two, two.second, {"status": "in_progress", "actions": "只写了举措"})
    response = _upload(liaison, _fill(_download(liaison), FIRST_ROW))
    assert _fates(response) == [
        (4, NOTHING_WRITTEN, NOTHING_WRITTEN),
        (5, "跳过：与已保存的草稿相同", "跳过：草稿未填写进展情况，不能提交，草稿保留"),
    ]
    assert response.context["preview"].skipped == response.context["preview"].checked
    assert "token" not in response.context
    assert "没有新填写或修改的报告，也没有可提交的草稿" in response.content.decode()


def test_the_preview_counts_are_what_the_confirmation_does(liaison, two):
    third = f.MeasureFactory(plan=two.plan, number=3)
    f.AssignmentFactory(measure=third, unit=two.education, role="responsible")
    _draft(two, two.second, {"status": "in_progress", "narrative": "已写好的草稿"})
    book = _download(liaison)
    response = _upload(liaison, _fill(book, FIRST_ROW, 进展状态="推进中", 进展情况="新写"))
    preview = response.context["preview"]
    assert (preview.draft_count, preview.submit_count) == (1, 2)
    assert [label for _, _, label in _fates(response)] == ["提交", "提交", _fates(response)[2][2]]
    assert _fates(response)[2][2].startswith("跳过：未填写")
    page = response.content.decode()
    assert "保存为草稿（1份）" in page and "提交审核（2份）" in page
    liaison.post(CONFIRM, {"token": response.context["token"], "mode": "submit"})
    states = ProgressReport.objects.filter(assignment__unit=two.education)
    assert sorted(states.values_list("assignment__measure__number", "state")) == [
        (1, "submitted"),
        (2, "submitted"),
    ]
    assert liaison.get(TODO).context["todo"].due_total == 1


def test_saving_drafts_leaves_an_unchanged_draft_alone(liaison, two):
    draft = _draft(two, two.second, {"status": "in_progress", "narrative": "已写好的草稿"})
    response = _upload(liaison, _fill(_download(liaison), FIRST_ROW, 进展情况="新写"))
    liaison.post(CONFIRM, {"token": response.context["token"], "mode": "draft"})
    draft.refresh_from_db()
    assert (draft.state, draft.version) == ("draft", 1)
    assert _report(two).state == "draft"


def _returned(world, comment="请补充具体数据"):
    report = _draft(world, world.first, {"status": "in_progress", "narrative": "第一稿"})
    report = services.submit(report, world.people["liaison"], report.version)
    return services.review(report, world.people["reviewer"], "return", comment, report.version)


def test_a_returned_report_is_in_the_workbook_with_the_return_comment(liaison, world):
    _returned(world, "=请补充具体数据")
    sheet = _download(liaison).worksheets[0]
    columns = _columns(sheet)
    assert filing_sheet.RETURN_HEADER in columns
    (row,) = sheet.iter_rows(min_row=FIRST_ROW)
    comment = row[columns[filing_sheet.RETURN_HEADER] - 1]
    assert (comment.value, comment.data_type) == ("=请补充具体数据", "s")  # never a formula
    assert comment.protection.locked  # read-only: only the five columns to fill are open
    assert row[columns["进展情况"] - 1].value == "第一稿"
    assert row[columns[filing_sheet.KEY_HEADER] - 1].value.endswith("-3")


def test_an_unchanged_returned_report_is_not_sent_back_as_it_was(liaison, world):
    _returned(world)
    response = _upload(liaison, _fill(_download(liaison), FIRST_ROW))
    reason = "跳过：被退回后未修改，请按退回意见修改后再提交"
    assert _fates(response) == [(4, reason, reason)]
    assert "token" not in response.context


def test_a_corrected_returned_report_is_resubmitted_as_the_form_would(client, liaison, world):
    returned = _returned(world)
    data = _fill(_download(liaison), FIRST_ROW, 进展情况="第二稿：补充了数据")
    response = _upload(liaison, data)
    assert response.status_code == 200
    assert _fates(response) == [(4, "保存草稿：仍为退回状态，需再提交", "提交")]
    assert "已退回" in response.content.decode()
    confirm = liaison.post(CONFIRM, {"token": response.context["token"], "mode": "submit"})
    assert confirm.status_code == 302
    report = _report(world)
    assert (report.state, report.version) == ("submitted", returned.version + 2)
    assert report.first_submitted_at == returned.first_submitted_at  # on time stays decided
    entries = AuditEntry.objects.filter(object_id=str(report.pk), reason__startswith="批量填报")
    assert sorted(entry.action for entry in entries) == ["save", "submit"]
    assert not liaison.get(TODO).context["todo"].returned
    client.force_login(world.people["reviewer"])
    assert [r.pk for r in client.get(TODO).context["todo"].to_review] == [report.pk]


def test_a_returned_report_saved_as_a_draft_stays_returned(liaison, world):
    _returned(world)
    response = _upload(liaison, _fill(_download(liaison), FIRST_ROW, 进展情况="改了一半"))
    liaison.post(CONFIRM, {"token": response.context["token"], "mode": "draft"})
    report = _report(world)
    assert (report.state, report.narrative) == ("returned", "改了一半")
    assert len(liaison.get(TODO).context["todo"].returned) == 1


def test_a_report_saved_since_the_download_is_refused(liaison, world):
    book = _download(liaison)
    report = services.start_report(
        Assignment.objects.get(measure=world.first, unit=world.education), world.period
    )
    services.save_draft(report, world.people["county"], {"narrative": "别人先保存"}, 0)
    response = _upload(liaison, _fill(book, FIRST_ROW, 进展情况="我的"))
    assert response.status_code == 400
    assert "下载填报表后该报告已被修改（现为第 1 版）" in response.content.decode()
    assert _report(world).narrative == "别人先保存"


def test_a_save_between_preview_and_confirm_refuses_the_whole_batch(liaison, two):
    book = _download(liaison)
    _fill(book, FIRST_ROW, 进展情况="第一份")
    preview = _upload(liaison, _fill(book, FIRST_ROW + 1, 进展情况="第二份"))
    assert len(preview.context["preview"].to_save) == 2
    second = Assignment.objects.get(measure=two.second, unit=two.education)
    services.save_draft(
        services.start_report(second, two.period), two.people["liaison"], {"narrative": "网页"}, 0
    )
    response = liaison.post(CONFIRM, {"token": preview.context["token"], "mode": "draft"})
    assert response.status_code == 400
    assert "下载填报表后该报告已被修改" in response.content.decode()
    assert _report(two) is None  # the first row was not saved either
    assert not AuditEntry.objects.filter(action="batch_file").exists()


def test_a_concurrent_save_during_the_batch_refuses_it(liaison, two, monkeypatch):
    book = _download(liaison)
    _fill(book, FIRST_ROW, 进展情况="第一份")
    preview = _upload(liaison, _fill(book, FIRST_ROW + 1, 进展情况="第二份"))
    second = Assignment.objects.get(measure=two.second, unit=two.education)
    real = services.file_report

    def racing(assignment, period, *args, **kwargs):
        if assignment.pk == second.pk:  # someone saves it while the batch runs
            report = services.start_report(assignment, period)
            services.save_draft(report, two.people["county"], {"narrative": "抢先"}, 0)
        return real(assignment, period, *args, **kwargs)

    monkeypatch.setattr(services, "file_report", racing)
    response = liaison.post(CONFIRM, {"token": preview.context["token"], "mode": "draft"})
    assert response.status_code == 409
    assert "整批报告均未保存" in response.content.decode()
    assert _report(two) is None


def _other_units_key(world) -> str:
    police = Assignment.objects.get(measure=world.second, unit=world.police)
    return filing_sheet.key_of(police.pk, world.period.pk, 0)


def _other_organisations_key(world) -> str:
    measure = f.MeasureFactory(plan=world.other_plan, number=1)
    unit = f.UnitFactory(organisation=world.other, name="另一市教育局")
    assignment = f.AssignmentFactory(measure=measure, unit=unit)
    period = f.PeriodFactory(plan=world.other_plan)
    return filing_sheet.key_of(assignment.pk, period.pk, 0)


@pytest.mark.parametrize("key", [_other_units_key, _other_organisations_key])
def test_a_key_of_another_unit_or_organisation_is_refused(liaison, world, key):
    book = _download(liaison)
    column = filing_sheet.KEY_HEADER
    data = _fill(book, FIRST_ROW, **{column: key(world), "进展情况": "越权"})
    response = _upload(liaison, data)
    assert response.status_code == 400
    assert "第4行：不是本单位当前应填报的报告" in response.content.decode()
    assert ProgressReport.objects.count() == 0


def test_a_submitted_report_cannot_be_filed_again(liaison, world):
    book = _download(liaison)
    report = services.start_report(
        Assignment.objects.get(measure=world.first, unit=world.education), world.period
    )
    report = services.save_draft(report, world.people["liaison"], {"narrative": "已报"}, 0)
    services.submit(report, world.people["liaison"], report.version)
    response = _upload(liaison, _fill(book, FIRST_ROW, 进展情况="再报"))
    assert "该报告已报送，不能再通过填报表修改" in response.content.decode()


def test_another_persons_preview_is_refused(client, liaison, world):
    preview = _upload(liaison, _fill(_download(liaison), FIRST_ROW, 进展情况="本单位"))
    other = f.UserFactory(organisation=world.organisation, role=Role.LIAISON, unit=world.police)
    client.force_login(other)
    response = client.post(CONFIRM, {"token": preview.context["token"], "mode": "submit"})
    assert response.status_code == 403
    assert _report(world) is None


@pytest.mark.parametrize("person", ["office", "leader", "outsider"])
def test_who_files_no_reports_gets_no_workbook(client, world, person):
    client.force_login(world.people[person])
    assert client.get(SHEET).status_code in (403, 404)
    assert client.get(UPLOAD).status_code in (403, 404)


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"0" * (40 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a workbook", "无法读取该文件"),
        (b"PK\x03\x04" + b"0" * (2 * 1024 * 1024 + 1), "文件超过 2 MB"),
        (_bomb(), "该文件解压后过大"),
    ],
    ids=["not-xlsx", "oversize", "zip-bomb"],
)
def test_a_hostile_file_is_refused_with_one_message(liaison, world, content, message):
    response = _upload(liaison, content)
    assert response.status_code == 400
    assert response.content.decode().count(message) == 1
    assert ProgressReport.objects.count() == 0


def test_a_county_office_files_for_its_units(client, world):
    client.force_login(world.people["county"])
    sheet = _download(client).worksheets[0]
    rows = list(sheet.iter_rows(min_row=FIRST_ROW, values_only=True))
    assert [row[5] for row in rows] == ["甲县人民政府"]
    data = _fill(_download(client), FIRST_ROW, 进展情况="县里统一填报")
    preview = _upload(client, data)
    client.post(CONFIRM, {"token": preview.context["token"], "mode": "submit"})
    assert _report(world, unit=world.county_government).state == "submitted"
