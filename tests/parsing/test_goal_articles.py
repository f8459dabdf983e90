"""Plan-level goals stated as an article: in a plan of 第N条 the goals are not a section
under a goal heading (三、主要目标) but an article under 总体要求 or 总则, a provision that
is no measure (structure._states_goals).

Two documents: d19 (tests/parsing/documents, 第二条 opening with the year its goals are set
for) and the 养老 plan below, written for this test (第一章 总则, 第二条 opening with 工作目标).
"""

from __future__ import annotations

from pathlib import Path

from taizhang.parsing import parse_path, parse_text

DOCUMENTS = Path(__file__).resolve().parent / "documents"

YANGLAO = """某县养老服务体系建设实施办法

第一章　总　则
第一条　为加快建设居家社区机构相协调、医养康养相结合的养老服务体系，结合本县实际，制定本办法。
第二条　工作目标。到2026年，对2005年以前投用的养老机构全部完成消防改造，\
养老机构护理型床位占比达到60%以上，建成乡镇综合养老服务中心12个。
第三条　本办法所列任务由责任单位按职责分工推进。

第二章　重点任务
第四条　推进居家社区养老服务。新建社区养老服务站20个，为1500户特殊困难老年人家庭实施适老化改造。
（责任单位：县民政局、县住建局）
第五条　提升机构养老服务能力。推动公办养老机构改革，护理型床位新增300张。
（责任单位：县民政局、县卫健局）
第六条　促进医养结合。每个乡镇卫生院与养老机构签订合作协议。
（责任单位：县卫健局、各乡镇人民政府）

第三章　附　则
第七条　本办法自印发之日起施行。

某县人民政府办公室
2025年3月10日
"""


def plan_targets(plan) -> list[tuple]:
    return [(t.quote, t.year, t.value, t.unit, t.comparator) for t in plan.targets]


def test_an_article_opening_with_its_year_states_the_plans_goals():
    plan = parse_path(DOCUMENTS / "d19_laojiu_articles.txt")
    # "2000年底前建成的城镇老旧小区" names the homes by when they were built: the goal's
    # year is 2025, the year the article opens with.
    assert plan_targets(plan) == [("改造小区不少于45个", 2025, 45, "个", ">=")]
    assert [m.no for m in plan.tasks] == [3, 4, 5, 6, 7, 8]  # the article is no measure


def test_an_article_opening_with_a_goal_word_states_the_plans_goals():
    plan = parse_text(YANGLAO)
    assert plan_targets(plan) == [
        ("养老机构护理型床位占比达到60%以上", 2026, 60, "%", ">="),
        ("乡镇综合养老服务中心12个", 2026, 12, "个", "="),
    ]
    assert [m.no for m in plan.tasks] == [4, 5, 6]
    assert plan.tasks[0].responsible == ["县民政局", "县住建局"]


def test_an_article_of_general_provisions_states_no_goals():
    # 第三条 of 总则 holds no goal: nothing of it becomes a target, and a 总则 article that
    # holds a number but no goal word nor year is no goal either.
    text = YANGLAO.replace("第二条　工作目标。到2026年，", "第二条　")
    assert plan_targets(parse_text(text)) == []
