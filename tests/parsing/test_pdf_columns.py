"""PDF task tables printed without ruling lines (readers/pdf_columns.py).

The whole documents (tests/parsing/formats.py f09–f12, built at test time with reportlab) are
scored against their gold in test_formats_whole.py; here: the rows the reader prints, a PDF of
prose with indented lists that is no table, and the rules on lines made up in the test.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from taizhang.parsing import parse_text
from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.pdf_columns import Line, Part, read_columns
from taizhang.parsing.reading import read_bytes
from tests.parsing.formats import (
    BUILDERS,
    F09_ROWS,
    F11_HEADER,
    F11_ROWS,
    HEADER,
    _cjk_wrapped,
    _columns_pdf,
)

GOLD = Path(__file__).resolve().parent / "formats"
BORDERLESS = ["f09_xiangcun_columns", "f10_zhizao_rules", "f11_jiaoyu_pages", "f12_yiliao_noheader"]


def read(stem: str) -> list[str]:
    name, data = BUILDERS[stem]()
    return read_bytes(data, name).text.split("\n")


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", BORDERLESS)
def test_each_row_is_one_line_of_cells_under_its_header(stem):
    lines = read(stem)
    rows = [line for line in lines if " | " in line]
    header, width = rows[0], rows[0].count(" | ")
    assert all(row.count(" | ") == width for row in rows)  # every cell in its column
    body = [row for row in rows if row != header]
    assert len(body) == len(gold(stem)["tasks"])
    plan = parse_text("\n".join(lines))
    assert [m.text for m in plan.tasks] == [t["text"] for t in gold(stem)["tasks"]]
    # every column's cells wrapped over lines in the PDF and are whole again
    assert [m.deadline for m in plan.tasks][:2] == [row.split(" | ")[-1] for row in body[:2]]


def test_a_table_without_rules_keeps_its_chapter_rows():
    lines = read("f09_xiangcun_columns")
    start = lines.index("序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限")
    assert lines[start + 1] == "一、推进产业振兴"
    assert lines[start + 2].startswith("1 | 新建高标准农田2.5万亩，完成农田水利设施配套改造")
    assert lines[start + 2].endswith(
        " | 县农业农村局 | 县财政局、县自然资源局、县水利局 | 2025年10月底前"
    )
    assert "二、推进人才振兴" in lines
    assert lines[-2:] == ["某县人民政府办公室", "2025年3月28日"]  # the signature is no cell


def test_a_table_between_a_top_and_a_bottom_rule_after_a_signed_notice():
    lines = read("f10_zhizao_rules")
    assert lines[3:7] == [
        "某县人民政府办公室",
        "2025年5月6日",  # a date line set to the right does not run on into 附件
        "附件",
        "某县制造业降成本重点工作任务分工",
    ]
    assert lines[7] == "序号 | 工作内容 | 牵头单位 | 配合单位 | 完成时间"


def test_a_table_over_two_pages_under_its_header_printed_again():
    lines = read("f11_jiaoyu_pages")
    # the header's unit and time cells wrap (牵头 over 单位), the others stand half a line
    # lower: one header line, on each page
    header = "序号 | 任务内容 | 牵头单位 | 责任单位 | 完成时限"
    assert lines.count(header) == 2
    assert not any(line.startswith(("牵头", "单位", "序号 任务")) for line in lines)
    # the row the page broke is one row, before the header printed again
    fifth = next(line for line in lines if line.startswith("5 | "))
    assert fifth == (
        "5 | 完善学生资助体系，资助家庭经济困难学生3000人次，确保应助尽助。"
        " | 区教育局 | 区财政局、区民政局、区乡村振兴局 | 长期坚持"
    )
    assert lines.index(fifth) + 1 == len(lines) - 1 - lines[::-1].index(header)


def test_a_table_with_no_number_column_over_two_pages_without_its_header():
    lines = read("f12_yiliao_noheader")
    rows = [line for line in lines if " | " in line]
    assert rows[0] == "工作任务 | 牵头部门 | 责任部门 | 时间节点"
    assert len(rows) == 7
    # the fifth row goes on over the page in the middle of its task
    assert rows[5] == (
        "加强公立医院绩效考核，完成二级以上公立医院考核12家。 | 市卫生健康委"
        " | 市财政局、市人社局、市医保局 | 2025年8月底前"
    )
    assert rows[6].startswith("开展医疗机构药品耗材集中带量采购")


# -- prose is no table ------------------------------------------------------------------------

PROSE = [
    "某县2025年河湖长制工作要点",
    "为全面落实河湖长制，持续改善河湖面貌，结合我县实际，制定本要点。",
    "一、重点任务",
    "（一）开展河湖清四乱专项行动。全面排查整治乱占、乱采、乱堆、乱建问题，年底前完成"
    "整治任务。（牵头单位：县水利局；责任单位：各乡镇人民政府）",
    "（二）加强入河排污口监管。完成入河排污口排查溯源，建立排污口名录。（牵头单位：县生态"
    "环境分局；责任单位：县水利局）",
    "二、工作要求",
]
ITEMS = [
    "1.各乡镇要把河湖长制工作摆上重要议事日程，主要负责同志亲自部署，定期研究解决"
    "河湖管护中的突出问题。",
    "2.各成员单位要按照职责分工，加强协作配合，形成工作合力。",
    "3.县河长办要加强督导检查，每季度通报一次工作进展。",
]


def _prose_pdf() -> bytes:
    """A page of prose: paragraphs, a heading, a list set with a hanging indent (the number
    apart from its text, the text's lines aligned under it), and a line that names two
    table columns with a wide space between them, over prose."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    size, left, measure, y = 14, 60, 470, A4[1] - 80
    width_of = lambda text: pdfmetrics.stringWidth(text, font, size)  # noqa: E731
    page.setFont(font, size)
    for line in _cjk_wrapped("\n".join(PROSE), measure, width_of):
        page.drawString(left, y, line)
        y -= 24
    for item in ITEMS:
        number, text = item.split(".", 1)
        page.drawString(left + 2 * size, y, number + ".")
        for line in _cjk_wrapped(text, measure - 4 * size, width_of):
            page.drawString(left + 4 * size, y, line.lstrip("\u3000"))
            y -= 24
    page.drawString(left + 2 * size, y, "工作任务")
    page.drawString(left + 20 * size, y, "责任单位")
    y -= 24
    for line in _cjk_wrapped(
        "各责任单位要细化工作任务，明确时间节点，确保按时完成。", measure, width_of
    ):
        page.drawString(left, y, line)
        y -= 24
    page.showPage()
    page.save()
    return buffer.getvalue()


def test_prose_with_indented_lists_is_no_table():
    text = read_bytes(_prose_pdf(), "prose.pdf").text
    assert " | " not in text
    lines = text.split("\n")
    assert "工作任务 责任单位" in lines or "工作任务责任单位" in lines  # as a line, not a header
    assert any(line.startswith("1.") and "突出问题" in line for line in lines)
    plan = parse_text(text)
    assert [(m.no, m.lead) for m in plan.tasks] == [(1, ["县水利局"]), (2, ["县生态环境分局"])]


# -- the rules, on lines made up here ---------------------------------------------------------

SIZE = 10.0


def line(top: float, *parts: tuple[float, str]) -> Line:
    """A line at ``top`` of parts (x0, text), each character SIZE wide."""
    made = [Part(x0, x0 + SIZE * len(text), text) for x0, text in parts]
    return Line(
        top,
        top + SIZE,
        " ".join(text for _, text in parts),
        made[-1].x1,
        SIZE,
        SIZE,
        made,
        x0=made[0].x0,
    )


HEAD = line(100, (52, "序号"), (130, "重点任务"), (262, "牵头单位"), (352, "责任单位"))


def body(top: float, number: str, task: str, lead: str, unit: str) -> Line:
    parts = [(x, text) for x, text in ((50, number), (80, task), (250, lead), (340, unit)) if text]
    return line(top, *parts)


def texts(pages: list[list[Line]]) -> list[str]:
    return [item.text for page in pages for item in page]


def never() -> None:
    return None


def test_rows_from_a_header_and_aligned_lines_ending_at_a_chapter_heading():
    page = [
        HEAD,
        body(120, "1", "完成燃煤锅炉淘汰改造", "市生态环境", "市发展改革委、"),
        body(134, "", "20台。", "局", "市市场监管局"),
        body(148, "2", "推进超低排放改造。", "市工信局", "市生态环境局"),
        line(170, (50, "三、保障措施")),
        line(190, (50, "各单位要加强组织领导，确保各项任务按时完成，每季度报送进展情况。")),
    ]
    assert texts(read_columns([page], never)) == [
        "序号 | 重点任务 | 牵头单位 | 责任单位",
        "1 | 完成燃煤锅炉淘汰改造20台。 | 市生态环境局 | 市发展改革委、市市场监管局",
        "2 | 推进超低排放改造。 | 市工信局 | 市生态环境局",
        "三、保障措施",
        "各单位要加强组织领导，确保各项任务按时完成，每季度报送进展情况。",
    ]


def test_a_paragraph_across_the_columns_ends_the_table():
    page = [
        HEAD,
        body(120, "1", "推进超低排放改造。", "市工信局", "市生态环境局"),
        line(134, (50, "以上任务由各牵头单位会同责任单位组织实施，并按月报送工作进展情况。")),
    ]
    assert texts(read_columns([page], never))[-1].startswith("以上任务由各牵头单位")
    assert len(texts(read_columns([page], never))) == 3


def test_a_line_whose_number_cell_holds_no_number_ends_the_table():
    page = [
        HEAD,
        body(120, "1", "推进超低排放改造。", "市工信局", "市生态环境局"),
        line(134, (50, "附")),
    ]
    assert texts(read_columns([page], never))[-1] == "附"


def test_a_signature_after_a_wide_gap_is_no_cell():
    page = [
        HEAD,
        body(120, "1", "推进超低排放改造。", "市工信局", "市生态环境局"),
        line(200, (340, "某市人民政府办公室")),
    ]
    assert texts(read_columns([page], never))[-1] == "某市人民政府办公室"


def test_a_table_goes_on_over_the_page_without_its_header():
    first = [HEAD, body(120, "1", "完成燃煤锅炉淘汰改造", "市生态环境局", "市发展改革委")]
    second = [
        body(60, "", "20台。", "", "市市场监管局"),
        body(74, "2", "推进改造。", "市工信局", "市公安局"),
    ]
    assert texts(read_columns([first, second], never)) == [
        "序号 | 重点任务 | 牵头单位 | 责任单位",
        "1 | 完成燃煤锅炉淘汰改造20台。 | 市生态环境局 | 市发展改革委市市场监管局",
        "2 | 推进改造。 | 市工信局 | 市公安局",
    ]


def test_a_header_line_over_prose_is_no_table():
    page = [
        line(100, (60, "工作任务"), (300, "责任单位")),
        line(
            120, (60, "各责任单位要细化工作任务，明确时间节点，确保按时完成，按季度报送工作进展。")
        ),
    ]
    assert read_columns([page], never) == [page]


def test_a_header_line_over_a_hanging_list_is_no_table():
    page = [
        line(100, (60, "工作任务"), (300, "责任单位")),
        line(120, (60, "1."), (100, "各乡镇要把河湖长制工作摆上重要议事日程，主要负责")),
        line(134, (100, "同志亲自部署，定期研究解决突出问题。")),
    ]
    assert read_columns([page], never) == [page]


def test_the_time_limit_is_checked_while_a_long_table_is_read():
    page = [HEAD] + [
        body(120 + 14 * i, str(i % 99 + 1), "任务。", "市工信局", "市公安局") for i in range(500)
    ]
    calls = []

    def check():
        calls.append(1)
        if len(calls) > 100:
            raise InputError("too slow", reason="pdf_too_slow")

    with pytest.raises(InputError):
        read_columns([page], check)


def test_a_line_of_many_parts_is_no_table_line():
    strewn = line(120, *((50 + 30 * i, "字") for i in range(14)))
    page = [HEAD, strewn]
    assert read_columns([page], never) == [page]


def test_a_number_centred_down_its_row_numbers_the_row_set_apart_by_space():
    page = [
        HEAD,
        body(120, "", "完成燃煤锅炉淘汰改造", "市生态环境", "市发展改革委、"),
        body(134, "1", "20台，城市建成区基本", "局", "市市场监管局"),
        body(148, "", "淘汰燃煤锅炉。", "", ""),
        body(172, "", "推进钢铁、水泥行业超", "市工信局", "市生态环境局"),
        body(186, "2", "低排放改造。", "", ""),
    ]
    assert texts(read_columns([page], never))[1:] == [
        "1 | 完成燃煤锅炉淘汰改造20台，城市建成区基本淘汰燃煤锅炉。 | 市生态环境局"
        " | 市发展改革委、市市场监管局",
        "2 | 推进钢铁、水泥行业超低排放改造。 | 市工信局 | 市生态环境局",
    ]


def test_rows_not_set_apart_by_space_start_at_their_numbers():
    page = [
        HEAD,
        body(120, "1", "完成燃煤锅炉淘汰改造", "市生态环境局", "市发展改革委"),
        body(134, "", "20台。", "", ""),
        body(148, "2", "推进超低排放改造。", "市工信局", "市公安局"),
        body(162, "3", "淘汰柴油货车800辆。", "市交通运输局", "市公安局"),
    ]
    assert [text.split(" | ")[0] for text in texts(read_columns([page], never))[1:]] == [
        "1",
        "2",
        "3",
    ]


def test_a_header_printed_spaced_out_names_its_columns():
    spaced = line(
        100,
        (50, "序"),
        (62, "号"),
        (130, "重点"),
        (160, "任务"),
        (262, "牵头单位"),
        (352, "责"),
        (368, "任"),
        (384, "单"),
        (400, "位"),
    )
    page = [spaced, body(120, "1", "推进超低排放改造。", "市工信局", "市生态环境局")]
    assert texts(read_columns([page], never)) == [
        "序号 | 重点任务 | 牵头单位 | 责任单位",
        "1 | 推进超低排放改造。 | 市工信局 | 市生态环境局",
    ]


def test_units_set_apart_by_a_blank_in_one_cell_keep_it():
    page = [
        HEAD,
        line(
            120,
            (50, "1"),
            (80, "推进超低排放改造。"),
            (250, "市工信局"),
            (340, "市发改委"),
            (390, "市财政局"),
        ),
    ]
    assert (
        texts(read_columns([page], never))[1]
        == "1 | 推进超低排放改造。 | 市工信局 | 市发改委 市财政局"
    )


DOCUMENTS = Path(__file__).resolve().parent / "documents"


def _header_cells(name: str) -> list[str]:
    """The header cells of a task table in a text document: one per line (d04) or on one
    line set apart by a tab or blanks (d16, d22)."""
    lines = (DOCUMENTS / name).read_text(encoding="utf-8").split("\n")
    start = next(i for i, text in enumerate(lines) if text.startswith("序号"))
    cells = lines[start].split()
    if len(cells) == 1:
        cells = [text.strip() for text in lines[start : start + 5]]
    return cells


@pytest.mark.parametrize(
    "cells",
    [
        _header_cells("d04_daqi_table.txt"),
        _header_cells("d16_wenlv_rows.txt"),
        _header_cells("d22_shipin_spaced.txt"),
        ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],  # formats f05, f07, f09
        ["序号", "工作内容", "牵头单位", "配合单位", "完成时间"],  # f10
        ["工作任务", "牵头部门", "责任部门", "时间节点"],  # f12
    ],
)
def test_the_header_words_are_those_the_text_reader_reads(cells):
    """The PDF reader knows a header by the words of data/structure.toml [table_columns]:
    the headers of the documents' tables, printed as a PDF line, are headers."""
    header = line(100, *((60 + 90 * i, cell) for i, cell in enumerate(cells)))
    row = [
        "1"
        if cell == "序号"
        else "推进改造工作。"
        if "任务" in cell or "内容" in cell
        else "市工信局"
        for cell in cells
    ]
    page = [header, line(120, *((60 + 90 * i, text) for i, text in enumerate(row)))]
    assert texts(read_columns([page], never)) == [" | ".join(cells), " | ".join(row)]


@pytest.mark.parametrize(
    ("title", "header", "rows", "foot"),
    [
        ("某区2025年义务教育优质均衡发展工作方案", F11_HEADER, F11_ROWS, "某区人民政府办公室印发"),
        ("某县2025年乡村振兴重点任务分工方案", HEADER, F09_ROWS, "某县乡村振兴局 2025年3月编印"),
    ],
)
def test_a_running_foot_between_a_tables_pages_is_furniture(title, header, rows, foot):
    """A foot printed on every page (not a page number) would end the table on each page;
    over pages without the header again the rest would be read as lines."""
    data = _columns_pdf(
        {
            "title": title,
            "preamble": ["为推进各项工作落实，制定本方案。"],
            "header": header,
            "widths": [34, 196, 74, 104, 66],
            "rows": rows,
            "rules": (),
            "repeat_header": False,
            "page_bottom": 620,  # three pages of table
            "footer": foot,
        }
    )
    lines = read_bytes(data, "plan.pdf").text.split("\n")
    assert foot not in lines and foot.replace("　", " ") not in lines
    read = [line for line in lines if " | " in line][1:]
    assert read == [
        " | ".join([number, *(cell if isinstance(cell, str) else "".join(cell) for cell in rest)])
        for number, *rest in (row for row in rows if not isinstance(row, str))
    ]
