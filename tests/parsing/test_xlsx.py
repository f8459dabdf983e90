"""A task table kept in Excel (.xlsx) is read like a Word table: one line per row, cells
joined with " | ", and parsed into measures with their units and deadlines."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from taizhang import cli
from taizhang.parsing import parse_text
from taizhang.parsing.errors import InputError
from taizhang.parsing.reading import read_bytes
from tests.parsing import hostile
from tests.parsing.workbooks import HEADER, ROWS, task_table


def test_a_task_table_in_excel_is_read_row_by_row():
    source = read_bytes(task_table(*ROWS), "分工表.xlsx")
    assert source.format == "xlsx"
    lines = source.text.splitlines()
    assert lines[1] == " | ".join(HEADER)
    # a date cell prints as the office writes it; a whole number without ".0"; an empty
    # cell between filled ones keeps its place; a cell's line break is no row break
    assert (
        "1 | 推行政务服务事项网上办理，实现90%以上事项全程网办。 | 市政务服务局 | "
        "市发展改革委、市司法局 | 2024年6月30日" in lines
    )
    assert "2 | 开展企业开办“一件事”改革，压缩开办时间。 | 市市场监管局 |  | 2024年底前" in lines
    assert any(line.startswith("3 | 健全重点企业用工服务机制， 全年") for line in lines)


def test_the_measures_of_an_excel_task_table_get_their_units_and_deadlines():
    plan = parse_text(read_bytes(task_table(*ROWS), "分工表.xlsx").text).to_dict()
    assert plan["title"] == "某市2024年优化营商环境重点任务分工表"
    tasks = plan["tasks"]
    assert [t["chapter"] for t in tasks] == ["一", "一", "二"]
    assert tasks[0]["lead"] == ["市政务服务局"]
    assert tasks[0]["responsible"] == ["市发展改革委", "市司法局"]
    assert tasks[0]["deadline"] == "2024年6月30日"
    assert tasks[1]["responsible"] == [] and tasks[1]["deadline"] == "2024年底前"
    assert tasks[2]["text"] == "健全重点企业用工服务机制，全年帮助企业招聘5000人以上。"
    assert tasks[2]["lead"] == ["市人社局"]


def test_a_hidden_sheet_is_not_read():
    data = task_table(*ROWS, hidden=[(9, "下拉选项中的文字", "某某单位")])
    text = read_bytes(data, "分工表.xlsx").text
    assert "下拉选项" not in text
    assert len(parse_text(text).tasks) == 3


def test_a_percentage_cell_prints_as_shown():
    workbook = Workbook()
    workbook.active.append([1, "提高网办率。", "市政务服务局", 0.9])
    workbook.active["D1"].number_format = "0%"
    out = io.BytesIO()
    workbook.save(out)
    assert (
        read_bytes(out.getvalue(), "表.xlsx").text.strip()
        == "1 | 提高网办率。 | 市政务服务局 | 90%"
    )


def test_a_workbook_past_the_cell_limit_is_refused(monkeypatch):
    from taizhang.parsing.readers import xlsx

    monkeypatch.setattr(xlsx, "limit", lambda name: 10)
    with pytest.raises(InputError) as refused:
        read_bytes(task_table(*ROWS), "分工表.xlsx")
    assert refused.value.reason == "too_many_cells"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 not really a zip", "zip"),
        (b"just text named as a workbook", "damaged"),
        (hostile.zip_bomb_xlsx(256 << 20), "package_too_large"),
    ],
)
def test_a_bad_workbook_gets_one_reason(data, reason):
    with pytest.raises(InputError) as refused:
        read_bytes(data, "分工表.xlsx")
    assert refused.value.reason == reason


def test_the_command_line_parses_a_workbook(tmp_path, capsys):
    path = tmp_path / "分工表.xlsx"
    path.write_bytes(task_table(*ROWS))
    assert cli.main(["parse", str(path)]) == 0
    assert "市政务服务局" in capsys.readouterr().out
