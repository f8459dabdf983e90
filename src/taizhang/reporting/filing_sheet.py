"""The filing workbook (批量填报): the reports a unit owes, one row each, downloaded as
.xlsx, filled in WPS or Excel the way offices keep 台账, and uploaded back.

The workbook holds the reports owed (none written yet, or a draft) and those returned
(退回), each returned one with the reviewer's comment in a read-only column.

Reading checks every row before anything is saved (as the roster import does): a row is
changed, unchanged or empty, or wrong, each wrong row in one Chinese sentence with its
number. Any wrong row and nothing can be saved. What happens to each row is `fate`'s
answer alone, for the mode the person chooses: the preview shows it per row and counts
it, and the confirmation does it. Saving as drafts saves the changed rows; submitting
submits every changed row and every unchanged draft that is complete (进展情况 written),
while a returned report is resubmitted only once changed. What is saved goes through
services.file_many (services.file_report per row): the same rules, versions and audit
entries as the report form.

A hidden, locked column keys each row: which report (assignment and period) and the
version it was downloaded at, so a report saved by someone else in the meantime is
refused rather than overwritten. Targets' actual values and evidence stay on the report
form (the workbook says so)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from django.core import signing

from taizhang.documents import xlsx
from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.package import check_package, open_package
from taizhang.plans.models import Assignment
from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
MAX_TEXT = 5000  # characters in one text cell; a report of a quarter is a page or two
KEY_HEADER = "填报编号（请勿修改）"
TEXT_FIELDS = (
    ("narrative", "进展情况"),
    ("actions", "主要举措"),
    ("problems", "存在问题"),
    ("next_steps", "下步打算"),
)
STATUS_HEADER = "进展状态"
RETURN_HEADER = "退回意见"  # read-only: the reviewer's latest comment on a returned report
COLUMNS = (
    ("序号", 6),
    ("任务内容", 40),
    ("牵头单位", 14),
    ("责任单位", 14),
    ("完成时限", 11),
    ("报送单位", 14),
    ("报送周期", 12),
    ("截止日期", 11),
    (STATUS_HEADER, 10),
    *((label, 32) for _, label in TEXT_FIELDS),
    (RETURN_HEADER, 28),
    (KEY_HEADER, 12),
)
EDITABLE = (STATUS_HEADER, *(label for _, label in TEXT_FIELDS))
KEY = re.compile(r"^(\d{1,12})-(\d{1,12})-(\d{1,9})$")
STATUS_BY_LABEL = {label: value for value, label in ProgressReport.Status.choices}
STATUS_LABELS = "、".join(STATUS_BY_LABEL)
NOTE = (
    "填写说明：每行一份进展报告，只填写“进展状态”（从下拉列表选择）和“进展情况、主要举措、"
    "存在问题、下步打算”四栏，其余各栏和隐藏的填报编号请勿修改。指标实际值和佐证材料请在系统中"
    "逐份填报。被退回的报告附退回意见，按意见修改后随表重新提交。上传后先预览每行的处理结果，任何一行"
    "有误则整表不保存；选择“提交审核”时，已填写进展情况的草稿即使未改动也一并提交。"
)
UNREADABLE = "无法读取该文件，请使用从待办页下载的填报表（.xlsx 格式）填写后上传。"


class SheetRejected(Exception):
    """The file cannot be read as a filing workbook at all (one message in Chinese)."""


# -- writing -----------------------------------------------------------------------------


def workbook(items, title: str) -> bytes:
    """The workbook of ``items`` (the to-do's DueItem: assignment, period, report, due_on,
    return_comment), pre-filled from each existing draft or returned report."""
    items = list(items)
    drafts = {
        report.pk: report
        for report in ProgressReport.objects.filter(
            pk__in=[item.report.pk for item in items if item.report is not None]
        )
    }
    leads, responsible = _units_of({item.assignment.measure_id for item in items})

    def fill(book):
        sheet = xlsx.new_sheet(book, "进展报告填报表")
        xlsx.write_title(sheet, title, len(COLUMNS))
        xlsx.write_note(sheet, NOTE, len(COLUMNS))
        sheet.row_dimensions[2].height = 44
        xlsx.write_header(sheet, [name for name, _ in COLUMNS])
        for item in items:
            report = drafts.get(item.report.pk) if item.report is not None else None
            measure = item.assignment.measure
            status = report.status if report else ProgressReport.Status.NOT_STARTED
            xlsx.write_body_row(
                sheet,
                [
                    measure.number,
                    measure.text,
                    "、".join(leads.get(measure.pk, ())),
                    "、".join(responsible.get(measure.pk, ())),
                    measure.deadline_label,
                    item.assignment.unit.name,
                    item.period.name,
                    item.due_on.isoformat(),
                    ProgressReport.Status(status).label,
                    *(getattr(report, name) if report else "" for name, _ in TEXT_FIELDS),
                    getattr(item, "return_comment", None) or "",
                    key_of(item.assignment.pk, item.period.pk, report.version if report else 0),
                ],
                centered=(1, 5, 7, 8, 9),
            )
        xlsx.set_layout(sheet, [width for _, width in COLUMNS], header_rows=3)
        _guard(sheet, len(items))

    return xlsx.workbook_bytes(fill)


def key_of(assignment_id: int, period_id: int, version: int) -> str:
    return f"{assignment_id}-{period_id}-{version}"


def _units_of(measure_ids) -> tuple[dict, dict]:
    leads: dict[int, list[str]] = {}
    responsible: dict[int, list[str]] = {}
    assignments = (
        Assignment.objects.filter(measure_id__in=measure_ids)
        .select_related("unit")
        .order_by("unit__name")
    )
    for assignment in assignments:
        names = leads if assignment.role == Assignment.Role.LEAD else responsible
        names.setdefault(assignment.measure_id, []).append(assignment.unit.name)
    return leads, responsible


def _guard(sheet, count: int) -> None:
    """The state column offers the form's labels; only the five columns to fill are
    unlocked; the key column is hidden (the sheet is protected without a password: it
    keeps accidents out, the upload's checks keep everything else out)."""
    from openpyxl.styles import Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    first, last = 4, 3 + max(count, 1)
    status_column = get_column_letter(_index(STATUS_HEADER))
    pick = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_BY_LABEL) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="进展状态",
        error=f"请从下拉列表中选择：{STATUS_LABELS}。",
    )
    pick.add(f"{status_column}{first}:{status_column}{last}")
    sheet.add_data_validation(pick)
    editable = [_index(name) for name in EDITABLE]
    for row in range(first, last + 1):
        for column in editable:
            sheet.cell(row=row, column=column).protection = Protection(locked=False)
    key_column = get_column_letter(_index(KEY_HEADER))
    sheet.column_dimensions[key_column].hidden = True
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.formatCells = False
    protection.sort = protection.autoFilter = False


def _index(name: str) -> int:
    return [column for column, _ in COLUMNS].index(name) + 1


# -- reading -----------------------------------------------------------------------------


@dataclass
class SheetRow:
    number: int  # the row number as WPS or Excel shows it
    key: str
    status: str  # the label as written
    texts: dict[str, str]
    label: str = ""  # 任务N（单位，周期）once the report is known
    kind: str = ""  # save (changed) / unchanged / empty, once checked
    returned: bool = False  # the report was returned (退回) to the unit
    errors: list[str] = field(default_factory=list)
    assignment: object = None
    period: object = None
    version: int = 0
    data: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors


def read(data: bytes) -> list[SheetRow]:
    """The rows of an uploaded workbook, or SheetRejected: not an .xlsx, too big, packed
    past the limits (a ZIP bomb), no header, too many rows, nothing filled."""
    if len(data) > MAX_BYTES:
        raise SheetRejected("文件超过 2 MB，请只保留下载的填报表。")
    package = open_package(data)
    if package is None or package.kind != "xlsx":
        raise SheetRejected(UNREADABLE)
    try:
        check_package(package, "填报表", "Excel workbook")
    except InputError as error:
        raise SheetRejected(
            "该文件解压后过大，无法读取，请在 WPS 或 Excel 中另存后再上传。"
        ) from error
    from openpyxl import load_workbook  # with the first workbook read, not at every start

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = book.worksheets[0]
        found = _rows(sheet.iter_rows(values_only=True))
    except SheetRejected:
        raise
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SheetRejected(UNREADABLE) from error
    book.close()
    if not found:
        raise SheetRejected("填报表中没有报告行，请使用从待办页下载的填报表。")
    return found


def _rows(rows) -> list[SheetRow]:
    columns = None
    found = []
    for number, values in enumerate(rows, start=1):
        cells = [_text(value) for value in values]
        if columns is None:
            if KEY_HEADER in cells and STATUS_HEADER in cells:
                columns = {name: cells.index(name) for name in (KEY_HEADER, *EDITABLE)}
                missing = [name for name in EDITABLE if name not in cells]
                if missing:
                    raise SheetRejected(f"表头缺少“{'、'.join(missing)}”，请使用下载的填报表。")
            elif number >= 10:
                break
            continue
        row = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
        if not any(row.values()):
            continue
        if len(found) >= MAX_ROWS:
            raise SheetRejected(f"一次最多上传 {MAX_ROWS} 份报告，请分批填报。")
        texts = {name: row[label] for name, label in TEXT_FIELDS}
        found.append(SheetRow(number, row[KEY_HEADER], row[STATUS_HEADER], texts))
    if columns is None:
        raise SheetRejected("找不到填报表的表头，请使用从待办页下载的填报表。")
    return found


def _text(value) -> str:
    """A cell as text: what was typed, a formula (=1+1) as its characters, never run."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).strip().replace("\r\n", "\n")


# -- checking ----------------------------------------------------------------------------


SUBMIT, DRAFT, SKIP, REFUSE = "submit", "draft", "skip", "refuse"
FATE_LABELS = {SUBMIT: "提交", DRAFT: "保存草稿", SKIP: "跳过", REFUSE: "不能提交"}


@dataclass(frozen=True)
class Fate:
    """What the confirmation does with a row: submit it, save it as a draft, skip it (with
    the reason), or refuse the batch (a changed row 提交审核 cannot take)."""

    action: str
    reason: str = ""

    @property
    def label(self) -> str:
        text = FATE_LABELS[self.action]
        return f"{text}：{self.reason}" if self.reason else text


def fate(row: SheetRow, mode: str) -> Fate:
    """The one place that decides what happens to a checked row under ``mode`` (draft:
    保存为草稿, submit: 提交审核); the preview shows it and the confirmation does it.

    Saving as drafts writes the changed rows. Submitting writes and submits the changed
    rows, and submits unchanged drafts that are complete, as the report form would; a
    returned report goes back only once changed (it came back to be corrected), and a row
    with nothing written stays skipped."""
    written = bool(row.data.get("narrative"))
    if row.kind == "save":
        if mode == DRAFT:
            return Fate(DRAFT, "仍为退回状态，需再提交" if row.returned else "")
        return Fate(SUBMIT) if written else Fate(REFUSE, "未填写进展情况")
    if row.kind == "empty" or not _anything_written(row):
        return Fate(SKIP, "未填写（进展状态为未启动，各栏为空）")
    if row.returned:
        return Fate(SKIP, "被退回后未修改，请按退回意见修改后再提交")
    if mode == DRAFT:
        return Fate(SKIP, "与已保存的草稿相同")
    if not written:
        return Fate(SKIP, "草稿未填写进展情况，不能提交，草稿保留")
    return Fate(SUBMIT)


def _anything_written(row: SheetRow) -> bool:
    texts = (row.data.get(name, "") for name, _ in TEXT_FIELDS)
    return row.data.get("status") != ProgressReport.Status.NOT_STARTED or any(texts)


@dataclass
class Preview:
    rows: list[SheetRow]

    @property
    def errors(self) -> list[SheetRow]:
        return [row for row in self.rows if not row.ok]

    @property
    def checked(self) -> list[SheetRow]:
        return [row for row in self.rows if row.ok]

    @property
    def to_save(self) -> list[SheetRow]:
        """The changed rows (what 保存为草稿 writes)."""
        return [row for row in self.checked if row.kind == "save"]

    def fates(self, mode: str) -> list[tuple[SheetRow, Fate]]:
        return [(row, fate(row, mode)) for row in self.checked]

    def acted(self, mode: str) -> list[tuple[SheetRow, Fate]]:
        """The rows ``mode`` writes or submits, each with its fate."""
        return [(row, done) for row, done in self.fates(mode) if done.action in (SUBMIT, DRAFT)]

    def refused(self, mode: str) -> list[SheetRow]:
        return [row for row, done in self.fates(mode) if done.action == REFUSE]

    @property
    def actionable(self) -> list[SheetRow]:
        """The rows either mode does something with: what the confirmation carries."""
        return [
            row
            for row in self.checked
            if any(fate(row, mode).action != SKIP for mode in (DRAFT, SUBMIT))
        ]

    @property
    def lines(self) -> list[dict]:
        """Per checked row, what each mode does with it (the preview's table)."""
        return [
            {"row": row, "draft": fate(row, DRAFT), "submit": fate(row, SUBMIT)}
            for row in self.checked
        ]

    @property
    def draft_count(self) -> int:
        return len(self.acted(DRAFT))

    @property
    def submit_count(self) -> int:
        return sum(1 for _, done in self.acted(SUBMIT) if done.action == SUBMIT)

    @property
    def can_submit(self) -> bool:
        return not self.refused(SUBMIT) and self.submit_count > 0

    @property
    def skipped(self) -> list[SheetRow]:
        """The rows neither mode writes."""
        actionable = set(map(id, self.actionable))
        return [row for row in self.checked if id(row) not in actionable]

    @property
    def without_narrative(self) -> list[SheetRow]:
        """Changed rows that could not be submitted (提交审核 needs 进展情况)."""
        return self.refused(SUBMIT)


def check(user, rows: list[SheetRow], owed) -> Preview:
    """Fill each row's report, what it changes, or its errors. ``owed`` are the items the
    person may fill (every report their units owe and have not sent, and every report
    returned to them: workspace.todo.fillable_items); a key
    outside them is another unit's, another organisation's, or a report sent since the
    download, and says which only when the report is the person's own."""
    owed = {(item.assignment.pk, item.period.pk): item for item in owed}
    reports = {
        (report.assignment_id, report.period_id): report
        for report in ProgressReport.objects.filter(
            pk__in=[item.report.pk for item in owed.values() if item.report is not None]
        )
    }
    seen: dict[tuple[int, int], int] = {}
    unknown = []
    for row in rows:
        match = KEY.match(row.key)
        if match is None:
            row.errors.append("填报编号缺失或被修改，请使用下载的填报表，不要改动隐藏的编号列")
            continue
        assignment_id, period_id, version = (int(part) for part in match.groups())
        pair = (assignment_id, period_id)
        if pair in seen:
            row.errors.append(f"与第{seen[pair]}行是同一份报告，请只保留一行")
            continue
        seen[pair] = row.number
        item = owed.get(pair)
        if item is None:
            unknown.append((row, pair))
            continue
        row.assignment, row.period, row.version = item.assignment, item.period, version
        row.returned = getattr(item, "returned", False)
        row.label = services.report_label(item.assignment, item.period)
        report = reports.get(pair)
        current = report.version if report else 0
        if version != current:
            row.errors.append(
                f"下载填报表后该报告已被修改（现为第 {current} 版），请重新下载填报表后再填写"
            )
            continue
        if not user.has_perm(
            "reporting.edit_report",
            report or ProgressReport(assignment=item.assignment, period=item.period),
        ):
            row.errors.append("您没有权限填报该报告")
            continue
        _fill(row, report)
    _explain_unknown(user, unknown)
    return Preview(rows)


def _fill(row: SheetRow, report) -> None:
    status = STATUS_BY_LABEL.get(row.status)
    if status is None:
        shown = f"“{row.status}”" if row.status else "为空"
        row.errors.append(f"进展状态{shown}无法识别，请从下拉列表中选择（{STATUS_LABELS}）")
    for name, label in TEXT_FIELDS:
        if len(row.texts[name]) > MAX_TEXT:
            length = len(row.texts[name])
            row.errors.append(f"“{label}”有 {length} 字，超过 {MAX_TEXT} 字的上限，请精简")
    if row.errors:
        return
    row.data = {"status": status, **row.texts}
    before = {
        field: getattr(report, field) if report else ""
        for field in ("status", *(name for name, _ in TEXT_FIELDS))
    }
    if report is None:
        before["status"] = ProgressReport.Status.NOT_STARTED
    if row.data != before:
        row.kind = "save"
    else:
        row.kind = "unchanged" if report is not None else "empty"


def _explain_unknown(user, unknown) -> None:
    """A row for a report the person may not fill: why, without telling anything about a
    report outside their units."""
    if not unknown:
        return
    from taizhang.units.models import Unit

    own = {
        (report.assignment_id, report.period_id): report
        for report in ProgressReport.objects.filter(
            assignment__unit__in=Unit.objects.filed_by(user),
            assignment_id__in={pair[0] for _, pair in unknown},
            period_id__in={pair[1] for _, pair in unknown},
        )
    }
    for row, pair in unknown:
        report = own.get(pair)
        if report is not None and report.state in ProgressReport.State.FILED:
            row.errors.append("该报告已报送，不能再通过填报表修改")
        else:
            row.errors.append("不是本单位当前应填报的报告，请使用本单位下载的填报表")


# -- between the preview and the confirmation ----------------------------------------------


def token(user, rows: list[SheetRow]) -> str:
    """The rows to save, signed for this person: the confirmation posts it back."""
    payload = [[row.number, row.key, row.status, row.texts] for row in rows]
    return signing.dumps(payload, salt=_salt(user), compress=True)


def rows_of(user, value: str, max_age: int = 24 * 3600) -> list[SheetRow]:
    """The rows of ``token``; signing.BadSignature if it is not this person's."""
    payload = signing.loads(value, salt=_salt(user), max_age=max_age)
    return [SheetRow(number, key, status, dict(texts)) for number, key, status, texts in payload]


def _salt(user) -> str:
    return f"taizhang.reporting.filing_sheet:{user.pk}"
