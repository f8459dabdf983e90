"""Layout repair before parsing: stray spaces inside words, hard-wrapped lines."""

from __future__ import annotations

from taizhang.parsing import parse_text
from taizhang.parsing.layout import restore

PARAGRAPHS = [
    "一、主要任务",
    "1.建立健全行政执法公示制度，按时公开执法主体、依据、程序和结果信息，接受社会监督。（牵头单位：区司法局；责任单位：区各执法部门）",
    "2.推行执法全过程记录，配备执法记录仪，做到执法全过程留痕和可回溯管理。（牵头单位：区公安分局；责任单位：区市场监管局）",
    "3.落实重大执法决定法制审核制度，明确审核机构和审核范围，编制审核清单。（牵头单位：区司法局）",
    "4.开展执法案卷评查，每年至少组织一次集中评查，结果纳入年度考核。（牵头单位：区司法局；责任单位：区各执法部门）",
]


def wrap(paragraphs: list[str], columns: int) -> str:
    return "\n".join(p[i : i + columns] for p in paragraphs for i in range(0, len(p), columns))


def test_a_space_between_two_chinese_characters_is_dropped_but_runs_of_blanks_stay():
    layout = restore("牵头单位：区 司法局\n中共某县委  某县人民政府")
    assert layout.text == "牵头单位：区司法局\n中共某县委  某县人民政府"


def test_hard_wrapped_paragraphs_are_joined_and_lines_point_at_the_source():
    text = wrap(PARAGRAPHS * 3, 24)
    layout = restore(text)
    assert layout.text.split("\n")[1] == PARAGRAPHS[1]
    plan = parse_text(text)
    assert [m.no for m in plan.tasks[:4]] == [1, 2, 3, 4]
    assert plan.tasks[1].lead == ["区公安分局"]
    # measure 2 starts on the source line after the 24-character pieces of measure 1
    assert plan.tasks[1].line == 2 + -(-len(PARAGRAPHS[1]) // 24)


def test_a_wrapped_line_ending_in_a_bracket_is_no_paragraph_end():
    text = wrap(PARAGRAPHS * 3, 20)
    assert any(line.endswith("）") for line in text.split("\n")[:-1] if len(line) == 20)
    plan = parse_text(text)
    assert all("\n" not in m.text for m in plan.tasks)


def test_a_document_with_a_line_per_paragraph_is_left_alone():
    text = "\n".join(PARAGRAPHS * 3)
    assert restore(text).text == text


def test_a_unit_line_under_a_sentence_is_no_wrapped_rest_but_one_mid_sentence_is():
    # the measure's last line reaches the margin and ends with 。; the units stand below it
    # (d07 of tests/parsing/documents hard-wrapped at 30 is the other such copy)
    measures = [
        "一、主要任务",
        "1.推行企业开办全程网办，压缩企业开办时间至一个工作日以内。",
        "区市场监管局、区税务局按职责分工负责",
        "2.清理规范涉企收费，建立涉企收费目录清单并向社会公开发布。",
        "区发改局、区财政局按职责分工负责",
    ]
    more = [f"{n}.落实减税降费政策，确保各项政策红利直达市场主体并及时兑现。" for n in range(3, 9)]
    text = wrap([*measures, *more], 30)
    lines = restore(text).text.split("\n")
    assert lines[1:3] == measures[1:3]
    plan = parse_text(text)
    assert plan.tasks[0].lead == ["区市场监管局", "区税务局"]
    # "…市直各" then "有关部门按职责分工负责": one line wrapped, joined again
    wrapped = wrap(
        ["4.开展普法宣传活动，营造全社会尊法学法守法用法的良好氛围，市直各有关部门按职责分工负责"]
        * 12,
        30,
    )
    assert restore(wrapped).text.split("\n")[0].endswith("市直各有关部门按职责分工负责")


def test_a_bracketed_label_line_under_a_list_stays_a_line_of_its_own():
    # item (4) reaches the margin; "（责任单位：…）" below it covers (1)-(4) (d09 of
    # tests/parsing/documents in a ragged PDF copy is the other such copy)
    items = [
        "一、压实安全责任",
        *[
            f"（{n}）开展安全生产专项整治，建立问题清单和整改台账，限期整改到位并销号管理。"
            for n in (1, 2, 3)
        ],
        "（4）开展安全生产宣传教育，提高企业员工安全意识和应急能力。",
        "（责任单位：县应急管理局、县住建局，各乡镇人民政府）",
        *[
            f"（{n}）落实企业主体责任，推动企业全员安全生产责任制全面落实。（责任单位：县应急管理局）"
            for n in (5, 6, 7)
        ],
    ]
    plan = parse_text(wrap(items, 30))
    assert [m.responsible for m in plan.tasks[:4]] == [["县应急管理局", "县住建局"]] * 4


def test_a_page_number_run_into_a_list_of_units_is_dropped_in_a_copy_with_no_line_breaks():
    # The second document of the rule in layout._RUN_IN_PAGE_NUMBER_IN_LIST (with d05 run in):
    # a PDF page break falls inside an attribution, after the comma or 、 between two units.
    broken = "区司法局；责任单位：区财政局、- 12 -区各执法部门）"
    text = "".join(PARAGRAPHS).replace("区公安分局；", "区公安分局；— 3 —")
    text = text.replace("区司法局；责任单位：区各执法部门）", broken, 1)
    plan = parse_text(text)
    attributions = [m.attribution_raw or "" for m in plan.tasks]
    assert plan.tasks and not any("—" in a or "- 12 -" in a for a in attributions)
    assert any("区财政局" in a and "区各执法部门" in a for a in attributions)
    assert restore("区财政局，— 3 —区公安分局").text == "区财政局，区公安分局"


def test_a_line_opening_with_an_ordinal_after_a_full_line_is_the_paragraphs_rest():
    # 一是…；二是… enumerate within a paragraph: a wrap that puts 二是 at a line's start
    # leaves it part of the paragraph (d17 hard-wrapped at 30 is the other such copy).
    measure = (
        "1.稳定重点群体就业。一是开展职业技能培训3000人次；二是开发公益性岗位200个；"
        "三是为100名就业困难人员提供就业援助。（牵头单位：县人社局；责任单位：县财政局）"
    )
    paragraphs = ["一、重点任务", measure, *PARAGRAPHS[1:] * 3]
    text = wrap(paragraphs, 28)
    assert any(line.startswith("二是") for line in text.split("\n"))
    assert restore(text).text.split("\n")[1] == measure
    plan = parse_text(text)
    first = plan.tasks[0].text
    assert first.startswith("稳定重点群体就业。一是") and "\n" not in first
    assert plan.tasks[0].lead == ["县人社局"]


def test_a_number_broken_by_the_wrap_is_joined_again(shared_dir):
    # "…（六）完善保障机制1" / "1.将营商环境…" (d10 of tests/parsing/documents hard-wrapped
    # at 30) and "…开展好每年“1" / "2.4”国家宪法日…" (seed 000 hard-wrapped at 30): a
    # line at the margin ending with a digit runs on into the next one's digits.
    from pathlib import Path

    from tests.parsing import variants

    documents = Path(__file__).resolve().parent / "documents"
    d10 = parse_text(variants.hard_wrapped((documents / "d10_yingshang_runin.txt").read_text()))
    assert [m.no for m in d10.tasks] == list(range(1, 12))
    assert d10.sections[-1].title == "完善保障机制"
    seed = (shared_dir / "seeds" / "000_d647a90b60f1f79c.txt").read_text(encoding="utf-8")
    recurring = [q for m in parse_text(variants.hard_wrapped(seed)).tasks for q in m.recurring]
    assert "开展好每年“12.4”国家宪法日和宪法宣传周活动" in recurring


def test_a_signature_under_a_last_sentence_at_the_margin_stands_on_its_own():
    # The last paragraph ends its sentence exactly at the margin (30 characters, "…。"); the
    # signature's names and its date below are no wrapped rest of it (d24 and d25 of
    # tests/parsing/documents hard-wrapped at 30 are the other such copies).
    last = "（三）强化督查考核。将任务落实情况纳入年度综合考核评价体系。"
    assert len(last) == 30
    paragraphs = [*PARAGRAPHS, "二、保障措施", last, "某县人民政府办公室", "2024年3月15日"]
    text = wrap(paragraphs, 30)
    lines = restore(text).text.split("\n")
    assert lines[-3:] == paragraphs[-3:]
    plan = parse_text(text)
    assert (plan.issuer, plan.date) == ("某县人民政府办公室", "2024-03-15")
    # a date line alone under such a sentence stands on its own too
    unsigned = restore(wrap([*paragraphs[:-2], "2024年3月15日"], 30)).text
    assert unsigned.split("\n")[-2:] == [last, "2024年3月15日"]
    # after a line that ends mid-sentence, the same names are the wrapped rest of it
    mid = "（四）本方案自印发之日起施行，执行中遇到的具体问题请及时报送"
    assert len(mid) == 30
    rest = restore(wrap([*PARAGRAPHS, mid + "某县人民政府办公室"], 30)).text
    assert rest.split("\n")[-1] == mid + "某县人民政府办公室"


def test_three_lines_broken_at_exactly_the_margin_among_short_lines_are_joined_again():
    # Short measures, each over label lines of its own: wrapped at 30, only three lines reach
    # the margin, too few for the share test, each broken mid-sentence and rejoined by the
    # exact-margin measure (d28 of tests/parsing/documents hard-wrapped at 30 is the other
    # such copy).
    long_measures = {
        2: "2.推进重点行业企业清洁生产审核，全市重点企业清洁生产审核完成率达到100%。",
        5: "5.开展饮用水水源地规范化建设，县级以上集中式饮用水水源地水质达标率保持100%。",
        7: "7.实施农业面源污染综合治理，全市化肥农药使用量较上年实现负增长并稳中有降。",
    }
    lines = ["某市2025年生态环境保护重点任务清单", "一、重点任务"]
    for n in range(1, 9):
        lines += [
            long_measures.get(n, f"{n}.开展第{n}项生态环境专项整治行动。"),
            "牵头单位：市生态环境局",
            "配合单位：市发展改革委、市工信局",
            "完成时限：2025年12月底前",
        ]
    text = wrap(lines, 30)
    assert sum(1 for line in text.split("\n") if len(line) == 30) == 3
    restored = restore(text).text.split("\n")
    assert all(measure in restored for measure in long_measures.values())
    plan = parse_text(text)
    assert [m.text for m in plan.tasks if m.no in long_measures] == [
        measure.split(".", 1)[1] for measure in long_measures.values()
    ]
    # printed as is, its three longest lines end their paragraphs: it is left alone
    assert restore("\n".join(lines)).text == "\n".join(lines)
