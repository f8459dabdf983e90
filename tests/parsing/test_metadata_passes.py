"""The metadata rules written for speed read exactly what their plain forms read.

Each quick form (lines kept as lists and made on demand, places found from one character,
patterns tried only where what they match can stand) is compared with the plain one it
replaced on generated text made of the characters and words that matter to it.
"""

from __future__ import annotations

import dataclasses
import re
from unittest.mock import patch

from hypothesis import example, given, settings
from hypothesis import strategies as st

from taizhang.parsing.metadata import basis as _basis
from taizhang.parsing.metadata import issuer as _issuer
from taizhang.parsing.metadata import parents as _parents
from taizhang.parsing.metadata import text as _text
from taizhang.parsing.metadata import title as _title
from taizhang.parsing.metadata.text import (
    CHAPTER_HEADING,
    Line,
    View,
    compact,
    front_lines,
    split_lines,
    word_ends,
    word_starts,
)
from taizhang.parsing.metadata.vocabulary import vocabulary


def _pieces(*pieces: str, size: int = 60) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=size).map("".join)


def _plain_split_lines(view: View) -> list[Line]:
    """A Line for each line, one at a time (bullets inside a line part it)."""
    lines: list[Line] = []
    offset = 0
    raws = view.text.split("\n")
    first_pieces = 0  # the lines of the first raw line
    for number, raw in enumerate(raws):
        if "•" in raw.lstrip(_text._LINE_LEAD):
            at = offset
            for piece in raw.split("•"):
                lead = len(piece) - len(piece.lstrip(_text._LINE_LEAD))
                content = piece[lead:].rstrip(_text._LINE_TAIL)
                if content:
                    lines.append(Line(at + lead, at + lead + len(content), content))
                at += len(piece) + 1
        else:
            kept = raw.lstrip(_text._LINE_LEAD)
            start = offset + len(raw) - len(kept)
            content = kept.rstrip(_text._LINE_TAIL)
            lines.append(Line(start, start + len(content), content))
        offset += len(raw) + 1
        first_pieces = len(lines) if number == 0 else first_pieces
    # (one raw line, or one and an empty one: its last piece holds what a signature ends)
    second = raws[-1].lstrip(_text._LINE_LEAD).rstrip(_text._LINE_TAIL)
    one_line = len(raws) == 1 or (len(raws) == 2 and not second)
    if one_line and first_pieces:
        last = first_pieces - 1
        lines[last : last + 1] = _text._signature_run_in(lines[last])
    return lines


_LINE_PIECES = (
    *("\n", "\n\n", "•", " ", "\u3000", "-", "|", "·", "\t"),
    *("某县人民政府", "2024年3月5日", "。", "方案", "一、", "(一)", "号", "日", "7"),
)


@settings(max_examples=300, deadline=None)
@given(_pieces(*_LINE_PIECES))
@example("• 成文日期:• 2022-09-21•")
@example("严肃问责。某市安全生产委员会办公室2024年2月26日")
@example("• 发文机关:某县水利局• 所属单位:某县水利局认真实施。某县水利局2025年3月12日某县方案")
@example("• •\n•")
@example("a。某县水利局2025年3月12日\n|•")
def test_lines_are_split_as_one_line_at_a_time_split_them(text):
    view = View.of(text)
    lines = split_lines(view)
    plain = _plain_split_lines(view)
    assert list(lines) == plain
    assert [lines[i] for i in range(len(lines))] == plain
    assert lines.ending_like_a_date() == [
        i for i, line in enumerate(plain) if line.text.endswith("日") or line.text[-1:].isdigit()
    ]
    for char in ("号", "日", "•", "-"):
        assert lines.holding(char, view.text) == [
            i for i, line in enumerate(plain) if char in line.text
        ]
    first = next((i for i, line in enumerate(plain) if CHAPTER_HEADING.match(line.text)), None)
    assert front_lines(lines) == plain[:first]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_pieces("发", "文", "单位", "日期", "时", "间", size=4), min_size=1, max_size=4),
    _pieces("发", "文", "单位", "日期", "时", "间", "期", " ", "\n", size=40),
)
def test_words_are_found_wherever_they_are_printed(words, text):
    words = tuple(word for word in words if word) or ("发文",)
    starts, ends = set(word_starts(text, words)), set(word_ends(text, words))
    for word in words:
        for at in (m.start() for m in re.finditer(f"(?={re.escape(word)})", text)):
            assert at in starts
            assert at + len(word) - 1 in ends


def _plain_catalogue_issuer(view: View, lines) -> str | None:
    field = _issuer._patterns().catalogue_field
    for line in list(lines)[:60]:
        m = field.search(view.text, line.start, line.end)
        if m and _issuer.names_bodies(m.group(1)):
            return view.original(m.start(1), m.end(1))
    return None


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("发文单位", "发文机关", "制发机构", "发文", "发", ":", "|", " "),
        *("某县人民政府", "某市教育局", "\n", "\n\n", "•"),
        size=80,
    )
)
@example("发文单位: 某县人民政府")
def test_a_catalogue_field_is_found_as_trying_every_line_found_it(text):
    view = View.of(text)
    lines = split_lines(view)
    assert _issuer._catalogue_issuer(view, lines) == _plain_catalogue_issuer(view, lines)


def _plain_news_lead(view: View, front: list[Line]) -> str | None:
    patterns = _issuer._patterns()
    for line in front:
        for m in patterns.news_lead.finditer(view.text, line.start, line.end):
            name = patterns.lead_time_word.sub("", m.group(1))
            if _issuer.names_bodies(name):
                return view.original(m.end(1) - len(name), m.end(1))
    return None


@settings(max_examples=200, deadline=None)
@given(
    _pieces(
        *("近日,", "市委、市政府", "某市人民政府", "印发了", "联合印发了", "印发", "了"),
        *("《", "》", "某市实施方案", "\n", " "),
    )
)
@example("近日,市委、市政府印发了《某市实施方案》")
def test_a_news_lead_is_found_as_trying_every_line_found_it(text):
    view = View.of(text)
    front = list(split_lines(view))
    assert _issuer.news_lead_issuer(view, front) == _plain_news_lead(view, front)


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("《", "》", "(", ")", "以下简称", "简称", "以下统称", "称", " ", "\n"),
        *("法治社会建设实施纲要", "纲要", "《纲要》", "规划"),
    )
)
@example("《某纲要》(以下简称《纲要》)")
@example("以下简称《纲要》(以下简称《纲要》")  # a cue before any 《
@example("《某纲要》   (简称《纲要》)《某规划》(统称《规划》)")
def test_aliases_are_found_as_the_pattern_over_the_whole_text_found_them(text):
    plain = {
        compact(m.group(2)): (m.start(1), m.end(1))
        for m in _parents._alias_pattern().finditer(text)
    }
    assert _parents._aliases(text) == plain


def _plain_basis_refs(preamble: str) -> list[_basis.Ref]:
    """Every sentence read, titles blanked one character at a time, every unmarked clause
    cut into pieces."""
    past_cues = tuple(vocabulary()["parents"]["past_cues"])
    spans, start = [], 0
    for m in re.finditer(r"[。\n]", preamble):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(preamble)))
    refs: list[_basis.Ref] = []
    for start, end in ((s, e) for s, e in spans if e > s):
        if preamble[start:end].lstrip(_basis._INDENT).startswith(past_cues):
            continue
        marked = _basis._marked_titles(preamble, start, end)
        if marked:
            chars = list(preamble[start:end])
            for ref in marked:
                for k in range(ref.start - start, ref.end - start):
                    chars[k] = _basis._BLANKED
            outside = "".join(chars)
            refs += [ref for ref in marked if _basis._is_governed(outside, start, ref)]
        else:
            refs += _plain_unmarked_titles(preamble, start, end)
    return refs


def _plain_unmarked_titles(text: str, start: int, end: int) -> list[_basis.Ref]:
    patterns = _basis._patterns()
    refs = []
    for verb in patterns.plain_verb.finditer(text[start:end]):
        clause_start = start + verb.end()
        stop = patterns.plain_clause_end.search(text[clause_start:end])
        clause_end = min(
            clause_start + stop.start() if stop else end, clause_start + _basis._MAX_CLAUSE
        )
        clause = text[clause_start:clause_end]
        notices = list(patterns.plain_notice.finditer(clause))
        refs += [_basis.Ref(clause_start + m.start(1), clause_start + m.end(1)) for m in notices]
        blanked = patterns.plain_notice.sub(lambda m: _basis._BLANKED * len(m.group()), clause)
        for piece in patterns.plain_piece.finditer(blanked):
            ref = _basis._period_title(
                text, clause_start + piece.start(), clause_start + piece.end()
            )
            if ref:
                refs.append(ref)
    return refs


@settings(max_examples=300, deadline=None)
@given(
    _pieces(
        *("《", "》", "〈", "〉", "(", ")", "。", "\n", "、", "和", " "),
        *("根据", "贯彻落实", "按照", "结合", "制定", "确立的", "近年来", "以下简称"),
        *("关于印发", "的通知", "某纲要", "方案", "(2021-2025年)", "中共中央"),
    )
)
@example("根据关于印发某方案的通知和某纲要(2021-2025年),制定本方案。")
@example("为贯彻《某纲要》和《某方案》确立的目标,结合实际")
def test_basis_titles_are_found_as_reading_every_sentence_found_them(preamble):
    assert _basis.basis_refs(preamble) == _plain_basis_refs(preamble)


_TITLE_PIECES = (
    *("某县", "2024年", "实施方案", "工作要点", "重点工作", "方案", "要点", "《", "》"),
    *("关于印发", "的通知", "现将", "印发给你们", "附件", ":", "为", "。", ","),
    *("(2024年)", "(2021-2025年)", "一、", " ", "\n", "\n\n", "出台"),
)


@settings(max_examples=300, deadline=None)
@given(_pieces(*_TITLE_PIECES))
@example("某县关于印发《某县实施方案》的通知\n\n某县实施方案\n\n为深入贯彻。\n一、总体要求")
@example("附件\n某县\n2024年\n工作要点\n一、")
def test_a_title_is_found_as_reading_every_front_line_found_it(text):
    view = View.of(text)
    front = front_lines(split_lines(view))
    quick = _title.find_title(view, front)
    # A kind that matches everywhere: every line holds one, every line may open a heading.
    everywhere = dataclasses.replace(_title._patterns(), kind=re.compile(""))
    with patch.object(_title, "_patterns", lambda: everywhere):
        assert _title.find_title(view, front) == quick
