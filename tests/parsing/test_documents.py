"""Whole plans written for these tests (tests/parsing/documents), each mixing several
classes of the genre in one realistic document, on topics other than 法治社会 (营商环境, 就业,
乡村振兴, 大气/水污染防治, 制造业降成本, 法治政府, 法治乡村), in other layouts.

Each ``dNN_*.txt`` is the document as a copy prints it; ``dNN_*.json`` is its gold, in the
schema of shared/gold/README.md and by its rules, checked by hand. Each is scored with the
acceptance scorer (bar 0.95), and the fields each document is about are checked one by one.

| document | classes it mixes |
| --- | --- |
| d01 营商环境 | covering notice (通知如下 1.–3., 附件:1. 2.), signature and date before the plan, a title ending in 任务分工, a "排在首位的为牵头单位" note over brackets of bare unit lists, non-unit fields (6月底前完成, 长期坚持), 实现90%以上…网上办理 |
| d02 就业 | 第N章/第N节/第N条, 〔X牵头，Y参与，Z负责落实〕, 总则 and 保障措施 articles that are no measures, a title ending in 责任清单, 确保2024年…, 控制在…以下, 完成3个…，4个以上… |
| d03 乡村振兴 | hard-wrapped at 30 characters, decimal outline 2.1.1, 【牵头单位】…【责任单位】…, a page number inside a measure, issuer only in the notice title, plan-level targets under 主要目标, 推广…5万亩 |
| d04 大气污染防治 | 任务分工表 flattened one cell per line (序号/重点任务/牵头单位/责任单位/完成时限) |
| d05 水污染防治 | ragged PDF text layer with page numbers, (X牵头,Y配合), "X按职责分工负责" on its own line, (一) items as measures, 保障措施 items, a noisy signature |
| d06 制造业降成本 | traditional characters, 總體目標 targets (降低至…以下), label lines below each measure, a title ending in 责任分解 |
| d07 法治政府 | a news page (breadcrumb, 发布时间 with seconds, 浏览次数, 分享到), "X、Y按职责分工负责" lines, parents in the preamble |
| d08 就业 | an excerpt that starts mid-plan (measures before 三、), 牵头责任单位, ASCII punctuation |
| d09 法治乡村 | a notice header on two lines, one (责任单位:…) line after items (1)–(4), 指标类型:约束性 and a deadline inside the bracket, 一是/二是 inside a measure |
| d10 营商环境 | every line break removed (a document-sharing site), [牵头单位:…;责任单位:…], a date line under the title |
| d11 节能降碳 | no chapter numerals at all, a "列第一位者为牵头单位，下同" note inside the preamble over bare unit lists, energy counters (万千瓦时, 吨标准煤/万元), 降低至…以下 |
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from taizhang.parsing import parse_path
from tests.parsing.scoring import score_plan

BAR = 0.95
DOCUMENTS = Path(__file__).resolve().parent / "documents"
NAMES = sorted(p.stem for p in DOCUMENTS.glob("d*.txt"))


def parse(name: str):
    return parse_path(DOCUMENTS / f"{name}.txt")


def gold(name: str) -> dict:
    return json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))


def units(plan) -> list[tuple[int, list[str], list[str], list[str]]]:
    return [(m.no, m.lead, m.responsible, m.collectives) for m in plan.tasks]


def gold_units(name: str) -> list[tuple[int, list[str], list[str], list[str]]]:
    return [(t["no"], t["lead"], t["responsible"], t["collectives"]) for t in gold(name)["tasks"]]


def targets(measure) -> list[tuple]:
    return [(t.year, t.value, t.unit, t.comparator) for t in measure.targets]


def test_every_document_has_its_gold():
    assert len(NAMES) >= 10
    assert all((DOCUMENTS / f"{name}.json").is_file() for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_document_scores_at_least_the_bar(shared_dir, tmp_path, name):
    figures = score_plan(shared_dir, DOCUMENTS / f"{name}.json", parse(name), tmp_path)
    assert figures["overall"] >= BAR, figures["report"]


@pytest.mark.parametrize("name", NAMES)
def test_each_document_has_its_measures_and_units(name):
    """Measure count and lead / responsible / collective units, measure by measure."""
    assert units(parse(name)) == gold_units(name)


@pytest.mark.parametrize("name", NAMES)
def test_each_document_has_its_title_issuer_date_and_period(name):
    plan, expected = parse(name), gold(name)
    assert (plan.title, plan.issuer, plan.date, plan.period) == (
        expected["title"],
        expected["issuer"],
        expected["date"],
        expected["period"],
    )
