"""The skeleton's passes written for speed (round 5) read what their plain forms read.

Each fast form is compared with the plain one it replaced on generated text made of the
characters that matter to it (as tests/parsing/test_passes.py does for the earlier rounds).
"""

from __future__ import annotations

import dataclasses
import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from taizhang.parsing import markers as mk
from taizhang.parsing import normalize as _normalize
from taizhang.parsing import structure as _structure
from taizhang.parsing.normalize import fold
from taizhang.parsing.structure import RawMeasure

# The run-in markers as one pattern, every sentence end a set: what markers.run_in_positions
# finds one sentence end at a time (with the blanks alone before the marker: its lookaheads
# of a first character and of a numeral after a bracket, speed20, only gate the marker).
RUN_IN_ONE_PATTERN = re.compile(
    rf"[{re.escape(mk._SENTENCE_ENDS)}][ \t\u3000]*(?={mk._RUN_IN_MARKER})"
)


def _pieces(*pieces: str, size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


@settings(max_examples=400, deadline=None)
@given(
    _pieces(
        *mk._SENTENCE_ENDS,
        " ",
        "\u3000",
        "\t",
        "(",
        "一",
        "十",
        "1",
        "23",
        "、",
        "是",
        "第",
        "条",
        "部分",
        "任务",
        "\ufffd",
        "-",
        "①",
        "县",
        "\n",
        "\u0663",
        "〔",
        "〕",
        "【",
        "】",
        ")",
        "牵头",
    )
)
@example("。1.开展")
@example("。 。(一)")
@example("。〔牵头单位：县民政局〕。〔1〕开展。【 2】")
@example("。( 一)。(牵头)")
def test_run_in_markers_found_one_sentence_end_at_a_time_are_those_of_the_one_pattern(text):
    plain = [hit.end() for hit in RUN_IN_ONE_PATTERN.finditer(text) if hit.end() < len(text)]
    assert mk.run_in_positions(text) == plain


def _plain_combined(patterns) -> re.Pattern[str]:
    """The alternation as it was: each pattern whole inside its group m<index>."""
    parts = []
    for index, (_kind, pattern) in enumerate(patterns):
        groups = iter((f"(?P<n{index}>", f"(?P<s{index}>"))
        source = re.sub(r"(?<!\\)\((?!\?)", lambda _, groups=groups: next(groups), pattern.pattern)
        parts.append(f"(?P<m{index}>{source})")
    return re.compile("|".join(parts))


_PLAIN_ALL = _plain_combined(mk._PATTERNS)
_PLAIN_INLINE = _plain_combined(mk._NO_OUTLINES)
_READ_GROUPS = [name for name in _PLAIN_ALL.groupindex if name[0] in "ns"]
_INLINE_GROUPS = [name for name in _PLAIN_INLINE.groupindex if name[0] in "ns"]


def test_the_opening_literals_stand_before_the_groups_and_the_branches_by_first_character():
    assert set(mk._ALL.groupindex) == set(_PLAIN_ALL.groupindex)
    assert set(mk._INLINE.groupindex) == set(_PLAIN_INLINE.groupindex)
    assert mk._ALL.pattern.startswith("第(?P<m0>")
    assert "任务(?P<m3>" in mk._ALL.pattern
    assert r"\((?P<m10>\s*" in mk._ALL.pattern
    assert r"(?=\d)(?:(?P<m5>" in mk._ALL.pattern
    # no character opens patterns of two of the branches (their order would then matter)
    assert not any(c.isdecimal() for c in mk.CHINESE_DIGITS + mk.CIRCLED_DIGITS + "第任(-")


def _plain_match_marker(text: str, patterns) -> mk.Marker | None:
    """match_marker as it reads: the first pattern, in order, that matches with a number."""
    for kind, pattern in patterns:
        found = pattern.match(text)
        if found:
            style = found.group(2) if kind == mk.ARABIC else ""
            marker = mk._marker(kind, found.group(1), found.end(), style)
            if marker is not None:
                return marker
    return None


def _arabic_last(patterns):
    """The patterns in their order before the 1. pattern came first of the digit ones."""
    return [p for p in patterns if p[0] != mk.ARABIC] + [p for p in patterns if p[0] == mk.ARABIC]


@settings(max_examples=400, deadline=None)
@given(_pieces("1", "12", "123", "0", ".", "、", ")", "(", " ", "%", "\u0663", "县", "\n", size=8))
@example("1.1 县")
@example("1.2.3县")
@example("0.1 县")
@example("12)县")
@example("1 .县")
def test_the_1_pattern_first_of_the_digit_ones_reads_what_it_read_last(text):
    """No text matches two of the patterns that open with a digit at one place (an outline
    has a digit after its dot, 1) its bracket), so reading 1. first changes no marker."""
    assert mk.match_marker(text) == _plain_match_marker(text, _arabic_last(mk._PATTERNS))
    assert mk.match_marker(text, outlines=False) == _plain_match_marker(
        text, _arabic_last(mk._NO_OUTLINES)
    )


@settings(max_examples=400, deadline=None)
@given(
    _pieces(
        "第",
        "一",
        "十",
        "零",
        "部分",
        "章",
        "节",
        "条",
        "任务",
        ":",
        "1",
        "12",
        "0",
        ".",
        "、",
        "(",
        ")",
        " ",
        "-",
        "①",
        "是",
        "%",
        "县",
        "\n",
        "\u0663",
        size=10,
    )
)
@example("第零条")
@example("(十二)")
@example("任务3:")
def test_a_marker_is_read_as_the_alternation_of_whole_patterns_in_order_read_it(text):
    for plain_pattern, fast_pattern, read in (
        (_PLAIN_ALL, mk._ALL, _READ_GROUPS),
        (_PLAIN_INLINE, mk._INLINE, _INLINE_GROUPS),
    ):
        plain, fast = plain_pattern.match(text), fast_pattern.match(text)
        assert (plain is None) == (fast is None)
        if plain is not None:
            assert fast.lastgroup == plain.lastgroup
            assert fast.end(fast.lastindex) == plain.end(plain.lastindex) == fast.end()
            assert fast.group(*read) == plain.group(*read)


def test_a_numbered_measure_has_the_fields_the_dataclass_gives_it():
    """_numbered sets the dict of a RawMeasure itself: every field, as __init__ sets it."""
    marker = mk.Marker(mk.ARABIC, 3, 2, "3", ".")
    item = _structure.Found(marker, 0, 7)
    measure = _structure._numbered(item, "一", "(二)", "推进", "县司法局", "3.推进", 2, True)
    expected = RawMeasure(
        no=3,
        chapter="一",
        section="(二)",
        text="推进",
        attribution_raw="县司法局",
        line=7,
        own_line=True,
    )
    assert measure == expected
    assert set(vars(measure)) == {f.name for f in dataclasses.fields(RawMeasure)} | {"_folded"}
    assert measure.folded == "推进"
    measure.text = "推进工作"  # a changed text is folded again
    assert measure.folded == "推进工作"


@settings(max_examples=400, deadline=None)
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
        "。",
        "县",
        "\u0663",
        "①",
        "是",
        "部分",
        size=40,
    ),
    st.sampled_from([mk.CHAPTER, mk.SECTION, mk.ARABIC]),
)
@example("一、加强领导(一)健全制度1.建立", mk.CHAPTER)
@example("1.推进2.开展", mk.ARABIC)
@example("1.推进1)开展", mk.ARABIC)
def test_glued_children_are_found_as_without_the_quick_test_before_the_search(text, kind):
    """_child_hit passes over a reach only where _CHILD finds no child for the item's kind:
    the glued children read are those the plain search gives."""
    marker = mk.match_marker(text, 0, outlines=False)
    if marker is None or marker.kind != kind:
        marker = mk.Marker(kind, 1, 0, "1", ".")
    end = len(text)

    def plain(folded, _kind, start, stop):
        return _structure._CHILD.search(folded, start, stop)

    fast = _structure._glued_children(text, marker, end, 1)
    with patch.object(_structure, "_child_hit", plain):
        slow = _structure._glued_children(text, marker, end, 1)
    assert [(f.start, f.marker) for f in fast] == [(f.start, f.marker) for f in slow]
    reach = min(end, marker.end + _structure._MAX_HEADING)
    hit = _structure._child_hit(text, kind, marker.end + 2, reach)
    searched = _structure._CHILD.search(text, marker.end + 2, reach)
    assert hit is None or (searched is not None and hit.span() == searched.span())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "é", "中", "\uffff", "\ud800", "\U00010000"])))
def test_a_text_beyond_the_basic_plane_is_told_by_its_size_as_by_encoding_it(text):
    assert _normalize._SIZE_TELLS  # (CPython: else the encoding answers)
    for part in (text, text[1:], text[:-1], text.replace("\U00010000", "b")):
        assert _normalize._beyond_basic(part) == _normalize._beyond_basic_by_encoding(part)
        assert fold(part) == "".join(_normalize._table().get(ord(c), c) for c in part)


@settings(max_examples=300, deadline=None)
@given(_pieces(*mk.CHINESE_DIGITS, "两", "1", "", size=4))
def test_a_numeral_is_read_as_character_by_character(text):
    assert mk.chinese_number(text) == mk._read_chinese_number(text)
    assert len(mk._SHORT_NUMERALS) == 13 + 13 * 13
