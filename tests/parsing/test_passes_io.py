"""Reading, layout, folding, keys and checks written for speed read what their plain forms
read (as tests/parsing/test_passes.py does for the skeleton's passes).

Each fast form (a gate that proves a pattern cannot match, texts searched or normalised as
one, lines dropped in C) is compared with the plain form it replaced on generated text made
of the characters that matter to it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from taizhang.parsing import layout as _layout
from taizhang.parsing import tables as _tables
from taizhang.parsing.corrections import _PINYIN, assign_keys
from taizhang.parsing.diagnostics import _QUANTITIES, _is_recurring, _unread_targets
from taizhang.parsing.model import Measure, PlanDocument, Target
from taizhang.parsing.normalize import _table, fold
from taizhang.parsing.pipeline import _point_at_source
from taizhang.parsing.readers.decoding import _GARBLE, garble_ratio
from taizhang.parsing.readers.html import looks_like_html
from taizhang.parsing.reading import _unify_newlines, read_bytes
from taizhang.parsing.vocabulary import vocabulary

# The plain form of diagnostics._QUANTITIES: one pattern over every opening word.
_QUANTITY = re.compile(
    r"(?:达到?|提高到|不少于|不低于|至少)\s*\d+(?:\.\d+)?\s*(?:%|个|人|名|家|所|项)"
)


def _measure(no: int, text: str, **fields) -> Measure:
    return Measure(
        no=no, chapter=None, section=None, title=None, text=text, attribution_raw=None, **fields
    )


def _pieces(*pieces: str, max_size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# -- fold -------------------------------------------------------------------------------


def _plain_fold(text: str) -> str:
    table = _table()
    return "".join(table.get(ord(char), char) for char in text)


_ASTRAL_FOLDING = next(chr(code) for code in sorted(_table()) if code > 0xFFFF)


@settings(max_examples=200, deadline=None)
@given(
    _pieces(
        "县",
        "總",
        "體",
        "（",
        "）",
        "，",
        "Ａ",
        "１",
        "\u3000",
        "\u00a0",
        "—",
        "―",
        "-",
        "a",
        "1",
        " ",
        "\n",
        "𠀀",
        _ASTRAL_FOLDING,
        "\ud800",
        "é",
    )
)
@example("a1 -")  # ASCII: nothing folds
@example("總" * 30)  # more characters to fold than replacing suits
def test_fold_maps_each_character_as_the_table_does(text):
    assert fold(text) == _plain_fold(text)


def test_no_ascii_character_folds():
    """fold() returns an ASCII text as it is without looking at it."""
    assert all(code >= 0x80 for code in _table())


# -- reading ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(_pieces("a", "县", "\r", "\n", "\r\n", "\ufeff", " "))
def test_newlines_are_unified_as_the_two_replacements_did(text):
    assert _unify_newlines(text) == (
        text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    )


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        _pieces("a", "县", "\x01", "\x85", "\ufffd", "ア", "ぁ", "Ж", "ͯ", "Ͱ", "\ue000"),
        st.text(max_size=30),  # any code point, surrogates and astral ones too
        st.text(st.characters(min_codepoint=0x2F00, max_codepoint=0x3200), max_size=30),
        st.text(st.characters(min_codepoint=0xD700, max_codepoint=0xFFFF), max_size=30),
    )
)
def test_garble_ratio_counts_as_findall_did(text):
    plain = len(_GARBLE.findall(text)) / len(text) if text else 0.0
    assert garble_ratio(text) == plain


@settings(max_examples=150, deadline=None)
@given(_pieces("<", ">", "<html>", "<DIV ", "<p>", "<br/", "<!DOCTYPE html", "县", "a", " "))
def test_html_is_recognised_as_without_the_gate(text):
    head = text[:8192].lower()
    plain = bool(re.search(r"<!doctype\s+html|<html[\s>]", head)) or (
        len(re.findall(r"<(?:body|head|div|p|table|meta|span|br)[\s/>]", head)) >= 3
    )
    assert looks_like_html(text) == plain


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=40).filter(lambda data: data))
@example(b" \n\t")
@example(b"\xe5\x8e\xbf \r\n")
def test_a_blank_file_is_refused_as_before(data):
    """isspace() answers what ``not data.strip()`` did (an empty text after decoding too)."""
    try:
        read_bytes(data, "x.txt")
        refused = None
    except Exception as error:  # the reason is what is compared
        refused = getattr(error, "reason", type(error).__name__)
    if not data.strip():
        assert refused == "empty"
    else:
        assert refused != "empty"


# -- layout -----------------------------------------------------------------------------

_END_DASH_PIECES = ("。", "；", "!", " ", "\u3000", "-", "—", "～", "2", "12", "县", "a", "\n")


@settings(max_examples=300, deadline=None)
@given(_pieces(*_END_DASH_PIECES))
@example("。— 2 —")
@example("。" + "-" * 70 + "— 2 —")  # more dashes than the gate looks at
@example("县" * 10_000 + "-" * 70 + "。— 2 —")  # a long text: more dashes looked at
def test_no_run_in_page_number_is_missed_by_its_gate(text):
    if not _layout._may_hold_run_in_page_number(text):
        assert _layout._RUN_IN_PAGE_NUMBER.search(text) is None


_PAGE_LINES = ("— 3 —", "第3页", "共9页", "1/9", "分享到:微信", "扫一扫在手机打开当前页面", "县")


def _plain_wrap(lines: list[str]):
    """_wrap as it was, with no gate on the lengths."""
    best = (None, None, 0)
    contents = [content for line in lines if (content := line.strip(_layout._INDENT))]
    if len(contents) < _layout._MIN_LINES:
        return _layout._short_copy(lines)
    for measure in (len, _layout.width):
        sizes = sorted(map(measure, contents))
        wrap = sizes[int(len(sizes) * 0.9)]
        if measure is len and wrap > 2 * _layout._MAX_WRAP:
            break
        if not 8 <= wrap <= _layout._MAX_WRAP:
            continue
        full = sum(1 for size in sizes if _layout._FULL * wrap <= size <= wrap + 2)
        past = sum(1 for size in sizes if size > wrap + 2)
        if (
            full >= _layout._WRAPPED_SHARE * len(sizes) and past <= _layout._PAST_SHARE * len(sizes)
        ) and full > best[2]:
            best = (measure, wrap, full)
    if best[0] is None:
        return _layout._wrapped_among_short_lines(contents)
    return best[0], best[1]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.builds(
            lambda indent, size, end: indent + "县" * size + end,
            st.sampled_from(["", " ", "\u3000\u3000"]),
            st.sampled_from([0, 1, 10, 28, 29, 30, 31, 59, 60, 61, 119, 120, 121, 122, 200]),
            st.sampled_from(["", "。", "a"]),
        ),
        max_size=40,
    )
)
@example(["县" * 30] * 20 + ["县" * 12 + "。"])  # hard-wrapped at 30
@example(["县" * 200] * 2 + ["县" * 30] * 20)  # long lines, but not a tenth of them
def test_a_wrap_is_found_as_without_the_gate_on_lengths(lines):
    measure, wrap = _layout._wrap(lines)
    plain_measure, plain_wrap = _plain_wrap(lines)
    assert wrap == plain_wrap
    if wrap is not None:
        probe = ["县" * size + "ab" for size in range(0, 70, 7)]
        assert [measure(line) for line in probe] == [plain_measure(line) for line in probe]


def _plain_source_line(layout, line: int | None) -> int | None:
    """The 1-based source line of a 1-based line of the restored text, one at a time."""
    if line is None or not layout.source_lines:
        return line
    return layout.source_lines[min(max(line, 1), len(layout.source_lines)) - 1]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from((*_PAGE_LINES, "县" * 30, "县" * 29 + "。")), max_size=40))
def test_lines_point_at_the_source_as_source_line_reads_them(lines):
    layout = _layout.restore("\n".join(lines))
    plan = PlanDocument(
        tasks=[_measure(1, "x", line=line) for line in (None, -1, 0, 1, 2, 5, 39, 40, 41, 100)]
    )
    expected = [_plain_source_line(layout, task.line) for task in plan.tasks]
    _point_at_source(plan, layout)
    assert [task.line for task in plan.tasks] == expected


# -- keys -------------------------------------------------------------------------------


def _plain_digest(text: str) -> str:
    folded = fold(text)
    normal = _PINYIN.sub("", folded) if "(" in folded else folded
    normal = unicodedata.normalize("NFKC", normal)
    return hashlib.sha1("".join(normal.split()).encode("utf-8")).hexdigest()[:16]


def test_keys_number_a_text_printed_twice():
    plan = PlanDocument(
        tasks=[_measure(n, text) for n, text in enumerate(["县 司法局", "县司法局", "市"], 1)]
    )
    assign_keys(plan)
    base = _plain_digest("县司法局")
    assert [m.key for m in plan.tasks] == [base, f"{base}-2", _plain_digest("市")]


# -- checks -----------------------------------------------------------------------------


def _plain_unread_targets(measures):
    digit = re.compile("[0-9\uff10-\uff19]")
    out = []
    for measure in measures:
        if not digit.search(measure.text):
            continue
        quotes = [fold(t.quote) for t in measure.targets]
        for hit in _QUANTITY.finditer(fold(measure.text)):
            number = re.search(r"\d+(?:\.\d+)?", hit.group()).group()
            if not any(number in quote for quote in quotes) and not _is_recurring(measure, hit):
                out.append((measure.no, hit.group()))
    return out


@settings(max_examples=300, deadline=None)
@given(_pieces("达到", "达", "提高到", "不少于", "不低于", "至少", "不", " ", "95", "٣", ".5", "%"))
@example("提高到达到95%不少于 3 人至少2个")
def test_quantities_are_found_word_by_word_as_one_pattern_found_them(text):
    by_word = sorted(hit.span() for pattern in _QUANTITIES for hit in pattern.finditer(text))
    assert by_word == [hit.span() for hit in _QUANTITY.finditer(text)]


_CHECK_PIECES = (
    "达到",
    "达",
    "不少于",
    "至少",
    " ",
    "\n",
    "95",
    "３",
    "٣",
    "%",
    "个",
    "人",
    "县",
    ".5",
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            _pieces(*_CHECK_PIECES, max_size=14),
            st.lists(st.sampled_from(["达到95%", "95", "3个"]), max_size=2),
            st.lists(st.sampled_from(["达到95%", "至少3个"]), max_size=1),
        ),
        min_size=1,
        max_size=6,
    )
)
@example([("达٣个", [], [])])  # a digit of another script, and no ASCII or full-width one
@example([("至少3", [], []), ("个", [], [])])  # no quantity runs from one text into the next
def test_unread_targets_are_found_as_measure_by_measure(specs):
    measures = [
        _measure(
            n,
            text,
            targets=[Target(quote=q, value=1, unit="") for q in quotes],
            recurring=recurring,
        )
        for n, (text, quotes, recurring) in enumerate(specs, 1)
    ]
    plain = [_message(no, quote) for no, quote in _plain_unread_targets(measures)]
    for folded in (None, [fold(m.text) for m in measures]):
        assert [d.message for d in _unread_targets(measures, folded)] == plain


def _message(no: int, quote: str) -> str:
    return f"Measure {no}: could not read a target from “{quote}”."


# -- tables -----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(_pieces("序号", "序 号", "编号", "序", "号", "县", "\n", " "))
def test_number_names_are_found_as_each_pass_found_them(folded):
    plain = [
        found.span()
        for word in vocabulary()["table_columns"]["number"]
        for pattern in [re.compile(" *".join(map(re.escape, word)))]
        for found in pattern.finditer(folded)
    ]
    assert [found.span() for found in _tables._number_names(folded)] == plain


def test_a_line_pattern_is_tried_only_where_its_opening_character_stands():
    """The lookahead lists what a match can open with, and nothing when that is unknown or
    a match may be empty (test_passes compares the matches with a multiline search)."""
    assert _layout._opening_test(r"(?:第\s*\d)|(?:[【\[]?(打印|关闭))") == r"(?=[第【\[打关])"
    assert _layout._opening_test(r"\d{1,4}") == r"(?=[\d])"
    assert _layout._opening_test(r"(?:x)?") == ""  # may be empty
    assert _layout._opening_test(r"[^x]y") == ""  # a negated set is not read
    assert _layout._opening_test(r".{0,3}") == ""
    for line in (_layout._page_number_line(), _layout._page_chrome_line()):
        assert "(?=[" in line.pattern  # both configured lists are read
