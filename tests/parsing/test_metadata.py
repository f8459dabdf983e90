"""Plan metadata: title, issuer, date, period and parents (taizhang.parsing.metadata)."""

from __future__ import annotations

import json
import re
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taizhang.parsing.metadata import extract_metadata
from taizhang.parsing.model import Metadata

SHARED = Path(__file__).parents[2] / ".." / "shared"
FIELDS = ("title", "issuer", "date", "period", "parents")
# Measured: 55/55 on every field of the corpus. The floor leaves a margin of three files.
CORPUS_FLOOR = 52 / 55


def _norm(value):
    """The scorer's normalisation (shared/tools/score_plan.py: norm)."""
    if value is None:
        return None
    value = unicodedata.normalize("NFKC", str(value))
    value = re.sub(r"[\u2010-\u2015\u2212\uff0d]", "-", value)
    return re.sub(r"\s+", "", value)


def _same(field: str, gold, got) -> bool:
    if field == "parents":
        return {_norm(p) for p in gold or []} == {_norm(p) for p in got or []}
    if field == "period":
        return list(gold or []) == list(got or [])
    return _norm(gold) == _norm(got)


def _pairs(raw: str, gold: str) -> list[tuple[Path, Path]]:
    raw_dir, gold_dir = SHARED / raw, SHARED / gold
    if not raw_dir.is_dir():
        return []
    return [(t, gold_dir / f"{t.stem}.json") for t in sorted(raw_dir.glob("*.txt"))]


def _require(pairs):
    if not pairs:
        pytest.skip("shared test data (../shared beside the repo) is absent")


# --- gold files -------------------------------------------------------------------------


@pytest.mark.parametrize("field", FIELDS)
def test_every_seed_field_is_exact(field):
    pairs = _pairs("seeds", "gold")
    _require(pairs)
    for text_path, gold_path in pairs:
        gold = json.loads(gold_path.read_text("utf-8"))
        got = extract_metadata(text_path.read_text("utf-8"))
        assert _same(field, gold.get(field), getattr(got, field)), text_path.name


@pytest.mark.parametrize("field", FIELDS)
def test_corpus_field_accuracy_stays_above_floor(field):
    pairs = _pairs("corpus/raw", "corpus/gold")
    _require(pairs)
    misses = []
    for text_path, gold_path in pairs:
        gold = json.loads(gold_path.read_text("utf-8"))
        got = extract_metadata(text_path.read_text("utf-8"))
        if not _same(field, gold.get(field), getattr(got, field)):
            misses.append(text_path.name[:3])
    accuracy = 1 - len(misses) / len(pairs)
    assert accuracy >= CORPUS_FLOOR, f"{field}: {accuracy:.3f}, misses {misses}"


# --- hand-made layouts ------------------------------------------------------------------

NOTICE = """中共某某市委关于印发《某某市法治社会建设实施方案（2022－2025年）》的通知
各县（区）党委：
现将《某某市法治社会建设实施方案（2022－2025年）》印发给你们，请结合实际认真贯彻落实。
中共某某市委
2022年5月6日
某某市法治社会建设实施方案
（2022－2025年）
为深入贯彻落实《法治社会建设实施纲要（2020－2025年）》，根据《中共某某省委关于印发〈某某省法治社会建设实施方案（2021－2025年）〉的通知》精神，结合我市实际，制定本实施方案。
一、总体要求
"""


def test_title_joined_from_a_heading_split_over_lines():
    assert _norm(extract_metadata(NOTICE).title) == _norm(
        "某某市法治社会建设实施方案（2022－2025年）"
    )


def test_issuer_and_date_come_from_the_signature():
    meta = extract_metadata(NOTICE)
    assert (meta.issuer, meta.date) == ("中共某某市委", "2022-05-06")


def test_period_from_a_span_in_full_width_brackets():
    assert extract_metadata(NOTICE).period == [2022, 2025]


def test_parent_named_through_a_notice_keeps_the_inner_title():
    parents = extract_metadata(NOTICE).parents
    assert parents == [
        "法治社会建设实施纲要（2020－2025年）",
        "某某省法治社会建设实施方案（2021－2025年）",
    ]


def test_traditional_title_is_kept_as_printed():
    text = (
        "某某縣法治政府建設實施方案（2021—2025年）\n"
        "為貫徹落實《法治政府建設實施綱要（2021—2025年）》，結合實際，制定本方案。\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "某某縣法治政府建設實施方案（2021—2025年）"
    assert meta.parents == ["法治政府建設實施綱要（2021—2025年）"]


def test_pinyin_inserts_stay_in_the_title():
    text = "某區(qū)2023年法治政府建設(shè)工作要點(diǎn)\n一、總體要求\n"
    meta = extract_metadata(text)
    assert meta.title == "某區(qū)2023年法治政府建設(shè)工作要點(diǎn)"
    assert meta.period == [2023, 2023]


def test_chinese_numeral_signature_date():
    text = "附件：某某区普法规划（2021—2025年）\n某某区司法局\n二〇二一年十一月二日\n"
    assert extract_metadata(text).date == "2021-11-02"


def test_annual_plan_title_gives_one_year_period():
    text = "某某县2024年政务公开工作要点\n为做好2024年政务公开工作，制定本要点。\n"
    assert extract_metadata(text).period == [2024, 2024]


def test_joint_issuers_on_two_lines_are_joined_with_a_space():
    text = (
        "现将《某某县安全生产三年行动计划》印发给你们，请认真贯彻执行。\n"
        "某某县安全生产委员会\n某某县应急管理局\n2023年3月1日\n"
        "某某县安全生产三年行动计划\n为落实安全生产责任，制定本计划。\n"
    )
    assert extract_metadata(text).issuer == "某某县安全生产委员会 某某县应急管理局"


def test_law_and_regulation_are_not_parents():
    text = (
        "某某市优化营商环境实施方案\n"
        "为贯彻落实《中华人民共和国中小企业促进法》《某某省优化营商环境条例》"
        "和《某某省优化营商环境行动方案》，结合实际，制定本方案。\n"
    )
    assert extract_metadata(text).parents == ["某某省优化营商环境行动方案"]


def test_past_work_reference_is_not_a_parent():
    text = (
        "某某市法治文化建设行动方案\n"
        "近年来，按照《某某市关于推进法治文化建设的实施意见》，各部门扎实推进法治文化建设。\n"
        "为加快推进法治文化建设，结合实际，制定本方案。\n"
    )
    assert extract_metadata(text).parents == []


def test_repost_time_of_a_user_upload_is_not_a_date():
    text = (
        "某某市法治社会建设实施方案\n时间：2022-04-12 19:05:03 来源：网友投稿\n"
        "为推进法治社会建设，制定本方案。\n"
    )
    assert extract_metadata(text).date is None


def test_page_source_field_is_not_the_issuer():
    text = (
        "某某县乡村法治建设实施方案\n时间：2023-05-09 15:52 来源：某某县人民政府\n"
        "为推进乡村法治建设，制定如下方案。\n"
    )
    meta = extract_metadata(text)
    assert (meta.issuer, meta.date) == (None, "2023-05-09")


def test_a_bare_page_time_beside_a_source_field_dates_a_plan_with_nothing_better():
    text = (
        "某某县普法依法治理工作要点\n2023-05-09 15:52:10  来源：某某县司法局  点击：\n"
        "为做好普法依法治理工作，制定本要点。\n"
    )
    assert extract_metadata(text).date == "2023-05-09"


def test_site_label_is_dropped_from_the_title():
    text = (
        "工作方案：某某市社会主义法治文化建设行动方案（最新）\n"
        "为加快推进法治文化建设，制定本方案。\n"
    )
    assert extract_metadata(text).title == "某某市社会主义法治文化建设行动方案"


def test_news_lead_names_the_issuer():
    text = "近日，市委、市政府印发了《某某市法治政府建设实施方案（2021-2025年）》。\n"
    meta = extract_metadata(text)
    assert (meta.issuer, meta.title) == (
        "市委、市政府",
        "某某市法治政府建设实施方案（2021-2025年）",
    )


def test_a_date_that_lost_its_year_month_day_marks_is_read_under_a_signature_only():
    signed = (
        "现将《某某县河长制工作要点》印发给你们，请认真贯彻执行。\n"
        "某某县河长制办公室\n20230315\n某某县河长制工作要点\n为落实河长制，制定本要点。\n"
    )
    unsigned = "某某县河长制工作要点\n20230315\n为落实河长制，制定本要点。\n"
    assert (extract_metadata(signed).date, extract_metadata(unsigned).date) == (
        "2023-03-15",
        None,
    )


@pytest.mark.parametrize(
    ("posted", "date"),
    [("2023-12-28", "2023-12-28"), ("2024-01-08", "2024-01-08"), ("2024-06-03", None)],
)
def test_a_page_time_dates_the_plan_only_in_the_year_of_its_number_or_early_the_next(posted, date):
    text = (
        f"某某县2024年就业工作要点\n发布时间：{posted} 09:30 来源：某某县人民政府办公室\n"
        "文号：某政办发〔2023〕41号\n为做好2024年就业工作，制定本要点。\n"
    )
    assert extract_metadata(text).date == date


def test_a_title_whose_closing_mark_was_lost_ends_at_the_joiner_before_the_next():
    text = (
        "某某市法治政府建设实施方案（2021－2025年）\n"
        "为贯彻落实《法治政府建设实施纲要（2021－2025年）和《某某省法治政府建设实施方案"
        "（2021－2025年）》，结合我市实际，制定本方案。\n"
    )
    assert extract_metadata(text).parents == [
        "法治政府建设实施纲要（2021－2025年）",
        "某某省法治政府建设实施方案（2021－2025年）",
    ]


def test_titles_cited_in_the_measures_are_not_parents_but_those_of_the_front_matter_are():
    text = (
        "某县2024年乡村振兴工作要点\n"
        "为贯彻落实《中共中央国务院关于全面推进乡村振兴加快农业农村现代化的意见》，"
        "制定本要点。\n"
        "一、总体要求\n深入贯彻《某省乡村振兴战略规划（2018－2022年）》，坚持农业农村优先发展。\n"
        "二、重点任务\n"
        "1.落实《某县特色产业发展规划》，培育主导产业。（牵头单位：县农业农村局）\n"
        "2.按照《关于进一步加强高标准农田建设的实施意见》，新建高标准农田。"
        "（牵头单位：县农业农村局）\n"
    )
    run_in = text.replace("二、重点任务\n", "")  # measures straight after the front matter
    for plan in (text, run_in):
        assert extract_metadata(plan).parents == [
            "中共中央国务院关于全面推进乡村振兴加快农业农村现代化的意见",
            "某省乡村振兴战略规划（2018－2022年）",
        ]


def test_a_purpose_article_names_parents():
    text = (
        "某县村务监督办法\n"
        "第一条 为贯彻落实《某省村务监督委员会工作规则》，结合本县实际，制定本办法。\n"
        "第二条 村务监督委员会依照《某县村级小微权力清单》开展监督。\n"
    )
    assert extract_metadata(text).parents == ["某省村务监督委员会工作规则"]


def test_drafts_bare_kinds_and_the_plan_itself_are_not_parents():
    text = (
        "关于征求《某县法治社会建设实施方案（征求意见稿）》意见的函\n"
        "某县法治社会建设实施方案（2021－2025年）\n"
        "为贯彻落实《某省法治社会建设实施方案（2021－2025年）》、《若干意见》和《实施方案》，"
        "按照《某市法治社会建设实施方案（征求意见稿）》要求，结合实际，制定本方案。\n"
        "一、总体要求\n"
    )
    assert extract_metadata(text).parents == ["某省法治社会建设实施方案（2021－2025年）"]


NOTICE_OF_A_FLOOD_PLAN = (
    "现将《某县防汛工作方案》印发给你们，请认真贯彻执行。\n{signature}\n某县防汛工作方案\n"
)


@pytest.mark.parametrize(
    "signature",
    [
        "某县人民政府（印）\n2023年5月6日",  # a seal mark after the name
        "某县人民政府\n— 2 —\n2023年5月6日",  # a PDF page number between name and date
        "某县人民政府　　　　2023年5月6日",  # the name and the date on one line
        "某县人民政府\n2023年5月6日\n（此件公开发布）",
    ],
    ids=["seal", "page-number", "one-line", "remark-below"],
)
def test_noisy_signatures_still_give_issuer_and_date(signature):
    meta = extract_metadata(NOTICE_OF_A_FLOOD_PLAN.format(signature=signature))
    assert (meta.issuer, meta.date) == ("某县人民政府", "2023-05-06")


@pytest.mark.parametrize(
    ("signature", "issuer"),
    [
        (
            "中共某县委办公室（代章）\n某县人民政府办公室（代章）\n2023年5月6日",
            "中共某县委办公室 某县人民政府办公室",
        ),
        ("某县应急管理局\n第 3 页\n2023年5月6日", "某县应急管理局"),
        ("中共某县委　某县人民政府　　2023年5月6日", "中共某县委 某县人民政府"),
    ],
    ids=["seals-of-two", "page-of", "two-on-one-line"],
)
def test_a_second_notice_for_each_noisy_signature(signature, issuer):
    meta = extract_metadata(NOTICE_OF_A_FLOOD_PLAN.format(signature=signature))
    assert (meta.issuer, meta.date) == (issuer, "2023-05-06")


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("中共中央 国务院关于加强新时代法治乡村建设的意见", "中共中央 国务院"),
        ("某县人民政府办公室2024年政务公开工作要点", "某县人民政府办公室"),
        ("某县法治政府建设实施方案（2021－2025年）", None),  # a place's concept, no body
    ],
)
def test_an_issuer_printed_only_at_the_start_of_the_title(title, issuer):
    text = f"{title}\n为做好相关工作，制定本方案。\n一、总体要求\n"
    assert extract_metadata(text).issuer == issuer


def test_a_news_report_about_a_plan_is_not_dated_by_its_page_and_its_headline_is_no_title():
    text = (
        "某市出台法治政府建设实施方案\n发布时间：2022-06-27 10:12 来源：某市日报\n"
        "近日，市委、市政府印发了《某市法治政府建设实施方案（2021－2025年）》。\n"
        "《某市法治政府建设实施方案（2021－2025年）》主要内容如下。\n"
        "为全面建设法治政府，制定本方案。\n一、总体要求\n"
    )
    meta = extract_metadata(text)
    assert (meta.title, meta.issuer, meta.date) == (
        "某市法治政府建设实施方案（2021－2025年）",
        "市委、市政府",
        None,
    )


def test_a_page_time_beside_a_reporter_byline_dates_the_report():
    text = (
        "某县乡村振兴工作要点\n2023-03-01 09:00:00 来源：某县融媒体中心 记者 张三\n"
        "为推进乡村振兴，制定本要点。\n"
    )
    assert extract_metadata(text).date is None


# --- robustness -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "《", "关于印发《》的通知", "〔2020〕号\n二〇二一年"]
)
def test_degenerate_text_gives_empty_metadata(text):
    assert isinstance(extract_metadata(text), Metadata)


_ALPHABET = list(
    "《》〈〉()（）年月日一二〇0123456789-—、，。：\n 关于印发通知方案规划纲要"
    "市委政府办公室局根据贯彻落实(shè)"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=400))
def test_never_raises_on_arbitrary_text(text):
    assert isinstance(extract_metadata(text), Metadata)


def test_long_run_on_text_is_fast():
    text = ("根据贯彻落实按照《某某方案" + "结合为" * 50) * 400
    started = time.perf_counter()
    extract_metadata(text)
    assert time.perf_counter() - started < 5


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_unicode(text):
    assert isinstance(extract_metadata(text), Metadata)
