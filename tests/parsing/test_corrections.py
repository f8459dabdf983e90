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
