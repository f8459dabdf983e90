"""The whole-text passes written for speed read exactly what their plain definitions read.

Each fast form (patterns the regex engine can skip through, one match reading a whole
marker, brackets and blank lines found apart) is compared with the plain one it replaced
on generated text made of the characters that matter to it.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import itertools
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from taizhang.parsing import attribution_text as _at
from taizhang.parsing import corrections as _corrections
from taizhang.parsing import layout as _layout
from taizhang.parsing import markers as mk
from taizhang.parsing import parse_text
from taizhang.parsing import structure as _structure
from taizhang.parsing import targets as _targets
from taizhang.parsing.attribution_text import (
    _MAX_ATTRIBUTION,
    _MAX_DEPTH,
    _PAIRS,
    _label_pattern,
    bracket_pairs,
)
from taizhang.parsing.layout import _CJK, drop_in_word_blanks
from taizhang.parsing.metadata import dates as _dates
from taizhang.parsing.metadata.dates import find_date
from taizhang.parsing.metadata.text import View, split_lines
from taizhang.parsing.model import Measure, PlanDocument
from taizhang.parsing.normalize import fold, printed_run_in
from taizhang.parsing.reading import read_path
from taizhang.parsing.units import BracketReader, load_gazetteer
from taizhang.parsing.units import items as _items
from taizhang.parsing.units import patterns as _patterns
from taizhang.parsing.units.patterns import WholeMatch, is_whole_match, wildcard_alternation
from taizhang.parsing.vocabulary import branches, first_chars, trie, vocabulary
from tests.parsing import variants
from tests.parsing.test_passes_skeleton import RUN_IN_ONE_PATTERN

_LABELS = vocabulary()["attribution_labels"]
_FIELDS = vocabulary()["attribution_fields"]
_COLON_LABELS = [*vocabulary()["colon_labels"], *_FIELDS]
_REPO = Path(__file__).parents[2]


@lru_cache(maxsize=1)
def _every_text() -> list[tuple[str, str]]:
    """(name, text) of every plan the tests hold: the corpus and the seeds beside the clone,
    the documents and the style fixtures; the fast passes are compared with their plain
    forms on each."""
    shared = _REPO.parent / "shared"
    paths = [
        *sorted((shared / "corpus" / "raw").glob("*.txt")),
        *sorted((shared / "seeds").glob("*.txt")),
        *sorted((_REPO / "tests" / "parsing" / "documents").glob("*.txt")),
        *sorted((_REPO / "tests" / "fixtures" / "styles").glob("*.txt")),
    ]
    assert paths
    return [(path.name, read_path(path).text) for path in paths]


def _pieces(*pieces: str) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=60).map("".join)


def _plain_bracket_pairs(folded: str) -> list[tuple[int, int]]:
    """One pattern for brackets and blank lines, one stack per bracket kind."""
    stacks = {opening: [] for opening in _PAIRS}
    closing = {closer: stacks[opening] for opening, closer in _PAIRS.items()}
    pairs = []
    for token in re.finditer(r"[\[\]〔〕【】()〖〗]|\n[ \t\u3000]*\n", folded):
        char = token.group()
        if char in stacks:
            stacks[char].append(token.start())
        elif char in closing:
            stack = closing[char]
            if stack:
                open_at = stack.pop()
                if len(stack) < _MAX_DEPTH and token.start() - open_at <= _MAX_ATTRIBUTION + 1:
                    pairs.append((open_at, token.start()))
        else:
            for stack in stacks.values():
                stack.clear()
    return sorted(pairs)


@settings(max_examples=150, deadline=None)
@given(_pieces("(", ")", "[", "]", "〔", "〕", "【", "】", "\n", "\n\n", "\n \n", "县", "x" * 150))
def test_bracket_pairs_close_at_blank_lines_as_one_pass_did(text):
    assert bracket_pairs(text) == _plain_bracket_pairs(text)


@settings(max_examples=200, deadline=None)
@given(
    _pieces(
        "(县)",
        "[县]",
        "(",
        ")",
        "〔" + "x" * 150 + "〕",
        "(" + "x" * 250 + ")",
        "\n",
        "\n\n",
        "(县\n\n)",
        "〖x〗",
        "县",
        "x" * 150,
    )
)
def test_brackets_that_alternate_pair_as_the_stack_paired_them(text):
    """Mostly alternating kinds (read without a stack), now and then one left open or a
    blank line inside a pair."""
    assert bracket_pairs(text) == _plain_bracket_pairs(text)


# Text made of the labels and the characters around them that decide a match.
_LABEL_TEXT = (*_LABELS, *_COLON_LABELS, "【", "】", ":", "。", " ", "\n", "县司法局")
_LABEL_TEXT += ("为", "的", ",", ")")


@settings(max_examples=150, deadline=None)
@given(_pieces(*_LABEL_TEXT, "牵头", "单位"))
def test_labels_are_found_as_the_lookahead_pattern_found_them(text):
    # (round 9: a label or field set apart from its value by blanks, and a label after its
    # units, 为牵头单位, not after 的/者/位/个)
    blank = r"[ \t]+(?=[^ \t\n])"
    plain = re.compile(
        rf"(?={first_chars([*_LABELS, *_COLON_LABELS, '【', '为'])})"
        rf"(?:【\s*{trie([*_LABELS, *_FIELDS])}\s*】|{trie(_LABELS)}(?:\s*[:。]|{blank})"
        rf"|{trie(_COLON_LABELS)}\s*:|{trie(_FIELDS)}{blank}"
        rf"|(?<![的者位个])为{trie(_LABELS)}(?=[,;。.)\]〕】]|$))"
    )
    fast = _label_pattern()
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _label_alternation_as_joined() -> re.Pattern[str]:
    """The label pattern as its alternatives joined in their order (before speed20)."""
    _label_pattern.cache_clear()
    try:
        with patch.object(_at, "_by_first_character", "|".join):
            return _label_pattern()
    finally:
        _label_pattern.cache_clear()


_LABELS_JOINED = _label_alternation_as_joined()


@settings(max_examples=200, deadline=None)
@given(_pieces(*_LABEL_TEXT, *_FIELDS, "\t", "同上"))
@example("协办:县司法局　协办单位:县财政局。为牵头单位)【协办单位】")
def test_labels_grouped_by_first_character_match_the_joined_alternatives(text):
    # (speed20: the alternatives sharing a first character joined under it)
    fast = _label_pattern()
    assert [m.span() for m in fast.finditer(text)] == [
        m.span() for m in _LABELS_JOINED.finditer(text)
    ]
    assert fast.pattern != _LABELS_JOINED.pattern


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["牵头单位", "牵头部门", "责任单位", "负责"]), min_size=1),
    _pieces("牵头单位", "牵头", "单位", "负责", "责任", "x", "\n"),
)
def test_branches_match_what_the_trie_matches(words, text):
    fast = re.compile("|".join(branches(words)))
    assert [m.span() for m in fast.finditer(text)] == [
        m.span() for m in re.finditer(trie(words), text)
    ]


@settings(max_examples=150, deadline=None)
@given(_pieces("县", "司", " ", "\u00a0", "  ", "a", "\n", "。"))
def test_in_word_blanks_are_dropped_as_one_pattern_dropped_them(text):
    plain = re.sub(rf"[ \u00a0](?<=[{_CJK}][ \u00a0])(?=[{_CJK}])", "", text)
    assert drop_in_word_blanks(text) == plain


def _plain_marker(folded: str) -> mk.Marker | None:
    """Each pattern tried in order; a number that is none (零, 0) lets the next one try."""
    for kind, pattern in mk._PATTERNS:
        found = pattern.match(folded)
        if not found:
            continue
        raw = found.group(1)
        number = int(raw) if raw.isdigit() else mk.chinese_number(raw)
        if number:
            style = found.group(2) if kind == mk.ARABIC else ""
            return mk.Marker(kind, number, found.end(), raw, style)
    return None


@settings(max_examples=200, deadline=None)
@given(
    _pieces(
        "第",
        "一",
        "十",
        "零",
        "〇",
        "章",
        "节",
        "条",
        "部分",
        "(",
        ")",
        "1",
        "0",
        "2",
        ".",
        "、",
        "是",
        " ",
        "%",
        "亿",
        "x",
    )
)
def test_one_match_reads_the_marker_that_pattern_by_pattern_reading_found(text):
    assert mk.match_marker(text) == _plain_marker(text)


def test_the_collector_runs_again_after_a_parse_and_stays_off_if_it_was():
    parse_text("某县方案\n一、主要任务\n1.推进普法。(牵头单位:县司法局)\n")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_text("某县方案\n一、主要任务\n1.推进普法。(牵头单位:县司法局)\n")
        assert not gc.isenabled()
    finally:
        gc.enable()


def _plain_value_pattern() -> re.Pattern[str]:
    """The value pattern as first written: a lookahead and a lookbehind in front."""
    chinese = _targets._vocab()["numbers"]["chinese_digits"]
    fast = _targets._value_pattern().pattern
    rest = fast[fast.index("(?:(?:") :]  # the range, the unit and the alternative counters
    value = rf"(?:{_targets._NUMBER}|[{chinese}]+)"
    return re.compile(rf"(?=[0-9{chinese}])(?<![0-9.{chinese}])(?P<num>{value})" + rest)


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("1", "2", "0", ".", "5", "一", "十", "万", "-", "至", "个", "%", "年", "项", "人", "第"),
        *("步", "千瓦", "百分点", "(", "篇", ")", "是"),
    )
)
def test_values_are_read_as_the_lookbehind_pattern_read_them(text):
    def spans(pattern):
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert spans(_targets._value_pattern()) == spans(_plain_value_pattern())


def test_values_behind_the_test_of_what_follows_a_numeral_are_those_found_without_it():
    """speed22: the value pattern tests the character after a numeral (a range's separator,
    a magnitude or a counter opens there) before its alternations; over every text the
    tests hold it finds what the pattern without that test found, groups and all."""
    plain = _plain_value_pattern()
    for _name, text in _every_text():
        folded = fold(text)
        fast = [(m.span(), m.groupdict()) for m in _targets._value_pattern().finditer(folded)]
        assert fast == [(m.span(), m.groupdict()) for m in plain.finditer(folded)]


_PLAIN_PARAGRAPH_BREAK = re.compile(r"[ \t\u2002\u2003\u3000\ufeff]*\n\s*")


@settings(max_examples=300, deadline=None)
@given(_pieces(" ", "\t", "\u3000", "\u2002", "\ufeff", "\n", "\r", "县", "a", "。"))
def test_paragraph_breaks_found_by_literal_branches_are_those_of_the_optional_blanks(text):
    """speed22: pipeline._PARAGRAPH_BREAK opens each branch on a literal character, where
    the plain pattern opened on optional blanks; the two replace the same runs."""
    from taizhang.parsing.pipeline import _PARAGRAPH_BREAK

    assert _PARAGRAPH_BREAK.sub("\n", text) == _PLAIN_PARAGRAPH_BREAK.sub("\n", text)
    spans = [m.span() for m in _PARAGRAPH_BREAK.finditer(text)]
    assert spans == [m.span() for m in _PLAIN_PARAGRAPH_BREAK.finditer(text)]


def test_paragraph_breaks_of_every_text_are_those_of_the_optional_blanks():
    from taizhang.parsing.pipeline import _PARAGRAPH_BREAK

    for _name, text in _every_text():
        spans = [m.span() for m in _PARAGRAPH_BREAK.finditer(text)]
        assert spans == [m.span() for m in _PLAIN_PARAGRAPH_BREAK.finditer(text)]


def _word_lists() -> list[tuple[str, ...]]:
    return [
        words
        for table in _targets._vocab().values()
        for words in table.values()
        if isinstance(words, tuple) and all(isinstance(word, str) for word in words)
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*sorted({w for words in _word_lists() for w in words}), "县", "1"]),
        max_size=6,
    ).map("".join)
)
def test_whether_a_word_of_a_list_is_there_one_call_says_what_the_loop_says(text):
    """speed22: the target rules that only ask whether a word of a list ends or opens a
    text ask str.endswith/startswith with the list; _ends_with and _starts_with, which
    also say which word, answer alike (no list holds an empty word)."""
    for words in _word_lists():
        for start in (0, 1):
            assert bool(_targets._ends_with(text, words, start)) == text.endswith(words, start)
            assert bool(_targets._starts_with(text, words, start)) == text.startswith(words, start)


@settings(max_examples=300, deadline=None)
@given(_pieces("到", "2025", "2", "0", "19", "年", "底", "前", "月", "6", "完成", ","))
def test_a_text_without_a_year_has_no_year_deadline(text):
    """The quick test before the deadline pattern leaves out only texts it finds nothing in."""
    if not _targets._YEAR_NIAN.search(text):
        assert _targets._year_deadlines(text) == []


def _plain_runs_names_together(gaz, name: str) -> bool:
    """Each ending's every place, tried one by one (as first written)."""
    if gaz.keeps_as_written(name):
        return False
    for ending in gaz.name_endings:
        at = name.find(ending)
        while 0 < at < len(name) - len(ending):
            first, rest = name[: at + len(ending)], name[at + len(ending) :]
            cut = gaz.prefix_length(rest)
            if cut and rest.endswith(gaz.name_endings) and not gaz._merged(first, rest[cut:]):
                return True
            at = name.find(ending, at + 1)
    return False


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "县",
        "州",
        "发改",
        "局",
        "财政",
        "纪委",
        "监委",
        "中心",
        "部门",
        "政府",
        "黔南",
        "办",
        "市场",
    )
)
def test_names_run_together_as_ending_by_ending_found_them(name):
    gaz = load_gazetteer()
    assert gaz.runs_names_together(name) == _plain_runs_names_together(gaz, name)


# (round 17: a 1. opens no run of digits nor follows a hyphen, "1-1." and "1231." hold none,
# and a month may follow its dot, "1.1月：")
_PLAIN_CHILD = re.compile(
    rf"\(\s*[{mk.CHINESE_DIGITS}]{{1,3}}\s*\)|\(\s*\d{{1,3}}\s*\)"
    rf"|(?<![\d-])\d{{1,3}}[.、)](?!\d(?!\d?月))"
    rf"|第[{mk.CHINESE_DIGITS}]{{1,5}}[条节]|[{mk.CIRCLED_DIGITS}]"
)


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "(",
        ")",
        " ",
        "1",
        "23",
        "一",
        "十",
        "第",
        "条",
        "节",
        ".",
        "、",
        "县",
        "\u0663",
        "①",
        "⑫",
        "-",
        "月",
    )
)
def test_glued_children_are_found_as_the_four_branches_found_them(text):
    def spans(pattern):
        return [m.span() for m in pattern.finditer(text)]

    assert spans(_structure._CHILD) == spans(_PLAIN_CHILD)


@settings(max_examples=300, deadline=None)
@given(
    _pieces("建成", "3", "个", "以上", "每年", "定期", "2025", "年", "底前", "6月", "。", ",", "县")
)
def test_a_measure_the_quick_test_passes_over_has_nothing_the_analysis_would_find(text):
    def full(folded):
        context = _targets._Context(folded)
        return _targets.Findings(
            _targets.find_targets(text, context),
            _targets.find_recurring(text, context),
            _targets.find_deadline(text, context),
        )

    assert _targets.analyse(text) == full(text)


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "2022年5月6日",
        "2022-05-06",
        "2019",
        "20",
        "19",
        "3000",
        "年",
        "-",
        "5",
        "日",
        "成文日期:",
        "发布时间:",
        "某县人民政府",
        "〔2021〕5号",
        "网友投稿",
        "12:30",
        "来源:",
        " ",
        "•",
        "\n",
        "\n\n",
        *("日期", "时间", "期", "间", "来源", "源", ":", "|", "某县"),  # labels found by their ends
    )
)
@example("成文日期:\n\n2022-05-06 某县")  # a label above, its date not ending the line
@example("发布时间: 2022-05-06 某县\n")
@example("2014-09-15 17:53:19  来源:某网")
def test_a_date_is_read_as_trying_every_line_read_it(text):
    view = View.of(text)
    lines = split_lines(view)
    every_line = list(range(len(lines)))
    for reported in (False, True):
        quick = find_date(lines, view.text, reported=reported)
        with patch.object(_dates, "_date_lines", lambda lines, _text: every_line):
            assert find_date(lines, view.text, reported=reported) == quick


_PAGE_PIECES = (
    *("—", "-", "3", "第", "页", "共", "/", "Page", " of"),
    *(" ", "\u3000", "\n", "县", "分享到"),
)


@settings(max_examples=300, deadline=None)
@given(_pieces(*_PAGE_PIECES))
@example("—\n3\n—\n3\n—")  # a match that takes the lines below it
def test_page_number_lines_are_found_as_a_search_over_the_text_found_them(text):
    lines = text.split("\n")
    plain = set()
    for kind, key in (("pdf", "page_number_lines"), ("html", "noise_lines")):
        patterns = _layout.reading_config()[kind][key]
        body = "|".join(f"(?:{p.removeprefix('^').removesuffix('$')})" for p in patterns)
        line = re.compile(rf"^[{_layout._INDENT}]*(?:{body})[{_layout._INDENT}]*$", re.M)
        plain |= {text.count("\n", 0, m.start()) for m in line.finditer(text)}
    kept = [(number, line) for number, line in enumerate(lines, 1) if number - 1 not in plain]
    kept_lines, numbers = _layout._without_page_numbers(text, lines)
    assert list(zip(numbers, kept_lines, strict=True)) == kept


_WRAP_LINES = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "\u3000", "\t "]),
        st.sampled_from([0, 1, 30, 60, 118, 119, 120, 121, 122, 300]),
        st.sampled_from(["", " ", "\u3000"]),
    ).map(lambda parts: parts[0] + "县" * parts[1] + parts[2]),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(_WRAP_LINES)
@example(["县" * 121] * 12)
@example(["县" * 121] * 3 + ["县" * 30] * 9)
@example(["县" * 121] * 2 + ["县" * 30] * 8 + [" "] * 2)
def test_a_layout_of_paragraphs_is_told_from_its_long_lines_as_the_sorted_lengths_told(lines):
    with patch.object(_layout, "_mostly_paragraphs", return_value=False):
        plain = _layout._wrap(lines)
    assert _layout._wrap(lines) == plain
    if _layout._mostly_paragraphs(lines):
        assert plain == (None, None)


@settings(max_examples=200, deadline=None)
@given(_pieces("日", "1", "２", "①", "年", " ", "\n", "\u3000", "•"))
def test_lines_ending_like_a_date_are_those_the_loop_over_every_line_found(text):
    lines = split_lines(View.of(text))
    plain = [i for i, line in enumerate(lines.texts) if line[-1:] == "日" or line[-1:].isdigit()]
    assert lines.ending_like_a_date() == plain


def _plain_prefix_length(gaz, name: str) -> int:
    """Gazetteer.prefix_length with a loop over every prefix, longest first."""
    if gaz.is_committee_body(name, after_party=False):
        return 0
    if not name.startswith(gaz.not_prefix):
        for prefix in gaz.prefixes:
            if name.startswith(prefix) and len(name) > len(prefix):
                return len(prefix)
    place = gaz.place.match(name)
    if (
        place
        and len(name) > place.end()
        and place.group()[-2:] not in gaz.not_place
        and not name.startswith(gaz.not_place_end, place.end() - 1)  # (美丽乡村…)
    ):
        return place.end()
    return 0


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("自治区", "自治州", "自治", "治", "州", "市", "县", "乡", "南", "委", "局", "办"),
        *("自", "街道", "街", "苏木", "苏", "道", "市场", "乡镇"),
    )
)
def test_prefixes_are_found_by_length_as_the_loop_over_every_prefix_found_them(name):
    """(speed23: only the lengths of the prefixes opening with the name's first character
    are tried; 自, 街 and 苏 open prefixes of one length each)"""
    gaz = load_gazetteer()
    assert gaz.prefix_length(name) == _plain_prefix_length(gaz, name)
    plain_level = next((p for p in gaz.prefixes if name.endswith(p)), None)
    assert gaz.level_of(name) == (plain_level if name.endswith(gaz._prefix_set) else None)


_PATTERN_WORDS = ("月底", "长期", "科", "团", "委", "办", "铁路", "a")
_DIGITS = mk.CHINESE_DIGITS
_PLAIN_RUN_IN = re.compile(
    rf"[。;!?\]〕】)”:.][ \t\u3000]*"
    rf"(?=\(\s*[{_DIGITS}\d]{{1,3}}\s*\)|[{_DIGITS}]{{1,3}}[、是]|\d{{1,3}}[.、)](?!\d(?!\d?月))"
    rf"|[{mk.CIRCLED_DIGITS}]"
    rf"|第[{_DIGITS}]{{1,5}}(?:条|章|节|部分)|\ufffd{{1,2}}[.、](?!\d))"
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(["*", "?", *_PATTERN_WORDS]), min_size=1, max_size=4).map("".join),
        max_size=6,
    ),
    _pieces(*_PATTERN_WORDS, "县", "\n", "*"),
)
def test_whole_matches_by_shape_answer_as_the_wildcard_regex_did(patterns, text):
    """WholeMatch (a set, startswith, endswith, a word search, the regex for the rest)
    answers as the fullmatch of the one alternation did, and says a text may hold a match
    whenever one of its parts matches."""
    plain = wildcard_alternation(patterns)
    fast = WholeMatch(patterns)
    assert fast.matches(text) == is_whole_match(plain, text)
    parts = {text[i:j] for i in range(len(text) + 1) for j in range(i, min(len(text), i + 8) + 1)}
    if any(is_whole_match(plain, part) for part in parts):
        assert fast.may_match_within(text)


@settings(max_examples=300, deadline=None)
@given(_pieces("月底", "前", "完成", "长期", "坚持", "指标", "县司法局", "团", "委", "铁路", "科"))
def test_the_gazetteer_lists_answer_as_their_wildcard_regexes_did(name):
    gaz = load_gazetteer()
    data = gaz.data
    for entries, fast in (
        (data["phrases"]["not_units"], gaz.not_units),
        (data["keep_as_written"]["patterns"], gaz.keep),
        (data["category"]["party"]["committee_bodies"], gaz._party.committee_bodies),
    ):
        assert fast.matches(name) == is_whole_match(wildcard_alternation(entries), name)


_BRACKET_PIECES = (
    "牵头单位:",
    "牵头单位",
    "责任单位:",
    "【牵头单位】",
    "责任主体。",
    "牵头领导单位:",
    "牵头领导:",
    "州委宣传部",
    "州司法局",
    "宣传部",
    "各县(市)",
    "州有关部门",
    "人行黔南州中心支行",
    "(州精神文明办)",
    "文化和旅游局",
    "县发改局 县财政局",
    "金融局等有关部门",
    "市委宣传部和市司法局",
    "6月底前完成",
    "、",
    ",",
    ";",
    "。",
    ":",
    "：",
    "（",
    "）",
    "(",
    ")",
    " ",
    "\u3000",
    "\n",
    "和",
    "等",
    "由",
    "牵头",
    "配合",
    "负责",
    "x",
)


@settings(max_examples=500, deadline=None)
@given(_pieces(*_BRACKET_PIECES))
@example("牵头单位:州委宣传部(州精神文明办);责任单位:州司法局、州有关部门,各县(市)")
@example("牵头单位（州司法局)、宣传部：各县(市")
def test_a_bracket_of_labels_and_lists_is_read_as_the_clause_splitter_reads_it(raw):
    """BracketReader._listed_items (labels and markers found in one pass, one field a
    clause, each piece between separators read once by its text) gives what _read_items
    (person fields, wrapped names, labels and markers, clauses cut into items) gives, or
    leaves the bracket to it."""
    gaz = load_gazetteer()
    folded = fold(raw)
    listed = BracketReader(gaz)._listed_items(raw, folded)
    if listed is not None:
        assert listed == BracketReader(gaz)._read_items(raw, folded)
    reader = BracketReader(gaz)  # a reader caches clauses and names across both paths
    for bracket in (raw, raw[::-1], raw):
        assert reader.items(bracket) == BracketReader(gaz)._read_items(bracket, fold(bracket))


@settings(max_examples=300, deadline=None)
@given(_pieces(",", ";", "。", ":", "!", "?", "\n", ".", "1", "\u0663", "县", "5"))
def test_sentence_and_scope_ends_are_picked_from_the_clause_ends_as_their_patterns_find_them(
    text,
):
    context = _targets._Context(text)
    for ends, boundaries in (
        (_targets._CLAUSE_ENDS, context.clauses),
        (_targets._SENTENCE_ENDS, context.sentences),
        (_targets._SCOPE_ENDS, context.scopes),
    ):
        plain = [m.start() for m in _targets._delimiters(ends).finditer(text)]
        assert boundaries._positions == plain


@settings(max_examples=300, deadline=None)
@given(_pieces("县", "司法局", "(", ")", "、", ",", ";", "。", ":", ".", " ", "\t", "\n", "由"))
def test_the_pieces_of_a_clause_split_in_c_are_the_pieces_found_by_pattern(clause):
    gaz = load_gazetteer()
    texts = _items.clause_piece_texts(clause, 0, len(clause), gaz)
    spans = _items.clause_pieces(clause, 0, len(clause), gaz)
    if texts is not None:
        assert texts == [clause[a:b] for a, b in spans if a < b]


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "①",
        "。",
        ";",
        ")",
        "】",
        ":",
        ".",
        " ",
        "\u3000",
        "(",
        ")",
        "一",
        "十",
        "1",
        "23",
        "、",
        "是",
        "第",
        "条",
        "部分",
        "\ufffd",
        "县",
        "\u0663",
        "\n",
    )
)
def test_run_in_markers_are_found_as_without_the_first_character_test(text):
    assert [hit.span() for hit in RUN_IN_ONE_PATTERN.finditer(text)] == [
        hit.span() for hit in _PLAIN_RUN_IN.finditer(text)
    ]


def _plain_attribution_brackets(folded: str) -> list[tuple[int, int]]:
    """Each pair's content searched for a label (and a verb) in place."""
    labels, verbs = _label_pattern(), _at._verb_ending()
    return [
        (open_at, close_at)
        for open_at, close_at in bracket_pairs(folded)
        if labels.search(folded, open_at + 1, close_at)
        or (verbs.search(folded, open_at + 1, close_at) and _at._holds(folded, open_at, close_at))
        or _at._bare_bracket(folded, open_at, close_at)
    ]


def _plain_find(index: _at.AttributionIndex, start: int, end: int):
    """AttributionIndex.find with the part always searched for labels."""
    bracket = None
    for open_at, close_at in index.brackets:
        if open_at < start:
            continue
        if open_at >= end:
            break
        if close_at < end:
            bracket = _at.Located(open_at - start, open_at - start + 1, close_at - start)
            break
    if bracket is None and not _at._hint().search(index.folded, start, end):
        return None
    return _at._first_of_all(index.folded[start:end], bracket)


_ATTRIBUTION_PIECES = (
    "牵头单位",
    "牵头责任单位",
    "责任单位",
    "责任",
    "单位",
    ":",
    "。",
    "【",
    "】",
    "(",
    ")",
    "[",
    "]",
    "\n",
    "\n\n",
    " ",
    "县司法局",
    "、",
    "负责",
    "1.",
    "推进工作",
    "落实",
    ".",
    ";",
    "\u3000",
)


@settings(max_examples=300, deadline=None)
@given(_pieces(*_ATTRIBUTION_PIECES), st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400))))
def test_attributions_are_found_as_searching_each_part_for_labels_found_them(text, parts):
    """The labels of the whole text, found once, stand for a search of each bracket's
    content and of each part before its bracket."""
    index = _at.AttributionIndex(text)
    assert index.brackets == _plain_attribution_brackets(text)
    for start, end in parts:
        start, end = min(start, end, len(text)), min(max(start, end), len(text))
        assert index.find(start, end) == _plain_find(index, start, end)


@settings(max_examples=200, deadline=None)
@given(
    _pieces("\n", "(", "县", "x", "\n\n", "((", "\U00020000"),
    st.sampled_from("\n("),
    st.integers(0, 2),
)
def test_char_offsets_are_where_a_search_finds_the_character(text, char, plus):
    expected = [hit.start() + plus for hit in re.finditer(re.escape(char), text)]
    assert _at.char_offsets(text, char, plus) == expected


def _plain_joined_rows(text: str):
    """tables._joined_rows as it read every line, a table's or not."""
    from taizhang.parsing import tables as _tables

    rows, columns, width, merged = [], None, 0, False
    lines, index = text.split("\n"), 0
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        cells = _tables._cells(line)
        if len(cells) < 2:
            heading = line.strip()
            merged = bool(columns) and not merged and 0 < len(heading) <= _tables._MERGED_ROW
            columns = columns if merged or not heading else None
            continue
        if merged and len(cells) > width:
            columns = None
        merged = False
        header = _tables._header_roles(cells)
        if header:
            columns, width = header, len(cells)
            continue
        if columns:
            if len(cells) < width and index < len(lines):  # (a cell of two paragraphs)
                cells, index = _tables._cell_over_two_lines(cells, lines, index, width)
            cells = _tables._with_lost_category(cells, width, columns)
            row = _tables._row(cells, columns, number)
            if row:
                rows.append(row)
    return rows


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "序号 | 任务内容 | 牵头单位 | 责任单位\n",
        "序号 | 任务内容 | 牵头单位\n",
        "1 | 开展普法宣传 | 县司法局 | 县教育局\n",
        "2 | 建设法治文化阵地 | 县文旅局\n",
        "3 | 完善制度 | 县司法局 | 县教育局 | 县财政局 | 县公安局\n",
        "一、提升服务效能\n",
        "为深入贯彻落实法治社会建设，现制定本方案，请认真组织实施并按期报送进展。\n",
        "\n",
        " | \n",
        "4 | 加强宣传\n",
    )
)
def test_joined_rows_skip_prose_outside_tables_as_reading_every_line_did(text):
    from taizhang.parsing import tables as _tables

    assert _tables._joined_rows(text) == _plain_joined_rows(text)


def _plain_box_lines(folded: str) -> list[tuple[int, int]]:
    """Boxes as a regex over every position found them, each line counted from the start."""
    heading = re.compile(r"(?:^|\n)[ \u3000\t]*(?:专栏)[ \u3000]*[0-9一二三四五六七八九十]+")
    boxes = []
    for found in heading.finditer(folded):
        start = found.start() + (folded[found.start()] == "\n")
        blank = re.compile(r"\n[ \u3000\t]*(?:\n|\Z)").search(folded, found.end())
        last = folded.count("\n", 0, blank.start()) + 1 if blank else folded.count("\n") + 1
        boxes.append((folded.count("\n", 0, start) + 1, last))
    return boxes


@settings(max_examples=300, deadline=None)
@given(_pieces("专栏", "1", "二", " ", "\u3000", "\n", "\n\n", "1.城北公园", "建设", "。"))
def test_boxes_are_found_by_their_word_as_by_a_pattern_over_every_line(folded):
    from taizhang.parsing.pipeline import box_lines

    assert box_lines(folded) == _plain_box_lines(folded)


_PLAIN_MARKDOWN = re.compile(r"(?:^|(?<=[\n。）)*|]))[ \u3000]*(?:#{1,6}[ \u3000]|\*\*[^*\n]+\*\*)")


@settings(max_examples=300, deadline=None)
@given(_pieces("#", "## ", "**加强**", "**", "*", "\n", "。", "）", "|", " ", "一、推进", "x"))
def test_markdown_lines_are_counted_as_the_pattern_over_every_position_counted_them(text):
    """Apart from runs of three stars or more (words masked, not bold) and markup after more
    blanks than a line's indent holds."""
    if "***" in text or " " * _layout._MARKDOWN_REACH in text:
        return
    found = sum(1 for _ in itertools.islice(_layout._markdown_lines(text), 2))
    assert found == sum(1 for _ in itertools.islice(_PLAIN_MARKDOWN.finditer(text), 2))


def _plain_line_markers(text: str) -> list[tuple[int, mk.Marker | None]]:
    """Every line after the first that opens with a marker's first character (after its
    indentation), read by match_marker at that character."""
    opening = re.compile(rf"\n[{_structure._LINE_INDENT}]*(?=[{_structure._MARKER_FIRST}])")
    return [(hit.end(), mk.match_marker(text, hit.end())) for hit in opening.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        "\n",
        "\n\n",
        " ",
        "\u3000",
        "\t",
        "一、",
        "十二.",
        "零、",
        "(一)",
        "(1)",
        "1)",
        "1.",
        "2、",
        "0.",
        "12.4",
        "1.1",
        "2.1.3 ",
        "①",
        "第一章",
        "第二条",
        "第三节",
        "一是",
        "(牵头单位:县局)",
        "\ufffd.",
        "县",
        "。",
    )
)
def test_line_markers_are_read_as_match_marker_reads_each_line(text):
    assert mk.line_markers(text, _structure._LINE_INDENT, _structure._MARKER_FIRST) == (
        _plain_line_markers(text)
    )


def _plain_starts(folded: str, brackets: list[tuple[int, int]], labels: list[int]) -> list[int]:
    """attribution_text._starts with a bisection per label for the bracket before it."""
    starts = [open_at for open_at, _ in brackets]
    inside = sorted(brackets)
    previous = -1
    for at in labels:
        i = bisect.bisect_right(inside, (at, len(folded))) - 1
        if i >= 0 and inside[i][0] < at < inside[i][1]:
            continue
        if not _at._label_opens(folded, at):
            continue
        if previous < 0 or folded.find("。", previous, at) >= 0:
            starts.append(at)
        previous = at
    return sorted(set(starts))


@settings(max_examples=300, deadline=None)
@given(_pieces(*_ATTRIBUTION_PIECES))
def test_attribution_starts_leave_out_labels_in_brackets_as_the_loop_did(text):
    index = _at.AttributionIndex(text)
    labels = [label.start() for label in _label_pattern().finditer(text)]
    assert index.starts() == _plain_starts(text, index.brackets, labels)


def _plain_glued_children(folded: str, marker: mk.Marker, end: int, line: int):
    """structure._glued_children with each heading's end found before its child."""
    out = []
    while marker.kind in _structure._GLUED_PARENTS:
        limit = min(end, marker.end + _structure._MAX_HEADING)
        for stop in "。;":
            found = folded.find(stop, marker.end, limit)
            limit = limit if found < 0 else found
        hit = _structure._CHILD.search(folded, marker.end + 2, limit)
        child = mk.match_marker(folded, hit.start(), outlines=False) if hit else None
        if _structure._is_part(folded, marker):
            numeral = _structure._FIRST_NUMERAL.search(
                folded, marker.end + 2, hit.start() if hit else limit
            )
            if numeral is not None and _structure._confirmed_in_part(folded, numeral.end()):
                glued = mk.match_marker(folded, numeral.start(), outlines=False)
                if glued is not None:  # (一、1. is no marker)
                    out.append(
                        _structure.Found(glued, numeral.start(), line, run_in=_structure._GLUED)
                    )
                    marker = glued
                    continue
        if child is None or _structure._RANK[child.kind] <= _structure._RANK[marker.kind]:
            break
        out.append(_structure.Found(child, hit.start(), line, run_in=_structure._GLUED))
        marker = child
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["一、", "第一部分", "第二章", "(一)", "1.", "(1)"]),
    _pieces(
        "加强",
        "。",
        ";",
        "(一)",
        "(2)",
        "1.",
        "12.5",
        "3、",
        "二、",
        "一、",
        "第三条",
        "①",
        " ",
        "x" * 7,
        "x" * 25,
    ),
)
@example("第一部分", " (一)一、3、。二、一、 ")  # 一、3、 is no marker: 3、 is the part's child
@example("第一部分", "加强一、1.。二、")  # no child at all (this once raised)
def test_glued_children_are_found_as_looking_within_each_heading_found_them(opening, text):
    folded = opening + text
    marker = mk.match_marker(folded)
    if marker is None:
        return
    end = len(folded)
    assert _structure._glued_children(folded, marker, end, 1) == _plain_glued_children(
        folded, marker, end, 1
    )


def _folded_characters() -> list[str]:
    from taizhang.parsing.normalize import _table

    return sorted(map(chr, _table()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["\n", "\r", "x", "县", *_folded_characters()]), max_size=80))
def test_fold_keeps_every_line_break_where_it_is_and_makes_none(chars):
    """structure counts a marker's line on the folded text (the line breaks between it and
    the marker before it)."""
    from taizhang.parsing.normalize import _table

    assert ord("\n") not in _table() and not any("\n" in str(v) for v in _table().values())
    text = "".join(chars)
    assert [i for i, c in enumerate(fold(text)) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["l", "O", "2", "ｌ", "Ｏ", "县", "x", *_folded_characters()]), max_size=90
    )
)
def test_fold_answers_a_short_text_it_kept_as_folding_it_again(chars):
    """fold keeps what it folded of a short text: asked twice, or after its store was
    emptied, it answers what folding the text answers."""
    from taizhang.parsing import normalize as _normalize

    text = "".join(chars)
    plain = (
        _normalize._ocr_digits(_normalize._fold_characters(text)) if not text.isascii() else text
    )
    assert fold(text) == plain and fold(text) == plain
    with patch.object(_normalize, "_SHORT_KEPT", 1):
        assert fold(text + "县") == fold(text + "县")
        assert fold(text) == plain
    assert len(_normalize._FOLDED_SHORT) <= _normalize._SHORT_KEPT


# The plain form of normalize._ocr_digits: one pattern over both letters (stop 23).
_OCR_DIGIT_ONE_PATTERN = re.compile(
    r"[lO](?:"
    r"(?<=\d[lO])(?![A-Za-z])"
    r"|(?<![A-Za-z][lO])(?=\d)"
    r"|(?<=l)(?<![A-Za-z0-9]l)(?=[.、][^\x00-\x7f])"
    r"|(?<=[^\x00-\x7f]l)(?=[^\x00-\x7f])"
    r")"
)


def _plain_ocr_digits(folded: str) -> str:
    return _OCR_DIGIT_ONE_PATTERN.sub(lambda found: "1" if found.group() == "l" else "0", folded)


# every character the OCR-digit patterns tell apart: the letters, digits, other letters,
# the item number's ends, Chinese characters, blanks, punctuation
_OCR_ALPHABET = ["l", "O", "1", "0", "7", "a", "Z", ".", "、", "县", " ", "-", "\n"]


def test_ocr_digits_read_every_short_text_as_the_one_pattern_did():
    """Every text of up to five of those characters (the lookarounds see one character
    before a letter and two after): the two passes answer as the one pattern."""
    from taizhang.parsing.normalize import _ocr_digits

    for size in range(1, 6):
        for chars in itertools.product(_OCR_ALPHABET, repeat=size):
            text = "".join(chars)
            assert _ocr_digits(text) == _plain_ocr_digits(text), text


_OCR_WORDS = [*_OCR_ALPHABET, "lO", "2O24年", "l.开", "CO2", "月l2日"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_OCR_WORDS), max_size=60))
@example(["2", "O", "l", "3"])
def test_ocr_digits_read_long_texts_as_the_one_pattern_did(chars):
    from taizhang.parsing.normalize import _ocr_digits

    text = "".join(chars)
    assert _ocr_digits(text) == _plain_ocr_digits(text)


def test_ocr_digits_read_the_corpus_documents_and_fixtures_as_the_one_pattern_did():
    from taizhang.parsing.normalize import _fold_characters, _ocr_digits

    for name, text in _every_text():
        folded = _fold_characters(text)
        assert _ocr_digits(folded) == _plain_ocr_digits(folded), name


# The plain form of attribution_text.paired_square_brackets: one pattern for both kinds.
_MIXED_SQUARE_ONE_PATTERN = re.compile(
    rf"【{_at._IN_PARAGRAPH}{{1,{_MAX_ATTRIBUTION}}}〕|〔{_at._IN_PARAGRAPH}{{1,{_MAX_ATTRIBUTION}}}】"
)


def _plain_paired_square_brackets(folded: str) -> str:
    chars = list(folded)
    for found in _MIXED_SQUARE_ONE_PATTERN.finditer(folded):
        chars[found.end() - 1] = "】" if chars[found.end() - 1] == "〕" else "〕"
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(_pieces("【", "】", "〔", "〕", "县", "x" * 150, "\n", "\n\n", "\n \n", " ", "(", ")"))
@example("【牵头单位:县司法局〕〔2023〕【配合单位:县财政局】〔责任单位:县林业局】")
def test_square_brackets_closed_by_the_other_kind_are_found_as_the_one_pattern_found_them(text):
    assert _at.paired_square_brackets(text) == _plain_paired_square_brackets(text)


def test_square_brackets_of_the_corpus_documents_and_fixtures_pair_as_the_one_pattern_did():
    for name, text in _every_text():
        folded = fold(text)
        assert _at.paired_square_brackets(folded) == _plain_paired_square_brackets(folded), name


_OPENERS = vocabulary()["chapter_attribution_openers"]


@settings(max_examples=200, deadline=None)
@given(
    _pieces(*_OPENERS, "由", "县司法局牵头", "。", "\n", "x" * 70, "(", ")"), st.integers(0, 200)
)
def test_a_chapter_cue_is_searched_only_where_its_shared_character_stands(text, start):
    """_chapter_attributions passes over a chapter whose reach holds no 由: the search
    would find no cue there either."""
    shared = _structure._chapter_cue_character()
    assert shared and all(shared in opener for opener in _OPENERS)
    end = start + _structure._CUE_REACH
    if text.find(shared, start, end) < 0:
        assert _structure._chapter_cue().search(text, start, end) is None


def test_the_whitespace_written_out_is_every_character_a_pattern_blank_matches():
    every = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert set(_at._WHITESPACE) == every
    assert set(re.findall(r"\s", "".join(map(chr, range(0x110000))))) == every


def _plain_may_state_anything(folded: str) -> bool:
    """The quick test as five searches, one per kind of finding."""
    return bool(
        _targets._value_pattern().search(folded)
        or _targets._recurring_pattern().search(folded)
        or _targets._YEAR_NIAN.search(folded)
        or "月" in folded
        or any(word in folded for word in _targets._vocab()["deadlines"]["year_end"])
    )


_TARGET_PIECES = (
    *("建成", "3", "个", "以上", "每年", "定期", "不定期", "2025", "年", "底前", "6月", "年末"),
    *("。", ",", ";", "\n", ".", "县", "达到", "5.5", "%", "一", "次", "较", "以来", "第", "万人"),
    *("各年度", "每", "期", "年底", "20", "24", "月"),
)


@settings(max_examples=300, deadline=None)
@given(_pieces(*_TARGET_PIECES))
def test_the_quick_test_is_one_search_that_finds_what_the_five_searches_found(text):
    assert _targets._may_state_anything(text) == _plain_may_state_anything(text)


def test_the_quick_test_finds_what_the_five_searches_found_on_every_line():
    """… with its gate on 期 for 定期 (speed26), on every line of every plan the tests hold."""
    for _name, text in _every_text():
        for line in fold(text).split("\n"):
            assert _targets._may_state_anything(line) == _plain_may_state_anything(line)


def _plain_heading_end(folded: str) -> int | None:
    """titles._heading_end with its first line and the sentence after it cut out whole."""
    from taizhang.parsing import titles as _titles

    first_line, newline, _ = folded.partition("\n")
    stop = _titles._SENTENCE_END.search(first_line)
    closing = _titles._bracketed_heading_end(first_line)
    if closing is not None:
        end, body = closing, folded[closing + 1 :]
    elif stop:
        end, body = stop.start(), folded[stop.end() :]
    elif newline:
        end, body = len(first_line), folded[len(first_line) + 1 :]
    else:
        return None
    candidate = folded[:end].strip(_titles._BLANKS)
    body = body.strip()
    following = _titles._SENTENCE_END.search(body)
    next_sentence = body[: following.start()] if following else body
    if not candidate or len(candidate) > 28 or len(candidate) > len(next_sentence):
        return None
    return None if sum(candidate.count(c) for c in ",;:") > 1 else end


_TITLE_PIECES = ("推进", "依法行政", "。", ".", "1", "5", "\n", ",", ";", ":", " ", "【", "】")


@settings(max_examples=500, deadline=None)
@given(_pieces(*_TITLE_PIECES, "建设法治政府示范", "单位"))
def test_a_heading_ends_where_cutting_out_its_line_and_next_sentence_found_it(folded):
    from taizhang.parsing import titles as _titles

    assert _titles._heading_end(folded) == _plain_heading_end(folded)


def _plain_labels_or_marker(gaz):
    """Labels or markers as one pattern behind a lookahead on their first characters."""
    phrases, labels = gaz.data["phrases"], gaz.data["labels"]
    keys = ("division_markers", "lead_markers", "duty_adverbs", "duty_verbs", "support_markers")
    heads = [word for key in keys for word in phrases[key]]
    label_words = [*labels["lead"], *labels["responsible"]]
    label_words += [*labels.get("lead_with_colon", []), *labels.get("responsible_with_colon", [])]
    first = first_chars(["【", " ", "\t", *label_words, *heads])
    return re.compile(rf"(?={first})(?:{gaz.labels.pattern}|(?P<marker>{trie(heads)}))")


_TOKEN_PIECES = (
    *("牵头", "单位", "部门", "领导", "责任", "主体", "配合", "协办", "参与", "负责", "按职责"),
    *("分工", "共同", "具体", "【", "】", ":", "。", " ", "\t", "州司法局", "、", ";", "\n"),
    *("完成时限", "时间节点", "2024年底", "联系人", "牵头县领导", "副县长"),
)


@settings(max_examples=500, deadline=None)
@given(_pieces(*_TOKEN_PIECES))
@example("【牵头单位】州司法局;责任单位:州委宣传部、州有关部门按职责分工负责")
def test_labels_and_markers_are_found_by_literal_branches_as_behind_the_lookahead(text):
    gaz = load_gazetteer()
    found = [(gaz.token_roles[m.lastgroup], m.span()) for m in gaz.labels_or_marker.finditer(text)]
    plain = [(m.lastgroup, m.span()) for m in _plain_labels_or_marker(gaz).finditer(text)]
    assert found == plain


def _tokens_with_roles(text: str) -> tuple[list, list]:
    """(role, span) of each token: by the pattern's groups, and without groups by its text."""
    gaz = load_gazetteer()
    roles, grouped = gaz.token_roles, gaz.labels_or_marker.finditer(text)
    by_group = [(roles[m.lastgroup], m.span()) for m in grouped]
    return by_group, [(gaz.token_role(m.group()), m.span()) for m in gaz.tokens.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_pieces(*_TOKEN_PIECES, "牵头:", "配合】", "协办 :", "【参与】", "参与"))
@example("【牵头】州司法局;配合:州委宣传部;州公安局配合,参与 :州民政局")
def test_tokens_read_without_groups_have_the_roles_the_groups_gave(text):
    """Gazetteer.tokens and token_role (speed26) against labels_or_marker's groups: a word
    that is a label with a colon and a marker (牵头, 配合) is the marker when bare."""
    grouped, by_text = _tokens_with_roles(text)
    assert by_text == grouped


def test_tokens_read_without_groups_have_the_roles_the_groups_gave_in_every_document():
    for _name, text in _every_text():
        grouped, by_text = _tokens_with_roles(fold(text))
        assert by_text == grouped


@settings(max_examples=300, deadline=None)
@given(_pieces(*_TOKEN_PIECES))
def test_labels_and_markers_searched_from_each_end_are_those_finditer_finds(text):
    """The tokens of the pattern of many groups found by a search from each token's end are
    those finditer finds, as no token is empty (Gazetteer.token_split cuts a bracket at the
    same tokens: the test below)."""
    pattern = load_gazetteer().labels_or_marker
    assert re._parser.parse(pattern.pattern).getwidth()[0] > 0
    found, token = [], pattern.search(text)
    while token is not None:
        found.append((token.lastgroup, token.span()))
        token = pattern.search(text, token.end())
    assert found == [(m.lastgroup, m.span()) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_pieces(*_TOKEN_PIECES))
def test_token_split_gives_the_fields_and_tokens_a_search_from_each_end_finds(text):
    """BracketReader._listed_items cuts a bracket by one split at its labels and markers
    (speed29): the fields and the tokens alternate, as a search from each token's end
    finds them (the tokens' pattern without groups)."""
    gaz = load_gazetteer()
    assert gaz.tokens.groups == 0  # (a group of its own would add its text to the split)
    parts, start, token = [], 0, gaz.tokens.search(text)
    while token is not None:
        parts += [text[start : token.start()], token.group()]
        start = token.end()
        token = gaz.tokens.search(text, start)
    assert gaz.token_split(text) == [*parts, text[start:]]


@settings(max_examples=300, deadline=None)
@given(_pieces(*_TOKEN_PIECES))
def test_rare_syntax_and_deadline_fields_are_found_as_with_the_optional_bracket_in_front(text):
    gaz = load_gazetteer()
    phrases = gaz.data["phrases"]
    fields = [*phrases.get("person_fields", []), *phrases.get("deadline_fields", [])]
    assert bool(gaz.rare_syntax.search(text)) == bool(re.search(rf"{trie(fields)}|\n", text))
    # (the colon, or blanks alone: "完成时限　2024年10月底前", round 9)
    colon = r"(?:\s*(?:】\s*:?|:)|[ \t]+)"
    deadline = gaz.deadline_field.pattern.split(colon, 1)[1]
    plain = rf"【?(?:{'|'.join(phrases['deadline_fields'])}){colon}{deadline}"
    assert [m.span(1) for m in gaz.deadline_field.finditer(text)] == [
        m.span(1) for m in re.finditer(plain, text)
    ]


@settings(max_examples=300, deadline=None)
@given(_pieces(",", ";", "。", ":", "!", "?", "\n", ".", "1", "5", "】", "①", "县", "a"))
def test_ends_found_by_one_literal_per_branch_are_those_of_a_class_and_a_period(text):
    from taizhang.parsing import titles as _titles

    for ends in (_targets._CLAUSE_ENDS, _targets._SENTENCE_ENDS, _targets._SCOPE_ENDS):
        plain = re.compile("[" + re.escape(ends) + "]" + (r"|\.(?!\d)" if "。" in ends else ""))
        found = [m.span() for m in _targets._delimiters(ends).finditer(text)]
        assert found == [m.span() for m in plain.finditer(text)]
    plain = re.compile(r"[。!?]|(?<!\d)\.(?!\d)")
    found = [m.span() for m in _titles._SENTENCE_END.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]


_DEADLINE_PIECES = (
    *("到", "截至", "至", "2025", "2020", "1999", "19", "20", "年", "月", "日", "6", "12", "1"),
    *("底", "末", "前", "以前", "年底", "年末", "上旬", "-", "~", "县", "。", ",", "每年", "完成"),
)


@settings(max_examples=400, deadline=None)
@given(_pieces(*_DEADLINE_PIECES))
def test_deadlines_searched_from_their_years_and_months_are_those_found_everywhere(text):
    """The year and month patterns are searched only from just before each year with 年,
    each 月 and each year's end word; their matches are those of finditer over the text."""
    spans = [m.span() for m in _targets._year_pattern().finditer(text)]
    assert [m.span() for m in _targets._year_matches(text)] == spans
    spans = [m.span() for m in _targets._month_pattern().finditer(text)]
    assert [m.span() for m in _targets._month_matches(text)] == spans


@settings(max_examples=300, deadline=None)
@given(_pieces("每", "年", "度", "各", "定", "期", "不", "季", "半", "月", "周", "县", "开展"))
def test_recurring_markers_behind_their_character_test_are_those_the_pattern_finds(text):
    negations = _targets._vocab()["recurring"]["negations"]
    plain = [
        m.span()
        for m in _targets._recurring_pattern().finditer(text)
        if not text[: m.start()].endswith(tuple(negations))
    ]
    assert [m.span() for m in _targets._markers(text)] == plain


@settings(max_examples=300, deadline=None)
@given(_pieces(*_BRACKET_PIECES, "完成时限:", "2024年6月底前", "6月底前完成", "长期坚持", "\n"))
def test_a_bracket_deadline_read_with_the_reader_is_the_one_read_alone(raw):
    """pipeline._bracket_deadline with the document's reader (its folded bracket, and no
    field pattern where the rare-syntax search found no field's word) reads what it reads
    from the bracket alone."""
    from taizhang.parsing.pipeline import _bracket_deadline

    gaz = load_gazetteer()
    reader = BracketReader(gaz)
    reader.items(raw)
    assert _bracket_deadline(raw, gaz, reader) == _bracket_deadline(raw, gaz)
    assert _bracket_deadline(raw, gaz, BracketReader(gaz)) == _bracket_deadline(raw, gaz)


def _plain_vote(folded: str) -> bool | None:
    """titles._vote as it read every text of several sentences through _heading_end."""
    from taizhang.parsing import titles as _titles

    body = folded.strip(_titles._BLANKS + "\n")
    if body.startswith(_titles._PURPOSE) and _titles.is_purpose_clause(body):
        return None
    if body.startswith("【") and _titles._bracketed_heading_end(body.partition("\n")[0]):
        return _titles._heading_end(body) is not None
    if "\n" not in body and _titles._labelled_body(body) is not None:
        return _titles._heading_end(body) is not None
    if "\n" not in body:
        stop = _titles._SENTENCE_END.search(body)
        if stop is None or not body[stop.end() :].strip():
            sentence = body[: stop.start()] if stop else body
            if len(sentence) <= _titles._PRINTED_LINE and _titles._clause_breaks(sentence) <= 1:
                return None
            return False
    return _titles._heading_end(body) is not None


_TITLE_PIECES = (
    *("推进城镇污水处理提质增效", "加强", "。", ".", "1.5", ",", ";", ":", "\n", " ", "\u3000"),
    *("新建改造污水管网30公里", "为规范", "制定本办法", "【推进】", "具体措施:", "严格"),
    "\x0c",  # a blank that a vote's strip leaves and str.strip takes
)


@settings(max_examples=400, deadline=None)
@given(_pieces(*_TITLE_PIECES))
def test_a_vote_answered_by_its_first_sentence_is_the_vote_its_heading_gives(folded):
    from taizhang.parsing import titles as _titles

    assert _titles._vote(folded) == _plain_vote(folded)


@settings(max_examples=300, deadline=None)
@given(
    _pieces("负责", "组织实施", "支持", "措施", "推进", "。", ".", " ", "\u3000", "\n", "县", "x")
)
def test_a_bracket_ending_with_a_verb_is_told_from_its_end_as_the_pattern_tells_it(text):
    # round 9: the verbs that end an attribution tested from the content's end in C
    verbs = _at._bracket_ending_verbs()
    assert _at._ends_with_verb(text, verbs) == bool(_at._verb_ending().search(text))


def _plain_measure_titles(texts: list[str], folded: list[str]) -> list[str | None]:
    """titles.measure_titles as it counted every measure's vote before deciding."""
    from taizhang.parsing import titles as _titles

    if not _titles.document_is_titled(texts, folded):
        return [None] * len(texts)
    return [
        text[:end].strip(_titles._BLANKS).removeprefix("【")
        if (end := _titles._heading_end(f) or _titles._heading_over_a_short_sentence(f))
        else None
        for text, f in zip(texts, folded, strict=True)
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces(*_TITLE_PIECES).map(str.strip), max_size=12))
def test_titles_from_votes_counted_until_decided_are_those_of_every_vote(texts):
    """measure_titles stops counting votes once the measures left cannot change the
    outcome; its titles are those of the vote over every measure."""
    from taizhang.parsing import titles as _titles

    folded = [fold(t) for t in texts]
    assert _titles.measure_titles(texts, folded) == _plain_measure_titles(texts, folded)


def _plain_ends_with(text, words, start=0, end=None):
    """targets._ends_with as it tested word by word."""
    end = len(text) if end is None else end
    return next((word for word in words if text.endswith(word, start, end)), None)


def _plain_starts_with(text, words, start=0):
    return next((word for word in words if text.startswith(word, start)), None)


_WORD_LISTS = (
    _targets._vocab()["targets"]["reach_before"],
    _targets._vocab()["targets"]["at_most_before"],
    _targets._vocab()["deadlines"]["not_after_year"],
    _targets._leading_words(True),
    ("达到", "达", "到"),
    ("到", "达到"),  # not longest first
)


@settings(max_examples=400, deadline=None)
@given(
    _pieces("达", "到", "达到", "提高", "到", "控制在", "以来", "来", "全州", "实现", "下", "县"),
    st.sampled_from(_WORD_LISTS),
    st.integers(0, 12),
    st.integers(0, 14),
)
def test_words_found_after_the_test_of_the_list_are_those_found_word_by_word(
    text, words, start, end
):
    """_ends_with and _starts_with find the first word by a loop after one test of the whole
    list in C (no generator), as the generator over every word found it."""
    assert _targets._ends_with(text, words, start, end) == _plain_ends_with(text, words, start, end)
    assert _targets._ends_with(text, words) == _plain_ends_with(text, words)
    assert _targets._starts_with(text, words, start) == _plain_starts_with(text, words, start)


def _plain_quote_start(folded, start, end, cue):
    """targets._quote_start as it tried every step at every character."""
    leading = _targets._leading_words(cue.object_counted)
    while start < end and folded[start] in " \u3000\t":
        start += 1  # (a paragraph's indentation: round 20)
    moved = True
    while moved and start < end:
        moved = False
        ordinal = _targets._ORDINAL.match(folded, start, end)
        if ordinal:
            start, moved = ordinal.end(), True
        deadline = _targets._year_pattern().match(folded, start, end)
        if deadline:
            start, moved = deadline.end(), True
        word = _plain_starts_with(folded, leading, start)
        if word:
            start, moved = start + len(word), True
        while start < end and folded[start] in ", ":
            start += 1
        if start < end and _targets._encloses(folded, start, end):
            start, moved = start + 1, True
    return min(start, end)


@settings(max_examples=400, deadline=None)
@given(
    _pieces(
        *("到", "2025", "年", "底前", "一是", "三", "全州", "实现", "力争", "建设", "新建"),
        *("“", "”", ",", " ", "县", "5", "个", "截至", "19"),
    ),
    st.integers(0, 6),
    st.booleans(),
)
def test_a_quote_starts_where_trying_every_step_at_every_character_started_it(text, start, counted):
    cue = _targets._REACH_OBJECT if counted else _targets._REACH
    for end in (len(text), max(start, len(text) - 3)):
        assert _targets._quote_start(text, start, end, cue) == _plain_quote_start(
            text, start, end, cue
        )


def _plain_is_past(sentence, has_deadline):
    """targets._is_past with its patterns searched whatever the sentence holds."""
    markers = _targets._past_pattern().finditer(sentence)
    if any(not _targets._aimed_ahead(sentence, found) for found in markers):
        return True  # (取得 after 确保 or 到20… sets a goal: round 10b, d89 and d91)
    if "同比" in sentence and _targets._measured_year_on_year(sentence):
        return True
    if has_deadline:
        return False
    found = _targets._compiled().compared.search(sentence)
    return found is not None and _targets._YEAR_NIAN.search(sentence[: found.start()]) is not None


@settings(max_examples=400, deadline=None)
@given(
    _pieces(
        *("已", "经", "完成", "以来", "取得", "累计", "以", "来", "较", "比", "上年", "同比"),
        *("2020", "年", "下降", "15%", "确保", "县"),
    ),
    st.booleans(),
)
def test_past_sentences_behind_their_character_tests_are_those_the_patterns_find(
    sentence, has_deadline
):
    assert _targets._is_past(sentence, has_deadline) == _plain_is_past(sentence, has_deadline)


def _plain_category(gaz, name: str) -> str | None:
    """Gazetteer.category as the loop over every category's searches read it."""
    cut = gaz.prefix_length(name)
    body = name[cut:]
    if cut and body.startswith(gaz.committee_word):
        return "party"
    for category in gaz.categories:
        table = gaz.data["category"].get(category.name, {})
        keywords = wildcard_alternation(table.get("keywords", []))
        suffixes = wildcard_alternation(table.get("suffixes", []), "(?:{})$")
        if (keywords and keywords.search(name)) or (suffixes and suffixes.search(name)):
            return category.name
        if category.bodies and category.bodies.matches(body):
            return category.name
    return None


_NAME_PIECES = (
    "州",
    "市",
    "县",
    "委",
    "法院",
    "司法局",
    "宣传部",
    "组织部",
    "团",
    "妇联",
    "公司",
    "局",
    "办公室",
    "依法治州办",
    "有关",
    "各",
    "科",
    "长",
    "州长",
    "月底",
    "人行",
    "铁路",
    "(",
    ")",
    "开发区",
    "x",
)


@settings(max_examples=400, deadline=None)
@given(_pieces(*_NAME_PIECES))
def test_a_name_unmarked_and_its_category_are_as_each_list_and_category_read_them(name):
    """Gazetteer.marked (the four lists' and the committee bodies' words as branches that
    each open with a literal) finds something wherever one of those lists matches the name
    or a body it ends with, and category() (the categories before the last asked by one
    search, the bodies skipped for a name unmarked) is the loop over every category."""
    gaz = load_gazetteer()
    unmarked = gaz.marked(name) is None
    if unmarked:
        assert not gaz.keeps_as_written(name) and not gaz.is_not_unit(name)
        assert not gaz.is_committee_body(name, after_party=False)
        assert not gaz.collective.search(name)
        for cut in range(len(name) + 1):
            assert not any(c.committee_bodies.matches(name[cut:]) for c in gaz.categories)
    plain = _plain_category(gaz, name)
    assert gaz.category(name) == plain
    if unmarked:
        assert gaz.category(name, unmarked=True) == plain


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["州长", "月底", "团?委", "*办", "科", "中国*", "有关", "??局", "*委?办", "?*长", "*"]
        ),
        max_size=5,
    ),
    st.lists(st.sampled_from(["局", "办公室", "长", "?委", "股", "??长", "*?局"]), max_size=4),
    _pieces("州", "长", "月底", "团", "委", "办", "科", "中国", "局", "公室", "股", "\n"),
)
def test_literal_first_branches_find_what_the_alternations_found(anywhere, at_end, text):
    fast = _patterns.literal_first(anywhere, at_end)
    plain = [wildcard_alternation(anywhere), wildcard_alternation(at_end, r"(?:{})\Z")]
    expected = any(pattern and pattern.search(text) for pattern in plain)
    assert (fast is not None and fast.search(text) is not None) == expected


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        " ", "\u3000", "与", "以及", "以", "及", "和", "等", "联合", "联", "合", "州", "局", "a"
    )
)
def test_joiners_are_found_as_the_class_and_trie_found_them(text):
    """items.joins (the blanks and each joiner's branch opening with a literal) matches
    where the blanks' class, then the joiners' trie, matched."""
    gaz = load_gazetteer()
    plain = re.compile(rf"[ \u3000]|{trie([*gaz.joiners, gaz.etc])}")
    assert [m.span() for m in _items.joins(gaz).finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


@settings(max_examples=300, deadline=None)
@given(_pieces("州", "局", "a", "1", " ", "(", "\u4e00", "\u9fff", "\u9fa5", "\u3400"))
def test_a_piece_is_a_name_as_the_han_search_read_it(text):
    """is_name answers a piece opening with a Han character without its search."""
    for start, end in itertools.combinations(range(len(text) + 1), 2):
        plain = end - start > _items._MAX_NAME or _items.HAN.search(text, start, end) is not None
        assert _items.is_name(text, start, end) == plain


@settings(max_examples=300, deadline=None)
@given(_pieces("-", "--", "—", "县", "a", "\n", " "))
@example("a-b-c--")
@example("--")
@example("-")
def test_two_dashes_found_from_single_dashes_are_those_in_finds(text):
    """_holds_two_dashes (each dash found by memchr, the next character tested) answers as
    ``"--" in text``, the scan for two characters it replaced (speed18)."""
    assert _at._holds_two_dashes(text) == ("--" in text)
    for start in range(len(text)):
        assert _at._holds_two_dashes(text[start:]) == ("--" in text[start:])


def test_two_dashes_in_the_corpus_documents_and_fixtures_are_found_as_in_finds_them():
    for name, text in _every_text():
        folded = fold(text)
        assert _at._holds_two_dashes(folded) == ("--" in folded), name


@settings(max_examples=300, deadline=None)
@given(_pieces("附", "件", "附件", "附附", "县", "\n", " "))
@example("附附件")
@example("件附")
def test_a_word_found_from_its_first_character_is_the_one_find_finds(text):
    """structure._find_word (its rare first character found by memchr, the rest tested
    there) answers as ``text.find(word, start)``, the scan for Han characters it replaced."""
    for start in range(len(text) + 2):
        for word in ("附件", "附", "件附", "附件附"):
            assert _structure._find_word(text, word, start) == text.find(word, start)


def test_annex_and_explanation_words_of_the_corpus_and_fixtures_are_found_as_find_finds_them():
    for name, text in _every_text():
        folded = fold(text)
        for word in ("附件", *vocabulary()["explanation_headings"]):
            assert _structure._find_word(folded, word) == folded.find(word), name


# The plain form of structure._annex_headings: the pattern opened on the line's start.
_ANNEX_HEADING_FROM_LINE_START = re.compile(
    r"^[ \t\u3000]*附件[ \u3000]*([1-9一二三四五六七八九])[ \u3000:]*$", re.MULTILINE
)


def _plain_annex_headings(folded: str) -> list[tuple[int, int, str]]:
    found = _ANNEX_HEADING_FROM_LINE_START.finditer(folded)
    return [(m.start(), m.end(), m.group(1)) for m in found]


@settings(max_examples=400, deadline=None)
@given(_pieces("附件", "附", "件", "1", "二", " ", "\u3000", "\t", ":", "\n", "县", "\n附件2"))
@example("附件1附件2\n  附件 三:\n附件 附件1")
def test_annex_headings_opened_on_their_literal_are_those_opened_on_the_line_start(text):
    """_annex_headings (附件 found by the engine's literal scan, the indentation before it
    tested at each hit) finds what the pattern opened on ^[ \\t\\u3000]* found (speed18)."""
    assert _structure._annex_headings(text) == _plain_annex_headings(text)


def test_annex_headings_of_the_corpus_documents_and_fixtures_are_those_of_the_line_pattern():
    for name, text in _every_text():
        folded = fold(text)
        assert _structure._annex_headings(folded) == _plain_annex_headings(folded), name


@given(
    st.lists(
        _pieces(
            "县",
            "局",
            " ",
            "\u3000",
            "\n",
            "\x00",
            "(",
            ")",
            "(fā)",
            "ｆ",
            "１",
            "\u2460",
            "e",
            "\u0301",
            "\u00e9",
            "\uff21",
            "\u1100",
            "\u1161",
            "\u3131",
            "。",
            "⁵",
        ),
        max_size=6,
    )
)
def test_measure_keys_normalise_each_text_as_asking_each_one_did(texts):
    """corrections._all_normalised reads the measures' texts in one pass: each text is
    normalised as ``normalised`` reads it alone, combining marks, jamo and NULs too."""
    expected = [_corrections.normalised(text) for text in texts]
    assert _corrections._all_normalised(texts, None) == expected
    assert _corrections._all_normalised(texts, [fold(t) for t in texts]) == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["县 司法局", "县司法局", "市", "(shì)市", "①开展", "Ａ级"]),
        max_size=8,
    )
)
def test_measure_keys_hashed_by_map_as_each_digest(texts):
    """assign_keys hashes the normalised texts by map in C (speed27): each key is the text's
    _digest, numbered by its occurrence, as measure_key names it."""
    plan = PlanDocument(
        tasks=[Measure(n, None, None, None, text, None) for n, text in enumerate(texts, 1)]
    )
    _corrections.assign_keys(plan)
    seen: Counter[str] = Counter()
    expected = []
    for text in texts:
        base = _corrections._digest(text)
        expected.append(_corrections.measure_key(text, seen[base]))
        seen[base] += 1
    assert [m.key for m in plan.tasks] == expected


def _gate_words() -> list[str]:
    """What the bracket gate looks for, as the gazetteer data lists it: the person and
    deadline fields, a line break and the words of the fields that are no unit."""
    gaz = load_gazetteer()
    phrases = gaz.data["phrases"]
    fields = [*phrases.get("person_fields", []), *phrases.get("deadline_fields", [])]
    return [*fields, "\n", *gaz.not_units.literal_words()]


def _gate_finds(text: str) -> bool:
    return any(word in text for word in _gate_words())


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("局", "长", "局长", "县", "市长", "牵头", "领导", "单位", "责任", "人", "联系"),
        *("办结", "时限", "整改", "完成", "年底", "主任", "\n", ":", "、", "司法局"),
    )
)
def test_the_bracket_gate_finds_something_where_a_word_of_it_stands(text):
    """speed23: Gazetteer.rare_or_not_unit opens each word on its least common character
    (局长 on 长, the lookbehind checking 局); it finds something exactly where one of the
    words stands."""
    assert (load_gazetteer().rare_or_not_unit(text) is not None) == _gate_finds(text)


def test_the_bracket_gate_finds_something_in_every_bracket_a_word_of_it_stands_in():
    gate = load_gazetteer().rare_or_not_unit
    for name, text in _every_text():
        folded = fold(text)
        for start, end in bracket_pairs(folded):
            inside = folded[start + 1 : end]
            assert (gate(inside) is not None) == _gate_finds(inside), name


@given(_pieces("\n", " ", "\u3000", "\t", "\r", "\x1c", "\x85", "\u2028", "县", "x", "\n \n"))
@example("")
@example(" \n ")
def test_printed_run_in_answers_as_the_stripped_copy_did(text):
    """(speed21) normalize.printed_run_in finds the first printed character and the line
    break after it where ``"\\n" not in text.strip()`` copied the text to ask."""
    assert printed_run_in(text) == ("\n" not in text.strip())


def _plain_attribution_scores(found, index):
    """structure._attribution_scores before speed21: two bisections of the attribution
    starts for each item, one at its start and one at its span's end."""
    starts, scores, carriers = index.starts(), {}, {}
    if not starts:
        return scores, carriers
    stops_of = {}
    for item in found:
        stops_of.setdefault(item.marker.kind, []).append(item)
    for kind in _structure._MEASURE_KINDS:
        items = stops_of.get(kind)
        if not items:
            continue
        outer = mk.ORDER[: mk.ORDER.index(kind) + 1]
        stops = sorted(f.start for k in outer for f in stops_of.get(k, ()))
        kept = []
        for item in items:
            after = bisect.bisect_right(stops, item.start)
            end = stops[after] if after < len(stops) else len(index.folded)
            held = bisect.bisect_left(starts, end) - bisect.bisect_left(starts, item.start)
            if held == 1 and not (
                kind == mk.SECTION and _structure._over_bullets(item, index.folded)
            ):
                kept.append(item)
        carriers[kind] = kept
        scores[kind] = len(kept) ** 2 / len(items)
    return scores, carriers


def test_attribution_scores_count_each_span_as_two_bisections_did():
    """(speed21) each kind's spans counted from one bisection per stop, as two per item did,
    on every plan the tests hold (with a duplicated item: equal stops)."""
    scores = _structure._attribution_scores
    asked = []

    def spy(found, index):
        asked.append((list(found), index))
        return scores(found, index)

    with patch.object(_structure, "_attribution_scores", spy):
        for _name, text in _every_text():
            parse_text(text)
    assert len(asked) > 100
    for found, index in asked:
        assert scores(found, index) == _plain_attribution_scores(found, index)
        twice = sorted([*found, *found[:3]], key=lambda f: f.start)
        assert scores(twice, index) == _plain_attribution_scores(twice, index)


def _skeleton_inputs(name: str) -> list[tuple]:
    """The arguments ``structure.<name>`` is called with while every plan the tests hold is
    parsed (its lists copied as they were then)."""
    step = getattr(_structure, name)
    asked = []

    def spy(*args):
        asked.append(tuple(list(arg) if isinstance(arg, list) else arg for arg in args))
        return step(*args)

    with patch.object(_structure, name, spy):
        for _name, text in _every_text():
            parse_text(text)
    assert len(asked) > 100
    return asked


def _plain_drop_chunk_markers(found, folded):
    """_drop_chunk_markers before speed25: every marker read, none passed over."""
    interrupted, total = Counter(), Counter()
    openers = None
    for i, item in enumerate(found):
        if item.marker.kind != mk.ARABIC or item.run_in or item.marker.style == " ":
            continue
        total[item.marker.style] += 1
        if _structure._numbers_nothing(found, i, folded):
            interrupted[item.marker.style] += 1
            continue
        if _structure._ends_sentence(folded, item.start):
            continue
        if openers is None:
            openers = _structure._line_openers(found)
        if not _structure._after_heading(openers, item, folded):
            interrupted[item.marker.style] += 1
    chunks = {style for style, n in interrupted.items() if n >= 2 and n * 2 >= total[style]}
    if not chunks:
        return found
    return [f for f in found if not (f.marker.kind == mk.ARABIC and f.marker.style in chunks)]


def test_chunk_markers_are_dropped_as_reading_every_marker_dropped_them():
    """(speed25) a style decided once more than half its markers number something drops
    what reading every marker dropped, on every plan the tests hold."""
    for found, folded in _skeleton_inputs("_drop_chunk_markers"):
        assert _structure._drop_chunk_markers(found, folded) == _plain_drop_chunk_markers(
            found, folded
        )


def test_items_all_at_line_starts_are_kept_as_the_sequence_reading_keeps_them():
    """(speed25) with no run-in item and no garbled number, _in_sequence keeps what its
    reading in order (_numbered_on) keeps, on every plan the tests hold."""
    fast = 0
    for found, folded in _skeleton_inputs("_in_sequence"):
        if any(f.run_in for f in found) or not all(f.marker.number for f in found):
            continue
        fast += 1
        ordered = sorted(found, key=lambda f: f.start)
        kept = _structure._in_sequence(found, folded)
        assert [id(f) for f in kept] == [
            id(f) for f in _structure._numbered_on(ordered, folded, False)
        ]
    assert fast > 100


def test_a_plan_all_of_whose_measures_carry_units_loses_no_provision():
    """(speed25) where every measure carries units, reading the runs changes nothing, which
    _drop_provision_chapters no longer reads; on every plan the tests hold."""
    every = 0
    for (skeleton,) in _skeleton_inputs("_drop_provision_chapters"):
        if not skeleton.measures or not all(m.attribution_raw for m in skeleton.measures):
            continue
        every += 1
        copy = dataclasses.replace(skeleton, measures=list(skeleton.measures), diagnostics=[])
        _structure._drop_provisions(copy)
        assert copy.measures == skeleton.measures
        assert copy.diagnostics == []
        assert copy.goal_texts == skeleton.goal_texts
    assert every > 100


def _plain_line_start_candidates(folded: str) -> list:
    """_candidates' markers at line starts before speed25: the child and the bare number
    asked of _child_hit and _after_bare_number for every marker."""
    found = []
    number, counted = 1, 0
    for pos, marker in _structure._line_markers(folded):
        number, counted = number + folded.count("\n", counted, pos), pos
        end = folded.find("\n", pos)
        end = len(folded) if end < 0 else end
        leading = None
        if marker is None:
            marker = mk.match_garbled(folded, pos)
        if marker is None:
            marker, leading = _structure._after_leading_attribution(folded, pos, end)
        if marker is None:
            marker = _structure._outline_top(folded, pos, end)
        elif marker.kind in _structure._OUTLINE_KINDS and _structure._is_quantity(folded, pos, end):
            continue
        if marker:
            found.append(_structure.Found(marker, pos, number, "", 0, leading))
            reach = min(end, marker.end + _structure._MAX_HEADING)
            if marker.kind in _structure._GLUED_PARENTS and (
                marker.kind == mk.CHAPTER
                or _structure._child_hit(folded, marker.kind, marker.end + 2, reach)
            ):
                found.extend(_structure._glued_children(folded, marker, end, number))
            if marker.kind == mk.ARABIC:
                found.extend(_structure._after_bare_number(folded, marker, end, number, ""))
    return found


def test_line_start_candidates_are_those_the_gates_by_call_found():
    """(speed25) _candidates asks the child's and the bare number's gates in its loop; the
    markers at line starts are those the calls found, on every plan the tests hold, printed
    and hard-wrapped."""
    for _name, text in _every_text():
        for copy in (text, variants.hard_wrapped(text)):
            folded = fold(copy)
            plain = _plain_line_start_candidates(folded)
            found = _structure._candidates(folded, False)
            assert found[: len(plain)] == plain


@settings(max_examples=200, deadline=None)
@given(_pieces(*vocabulary()["content_labels"], "任", "工", "务", "内容", ":", "县", "\n"))
def test_a_content_label_is_looked_for_behind_its_first_character_where_it_was_found(text):
    """(speed25) the first-character gate of the content labels lets through every place
    one of them opens."""
    words = tuple(vocabulary()["content_labels"])
    for at in range(len(text) + 1):
        gated = text[at : at + 1] in _structure._CONTENT_LABEL_FIRSTS
        assert (gated and text.startswith(words, at)) == text.startswith(words, at)


def test_each_numeral_looked_up_has_the_number_int_or_the_numeral_reading_gives():
    """(speed25) the table of numerals markers.line_markers and match_marker look up first
    gives what int() or _other_number gave for each of its numerals."""
    for raw, number in mk._NUMBER_OF.items():
        assert number
        assert number == (int(raw) if raw.isdecimal() else mk._other_number(raw))


def _line_spans(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    lines = _structure._paragraphs(folded, start, end)
    return [(o, o + len(folded[o:e].rstrip())) for o, e in lines]


def _assert_nothing_found_before_the_quiet_end(folded: str, index) -> int:
    """Over windows of five lines: find finds nothing in a line that ends by the offset
    quiet_until gives for the window, nor in the window when that is its end; the number
    of lines passed over so."""
    starts = [0, *(i + 1 for i, char in enumerate(folded) if char == "\n")]
    quiet_lines = 0
    for first in range(len(starts)):
        start = starts[first]
        end = starts[first + 5] - 1 if first + 5 < len(starts) else len(folded)
        quiet = index.quiet_until(start, end)
        assert start <= quiet <= end
        if quiet == end:
            assert index.find(start, end) is None
        for o, e in _line_spans(folded, start, end):
            if o < e <= quiet:
                quiet_lines += 1
                assert index.find(o, e) is None
    return quiet_lines


def _over_every_index(check) -> int:
    """``check(folded, index)`` on every plan the tests hold, its counts summed."""
    folded_texts = (fold(text) for _name, text in _every_text())
    return sum(check(folded, _at.AttributionIndex(folded)) for folded in folded_texts)


def test_a_line_before_where_the_index_may_find_something_has_no_attribution():
    """(speed25) _unnumbered_measures asks quiet_until of a heading's paragraphs at once and
    reads no line that ends before it: find finds nothing in those, on every plan the tests
    hold."""
    assert _over_every_index(_assert_nothing_found_before_the_quiet_end) > 1000


@settings(max_examples=200, deadline=None)
@given(_pieces("(", ")", "【", "】", "--", "牵头", "单位", ":", "负责", "县司法局", "。", "\n"))
def test_generated_lines_before_where_the_index_may_find_something_have_no_attribution(text):
    folded = fold(text)
    _assert_nothing_found_before_the_quiet_end(folded, _at.AttributionIndex(folded))


def test_a_measure_made_by_position_holds_what_its_keywords_would_give():
    """(speed24) pipeline._measure gives Measure its fields by position: each lands in the
    field of its name, as keywords would put it."""
    from taizhang.parsing import pipeline as _pipeline
    from taizhang.parsing.model import Attribution
    from taizhang.parsing.structure import RawMeasure

    raw = RawMeasure(3, "二、", "(一)", "建设基地2个以上。", "县司法局", 7, deadline="2025年底前")
    units = Attribution(["县司法局"], ["县财政局"], ["各乡镇"])
    (measure,), folded = _pipeline._measures([raw], [units], ["标题"], {})
    assert folded == [raw.text]
    assert (measure.no, measure.chapter, measure.section, measure.title) == (
        3,
        "二、",
        "(一)",
        "标题",
    )
    assert (measure.text, measure.attribution_raw) == ("建设基地2个以上。", "县司法局")
    assert (measure.lead, measure.responsible, measure.collectives) == (
        ["县司法局"],
        ["县财政局"],
        ["各乡镇"],
    )
    assert [t.quote for t in measure.targets] == ["基地2个以上"]
    assert (measure.recurring, measure.deadline, measure.line) == ([], "2025年底前", 7)
    assert measure.key is None


def test_the_analysis_finds_what_each_finder_finds_with_its_own_context():
    """(speed24) analyse makes its context's recurring markers and year deadlines at once,
    where the first finder to ask made them: every line of every plan the tests hold gives
    the targets, recurring duties and deadline each finder gives alone."""
    lines = {line for _name, text in _every_text() for line in text.split("\n") if line.strip()}
    assert len(lines) > 5_000
    for line in lines:
        found = _targets.analyse(line)
        assert found.targets == _targets.find_targets(line)
        assert found.recurring == _targets.find_recurring(line)
        assert found.deadline == _targets.find_deadline(line)


def test_the_records_made_by_position_keep_the_field_order_they_are_made_in():
    """(speed24) Measure (pipeline._measure), Target (targets.find_targets) and Name
    (names.read_name) are made by position, where keywords cost a dict per call: their
    fields stay in the order those calls give them."""
    from dataclasses import fields

    from taizhang.parsing.model import Measure, Target
    from taizhang.parsing.units.names import Name

    def order(cls):
        return [f.name for f in fields(cls)]

    assert order(Measure)[:13] == [
        *("no", "chapter", "section", "title", "text", "attribution_raw"),
        *("lead", "responsible", "collectives", "targets", "recurring", "deadline", "line"),
    ]
    assert order(Target) == ["quote", "value", "unit", "comparator", "year", "per"]
    assert order(Name) == [
        *("kind", "printed", "category", "prefix_length", "committee_body"),
        *("committee_body_after_party", "unsplit", "level", "prefix"),
    ]


def test_a_text_without_the_box_word_has_no_box_lines():
    """(speed24) _without_box_items no longer asks whether 专栏 is in the text before the box
    pattern's own scan: every box heading word holds 栏, and a text holding none of them
    has no box lines (every plan the tests hold, and each with its box words cut out)."""
    from taizhang.parsing import pipeline as _pipeline

    words = vocabulary()["box_headings"]
    assert all("栏" in word for word in words)
    for _name, text in _every_text():
        folded = fold(text)
        for word in words:
            folded = folded.replace(word, word[:-1])
        assert _pipeline.box_lines(folded) == []


def _plain_colon_lines(folded: str) -> set[int]:
    """pipeline._colon_lines as str.find found each colon before a line break."""
    found, line, counted = set(), 1, 0
    at = folded.find(":\n")
    while at >= 0:
        line += folded.count("\n", counted, at)
        counted = at
        found.add(line)
        at = folded.find(":\n", at + 2)
    return found


@settings(max_examples=300, deadline=None)
@given(_pieces(":", "\n", ":\n", "县", " ", "::\n\n"))
@example("")
def test_lines_ending_with_a_colon_are_those_str_find_found(text):
    """(speed24) the colon lines, found from each line break by a lookbehind, are those a
    two-character str.find found (generated text, and every plan the tests hold)."""
    from taizhang.parsing import pipeline as _pipeline

    assert _pipeline._colon_lines(text) == _plain_colon_lines(text)
    if text == "":
        for _name, plan in _every_text():
            folded = fold(plan)
            assert _pipeline._colon_lines(folded) == _plain_colon_lines(folded)


def _assert_plain_brackets_are_what_find_finds(folded: str, index) -> int:
    """Over parts from each line start (and each bracket's opening) to the next one to four
    line ends: where find with ``pair`` answers with a pair, find answers with that
    bracket's Located, and elsewhere with what it answers with ``pair``; the number of parts
    answered with a pair."""
    ends = [*(i for i, char in enumerate(folded) if char == "\n"), len(folded)]
    starts = sorted({0, *(end + 1 for end in ends[:-1]), *(o + 1 for o, _ in index.brackets)})
    answered = 0
    for start in starts:
        first = bisect.bisect_left(ends, start)
        for end in ends[first : first + 4]:
            found = index.find(start, end, True)
            if found.__class__ is tuple:
                answered += 1
                open_at, close_at = found
                assert index.find(start, end) == _at.Located(
                    open_at - start, open_at - start + 1, close_at - start
                )
            else:
                assert index.find(start, end) == found
    return answered


def test_a_plain_bracket_is_the_bracket_find_answers_with():
    """(speed28) structure._measure asks find for the pair of a plain bracket: where it
    answers with one, find without ``pair`` gives that bracket's Located, on every plan the
    tests hold."""
    assert _over_every_index(_assert_plain_brackets_are_what_find_finds) > 5000


@settings(max_examples=200, deadline=None)
@given(_pieces("(", ")", "【", "】", "--", "-", "牵头单位", ":", "负责", "县司法局", "。", "\n"))
def test_generated_plain_brackets_are_the_brackets_find_answers_with(text):
    folded = fold(text)
    _assert_plain_brackets_are_what_find_finds(folded, _at.AttributionIndex(folded))


def test_measures_read_by_the_plain_bracket_are_those_read_in_full():
    """(speed28) _measure reads a measure closed by a plain bracket at the pair find answers
    with: the skeleton of every plan the tests hold is the same when find answers every
    measure with a Located, read in full."""
    located_only = _at.AttributionIndex.find

    def find(self, start, end, pair=False):
        return located_only(self, start, end)

    differing = []
    for name, text in _every_text():
        folded = fold(text)
        quick = _structure.parse_skeleton(text, folded)
        with patch.object(_at.AttributionIndex, "find", find):
            full = _structure.parse_skeleton(text, folded)
        if [m.__dict__ for m in quick.measures] != [m.__dict__ for m in full.measures]:
            differing.append(name)
    assert differing == []
