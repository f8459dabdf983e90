"""Division-of-labour tables: a plan's units given in a table instead of brackets."""

from __future__ import annotations

from taizhang.parsing import parse_text
from taizhang.parsing.tables import find_table_rows

TABLE_ONLY = """某县2024年法治政府建设任务分工表
序号 | 任务内容 | 牵头单位 | 责任单位 | 完成时限 |
1 | 全面落实行政规范性文件合法性审核机制。 | 县司法局 | 县政府办公室 | 2024年6月底前 |
2 | 推进行政执法“三项制度”全覆盖。 | 县司法局 | 县直各有关部门 | 2024年12月底前 |
"""


def test_rows_are_read_under_a_header_with_unit_columns():
    rows = find_table_rows(TABLE_ONLY)
    assert [(r.number, r.units["牵头单位"], r.deadline) for r in rows] == [
        (1, "县司法局", "2024年6月底前"),
        (2, "县司法局", "2024年12月底前"),
    ]


def test_a_table_without_unit_columns_is_not_a_task_table():
    assert find_table_rows("指标 | 2020年 | 2025年\n生产总值 | 100 | 150\n") == []


def test_a_plan_that_is_only_a_table_gets_its_measures_from_the_rows():
    plan = parse_text(TABLE_ONLY)
    assert [(m.no, m.lead, m.responsible, m.collectives, m.deadline) for m in plan.tasks] == [
        (1, ["县司法局"], ["县政府办公室"], [], "2024年6月底前"),
        (2, ["县司法局"], [], ["县直各有关部门"], "2024年12月底前"),
    ]


def test_numbered_measures_take_units_from_the_matching_row():
    text = (
        "一、主要任务\n1.强化制度建设。局综合科要建立政府信息公开制度。\n"
        "2.注重回应关切。对群众关注的热点问题及时回应。\n"
        "二、任务分解\n重点任务 | 工作内容 | 负责科室 |\n"
        "回应关切 | 对群众关注的热点问题及时回应。 | 办公室 |\n"
        "制度建设 | 局综合科要建立政府信息公开制度。 | 综合科 |\n"
    )
    plan = parse_text(text)
    assert [m.responsible for m in plan.tasks] == [["综合科"], ["办公室"]]
