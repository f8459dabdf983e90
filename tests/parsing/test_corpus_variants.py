"""The real corpus under the copy variants (round 13, corpusvar13): the failure classes its
pages showed, each one test on two documents, then a floor per variant over all 55 pages."""

from __future__ import annotations

import re
from pathlib import Path

from taizhang.parsing import parse_text
from taizhang.parsing.reading import read_path
from tests.parsing import variants

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _outline(plan) -> tuple:
    measures = [(m.no, m.chapter, m.section, _squeezed(m.text)) for m in plan.tasks]
    return plan.title, plan.parents, measures


def _corpus_text(shared: Path, prefix: str) -> str:
    return read_path(next((shared / "corpus" / "raw").glob(f"{prefix}_*.txt"))).text


def test_a_sharing_sites_blurb_run_into_its_first_chunk(shared_dir):
    # "…请在某某文档网上搜索。1、某县…方案为…": the title starts after the blurb and the
    # site's first chunk number is no measure (fixture styles/wenku_blurb.txt; corpus 003
    # and 029, pages of two sites, printed run-in)
    texts = [(STYLES / "wenku_blurb.txt").read_text(encoding="utf-8")]
    texts += [_corpus_text(shared_dir, prefix) for prefix in ("003", "029")]
    for text in texts:
        printed = parse_text(text)
        assert printed.title
        assert _outline(parse_text(variants.run_in(text))) == _outline(printed)


def test_a_short_page_broken_at_its_margin_is_rejoined(shared_dir):
    # a one-paragraph page printed run-in, broken into fewer lines than the share test
    # reads: its lines at the margin, mid-sentence, still tell the wrap (corpus 045 and
    # fixture styles/duanye_pdf.txt as ragged PDF layers; the fixture hard-wrapped at 30)
    fixture = (STYLES / "duanye_pdf.txt").read_text(encoding="utf-8")
    copies = [(fixture, variants.ragged_pdf), (fixture, variants.hard_wrapped)]
    copies.append((_corpus_text(shared_dir, "045"), variants.ragged_pdf))
    for text, make in copies:
        printed = parse_text(text)
        assert printed.parents
        plan = parse_text(make(text))
        assert _outline(plan) == _outline(printed)
        assert [c.title for c in plan.chapters] == [c.title for c in printed.chapters]


def test_a_release_note_run_into_the_title_after_it(shared_dir):
    # "…2024年2月20日（此件公开发布）某县…工作要点为…": the covering notice's note under its
    # date is no part of the title printed run in after it (fixture styles/cijian_note.txt;
    # corpus 011, 018 and 064)
    texts = [(STYLES / "cijian_note.txt").read_text(encoding="utf-8")]
    texts += [_corpus_text(shared_dir, prefix) for prefix in ("011", "018", "064")]
    for text in texts:
        printed = parse_text(text)
        assert printed.title
        assert parse_text(variants.run_in(text)).title == printed.title


def test_a_task_force_last_in_a_label_field_before_the_next_item_run_in(shared_dir):
    # "责任单位:…,全区经济运行各专班2.规模上…": a 专班 is a unit, so the number after it
    # opens the next item in a copy printed run-in (fixture styles/zhuanban_labels.txt;
    # corpus 011)
    texts = [(STYLES / "zhuanban_labels.txt").read_text(encoding="utf-8")]
    texts.append(_corpus_text(shared_dir, "011"))
    for text in texts:
        printed, copy = parse_text(text), parse_text(variants.run_in(text))
        units = [
            [(m.no, m.lead, m.responsible, m.collectives) for m in p.tasks] for p in (copy, printed)
        ]
        assert units[0] == units[1]


def test_a_title_ends_at_its_bracket_run_in(shared_dir):
    # "…规划(2023—2027年)全民健身是…": a title run into a preamble that opens with no opener
    # word ends at the bracket after its kind (fixture styles/kuohao_runin.txt; corpus 002
    # and 040), unless another kind soon follows (corpus 003 and 052: "…纲要(2020-2025年)
    # 工作措施")
    texts = [(STYLES / "kuohao_runin.txt").read_text(encoding="utf-8")]
    texts += [_corpus_text(shared_dir, prefix) for prefix in ("002", "040", "003", "052")]
    for text in texts:
        printed = parse_text(text)
        assert printed.title
        copy = parse_text(variants.run_in(text))
        assert (copy.title, copy.period) == (printed.title, printed.period)
