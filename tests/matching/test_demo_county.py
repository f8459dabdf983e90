"""The demo county plan reads cleanly and carries out the 黔南 plan as its alignment says."""

import re

import pytest
from benchmarks.align import DEMO, figures, one_plan, proposed_links, read_alignment

from taizhang.matching import items_from_plan
from taizhang.parsing import parse_path

ALIGNMENT = DEMO / "duyun-fazhi-shehui-2022-2025.links.tsv"


@pytest.fixture(scope="module")
def county():
    return parse_path(one_plan("duyun"))


@pytest.fixture(scope="module")
def qiannan():
    return items_from_plan(parse_path(one_plan("qiannan")))


def test_the_parser_reads_every_measure_with_its_units_and_no_warnings(county):
    assert [m.no for m in county.tasks] == list(range(1, len(county.tasks) + 1))
    assert len(county.tasks) >= 30
    assert all(m.lead for m in county.tasks)
    assert [d for d in county.diagnostics if d.level == "warning"] == []
    assert any("黔南州法治社会建设实施方案" in parent for parent in county.parents)


def test_every_measure_has_a_schedule_and_a_verifiable_outcome(county):
    # 黔南's closing paragraph: 明确提出工作进度安排和可检验的成果形式.
    for measure in county.tasks:
        assert re.search(r"进度安排:.+成果形式:.+", measure.text.replace("：", ":")), measure.no


def test_it_is_marked_as_demo_data():
    first_line = one_plan("duyun").read_text(encoding="utf-8").splitlines()[0]
    assert "演示数据" in first_line and "虚构" in first_line


def test_its_alignment_names_every_measure_and_real_qiannan_measures(county, qiannan):
    pairs, children = read_alignment(ALIGNMENT)
    assert children == [m.no for m in county.tasks]
    assert {parent for _, parent in pairs} <= {item.key for item in qiannan}


def test_proposed_links_agree_with_its_alignment(county, qiannan):
    expected, _ = read_alignment(ALIGNMENT)
    scored = figures(proposed_links(items_from_plan(county), qiannan), expected)
    assert scored.f1 >= 0.80, scored.line()
