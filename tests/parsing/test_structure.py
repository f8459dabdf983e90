"""The skeleton of a plan in the layouts of the genre: which lines are measures."""

from __future__ import annotations

import pytest

from taizhang.parsing.structure import parse_skeleton


def numbers(text: str) -> list[int]:
    return [m.no for m in parse_skeleton(text).measures]


def test_arabic_measures_under_sections():
    text = (
        "一、总体要求\n"
        "(一)指导思想\n"
        "坚持…。\n"
        "二、主要任务\n"
        "(二)宣传宪法\n"
        "1.开展宣传。[牵头单位:县司法局]\n"
        "2.开展培训。[牵头单位:县委组织部]\n"
    )
    skeleton = parse_skeleton(text)
    assert ([m.no for m in skeleton.measures], [s.title for s in skeleton.sections]) == (
        [1, 2],
        ["指导思想", "宣传宪法"],
    )


def test_paren_numbers_are_measures_under_heading_only_arabic_lines():
    text = (
        "一、工作任务\n(一)健全政府职能\n1.推进职能优化\n(1)规范权力运行。完善机制。\n"
        "(2)深化权责清单管理。落实制度。\n2.优化营商环境\n(3)清理收费。开展检查。\n"
    )
    assert numbers(text) == [1, 2, 3]


def test_paren_sub_points_inside_a_measure_stay_in_its_text():
    text = "一、任务\n1.加强队伍建设。具体包括:\n(1)配齐人员;\n(2)加强培训。[牵头单位:市司法局]\n"
    skeleton = parse_skeleton(text)
    assert (numbers(text), "(2)加强培训" in skeleton.measures[0].text) == ([1], True)


def test_section_items_are_measures_when_nothing_is_numbered_below_them():
    text = (
        "一、依法全面履行政府职能\n(一)为发展提供法治保障。加强备案审查。\n"
        "责任单位:县政府办公室、县司法局\n(二)深化改革。推进简政放权。\n"
    )
    skeleton = parse_skeleton(text)
    assert ([m.no for m in skeleton.measures], skeleton.sections) == ([1, 2], [])


def test_front_matter_section_items_are_sections_not_measures():
    text = (
        "一、总体要求\n"
        "(一)指导思想\n"
        "坚持以人民为中心。\n"
        "(二)总体目标\n"
        "到2025年,满意率达到90%以上。\n"
    )
    skeleton = parse_skeleton(text)
    assert (skeleton.measures, len(skeleton.sections)) == ([], 2)


def test_goal_paragraphs_are_collected_for_plan_targets():
    text = (
        "一、总体要求\n"
        "(一)总体目标\n"
        "到2025年,满意率达到90%以上。\n"
        "二、任务\n"
        "1.做事。[牵头单位:市司法局]\n"
    )
    assert "满意率达到90%以上" in parse_skeleton(text).goal_texts[0]


def test_attribution_bracket_ends_the_measure_text():
    text = "一、任务\n1.加强宣传。〔牵头单位：市委宣传部；责任单位：各县（市）区〕\n"
    measure = parse_skeleton(text).measures[0]
    assert (measure.text, measure.attribution_raw) == (
        "加强宣传。",
        "牵头单位：市委宣传部；责任单位：各县（市）区",
    )


def test_attribution_that_wraps_over_two_lines_is_read_whole():
    text = (
        "一、任务\n"
        "1.建设阵地。(责任单位:县司法局、县文化局、\n"
        "县自然资源局)\n"
        "2.开展调解。(责任单位:县司法局)\n"
    )
    assert (
        parse_skeleton(text).measures[0].attribution_raw
        == "责任单位:县司法局、县文化局、\n县自然资源局"
    )


def test_attribution_on_label_lines_below_the_measure():
    text = (
        "一、目标\n1.生产总值增长6%左右。\n\n牵头单位:区发改局\n\n责任单位:各街道\n\n2.投资增长。\n"
    )
    measure = parse_skeleton(text).measures[0]
    assert measure.attribution_raw == "牵头单位:区发改局\n\n责任单位:各街道"


def test_unlabelled_attribution_is_recognised():
    text = "一、任务\n1.推进法律顾问全覆盖。〔县司法局、县民政局按职责分工分别负责〕\n"
    assert (
        parse_skeleton(text).measures[0].attribution_raw == "县司法局、县民政局按职责分工分别负责"
    )


def test_bracket_without_units_is_part_of_the_text():
    text = "一、任务\n1.落实制度(试行)并公开(每季度一次)。\n"
    assert parse_skeleton(text).measures[0].attribution_raw is None


def test_page_chunk_markers_of_sharing_sites_are_not_measures():
    text = (
        "1、市工作措施为建设法治社会制定本措施。一、推动全社会增强法治观念(一)学习宣传。做好进课堂、\n"
        "2、进头脑工作。(二)宪法宣传常态化。每年组织宣传活动,形成\n3、氛围。\n"
    )
    skeleton = parse_skeleton(text)
    assert ([m.no for m in skeleton.measures], "2、进头脑工作" in skeleton.measures[0].text) == (
        [1, 2],
        True,
    )


def test_heading_over_a_table_is_not_a_measure():
    text = "二、分工\n(一)约束性指标\n1、约束性指标的责任部门\n单位地区生产总值能耗\n发改委\n"
    assert numbers(text) == []


def test_heading_whose_content_was_cut_off_is_not_a_measure():
    assert numbers("一、总体要求\n二、主要任务\n(一)增强法治观念\n1.维护宪法权威\n") == []


def test_numbered_notice_instructions_before_the_plan_are_not_measures():
    text = (
        "关于印发《方案》的通知\n1.请各单位认真落实。\n2.请于年底前报送。\n"
        "一、主要任务\n1.加强宣传。[牵头单位:市司法局]\n"
    )
    assert numbers(text) == [1]


def test_table_of_contents_is_skipped():
    text = (
        "目录\n"
        "一、总体要求\n"
        "二、主要任务\n"
        "一、总体要求\n"
        "坚持依法治理。\n"
        "二、主要任务\n"
        "(一)宣传\n"
        "1.开展宣传。\n"
    )
    assert [c.title for c in parse_skeleton(text).chapters] == ["总体要求", "主要任务"]


def test_paragraph_with_attribution_but_no_number_is_a_measure():
    text = "一、工作目标\n坚持依法治理。\n二、推进措施\n积极推进涉农立法。(责任单位:市司法局)\n"
    measure = parse_skeleton(text).measures[0]
    assert (measure.no, measure.unnumbered) == (1, True)


def test_sections_run_into_their_intro_paragraph_are_sections_not_clauses():
    text = (
        "二、推动全社会增强法治观念树立法治理念，使法治成为社会共识和基本原则。"
        "(一)维护宪法权威普及宪法知识，增强宪法意识。1.开展宣传。[牵头单位:市司法局]"
        "(二)提高法治观念深入宣传法律体系，广泛宣传法律法规。2.开展培训。[牵头单位:市委组织部]"
        "三、健全制度"
    )
    skeleton = parse_skeleton(text)
    assert [s.no for s in skeleton.sections] == ["一", "二"]
    assert skeleton.body_start == 0  # chapter 二 is work, though its intro names 基本原则


def test_a_heading_over_its_sub_items_is_a_section_though_it_is_one_sentence():
    text = (
        "一、主要任务\n(一)支持民间投资。\n1.推介项目。(省发改委负责)\n"
        "(二)优化服务。\n2.简化审批。(省政务办负责)\n"
    )
    assert [s.title for s in parse_skeleton(text).sections] == ["支持民间投资", "优化服务"]


def test_principle_lists_are_not_sections():
    text = (
        "一、基本原则\n(一)坚持党的领导、人民当家作主、依法治国有机统一;\n"
        "(二)坚持宪法法律至上,反对以言代法、以权压法;\n(三)坚持统筹协调;\n"
    )
    assert parse_skeleton(text).sections == []


def test_decimal_and_date_numbers_at_line_start_are_not_markers():
    text = "一、任务\n1.开展宣传。\n12.4国家宪法日开展活动。\n2.开展培训。\n"
    assert numbers(text) == [1, 2]


def test_traditional_characters_and_full_width_forms():
    text = "一、任務\n（一）宣傳\n１．開展宣傳。（牽頭單位：縣司法局）\n"
    measure = parse_skeleton(text).measures[0]
    assert (measure.no, measure.attribution_raw) == (1, "牽頭單位：縣司法局")


def test_articles_are_measures():
    text = "某办法\n第一条 为规范工作,制定本办法。\n第二条 本办法适用于全县。\n"
    assert numbers(text) == [1, 2]


def test_text_is_kept_as_printed_between_marker_and_bracket():
    text = "一、任务\n3.\u2002加强,宣传(普法)。[牵头单位:州司法局]\n"
    assert parse_skeleton(text).measures[0].text == "加强,宣传(普法)。"


def test_line_numbers_point_at_the_measure():
    text = "标题\n\n一、任务\n\n1.开展宣传。\n"
    assert parse_skeleton(text).measures[0].line == 5


SECOND_PLANS = {
    "一是 items carrying units": (
        "某区2024年河湖治理工作要点\n一、水污染防治\n"
        "一是开展入河排污口排查整治。(牵头单位:区生态环境分局)"
        "二是推进城镇污水管网建设。(牵头单位:区住建局;责任单位:各街道)\n",
        [
            (1, "一", "开展入河排污口", "牵头单位:区生态环境分局"),
            (2, "一", "推进城镇污水管", "牵头单位:区住建局;责任单位:各街道"),
        ],
    ),
    "attributions before the numbers": (
        "某市养老服务体系建设分工方案\n一、主要任务\n"
        "〔市民政局负责〕1.建设区域养老服务中心10个。\n"
        "〔牵头单位:市卫健委;责任单位:市医保局〕2.推进医养结合。\n",
        [
            (1, "一", "建设区域养老服", "市民政局负责"),
            (2, "一", "推进医养结合。", "牵头单位:市卫健委;责任单位:市医保局"),
        ],
    ),
    "a chapter whose measures are another list": (
        "某县2024年文旅工作要点\n一、重点项目\n"
        "(一)建成游客服务中心。(牵头单位:县文旅局)\n(二)改造旅游厕所。(牵头单位:县文旅局)\n"
        "二、宣传活动\n1.举办乡村旅游节。(责任单位:县委宣传部)\n"
        "2.开展线上推介。(责任单位:县融媒体中心)\n",
        [
            (1, "一", "建成游客服务中", "牵头单位:县文旅局"),
            (2, "一", "改造旅游厕所。", "牵头单位:县文旅局"),
            (1, "二", "举办乡村旅游节", "责任单位:县委宣传部"),
            (2, "二", "开展线上推介。", "责任单位:县融媒体中心"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(SECOND_PLANS))
def test_a_second_plan_for_each_newer_style(name):
    """The fixtures in styles/ show these styles once; these plans show them again."""
    text, expected = SECOND_PLANS[name]
    measures = parse_skeleton(text).measures
    assert [(m.no, m.chapter, m.text[:7], m.attribution_raw) for m in measures] == expected
