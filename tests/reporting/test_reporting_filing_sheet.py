"""The filing workbook's reading and services.file_many (批量填报): a formula is read as
its characters, a file that is not the workbook is refused with one message, and a batch
is saved whole or not at all, its audit entries naming it."""

import io

import openpyxl
import pytest

from taizhang.audit.models import AuditEntry
from taizhang.reporting import filing_sheet, services
from taizhang.reporting.models import ProgressReport
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db


def _book(rows, header=True) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["标题"])
    sheet.append(["说明"])
    if header:
        sheet.append([name for name, _ in filing_sheet.COLUMNS])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _row(key, status="推进中", narrative="", actions=""):
    return [1, "任务", "", "", "", "", "", "", status, narrative, actions, "", "", "", key]


def test_a_formula_typed_in_a_cell_is_read_as_its_characters():
    (row,) = filing_sheet.read(_book([_row("1-2-0", narrative="=1+1", actions="+cmd")]))
    assert (row.number, row.key, row.status) == (4, "1-2-0", "推进中")
    assert (row.texts["narrative"], row.texts["actions"]) == ("=1+1", "+cmd")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_book([_row("1-2-0")], header=False), "找不到填报表的表头"),
        (_book([]), "填报表中没有报告行"),
        (b"%PDF-1.4 not a workbook", "无法读取该文件"),
    ],
)
def test_what_is_not_a_filled_workbook_is_refused(content, message):
    with pytest.raises(filing_sheet.SheetRejected, match=message):
        filing_sheet.read(content)


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr(filing_sheet, "MAX_ROWS", 2)
    with pytest.raises(filing_sheet.SheetRejected, match="一次最多上传 2 份报告"):
        filing_sheet.read(_book([_row(f"1-{n}-0") for n in range(3)]))


def _filings(world):
    second = AssignmentFactory(measure=world.second, unit=world.education, role="responsible")
    first = world.first.assignments.get(unit=world.education)
    return [
        services.SheetFiling(first, world.period, 0, {"narrative": "一", "status": "done"}, 4),
        services.SheetFiling(second, world.period, 0, {"narrative": "二"}, 5),
    ]


def test_file_many_files_each_report_and_names_the_batch(world):
    liaison = world.people["liaison"]
    done = services.file_many(_filings(world), liaison, True, "批次甲")
    assert [(r.state, r.version) for r in done] == [("submitted", 2), ("submitted", 2)]
    batch = AuditEntry.objects.get(action="batch_file")
    assert (batch.object_type, batch.object_id) == ("user", str(liaison.pk))
    assert batch.changes["batch"] == "批次甲" and len(batch.changes["batch_reports"]) == 2
    reasons = set(
        AuditEntry.objects.filter(object_type="progressreport").values_list("reason", flat=True)
    )
    assert reasons == {"批量填报（批次甲）"}


def test_file_many_refuses_the_batch_on_a_stale_version(world):
    filings = _filings(world)
    report = services.start_report(filings[1].assignment, world.period)
    services.save_draft(report, world.people["county"], {"narrative": "抢先"}, 0)
    with pytest.raises(services.ConcurrentEdit, match=r"第5行.*整批报告均未保存"):
        services.file_many(filings, world.people["liaison"], False, "批次乙")
    assert not ProgressReport.objects.filter(assignment=filings[0].assignment).exists()
    assert not AuditEntry.objects.filter(action="batch_file").exists()


def test_file_many_refuses_a_submission_without_narrative(world):
    filings = _filings(world)
    filings[1].data = {"narrative": ""}
    with pytest.raises(services.WorkflowError, match=r"第5行.*请填写进展情况"):
        services.file_many(filings, world.people["liaison"], True, "批次丙")
    assert ProgressReport.objects.filter(version__gt=0).count() == 0


def test_file_many_submits_an_unchanged_draft_without_saving_it_again(world):
    first, second = _filings(world)
    draft = services.start_report(first.assignment, world.period)
    draft = services.save_draft(draft, world.people["liaison"], first.data, 0)
    first.expected_version, first.changed, first.submit = draft.version, False, True
    second.submit = False  # a changed row the batch only saves
    done = services.file_many([first, second], world.people["liaison"], True, "批次丁")
    assert [(r.state, r.version) for r in done] == [("submitted", 2), ("draft", 1)]
    actions = AuditEntry.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True)
    assert sorted(actions) == ["save", "submit"]


def _checked(kind, status="in_progress", narrative="", returned=False, **texts):
    row = filing_sheet.SheetRow(4, "1-2-1", "", {}, kind=kind, returned=returned)
    row.data = {"status": status, "narrative": narrative, **texts}
    return row


@pytest.mark.parametrize(
    ("row", "draft", "submit"),
    [
        (_checked("save", narrative="写了"), "保存草稿", "提交"),
        (_checked("save"), "保存草稿", "不能提交：未填写进展情况"),
        (_checked("unchanged", narrative="写了"), "跳过：与已保存的草稿相同", "提交"),
        (
            _checked("unchanged", actions="只有举措"),
            "跳过：与已保存的草稿相同",
            "跳过：草稿未填写进展情况，不能提交，草稿保留",
        ),
        (_checked("unchanged", status="not_started"), "跳过：未填写", "跳过：未填写"),
        (_checked("empty", status="not_started"), "跳过：未填写", "跳过：未填写"),
        (_checked("save", narrative="改了", returned=True), "保存草稿：仍为退回状态", "提交"),
        (
            _checked("unchanged", narrative="原样", returned=True),
            "跳过：被退回后未修改",
            "跳过：被退回后未修改",
        ),
    ],
)
def test_fate_decides_each_row_for_each_mode(row, draft, submit):
    assert filing_sheet.fate(row, "draft").label.startswith(draft)
    assert filing_sheet.fate(row, "submit").label.startswith(submit)
