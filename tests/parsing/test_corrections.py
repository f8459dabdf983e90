"""The office's corrections to a parse: split, merge, set units and targets, mark lines."""

from __future__ import annotations

import json
from pathlib import Path

from taizhang.parsing import apply_corrections, measure_key, parse_text, reoffer
from taizhang.parsing.corrections import Correction
from taizhang.parsing.model import PlanDocument

TEXT = """一、主要任务
1.建立行政执法公示制度，按时公开执法信息。推行执法全过程记录，配备执法记录仪。（牵头单位：区司法局；责任单位：区公安分局）
2.落实重大执法决定法制审核制度。（牵头单位：区司法局）
3.开展执法案卷评查，评查合格率达到95%以上。（牵头单位：区司法局；责任单位：区各执法部门）
4.加强执法人员培训。
"""


def test_keys_are_stable_across_printings_and_name_each_measure():
    plan = parse_text(TEXT)
    keys = [m.key for m in plan.tasks]
    assert len(set(keys)) == 4
    copy = parse_text(TEXT.replace("，", ", ").replace("2.落实", "2. 落实"))
    assert [m.key for m in copy.tasks] == keys
    assert keys[0] == measure_key(plan.tasks[0].text)


def test_split_a_mis_merged_measure_and_fix_a_unit():
    plan = parse_text(TEXT)
    first = plan.tasks[0]
    offset = first.text.index("推行")
    outcome = apply_corrections(
        plan,
        [
            {"action": "split", "key": first.key, "offset": offset},
            {
                "action": "set",
                "key": measure_key(first.text[:offset].strip()),
                "field": "lead",
                "value": ["区司法局"],
            },
        ],
        TEXT,
    )
    assert outcome.stale == []
    tasks = outcome.plan.tasks
    assert [m.no for m in tasks] == [1, 2, 3, 4, 5]
    assert tasks[0].text == "建立行政执法公示制度，按时公开执法信息。"
    assert tasks[0].lead == ["区司法局"]
    assert tasks[1].text.startswith("推行") and tasks[1].responsible == ["区公安分局"]
    assert plan.tasks[0].text == first.text  # the parse itself is left as it was


def test_merge_set_targets_and_not_measure():
    plan = parse_text(TEXT)
    keys = [m.key for m in plan.tasks]
    outcome = apply_corrections(
        plan,
        [
            {"action": "merge", "key": keys[1]},
            {"action": "not_measure", "key": keys[3]},
            {
                "action": "set",
                "key": keys[2],
                "field": "targets",
                "value": [
                    {
                        "quote": "评查合格率达到95%以上",
                        "value": 95,
                        "unit": "%",
                        "comparator": ">=",
                        "year": 2025,
                    }
                ],
            },
            {"action": "set", "key": keys[2], "field": "deadline", "value": "2025年底前"},
        ],
    )
    tasks = outcome.plan.tasks
    assert [m.no for m in tasks] == [1, 2]
    assert "法制审核制度" in tasks[1].text and "案卷评查" in tasks[1].text
    assert tasks[1].lead == ["区司法局"] and tasks[1].collectives == ["区各执法部门"]
    assert [c.action for c in outcome.stale] == ["set", "set"]  # keys[2] was merged away


def test_mark_a_line_as_a_measure_and_refuse_bad_corrections():
    text = TEXT + "推进执法信息平台建设。（牵头单位：区数据局）\n"
    plan = parse_text(text)
    outcome = apply_corrections(
        plan,
        [
            {"action": "measure", "line": 6},
            {"action": "split", "key": "nope", "offset": 3},
            {"action": "set", "key": plan.tasks[0].key, "field": "lead", "value": "区司法局"},
            {"action": "explode", "key": plan.tasks[0].key},
        ],
        text,
    )
    assert outcome.plan.tasks[-1].lead == ["区数据局"]
    assert outcome.plan.tasks[-1].no == 5
    assert len(outcome.stale) == 3


def test_corrections_are_reoffered_where_the_revised_text_is_unchanged():
    plan = parse_text(TEXT)
    corrections = [
        Correction("set", plan.tasks[1].key, field="lead", value=["区政府办公室"]),
        Correction("set", plan.tasks[3].key, field="lead", value=["区司法局"]),
    ]
    stored = json.loads(json.dumps([c.to_dict() for c in corrections]))
    revised = parse_text(TEXT.replace("加强执法人员培训", "加强执法人员轮训"))
    again = reoffer(stored, revised)
    assert [c.key for c in again] == [plan.tasks[1].key]
    assert apply_corrections(revised, again).plan.tasks[1].lead == ["区政府办公室"]


def test_a_stored_document_reads_back_as_it_was_written():
    """An import keeps the parse as JSON; corrections apply to it read back."""
    seed = Path(__file__).resolve().parents[2] / "demo" / "yinchuan-fazhi-shehui-2022-2025.txt"
    for text in (TEXT, seed.read_text(encoding="utf-8")):
        stored = json.loads(json.dumps(parse_text(text).to_dict(), ensure_ascii=False))
        assert PlanDocument.from_dict(stored).to_dict() == stored
        annotated = {**stored, "diagnostics": [{**d, "measure": 0} for d in stored["diagnostics"]]}
        assert PlanDocument.from_dict(annotated).to_dict() == stored  # additions left out


# Numbered through the whole plan (1–5 across two chapters), as the run-in 营商环境 list of
# tests/parsing/documents d10 and the 法治宣传 .docx of tests/browser/test_import_browser.py
# print it; a line under chapter 二 printed without a number.
THROUGH = """一、审批服务
1.推行企业开办一窗通办。（牵头单位：区市场监管局）
2.实施证照分离改革。（牵头单位：区市场监管局）
二、市场监管
完善领导干部学法清单制度。
3.全面推行双随机一公开监管。（牵头单位：区市场监管局）
4.建立涉企行政执法观察期制度。（牵头单位：区司法局）
5.培育守信示范企业。（牵头单位：区发改局）
"""


def test_numbers_run_on_through_the_plan_after_each_kind_of_correction():
    plan = parse_text(THROUGH)
    assert [(m.chapter, m.no) for m in plan.tasks] == [
        ("一", 1),
        ("一", 2),
        ("二", 3),
        ("二", 4),
        ("二", 5),
    ]
    keys = [m.key for m in plan.tasks]

    def numbers(*corrections):
        outcome = apply_corrections(plan, list(corrections), THROUGH)
        assert outcome.stale == []
        return [(m.chapter, m.no) for m in outcome.plan.tasks]

    split = {"action": "split", "key": keys[0], "offset": plan.tasks[0].text.index("一窗")}
    assert [no for _, no in numbers(split)] == [1, 2, 3, 4, 5, 6]
    merge = {"action": "merge", "key": keys[1]}
    assert [no for _, no in numbers(merge)] == [1, 2, 3, 4]
    not_measure = {"action": "not_measure", "key": keys[2]}
    assert [no for _, no in numbers(not_measure)] == [1, 2, 3, 4]
    # the unnumbered line stands under 二 and before its 3: it becomes 3, the rest follow
    made = numbers({"action": "measure", "line": 5})
    assert made == [("一", 1), ("一", 2), ("二", 3), ("二", 4), ("二", 5), ("二", 6)]


def test_numbers_restarting_under_each_chapter_stay_as_printed():
    text = THROUGH
    for through, restarted in (("3.全面", "1.全面"), ("4.建立", "2.建立"), ("5.培育", "3.培育")):
        text = text.replace(through, restarted)
    plan = parse_text(text)
    assert [m.no for m in plan.tasks] == [1, 2, 1, 2, 3]
    split = {"action": "split", "key": plan.tasks[0].key, "offset": 4}
    tasks = apply_corrections(plan, [split], text).plan.tasks
    assert [m.no for m in tasks] == [1, 2, 3, 1, 2, 3]
    tasks = apply_corrections(plan, [{"action": "not_measure", "key": plan.tasks[2].key}]).plan
    assert [m.no for m in tasks.tasks] == [1, 2, 1, 2]


def test_a_run_in_line_is_cut_into_sentences_not_inside_brackets():
    from taizhang.parsing.corrections import sentence_at, sentences

    line = (
        "一、主要任务（一）加强宪法宣传1.开展宪法宣传周活动。每年开展2次活动，覆盖率2.5%以上。"
        "〔牵头单位：州司法局；责任单位：州教育局〕2.推进法治乡村建设（试点县(市)先行）；"
        "逐步推开。"
    )
    cut = [line[a:b] for a, b in sentences(line)]
    assert cut == [
        "一、主要任务",
        "（一）加强宪法宣传",
        "1.开展宪法宣传周活动。",
        "每年开展2次活动，覆盖率2.5%以上。〔牵头单位：州司法局；责任单位：州教育局〕",
        "2.推进法治乡村建设（试点县(市)先行）；",
        "逐步推开。",
    ]
    start = line.index("逐步")
    assert sentence_at(line, start) == "逐步推开。" and sentence_at(line, start + 1) is None
