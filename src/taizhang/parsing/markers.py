"""Numbering markers of the genre: 一、 (一) 1. (1) 第一条, recognised on folded text.

A marker is recognised at the start of a line, or inside a run-in line right after the end
of a sentence (documents copied from document-sharing sites lose their line breaks).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

CHINESE_DIGITS = "〇零一二三四五六七八九十百"

# Kinds, outermost first. The measure level is decided per document (structure.py).
CHAPTER = "chapter"  # 一、  一.  第一部分  第一章
SECTION = "section"  # (一)  （一）  第一节
ARABIC = "arabic"  # 1.  1、  1．
OUTLINE2 = "outline2"  # 2.1  (decimal outlines)
OUTLINE3 = "outline3"  # 2.1.1
PAREN_ARABIC = "paren_arabic"  # (1)  （1）  1)
CIRCLED = "circled"  # ① ② … ⑳
LETTER = "letter"  # A. B. (Ａ．Ｂ． folded)
ARTICLE = "article"  # 第一条
ORDINAL = "ordinal"  # 一是 … 二是 …: items enumerated inside a paragraph

# Kinds, outermost first.
ORDER = [
    CHAPTER,
    SECTION,
    ARABIC,
    OUTLINE2,
    OUTLINE3,
    PAREN_ARABIC,
    CIRCLED,
    LETTER,
    ARTICLE,
    ORDINAL,
]

# Circled numbers ①–⑳ (U+2460–U+2473), their own kind: they number the measures of a
# section (tests/parsing/documents d27) or the sub-points inside a measure (fixture
# styles/nongye_circled.txt), never one list with 1. items. "1)" is a (1) printed with its
# closing bracket only (d29, and fixture styles/weijian_halfparen.txt).
CIRCLED_DIGITS = "".join(chr(c) for c in range(0x2460, 0x2474))
# Parenthesised numbers ⑴–⒇ (U+2474–U+2487): a (1) set as one character, the same kind
# (round 24: the measures under （一） of tests/parsing/documents d325, fixture
# styles/kuohao_shuzi.txt).
PAREN_DIGITS = "".join(chr(c) for c in range(0x2474, 0x2488))

_PATTERNS = [
    # (第一、总体目标 over 第二、年度任务: a chapter numbered with 第 and a 、, as 一、 is, where
    # "安全第一、预防为主" runs on in a sentence, never at a line's start: round 20,
    # tests/parsing/documents d262, fixture styles/diyi_dunhao.txt)
    (
        CHAPTER,
        re.compile(rf"第([{CHINESE_DIGITS}]{{1,4}})(?:部分|章|、(?![第{CHINESE_DIGITS}]))\s*"),
    ),
    (SECTION, re.compile(rf"第([{CHINESE_DIGITS}]{{1,4}})节\s*")),
    (ARTICLE, re.compile(rf"第([{CHINESE_DIGITS}]{{1,5}})条\s*")),
    # "任务一：加强水资源保护" over 具体措施：/责任单位：/完成时限： lines: an article of a
    # 工作任务 (tests/parsing/documents d48, fixture styles/renwu_blocks.txt)
    (ARTICLE, re.compile(rf"任务([{CHINESE_DIGITS}]{{1,3}}|\d{{1,2}}):\s*")),
    # "第1项　开展…" over 责任单位：/完成时限： lines, the item's number set apart by a blank or
    # a colon ("负责第6项" and "第6、7项由…" name items, they number none): round 10,
    # tests/parsing/documents d84, fixture styles/xiaofang_diyixiang.txt; and "第1条　校园…",
    # an article numbered in Arabic digits set apart the same way ("同第1条" names one): round
    # 11, d105, fixture styles/anquan_tongshang.txt (第一条 is read by the first pattern)
    (ARTICLE, re.compile(rf"第([{CHINESE_DIGITS}]{{1,3}}|\d{{1,2}})[项条](?:\s+|:\s*)")),
    # 1. / 1、 but not 12.4 (a date) nor 1.5亿 (a decimal). First of the patterns that open
    # with a digit (most markers of a plan are 1.): no text matches two of them at one place
    # (an outline has a digit after its dot, 1) its bracket), so their order decides nothing,
    # and a 1. line is read without entering the outline and 1) branches first. A month
    # after the dot is the item's text, no decimal outline ("1.1月：学习…", "8.12月：…": a
    # 学法计划 by month, round 17, tests/parsing/documents d214, fixture
    # styles/xuefa_yuefen.txt); 12.4 and 2.1 (no 月) stay no 1. marker.
    (ARABIC, re.compile(r"(\d{1,3})\s*([.、])(?!\d(?!\d?月))\s*")),
    # decimal outlines: the number is the last part; never a decimal like 1.5亿 or 12.5%
    (OUTLINE3, re.compile(r"\d{1,2}\.\d{1,2}\.(\d{1,3})(?![\d.%])\s*(?=[^\d\s.%])")),
    (OUTLINE2, re.compile(r"\d{1,2}\.(\d{1,2})(?![\d.%])\s*(?=[^\d\s.%])")),
    (CHAPTER, re.compile(rf"([{CHINESE_DIGITS}]{{1,3}})\s*[、.](?![{CHINESE_DIGITS}\d])\s*")),
    # 一 read as a dash by OCR ("-、总体目标" over "二、重点任务": tests/parsing/documents d49,
    # fixture styles/ocr_copy.txt)
    (CHAPTER, re.compile(r"(-)、(?![-\d])\s*")),
    (SECTION, re.compile(rf"\(\s*([{CHINESE_DIGITS}]{{1,3}})\s*\)\s*")),
    (PAREN_ARABIC, re.compile(r"\(\s*(\d{1,3})\s*\)\s*")),
    (PAREN_ARABIC, re.compile(r"(\d{1,3})\)\s*")),
    (CIRCLED, re.compile(rf"([{CIRCLED_DIGITS}])\s*")),
    # A. B. at a line's start, a kind of their own inside any other: the measures of a
    # chapter ("A.健全包保工作机制。…" over 牵头单位：/配合单位： lines: round 11,
    # tests/parsing/documents d104, fixture styles/shipin_zimu.txt) or a measure's sub-points
    # (Ａ．Ｂ． in d61), as the attributions decide; never 5A级 nor a Latin word (a
    # Chinese character follows the separator)
    (LETTER, re.compile(r"([A-Z])[.、]\s*(?=[^\x00-\x7f])")),
    # 一是 / 二是 (also 一要 / 一方面 are prose, not markers)
    (ORDINAL, re.compile(rf"([{CHINESE_DIGITS}]{{1,3}})是\s*")),
    # Round 14's, last so that the branches before keep their group numbers (no other pattern
    # opens with 行, 〔 or 【: their place in the order decides nothing).
    # "行动一　政务服务提速行动": the chapters of a “十大行动” plan, the numeral set apart by a
    # blank or a colon ("专项行动一次" numbers nothing) (round 14, tests/parsing/documents
    # d168; fixture styles/shida_xingdong.txt)
    (CHAPTER, re.compile(rf"行动([{CHINESE_DIGITS}]{{1,3}})(?:\s+|:\s*)")),
    # 〔1〕 / 【1】: a (1) printed in square brackets, the measures of a 巡察 整改方案 or a
    # 工作要点 (round 14, tests/parsing/documents d162 and d167; fixture
    # styles/zhenggai_squarenumbers.txt). Three digits at most: 〔2024〕 is a year of a
    # document number (县政办发〔2024〕12号), no marker.
    (PAREN_ARABIC, re.compile(r"[〔【]\s*(\d{1,3})\s*[〕】]\s*")),
    # Round 17's, last for the same reason (no other pattern matches a digit, a hyphen and a
    # digit). 1-1. / 1-2、: an indicator's items numbered under its group, an outline printed
    # with a hyphen (a 对标补短 方案's 指标 1-1 … 1-8: round 17, tests/parsing/documents d210,
    # fixture styles/duibiao_hengxian.txt); a separator or a blank must follow, so a range
    # (3-5年) is none
    (OUTLINE2, re.compile(r"\d{1,2}-(\d{1,2})(?:[.、]\s*|\s+)(?=[^\d\s.%])")),
    # Rounds 24's and 25's, last for the same reason. ⑴ (above); and 第一， / 第二： an
    # ordinal printed with 第 and a comma or a colon, numbering the measures as 一是 does, each
    # closed by its bracket or its label lines ("第一，推进反诈宣传进社区。…" at each line's
    # start: tests/parsing/documents d326, fixture styles/diyi_douhao.txt; "第一，严格落实…。"
    # over 牵头单位：… lines: d334 and d337, fixture styles/diyi_duanluo.txt); 第一章/第一条/
    # 第一、 are read above, 第一次 and 第一责任人 have no comma
    (PAREN_ARABIC, re.compile(rf"([{PAREN_DIGITS}])\s*")),
    (ORDINAL, re.compile(rf"第([{CHINESE_DIGITS}]{{1,3}})[,:]\s*")),
    # Round 26's, last for the same reason. 【一】 / 〔二〕: a chapter's numeral in square
    # brackets, as a 方案 set in bold prints its chapter heads ("【一】扩大普惠托育服务供给"
    # over its 1. measures: tests/parsing/documents d341, fixture
    # styles/fangkuohao_zhangjie.txt); 〔1〕 / 【1】 in digits are (1) items (above)
    (CHAPTER, re.compile(rf"[〔【]\s*([{CHINESE_DIGITS}]{{1,3}})\s*[〕】]\s*")),
]


class Marker(NamedTuple):
    """A numbering marker found (immutable; a named tuple costs a third of a frozen
    dataclass to make, and a document has hundreds)."""

    kind: str
    number: int
    end: int  # index just after the marker (and any space after it)
    label: str = ""  # the number as printed (folded): "十二", "3"
    style: str = ""  # the separator for arabic markers: "." or "、"


_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零三 -> 103; None if not a Chinese numeral."""
    short = _SHORT_NUMERALS.get(text, _UNREAD)
    return _read_chinese_number(text) if short is _UNREAD else short


def _read_chinese_number(text: str) -> int | None:
    """chinese_number, read character by character."""
    digits = _DIGITS
    if not text or any(c not in digits and c not in "十百" for c in text):
        return None
    total, current = 0, 0
    for char in text:
        if char in digits:
            current = digits[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


# The numerals of one and two characters (一 … 九十九: every chapter and section marker of a
# plan) read once, at import: reading one character by character cost 9,000 instructions,
# a twentieth of finding the candidates (tests/parsing/test_passes_skeleton.py).
_SHORT_NUMERALS = {
    first + second: _read_chinese_number(first + second)
    for first in ("", *CHINESE_DIGITS)
    for second in CHINESE_DIGITS
}
_UNREAD = object()
# The number of each numeral as most plans print their markers (1 to 999, one or two Chinese
# numerals), read with one look-up where int() or _other_number was called for each marker
# (speed25); a numeral outside it, or one of no number (零, 0), is read as before.
_NUMBER_OF = {
    **{str(number): number for number in range(1, 1000)},
    **{raw: number for raw, number in _SHORT_NUMERALS.items() if number},
}


# A number a bad copy garbled (U+FFFD, "?"), followed by the separator of a 1. marker.
_GARBLED = re.compile(r"[\ufffd?]{1,2}([.、])(?!\d)\s*")


def match_garbled(folded: str, pos: int = 0) -> Marker | None:
    """A 1. marker whose digits a copy garbled; its number is read from the sequence."""
    found = _GARBLED.match(folded, pos)
    return Marker(ARABIC, 0, found.end(), "", found.group(1)) if found else None


# The literal characters a pattern opens with ("第", "任务", "\\("), none followed by a repeat.
_LITERAL_OPENING = re.compile(r"(?:\\[^\w\s]|[^\\()\[\]{}.*+?|^$])*(?![*+?{])")


def _combined(patterns: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    """The patterns as one alternation, each in a group named m<index>; its number is
    group n<index> and a 1. marker's separator group s<index>, so one match reads the whole
    marker. At any place the first pattern (in order) that matches there matches.

    The engine enters every branch that opens with a group (about 600 instructions each
    where it fails: five of them before a 1. was read, two thirds of reading a 1. line),
    and passes over one that opens with a literal that is not there. So the literal
    characters a pattern opens with stand before its group (only where a match ends is
    read of it), and the patterns that open with a digit, and those that open with a
    Chinese numeral, are each one branch behind a lookahead on that character: the others
    are not entered. The patterns of one kind of first character keep their order, and no
    character opens patterns of two kinds (a digit, a numeral, 第, 任, a bracket, a dash, a
    circled number), so the same pattern matches first (tests/parsing/
    test_passes_skeleton.py compares the alternation of the patterns in order)."""
    literal, digit, numeral, other = [], [], [], []
    for index, (_kind, pattern) in enumerate(patterns):
        groups = iter((f"(?P<n{index}>", f"(?P<s{index}>"))
        source = re.sub(r"(?<!\\)\((?!\?)", lambda _, groups=groups: next(groups), pattern.pattern)
        opening = _LITERAL_OPENING.match(source).group()
        while opening and _LITERAL_OPENING.fullmatch(opening) is None:
            opening = opening[:-1]  # (the last character of one followed by a repeat)
        part = f"{opening}(?P<m{index}>{source[len(opening) :]})"
        first = _GROUP_OPENINGS.sub("", source[len(opening) :])
        if opening:
            literal.append(part)
        elif first.startswith(r"\d"):
            digit.append(part)
        elif first.startswith(f"[{CHINESE_DIGITS}]"):
            numeral.append(part)
        else:
            other.append(part)
    parts = [
        *literal,
        *([rf"(?=\d)(?:{'|'.join(digit)})"] if digit else []),
        *([rf"(?=[{CHINESE_DIGITS}])(?:{'|'.join(numeral)})"] if numeral else []),
        *other,
    ]
    return re.compile("|".join(parts))


_GROUP_OPENINGS = re.compile(r"^(?:\(\?P<\w+>)+")


_ALL = _combined(_PATTERNS)
_NO_OUTLINES = [(kind, pattern) for kind, pattern in _PATTERNS if kind not in (OUTLINE2, OUTLINE3)]
_INLINE = _combined(_NO_OUTLINES)


def _branches(combined: re.Pattern[str], patterns) -> dict[int, tuple[int, str, int, int]]:
    """For the group number of each branch m<index> (a match's lastindex: the branch's
    group closes after the groups inside it): (index, kind, number group, separator group
    or 0), so that a match is read by group numbers (no names to build and look up)."""
    groups = combined.groupindex
    return {
        groups[f"m{index}"]: (index, kind, groups[f"n{index}"], groups.get(f"s{index}", 0))
        for index, (kind, _pattern) in enumerate(patterns)
    }


_ALL_BRANCHES = _branches(_ALL, _PATTERNS)
_INLINE_BRANCHES = _branches(_INLINE, _NO_OUTLINES)


_make = tuple.__new__  # a Marker of its five fields, without the named tuple's __new__


def match_marker(folded: str, pos: int = 0, *, outlines: bool = True) -> Marker | None:
    """The marker that starts at ``pos`` of a folded line, if any.

    One regex finds the first pattern that matches and reads its number; only when that
    number is no number (零, 0) are the later patterns tried in turn."""
    first = _ALL.match(folded, pos) if outlines else _INLINE.match(folded, pos)
    if first is None:
        return None
    index, kind, number_group, style_group = (_ALL_BRANCHES if outlines else _INLINE_BRANCHES)[
        first.lastindex
    ]
    raw = first.group(number_group)
    number = _NUMBER_OF.get(raw) or (int(raw) if raw.isdecimal() else _other_number(raw))
    if number:
        style = first.group(style_group) if kind == ARABIC else ""
        return _make(Marker, (kind, number, first.end(), raw, style))
    patterns = _PATTERNS if outlines else _NO_OUTLINES
    for kind, pattern in patterns[index + 1 :]:
        found = pattern.match(folded, pos)
        if found:
            style = found.group(2) if kind == ARABIC else ""
            marker = _marker(kind, found.group(1), found.end(), style)
            if marker is not None:
                return marker
    return None


@lru_cache(maxsize=4)
def _line_pattern(indent: str, first: str) -> re.Pattern[str]:
    """A line break, the line's indentation, a first character of ``first`` (a line
    opening with none fails there), then a marker of _ALL if one follows, its groups
    numbered as in _ALL (in a lookahead: a marker's trailing blanks may run over the next
    line break, whose line must still be tried), else nothing."""
    return re.compile(rf"\n[{indent}]*+(?=[{first}])(?:(?={_ALL.pattern})|)")


def line_markers(folded: str, indent: str, first: str) -> list[tuple[int, Marker | None]]:
    """(where the line's text starts, its marker or None) for each line after the first
    whose text opens with a character of ``first`` (after its ``indent``): one pass over
    the text finds the lines and reads their markers as match_marker reads them."""
    out = []
    keep = out.append
    branches = _LINE_BRANCHES
    numbers = _NUMBER_OF
    for hit in _line_pattern(indent, first).finditer(folded):
        branch, at = hit.lastindex, hit.end()
        if branch is None:  # opens with a first character but no marker
            keep((at, None))
            continue
        kind, number_group, style_group = branches[branch]
        raw = hit[number_group]
        number = numbers.get(raw) or (int(raw) if raw.isdecimal() else _other_number(raw))
        if number:
            style = hit[style_group] if style_group else ""
            keep((at, _make(Marker, (kind, number, hit.end(branch), raw, style))))
        else:  # no number (零): the later patterns, as match_marker tries them
            keep((at, match_marker(folded, at)))
    return out


# (kind, number group, separator group of a 1. marker or 0) of each branch of _ALL
_LINE_BRANCHES = {
    branch: (kind, number_group, style_group if kind == ARABIC else 0)
    for branch, (_index, kind, number_group, style_group) in _ALL_BRANCHES.items()
}


def _marker(kind: str, raw: str, end: int, style: str) -> Marker | None:
    """The marker, or None when its number is none (零, 0)."""
    number = _NUMBER_OF.get(raw) or (int(raw) if raw.isdecimal() else _other_number(raw))
    return Marker(kind, number, end, raw, style) if number else None


def _other_number(raw: str) -> int | None:
    """一 -> 1 as chinese_number; ① -> 1."""
    short = _SHORT_NUMERALS.get(raw)  # (most markers: a numeral of one or two characters)
    if short:
        return short
    if raw == "-":  # 一 read as a dash
        return 1
    at = CIRCLED_DIGITS.find(raw)
    if at >= 0:
        return at + 1
    at = PAREN_DIGITS.find(raw)
    if at >= 0:
        return at + 1
    return ord(raw) - 64 if len(raw) == 1 and "A" <= raw <= "Z" else chinese_number(raw)


SENTENCE_END = "。;!?"
# Where a run-in marker may start: right after the end of a sentence or a bracket, or
# after the colon that opens a list ("现将重点任务分解如下：1.…": tests/parsing/documents
# d11 printed run-in, and the notice of fixture styles/notice_midplan.txt, 通知如下：1.…).
# An ASCII period ends a sentence too when a numeral item follows it ("…如下.一、强化…":
# tests/parsing/documents d20 and d22 printed run-in; a decimal 6.5% is no item).
# The first lookahead is one class of every branch's first character: most sentence ends
# are followed by none of them, and fail there instead of in each branch in turn. A bracket
# is then let through only before a numeral (its branches' next character, in a second
# lookahead, which the ends that fail the first never reach): most plans close a
# sentence with their attribution bracket, "。〔牵头单位：…〕", where the marker was then
# matched from Python (speed20: 78 of seed 001's 441 sentence ends); the run-in (一) and
# 〔1〕 hold a numeral after the bracket (d162 and d167 printed run-in).
_SENTENCE_ENDS = "。;!?]〕】)”:."
_RUN_IN_FIRST = (
    rf"[ \t\u3000]*(?=[(\d第任行〔【\ufffd{CHINESE_DIGITS}{CIRCLED_DIGITS}{PAREN_DIGITS}-])"
    rf"(?![(〔【](?!\s*[{CHINESE_DIGITS}\d]))"
)
_RUN_IN_MARKER = (
    rf"\(\s*[{CHINESE_DIGITS}\d]{{1,3}}\s*\)|[{CHINESE_DIGITS}]{{1,3}}[、是]|\d{{1,3}}[.、)](?!\d(?!\d?月))"
    rf"|-、(?![-\d])"
    rf"|[{CIRCLED_DIGITS}]|任务[{CHINESE_DIGITS}\d]{{1,3}}:|第[{CHINESE_DIGITS}\d]{{1,3}}[项条](?:\s|:)"
    rf"|第[{CHINESE_DIGITS}]{{1,5}}(?:条|章|节|部分|、(?![第{CHINESE_DIGITS}]))"
    rf"|\ufffd{{1,2}}[.、](?!\d)"
    # (〔1〕 / 【1】 and 行动一 run in: round 14, d162, d167 and d168 printed run-in)
    rf"|[〔【]\s*\d{{1,3}}\s*[〕】]|行动[{CHINESE_DIGITS}]{{1,3}}(?:\s|:)"
    # (【一】 run in: round 26, d341 printed run-in)
    rf"|[〔【]\s*[{CHINESE_DIGITS}]{{1,3}}\s*[〕】]"
    # (⑴ and 第一， run in: round 24, d325 and d326 printed run-in)
    rf"|[{PAREN_DIGITS}]|第[{CHINESE_DIGITS}]{{1,3}},"
)
# Run-in markers are found one sentence end at a time (the one pattern of every end, a
# set, is kept in tests/parsing/test_passes_skeleton.py to compare with): a pattern that
# opens with a literal is searched by the engine's fast scan for that character (about 5
# instructions a character), one that opens with a set tests every character against it
# (about 90: a tenth of seed 000's skeleton). A match is its sentence end and the blanks
# after it, and what follows is no sentence end, so no match of one character starts inside
# another's: the matches of all, in order, are those of the one pattern. The marker after
# the blanks is matched apart (few sentence ends are followed by a character a marker opens
# with): each end's pattern is small, as compiling a set of Chinese characters costs about a
# million instructions, and is compiled only when a text holds that end.
_RUN_IN_MARKER_AT = re.compile(_RUN_IN_MARKER)


@lru_cache(maxsize=len(_SENTENCE_ENDS))
def _after_sentence_end(end: str) -> re.Pattern[str]:
    return re.compile(re.escape(end) + _RUN_IN_FIRST)


# (a number a copy garbled, "…配合)�、开展…": d20 printed run-in, as at a line start in d20)
# (第N、 runs in after a sentence end as it opens a line, where "坚持安全第一、预防为主" has
# none before it: round 21, tests/parsing/documents d262 and fixture styles/diyi_dunhao.txt
# printed run-in.)
# (第N章, 第N节 and 第N部分 run in too: tests/parsing/documents d02 and d14 printed run-in;
# 任务二： after the last field of 任务一: d48 printed run-in, fixture styles/renwu_blocks.txt;
# 一 read as a dash by OCR, -、: d49 printed run-in, fixture styles/ocr_copy.txt run in.)


def run_in_positions(folded: str) -> list[int]:
    """Indexes where a marker follows the end of a sentence on the same line (found one
    sentence end at a time; an end the text lacks is passed over by
    ``in``, a scan in C)."""
    size = len(folded)
    marker = _RUN_IN_MARKER_AT.match
    out: list[int] = []
    for end in _SENTENCE_ENDS:
        if end in folded:
            hits = map(re.Match.end, _after_sentence_end(end).finditer(folded))
            out += [at for at in hits if at < size and marker(folded, at)]
    out.sort()
    return out
