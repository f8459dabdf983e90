"""The case 批量填报 is for: in the demo's year, 荔波县人民政府's liaison owes a quarter's
worth of reports at once. The workbook lists every one the to-do counts, and filled and
uploaded it submits them all in one go."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_libo_liaison_files_every_report_owed_from_one_workbook(client, demo):
    client.force_login(demo["qn_libo"])
    owed = client.get(reverse("workspace:todo")).context["todo"].due_total
    assert owed > 50
    book = openpyxl.load_workbook(io.BytesIO(client.get(reverse("workspace:filing_sheet")).content))
    sheet = book.worksheets[0]
    columns = {cell.value: cell.column for cell in sheet[3]}
    assert sheet.max_row - 3 == owed
    for row in range(4, sheet.max_row + 1):
        sheet.cell(row=row, column=columns["进展状态"]).value = "推进中"
        sheet.cell(row=row, column=columns["进展情况"]).value = f"按计划推进（第{row}行）。"
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("填报表.xlsx", buffer.getvalue())
    preview = client.post(reverse("workspace:filing_upload"), {"file": upload})
    assert len(preview.context["preview"].to_save) == owed
    confirm = {"token": preview.context["token"], "mode": "submit"}
    assert client.post(reverse("workspace:filing_confirm"), confirm).status_code == 302
    assert client.get(reverse("workspace:todo")).context["todo"].due_total == 0
    batch = AuditEntry.objects.get(action="batch_file")
    assert len(batch.changes["batch_reports"]) == owed
