"""Diagnostics say where the parser is unsure, with the line the office should look at."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from taizhang.parsing import parse_path, parse_text
from tests.parsing import variants

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

SUB_POINTS_WITH_UNITS = """某县2024年营商环境工作要点
一、重点任务
1.压缩企业开办时间。（牵头单位：县市场监管局）
2.优化涉企服务：
（1）开展涉企收费专项检查。（牵头单位：县发改局）
（2）开展拖欠企业账款清理。（牵头单位：县财政局）
3.落实减税降费政策。（牵头单位：县税务局）
4.推进工程建设项目审批改革。（牵头单位：县住建局）
"""


def _diagnostics(text: str, code: str):
    return [d for d in parse_text(text).diagnostics if d.code == code]


@pytest.mark.parametrize("ascii_punctuation", [False, True], ids=["full", "ascii"])
def test_a_narrow_level_choice_points_at_the_competing_list(ascii_punctuation):
    text = SUB_POINTS_WITH_UNITS
    if ascii_punctuation:
        text = text.translate(variants.FULL_TO_ASCII)
    (found,) = _diagnostics(text, "level-uncertain")
    assert (found.line, "lines 5, 6" in found.message) == (5, True)


@pytest.mark.parametrize(
    ("bracket", "pieces"),
    [
        ("（牵头单位：县发改局县财政局）", "县发改局县财政局"),  # two names run together
        ("（负责）", "负责"),  # a bracket that names nobody
    ],
)
def test_an_attribution_that_could_not_be_split_is_named_with_its_line(bracket, pieces):
    text = (
        f"某县工作要点\n一、任务\n1.推进项目建设。{bracket}\n2.开展培训。（牵头单位：县人社局）\n"
    )
    (found,) = _diagnostics(text, "attribution-unsplit")
    assert (found.line, pieces in found.message) == (3, True)


@pytest.mark.parametrize(
    ("bracket", "lead"),
    [
        ("（牵头单位：县发改局　县财政局）", ["县发改局", "县财政局"]),
        (
            "（县委宣传部　县文旅局　县融媒体中心按职责分工负责）",
            ["县委宣传部", "县文旅局", "县融媒体中心"],
        ),
    ],
)
def test_names_set_apart_by_blanks_are_split_not_flagged(bracket, lead):
    text = f"某县工作要点\n一、任务\n1.推进项目建设。{bracket}\n"
    plan = parse_text(text)
    assert (plan.tasks[0].lead, _diagnostics(text, "attribution-unsplit")) == (lead, [])


def test_names_that_carry_their_place_inside_are_not_flagged():
    text = (
        "某县工作要点\n一、任务\n1.推进普惠金融。（责任单位：人行某县支行、中国联通某县分公司）\n"
    )
    assert _diagnostics(text, "attribution-unsplit") == []


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.txt")), ids=lambda path: path.name)
def test_every_diagnostic_about_a_place_in_the_text_names_its_line(path):
    for found in parse_path(path).diagnostics:
        assert found.line is not None or found.code == "no-measures", found


@pytest.mark.parametrize("name", ["县纪委县监委", "州纪委州监委", "市纪委监委"])
def test_a_merged_body_named_with_both_prefixes_is_one_unit_not_flagged(name):
    text = f"某县工作要点\n一、任务\n1.推进项目建设。（牵头单位：{name}；责任单位：县财政局）\n"
    plan = parse_text(text)
    assert (plan.tasks[0].lead, _diagnostics(text, "attribution-unsplit")) == ([name], [])


def test_a_merged_body_followed_by_another_unit_is_still_flagged():
    text = "某县工作要点\n一、任务\n1.推进项目建设。（牵头单位：县纪委县监委县财政局）\n"
    assert len(_diagnostics(text, "attribution-unsplit")) == 1


def test_every_code_the_parser_gives_has_a_chinese_label_and_check():
    """The preview shows a diagnostic by its entry in plans/data/diagnostics.toml; a code
    without one would fall back to the generic 'other' text."""
    src = Path(__file__).resolve().parents[2] / "src" / "taizhang"
    codes = {
        code
        for path in (src / "parsing").rglob("*.py")
        for code in re.findall(r'Diagnostic\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8"))
    }
    entries = tomllib.loads((src / "plans" / "data" / "diagnostics.toml").read_text("utf-8"))
    assert {"provisions-not-measures", "unlabelled-units"} <= codes
    assert codes - set(entries) == set()
    assert all(entries[code]["label"] and entries[code]["check"] for code in codes)
