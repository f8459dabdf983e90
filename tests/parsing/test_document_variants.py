"""The test documents as other copies print them (round 13: tests/parsing/variants.py over
every document, where test_variants.py takes the two seeds): each failure class one test
on two documents, then every document under every variant that scores the bar on all."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from taizhang.parsing import parse_path
from taizhang.parsing import parse_text as parse_path_text
from tests.parsing import variants

DOCUMENTS = Path(__file__).resolve().parent / "documents"
STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"
NAMES = sorted(p.stem for p in DOCUMENTS.glob("d*.txt"))


def units(plan) -> list[tuple[int, list[str], list[str], list[str]]]:
    return [(m.no, m.lead, m.responsible, m.collectives) for m in plan.tasks]


def traditional_units(path: Path):
    """The units of the plan as printed, in traditional characters, and those read from
    its traditional copy."""
    printed = parse_path(path)
    copy = parse_path_text(variants.traditional(path.read_text(encoding="utf-8")))
    expected = [
        (no, *(variants.convert_gold(names, variants.traditional) for names in rest))
        for no, *rest in units(printed)
    ]
    return expected, units(copy)


def test_traditional_labels_after_units_and_lead_then_support():
    # 爲 (为) before a label after its units, 會同 (会同) between a lead and its supports:
    # the literals are looked for in the folded bracket (d73, d76; fixtures
    # styles/minzheng_labelsafter.txt and styles/shangwu_huitong.txt)
    for path in (
        DOCUMENTS / "d73_jiuzhu_firstnote.txt",
        DOCUMENTS / "d76_waimao_duties.txt",
        STYLES / "minzheng_labelsafter.txt",
        STYLES / "shangwu_huitong.txt",
    ):
        expected, got = traditional_units(path)
        assert got == expected, path.name


def test_traditional_unit_lines_lead_as_printed():
    # a unit line over its items (黨政綜合辦公室：) leads them in the copy's characters
    # (d79, fixture styles/zhen_unitlines.txt)
    for path in (DOCUMENTS / "d79_zhen_qingdan.txt", STYLES / "zhen_unitlines.txt"):
        expected, got = traditional_units(path)
        assert got == expected, path.name


def test_traditional_zone_committee_prefixes_its_bureaus():
    # 經開區管委會行政審批局、規劃建設局 names 經開區管委會規劃建設局 (d85, fixture
    # styles/gaoxin_guanwei.txt)
    for path in (DOCUMENTS / "d85_jingkaiqu_twobrackets.txt", STYLES / "gaoxin_guanwei.txt"):
        expected, got = traditional_units(path)
        assert got == expected, path.name


def test_a_short_ragged_pdf_layer_is_rejoined():
    # a PDF layer whose lines are mostly short (headings, label lines under each measure)
    # has too few lines at its margin for the share test: its parents, broken inside their
    # 《》, and its goals, broken before their year, are read as printed (d107, d99)
    for name in ("d107_binzang_gaige", "d99_keji_zhuanhua_sheng"):
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        copy, printed = (
            parse_path_text(variants.ragged_pdf(text)),
            parse_path(DOCUMENTS / f"{name}.txt"),
        )
        assert printed.parents
        assert copy.parents == printed.parents, name
        assert [t.year for t in copy.targets] == [t.year for t in printed.targets], name


def test_a_one_cell_per_line_table_under_a_ragged_preamble():
    # "…现将重点任务分工如下：" at the margin and 序号 under it: the table opens there (d04,
    # fixture styles/huanbao_table_preamble.txt, ragged PDF layers)
    for path in (DOCUMENTS / "d04_daqi_table.txt", STYLES / "huanbao_table_preamble.txt"):
        copy = parse_path_text(variants.ragged_pdf(path.read_text(encoding="utf-8")))
        printed = parse_path(path)
        assert len(printed.tasks) >= 5
        assert units(copy) == units(printed), path.name
        assert [m.text for m in copy.tasks] == [m.text for m in printed.tasks], path.name


def test_a_traditional_news_page_loses_its_chrome():
    # 【相關鏈接】 and 【責任編輯：王某】 are the page's, not the last measure's, on their lines
    # and at the end of a copy printed run-in (d21, d07)
    for name in ("d21_weijian_news", "d07_fazhi_news"):
        text = variants.traditional((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8"))
        printed = parse_path(DOCUMENTS / f"{name}.txt")
        expected = [variants.traditional(m.text) for m in printed.tasks]
        for copy in (text, variants.run_in(text)):
            plan = parse_path_text(copy)
            assert [m.text for m in plan.tasks] == expected, name


# name -> (variant of the text, conversion of the gold's strings or None), as test_variants.py
# makes them for the seeds; run-in and hard-wrapped copies are test_documents.py's.
VARIANTS = {
    "ragged": (variants.ragged_pdf, None),
    "spaces": (variants.in_word_spaces, None),
    "fullwidth": (variants.fullwidth, variants.fullwidth),
    "traditional": (variants.traditional, variants.traditional),
    "bracket-labels": (variants.bracket_labels, None),
    "own-line-labels": (variants.own_line_labels, None),
}
# Copies no real printing makes, left out: d66 ragged (a tab-parted table with no number
# column, its rows broken mid-row, as test_documents.py leaves it out hard-wrapped; the
# variant strips the tab of each row's empty topic cell too, shifting its cells a column),
# d10 with label lines of its own (a copy printed run-in given line breaks before its labels
# only, so each next item runs on after the last label on its line). And d146 ragged: its
# bracket parts two names by a line break alone (县政务服务中心 / 县信访局), which a copy that
# joins lines loses, so they read as one name, as names printed together do (its run-in
# copy is not among test_documents.py's RUN_IN_COPIES for the same reason). (d174 ragged,
# its tab table broken mid-name in a last cell, "…\t市司" over "法局、…", is read since round
# 18: a place and one character is no body's name.) And d217 ragged and with spaces (round
# 17): a page printed in two columns, copied line by line, is read by its right column's
# start at one width on every line; a ragged PDF layer rewrapping the lines, or blanks put
# between the characters of one column only, move it. And d340 full-width (round 25): a CSV
# table's separators are ASCII commas by the format; printed full-width they are a sentence's.
CRUDE = {
    ("fullwidth", "d340_xianyu_shangye_csv"),
    ("ragged", "d217_yueli_liangjlan"),
    ("spaces", "d217_yueli_liangjlan"),
    ("ragged", "d66_shuzi_topiccol"),
    ("own-line-labels", "d10_yingshang_runin"),
    ("ragged", "d146_xingzheng_fuyi_gaige"),
}


def _cases() -> list[tuple[str, str]]:
    """(variant, document) for each variant that changes the document's text (the label
    variants change only a text with [牵头单位:…] or 〔牵头单位:…〕 brackets)."""
    cases = []
    for name in NAMES:
        text = (DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")
        for variant, (make, _convert) in VARIANTS.items():
            if (variant, name) in CRUDE or (variant.endswith("labels") and make(text) == text):
                continue
            cases.append((variant, name))
    return cases


def _squeezed(value):
    """White space removed, as the scorer compares strings (a stray space the layout left
    between a Chinese character and a digit, a measure's paragraphs joined by a PDF layer)."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, list | tuple):
        return [_squeezed(item) for item in value]
    return value


@pytest.mark.parametrize(("variant", "name"), _cases())
def test_each_document_in_each_copy_keeps_its_measures_units_and_title(variant, name):
    make, convert = VARIANTS[variant]
    plan = parse_path_text(make((DOCUMENTS / f"{name}.txt").read_text(encoding="utf-8")))
    gold = json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8"))
    if convert is not None:
        gold = variants.convert_gold(gold, convert)
    assert _squeezed(units(plan)) == _squeezed(
        [(t["no"], t["lead"], t["responsible"], t["collectives"]) for t in gold["tasks"]]
    )
    assert _squeezed([m.text for m in plan.tasks]) == _squeezed([t["text"] for t in gold["tasks"]])
    assert _squeezed([plan.title, plan.issuer, plan.date]) == _squeezed(
        [gold["title"], gold["issuer"], gold["date"]]
    )


@pytest.mark.parametrize(
    "path", [DOCUMENTS / "d138_xiuding_tongzhi.txt", STYLES / "tiaozheng_tongzhi.txt"]
)
def test_a_signature_under_a_contact_line_at_the_margin_of_a_ragged_layer(path):
    # "联系人：…　联系电话：0736-5512345" reaches the margin; the signer's name under it is no
    # rest of the telephone number
    text = path.read_text(encoding="utf-8")
    copy, printed = parse_path_text(variants.ragged_pdf(text)), parse_path(path)
    assert printed.issuer and (copy.issuer, copy.date) == (printed.issuer, printed.date)


@pytest.mark.parametrize(
    "path", [DOCUMENTS / "d137_qianshou_shixiang.txt", STYLES / "fengong_qianshou.txt"]
)
def test_a_chapter_heading_naming_its_lead_in_traditional_characters(path):
    # 一、縣發展改革局牽頭事項: the heading's 牵头事项 is read in the folded text
    text = path.read_text(encoding="utf-8")
    copy, printed = parse_path_text(variants.traditional(text)), parse_path(path)
    assert [m.lead for m in copy.tasks] == [
        [variants.traditional(u) for u in m.lead] for m in printed.tasks
    ]
    assert any(m.lead for m in printed.tasks)
