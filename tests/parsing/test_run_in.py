"""Run-in text (every line break removed, as document-sharing sites print a plan): a
heading run into its paragraph still gives its title (structure._run_in_title).

The two plans here are written for the tests, in other topics than the seeds (营商环境 with
full-width punctuation, 就业 with ASCII punctuation); the seeds printed run-in are scored in
test_variants.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taizhang.parsing import parse_text
from tests.parsing import variants

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENTS = Path(__file__).resolve().parent / "documents"

YINGSHANG = (
    "某县优化营商环境三年行动方案"
    "为持续优化营商环境，激发市场主体活力，制定本方案。"
    "一、总体要求坚持以人民为中心，持续深化“放管服”改革，打造市场化法治化营商环境。"
    "二、重点任务"
    "（一）优化政务服务环境深入推进“一网通办”，压缩办理时限，提升群众满意度。"
    "1.推行企业开办一日办结。（牵头单位：县市场监管局；责任单位：县政务服务中心）"
    "2.推进工程建设项目审批改革。（牵头单位：县住建局；责任单位：县自然资源局）"
    "（二）强化要素保障加快盘活闲置土地，降低企业用能成本。"
    "3.落实惠企政策直达快享。（牵头单位：县发改局；责任单位：县财政局、县税务局）"
    "（三）维护公平竞争秩序到2025年，基本建成统一开放、竞争有序的市场体系。"
    "4.开展妨碍公平竞争政策清理。（牵头单位：县市场监管局；责任单位：县司法局）"
)

JIUYE = (
    "某市稳就业工作方案"
    "为做好稳就业工作,结合本市实际,制定本方案。"
    "一、主要任务"
    "(一)拓宽就业渠道坚持把就业放在优先位置,大力发展吸纳就业能力强的产业。"
    "1.支持企业稳岗扩岗。(牵头单位:市人社局;责任单位:市财政局)"
    "2.扩大公益性岗位规模。(牵头单位:市人社局;责任单位:各区县人民政府)"
    "(二)加强重点群体就业帮扶切实做好高校毕业生、退役军人等群体就业工作。"
    "3.实施高校毕业生就业促进行动。(牵头单位:市教育局;责任单位:市人社局)"
    "二、保障措施"
    "(三)强化组织领导健全工作机制,压实各方责任。"
    "4.建立就业工作联席会议制度。(牵头单位:市人社局;责任单位:市直有关部门)"
)


def titles(plan) -> tuple[list[str], list[str]]:
    return [c.title for c in plan.chapters], [s.title for s in plan.sections]


def test_run_in_headings_end_where_their_paragraph_opens_fullwidth():
    plan = parse_text(YINGSHANG)
    chapters, sections = titles(plan)
    assert chapters == ["总体要求", "重点任务"]
    assert sections == ["优化政务服务环境", "强化要素保障", "维护公平竞争秩序"]
    assert [t.no for t in plan.tasks] == [1, 2, 3, 4]
    assert plan.tasks[2].responsible == ["县财政局", "县税务局"]


def test_run_in_headings_end_where_their_paragraph_opens_ascii():
    plan = parse_text(JIUYE)
    chapters, sections = titles(plan)
    assert chapters == ["主要任务", "保障措施"]
    # The first two end where 坚持 / 切实 open the paragraph. The third has no paragraph
    # opener (健全 also begins headings), so it is kept whole rather than cut at a guess.
    assert sections == [
        "拓宽就业渠道",
        "加强重点群体就业帮扶",
        "强化组织领导健全工作机制,压实各方责任",
    ]
    assert [t.no for t in plan.tasks] == [1, 2, 3, 4]


def test_a_long_heading_printed_on_its_own_line_is_kept_whole():
    heading = "坚定不移走中国特色社会主义法治道路深入推进全面依法治国各项任务落地见效"
    text = (
        "某县法治建设方案\n一、主要任务\n"
        f"(一){heading}\n"
        "1.推进严格执法。(牵头单位:县司法局;责任单位:县公安局)\n"
        "2.推进公正司法。(牵头单位:县法院;责任单位:县检察院)\n"
    )
    plan = parse_text(text)
    assert [s.title for s in plan.sections] == [heading]


def test_a_short_run_in_heading_is_not_cut():
    # 19 characters up to the full stop: no longer than a printed line, so it is a heading
    # sentence as printed ("(一)围绕建设法治政府,全面推进政务公开。", corpus 045).
    text = (
        "某县政务公开方案为深化政务公开,制定本方案。一、工作任务(一)围绕建设法治政府,全面推进政务公开。"
        "1.公开权力清单。(牵头单位:县政府办;责任单位:县直各部门)"
        "2.公开财政预决算。(牵头单位:县财政局;责任单位:县直各部门)"
    )
    plan = parse_text(text)
    assert [s.title for s in plan.sections] == ["围绕建设法治政府,全面推进政务公开"]


# A page that lists its fields as bullets, copied with its line breaks lost: the bullets
# still part the fields, and the notice header still ends at 的通知 (seed 000 printed run-in
# is scored in test_variants.py).
NOTICE_PAGE = (
    "• 索 引 号:• 11500-2023-00012• 发布机构:• 成文日期:• 2023-03-15• 文  号:"
    "• 某县人民政府办公室关于印发《某县就业促进行动方案》的通知"
    "某县人民政府办公室关于印发《某县就业促进行动方案》的通知"
    "某县就业促进行动方案为做好就业工作,结合本县实际,制定本方案。"
    "一、重点任务(一)拓宽就业渠道坚持把就业放在优先位置。"
    "1.支持企业稳岗扩岗。(牵头单位:县人社局;责任单位:县财政局)"
    "2.扩大公益性岗位规模。(牵头单位:县人社局;责任单位:县民政局)"
)


def test_bulleted_page_fields_run_in_keep_the_date_and_the_notice_issuer():
    plan = parse_text(NOTICE_PAGE)
    assert plan.date == "2023-03-15"
    assert plan.issuer == "某县人民政府办公室"
    assert plan.title == "某县就业促进行动方案"
    assert [t.no for t in plan.tasks] == [1, 2]


def test_a_notice_cited_in_a_run_in_sentence_is_no_header():
    # "为贯彻落实X关于印发…的通知" is the plan citing a notice (corpus 045), not its header.
    text = (
        "某县政务公开方案为深入贯彻落实某市人民政府办公室关于印发政务公开要点的通知精神,"
        "制定本方案。一、工作任务1.公开权力清单。(牵头单位:县政府办;责任单位:县直各部门)"
    )
    assert parse_text(text).issuer is None


def test_run_in_headings_end_where_the_paragraph_repeats_or_opens_parallel_clauses():
    # A paragraph that opens with the heading's topic ("营商环境营商环境是…") or with a run of
    # parallel clauses of one length ("规范执法行为,完善执法程序,改进执法方式") shows where
    # the heading ends, with no opener word (seed 001 printed run-in shows both).
    text = (
        "某县营商环境建设方案为优化营商环境,制定本方案。"
        "一、优化营商环境营商环境是发展的基础,必须持续改善。"
        "(一)保障市场主体合法权益规范涉企检查,压减审批事项,降低制度成本,提升服务水平。"
        "1.清理涉企收费。(牵头单位:县发改局;责任单位:县财政局)"
        "(二)提升政务服务效能推行一网通办。"
        "2.压缩审批时限。(牵头单位:县政务服务中心;责任单位:县直各部门)"
    )
    plan = parse_text(text)
    chapters, sections = titles(plan)
    assert chapters == ["优化营商环境"]
    assert sections == ["保障市场主体合法权益", "提升政务服务效能推行一网通办"]


def test_run_in_headings_end_where_a_list_of_actors_opens_the_paragraph(shared_dir):
    # "(十六)引导社会主体履行法定义务承担社会责任公民、法人和其他组织享有…": the paragraph
    # opens with a list of actors (公民、…); seed 001 printed run-in and d10 of
    # tests/parsing/documents. 公民 inside a heading, with no 、 after it, is no opener.
    seed = (shared_dir / "seeds" / "001_2a401f32e917c985.txt").read_text(encoding="utf-8")
    plan = parse_text(variants.run_in(seed))
    assert [s.title for s in plan.sections if s.no == "十六"] == [
        "引导社会主体履行法定义务承担社会责任"
    ]
    text = (
        "某县法治宣传教育方案为推进法治宣传,制定本方案。"
        "一、加强法治宣传(一)全面提升公民法治素养普及宪法知识,弘扬宪法精神,维护宪法权威。"
        "1.开展宪法宣传周活动。(牵头单位:县司法局;责任单位:县委宣传部)"
    )
    assert titles(parse_text(text))[1] == ["全面提升公民法治素养"]


def test_an_excerpt_printed_run_in_starts_at_its_first_numbers():
    # A copy that starts mid-plan and lost its line breaks: its first numbers (5., 三、) are
    # no continuation of anything, but each is followed by the next of its kind
    # (tests/parsing/documents d08 printed run-in is the other such copy).
    text = (
        "某县2024年乡村振兴重点工作(节选)"
        "5.建设高标准农田2万亩。(牵头单位:县农业农村局;责任单位:县财政局)"
        "6.推广水肥一体化技术1万亩。(牵头单位:县农业农村局;责任单位:县水利局)"
        "三、推进乡村建设"
        "7.新改建农村公路30公里。(牵头单位:县交通运输局;责任单位:县财政局)"
        "四、加强乡村治理"
        "8.创建民主法治示范村3个。(牵头单位:县民政局;责任单位:县司法局)"
    )
    plan = parse_text(text)
    assert [(m.no, m.chapter) for m in plan.tasks] == [(5, None), (6, None), (7, "三"), (8, "四")]
    assert plan.title == "某县2024年乡村振兴重点工作(节选)"
    # one number after a sentence, with no next one, is no numbering
    lone = (
        "某县工作方案为做好工作,制定本方案。一、重点任务今年完成改造。5.项目类。(牵头单位:县发改局)"
    )
    assert 5 not in [m.no for m in parse_text(lone).tasks]


def test_a_run_in_title_ends_where_its_preamble_opens_with_the_year_or_its_contents():
    # "…工作要点2024年是…" (d13 of tests/parsing/documents printed run-in is the other);
    # "…方案目录一、…" (d15 printed run-in and fixture styles/contents_cut.txt)
    year = (
        "某县2024年营商环境工作要点2024年是优化营商环境的攻坚之年。一、重点任务"
        "1.压缩企业开办时间。(牵头单位:县市场监管局)2.清理涉企收费。(牵头单位:县发改局)"
    )
    assert parse_text(year).title == "某县2024年营商环境工作要点"
    contents = (FIXTURES / "styles" / "contents_cut.txt").read_text(encoding="utf-8")
    assert parse_text(variants.run_in(contents)).title == "某县农村人居环境整治提升五年行动方案"


# A task table written for these tests, one cell per line; its last row's deadline is
# 长期坚持 (d04 of tests/parsing/documents is the other such table, its last cell a date).
NONGYE = "\n".join(
    [
        "某县2025年农业面源污染治理重点任务分工",
        "为落实《某省农业面源污染治理攻坚方案》，现将重点任务分工如下：",
        "序号",
        "重点任务",
        "牵头单位",
        "责任单位",
        "完成时限",
        "1",
        "推广测土配方施肥技术，化肥利用率达到43%以上。",
        "县农业农村局",
        "县生态环境局",
        "2025年10月底前",
        "2",
        "开展农药包装废弃物回收，回收率达到80%以上。",
        "县农业农村局",
        "县供销社、各乡镇人民政府",
        "2025年12月底前",
        "3",
        "定期开展农田退水水质监测。",
        "县生态环境局",
        "县农业农村局",
        "长期坚持",
        "",
        "某县农业农村局",
        "2025年2月18日",
    ]
)


def test_a_signature_run_into_a_task_tables_last_cell_signs_the_plan():
    # "…某铁路货运中心2024年12月底前某市生态环境保护委员会办公室2024年2月28日": the names
    # start after the last row's deadline cell, not at the last sentence end before it
    # (which would take the row's unit cells as names).
    d04 = (DOCUMENTS / "d04_daqi_table.txt").read_text(encoding="utf-8")
    plan = parse_text(variants.run_in(d04))
    assert (plan.issuer, plan.date) == ("某市生态环境保护委员会办公室", "2024-02-28")
    for printed in (NONGYE, variants.run_in(NONGYE)):
        plan = parse_text(printed)
        assert (plan.issuer, plan.date) == ("某县农业农村局", "2025-02-18")
        assert [(m.no, m.lead, m.deadline) for m in plan.tasks] == [
            (1, ["县农业农村局"], "2025年10月底前"),
            (2, ["县农业农村局"], "2025年12月底前"),
            (3, ["县生态环境局"], "长期坚持"),
        ]


def test_a_chapter_heading_glued_to_a_task_tables_last_cell_starts_the_next_chapter():
    # "…市委宣传部、市文化广电旅游局2024年12月底前三、保障措施（一）…" (d16) and "…区金融服务
    # 中心  2024年12月底前二、保障措施…" (d22): the heading is the next chapter's, the rows
    # stay under the chapter above the table and the last cell keeps its deadline only.
    for name in ("d16_wenlv_rows", "d22_shipin_spaced"):
        expected = json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        plan = parse_text(variants.run_in(text))
        assert [(c.no, c.title) for c in plan.chapters] == [
            (c["no"], c["title"]) for c in expected["chapters"]
        ]
        assert [(m.no, m.chapter) for m in plan.tasks] == [
            (t["no"], t["chapter"]) for t in expected["tasks"]
        ]
        assert plan.tasks[-1].deadline == "2024年12月底前"


def test_a_numeral_after_a_deadline_that_does_not_continue_the_chapters_is_no_heading():
    # A 一、 glued to the last cell when chapter 一 already stands above the table is no
    # heading: only the next chapter's numeral is cut (and "底前三、四季度" holds no marker:
    # 三、 before 四 is a list of numbers).
    table = (
        "某县2024年重点任务分工一、重点任务序号\t重点任务\t责任单位\t完成时限"
        "1\t完成农村公路改造30公里。\t县交通运输局\t2024年6月底前"
        "2\t新建村级综合服务站5个。\t县民政局\t2024年9月底前一、做好衔接"
    )
    plan = parse_text(table)
    assert [c.no for c in plan.chapters] == ["一"]
    assert [(m.no, m.chapter) for m in plan.tasks] == [(1, "一"), (2, "一")]


def test_an_attachment_title_a_page_number_and_a_note_around_a_run_in_signature():
    # GB/T 9704: 附件：… above the signature, （此件公开发布） under the date; a PDF copy's
    # page number between (d05 printed run-in is the other such copy).
    signed = NONGYE.replace(
        "\n某县农业农村局\n2025年2月18日",
        "\n附件：某县农业面源污染治理重点项目清单\n某县农业农村局\n— 2 —\n2025年2月18日"
        "\n（此件公开发布）",
    )
    assert signed != NONGYE
    for printed in (signed, variants.run_in(signed)):
        plan = parse_text(printed)
        assert (plan.issuer, plan.date) == ("某县农业农村局", "2025-02-18")
        assert [m.no for m in plan.tasks] == [1, 2, 3]


# 第N部分 over 一、 over (一), printed run-in (d14 of tests/parsing/documents is the other).
BUFEN = (
    "某区2024年营商环境重点任务清单"
    "第一部分　总体要求坚持统一、规范、高效的原则，持续优化营商环境。"
    "第二部分　重点任务一、提升政务服务效能"
    "（一）推行企业开办一日办结。（牵头单位：区市场监管局；责任单位：区政务服务中心）"
    "（二）推进政务服务事项网上办理。（牵头单位：区政务服务中心）"
    "二、强化要素保障"
    "（三）盘活闲置低效用地300亩。（牵头单位：区自然资源局）"
    "第三部分　保障措施（四）加强组织领导。区营商办统筹推进各项任务。"
)


def test_parts_over_chapter_numerals_printed_run_in_keep_both_levels():
    # 第N部分 and 一、 each keep their own numbering: 一、 glued to 第二部分's heading starts
    # its first chapter (confirmed by 二、 within the part), 第三部分 follows 第二部分; the
    # 统一、 of 第一部分's prose is no heading (no 二、 follows it within that part).
    plan = parse_text(BUFEN)
    assert [(c.no, c.title) for c in plan.chapters] == [
        ("一", "总体要求"),
        ("二", "重点任务"),
        ("一", "提升政务服务效能"),
        ("二", "强化要素保障"),
        ("三", "保障措施"),
    ]
    assert [(m.no, m.chapter) for m in plan.tasks] == [(1, "一"), (2, "一"), (3, "二")]
    d14 = (DOCUMENTS / "d14_renju_parts.txt").read_text(encoding="utf-8")
    expected = json.loads((DOCUMENTS / "d14_renju_parts.json").read_text(encoding="utf-8"))
    run_in = parse_text(variants.run_in(d14))
    assert [(c.no, c.title) for c in run_in.chapters] == [
        (c["no"], c["title"]) for c in expected["chapters"]
    ]
    assert [(m.no, m.chapter) for m in run_in.tasks] == [
        (t["no"], t["chapter"]) for t in expected["tasks"]
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "wenhua_guanzhan.txt",
            [
                (["县文化广电旅游局"], ["县图书馆"]),
                (["县文化广电旅游局"], ["县文化馆"]),
                (["县文化广电旅游局"], ["县财政局", "县博物馆"]),
                (["县委宣传部"], ["县新华书店"]),
                (["县文化馆", "县图书馆"], []),
            ],
        ),
        (
            "yuedu_shudian.txt",
            [
                (["县委宣传部"], ["县新华书店"]),
                (["县教育局"], ["县图书馆"]),
                (["县委宣传部"], ["县文化馆", "县新华书店"]),
                (["县博物馆", "县档案馆"], []),
            ],
        ),
    ],
)
def test_public_institutions_end_a_unit_name_printed_and_run_in(name, expected):
    # 馆 and 书店 end a unit as 局 does: the (二) run in after 县图书馆 opens the next measure,
    # and a line of 馆 names under a measure is its attribution (round 21)
    text = (FIXTURES / "styles" / name).read_text(encoding="utf-8")
    for copy in (text, variants.run_in(text)):
        plan = parse_text(copy)
        assert [(m.lead, m.responsible) for m in plan.tasks] == expected
        assert not [d for d in plan.diagnostics if d.code == "unknown-unit"]
