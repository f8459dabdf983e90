"""Whole plans as they arrive: Word task tables, Word automatic numbering, a 附件 table, PDF
pages printed 28 characters to the line, PDF grids, a saved news page (tests/parsing/formats.py).

Each file is built at test time and read the way an upload is read (``read_bytes`` then
``parse_text``, as plans/importing.py does); its gold (tests/parsing/formats/*.json, in the
schema of shared/gold/README.md, checked by hand against the document) is scored with the
acceptance scorer at the bar 0.95, and the fields each shape is about are checked one by one.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from taizhang.parsing import parse_path, parse_text
from taizhang.parsing.reading import read_bytes
from tests.parsing.formats import BUILDERS
from tests.parsing.scoring import score_plan

BAR = 0.95
GOLD = Path(__file__).resolve().parent / "formats"


def uploaded(stem: str):
    name, data = BUILDERS[stem]()
    return parse_text(read_bytes(data, name).text)


def gold(stem: str) -> dict:
    return json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))


def units(plan) -> list[tuple]:
    return [(m.no, m.chapter, m.lead, m.responsible, m.collectives) for m in plan.tasks]


def gold_units(stem: str) -> list[tuple]:
    return [
        (t["no"], t["chapter"], t["lead"], t["responsible"], t["collectives"])
        for t in gold(stem)["tasks"]
    ]


def test_every_built_document_has_its_gold():
    assert len(BUILDERS) >= 6
    assert sorted(p.stem for p in GOLD.glob("f*.json")) == sorted(BUILDERS)


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_each_document_scores_at_least_the_bar_as_uploaded(shared_dir, tmp_path, stem):
    figures = score_plan(shared_dir, GOLD / f"{stem}.json", uploaded(stem), tmp_path)
    assert figures["overall"] >= BAR, figures["report"]


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_each_document_has_its_measures_chapters_and_units(stem):
    assert units(uploaded(stem)) == gold_units(stem)


@pytest.mark.parametrize("stem", sorted(BUILDERS))
def test_the_command_line_path_reads_the_same_plan(tmp_path, stem):
    name, data = BUILDERS[stem]()
    path = tmp_path / name
    path.write_bytes(data)
    assert units(parse_path(path)) == units(uploaded(stem))


@pytest.mark.parametrize(
    "stem",
    sorted(BUILDERS),
)
def test_each_document_has_its_title_issuer_date_and_parents(stem):
    plan, expected = uploaded(stem), gold(stem)
    assert (plan.title, plan.issuer, plan.date, plan.period, plan.parents) == (
        expected["title"],
        expected["issuer"],
        expected["date"],
        expected["period"],
        expected["parents"],
    )


def test_a_word_table_keeps_the_rows_under_merged_chapter_rows_and_a_repeated_header():
    plan = uploaded("f01_yingshang_table")
    assert [(m.no, m.chapter) for m in plan.tasks] == [
        (1, "一"), (2, "一"), (3, "一"), (4, "二"), (5, "二"), (6, "二"), (7, "三"), (8, "三"),
    ]  # fmt: skip
    # a cell of two paragraphs is one measure's text; the 完成时限 column is its deadline
    assert plan.tasks[0].text.endswith("年底前建成县级政务服务统一受理平台。")
    assert plan.tasks[0].deadline == "2025年12月底前"
    assert plan.tasks[4].deadline == "长期坚持"
    # an empty 责任单位 cell keeps its place: the deadline is not read as a unit
    assert (plan.tasks[5].lead, plan.tasks[5].responsible) == (["县发改局"], [])
    assert plan.tasks[5].deadline == "2025年10月底前"
    assert [c.title for c in plan.chapters] == [
        "提升政务服务效能",
        "优化公平竞争的市场环境",
        "加强法治保障",
    ]


def test_word_automatic_numbering_and_both_bracket_styles():
    plan = uploaded("f02_jiuye_numbering")
    assert [(m.no, m.section) for m in plan.tasks] == [
        (1, "一"), (2, "一"), (3, "一"), (1, "二"), (2, "二"), (3, "二"),
    ]  # fmt: skip
    assert plan.tasks[2].collectives == ["各街道办事处"]  # …，各街道办事处负责落实
    assert (plan.tasks[5].lead, plan.tasks[5].responsible) == (["区人社局"], ["团区委", "区妇联"])
    assert {m.chapter for m in plan.tasks} == {"二"}  # 三、保障措施 (一)(二) are none


def test_an_attachment_table_after_the_signature_holds_the_measures():
    plan = uploaded("f03_wushui_attachment")
    assert [m.no for m in plan.tasks] == [1, 2, 3, 4, 5]
    assert {m.chapter for m in plan.tasks} == {None}  # 附件 is outside 三、保障措施
    assert (plan.issuer, plan.date) == ("某县人民政府办公室", "2025-04-02")  # before 附件
    assert [(t.year, t.value, t.comparator) for t in plan.targets] == [
        (2025, 45, ">="),
        (2025, 30, "="),
    ]
    assert any(d.code == "provisions-not-measures" for d in plan.diagnostics)
    # a row whose 责任单位 cell is empty names no unit, and the office is told
    assert (plan.tasks[3].responsible, plan.tasks[3].deadline) == ([], "长期坚持")
    assert [d.code for d in plan.diagnostics if d.line == plan.tasks[3].line] == ["no-attribution"]


def test_a_pdf_printed_to_the_line_with_a_running_page_number():
    name, data = BUILDERS["f04_anquan_printed"]()
    text = read_bytes(data, name).text
    assert "— 1 —" not in text and "— 2 —" not in text
    plan = parse_text(text)
    # a paragraph broken across a page and at the margin is one measure again
    assert plan.tasks[1].text.endswith("安装燃气泄漏报警装置3000户。")
    assert plan.tasks[4].text.endswith("“安全生产月”“安全宣传进企业”等活动。")
    assert plan.tasks[0].collectives == ["各乡镇人民政府"]


@pytest.mark.parametrize("stem", ["f05_daqi_table", "f07_wenlv_grid"])
def test_a_pdf_grid_is_read_row_by_row(stem):
    name, data = BUILDERS[stem]()
    lines = read_bytes(data, name).text.split("\n")
    rows = [line for line in lines if line.count(" | ") == 4]
    header = "序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限"
    pages = 2 if stem == "f05_daqi_table" else 1  # f05's header is printed again on page 2
    assert rows.count(header) == pages and rows[0] == header
    assert len(rows) == pages + len(gold(stem)["tasks"])
    assert not any("—" in line for line in lines)  # the page numbers
    plan = parse_text("\n".join(lines))
    assert [m.text for m in plan.tasks] == [t["text"] for t in gold(stem)["tasks"]]
    assert plan.issuer is not None and plan.date is not None  # the date is no table's


def test_a_saved_news_page_reads_as_its_plan():
    name, data = BUILDERS["f06_fazhi_news"]()
    text = read_bytes(data, name).text
    assert not any(noise in text for noise in ("网站首页", "分享到", "上一篇", "备案号"))
    plan = parse_text(text)
    assert plan.date == "2025-03-12"  # the signature's, not the page's 发布时间
    assert [m.no for m in plan.tasks] == list(range(1, 8))


def test_a_task_table_saved_from_word_as_html_keeps_its_rows():
    name, data = BUILDERS["f08_shipin_wordtable"]()
    lines = read_bytes(data, name).text.split("\n")
    # every cell's text was a <p>: the row is still one line, a cell's two paragraphs in it
    assert "1 | 建立农产品产地准出制度。 全年开展农药残留快速检测5000批次以上。 | 县农业农村局" in (
        " | ".join(line.split(" | ")[:3]) for line in lines
    )
    assert (
        "2 | 开展校园及周边食品安全专项整治，检查学校食堂120家。 | 县教育局 |  | 2025年9月底前"
        in lines
    )
    plan = parse_text("\n".join(lines))
    assert [(m.no, m.chapter, m.title) for m in plan.tasks] == [
        (1, "一", None), (2, "一", None), (3, "二", None), (4, "二", None),
    ]  # fmt: skip
    assert (plan.tasks[1].lead, plan.tasks[1].responsible) == (["县教育局"], [])
    assert plan.tasks[1].deadline == "2025年9月底前"


def test_a_lead_cell_merged_down_over_rows_leads_each_row():
    document = Document()
    table = document.add_table(rows=3, cols=3)
    for index, (number, task) in enumerate(
        [("序号", "重点任务"), ("1", "完成甲。"), ("2", "完成乙。")]
    ):
        table.cell(index, 0).text, table.cell(index, 1).text = number, task
    table.cell(0, 2).text = "牵头单位"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "县财政局"
    buffer = io.BytesIO()
    document.save(buffer)
    plan = parse_text(read_bytes(buffer.getvalue(), "plan.docx").text)
    assert [(m.no, m.lead) for m in plan.tasks] == [(1, ["县财政局"]), (2, ["县财政局"])]


def test_a_page_of_more_rules_than_any_table_is_read_by_its_columns(monkeypatch):
    """No grid is looked for on a page of more rules than any table has (finding cells
    compares rules with rules); the table's text is still read by its aligned columns."""
    import pdfplumber.page

    from taizhang.parsing.readers import pdf

    def refused(*_):
        raise AssertionError("no grid is looked for on such a page")

    monkeypatch.setattr(pdf, "_MAX_RULES", 0)  # every page is "too ruled"
    monkeypatch.setattr(pdfplumber.page.Page, "find_tables", refused)
    name, data = BUILDERS["f05_daqi_table"]()
    lines = read_bytes(data, name).text.split("\n")
    assert lines.count("序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限") == 2
    assert len([line for line in lines if line.count(" | ") == 4]) == 2 + len(
        gold("f05_daqi_table")["tasks"]
    )
