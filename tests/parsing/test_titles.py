"""Measure titles are decided per document: headings, purpose clauses, one-sentence items."""

from __future__ import annotations

import pytest

from taizhang.parsing import parse_text
from taizhang.parsing.normalize import fold
from taizhang.parsing.titles import document_is_titled, heading, measure_titles
from tests.parsing import variants

ARTICLES = (
    "某县村级议事协商规则\n"
    "第一条 为规范村级议事协商，根据有关规定，结合本县实际，制定本规则。\n"
    "第二条 明确议事范围。涉及村民切身利益的事项，应当提交村民会议或者村民代表会议协商。"
    "（责任单位：县民政局）\n"
    "第三条 规范议事程序。议事协商按照提出议题、征求意见、集体协商、公示结果的程序进行。"
    "（责任单位：县民政局）\n"
    "第四条 加强结果运用。协商结果应当公开，并接受村务监督委员会监督。（责任单位：县民政局）\n"
)

PROSE = (
    "某县普法工作要点\n一、主要任务\n"
    "1.各单位要把学习宪法作为年度普法的重点内容，结合实际开展形式多样的宣传活动。"
    "每年组织一次集中宣传。（责任单位：县司法局）\n"
    "2.在全县中小学开展“法治进校园”巡讲活动，推动法治教育纳入课堂教学。"
    "各学校要配齐法治副校长。（责任单位：县教育局）\n"
    "3.加强普法阵地建设。在乡镇建设法治文化广场。（责任单位：县司法局）\n"
)


@pytest.mark.parametrize("ascii_punctuation", [False, True], ids=["full", "ascii"])
def test_a_purpose_clause_does_not_outvote_the_headings_of_a_short_set_of_articles(
    ascii_punctuation,
):
    text = ARTICLES.translate(variants.FULL_TO_ASCII) if ascii_punctuation else ARTICLES
    plan = parse_text(text)
    # 第一条 为…，制定本规则 is the plan's purpose, no measure (it names no units)
    assert [m.title for m in plan.tasks] == ["明确议事范围", "规范议事程序", "加强结果运用"]
    provisions = [d.line for d in plan.diagnostics if d.code == "provisions-not-measures"]
    assert provisions == [2]


@pytest.mark.parametrize("ascii_punctuation", [False, True], ids=["full", "ascii"])
def test_measures_that_open_with_sentences_have_no_titles_though_one_opens_with_a_heading(
    ascii_punctuation,
):
    text = PROSE.translate(variants.FULL_TO_ASCII) if ascii_punctuation else PROSE
    assert [m.title for m in parse_text(text).tasks] == [None, None, None]


def test_a_heading_on_a_line_of_its_own_over_its_paragraph():
    text = (
        "推进政府机构职能优化协同高效，理顺部门职责关系\n"
        "继续优化政府组织结构，进一步理顺政府各部门职责关系。"
    )
    assert heading(text) == "推进政府机构职能优化协同高效，理顺部门职责关系"


def test_a_first_line_longer_than_a_printed_line_is_no_heading():
    text = "推进政府机构职能优化协同高效并进一步理顺政府各部门的职责关系和权责清单\n继续优化。"
    assert heading(text) is None


def test_one_sentence_measures_do_not_vote():
    texts = ["加强组织领导。", "强化宣传引导。各单位要加强宣传，营造良好氛围。"]
    assert document_is_titled(texts)


def test_long_one_sentence_measures_vote_against_a_lone_heading():
    # d09 of tests/parsing/documents: one measure opens with a short sentence over 一是/二是,
    # the others are single sentences too long for a heading: the plan is not titled.
    texts = [
        "深入开展“法律进乡村”活动，每年每个村至少开展2次法治宣传活动，提高农民群众法治素养。",
        "推进村（社区）法律顾问全覆盖，村（社区）法律顾问配备率达到100%，实现应援尽援。",
        "健全乡村治理体系，修订完善村规民约。一是推动合法性审查；二是开展示范村创建。",
    ]
    assert not document_is_titled(texts)


@pytest.mark.parametrize("text", [ARTICLES, PROSE], ids=["titled", "untitled"])
def test_measure_titles_read_each_opening_once_as_the_vote_and_heading_did(text):
    measures = parse_text(text).tasks
    texts = [m.text for m in measures]
    folded = [fold(t) for t in texts]
    expected = [heading(t) for t in texts] if document_is_titled(texts) else [None] * len(texts)
    assert measure_titles(texts, folded) == expected
