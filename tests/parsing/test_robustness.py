"""Arbitrary input never crashes or hangs the reader or the parser.

The hypothesis deadline is a hang guard, not a timing test.
"""

from __future__ import annotations

import contextlib
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from taizhang.parsing import parse_text
from taizhang.parsing.errors import InputError
from taizhang.parsing.model import PlanDocument
from taizhang.parsing.reading import read_bytes

HANG_GUARD = settings(
    deadline=timedelta(seconds=3),
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow],
)

# Pieces of the genre, so that generated text looks enough like a plan to reach every rule.
GENRE_TOKENS = [
    "一、", "二、", "十二、", "(一)", "（二）", "(十三)", "1.", "2、", "（3）", "(4)", "第五条",
    "[", "]", "〔", "〕", "（", "）", "(", ")", "【", "】", "《", "》", "〈", "〉",
    "牵头单位", "责任单位", "配合单位", "牽頭單位", ":", "：", ";", "；", "、", ",", "，", "。",
    "市委宣传部", "县司法局", "区教育局", "州委依法治州办", "团市委", "中级法院", "检察院",
    "各有关部门", "各县(市)", "人民团体", "负责", "按职责分工分别负责", "等",
    "每年", "每年度", "定期", "到2025年", "2023年底前", "达到95%以上", "不少于2次", "100%",
    "个", "关于印发", "的通知", "实施方案", "(2022—2025年)", "\n", "\n\n", " ", "\u3000",
    "0", "9", "12.5", "一", "十",
]  # fmt: skip


@HANG_GUARD
@given(st.text())
def test_parse_text_never_raises_on_arbitrary_text(text):
    assert isinstance(parse_text(text), PlanDocument)


@HANG_GUARD
@given(st.lists(st.sampled_from(GENRE_TOKENS) | st.text(max_size=3), max_size=200))
def test_parse_text_never_raises_on_plan_like_text(tokens):
    assert isinstance(parse_text("".join(tokens)), PlanDocument)


@HANG_GUARD
@given(st.lists(st.sampled_from(GENRE_TOKENS), min_size=1, max_size=30), st.integers(1, 200))
def test_parse_text_never_raises_on_long_repetitive_text(tokens, times):
    assert isinstance(parse_text("".join(tokens) * times), PlanDocument)


@HANG_GUARD
@given(st.binary(max_size=4096), st.sampled_from(["", "a.txt", "a.html", "a.docx", "a.pdf"]))
def test_read_bytes_raises_nothing_but_input_error(data, filename):
    try:
        read_bytes(data, filename)
    except InputError as error:
        assert "\n" not in str(error)


@HANG_GUARD
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "gb18030", "utf-16", "big5"]))
def test_read_bytes_of_encoded_text_raises_nothing_but_input_error(text, encoding):
    data = text.encode(encoding, errors="ignore")
    with contextlib.suppress(InputError):
        read_bytes(data, "plan.txt")


@HANG_GUARD
@given(st.binary(max_size=2048) | st.text(max_size=400).map(str.encode))
def test_a_word_package_with_any_document_part_raises_nothing_but_input_error(document):
    from tests.parsing.hostile import _package

    with contextlib.suppress(InputError):
        read_bytes(_package(document), "plan.docx")


@HANG_GUARD
@given(st.integers(1, 40), st.sampled_from(["<w:r>", "<w:p>", "<w:tbl><w:tr><w:tc>"]))
def test_nested_word_xml_raises_nothing_but_input_error(depth, opening):
    from tests.parsing.hostile import _package, document_xml

    closing = "".join(f"</{tag}" for tag in reversed(opening.split("<")[1:]))
    with contextlib.suppress(InputError):
        read_bytes(_package(document_xml(opening * depth + closing * depth)), "plan.docx")
