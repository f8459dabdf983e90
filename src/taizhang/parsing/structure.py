"""The skeleton of a plan: chapters, sections and measures with their attribution text.

The genre numbers its levels 一、 / (一) / 1. / (1) / 第一条, but which level holds the
measures differs between documents, so we first find every marker, drop the ones that
are not real structure (page-chunk markers, numbers out of sequence), and then decide per
document which kind of marker starts a measure.

All matching happens on ``fold(text)``; all output is sliced from the original ``text``.
"""

from __future__ import annotations

import itertools
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, eq, ne, sub

from taizhang.parsing import markers as mk
from taizhang.parsing.attribution_text import (
    AttributionIndex,
    Located,
    char_offsets,
    colon_label_start,
    find_attribution,
    is_attribution,
    is_dash_list,
    is_gap_list,
    is_unit_line,
    label_head_end,
    leading_units,
    markers_after_attributions,
    starts_with_label,
)
from taizhang.parsing.metadata.signature import is_date_only, is_signature_date_line
from taizhang.parsing.metadata.vocabulary import vocabulary as metadata_vocabulary
from taizhang.parsing.model import Chapter, Diagnostic, Section
from taizhang.parsing.normalize import fold, printed_run_in
from taizhang.parsing.ranges import range_attributions
from taizhang.parsing.targets import opens_with_a_decimal_quantity
from taizhang.parsing.titles import is_purpose_clause
from taizhang.parsing.vocabulary import branches, trie, vocabulary, word_list

_TERMINAL = "。;!?:]〕】)”\"'"
_MAX_HEADING = 60
_PRINTED_LINE = 28  # characters on a line of an official document (GB/T 9704)
_LINE_INDENT = " \t\u2002\u2003\u3000\ufeff"
_AFTER_SENTENCE = "sentence"  # a marker inside a line, after the end of a sentence
_GLUED = "glued"  # a marker glued to the short heading before it
_CONTENTS_HEADING = re.compile(r"目\s*录[ \t\u3000]*(?=\n)")
_NOTICE_WINDOW = 4000  # characters: a covering notice stands at the top of the text


@dataclass(slots=True)
class Found:
    """A marker accepted as structure, with the span of text it governs (slots: every pass
    reads its fields, hundreds of times a document)."""

    marker: mk.Marker
    start: int  # offset of the marker in the text
    line: int  # 1-based line number
    run_in: str = ""  # "" at a line start, else _AFTER_SENTENCE or _GLUED
    end: int = 0  # offset where the next structural marker starts
    # (start, end) of an attribution printed before the number on the item's line:
    # "（牵头单位：县教育局）1.推进…"; the item then starts at that bracket.
    leading: tuple[int, int] | None = None
    heading_span: tuple[int, int, int] | None = None  # (end, start, stop) of _heading


@dataclass
class RawMeasure:
    no: int
    chapter: str | None
    section: str | None
    text: str
    attribution_raw: str | None
    line: int
    unnumbered: bool = False  # its number was inferred
    own_line: bool = False  # its attribution stands on a line of its own below the text
    shared_from: int | None = None  # the line of the attribution it shares with the next
    deadline: str | None = None  # from a table's 完成时限 column
    from_table: bool = False  # read from a task table's row
    units_below: tuple[str, int] | None = None  # a units line after its bracket (its line)

    @property
    def folded(self) -> str:
        """``fold(self.text)``, folded once."""
        cached = self.__dict__.get("_folded")
        if cached is None or cached[0] is not self.text:
            cached = self.__dict__["_folded"] = (self.text, fold(self.text))
        return cached[1]


@dataclass
class Skeleton:
    chapters: list[Chapter] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    measures: list[RawMeasure] = field(default_factory=list)
    goal_texts: list[str] = field(default_factory=list)  # 总体目标 paragraphs
    chapter_starts: list[int] = field(default_factory=list)  # each chapter's offset
    section_starts: list[int] = field(default_factory=list)  # each section's offset
    # Where the plan's work begins: the first heading that is not front matter (总体要求,
    # 指导思想 …), or the first measure outside front matter or with units, unless it is a
    # purpose clause. The text before it states the plan's purpose and basis.
    body_start: int | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # (chapter, section or None) -> (label lines, line) run into that heading in a copy
    # printed run-in (_run_in_labels)
    heading_labels: dict[tuple[str | None, str | None], tuple[str, int]] = field(
        default_factory=dict
    )


def parse_skeleton(text: str, folded: str | None = None, run_in: bool | None = None) -> Skeleton:
    """The skeleton of ``text`` (``folded``: ``fold(text)`` when the caller has it;
    ``run_in``: whether ``folded`` is printed run-in, when the caller has asked)."""
    folded = fold(text) if folded is None else folded
    run_in = printed_run_in(folded) if run_in is None else run_in
    found = _candidates(folded, run_in)
    if run_in:
        _brackets_before_numbers_run_in(found, folded)
    actions = _actions_under_chapters(found, folded)
    found = _drop_chunk_markers(_after_site_blurb(found, folded), folded)
    # a covering notice's items (通知如下:1.…2.…) are no numbering the plan continues
    found = _outside_covering_notice(found, folded, run_in)
    found = _in_sequence(found, folded)
    found = _outside_table_of_contents(found, folded)
    found = _before_explanation(found, folded, run_in)
    found = _before_second_annexed_plan(found, folded)
    _set_ends(found, len(text))
    index = AttributionIndex(folded)
    level = _measure_level(found, folded, index, run_in)
    if actions and level.measure == mk.SECTION and any(f.marker.kind == mk.ARABIC for f in found):
        # (an action scores by its label lines, which its 1. items share: they are the
        # measures, under the action as their section)
        level = _level_of(mk.ARABIC, found)
    # markers below the measure level are sub-points inside a measure's text
    found = [f for f in found if level.keeps(f)] if level.regions else _kinds(found, level)
    _set_ends(found, len(text))
    skeleton = _assemble(found, level, text, folded, index)
    if not skeleton.measures and not found:  # (a Word copy that lost every number)
        skeleton.measures = _numbers_lost(text, folded, index, skeleton, run_in)
    skeleton.diagnostics += level.diagnostics
    range_attributions(skeleton, text, folded)
    _chapter_attributions(skeleton, text, folded)
    _verb_lines_over_numbers(skeleton, run_in)
    _heading_label_lines(skeleton, text, folded, found)
    _heading_bracket_attributions(skeleton, text, folded)
    _share_list_attributions(skeleton, run_in=run_in)
    _drop_provision_chapters(skeleton)
    _drop_indicators(skeleton, folded)
    _drop_annex_titles(skeleton, folded, run_in)
    return skeleton


# -- finding markers ------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    """Where each line starts: just after each line break (fold keeps every line break
    where it is, and folds no other character into one)."""
    return [0, *char_offsets(text, "\n", 1)]


def _candidates(folded: str, run_in_copy: bool) -> list[Found]:
    """Markers at line starts (only lines that could open with one are tried) and inside
    lines after a sentence end (one pass of a regex over the whole text)."""
    found: list[Found] = []
    keep = found.append
    number, counted = 1, 0  # the line number of position ``counted``
    for pos, marker in _line_markers(folded):
        # (the lines in order: the line breaks since the last are counted, in C)
        number, counted = number + folded.count("\n", counted, pos), pos
        end = folded.find("\n", pos)
        end = len(folded) if end < 0 else end
        leading = None
        if marker is None:
            marker = mk.match_garbled(folded, pos)
        if marker is None:
            marker, leading = _after_leading_attribution(folded, pos, end)
        if marker is None:
            marker = _outline_top(folded, pos, end)
        elif marker.kind in _OUTLINE_KINDS and _is_quantity(folded, pos, end):
            continue
        if marker:
            keep(Found(marker, pos, number, "", 0, leading))  # (at a line start: run_in "")
            kind, after = marker.kind, marker.end
            # (most lines: no child within a heading's reach, and no part to open one; the
            # gates of _child_hit and _after_bare_number asked here, with no call: speed25)
            if kind in _GLUED_PARENTS and (
                kind == mk.CHAPTER
                or (
                    (_MAY_HOLD_LOWER_THAN_ARABIC if kind == mk.ARABIC else _MAY_HOLD_CHILD).search(
                        folded, after + 2, min(end, after + _MAX_HEADING)
                    )
                    and _CHILD.search(folded, after + 2, min(end, after + _MAX_HEADING))
                )
            ):
                found.extend(_glued_children(folded, marker, end, number))
            if kind == mk.ARABIC and not _BLANKS.isdisjoint(folded[after - 1 : after + 1]):
                found.extend(_after_bare_number(folded, marker, end, number, ""))
    positions = mk.run_in_positions(folded)
    # (the markers read so far, by their ends: asked only about markers inside lines)
    claimed = {f.marker.end for f in found} if positions or run_in_copy else set()
    if run_in_copy:
        positions = sorted({*positions, *markers_after_attributions(folded)})
        positions = sorted({*positions, *_after_run_in_title(folded)})
        positions = sorted({*positions, *_after_bare_heading_run_in(folded)})
        positions = sorted({*positions, *_after_run_in_annex_list(folded)})
        for position, marker in _run_in_outline(folded):
            if marker.end not in claimed:
                claimed.add(marker.end)
                found.append(Found(marker, position, 1, run_in=_AFTER_SENTENCE))
        cells = _after_table_cells(folded)
        for position in (*cells, *_chapter_rows_after_tab_cells(folded, set(cells))):
            marker = mk.match_marker(folded, position, outlines=False)
            if marker is not None and marker.kind == mk.CHAPTER:
                end = min(len(folded), position + _GLUED_REACH)
                found.append(Found(marker, position, 1, run_in=_GLUED))
                found.extend(_glued_children(folded, marker, end, 1))
    line_starts = _line_starts(folded) if positions else []
    for position in positions:
        run_in = mk.match_marker(folded, position, outlines=False)
        if run_in is None and folded.startswith("\ufffd", position):
            run_in = mk.match_garbled(folded, position)
        if run_in is None or run_in.end in claimed:
            continue
        number = bisect_left(line_starts, position + 1)
        line_start = line_starts[number - 1]
        if _INDENT_RUN.match(folded, line_start, position).end() == position:
            continue  # the marker opens its line: found above
        if _inside_a_cell(folded, line_start, position):
            continue
        # Glued children lie within a few headings' reach: the line's end is looked for no
        # further (a text printed run-in is one line, and a search to its end per marker
        # would make the work grow with the square of the text).
        end = folded.find("\n", position, position + _GLUED_REACH)
        end = min(len(folded), position + _GLUED_REACH) if end < 0 else end
        found.append(Found(run_in, position, number, run_in=_AFTER_SENTENCE))
        found.extend(_glued_children(folded, run_in, end, number))
        if run_in.kind == mk.ARABIC:
            found.extend(_after_bare_number(folded, run_in, end, number, _AFTER_SENTENCE))
    return found


# A decimal outline's top line may print its number with no dot: "1　总体要求" over "1.1　…"
# (tests/parsing/documents d03 and d18, fixture styles/wuran_outline.txt). Only a short
# heading line (no sentence end) followed by a line opening its first child (1.1) or the next
# chapter's (2.1: a 总体要求 chapter of prose) is such a chapter.
_OUTLINE_TOP = re.compile(rf"(\d{{1,2}})[{_LINE_INDENT}]+(?=[^\d\s.%])")
_OUTLINE_STYLE = " "  # its separator: no page chunk number (its child follows it)
_CHILD_REACH = 3000  # how far its first child (or the next chapter's) is looked for


def _outline_top(folded: str, pos: int, end: int) -> mk.Marker | None:
    found = _OUTLINE_TOP.match(folded, pos, end)
    if found is None or end - found.end() > _PRINTED_LINE or "。" in folded[found.end() : end]:
        return None
    number = int(found.group(1))
    child = re.compile(rf"\n[{_LINE_INDENT}]*(?:{number}|{number + 1})\.1(?!\d)")
    if not child.search(folded, end, end + _CHILD_REACH):
        return None
    return (
        mk.Marker(mk.ARABIC, number, found.end(), found.group(1), _OUTLINE_STYLE)
        if number
        else None
    )


# A decimal outline printed run-in (tests/parsing/documents d03 and d18 with every line break
# removed): "…各乡镇人民政府2.1.2　建设…", "…振兴重点工作1　总体要求1.1　指导思想…". Its
# numbers keep the space printed after them, which a decimal (1.2万头, 7.5%) never has; a
# top number without a dot counts only when its first child follows within a printed line.
# An outline printed with a hyphen (1-3.短板：…) keeps its separator instead (round 17: d210
# and fixture styles/duibiao_hengxian.txt printed run-in).
_RUN_IN_OUTLINE = re.compile(
    r"(?<![\d.])\d{1,2}(?:\.\d{1,2}(?:\.\d{1,3})? +|-\d{1,2}[.、])(?=[^\d\s.%-])"
)
_RUN_IN_OUTLINE_TOP = re.compile(r"(?<![\d.])(\d{1,2}) +(?=[^\d\s.%-])")


@lru_cache(maxsize=1)
def _title_then_marker() -> re.Pattern[str]:
    kinds = sorted(metadata_vocabulary()["title"]["kinds"], key=len, reverse=True)
    digits = mk.CHINESE_DIGITS
    return re.compile(
        rf"(?:{'|'.join(map(re.escape, kinds))})"
        rf"(?=\(\s*[{digits}]{{1,3}}\s*\)|[{digits}]{{1,3}}、|第[{digits}]{{1,4}}(?:部分|章|节)"
        rf"|任务[{digits}\d]{{1,3}}:"  # …工作任务任务一: (fixture styles/renwu_blocks.txt)
        r"|-、(?![-\d]))"  # …工作方案-、工作目标 (一 read as a dash: fixture styles/ocr_copy.txt)
    )


# A bare heading glued between a bracket and the number after it in a copy printed run-in:
# "…配合单位：县司法局）第二季度3.学习…" (round 19: tests/parsing/documents d254 printed
# run-in, fixture styles/jieduan_wubianhao.txt run in, as _after_bare_heading reads them
# printed); opened on the literal bracket, only in a copy printed run-in.
# A stage line with a colon between its name and its title, "2025年：攻坚突破" or "第二阶段：
# 排查整治", glues the same way (round 21: d262 and fixtures styles/niandu_jieduan.txt and
# styles/jieduan_maohao.txt printed run-in, as _after_bare_heading reads them printed).
_BARE_HEADING_RUN_IN = re.compile(
    r"\)(?:(?:\d{4}年|[\u4e00-\u9fff]{2,6}):)?[\u4e00-\u9fff]{2,12}?(?=(\d{1,3})[.、](?!\d))"
)


def _after_bare_heading_run_in(folded: str) -> list[int]:
    """Where a number follows a bare heading glued after a bracket (_BARE_HEADING_RUN_IN)."""
    return [hit.end() for hit in _BARE_HEADING_RUN_IN.finditer(folded)]


def _after_run_in_annex_list(folded: str) -> list[int]:
    """Where the first chapter (一、) follows a list of attachments printed before the body
    in a copy printed run-in: "附件：1.…分工表2.…名单一、加强…" (round 21:
    tests/parsing/documents d276 printed run-in, fixture styles/fujian_qianzhi.txt run in).
    The list's titles hold no sentence end, so a 一、 before the first 。 after 附件：1., with
    二、 after it, ends the list."""
    if _find_word(folded, "附件") < 0:
        return []
    out = []
    for head in _ANNEX_LIST.finditer(folded):
        stop = folded.find("。", head.end())
        at = folded.find("一、", head.end(), len(folded) if stop < 0 else stop)
        if at > 0 and folded[at - 1] not in _WORD_BEFORE_ONE and "二、" in folded[at:]:
            out.append(at)
    return out


# Characters before 一 in a word ending in it (统一、 唯一、 第一、 万一、): no chapter numeral
# (not 单: 名单 ends many an attachment title, 单一 is rare in one).
_WORD_BEFORE_ONE = frozenset("统唯第万同专划归合逐之")


def _after_run_in_title(folded: str) -> list[int]:
    """Where a marker follows a plan title's kind word in a copy printed run-in: the title
    ends at the first numbered item (…工作要点（四）提升…: fixture styles/notice_midplan.txt
    printed run-in, an excerpt after its covering notice, as titles.py ends a run-in title
    there; …任务清单第一部分…: d14 printed run-in; …实施方案第一节…: d19 printed run-in)."""
    found = [hit.end() for hit in _title_then_marker().finditer(folded)]
    dated = _dated_title_then_chapter().match(folded)
    return [*found, dated.end()] if dated else found


@lru_cache(maxsize=1)
def _dated_title_then_chapter() -> re.Pattern[str]:
    """A title naming its year and ending in a kind a task table's column also prints
    (metadata.toml dated_kinds: 某县2025年…重点任务) that a copy printed run-in runs into its
    first chapter with no preamble between ("…整治重点任务一、主要任务（一）…": round 32,
    fixtures styles/wuqianyan_xiaoyuan.txt and wuqianyan_jiti.txt printed run-in, as the
    title reader ends it there, metadata/title._dated_run_in). Matched at the text's start
    only: elsewhere "重点任务" is a column's or a heading's name."""
    kinds = "|".join(map(re.escape, metadata_vocabulary()["title"]["dated_kinds"]))
    return re.compile(
        rf"\s*[^,。;:!?\s]{{1,30}}\d{{4}}年[^,。;:!?\s]{{2,40}}?(?:{kinds})"
        rf"(?=[{mk.CHINESE_DIGITS}]{{1,3}}、)"
    )


def _run_in_outline(folded: str) -> list[tuple[int, mk.Marker]]:
    found = []
    for hit in _RUN_IN_OUTLINE.finditer(folded):
        marker = mk.match_marker(folded, hit.start())
        if marker and marker.kind in (mk.OUTLINE2, mk.OUTLINE3):
            found.append((hit.start(), marker))
    for hit in _RUN_IN_OUTLINE_TOP.finditer(folded):
        number = int(hit.group(1))
        reach = folded[hit.end() : hit.end() + _PRINTED_LINE + 8]
        child = re.search(rf"(?<![\d.]){number}\.1 ", reach)
        heading = child and "。" not in reach[: child.start()]
        # a chapter of prose (1　总体要求坚持…) is followed by the next chapter's child
        after = folded[hit.end() : hit.end() + _CHILD_REACH]
        if number and (
            heading
            or re.search(
                rf"(?<![\d.]){number + 1} +[^\d\s]{{2,28}}?(?<![\d.]){number + 1}\.1 ", after
            )
        ):
            top = mk.Marker(mk.ARABIC, number, hit.end(), hit.group(1), _OUTLINE_STYLE)
            found.append((hit.start(), top))
    return found


# A chapter heading glued to a task table's last cell in a copy printed run-in: "…市委宣传部、
# 市文化广电旅游局2024年12月底前三、保障措施（一）…" (tests/parsing/documents d16 and d22
# with their line breaks removed). The cell ends with its deadline (X月底前, 2024年前, 长期
# 坚持); the numeral counts only as the next chapter's (_in_sequence: glued markers must
# continue their numbering), so "前三、四季度" or a first 一、 is never cut.
_AFTER_CELL = re.compile(
    r"前(?<=[底末日月年]前)(?=[二三四五六七八九十]{1,3}、)"
    r"|长期坚持(?=[二三四五六七八九十]{1,3}、)|持续推进(?=[二三四五六七八九十]{1,3}、)"
)


def _after_table_cells(folded: str) -> list[int]:
    return [hit.end() for hit in _AFTER_CELL.finditer(folded)]


# A tab table's chapter row glued to the cell before it in a copy printed run in, a unit
# cell or the header's last name ("…\t县司法局二、完善行政执法监督制度3\t制定…", "…协同单位
# 一、健全…1\t明确…": round 29 leftovers, tests/parsing/documents d366; "…完成时限一、强化
# 企业科技创新主体地位\t\t\t\t1\t…": d45, its chapter rows' empty cells kept): a short
# phrase of no clause between the end of a cell (no sentence end since its tab) and the next
# tab; the numeral counts only as the next chapter's (_in_sequence). Searched only in a copy
# printed run in that holds a tab (the pattern opens on the numeral's class).
_TAB_CHAPTER = re.compile(r"[一二三四五六七八九十]{1,3}、")
_TAB_CELL = 40  # characters of a unit cell or a chapter row's heading, at most
_NO_CLAUSE = ("。", "，", ",", "；", ";", "：", ":")


def _chapter_rows_after_tab_cells(folded: str, known: set[int]) -> list[int]:
    if "\t" not in folded:
        return []
    found = []
    for hit in _TAB_CHAPTER.finditer(folded):
        at = hit.start()
        before = folded.rfind("\t", max(0, at - _TAB_CELL), at)
        after = folded.find("\t", hit.end(), hit.end() + _TAB_CELL)
        if at in known or before < 0 or after < 0 or "。" in folded[before:at]:
            continue
        if not any(mark in folded[hit.end() : after] for mark in _NO_CLAUSE):
            found.append(at)
    return found


# What a line that may open with a marker opens with after its indentation: a marker's
# first character, or the bracket of an attribution printed before the number. 任 opens
# 任务一：, 行 opens 行动一 and - the OCR's 一 (-、) (markers.py).
_MARKER_FIRST = (
    rf"第任行(\[〔【\dA-Z{mk.CHINESE_DIGITS}{mk.CIRCLED_DIGITS}{mk.PAREN_DIGITS}\ufffd?-"
)
_MAYBE_MARKER = re.compile(rf"[{_LINE_INDENT}]*(?=[{_MARKER_FIRST}])")


_OUTLINE_KINDS = (mk.OUTLINE2, mk.OUTLINE3)

# How far a cell's tabs are looked for on either side of a number inside a line (a task
# cell of a few sub-points; a bounded search, as a copy printed run-in is one line).
_CELL_REACH = 400


def _inside_a_cell(folded: str, line_start: int, position: int) -> bool:
    """Whether a number inside a line stands between two tabs of its line, no sentence
    ended between the first and it: a task cell's sub-points ("1\t整治餐饮场所用气安全：
    1.督促…；2.更换…；3.定期…\t县市场监管局"), parts of the row's one measure, never measures
    of their own (round 29: tests/parsing/documents d319; fixture styles/cell_subpoints.txt).
    A body printed run in between a tabbed page field and a table ends sentences (d97); a
    task cell may end its title sentence before its sub-points, when a row number opens it
    (_opens_a_row)."""
    before = folded.rfind("\t", max(line_start, position - _CELL_REACH), position)
    if before < 0 or ("。" in folded[before:position] and not _opens_a_row(folded, before)):
        return False
    after = folded.find("\t", position, position + _CELL_REACH)
    return after > 0 and "\n" not in folded[position:after]


_ROW_NUMBER = 3  # digits of a table row's number, at most


def _opens_a_row(folded: str, tab: int) -> bool:
    """Whether a tab follows a row's number: the task cell of "1\t加强校园食品安全管理。1.落实
    …；2.每学期…\t区市场监管局" (round 29, fixtures styles/cell_subpoints_juhao.txt and
    cell_subpoints_wenlv.txt, printed and run in, where the number follows the row above's
    deadline: …月底前2\t…). d97's page field before its body ends in no number (…18号\t)."""
    digits = 0
    while digits <= _ROW_NUMBER and folded[tab - digits - 1 : tab - digits].isdigit():
        digits += 1
    return 0 < digits <= _ROW_NUMBER


def _is_quantity(folded: str, pos: int, end: int) -> bool:
    """Whether a line read as opening with a decimal outline's number opens with a decimal
    quantity instead: "…参考人次达到" over "1.5万人次以上，…" is the sentence's rest, for an
    outline's number is followed by its heading, never by a counter (as a wrapped copy's
    line, layout._wrapped_before_a_decimal). Round 18: tests/parsing/documents d230 (a
    line broken before 1.5万人次) and fixture styles/xiaoshu_hangshou.txt (before 2.5%)."""
    return opens_with_a_decimal_quantity(folded[pos:end])


def _actions_under_chapters(found: list[Found], folded: str) -> bool:
    """行动一 … 行动十 printed under a numeral chapter ("一、行动内容" over them, "二、工作要求"
    after) are its sections, in a plan with no (一) of its own: the actions are a level
    below the chapter that lists them (round 18: tests/parsing/documents d233; a “三项行动”
    under 二、 in fixture styles/xingdong_qiantou.txt). Without a numeral chapter before
    them they stay the chapters (d168). Whether any was made a section."""
    # (no gate of "行动" in the whole text: a search for two Han characters scans it at about
    # 2 ns a character, 41 µs on seed 001, where the pass over the markers takes about 5)
    chapters = [f for f in found if f.marker.kind == mk.CHAPTER]
    actions = [f for f in chapters if folded.startswith("行动", f.start)]
    if not actions or len(actions) == len(chapters):
        return False  # (most plans: no 行动, or only 行动 chapters)
    if chapters[0] in actions or any(f.marker.kind == mk.SECTION for f in found):
        return False
    for item in actions:
        item.marker = item.marker._replace(kind=mk.SECTION)
    return True


def _line_markers(folded: str) -> list[tuple[int, mk.Marker | None]]:
    """(where its first character is, its marker or None) for each line that may open with
    a marker. After the first line, one pass finds the lines and reads their markers
    (markers.line_markers: a pattern that opens with the line break, a literal the engine
    skips to at once)."""
    first = _MAYBE_MARKER.match(folded)
    head = [(first.end(), mk.match_marker(folded, first.end()))] if first else []
    return head + mk.line_markers(folded, _LINE_INDENT, _MARKER_FIRST)


def _after_leading_attribution(folded: str, pos: int, end: int):
    """(marker, (start, end) of the bracket's content) for a line that opens with an
    attribution bracket right before its number, "（牵头单位：县教育局）1.推进…", as some
    分工方案 print every measure (fixture styles/jiaoyu_front.txt and test_structure);
    else (None, None)."""
    closing = _CLOSING.get(folded[pos])
    close = folded.find(closing, pos + 1, end) if closing else -1
    if close < 0:
        return None, None
    content = folded[pos + 1 : close]
    if not (is_attribution(content) or _is_bare_unit_list(content)):
        return None, None
    after = close + 1
    while after < end and folded[after] in _LINE_INDENT:
        after += 1
    marker = mk.match_marker(folded, after)
    return (marker, (pos + 1, close)) if marker else (None, None)


_CLOSING = {"(": ")", "[": "]", "〔": "〕", "【": "】"}
_OPENING = {close: opening for opening, close in _CLOSING.items()}
_BRACKET_REACH = 80  # characters: a bracket of a measure's units


def _brackets_before_numbers_run_in(found: list[Found], folded: str) -> None:
    """In a copy printed run in, a bracket of units right before a run-in number
    ("…。【县卫健局】3.…") opens that measure, as at a line start printed
    (_after_leading_attribution), when the document says its brackets lead: others stand
    after a sentence's end before a number, one stands between a heading and its first
    number ("…解读【县发改局】1.及时…"), and none closes the last measure before a heading
    ("…。(责任单位:X)二、…", the brackets there close their measures). Brackets after
    headings only are the headings' (d291 run in). Round 24 leftovers: tests/parsing/
    documents d321, fixtures styles/qianzhi_danwei_kongge.txt and styles/jiaoyu_front.txt
    run in."""
    leading = [(item, _bracket_before(folded, item.start)) for item in found if item.run_in]
    leading = [(item, span) for item, span in leading if span is not None]
    if not any(folded[span[0] - 2] in _AFTER_MEASURE for _, span in leading):
        return  # (only headings' brackets over their items: _sections_bracketed_over_items)
    if not _bracket_after_heading(found, folded, leading):
        return
    if any(item.marker.kind in _HEADINGS and _closes_before(folded, item.start) for item in found):
        return
    for item, (opening, close) in leading:
        item.start, item.leading = opening - 1, (opening, close)


_AFTER_MEASURE = "。;!?"  # what a measure's text ends with, before a bracket closing it
_HEADINGS = (mk.CHAPTER, mk.SECTION)


def _bracket_after_heading(found: list[Found], folded: str, leading) -> bool:
    """Whether one of the brackets of ``leading`` (item, content span) stands between a
    heading's title and the item: the heading's marker is the last before it, and its title
    up to the bracket is short and ends no sentence."""
    ordered = sorted(found, key=_START)
    before = {id(item): heading for heading, item in itertools.pairwise(ordered)}
    for item, (opening, _close) in leading:
        heading = before.get(id(item))
        if heading is None or heading.marker.kind not in _HEADINGS:
            continue
        title = folded[heading.marker.end : opening - 1]
        if 1 < len(title) <= _MAX_HEADING and not any(c in title for c in _TITLE_ENDS):
            return True
    return False


_TITLE_ENDS = "。;:!?)]〕】"  # a sentence's or a bracket's end: no bare heading title


def _bracket_before(folded: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the content of a bracket of units that closes right before ``at``,
    a bracket after a heading or a sentence's end; None if there is none."""
    opening = _OPENING.get(folded[at - 1]) if at > 1 else None
    start = folded.rfind(opening, max(0, at - _BRACKET_REACH), at - 1) if opening else -1
    if start < 1:
        return None
    content = folded[start + 1 : at - 1]
    if not (is_attribution(content) or _is_bare_unit_list(content)):
        return None
    return start + 1, at - 1


def _closes_before(folded: str, at: int) -> bool:
    """Whether a bracket of units closes a measure's sentence right before ``at``."""
    span = _bracket_before(folded, at)
    return span is not None and folded[span[0] - 2] in _AFTER_MEASURE


_MAX_BARE_UNITS = 8  # names in a bare bracket before a number: a measure has a few units


def _is_bare_unit_list(content: str) -> bool:
    """Whether folded bracket content is nothing but unit names parted by 、 or blanks, as a
    plan prints each measure's units before its number with no label ("【县财政局 县审计局】2.
    做好…": round 23, tests/parsing/documents d321 and fixture styles/qianzhi_danwei_kongge.txt)."""
    names = content.replace("、", " ").split()
    return 0 < len(names) <= _MAX_BARE_UNITS and all(
        n.endswith(word_list("unit_endings")) for n in names
    )


# A child marker right after a short heading, with no sentence end between:
# "二、增强全社会法治观念(一)组织…思想1.把…" (text whose line breaks were lost: corpus 003,
# 045 and 055, and seeds 000 and 001 printed run-in in tests/parsing/test_variants.py).
# The pattern opens with a character set (the first character of every branch), which the
# engine skips to at once; a lookbehind on that character then picks the branch. Written
# as four branches, the pattern was tried at every character of each heading (a quarter of
# the time of finding the candidates).
# (第1项　and 任务1： glued to a 重点任务 heading: round 10, d84 and d78 printed run-in;
# fixture styles/xiaofang_diyixiang.txt run in)
# (A. glued to its chapter's heading, "一、压实属地管理责任A.健全…": round 11, d104 and
# fixture styles/shipin_zimu.txt printed run-in)
# (the 1. of a hyphen outline's "1-1." or of "1-12." is none: round 17, d210 and fixture
# styles/duibiao_hengxian.txt printed run-in, where 1-1. is glued to its heading; a month
# after the dot, "学法安排1.1月：", is the item's text as in markers.py: d214 printed run-in)
_CHILD = re.compile(
    rf"[(\d第任A-Z〔【{mk.CIRCLED_DIGITS}{mk.PAREN_DIGITS}](?:(?<=\()\s*[{mk.CHINESE_DIGITS}]{{1,3}}\s*\)|(?<=\()\s*\d{{1,3}}\s*\)"
    rf"|(?<=[〔【])\s*\d{{1,3}}\s*[〕】]"
    rf"|(?<=\d)(?<![\d-]\d)\d{{0,2}}[.、)](?!\d(?!\d?月))|(?<=第)[{mk.CHINESE_DIGITS}]{{1,5}}[条节]"
    rf"|(?<=第)[{mk.CHINESE_DIGITS}\d]{{1,3}}[项条](?=\s|:)|(?<=任)务[{mk.CHINESE_DIGITS}\d]{{1,3}}:"
    rf"|(?<=[{mk.CIRCLED_DIGITS}{mk.PAREN_DIGITS}])|(?<=[A-Z])(?<![A-Z][A-Z])[.、](?=[^\x00-\x7f]))"
)


# What a match of _CHILD needs in the reach searched: a bracket, a separator after digits (.
# 、 or ")"), 第 or a circled number; under a 1. item only a child of a lower kind counts,
# which a 1. or 1、 after digits never is. A set of these few characters is tested with one
# look-up in a bitmap; _CHILD's set holds \d, a category looked up in the Unicode tables
# at every character (a heading's reach cost about 8,000 instructions, a sixth of finding
# the candidates, and holds a child in few lines: none of seed 000's 107).
# (任务1: is let through by its colon: 任 of 责任 is in most headings, a colon in few)
# (〔1〕 / 【1】 glued to its chapter's heading: round 14, d162 and d167 printed run-in)
# (⑴ glued to its section's heading: round 24, d325 and fixture styles/kuohao_shuzi.txt run in)
_MAY_HOLD_CHILD = re.compile(rf"[()第:〔【{mk.CIRCLED_DIGITS}{mk.PAREN_DIGITS}.、]")
_MAY_HOLD_LOWER_THAN_ARABIC = re.compile(rf"[()第:〔【{mk.CIRCLED_DIGITS}{mk.PAREN_DIGITS}]")


def _child_hit(folded: str, kind: str, start: int, end: int) -> re.Match[str] | None:
    """``_CHILD.search(folded, start, end)``, or None where it cannot find a child of an
    item of ``kind`` (_glued_children takes none from a match it would find there)."""
    gate = _MAY_HOLD_LOWER_THAN_ARABIC if kind == mk.ARABIC else _MAY_HOLD_CHILD
    if gate.search(folded, start, end) is None:
        return None
    return _CHILD.search(folded, start, end)


_GLUED_REACH = 4 * (_MAX_HEADING + 20)  # characters: three glued markers and their headings
_INDENT_RUN = re.compile(f"[{_LINE_INDENT}]*")


def _glued_children(folded: str, marker: mk.Marker, end: int, line: int) -> list[Found]:
    """Markers glued to the heading before them; the sequence check decides which count.

    Each is found within _MAX_HEADING characters of the one before, in the order chapter,
    section, 1.: all lie within _GLUED_REACH of the first."""
    out = []
    while marker.kind in _GLUED_PARENTS:
        # the heading: up to _MAX_HEADING characters, ending at its first 。 or ; (searched in
        # place, with no copy of it). The child is looked for in the whole reach first (most
        # headings have none, and their end is then not needed): a child found there is the
        # heading's when it starts before the heading's end, as no child runs over a 。 or ;
        # and one ending at it reads the same character after it as a search ending there.
        reach = min(end, marker.end + _MAX_HEADING)
        hit = _child_hit(folded, marker.kind, marker.end + 2, reach)
        if marker.kind == mk.CHAPTER:
            hit = _glued_action(folded, marker.end + 2, hit.start() if hit else reach) or hit
            hit = hit or _glued_first_ordinal(folded, marker.end + 2, reach)
        elif marker.kind == mk.SECTION and hit is None:
            hit = _glued_ordinal(folded, marker.end + 2, reach)
            hit = hit or _glued_section_diyi(folded, marker.end + 2, reach)
        part = marker.kind == mk.CHAPTER and _is_part(folded, marker)  # 第二部分　重点任务一、…
        if hit is None and not part:
            break
        limit = reach
        for stop in "。;":
            found = folded.find(stop, marker.end, limit)
            limit = limit if found < 0 else found
        if hit is not None and (
            hit.start() >= limit or _inside_a_cell(folded, marker.end, hit.start())
        ):
            hit = None  # (past the heading, or a cell's sub-point after its table's header)
        child = mk.match_marker(folded, hit.start(), outlines=False) if hit else None
        if part:
            numeral = _FIRST_NUMERAL.search(folded, marker.end + 2, hit.start() if hit else limit)
            child_numeral = (
                mk.match_marker(folded, numeral.start(), outlines=False)
                if numeral is not None and _confirmed_in_part(folded, numeral.end())
                else None
            )
            if child_numeral is not None:  # (一、1. is no marker: a numeral before a digit)
                out.append(Found(child_numeral, numeral.start(), line, run_in=_GLUED))
                marker = child_numeral
                continue
        if child is None or (
            _RANK[child.kind] <= _RANK[marker.kind]
            # (an action under the chapter that lists them: _actions_under_chapters)
            and not (marker.kind == mk.CHAPTER and folded.startswith(_ACTION, hit.start()))
        ):
            break
        out.append(Found(child, hit.start(), line, run_in=_GLUED))
        marker = child
    return out


_BLANKS = frozenset(" \t\u3000")
_ACTION = "行动"
# 行动一： glued to the heading of the chapter that lists the actions ("一、行动内容行动一：…":
# round 19, d233 and fixture styles/xingdong_qiantou.txt run in), its colon required as
# inside a line (markers.py: 专项行动一次 numbers nothing)
_GLUED_ACTION = re.compile(rf"行动[{mk.CHINESE_DIGITS}]{{1,3}}:")


def _glued_action(folded: str, start: int, end: int) -> re.Match[str] | None:
    """An action's marker in ``folded[start:end]``, a chapter's heading (a find in C first:
    行 is in many headings, 行动 in few)."""
    at = folded.find(_ACTION, start, end)
    return None if at < 0 else _GLUED_ACTION.search(folded, at, end)


# 一是 glued to the heading of a chapter whose measures are the ordinals at line starts
# ("四、重点工作一是开展隐患排查。…（…）二是落实…": round 21, d282 printed run-in, fixture
# styles/yishi_hangshou.txt run in), confirmed by a 二是 after a sentence end or a bracket
# (a heading that runs on with 统一是… has none), as _confirmed_in_part confirms a part's 一、
_FIRST_ORDINAL = re.compile("一是")
_SECOND_ORDINAL = re.compile(r"二是(?<=[。;!?)\]〕】]二是)")
# (第一， likewise, confirmed by a 第二，: round 24, d326 printed run-in, fixture
# styles/diyi_douhao.txt run in)
_FIRST_DIYI = re.compile("第一,")
_SECOND_DIYI = re.compile(r"第二,(?<=[。;!?)\]〕】]第二,)")


def _glued_first_ordinal(folded: str, start: int, end: int) -> re.Match[str] | None:
    """The first ordinal in a chapter's heading ``folded[start:end]``, when a 二是 (第二，)
    after a sentence end follows it (a find in C first: most headings hold no 一是)."""
    return _glued_first(folded, start, end, _FIRST_ORDINAL, _SECOND_ORDINAL) or _glued_first(
        folded, start, end, _FIRST_DIYI, _SECOND_DIYI
    )


def _glued_first(folded: str, start: int, end: int, first, second) -> re.Match[str] | None:
    """(_glued_first_ordinal for one form of ordinal)"""
    at = folded.find(first.pattern, start, end)
    if at < 0 or second.search(folded, at, at + _CHILD_REACH) is None:
        return None
    return first.match(folded, at)


# An ordinal glued to a section's heading, its measures 一是…；二是… inside one paragraph
# and numbered on across sections ("（二）做实乡镇调解站四是在…（…）；五是…": round 23, d314
# printed run-in, fixture styles/fenjie_yishi_duanluo.txt run in), confirmed by the next
# ordinal after a sentence end or a bracket, as _glued_first_ordinal confirms a chapter's 一是
_ORDINAL = re.compile(rf"([{mk.CHINESE_DIGITS}]{{1,3}})是")


def _glued_ordinal(folded: str, start: int, end: int) -> re.Match[str] | None:
    """The first ordinal (N是) in a section's heading ``folded[start:end]`` whose next
    ordinal follows it after a sentence end (a find in C first: most headings hold no 是)."""
    at = folded.find("是", start, end)
    if at < 0:
        return None
    found = _ORDINAL.search(folded, max(start, at - 3), end)
    value = mk.chinese_number(found.group(1)) if found else None
    if value is None:
        return None
    following = f"{_chinese_numeral(value + 1)}是"
    reach = min(len(folded), found.end() + _CHILD_REACH)
    at = folded.find(following, found.end(), reach)
    return found if at > 0 and folded[at - 1] in "。;!?)]〕】" else None


# 第一， glued to a section's heading, its measures restarting under each （一） ("（一）规范
# 社区矫正执法第一，严格落实…。牵头单位：…完成时限：长期坚持第二，落实…": round 25 leftovers,
# d337 printed run-in, fixture styles/diyi_jieduan.txt run in), confirmed by a 第二， after a
# sentence end or a bracket, or after the value of the label line closing 第一，'s measure (a
# colon within _LABEL_VALUE characters before it, and no sentence end after that colon)
_LABEL_VALUE = 40  # characters: a label line's units or a deadline, after its colon


def _glued_section_diyi(folded: str, start: int, end: int) -> re.Match[str] | None:
    """The 第一， in a section's heading ``folded[start:end]`` when a 第二， closing a
    sentence, a bracket or a label line follows it (a find in C first)."""
    at = folded.find(_FIRST_DIYI.pattern, start, end)
    if at < 0:
        return None
    second = folded.find("第二,", at, min(len(folded), at + _CHILD_REACH))
    if second < 0:
        return None
    before = folded[max(at, second - _LABEL_VALUE) : second]
    closed = folded[second - 1] in "。;!?)]〕】" or before.rfind(":") > before.rfind("。")
    return _FIRST_DIYI.match(folded, at) if closed else None


def _chinese_numeral(value: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (an ordinal's numeral, up to 99)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(value, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")
    return head + (digits[ones] if ones else "")


def _after_bare_number(
    folded: str, number: mk.Marker, end: int, line: int, run_in: str
) -> list[Found]:
    """The marker after the blanks that follow a bare number ("2、　　（四）加强…": a sharing
    site's page-chunk number before a paragraph's indent, d90, fixture
    styles/wenku_chunks.txt): it opens its paragraph as it would without the number, which
    _drop_chunk_markers then drops as numbering nothing."""
    pos = number.end
    if _BLANKS.isdisjoint(folded[pos - 1 : pos + 1]):
        return []  # (no blank after the number: the common case, answered at once)
    while pos < end and folded[pos] in _BLANKS:
        pos += 1
    marker = mk.match_marker(folded, pos) if pos < end else None
    return [] if marker is None else [Found(marker, pos, line, run_in=run_in)]


_GLUED_PARENTS = (mk.CHAPTER, mk.SECTION, mk.ARABIC)
_FIRST_NUMERAL = re.compile(r"一、")
_SECOND_NUMERAL = re.compile(r"二、(?<=[。;!?)\]〕】]二、)")
_NEXT_PART = re.compile(r"第[一二三四五六七八九十]{1,3}(?:部分|章)")


def _confirmed_in_part(folded: str, after: int) -> bool:
    """Whether a 一、 glued to a part's heading is confirmed by its 二、 after a sentence or a
    bracket within the same part ("第一部分　总体要求坚持统一、规范…" holds no heading)."""
    reach = after + _CHILD_REACH
    part = _NEXT_PART.search(folded, after, reach)
    return _SECOND_NUMERAL.search(folded, after, part.start() if part else reach) is not None


def _is_part(folded: str, marker: mk.Marker) -> bool:
    """Whether a chapter marker is 第N部分 or 第N章 (its heading may hold a glued 一、)."""
    if marker.kind != mk.CHAPTER:
        return False
    printed = folded[max(0, marker.end - 4) : marker.end].rstrip(_LINE_INDENT)
    return printed.endswith(("部分", "章"))


_RANK = {kind: rank for rank, kind in enumerate(mk.ORDER)}


def _ends_sentence(folded: str, before: int) -> bool:
    """Whether the text before ``before`` ends a sentence or a paragraph."""
    if folded.endswith("\n\n", 0, before):
        return True  # (a blank line before it: two line breaks, as the loop below counts)
    pos = before - 1
    newlines = 0
    while pos >= 0 and folded[pos] in _MEASURE_EDGE:
        newlines += folded[pos] == "\n"
        pos -= 1
    if pos < 0 or newlines > 1 or folded[pos] in _TERMINAL:
        return True
    if newlines and folded[pos] == "." and not folded[pos - 1].isdigit():
        # an ASCII period at a line's end (tests/parsing/documents d20 and d22, fixtures
        # styles/wenlv_leading.txt hard-wrapped and styles/shuili_fields.txt)
        return True
    line_start = folded.rfind("\n", 0, pos) + 1
    if starts_with_label(folded[line_start:pos].strip()):
        return True
    if newlines and is_unit_line(folded[line_start : pos + 1]):
        # a line of units and a role verb under the text closes the measure with no 。
        # ("区民政局牵头，区财政局配合" over "2.推进…", no blank line between: round 19,
        # tests/parsing/documents d242 hard-wrapped, fixture styles/danweihang_wujuhao.txt)
        return True
    # labels after the item's last sentence end it, on its line or wrapped over two:
    # "…以内。配合：市自然资源局、市住建局" (tests/parsing/documents d23, printed and
    # hard-wrapped; fixture styles/fazhi_byunit.txt)
    reach = max(0, pos - _LABEL_REACH)
    sentence_end = folded.rfind("。", reach, pos)
    period = folded.rfind(".", reach, pos)
    while period > reach and folded[period - 1].isdigit():  # 1.5万 is a number
        period = folded.rfind(".", reach, period)
    sentence_end = max(sentence_end, period)
    if sentence_end < 0:
        return False
    # …or units after an em dash: "…不少于1次。——区河长办、各镇人民政府" (round 18: d222,
    # fixture styles/pozhehao_danwei.txt)
    # …or units set off by a gap of blanks: "…项目清单。        县商务局" (round 26: d342, fixture
    # styles/weilie_danwei.txt)
    raw_tail = folded[sentence_end + 1 : pos + 1]
    tail = raw_tail.strip()
    return starts_with_label(tail) or is_dash_list(tail) or is_gap_list(raw_tail)


_LABEL_REACH = 160  # characters: the labels and units after an item's last sentence


_BLURB_END = "上搜索。"  # a sharing site's blurb: "…由会员分享…请在某某文档网上搜索。"


def _after_site_blurb(found: list[Found], folded: str) -> list[Found]:
    """Without the site's first page-chunk number run into its blurb ("…请在某某文档网上搜索。
    1、某县…方案为…"): it numbers the site's chunk, not a measure (corpus 003 and 029
    printed run-in, fixture styles/wenku_blurb.txt run in; on a line of its own the number is
    _drop_chunk_markers' business)."""
    first = next((i for i, f in enumerate(found) if f.marker.kind == mk.ARABIC), None)
    if first is None or not found[first].run_in:
        return found
    if not folded.endswith(_BLURB_END, 0, found[first].start):
        return found
    return found[:first] + found[first + 1 :]


def _drop_chunk_markers(found: list[Found], folded: str) -> list[Found]:
    """Document-sharing sites number their page chunks "1、 2、 3、" mid-sentence.

    A family of arabic markers (same separator) most of which interrupt a sentence is
    such a chunk numbering, not structure; the text stays, only the markers go (corpus 003
    and 029, both copies from sharing sites). A marker that numbers nothing (another number
    or the end of the text right after it: a chunk that broke between two paragraphs,
    "…团区委）" / "2、　　（四）加强…") counts as one that interrupts (d90, fixture
    styles/wenku_chunks.txt).
    """
    numbered = [
        (i, item)
        for i, item in enumerate(found)
        if item.marker.kind == mk.ARABIC and not item.run_in and item.marker.style != _OUTLINE_STYLE
    ]
    total = Counter(item.marker.style for _, item in numbered)
    # A style is chunk numbering when at least half its markers interrupt: once more than
    # half of them are read as numbering it is none, and when every style is decided so the
    # other markers are not read (most plans: the first half of their 1. items close the
    # sentence above them; speed25).
    numbering = dict.fromkeys(total, 0)  # the markers of each style read as numbering
    undecided = len(total)
    interrupted: Counter = Counter()
    openers = None  # made for the first marker that interrupts a sentence
    for i, item in numbered:
        style = item.marker.style
        if numbering[style] * 2 > total[style]:
            continue  # (decided: no chunk numbering)
        if _numbers_nothing(found, i, folded):
            interrupted[style] += 1
            continue
        if not _ends_sentence(folded, item.start):
            if openers is None:
                openers = _line_openers(found)
            if not _after_heading(openers, item, folded):
                interrupted[style] += 1
                continue
        numbering[style] += 1
        if numbering[style] * 2 > total[style]:
            undecided -= 1
            if not undecided:
                break
    chunk_styles = {style for style, n in interrupted.items() if n >= 2 and n * 2 >= total[style]}
    if not chunk_styles:
        return found
    return [f for f in found if not (f.marker.kind == mk.ARABIC and f.marker.style in chunk_styles)]


def _numbers_nothing(found: list[Found], i: int, folded: str) -> bool:
    """Whether only blanks follow marker i up to the next marker or the end of the text."""
    stop = found[i + 1].start if i + 1 < len(found) else len(folded)
    pos = found[i].marker.end
    while pos < stop and folded[pos] in _LINE_INDENT + "\n":  # (most stop at once)
        pos += 1
    return pos >= stop


def _after_heading(openers: dict[int, Found], item: Found, folded: str) -> bool:
    """Whether the previous line is a numbered heading: short, no 。; or a bare one."""
    other = openers.get(item.line - 1)
    if other is None:
        return _after_bare_heading(folded, item.start)
    line = folded[other.start : folded.find("\n", other.start)]
    return "。" not in line and len(line) <= _MAX_HEADING


_MAX_BARE_HEADING = 12  # characters: 第一季度（1—3月）, 第二阶段, 下半年
_CLAUSE_MARKS = frozenset("。，、；：,;:.!?！？")


def _after_bare_heading(folded: str, start: int) -> bool:
    """Whether the marker at ``start`` opens its line under a short line with no clause mark,
    a heading without a number (第一季度 over 1. 2., 上半年 over 3. 4.): a chunk number of a
    sharing site interrupts a page-long line (round 19: tests/parsing/documents d254, fixture
    styles/jieduan_wubianhao.txt)."""
    line_start = folded.rfind("\n", 0, start) + 1
    if line_start == 0 or folded[line_start:start].strip(_LINE_INDENT):
        return False
    above = folded.rfind("\n", 0, line_start - 1) + 1
    previous = folded[above : line_start - 1].strip(_LINE_INDENT)
    if not 1 < len(previous) <= _MAX_BARE_HEADING:
        return False
    # (a stage's name and its title apart by a colon, neither a clause: "2024年：夯实基础" over
    # 1. 2., "第一阶段：动员部署" over 1., a copy without blank lines: round 20, tests/parsing/
    # documents d262 hard-wrapped, fixture styles/jieduan_maohao.txt)
    name, colon, title = previous.partition(":")
    return bool(name) and (not colon or bool(title)) and _CLAUSE_MARKS.isdisjoint(name + title)


def _line_openers(found: list[Found]) -> dict[int, Found]:
    return {f.line: f for f in reversed(found) if not f.run_in}


_ORDER = mk.ORDER


# 第N部分 / 第N章 number a level of their own above 一、 when a plan prints both (d14: 第一部分
# over 一、 over (一); the 人居环境 list of test_run_in): each keeps its own sequence, the
# family of a chapter marker printed with 第.
_PART = "part"
_SEQUENCE_ORDER = [_PART, *mk.ORDER]


def _in_sequence(found: list[Found], folded: str) -> list[Found]:
    """Keep the markers that continue their numbering; resynchronise after a lost one.

    A marker at the start of a line is trusted (a gap becomes a diagnostic later), and a
    garbled number there takes the next number of its kind. One inside a line counts when
    it is the next number of its kind, restarts at 1 under a new heading, or (after a
    sentence end) skips one number that a copy lost; so one missed or garbled number does
    not reject every later one ("。2、" inside a sentence about two things still does not
    start a measure).
    """
    # (only run-in items are confirmed, and only they need to be; without any, the order
    # by start alone is the same, ties kept in their order as the sort keeps them)
    run_in = any(map(_RUN_IN, found))
    ordered = (
        sorted(found, key=lambda f: (f.start, bool(f.run_in)))
        if run_in
        else sorted(found, key=_START)
    )
    if not run_in and all(map(_NUMBER, map(_MARKER, ordered))):
        # (most plans: every item opens its line and none is garbled, so _numbered_on keeps
        # each, the first of those sharing a start, and reads no number: speed25)
        starts = list(map(_START, ordered))
        return list(compress(ordered, map(ne, starts, [-1, *starts])))
    return _numbered_on(ordered, folded, run_in)


def _numbered_on(ordered: list[Found], folded: str, run_in: bool) -> list[Found]:
    """_in_sequence's reading of the items in order (``run_in``: whether any is run in)."""
    last: dict[str, int] = {}
    last_at: dict[str, int] = {}  # where the last kept marker of each kind starts
    fresh = set(_SEQUENCE_ORDER)  # kinds whose parent changed since their last marker
    kept: list[Found] = []
    confirmed = _confirmed_by_next(ordered) | _confirmed_by_restart(ordered) if run_in else set()
    for item in ordered:
        if kept and kept[-1].start == item.start:
            continue
        kind = item.marker.kind
        if kind == mk.CHAPTER and folded.startswith("第", item.start):
            kind = _PART  # (_family)
        expected = last.get(kind, 0) + 1
        if item.marker.number == 0:  # garbled: the sequence says which it is
            item.marker = item.marker._replace(number=expected, label=str(expected))
        number = item.marker.number
        if item.run_in and not (
            number == expected
            or (number == 1 and kind in fresh)
            or (item.run_in == _AFTER_SENTENCE and number == expected + 1)
            # the first of its kind in a copy that starts mid-plan ("(节选)6.…。7.…"):
            # any number, when the next of its kind follows it
            or (kind not in last and id(item) in confirmed)
            # a restart under a short heading closed by a colon, with no numeral of its own
            # ("…文件清理。司法所:1.开展…2.…": round 10, d79 printed run-in; fixture
            # styles/zhen_unitlines.txt run in)
            or (number == 1 and id(item) in confirmed and _after_colon_heading(folded, item))
            or _number_named_before(folded, item)
            or _adjustment_tag_after(folded, item)
            # a number printed twice (5. 5. 6.), the second after a sentence or a bracket and
            # followed by the next number: round 14, tests/parsing/documents d155 printed
            # run-in; fixture styles/pufa_chonghao.txt run in (a repeat on a line of its own
            # is kept as a line start, numbering-repeat says so); never a heading's numeral (a
            # second plan's 二、 after the first's: d113 run in)
            or (number == expected - 1 and kind in _REPEATS and id(item) in confirmed)
            or (number == 1 and kind == mk.OUTLINE3 and _next_section(folded, item, last_at))
        ):
            continue
        kept.append(item)
        last[kind] = number
        last_at[kind] = item.start
        if run_in:  # (only a run-in item asks which kinds are fresh)
            fresh.discard(kind)
            fresh.update(_INNER_FAMILIES[kind])
    return kept


_REPEATS = (mk.ARABIC, mk.PAREN_ARABIC)  # the kinds a measure's number is printed in twice

_SECTION = re.compile(r"(\d{1,2})\.(\d{1,2})\.")  # the parents a three-part number carries


def _next_section(folded: str, item: Found, last_at: dict[str, int]) -> bool:
    """Whether a run-in x.y.1 opens the section after the last three-part number's, where
    no x.y heading is printed: its own number names its parent ("…）1.1.2 健全…）1.2.1 开展…":
    round 15, tests/parsing/documents d164 run in; fixture styles/fenjie_sanji.txt run in),
    the next section of the same chapter or the first of the next chapter."""
    if mk.OUTLINE3 not in last_at:
        return False
    this = _SECTION.match(folded, item.start)
    before = _SECTION.match(folded, last_at[mk.OUTLINE3])
    if this is None or before is None:
        return False
    (top, section), (last_top, last_section) = map(int, this.groups()), map(int, before.groups())
    return (top, section) in ((last_top, last_section + 1), (last_top + 1, 1))


_COLON_HEADING = 12  # characters: a unit's or a group's name before its colon


def _number_named_before(folded: str, item: Found) -> bool:
    """Whether the words right before a run-in item name its number and end with a colon
    ("一、第3项修订为：3.推行…", "第9项调整为：9.推进…": a notice revising some of a plan's
    measures, which follow no sequence; round 13, tests/parsing/documents d138 and fixture
    styles/tiaozheng_tongzhi.txt printed run-in)."""
    if not folded.endswith(":", 0, item.start):
        return False
    before = folded[max(0, item.start - _COLON_HEADING) : item.start]
    return f"第{item.marker.number}项" in before


_TAG_SPAN = 16  # characters: a tag's bracket right after a measure's number


def _adjustment_tag_after(folded: str, item: Found) -> bool:
    """Whether a run-in item's text opens with a bracket tagging it as a changed measure:
    one naming its own number ("4.(原第4项)健全…", "15.(原第15项,2023年已调整)…") or an
    added one ("22.(新增)开展…"; structure.toml adjustment_tags). A notice adjusting some
    of a plan's measures after a review prints them out of sequence (round 16,
    tests/parsing/documents d192 and fixture styles/tiaozheng_yuandi.txt printed run-in)."""
    start = item.marker.end
    if not folded.startswith("(", start):
        return False
    close = folded.find(")", start, start + _TAG_SPAN)
    if close < 0:
        return False
    tag = folded[start + 1 : close]
    return f"第{item.marker.number}项" in tag or tag in _adjustment_tags()


@lru_cache(maxsize=1)
def _adjustment_tags() -> frozenset[str]:
    return frozenset(vocabulary()["adjustment_tags"])


def _after_colon_heading(folded: str, item: Found) -> bool:
    """Whether a run-in item follows a short heading and its colon right after a sentence's
    or a bracket's end: a phrase of no clause, as a unit line printed run in is."""
    if item.run_in != _AFTER_SENTENCE or not folded.endswith(":", 0, item.start):
        return False
    opening = item.start - 1 - _COLON_HEADING
    heading = folded[max(0, opening) : item.start - 1]
    end = max(map(heading.rfind, _HEADING_OPENS))  # after a sentence's end or a bracket's
    return end >= 0 and len(heading) - end - 1 >= 2 and "," not in heading[end:]


_HEADING_OPENS = "。;)]〕】"


# the families inside each family, in _SEQUENCE_ORDER
_INNER_FAMILIES = {kind: _SEQUENCE_ORDER[i + 1 :] for i, kind in enumerate(_SEQUENCE_ORDER)}


def _confirmed_by_next(ordered: list[Found]) -> set[int]:
    """The run-in items after a sentence end whose next item of the same kind carries the
    next number: two in a row are a numbering, not a number that happens to follow a
    sentence (an excerpt printed run-in: tests/parsing/documents d08 with its line breaks
    removed, and the 乡村振兴 excerpt of tests/parsing/test_run_in.py), or glued to the
    heading before them (…培训质量8.开展…9.…: fixture styles/notice_midplan.txt printed
    run-in, as d13's 4、 is glued to its chapter's heading)."""
    confirmed: set[int] = set()
    previous: dict[str, Found] = {}
    for item in ordered:
        before = previous.get(item.marker.kind)
        if (
            before is not None
            and before.run_in in (_AFTER_SENTENCE, _GLUED)
            and item.marker.number == before.marker.number + 1
        ):
            confirmed.add(id(before))
        previous[item.marker.kind] = item
    return confirmed


def _confirmed_by_restart(ordered: list[Found]) -> set[int]:
    """The run-in items after a sentence end right after which an inner kind restarts at 1
    (…（责任单位：区司法局）四、保障措施（一）加强组织领导。（二）…, the sections numbered (四)
    before: an excerpt's first chapter heading, tests/parsing/documents d120 printed run-in;
    fixture styles/jiuye_zhaiqu.txt run in): the restart shows a new heading over it."""
    confirmed: set[int] = set()
    highest: dict[str, int] = {}
    for item, after in itertools.pairwise(ordered):
        kind = after.marker.kind
        if (
            item.run_in == _AFTER_SENTENCE
            and after.marker.number == 1
            and highest.get(kind, 0) > 1
            and kind in _INNER_FAMILIES.get(item.marker.kind, ())
        ):
            confirmed.add(id(item))
        highest[item.marker.kind] = max(highest.get(item.marker.kind, 0), item.marker.number)
    return confirmed


def _outside_table_of_contents(found: list[Found], folded: str) -> list[Found]:
    """Leave out the entries of a table of contents, and nothing else.

    Its entries are headings with no sentence between them, after a 目录 line or before the
    body lists chapter 一 again; prose after an entry (the preamble, tests/parsing/documents
    d15) ends the contents with that entry. No corpus plan prints one; the rule rests on the genre's
    own layout, shown by test documents: fixture styles/contents_cut.txt (a 目录 over a body
    cut short) and test_structure's contents with a 目录 line and without one.
    """
    entries = _contents_after_heading(found, folded) or _contents_listed_twice(found, folded)
    return [f for f in found if id(f) not in entries] if entries else found


def _contents_after_heading(found: list[Found], folded: str) -> set[int]:
    """Entries after a 目录 line: headings with no sentence, until the numbering starts
    over (the body lists its headings again, or the body was cut and prose begins)."""
    heading = next(
        (
            m
            for m in _CONTENTS_HEADING.finditer(folded)
            if not folded[folded.rfind("\n", 0, m.start()) + 1 : m.start()].strip(" \t\u3000")
        ),
        None,
    )
    if heading is None:
        return set()
    entries: set[int] = set()
    last: dict[str, int] = {}
    after = [f for f in found if f.start > heading.end()]
    for item, following in itertools.zip_longest(after, after[1:]):
        stop = following.start if following else len(folded)
        line_end = folded.find("\n", item.start, stop)
        line_end = stop if line_end < 0 else line_end
        kind, number = item.marker.kind, item.marker.number
        if "。" in folded[item.start : line_end] or number <= last.get(kind, 0):
            break
        last[kind] = number
        entries.add(id(item))
        if "。" in folded[line_end:stop]:
            break  # prose follows the last entry: the preamble, or a body cut short
    return entries


def _contents_listed_twice(found: list[Found], folded: str) -> set[int]:
    first_chapters = [
        i for i, f in enumerate(found) if f.marker.kind == mk.CHAPTER and f.marker.number == 1
    ]
    if len(first_chapters) < 2:
        return set()
    first, restart = first_chapters[0], first_chapters[1]
    if "。" in folded[found[first].start : found[restart].start]:
        return set()
    return {id(f) for f in found[first:restart]}


def _outside_covering_notice(found: list[Found], folded: str, run_in: bool) -> list[Found]:
    """Leave out the items of a covering notice: "通知如下:1.…", "附件:1.…".

    The notice is found by its wording (关于印发…的通知, 现将…印发给你们, 通知如下) and
    ends at its signature date (corpus 004, 011, 031 and fixture b_notice_wrapper) or at
    the plan's own title line below it (seed 000). Numbered items inside a notice (an
    attachment list, instructions) are left out: fixture styles/notice_midplan.txt and the
    notice of test_structure. A notice whose items carry attributions is the plan itself,
    and nothing is left out.
    """
    span = _notice_span(folded, run_in)
    if span is None:
        return found
    if span[1] < 0:  # no signature, no title line: the plan's first chapter ends it
        chapters = [f.start for f in found if f.marker.kind == mk.CHAPTER and f.start > span[0]]
        if not chapters:
            return found
        span = (span[0], chapters[0])
    inside = [f for f in found if span[0] <= f.start < span[1]]
    if not inside:
        return found  # (most notices: no numbered item; the items' ends are set later)
    _set_ends(found, len(folded))
    if any(_attribution_between(folded, f.marker.end, min(f.end, span[1])) for f in inside):
        return found
    return [f for f in found if not span[0] <= f.start < span[1]]


def _before_explanation(found: list[Found], folded: str, run_in: bool) -> list[Found]:
    """Leave out the markers of a draft's explanation printed below it, from its heading
    (起草说明 on a line of its own, or 关于《X》的起草说明: structure.toml
    explanation_headings) to the end of the text or the next plan's title line (texts joined
    one after another, as tests/parsing/test_linear_time.py joins them): 一、起草背景
    二、起草过程 are its parts, not the plan's chapters."""
    spans, offset = [], 0
    while (at := _explanation_heading(folded, offset, run_in)) is not None:
        offset = _next_title_line(folded, at)
        spans.append((at, offset))
    if not spans:
        return found
    return [f for f in found if not any(start <= f.start < end for start, end in spans)]


# An attachment heading on a line of its own: 附件2, 附件 2：, 附件二. The pattern opens on its
# literal 附件 (the engine skips to each), the indentation before it tested at each hit
# (_annex_headings): opened on the line start (^[ \t\u3000]*), it was tried at every place
# of the text, some 20 µs per 1,000 characters (speed18).
_ANNEX_HEADING = re.compile(r"附件[ \u3000]*([1-9一二三四五六七八九])[ \u3000:]*$", re.MULTILINE)


def _before_second_annexed_plan(found: list[Found], folded: str) -> list[Found]:
    """Leave out a second plan a covering notice transmits (附件：1.X 2.Y, then 附件1 over X's
    title line and 附件2 over Y's): the page's plan is the first, as its title and issuer are
    read (tests/parsing/documents d113, fixture styles/two_annexed_plans.txt). The second
    plan ends at the next plan title line (texts joined one after another, as
    test_linear_time joins them). An attachment that is no plan (a task table) ends nothing."""
    if _find_word(folded, "附件") < 0 or not _ANNEX_LIST.search(folded):
        return found
    spans, first_seen = [], False
    for start, end, number in _annex_headings(folded):
        title_end = _plan_title_below(folded, end)
        if title_end is None:
            continue
        if number in "1一":
            first_seen = True
        elif first_seen:
            spans.append((start, _next_title_line(folded, title_end)))
    if not spans:
        return found
    return [f for f in found if not any(start <= f.start < end for start, end in spans)]


def _annex_headings(folded: str) -> list[tuple[int, int, str]]:
    """(line start, end, number) of each attachment heading on a line of its own, with
    nothing but indentation before 附件 (_ANNEX_HEADING)."""
    heads = []
    for hit in _ANNEX_HEADING.finditer(folded):
        start = folded.rfind("\n", 0, hit.start()) + 1
        if not folded[start : hit.start()].strip(" \t\u3000"):
            heads.append((start, hit.end(), hit.group(1)))
    return heads


def _find_word(folded: str, word: str, start: int = 0) -> int:
    """``folded.find(word, start)``, found from the word's first character, a rare one (附 of
    附件, 起 and 编 of the explanation headings): one character is found by memchr on its low
    byte, where a search for a few Han characters scans at some 0.6-2 ns a character (seeds
    000 and 001, no 附: 38 and 28 µs -> 1 µs; 起草说明: 10 and 16 µs -> 2 and 3 µs)."""
    first, rest = word[0], word[1:]
    at = folded.find(first, start)
    while at >= 0:
        if folded.startswith(rest, at + 1):
            return at
        at = folded.find(first, at + 1)
    return -1


def _plan_title_below(folded: str, at: int) -> int | None:
    """Where the first line after ``at`` that is not blank ends, when it is a plan's title."""
    start = at
    while start < min(len(folded), at + _NEXT_LINE_WINDOW):
        end = folded.find("\n", start + 1)
        end = len(folded) if end < 0 else end
        line = folded[start:end].strip(_LINE_INDENT + "\n")
        if line:
            return end if _is_plan_title(line) else None
        start = end
    return None


_NEXT_LINE_WINDOW = 200  # characters: a title line stands right under its attachment heading


def _next_title_line(folded: str, at: int) -> int:
    """Where the first line after ``at`` that is nothing but a plan's title starts, or the
    text's end."""
    start = folded.find("\n", at)
    while start >= 0:
        end = folded.find("\n", start + 1)
        line = folded[start + 1 : len(folded) if end < 0 else end].strip(_LINE_INDENT)
        if line and _is_plan_title(line):
            return start + 1
        start = end
    return len(folded)


def _explanation_heading(folded: str, offset: int, run_in: bool) -> int | None:
    """Where the first line from ``offset`` that is an explanation heading starts, if any;
    in a copy printed run-in, where the heading stands glued to its first part (…组织保障。
    起草说明一、起草背景…: d98 and fixture styles/zhengqiu_shuoming.txt run in)."""
    found = []
    for word in vocabulary()["explanation_headings"]:
        at = _find_word(folded, word, offset)
        while at >= 0:
            if run_in:
                if folded.startswith("一、", at + len(word)):
                    found.append(at)
                    break
            else:
                start = folded.rfind("\n", 0, at) + 1
                end = folded.find("\n", at)
                line = folded[start : len(folded) if end < 0 else end].strip(_LINE_INDENT)
                if line == word or (line.startswith("关于《") and line.endswith("》的" + word)):
                    found.append(start)
                    break
            at = _find_word(folded, word, at + len(word))
    return min(found, default=None)


# The list of attachments a plan prints after its body or under its signature: "附件：1.某市…任务
# 清单" over "2.某市…联络员名单" (tests/parsing/documents d72 after the last measure, d64 above the
# signature; d01's inside its covering notice). Its lines are titles, no measures.
_ANNEX_LIST = re.compile(r"附件[ \u3000]*:[ \u3000]*1[.、]")


def _drop_annex_titles(skeleton: Skeleton, folded: str, run_in: bool) -> None:
    """Leave out the measures without units that are titles of a list of attachments opened on
    the 附件 line (附件：1.…): the lines after it numbered 2., 3., … with no sentence in them.
    Only the form with its first title on the 附件 line (an attachment's own text under a
    bare 附件 heading may be numbered: d51, d62), and only once the measures are read, so
    the list decides no numbering level. A copy printed run-in has no lines to tell the
    list's end by: left as it is."""
    if run_in or not skeleton.measures or _find_word(folded, "附件") < 0:
        return
    lines: set[int] = set()
    for head in _ANNEX_LIST.finditer(folded):
        start = folded.find("\n", head.end())
        number, expected = folded.count("\n", 0, head.start()) + 1, 2
        while start >= 0:
            end = folded.find("\n", start + 1)
            line = folded[start + 1 : len(folded) if end < 0 else end].strip(" \t\u3000")
            if not line.startswith((f"{expected}.", f"{expected}、")) or "。" in line:
                break
            number, expected = number + 1, expected + 1
            lines.add(number)
            start = end
    if lines:
        skeleton.measures = [
            m for m in skeleton.measures if m.attribution_raw or m.line not in lines
        ]


def _notice_span(folded: str, run_in: bool) -> tuple[int, int] | None:
    """Where the covering notice starts and ends (-1: no end printed), or None."""
    cue = _notice_cue().search(folded, 0, _NOTICE_WINDOW)
    if cue is None:
        return None
    start = folded.rfind("\n", 0, cue.start()) + 1
    offset = folded.find("\n", cue.end())
    while 0 <= offset < len(folded):
        line_end = folded.find("\n", offset + 1)
        line_end = len(folded) if line_end < 0 else line_end
        line = folded[offset + 1 : line_end].strip(_LINE_INDENT + "|")
        signed = is_date_only(line.replace(" ", "")) or is_signature_date_line(line)
        if signed or _is_plan_title(line):
            return start, line_end
        offset = line_end if line_end < len(folded) else -1
    if run_in:  # printed run-in: the signature's date ends it in the line
        date = _FULL_DATE.search(folded, cue.end(), cue.end() + _NOTICE_WINDOW)
        if date:
            return start, date.end()
    return start, -1


# A full date, as under a notice's signature ("2024年3月1日"): in a copy printed run-in the
# notice ends there (fixture styles/notice_midplan.txt and tests/parsing/documents d01 with
# their line breaks removed). A date that opens or closes a period ("征求意见时间为2022年5月10日
# 至2022年6月9日": d98 run in) signs nothing.
_FULL_DATE = re.compile(r"(?<![至到-])\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?![至到-])")


def _is_plan_title(line: str) -> bool:
    """A line that is nothing but a plan's title: no sentence, ends with a document kind."""
    return mk.match_marker(line) is None and _plan_title().fullmatch(line) is not None


@lru_cache(maxsize=1)
def _notice_cue() -> re.Pattern:
    return re.compile("|".join(map(re.escape, vocabulary()["notice_cues"])))


@lru_cache(maxsize=1)
def _plan_title() -> re.Pattern:
    kinds = "|".join(map(re.escape, vocabulary()["plan_kinds"]))
    return re.compile(rf"[^,。;:!?《》]{{2,80}}?(?:{kinds})(?:\s*\([^()]{{0,24}}\))?")


def _attribution_between(folded: str, start: int, end: int) -> bool:
    return find_attribution(folded[start:end]) is not None


def _kinds(found: list[Found], level: Level) -> list[Found]:
    """The items Level.keeps of a text with one measure kind throughout (no regions)."""
    kept = {*level.headings, level.measure}
    return [f for f in found if f.marker.kind in kept]


def _set_ends(found: list[Found], length: int) -> None:
    for item, following in itertools.pairwise(found):
        item.end = following.start
    if found:
        found[-1].end = length


_START = attrgetter("start")
_ATTRIBUTION_RAW = attrgetter("attribution_raw")
_MARKER, _NUMBER, _RUN_IN = attrgetter("marker"), attrgetter("number"), attrgetter("run_in")


# -- deciding which level holds the measures -----------------------------------------


@dataclass
class Level:
    """Which marker kind starts a measure, and which kinds are the headings above it."""

    measure: str | None
    chapter: str | None = mk.CHAPTER
    section: str | None = mk.SECTION
    headings: set[str] = field(default_factory=set)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # (start, end, kind): parts of the text whose measures are another kind of list
    regions: list[tuple[int, int, str]] = field(default_factory=list)

    def measure_at(self, position: int) -> str | None:
        """The kind of list that holds the measures at ``position`` of the text."""
        if self.regions:
            i = bisect_right(self.regions, (position, sys.maxsize, "")) - 1
            if i >= 0 and self.regions[i][0] <= position < self.regions[i][1]:
                return self.regions[i][2]
        return self.measure

    def keeps(self, item: Found) -> bool:
        """Whether an item is structure: a heading, or a measure of its part of the text."""
        kind = item.marker.kind
        return kind in self.headings or kind == self.measure_at(item.start)


_MEASURE_KINDS = (
    mk.SECTION,
    mk.ARABIC,
    mk.OUTLINE2,
    mk.OUTLINE3,
    mk.PAREN_ARABIC,
    mk.CIRCLED,
    mk.LETTER,
    mk.ARTICLE,
    mk.ORDINAL,
)
_NARROW = 1.25  # a runner-up this close to the chosen level is worth a diagnostic
_SHOWN_LINES = 8  # lines of the runner-up list named in its diagnostic


def _measure_level(
    found: list[Found], folded: str, index: AttributionIndex, run_in: bool = False
) -> Level:
    """The measure level is the kind of list whose items each carry one attribution.

    Each kind is scored by the items whose whole span (down to the next item of the same or
    an outer kind) holds exactly one attribution, weighted by their share: sub-points of
    one measure share its attribution (few of them carry one), headings hold several.
    So notice items, attachment lists and tables of contents never decide the level, and
    (一) headings over attributed 1. items are headings (seeds 000 and 001, corpus 043 and
    074; decimal outlines and (1) items in fixtures styles/wuran_outline.txt and
    styles/jiuye_shared.txt). Without attributions the older content rules decide.
    """
    scores, carriers = _attribution_scores(found, index)
    # On a tie the inner kind wins: an attribution belongs to the innermost item holding it.
    ranked = sorted(scores, key=lambda kind: (scores[kind], _ORDER.index(kind)), reverse=True)
    if ranked and scores[ranked[0]] > 0:
        if ranked[0] == mk.SECTION and (
            _sections_bracketed_over_items(carriers[mk.SECTION], found, folded)
            or _sections_closed_after_items(
                carriers[mk.SECTION], found, index, folded if run_in else None
            )
        ):
            return _level_of(mk.ARABIC, found)
        level = _level_of(ranked[0], found)
        level.regions = _other_lists(found, level, carriers)
        regional = {kind for _, _, kind in level.regions}
        runner_up = next((kind for kind in ranked[1:] if kind not in regional), None)
        if runner_up and scores[runner_up] * _NARROW > scores[ranked[0]]:
            level.diagnostics.append(_level_uncertain(ranked[0], runner_up, carriers[runner_up]))
        return level
    if _chapters_are_measures(found, index):
        return Level(mk.CHAPTER, chapter=None, section=None)
    return _level_of(_level_by_content(found, folded), found)


def _sections_bracketed_over_items(carriers: list[Found], found: list[Found], folded: str) -> bool:
    """Whether the (一) items that carry units are headings over 1. items: each names its
    units in a bracket of labels closing its heading's line ("（一）法治宣传进机关（牵头单位：
    县委组织部、县司法局）"), no sentence before it, and a 1. item follows it. Their 1. items
    are the measures, which take the heading's units (_heading_bracket_attributions; round
    21: tests/parsing/documents d291, fixture styles/fenlei_kuohao_danwei.txt)."""
    if len(carriers) < 2:
        return False
    after = {id(a): b for a, b in itertools.pairwise(found)}
    for item in carriers:
        following = after.get(id(item))
        if following is None or following.marker.kind != mk.ARABIC:
            return False
        # (the heading runs to the 1. item: its line's end, or the bracket in a copy run in)
        if _heading_bracket(folded[item.start : following.start].rstrip()) is None:
            return False
    return True


def _sections_closed_after_items(
    carriers: list[Found], found: list[Found], index: AttributionIndex, folded: str | None = None
) -> bool:
    """Whether the (一) items that carry units each hold 1. items and name their units only
    after the last of them: one attribution closing the list, shared by its items, which are
    the measures (_share_list_attributions): "（责任单位：各乡镇）" after 1、–3、 (round 24:
    tests/parsing/documents d330, fixture styles/qianshou_biaoqian.txt), 责任单位：… /
    整改时限：… lines after a problem's 1.–3. 整改措施 (d182)."""
    if len(carriers) < 2:
        return False
    starts = index.starts()
    position = {id(f): i for i, f in enumerate(found)}
    for item in carriers:
        items = []
        for inner in found[position[id(item)] + 1 :]:
            if inner.marker.kind in (mk.CHAPTER, mk.SECTION):  # (ends: the next marker's)
                break
            if inner.marker.kind == mk.ARABIC:
                items.append(inner)
        # 1. items on lines below the heading (not sub-points run on in its paragraph:
        # "（一）落实…。1.…；2.…。（牵头单位：…）", fixture styles/anquan_subpoints.txt), and
        # no units before the last one's start (its heading's or an item's)
        if not items or (
            items[0].line == item.line
            and items[0].run_in != _GLUED
            and not _sentences_run_in(folded, items)
        ):
            return False
        if bisect_left(starts, items[-1].start) != bisect_left(starts, item.start):
            return False
    return True


def _sentences_run_in(folded: str | None, items: list[Found]) -> bool:
    """Whether ``items``, in a copy printed run-in (``folded``, else None), each follow a
    sentence end after the first: lines of their own once, not sub-points run on in their
    heading's paragraph, which ； parts ("1.…；2.…。", fixture styles/anquan_subpoints.txt).
    (Round 25 leftovers: d182 and fixture styles/qianshou_biaoqian.txt run in, where the
    （牵头） tags in the label lines after them no longer count as attributions.)"""
    if folded is None or len(items) < 2:
        return False
    return all(folded[item.start - 1] == "。" for item in items[1:])


def _heading_bracket(title: str) -> int | None:
    """Where the bracket of labels closing a folded heading ``title`` opens, when no sentence
    ends before it ("(一)法治宣传进机关(牵头单位:…)"), else None."""
    if not title.endswith((")", "]")):
        return None
    opened = _bracket_opening(title)
    if opened is None or "。" in title[:opened]:
        return None
    return opened if starts_with_label(title[opened + 1 :].lstrip()) else None


def _chapters_are_measures(found: list[Found], index: AttributionIndex) -> bool:
    """A plan of 若干措施 numbered 一、二、 only, each item one paragraph closed by its own
    attribution (一、建立…制度。…。（各区县人民政府、市直有关部门按职责分工负责）): its
    一、 items are the measures, not chapters (tests/parsing/documents d30, ASCII in
    fixture styles/jiuye_cuoshi.txt). Only when no inner list carries an attribution, and
    most 一、 items carry one on their own line, so a heading over unnumbered paragraphs is
    still a heading."""
    chapters = [f for f in found if f.marker.kind == mk.CHAPTER]
    if len(chapters) < 2:
        return False
    starts = index.starts()
    folded = index.folded
    carrying = 0
    for item in chapters:
        line_end = folded.find("\n", item.start, item.end)
        end = item.end if line_end < 0 else line_end
        carrying += bisect_left(starts, end) - bisect_left(starts, item.start) == 1
    return carrying * 2 > len(chapters)


def _other_lists(
    found: list[Found], level: Level, carriers: dict[str, list[Found]]
) -> list[tuple[int, int, str]]:
    """Chapters that hold no item of the chosen list but a list of another kind whose items
    carry units: there, that list holds the measures ("1." tasks in one chapter, "（1）"
    actions in the next; fixture styles/yingshang_mixed.txt)."""
    chapters = [f.start for f in found if f.marker.kind == level.chapter]
    carrying = None
    starts = [f.start for f in found]  # found is in text order
    measures = [f.start for f in found if f.marker.kind == level.measure]
    regions = []
    for start, end in itertools.pairwise([0, *chapters, sys.maxsize]):
        first, stop = bisect_left(starts, start), bisect_left(starts, end)
        if first == stop or bisect_left(measures, start) < bisect_left(measures, end):
            continue  # no item, or an item of the chosen list (most chapters)
        inside = _by_kind(found[first:stop])
        if carrying is None:
            carrying = {id(f) for items in carriers.values() for f in items}
        for kind in reversed(_MEASURE_KINDS):  # the innermost list holding units
            items = inside.get(kind, ())
            held = sum(id(f) in carrying for f in items)
            if held and held * 2 >= len(items):
                regions.append((start, end, kind))
                break
    return regions


def _level_uncertain(chosen: str, other: str, items: list[Found]) -> Diagnostic:
    """The runner-up list, pointed at by its first item, its other lines in the message."""
    lines = sorted({item.line for item in items})
    shown = ", ".join(map(str, lines[:_SHOWN_LINES])) + (", …" if len(lines) > _SHOWN_LINES else "")
    return Diagnostic(
        "level-uncertain",
        f"Measures were read at the {_KIND_NAMES[chosen]} level, but the {_KIND_NAMES[other]} "
        f"items on lines {shown} also carry units; check which are the measures.",
        lines[0] if lines else None,
        level="info",
    )


_KIND_NAMES = {
    mk.CHAPTER: "一、",
    mk.SECTION: "(一)",
    mk.ARABIC: "1.",
    mk.OUTLINE2: "1.1",
    mk.OUTLINE3: "1.1.1",
    mk.PAREN_ARABIC: "(1)",
    mk.CIRCLED: "①",
    mk.LETTER: "A.",
    mk.ARTICLE: "第一条",
    mk.ORDINAL: "一是",
}


def _attribution_scores(
    found: list[Found], index: AttributionIndex
) -> tuple[dict[str, float], dict[str, list[Found]]]:
    """Each kind's score, and its items that carry one attribution."""
    folded = index.folded
    starts = index.starts()
    scores: dict[str, float] = {}
    carriers: dict[str, list[Found]] = {}
    if not starts:
        return scores, carriers
    by_kind = _by_kind(found)
    # the attributions before each marker, counted once for every kind (by bisection in C),
    # where two bisections per item and kind counted them again at the next item's start
    # (speed21); a span's count is the difference of its ends'
    opened = list(map(_START, found))
    below = dict(zip(opened, map(bisect_left, repeat(starts), opened), strict=True))
    for kind in _MEASURE_KINDS:
        items = by_kind.get(kind)
        if not items:
            continue
        outer = _ORDER[: _ORDER.index(kind) + 1]
        stops = sorted(f.start for k in outer for f in by_kind.get(k, ()))
        # each item's span runs down to the next stop (the start of an item of the same or
        # an outer kind) or the end, and carries one attribution when one start lies in it
        firsts = [item.start for item in items]
        at_stops = [*map(below.__getitem__, stops), bisect_left(starts, len(folded))]
        ends = map(at_stops.__getitem__, map(bisect_right, repeat(stops), firsts))
        one = map(eq, map(sub, ends, map(below.__getitem__, firsts)), repeat(1))
        carriers[kind] = list(compress(items, one))
        if kind == mk.SECTION and carriers[kind]:  # (a heading over one bullet: _over_bullets)
            carriers[kind] = [item for item in carriers[kind] if not _over_bullets(item, folded)]
        scores[kind] = len(carriers[kind]) ** 2 / len(items)
    return scores, carriers


def _by_kind(found: list[Found]) -> dict[str, list[Found]]:
    """The items of each marker kind, in text order."""
    groups: dict[str, list[Found]] = {}
    for item in found:
        groups.setdefault(item.marker.kind, []).append(item)
    return groups


def _level_of(measure: str | None, found: list[Found]) -> Level:
    present = {f.marker.kind for f in found}
    if measure is None:
        return Level(None, headings={mk.CHAPTER, mk.SECTION})
    above = set(_ORDER[: _ORDER.index(measure)]) & present
    if measure == mk.ARTICLE:
        above = {mk.CHAPTER, mk.SECTION} & present
    level = Level(measure, headings=above)
    if measure in (mk.OUTLINE2, mk.OUTLINE3):
        # decimal outlines: "1." chapters (when there are no 一、), "1.1" sections
        level.chapter = mk.CHAPTER if mk.CHAPTER in present else mk.ARABIC
        level.section = mk.OUTLINE2 if measure == mk.OUTLINE3 else mk.SECTION
    return level


def _level_by_content(found: list[Found], folded: str) -> str | None:
    """Without attributions: articles; (1) under heading-only 1. lines; 1.; working (一)."""
    kinds = Counter(f.marker.kind for f in found)
    if kinds[mk.ARTICLE] >= 2:
        return mk.ARTICLE
    arabic = [f for f in found if f.marker.kind == mk.ARABIC]
    paren = [f for f in found if f.marker.kind == mk.PAREN_ARABIC]
    if paren and _mostly_content(paren, folded) and not _mostly_content(arabic, folded):
        return mk.PAREN_ARABIC
    if arabic:
        return mk.ARABIC
    outline = _content_outline(found, folded)
    if outline:
        return outline
    sections = _sections_in_working_chapters(found, folded)
    if any(_over_bullets(f, folded) for f in sections):
        return None  # (一) headings over bullets: a later 保障措施's (一)强化… is no measure
    if [f for f in sections if _is_section_task(f, folded)]:
        return mk.SECTION
    return None


def _content_outline(found: list[Found], folded: str) -> str | None:
    """The innermost decimal outline whose items mostly carry work, under 一、 headings that
    hold no 1. list: "1.1 组织…排查，…。" items naming no units of their own (a chapter's
    closing "以上工作由X牵头，Y配合。" sentence names them, or none does). Round 25 (法治):
    tests/parsing/documents d336, fixture styles/yaodian_xiaoshu_wudanwei.txt. Printed with
    a dot: a hyphen outline's rows (1-1 and a tab) are a table's (d183, fixture
    styles/fenhao_xiangmu.txt)."""
    for kind in (mk.OUTLINE3, mk.OUTLINE2):
        items = [
            f for f in found if f.marker.kind == kind and "-" not in folded[f.start : f.marker.end]
        ]
        if len(items) >= 2 and _mostly_content(items, folded):
            return kind
    return None


def _mostly_content(items: list[Found], folded: str) -> bool:
    if not items:
        return False
    return sum(_is_content(f, folded) for f in items) * 2 > len(items)


def _is_content(item: Found, folded: str) -> bool:
    """A numbered item that carries work: a sentence or an attribution, not a bare heading
    (headings over tables, or over sub-items cut off by the end of the copy)."""
    if folded.find("。", item.marker.end, item.end) >= 0:  # (most items: no copy of the body)
        return True
    body = folded[item.marker.end : item.end]
    if find_attribution(body) is not None:
        return True
    # "2.健全…机制,年内为200名执法人员开展培训." (fixtures styles/fazhi_byunit.txt and
    # wenlv_leading.txt; d20 and d22 print ASCII periods too)
    if _ASCII_SENTENCE_END.search(body):
        return True
    return leading_units(folded, item.marker.end) is not None or _cut_off_mid_sentence(
        item, folded, body
    )


def _cut_off_mid_sentence(item: Found, folded: str, body: str) -> bool:
    """The copy ends inside this item's sentence (an excerpt cut mid-measure): one paragraph
    running to the text's end with two clause breaks or more, where a heading has at most
    one ("8.加强青少年法治教育，落实…制度，每所学校…，推动法治" at the end of tests/parsing/
    documents d112 and of fixture styles/cut_mid_measure.txt)."""
    return (
        item.end >= len(folded.rstrip())
        and body.count(",") >= _CUT_OFF_CLAUSES
        and not _BLANK_LINE.search(body.strip())
    )


_CUT_OFF_CLAUSES = 2  # clause breaks in a cut-off sentence: more than a heading's one
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")

# An ASCII period that ends a sentence: not inside a number (1.5万) nor before one.
_ASCII_SENTENCE_END = re.compile(r"\.(?!\d)(?<!\d\.)")


# A (一) line over paragraphs opened by bullets is their heading, as 一、 is over d47's
# ("（一）推进餐饮行业节约" over "▲ 推行…。（X牵头，Y配合）": round 21, tests/parsing/documents
# d283, fixture styles/sanjiao_bullets.txt); not the dashes, which a sentence may open.
_BULLET_OPENERS = "".join(fold(b) for b in vocabulary()["bullets"] if fold(b) != "-")
_BULLET_OPENER = re.compile("[" + re.escape(_BULLET_OPENERS) + "]")


def _over_bullets(item: Found, folded: str) -> bool:
    """Whether the (一) ``item`` heads paragraphs opened by bullets (its next line opens with
    one)."""
    line_end = folded.find("\n", item.marker.end, item.end)
    if line_end < 0:  # run in: the first bullet glued to the heading ("…节约▲ 推行…": d283)
        reach = min(item.end, item.marker.end + _MAX_HEADING)
        glued = _BULLET_OPENER.search(folded, item.marker.end, reach)
        return glued is not None and "。" not in folded[item.marker.end : glued.start()]
    rest = folded[line_end : item.end].lstrip(_LINE_INDENT + "\n")
    return bool(rest) and rest[0] in _BULLET_OPENERS


def _is_section_task(item: Found, folded: str) -> bool:
    """A (一) item that is a measure: a heading followed by more text, or an attribution."""
    if _over_bullets(item, folded):
        return False
    body = folded[item.marker.end : item.end].strip()
    if find_attribution(body) is not None:
        return True
    first_line, _, rest = body.partition("\n")
    _heading_sentence, _stop, after = first_line.partition("。")
    return bool(after.strip() or (rest.strip() and "。" in rest))


def _is_measure(item: Found, folded: str) -> bool:
    if item.marker.kind == mk.SECTION:
        return _is_section_task(item, folded)
    return _is_content(item, folded)


def _sections_in_working_chapters(found: list[Found], folded: str) -> list[Found]:
    front = vocabulary()["front_matter_headings"]
    chapter_title = ""
    out = []
    for item in found:
        if item.marker.kind == mk.CHAPTER:
            chapter_title = _heading(folded, folded, item)
        elif (
            item.marker.kind == mk.SECTION
            and not _is_front_matter(chapter_title, front)
            and not _is_front_matter(_heading(folded, folded, item), front)
        ):
            out.append(item)
    return out


def _is_front_matter(folded_title: str, words: Sequence[str]) -> bool:
    """A heading that names front matter: it opens with such a word ("总体要求", "指导思想和
    工作目标") or, being no longer than a printed line, ends with one ("充分认识…重要意义").
    A word further inside is the paragraph a copy ran into the heading ("…社会共识和基本原则").
    The title is folded (總體目標 is 总体目标); blanks that space a short heading out
    ("总　则", tests/parsing/documents d02) are not part of its words."""
    title = "".join(folded_title.split())
    words = tuple(words)
    return title.startswith(words) or (len(title) <= _PRINTED_LINE and title.endswith(words))


def _heading(text: str, folded: str, item: Found) -> str:
    """The heading of a numbered line: its text up to the first 。 or the end of line, cut
    from ``text`` (pass ``folded`` twice for the folded heading)."""
    span = item.heading_span
    if span is None or span[0] != item.end:  # found once per item and end
        start = item.marker.end
        stop_at = item.end or len(folded)  # no further than the next item (a run-in line is long)
        line_end = folded.find("\n", start, stop_at)
        line_end = stop_at if line_end < 0 else line_end
        stop = folded.find("。", start, line_end)
        if stop < 0 and folded.find(".", start, line_end) >= 0:
            stop = _ascii_stop(folded, start, line_end)
        span = item.heading_span = (item.end, start, line_end if stop < 0 else stop)
    return text[span[1] : span[2]].strip()


def _run_in_labels(
    skeleton: Skeleton, item: Found, text: str, folded: str, chapter: str | None, section
) -> tuple[str, str]:
    """A heading's text and its folded text, without the label lines a copy printed run-in
    ran into it ("行动二：科学民主立法行动牵头领导：周某某牵头单位：X、Y1.完成…"): those are kept
    in ``skeleton.heading_labels`` for the measures under it, as _heading_label_lines reads
    them under a heading printed on its own line (tests/parsing/documents d233 and fixture
    styles/xingdong_qiantou.txt, both run in). The label follows the heading's words, not a
    bracket ("完善机制（牵头单位：X）" is a heading's own note), and the heading runs up to the
    next item on its line without a sentence end (_heading), so the labels are all that
    follows."""
    heading, folded_heading = _heading(text, folded, item), _heading(folded, folded, item)
    if ":" not in folded_heading or folded.find("\n", item.marker.end, item.end) >= 0:
        # (a colon in every label form run in, 牵头单位：; a heading's line that ends before
        # the next item is printed as is, its labels on lines of their own)
        return heading, folded_heading
    units = _glued_units_line(folded_heading)
    if units is not None:  # "（一）第一季度县委依法治县办牵头：1.…": the units line's clause
        labels = heading[units : len(folded_heading.rstrip(_LINE_INDENT)) - 1].rstrip()
        skeleton.heading_labels[chapter, section] = (labels, item.line)
        return heading[:units].rstrip(), folded_heading[:units].rstrip()
    at = colon_label_start(folded_heading, _MIN_TITLE)
    if at < 0 or folded_heading[at - 1] in "([〔【":
        return heading, folded_heading
    labels = heading[at:].rstrip()
    skeleton.heading_labels[chapter, section] = (labels, item.line)
    return heading[:at].rstrip(), folded_heading[:at].rstrip()


def _glued_units_line(folded_heading: str) -> int | None:
    """Where a units line a copy printed run-in glued to its heading starts: the heading
    ends with units and their role verbs closed by a colon ("第一季度县委依法治县办牵头：",
    "考核实施县司法局负责："; printed, the line under the heading that _label_block reads as
    _verb_line_clause: round 23's tests/parsing/documents d313 and d318 and fixture
    styles/guwen_kaohe_maohao.txt, run in). The title ends where the first unit opens, as a
    unit subject ends a run-in heading (_unit_subject); None when none opens in it."""
    clause = folded_heading.rstrip(_LINE_INDENT)
    if _verb_line_clause(clause) is None:
        return None
    unit = _unit_subject(clause, len(clause))
    return None if unit is None else unit.start()


def _ascii_stop(folded: str, start: int, end: int) -> int:
    """Where a line in ASCII punctuation ends its first sentence, or -1, as 。 does: the title
    of "(一)加强组织领导.各乡镇…" (tests/parsing/documents d122; fixtures styles/jiufen_ascii.txt,
    xumu_threelevels.txt, lvhua_yishi.txt, whose section titles ran on past the period)."""
    found = _ASCII_SENTENCE_END.search(folded, start, end)
    return -1 if found is None else found.start()


# -- assembling the skeleton ---------------------------------------------------------


def _assemble(
    found: list[Found], level: Level, text: str, folded: str, index: AttributionIndex
) -> Skeleton:
    skeleton = Skeleton()
    # (tuples: _is_front_matter and startswith take them as they are)
    goal_words = tuple(vocabulary()["goal_headings"])
    front = tuple(vocabulary()["front_matter_headings"])
    chapter = section = None
    in_front_matter = True
    front_chapter = False  # the current chapter is front matter (总体要求 …)
    lists = _list_families(found, folded, front, level)
    measure_at = level.measure_at if level.regions else None  # else level.measure throughout
    for item in found:
        kind = item.marker.kind
        if kind == (measure_at(item.start) if measure_at else level.measure) and (
            # (an item with a sentence end is content: _is_content, asked of most at once)
            (kind != mk.SECTION and folded.find("。", item.marker.end, item.end) >= 0)
            or _is_measure(item, folded)
        ):
            measure = _measure(item, chapter, section, text, index)
            if kind in (mk.OUTLINE2, mk.OUTLINE3):  # "2.1.1" has no number of its own
                measure.no = len(skeleton.measures) + 1
            skeleton.measures.append(measure)
            if skeleton.body_start is None:  # (only the first working measure tells)
                works = measure.attribution_raw is not None or not front_chapter
                if works and not is_purpose_clause(measure.folded):
                    _work_begins(skeleton, item)
            continue
        if front_chapter and id(item) in lists:
            _collect_listed_goal(skeleton, item, text, folded)
            continue
        if kind == level.chapter and kind in level.headings:
            chapter, section = _number_label(item), None
            heading, folded_heading = _run_in_labels(skeleton, item, text, folded, chapter, None)
            title = _run_in_title(heading, folded_heading, item, folded, front)
            in_front_matter = front_chapter = _is_front_matter(
                _heading(folded, folded, item), front
            )
            skeleton.chapters.append(Chapter(chapter, title, item.line))
            skeleton.chapter_starts.append(item.start)
            _collect_goal(skeleton, item, text, folded, goal_words)
            if not front_chapter:
                _work_begins(skeleton, item)
        elif kind == level.section and kind in level.headings:
            if id(item) in lists:
                continue
            section = _number_label(item)
            heading, folded_title = _run_in_labels(skeleton, item, text, folded, chapter, section)
            title = _run_in_title(heading, folded_title, item, folded, front)
            skeleton.sections.append(Section(section, chapter, title, item.line))
            skeleton.section_starts.append(item.start)
            _collect_goal(skeleton, item, text, folded, goal_words)
            measure_kind = measure_at(item.start) if measure_at else level.measure
            if measure_kind == mk.ORDINAL and not front_chapter:
                skeleton.measures += _section_without_ordinals(item, chapter, text, index)
            if (
                skeleton.body_start is None  # (only the first working heading tells)
                and not front_chapter
                and not _is_front_matter(folded_title[: len(title)], front)
            ):
                _work_begins(skeleton, item)
        if not in_front_matter:
            skeleton.measures += _unnumbered_measures(item, chapter, section, text, index, skeleton)
    return skeleton


_SENTENCE_END = re.compile(r"。|\.(?!\d)")  # the heading sentence's end, 。 or an ASCII period


def _section_without_ordinals(
    item: Found, chapter, text: str, index: AttributionIndex
) -> list[RawMeasure]:
    """In a plan whose measures are the ordinals of its (一) paragraphs ("一是…（X负责）；二是…
    （Y负责）。"), a (一) paragraph that lists no ordinals and ends with its own bracket
    ("（四）开展道路绿化提升。对…补植行道树2000株（区城市管理局负责）。") is one measure, its
    text after the heading sentence (tests/parsing/documents d37, fixture styles/
    lvhua_yishi.txt)."""
    located = index.find(item.marker.end, item.end)
    if located is None:
        return []
    body = text[item.marker.end : item.end]
    tail = index.folded[item.marker.end + located.raw_end : item.end]
    if tail.strip(_LINE_INDENT + "\n)）。.;；"):
        return []  # the bracket does not close the paragraph
    opening = item.marker.end
    sentence = _SENTENCE_END.search(index.folded, opening, opening + located.text_end)
    start = sentence.end() - item.marker.end if sentence else 0
    measure_text = body[start : located.text_end].strip(_LINE_INDENT + "\n")
    if not measure_text:
        return []
    return [
        RawMeasure(
            no=1,
            chapter=chapter,
            section=item.marker.label,
            text=measure_text,
            attribution_raw=body[located.raw_start : located.raw_end],
            line=item.line,
        )
    ]


def _work_begins(skeleton: Skeleton, item: Found) -> None:
    """Record where the plan's work begins: its first working heading or measure."""
    if skeleton.body_start is None:
        skeleton.body_start = item.start


def _unnumbered_measures(
    item: Found, chapter, section, text: str, index: AttributionIndex, skeleton
) -> list[RawMeasure]:
    """Paragraphs under a heading that end with an attribution are measures even when
    their number was lost (a copy that starts mid-way, a damaged marker)."""
    out = []
    folded_text = index.folded
    quiet = 0  # (run in: every span is read)
    body_start = folded_text.find("\n", item.marker.end, item.end)
    run_in = body_start < 0 and item.line == 1  # a copy printed run-in is one line
    if run_in:
        spans = _run_in_bullets(folded_text, item.marker.end, item.end)
        # paragraphs that lost their numbers, each closed by its units, in a plan whose
        # measures carry no number (yingshang_yishi's 一是… run in: its own measures' numbers)
        if not spans and all(measure.unnumbered for measure in skeleton.measures):
            spans = _run_in_closing_brackets(folded_text, item.marker.end, item.end, index)
            if spans and skeleton.chapter_starts and skeleton.chapter_starts[-1] == item.start:
                # the chapter's title ends where its first measure starts (二、重点任务实施…)
                heading = text[item.marker.end : spans[0][0]].strip(_LINE_INDENT + ":")
                if heading and len(heading) < len(skeleton.chapters[-1].title):
                    skeleton.chapters[-1].title = heading
    elif body_start < 0 or not folded_text[body_start + 1 : item.end].strip():
        return out  # (a heading over the next item: blank lines at most between)
    else:
        # (most headings' paragraphs hold no bracket, label nor role verb: none is read)
        quiet = index.quiet_until(body_start + 1, item.end)
        if quiet == item.end:
            return out
        spans = _paragraphs(folded_text, body_start + 1, item.end)
        if index.has_bracket_lines():
            spans = _with_units_below(folded_text, list(spans), index)
    # Paragraph by paragraph, on the folded text; the printed one is cut out only for a
    # measure.
    for offset, paragraph_end in spans:
        folded = folded_text[offset:paragraph_end].rstrip()
        # (a blank line, or a line ending before anything find may find: quiet_until)
        found = folded and offset + len(folded) > quiet
        located = index.find(offset, offset + len(folded)) if found else None
        # (run in, the last bullet's span runs on past its bracket into the closing prose)
        ends = located and (run_in or located.raw_end >= len(folded) - 2)
        if ends and located.text_end > 0:
            paragraph = text[offset:paragraph_end]
            # numbered on from the last measure found, this heading's own included (the
            # bullets of every chapter after the first took one number: d47, d54)
            previous = (out or skeleton.measures or [None])[-1]
            printed, code = _without_code(paragraph[: located.text_end].strip(_LINE_INDENT + "\n"))
            number = code or (previous.no + 1 if previous else 1)
            line = item.line + folded_text.count("\n", item.start, offset)
            out.append(
                RawMeasure(
                    no=number,
                    chapter=chapter,
                    section=section,
                    text=_without_bullet(printed),
                    attribution_raw=paragraph[located.raw_start : located.raw_end],
                    line=line,
                    unnumbered=True,
                )
            )
    return out


def _with_units_below(folded: str, spans: list[tuple[int, int]], index: AttributionIndex):
    """Paragraphs under a heading, a paragraph that closes with no units joined with the line
    under it that is only a bracket of units: a hard-wrapped copy whose sentence ended right
    at the margin prints its units on the next line ("…危房改造150户。" at 29 characters over
    "（牵头单位：县住房城乡建设局；…）": tests/parsing/documents d60 hard-wrapped at 29;
    fixtures styles/wenzhang_lostnumbers.txt at 21 and jiuye_lostgoals.txt at 18). A
    measure's text runs up to its units, as on a line of its own under a numbered item."""
    out: list[tuple[int, int]] = []
    for offset, end in spans:
        if out and folded[offset : offset + 1] in _OPENING_BRACKETS:
            before_offset, before_end = out[-1]
            alone = index.find(offset, end)
            if (
                alone is not None
                and alone.text_end == 0
                and alone.raw_end >= end - offset - 2
                and folded[before_offset:before_end].strip(_LINE_INDENT)
                and (index.find(before_offset, before_end) is None)
            ):
                out[-1] = (before_offset, end)
                continue
        out.append((offset, end))
    return out


_OPENING_BRACKETS = ("(", "[")  # folded


def _numbers_lost(text: str, folded: str, index: AttributionIndex, skeleton, run_in: bool) -> list:
    """A plan copied from Word with its automatic numbering lost has no marker at all; its
    paragraphs that end with an attribution are its measures, numbered 1, 2, … in order, under
    no chapter (its headings, 重点任务, lost their numerals too), as the paragraphs under a
    numbered heading are (_unnumbered_measures: tests/parsing/documents d60; fixture
    styles/wenzhang_lostnumbers.txt). Two at least: one bracket in prose is no list; a
    diagnostic says the numbers were inferred."""
    if run_in:
        return _numbers_lost_run_in(text, folded, index, skeleton)
    whole = Found(mk.Marker("", 0, 0), 0, 1, end=len(folded))
    measures = _unnumbered_measures(whole, None, None, text, index, skeleton)
    if len(measures) < 2:
        return []
    skeleton.goal_texts += _goals_without_numeral(text, folded, measures[0].line)
    skeleton.diagnostics.append(
        Diagnostic(
            "numbers-inferred",
            "No paragraph carries a number: the paragraphs that end with units were read as "
            "the measures, numbered in order; check their numbers against the original.",
            measures[0].line,
            level="warning",
        )
    )
    return measures


def _numbers_lost_run_in(text: str, folded: str, index: AttributionIndex, skeleton) -> list:
    """Printed run in (every line break removed), a copy that lost its numbers still parts
    its measures where each closes a sentence with its units: "…实施危桥改造8座。（牵头单位：
    X；责任单位：Y）推进农村供水保障。…（…）…" (tests/parsing/documents d60 run in; fixtures
    styles/wenzhang_lostnumbers.txt and jiuye_lostgoals.txt run in, ASCII). A measure runs from
    the bracket closing the one before to its own bracket; the first from the working
    heading glued before it (重点任务开展…: structure.toml task_headings), else from its last
    sentence. Two such brackets at least, as on printed lines; numbered 1, 2, … and said so."""
    closing = _closing_brackets(folded, 0, len(folded), index)
    if len(closing) < 2:
        return []
    start, heading_at = _after_task_heading(folded, 0, closing[0][0], _fewest(folded, closing))
    measures = []
    for open_at, close_at in closing:
        if start < open_at:
            measures.append(
                RawMeasure(
                    no=len(measures) + 1,
                    chapter=None,
                    section=None,
                    text=text[start:open_at].strip(_LINE_INDENT),
                    attribution_raw=text[open_at + 1 : close_at],
                    line=1,
                    unnumbered=True,
                )
            )
        start = close_at + 1
    if len(measures) < 2:
        return []
    skeleton.goal_texts += _goals_run_in(text, folded, heading_at)
    skeleton.diagnostics.append(
        Diagnostic(
            "numbers-inferred",
            "No paragraph carries a number: the paragraphs that end with units were read as "
            "the measures, numbered in order; check their numbers against the original.",
            1,
            level="warning",
        )
    )
    return measures


def _closing_brackets(folded: str, start: int, end: int, index: AttributionIndex) -> list:
    """The attribution brackets between ``start`` and ``end`` that close a sentence (。 or
    . before the bracket: "…8座。（牵头单位：…）")."""
    first = bisect_left(index.brackets, (start, -1))
    return [
        (open_at, close_at)
        for open_at, close_at in itertools.takewhile(
            lambda pair: pair[0] < end, index.brackets[first:]
        )
        if close_at < end and folded[open_at - 1 : open_at] in ("。", ".")
    ]


def _run_in_closing_brackets(
    folded: str, start: int, end: int, index: AttributionIndex
) -> list[tuple[int, int]]:
    """Printed run in, under a numbered heading, paragraphs that lost their numbers and
    close with their units ("二、重点任务实施农村道路畅通工程。…8座。（牵头单位：…）推进…"),
    as in a copy with no number at all (_numbers_lost_run_in; d60 with its headings
    numbered, fixture styles/wenzhang_lostnumbers.txt likewise): each from the bracket before
    to its own, the first after the working heading or at its last sentence. Two at least."""
    closing = _closing_brackets(folded, start, end, index)
    # (a project code glued to the heading opens the first, one alone too: "一、数字基础设施
    # SZ-01　建设…", round 17, d205 and fixture styles/xiangmu_bianhao.txt printed run-in)
    code = _GLUED_CODE.search(folded, start, closing[0][0]) if closing else None
    if len(closing) < 2 and code is None:
        return []
    if code:
        first = code.start()
    else:
        first, heading_at = _after_task_heading(folded, start, closing[0][0])
        if heading_at == first:  # (no working heading: at the first measure's last sentence)
            first = _glued_title_start(folded, start, closing) or first
    spans = []
    for _, close_at in closing:
        spans.append((first, close_at + 1))
        first = close_at + 1
    return spans


def _glued_title_start(folded: str, start: int, closing: list[tuple[int, int]]) -> int | None:
    """Printed run in, where the first measure under a descriptive chapter heading starts
    when the heading holds its title sentence ("二、深化以案释法建立典型案例发布制度。各执法…
    发布。（…）推行庭审直播和旁听活动。每年…。（…）": tests/parsing/documents d368 and d398
    run in, 夯实监管基础健全食品安全包保责任体系。). The measures after it hold a title sentence
    and their work (two sentences at least: _fewest), and the first holds as many only with
    the heading's: the title opens at the first measure verb (structure.toml
    measure_title_verbs) past the shortest heading, leaving a title of that length at
    least. None when the sentences do not say so or no such verb stands there."""
    if len(closing) < 2:
        return None
    fewest = _fewest(folded, closing)
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, start, closing[0][0] - 1)]
    if fewest < 2 or len(ends) != fewest - 1:
        return None
    verbs = word_list("measure_title_verbs")
    for at in range(start + _MIN_TITLE, ends[0] - 1 - _MIN_TITLE + 1):
        if folded.startswith(verbs, at):
            return at
    return None


def _fewest(folded: str, closing: list[tuple[int, int]]) -> int:
    """The fewest sentences a measure after the first holds, from the bracket closing the one
    before to its own (its title sentence and its work: 2 in d60)."""
    return min(
        len(_SENTENCE_END.findall(folded, before[1] + 1, after[0]))
        for before, after in itertools.pairwise(closing)
    )


def _after_task_heading(
    folded: str, start: int, first_open: int, sentences: int = 1
) -> tuple[int, int]:
    """(where the first measure starts, where the heading over it starts) in a run-in copy
    without numbers: after the last working heading (重点任务) that follows a sentence end
    (or ``start``, a heading's marker) before the first measure's bracket, else at the last
    sentence of that measure, or the last ``sentences`` under a goal heading (no heading:
    the heading is where the measure starts, so the goals above end there)."""
    best = size = -1
    for word in vocabulary()["task_headings"]:
        at = folded.rfind(word, start, first_open)
        if at > best and (at == start or folded[at - 1 : at] in _RUN_IN_HEADING_AFTER):
            best, size = at, len(word)
    if best >= 0:
        begin = best + size
        while folded[begin] in _LINE_INDENT + ":":
            begin += 1
        return begin, best
    ends = [m.end() for m in _SENTENCE_END.finditer(folded, start, first_open - 1)]
    last = ends[-1] if ends else start
    begin = _after_preamble(folded, start, last, ends[-sentences:])
    return begin, begin  # (the goals end where the first measure begins)


def _after_preamble(folded: str, start: int, last: int, tail: list[int]) -> int:
    """Where the first measure starts with no working heading before it: after the
    sentence closing the preamble (…分解如下。, …制定本清单.: structure.toml
    preamble_closings) when one stands before its last sentence (``last``) and no
    front-matter or goal heading comes after it (its paragraph is no measure's), else at
    ``last`` (d60 without its headings; fixture styles/shuili_lostheadings.txt, run in), or
    under a goal heading, as many sentences back as the other measures hold (``tail``: their
    sentence ends)."""
    words = vocabulary()
    closing = max(folded.rfind(word, start, last) for word in words["preamble_closings"])
    end = _PREAMBLE_END.search(folded, closing, last) if closing >= 0 else None
    headings = (*words["front_matter_headings"], *words["goal_headings"])
    if end is not None and not any(folded.find(word, end.end(), last) >= 0 for word in headings):
        return end.end()
    return _after_goals(folded, start, last, tail, headings)


def _after_goals(folded: str, start: int, last: int, tail: list[int], headings) -> int:
    """Under a goal heading with no working heading after it (总体要求坚持…行政村。实施农村道路
    畅通工程。新改建…8座。（…）), the first measure holds as many sentences as the fewest of the
    others (``tail``: the ends of the sentences before its last), its title sentence with
    them, and the goal paragraph keeps one sentence at least (d60 without its working
    heading, fixture styles/jianshe_goalnohead.txt, run in); else its last sentence."""
    if len(tail) < 2:
        return last
    heading = max(folded.rfind(word, start, tail[0]) for word in headings)
    if heading < 0 or _SENTENCE_END.search(folded, heading, tail[0]) is None:
        return last
    return tail[0]


_PREAMBLE_END = re.compile(r"[。:]|\.(?!\d)")  # folded: 如下： ends a preamble as 。 does


_RUN_IN_HEADING_AFTER = ("", "。", ".", ":", ";", "；")  # what a heading run in follows


def _goals_run_in(text: str, folded: str, end: int) -> list[str]:
    """Run in, before the working heading (``end``) of a copy that lost its numbers, a goal
    heading's paragraph (工作目标全县城镇新增就业…) or a front-matter heading's that opens with
    its year after one short clause at most (总体要求坚持…，到2024年底，…), each up to the next
    heading, as _goals_without_numeral reads them on lines (d60 run in; fixture
    styles/jiuye_lostgoals.txt run in)."""
    goal_words = vocabulary()["goal_headings"]
    front = vocabulary()["front_matter_headings"]
    found = sorted(
        (at, word)
        for word in {*goal_words, *front}
        if (at := folded.rfind(word, 0, end)) >= 0 and folded[at - 1 : at] in _RUN_IN_HEADING_AFTER
    )
    stops = [at for at, _ in found[1:]] + [end] if found else []
    goals = []
    for (at, word), stop in zip(found, stops, strict=True):
        if word in goal_words or _front_heading_then_year().match(folded, at, stop):
            goals.append(text[at + len(word) : stop].strip(_LINE_INDENT + ":"))
    return goals


def _goals_without_numeral(text: str, folded: str, first_line: int) -> list[str]:
    """Before the first measure of a copy that lost its numbers, a heading on a line of its
    own is read as its numbered form would be (_collect_goal): the paragraph under a goal
    heading (工作目标) states the plan's goals, and so does the one under a front-matter
    heading (总体要求) that opens with the year its goals are set for, after one short clause
    at most (总体要求 / 坚持数量服从质量、进度服从实效，到2024年底，…: tests/parsing/documents
    d60; 工作目标 / 全县城镇新增就业3000人以上…: fixture styles/jiuye_lostgoals.txt)."""
    goal_words = tuple(vocabulary()["goal_headings"])
    front = tuple(vocabulary()["front_matter_headings"])
    lines: list[tuple[int, int]] = []  # (start, end) of each line before the first measure
    offset = 0
    while len(lines) < first_line - 1 and (end := folded.find("\n", offset)) >= 0:
        lines.append((offset, end))
        offset = end + 1
    goals = []
    for i, (start, end) in enumerate(lines):
        heading = folded[start:end].strip(_LINE_INDENT + ":")
        if not heading or len(heading) > 8 or not heading.startswith(front + goal_words):
            continue  # (a heading alone on its line: one word of the vocabulary)
        under = next(((s, e) for s, e in lines[i + 1 :] if folded[s:e].strip(_LINE_INDENT)), None)
        if under is None:
            continue
        if heading in goal_words or (
            heading in front and _front_heading_then_year().match(folded, start, under[1])
        ):
            goals.append(text[under[0] : under[1]].strip(_LINE_INDENT))
    return goals


def _paragraphs(folded: str, offset: int, end: int):
    """(start, end) of each line from ``offset`` to ``end``."""
    while offset <= end:
        paragraph_end = folded.find("\n", offset, end)
        if paragraph_end < 0:
            paragraph_end = end
        yield offset, paragraph_end
        offset = paragraph_end + 1


def _run_in_bullets(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """In a copy printed run-in (no line to part them), the measures a bullet opens after
    the sentence or bracket before it ("…配合）● 新建…", "…负责）——打造…": tests/parsing/
    documents d47 and d54 printed run-in), each up to the next."""
    opens = [found.end() - 1 for found in _RUN_IN_BULLET.finditer(folded, start, end)]
    first = _GLUED_BULLET.search(folded, start, opens[0] if opens else end)
    if first:  # the first, glued to its heading ("一、压实防汛抗旱责任● 落实…")
        opens.insert(0, first.start())
    return list(zip(opens, [*opens[1:], end], strict=False))


# A project code opening an unnumbered measure ("SZ-01　建设…", "XM-03：推进…"): Latin capitals,
# a dash and the item's number, then a blank or a colon (round 17: tests/parsing/documents
# d205, fixture styles/xiangmu_bianhao.txt). Its number is the measure's; no part of the text.
_ITEM_CODE = re.compile(r"[A-Z]{1,4}[-－](\d{1,3})(?:[ \t\u3000]+|[:：][ \t\u3000]*)")


# (folded: the dash and the colon read - and :)
_GLUED_CODE = re.compile(r"[A-Z]{1,4}-\d{1,3}(?:[ \t\u3000]+|:)")


def _without_code(text: str) -> tuple[str, int]:
    """The measure's text without its project code, and the code's number (0 when none)."""
    code = _ITEM_CODE.match(text) if text[:1].isascii() else None
    return (text[code.end() :], int(code.group(1))) if code else (text, 0)


def _without_bullet(text: str) -> str:
    """An unnumbered measure's text without the bullet that opens it ("● 开展…",
    "——开展…": tests/parsing/documents d47 and d54; structure.toml bullets)."""
    if text and text[0] in _BULLETS:
        return text.lstrip(_BULLETS + _LINE_INDENT)
    return text


_KEY_MARKS = "".join(vocabulary()["key_task_marks"] + vocabulary()["number_bullets"])
_KEY_MARK_RUN = re.compile(rf"[{_KEY_MARKS}]+(?=[{_LINE_INDENT}]*[\d(〔【])")


def key_marks_blanked(folded: str) -> str:
    """``folded`` with each run of key-task marks right before a number ("★1.新建…",
    "▲4.推进…") turned into blanks, so the line opens with its marker; same length, so
    offsets still slice the text as printed (round 14: d163 and d168, fixture
    styles/zhongdian_marks.txt). A text with no mark is returned at once (two scans in C)."""
    if not any(mark in folded for mark in _KEY_MARKS):
        return folded
    return _KEY_MARK_RUN.sub(lambda run: " " * len(run.group()), folded)


_BULLETS = "".join(vocabulary()["bullets"])
_GLUED_BULLET = re.compile(
    "[" + re.escape("".join(fold(b) for b in vocabulary()["bullets"] if fold(b) != "-")) + "]"
    "|--(?!-)"
)
_RUN_IN_BULLET = re.compile(rf"[。)\]](?=[{re.escape(fold(_BULLETS))}])[^\w\s]")


def _list_families(found: list[Found], folded: str, front: Sequence[str], level: Level) -> set[int]:
    """(一) items of a principle or duty list are clauses, not section headings.

    Decided per chapter: when most of its (一) items read like clauses, all of them are.
    Returns the ids of the Found items to leave out.
    """
    families: list[list[Found]] = [[]]
    governs: set[int] = set()  # items followed by an item of an inner level: headings
    for item, following in itertools.zip_longest(found, found[1:]):
        if item.marker.kind == level.chapter:
            families.append([])
        elif item.marker.kind == level.section:
            families[-1].append(item)
            if following is not None and _RANK[following.marker.kind] > _RANK[item.marker.kind]:
                governs.add(id(item))
    out: set[int] = set()
    for family in families:
        clauses = sum(
            id(item) not in governs and _reads_like_clause(item, folded, front) for item in family
        )
        if len(family) > 1 and clauses * 2 > len(family):  # a list has items, not one
            out.update(id(item) for item in family)
    return out


def _reads_like_clause(item: Found, folded: str, front: Sequence[str]) -> bool:
    """An item that is one clause of a list ("(一)坚持党的领导、…;"): its whole span is a
    single sentence or clause. A section heading governs more: a paragraph, sub-items
    (corpus 043, 045 and 055 print "(一)…。" right above its 1.), several sentences (also
    when a copy ran it into its intro paragraph: the seeds printed run-in)."""
    span = folded[item.marker.end : item.end].strip()
    if not span or span.startswith(tuple(front)):
        return False
    inner = span[:-1]
    return span[-1] in ";,、。" and not any(end in inner for end in "。!?\n")


_MIN_TITLE = 4  # characters: the shortest heading phrase ("依法治理", "工作目标")


# An opener after 要 is the verb of a sentence heading the item ("（一）各乡镇人民政府要切实履行
# 属地责任，…。": tests/parsing/documents d105 printed run-in; fixture
# styles/anquan_yaoqiu.txt run in), no paragraph after a title: no title ends in 要.
_MODAL = "要"


def _before_glued_bullet(heading: str, folded_heading: str) -> str:
    """A run-on heading cut before the bullet of its first measure glued to it, in its first
    sentence ("（一）推进餐饮行业节约▲ 推行…" -> 推进餐饮行业节约: round 21, d283 printed run-in,
    fixture styles/sanjiao_bullets.txt run in; not the dashes, which a title may hold)."""
    bullet = _BULLET_OPENER.search(folded_heading)
    if bullet is None or "。" in folded_heading[: bullet.start()] or not bullet.start():
        return heading
    return heading[: bullet.start()].rstrip()


def _without_next_key_mark(heading: str, folded_heading: str) -> str:
    """``heading`` without the key-task mark of the next item's number that a copy ran into
    it ("（一）完善县域商业网络★1.改造…" -> 完善县域商业网络): ``key_marks_blanked`` left a blank
    for it in the folded heading, so the printed heading is cut where the folded one ends
    (round 21: d281's sections run in; the chapters of d163, d168 and fixture
    styles/zhongdian_marks.txt run in)."""
    if not heading or heading[-1] not in _KEY_MARKS:
        return heading
    return heading[: len(folded_heading.rstrip())].rstrip()


def _run_in_title(
    heading: str, folded_heading: str, item: Found, folded: str, front_matter_words: Sequence[str]
) -> str:
    """The title of a heading that a copy ran into its paragraph, else the heading.

    A heading printed on its own line is a phrase no longer than a printed line; one that
    is longer or runs into a second clause, on a line that runs on to the next numbered
    item, took in its paragraph (a one-clause heading sentence such as "(一)围绕建设法治政府,
    全面推进政务公开。" of corpus 045 keeps its first clause whole, see below). The title then
    ends at the front-matter word it opens with ("指导思想高举…旗帜" -> "指导思想": corpus
    045, 055 and 060), or else where a paragraph-opening word starts (vocabulary
    ``paragraph_openers``): "维护宪法法律权威普及宪法知识,…" -> "维护宪法法律权威" (seed 001
    printed run-in, and the 营商环境 and 就业 run-in plans in tests/parsing/test_run_in.py).
    Only the first clause is searched, and the title keeps at least _MIN_TITLE characters.
    Without an opener, two shapes of the paragraph's start still show where it begins (see
    _paragraph_start): it repeats the heading's last words, or it opens a run of parallel
    clauses.
    """
    heading = _without_next_key_mark(heading, folded_heading)
    runs_on = folded.find("\n", item.marker.end, item.end) < 0
    row = _tab_row_heading(folded, item.marker.end) if runs_on else None
    if row and folded_heading.startswith(row):
        return heading[: len(row)]
    if runs_on:
        heading = _before_glued_bullet(heading, folded_heading)
        for repeated in _REPEATED_WORD.finditer(folded_heading, 0, _PRINTED_LINE):
            if repeated.end(1) >= _MIN_TITLE:
                return heading[: repeated.end(1)].rstrip()
    if len(heading) <= _PRINTED_LINE and not _CLAUSE_BREAK.search(folded_heading):
        return heading  # a short phrase: a heading as printed
    clause = _FIRST_CLAUSE.match(folded_heading)
    if len(heading) > 30:  # the front-matter rule, as before (it needs no run-on line)
        for word in front_matter_words:
            if folded_heading.startswith(word):
                return heading[: len(word)]
    if not runs_on:
        return heading  # the heading's line ends before the next item: printed as is
    if "\t" in folded_heading:
        header = _unnumbered_header_start(folded_heading)
        if header is not None:
            return heading[:header].rstrip()
    # one past the clause: an actor list's opener is known by the 、 after it
    opener = _TABLE_HEADER.search(folded_heading, _MIN_TITLE, clause.end() + 1)
    opener = opener or _paragraph_opener().search(folded_heading, _MIN_TITLE, clause.end() + 1)
    if opener and folded_heading.endswith(_MODAL, 0, opener.start()):
        opener = None  # (各乡镇人民政府要切实履行…: a subject's sentence, _MODAL)
    if opener is None:
        opener = _COLLECTIVE_OPENER.search(folded_heading, _MIN_TITLE)
        opener = opener if opener and opener.start() <= clause.end() else None
    if opener is None:
        opener = _unit_subject(folded_heading, clause.end())
    if opener is None or opener.start() > _PRINTED_LINE:
        return heading[: _parallel_start(folded_heading)].rstrip()
    return heading[: opener.start()].rstrip()


def _tab_row_heading(folded: str, start: int) -> str | None:
    """A chapter row's heading in a tab table printed run in (_chapter_rows_after_tab_cells):
    the phrase of no clause up to the next row's number and its tab ("完善行政执法监督制度3\t":
    d366; "依法全面履行政府职能1\t": d297), or up to the row's empty cells ("…主体地位\t\t\t\t1":
    d45). One tab alone after the phrase is a header's (d66: 目标任务\t具体措施)."""
    tab = folded.find("\t", start, start + _TAB_CELL)
    if tab < 0:
        return None
    cut = tab
    while cut > tab - _ROW_NUMBER and folded[cut - 1 : cut].isdigit():
        cut -= 1
    if cut == tab and not folded.startswith("\t\t", tab):
        return None
    phrase = folded[start:cut].strip()
    if len(phrase) < _MIN_TITLE or any(mark in phrase for mark in _NO_CLAUSE):
        return None
    return phrase


# A task table's header under the heading: "重点任务|序号\t重点任务\t责任单位…" (d16 and d22
# printed run-in, their cells apart by tabs or blanks).
_TABLE_HEADER = re.compile(r"(?:序号|编号)(?=\t|[ \u3000]{2,})")


def _unnumbered_header_start(folded_heading: str) -> int | None:
    """Where a tab-parted table without a number column glued to its heading starts, as
    _TABLE_HEADER finds one opening with 序号 (d16, d22): at the content column's name right
    before the first tab ("二、重点任务目标任务\t具体措施\t…": d66 printed run-in; "一、重点工作
    工作任务\t牵头单位\t…", the plan of test_a_tab_table_without_numbers_printed_run_in)."""
    tab = folded_heading.find("\t")
    names = vocabulary()["table_columns"]["content"]
    name = max((n for n in names if folded_heading.endswith(n, 0, tab)), key=len, default=None)
    return tab - len(name) if name and tab - len(name) >= _MIN_TITLE else None


# A paragraph that opens by telling collectives what they must do: "工作要求|各牵头单位要…"
# (d12 printed run-in), "有关要求|各县(市、区)、各有关部门要…" (d20 printed run-in).
_COLLECTIVE_OPENER = re.compile(r"各[^,;:。]{1,16}?要(?=[\u4e00-\u9fff])")


def _unit_subject(folded_heading: str, clause_end: int) -> re.Match[str] | None:
    """A unit opening the paragraph as the subject of its first clause: "保障措施|县交通运输局
    要会同…" (d134), "保障措施|区城市更新工作专班要…" (d125), "保障措施|县政府成立…" (d132),
    "组织保障|市创建国家卫生城市指挥部办公室负责…" (d164), "强化资金保障|县财政每年安排…"
    (d220: X财政 names the finance authority as a subject, as d43, d50, d102 and d242 print
    it), all printed run-in. Its level (县, 市 …) stands right after the heading; not 全县,
    本市 or 各区 (a scope, no subject), nor 市场, 县域 (no level: gazetteer not_prefix). A
    name a clause break follows is no subject ("组织机构成立市…指挥部，由市长…": d63), nor
    one after a collective that opened the paragraph ("工作要求各牵头单位…报送县人民政府
    办公室": d169, d81)."""
    for found in _unit_subject_pattern().finditer(folded_heading, _MIN_TITLE, clause_end + 1):
        at = found.start()
        if "各" in folded_heading[:at]:
            return None
        if (
            folded_heading[at - 1] not in word_list("subject_scope_words")
            and not folded_heading.startswith(word_list("subject_no_level"), at)
            and folded_heading[found.end() : found.end() + 1] not in _CLAUSE_STOPS
        ):
            return found
    return None


_CLAUSE_STOPS = (",", ";", "。", ":")


@lru_cache(maxsize=1)
def _unit_subject_pattern() -> re.Pattern[str]:
    # opens on its level's character class, the longest name of up to 12 characters after
    # it ending as a unit does (市城市更新攻坚行动指挥部 whole, not 市城市更新攻坚行; not in a
    # place's 县, 市, 区: 县市, 市区 are no bodies)
    endings = [e for e in vocabulary()["unit_endings"] if e not in ("县", "市", "区")]
    return re.compile(rf"[县市区州省][\u4e00-\u9fff]{{0,12}}(?:{trie([*endings, '财政'])})")


# A word of two to four characters printed twice in a row: "依法治理网络空间网络空间不是
# 法外之地" (seed 001 printed run-in; "优化营商环境营商环境是…" in test_run_in). Prose does
# not repeat a word back to back; a paragraph that opens with its heading's topic does.
_REPEATED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_PARALLEL = 2  # clauses of one length after the first: a run of parallel clauses


def _parallel_start(folded_heading: str) -> int:
    """Where a paragraph of parallel clauses starts inside the first clause, else the end.

    The genre opens a paragraph with clauses of one shape and length (排比): "规范执法行为,
    完善执法程序,改进执法方式" (seed 001 printed run-in; the 就业 plan of test_run_in). When
    the clauses after the first have one length and the first is longer by at least a
    title, the first took in the heading: the paragraph starts that length before its end.
    """
    parts = _CLAUSE_BREAK.split(folded_heading)
    if len(parts) <= _PARALLEL:
        return len(folded_heading)
    size = len(parts[1])
    if size < _MIN_TITLE or any(len(part) != size for part in parts[2 : 1 + _PARALLEL]):
        return len(folded_heading)
    cut = len(parts[0]) - size
    return cut if _MIN_TITLE <= cut <= _PRINTED_LINE else len(folded_heading)


_FIRST_CLAUSE = re.compile(r"[^,;:、]*")
_CLAUSE_BREAK = re.compile(r"[,;:、]")


@lru_cache(maxsize=1)
def _paragraph_opener() -> re.Pattern[str]:
    words = vocabulary()
    actors = rf"(?:{trie(words['actor_list_openers'])})(?=、)"
    # a 问题清单's field label and its colon opens the paragraph under a heading as it opens
    # an item (structure.toml field_openings: "（一）…不够到位问题：落实…" of d162 run in,
    # "1.问题：…" of d88; round 17, fixture styles/zhenggai_xuncha.txt run in)
    fields = rf"(?:{trie(words['field_openings'])}):"
    return re.compile(rf"{trie(words['paragraph_openers'])}|{actors}|{fields}|到\d{{4}}年")


def _collect_goal(
    skeleton: Skeleton, item: Found, text: str, folded: str, goal_words: Sequence[str]
) -> None:
    heading = _heading(folded, folded, item)
    if (
        _is_front_matter(heading, goal_words)
        or _names_goals(heading)
        or _front_paragraph_states_goals(item, folded)
        or _joins_goals_run_in(item, folded)
    ):
        start = _after_glued_goal_heading(folded, item, heading)
        skeleton.goal_texts.append(text[start : item.end])


def _collect_listed_goal(skeleton: Skeleton, item: Found, text: str, folded: str) -> None:
    """A clause of a list under a front-matter chapter that opens with the year its goal is
    set for ("一、主要目标" over "（一）到2026年，…达到5.3人以上。" "（二）到2026年，…"), or
    with a goal word, states one of the plan's goals, as an article does (_states_goals):
    such a list is no sections (round 31: tests/parsing/documents d378; fixture
    styles/mubiao_liebiao.txt)."""
    if _states_goals(folded[item.marker.end : item.end]):
        skeleton.goal_texts.append(text[item.marker.end : item.end])


def _after_glued_goal_heading(folded: str, item: Found, heading: str) -> int:
    """Where a goal heading's paragraph starts: after the heading's words where a copy
    printed run in glued its bare year to them ("年度目标2025年全县新建…"), so the year opens
    the paragraph's clause as on a line of its own (round 20: tests/parsing/documents d260
    and fixture styles/niandu_mubiao.txt printed run-in); else at the marker's end."""
    if len(heading) <= 4 or heading[2:4] != "目标" or not heading[4:5].isdigit():
        return item.marker.end
    at = folded.find(heading[:4], item.marker.end, item.marker.end + 8)
    return item.marker.end if at < 0 else at + 4


def _names_goals(heading: str) -> bool:
    """A heading of two characters and 目标 alone (建设目标, 整治目标, as 创建目标 and
    改革目标 of the vocabulary) names the plan's goals, whatever the kind of plan: round 14,
    tests/parsing/documents d157 一、建设目标 and d159 一、整治目标. A longer one (强化目标考核,
    实现碳达峰目标) is a task's heading, unless a run-in copy glued the goals' year to it
    (建设目标到2025年，…: d157 and d127 printed run-in) or a paragraph's opening word
    (整治目标通过专项整治，…: round 15, d159 printed run-in, and d148's 活动目标通过开展…;
    fixture styles/zhili_mubiao.txt run in), or the year's own 全年 (round 31, d379 run in)."""
    if _joins_goals(heading):
        return True
    if len(heading) < 4 or heading[2:4] != "目标":
        return False
    return (
        len(heading) == 4
        or _GOALS_YEAR.match(heading, 4) is not None
        or _paragraph_opener().match(heading, 4) is not None
    )


def _joins_goals(heading: str) -> bool:
    """A heading no longer than a printed line that ends joining the goals to another matter
    (复核范围和目标, 清理范围与目标: structure.toml goal_joined_endings)."""
    return len(heading) <= _PRINTED_LINE and heading.endswith(word_list("goal_joined_endings"))


def _joins_goals_run_in(item: Found, folded: str) -> bool:
    """A heading joining the goals to another matter (_joins_goals) that a copy printed run in
    ran into its paragraph: the joined ending within a printed line of the heading's start,
    no clause break before it, and a year after it in the paragraph ("一、评议对象和目标评议对象
    为…。到2026年底，…达到100%。": round 33, tests/parsing/documents d383 and d377 printed run
    in; fixture styles/fanwei_yu_mubiao.txt run in). A heading on a line of its own is asked
    by _joins_goals only."""
    start, end = item.marker.end, item.end
    if folded.find("\n", start, end) >= 0:
        return False
    reach = min(end, start + _PRINTED_LINE)
    for ending in word_list("goal_joined_endings"):
        at = folded.find(ending, start, reach)
        if at >= 0 and not _CLAUSE_BREAK.search(folded, start, at):
            return _GOALS_YEAR.search(folded, at, end) is not None
    return False


# folded; (a bare year too, "年度目标2025年全县新建…": round 20, tests/parsing/documents d260
# and fixture styles/niandu_mubiao.txt printed run-in; or a one-year plan's 全年 / 年内,
# "攻坚目标全年新签约亿元以上项目30个": round 31, d379 and fixture styles/quannian_mubiao.txt
# printed run-in)
_GOALS_YEAR = re.compile(r"到?\d{4}年|全年|年内")


def _front_paragraph_states_goals(item: Found, folded: str) -> bool:
    """Whether a front-matter heading (总体要求) is followed by a paragraph that opens with
    the year its goals are set for ("二、总体要求" / "到2025年，全市人均体育场地面积达到2.6平方米
    以上…", or run in: "一、总体要求到2024年底，…"): that paragraph states the plan's goals,
    as a goal heading's would (tests/parsing/documents d38 and d40; as an article does,
    _states_goals)."""
    return _front_heading_then_year().match(folded, item.marker.end, item.end) is not None


@lru_cache(maxsize=1)
def _front_heading_then_year() -> re.Pattern[str]:
    """A front-matter word opening the item (the first of the vocabulary that does: an
    atomic group), then the year its goals are set for after the blanks that open the
    paragraph."""
    words = "|".join(map(re.escape, vocabulary()["front_matter_headings"]))
    # one short clause may open the paragraph before the year ("以改善生态环境质量为核心，到
    # 2024年底，…达到90%以上": d57; fixture styles/shengtai_frontgoal.txt), or up to three
    # parallel principles ("坚持党的全面领导，坚持以人民为中心，坚持问题导向，到2025年，…":
    # round 14, d152; fixture styles/fazhi_jianchi_mubiao.txt)
    opener = rf"(?:[^,，。;；\n]{{1,{_GOAL_OPENER}}}[,，]){{0,3}}"
    # or, with no year, a clause that pledges the goals ("坚持问题导向，确保提案办复率达到100%":
    # round 15, tests/parsing/documents d181 and d182)
    pledge = trie(vocabulary()["goal_pledges"])
    return re.compile(
        rf"[{_LINE_INDENT}]*(?>{words})[{_LINE_INDENT}\n]*{opener}(?:到\d{{4}}年|{pledge})"
    )


_GOAL_OPENER = 16  # characters: a short clause before the year, not a 指导思想 sentence


def _number_label(item: Found) -> str:
    label = item.marker.label
    return "一" if label == "-" else label  # 一 read as a dash by OCR (markers.py)


def _measure(item: Found, chapter, section, text: str, index: AttributionIndex) -> RawMeasure:
    offset, stop = item.marker.end, item.end
    # Most measures close their text with a bracket on its line: find answers with its
    # (open, close) in the whole text, which _bracketed reads at those offsets, where a
    # Located relative to the item was made, read back here and read again by _bracketed
    # (speed28: one answer, read once)
    located = index.find(offset, stop, item.leading is None)
    if located.__class__ is tuple:  # (a plain bracket's pair)
        open_at, close = located
        folded = index.folded
        # (text before the bracket on its line, no later sentence or clause closed by its
        # own bracket: the tests below, in their order, _sentence_brackets' gate first)
        if (
            open_at > offset
            and folded[open_at - 1] not in _MEASURE_EDGE
            and not (
                folded[close + 1 : close + 2] in _BRACKET_GOES_ON
                and close + 2 < stop
                and _sentence_brackets(index, close, stop)
            )
        ):
            return _bracketed(item, chapter, section, text, folded, open_at, close)
        located = Located(open_at - offset, open_at - offset + 1, close - offset)
    if item.leading is None and located is not None:
        close = offset + located.raw_end
        # (most measures: no sentence end after the bracket, _sentence_brackets' first test,
        # made here without a call)
        later = (
            _sentence_brackets(index, close, stop)
            if index.folded[close + 1 : close + 2] in _BRACKET_GOES_ON and close + 2 < stop
            else None
        )
        if later and located.raw_start == located.text_end + 1:
            return _over_sentences(item, chapter, section, text, index.folded, located, later)
        end = located.text_end
        if (
            end
            and located.raw_start == end + 1
            and index.folded[offset + end - 1] not in _MEASURE_EDGE
        ):
            # most measures: a bracket after the text's last character, on its line
            return _bracketed(
                item, chapter, section, text, index.folded, offset + end, offset + located.raw_end
            )
    body = text[offset:stop]
    folded = index.folded[offset:stop]
    start, end = 0, len(body)  # of the measure's text in the body
    raw, own_line = None, False
    head = _label_head(folded) if item.leading is None else None
    if item.leading is not None:  # "（牵头单位：…）1.推进…"
        raw = text[item.leading[0] : item.leading[1]]
    elif head is not None:  # "1.牵头：X　配合：Y" over the text, labels perhaps below it
        raw, start = body[head[0] : head[1]], head[2]
        if located is not None and located.text_end > start:
            end = located.text_end
            raw += "\n" + body[located.raw_start : located.raw_end]
    elif located is None:
        opening = len(folded) - len(folded.lstrip(_LINE_INDENT))
        leading = leading_units(folded, opening)
        if leading is not None:  # "4.市人社局牵头负责：推进…"
            raw, start = body[opening : leading[0]], leading[1]
    elif located.raw_start == located.text_end + 1 and _indent_only(folded, located.text_end):
        # "4.（牵头单位：县教育局）实施…": the bracket opens the measure, the text follows
        start = located.raw_end + 1
        raw = body[located.raw_start : located.raw_end]
    else:
        end = located.text_end
        raw = body[located.raw_start : located.raw_end]
        # a line break before the attribution, blanks perhaps between (most end a sentence)
        before = folded[end - 1] if end else ""
        own_line = before == "\n" or (
            before in _LINE_INDENT and folded[:end].rstrip(_LINE_INDENT).endswith("\n")
        )
    measure_text = body[start:end]
    kept = measure_text.lstrip(_MEASURE_EDGE)
    start += len(measure_text) - len(kept)
    # "3.任务内容：实施…": the label is no text (tried only where one of its words starts)
    label = None
    if folded[start : start + 1] in _CONTENT_LABEL_FIRSTS and folded.startswith(
        word_list("content_labels"), start
    ):
        label = _content_label().match(folded, start)
    if label and label.end() < end:
        kept = kept[label.end() - start :]
        start = label.end()
    measure_text = kept.rstrip(_MEASURE_EDGE)
    after = None
    # (most measures: nothing but blanks after the bracket, no sub-points)
    if located is not None and not own_line and folded[located.raw_end + 1 :].strip(_MEASURE_EDGE):
        after = _subpoints_after(folded, located)
    if after is not None:  # "1.建设…中心。（牵头单位：…）" then "（1）新建…" "（2）…"
        return _with_subpoints(
            item, chapter, section, body, folded, measure_text, raw, start, after
        )
    return _numbered(item, chapter, section, measure_text, raw, folded, start, own_line)


_MEASURE_EDGE = _LINE_INDENT + "\n\r"
# The characters a content label opens with (任务内容：, 工作任务：): most measures open with
# none, and the word list is then not tried word by word (speed25: about 0.2 µs a measure)
_CONTENT_LABEL_FIRSTS = frozenset(word[0] for word in vocabulary()["content_labels"])


def _label_head(folded: str) -> tuple[int, int, int] | None:
    """(start, end) of the label fields that open a measure, and where its text starts: a
    first line that holds nothing but them, over the text ("1.牵头：县自然资源局　配合：县农业
    农村局" over "全面完成…"), or, printed run-in or joined by a hard wrap, the fields up to
    their last unit, the text right after it (round 18: tests/parsing/documents d221, fixture
    styles/qianzhi_biaoqian.txt). None for most measures (no label opens them)."""
    opening = len(folded) - len(folded.lstrip(_LINE_INDENT))
    line_end = folded.find("\n", opening)
    line_end = len(folded) if line_end < 0 else line_end
    line = folded[opening:line_end]
    if not starts_with_label(line):
        return None
    if "。" not in line and is_attribution(line) and folded[line_end:].strip(_MEASURE_EDGE):
        return opening, line_end, line_end + 1
    end = label_head_end(folded, opening, line_end)
    if end is None or "。" not in folded[end:line_end] or not is_attribution(folded[opening:end]):
        return None
    return opening, end, end


_SENTENCE_ENDS = "。;"  # folded: ； is ;
# After a bracket the measure goes on with a sentence of its own, or with the rest of the
# sentence after a comma: the lead's bracket closing the first clause, the 配合 units' bracket
# closing the measure ("…通报（县委依法治县办牵头），通报情况抄送…。（配合单位：X、Y）": round 33,
# tests/parsing/documents d383 measures 10 and 11, fixture styles/qiantou_douhao_peihe.txt)
_BRACKET_GOES_ON = "。;,"  # folded: ， is ,


def _sentence_brackets(index: AttributionIndex, close: int, stop: int) -> list[tuple[int, int]]:
    """The attribution brackets after the one closing at ``close`` when the measure goes on
    after it on its line, each later sentence closed by its own bracket, the last closing the
    measure ("…编制惠企政策清单（县发展改革局负责）。在…开设…专栏，…查询（县政府办公室负责）。":
    a 工作要点 that names the units of each sentence of a measure; round 13, tests/parsing/
    documents d141, fixture styles/gongkai_sentences.txt), or a clause after a comma (the
    lead's bracket after the first clause: _BRACKET_GOES_ON); none otherwise (most measures:
    no sentence after their bracket)."""
    folded = index.folded
    if folded[close + 1 : close + 2] not in _BRACKET_GOES_ON or close + 2 >= stop:
        return []
    # on the bracket's line (another paragraph holds sub-points, or a measure's next
    # paragraph, or the signature after the plan's last measure), or a bracket's own below
    line_end = folded.find("\n", close, stop)
    if line_end >= 0:
        stop = _next_line_bracket(index, line_end, stop)
    first = bisect_right(index._opens, close)
    later = [pair for pair in index.brackets[first:] if pair[1] < stop]
    if not later or folded[later[-1][1] + 1 : stop].strip(_LINE_INDENT + _SENTENCE_ENDS):
        return []  # (the last bracket is not the line's end)
    ends = [close, *(closing for _, closing in later)]
    for (open_at, _), before in zip(later, ends, strict=False):
        sentence = folded[before + 1 : open_at]
        if sentence[:1] not in _BRACKET_GOES_ON or not sentence.strip(
            _BRACKET_GOES_ON + _LINE_INDENT
        ):
            return []  # each bracket closes a sentence (or a clause) of its own
    return later


def _next_line_bracket(index: AttributionIndex, line_end: int, stop: int) -> int:
    """Where the line ending at ``line_end`` ends, or the next line when it opens with an
    attribution bracket a wrap put on a line of its own ("…接入部门业务系统30个以上" over
    "（责任单位：市直各部门）。": fixture styles/gongkai_sentences.txt hard-wrapped at 24; as a
    copy prints it, fixture styles/gongkai_ownline.txt)."""
    opening = line_end + 1
    while opening < stop and index.folded[opening] in _LINE_INDENT:
        opening += 1
    at = bisect_left(index._opens, opening)
    if at == len(index._opens) or index._opens[at] != opening:
        return line_end
    end = index.folded.find("\n", opening, stop)
    return stop if end < 0 else end


def _over_sentences(
    item: Found, chapter, section, text: str, folded: str, located, later
) -> RawMeasure:
    """The measure whose sentences each close with a bracket (_sentence_brackets): its text
    runs to the last bracket, the earlier ones kept in it as printed, and its attribution is
    every bracket's content, one clause each (the units of all its sentences)."""
    offset = item.marker.end
    first = (offset + located.raw_start - 1, offset + located.raw_end)
    raw = "；".join(text[open_at + 1 : close_at] for open_at, close_at in [first, *later])
    kept = text[offset : later[-1][0]].lstrip(_MEASURE_EDGE)
    start = later[-1][0] - len(kept)
    return _numbered(item, chapter, section, kept.rstrip(_MEASURE_EDGE), raw, folded, start)


def _bracketed(
    item: Found, chapter, section, text: str, folded: str, end: int, close: int
) -> RawMeasure:
    """_measure's path for a bracket that follows the text on its line (not a line break or
    a blank before it: no attribution of its own line, and no bracket that opens the
    measure), opening at ``end`` and closing at ``close`` of the whole text; the text is
    read as _measure_in_full reads it, at offsets of the whole text (no copy of the item's
    body, printed or folded, as most measures need none), and its fields set as _numbered
    sets them."""
    offset, stop = item.marker.end, item.end
    kept = text[offset:end].lstrip(_MEASURE_EDGE)
    start = end - len(kept)
    if folded[start : start + 1] in _CONTENT_LABEL_FIRSTS and folded.startswith(
        word_list("content_labels"), start, stop
    ):  # "3.任务内容：实施…"
        label = _content_label().match(folded, start, stop)
        if label and label.end() < end:
            kept = kept[label.end() - start :]
            start = label.end()
    measure_text = kept.rstrip(_MEASURE_EDGE)
    raw = text[end + 1 : close]
    if folded[close + 1 : stop].strip(_MEASURE_EDGE):  # text after it
        below = _units_line_after(text, folded, close + 1, stop)
        if below is not None:
            measure = _numbered(item, chapter, section, measure_text, raw, folded, start)
            measure.units_below = (below[0], item.line + folded.count("\n", offset, below[1]))
            return measure
        body = folded[offset:stop]
        after = _subpoints_after(body, Located(end - offset, end - offset + 1, close - offset))
        if after is not None:
            return _with_subpoints(
                item,
                chapter,
                section,
                text[offset:stop],
                body,
                measure_text,
                raw,
                start - offset,
                after,
            )
    return _numbered(item, chapter, section, measure_text, raw, folded, start)


def _units_line_after(text: str, folded: str, start: int, stop: int) -> tuple[str, int] | None:
    """(the clause of a units line closed by a colon after a measure's bracket, as printed,
    and where it starts; None for other text): "…印发。（县司法局牵头）" over "县财政局牵头："
    over 2. 3. (fixtures styles/peixun_kuohao_maohao.txt and jiandu_kuohao_maohao.txt, the
    latter in ASCII brackets, printed and run in; the line itself as d313 and d318 print it,
    _verb_line_clause). Before, the line was dropped with the text after the bracket."""
    rest = folded[start:stop].strip(_MEASURE_EDGE)
    clause = _verb_line_clause(rest) if "。" not in rest else None
    if clause is None:
        return None
    at = folded.find(rest, start, stop)
    return text[at : at + clause], at


def _numbered(
    item: Found, chapter, section, text: str, raw, folded: str, start: int, own_line: bool = False
) -> RawMeasure:
    """The measure of a numbered item, its text starting at ``start`` of the folded body.

    Its fields are set as RawMeasure(...) sets them, with its folded text (the same slice
    of the folded body: fold keeps every length), in one dict: the dataclass's __init__
    sets each attribute in turn, a third of the work of reading a measure here
    (tests/parsing/test_passes_skeleton.py compares the two)."""
    measure = _new_raw_measure(RawMeasure)
    measure.__dict__ = {
        "no": item.marker.number,
        "chapter": chapter,
        "section": section,
        "text": text,
        "attribution_raw": raw,
        "line": item.line,
        "unnumbered": False,
        "own_line": own_line,
        "shared_from": None,
        "deadline": None,
        "from_table": False,
        "units_below": None,
        "_folded": (text, folded[start : start + len(text)]),
    }
    return measure


_new_raw_measure = object.__new__


def _with_subpoints(
    item: Found, chapter, section, body: str, folded: str, measure_text, raw, start, after: int
) -> RawMeasure:
    """The measure whose text goes on with the sub-points after its bracket (on the next
    line, or right after it in a copy printed run-in)."""
    joint = "\n" if "\n" in folded[start:after] else ""
    measure = RawMeasure(
        no=item.marker.number,
        chapter=chapter,
        section=section,
        text=f"{measure_text}{joint}{_unindented(body[after:])}",
        attribution_raw=raw,
        line=item.line,
    )
    measure.__dict__["_folded"] = (
        measure.text,
        f"{folded[start : start + len(measure_text)]}{joint}{_unindented(folded[after:])}",
    )
    return measure


def _indent_only(folded: str, end: int) -> bool:
    """Whether ``folded[:end]`` is all indentation (most measures' text ends with a
    character that is none)."""
    return end == 0 or (folded[end - 1] in _LINE_INDENT and not folded[:end].strip(_LINE_INDENT))


@lru_cache(maxsize=1)
def _content_label() -> re.Pattern[str]:
    """A label the measure's text opens with: "任务内容：" (structure.toml content_labels)."""
    return re.compile(rf"(?:{trie(vocabulary()['content_labels'])})[ \t]*:[ \t]*")


_SUBPOINT_KINDS = (mk.PAREN_ARABIC, mk.CIRCLED, mk.LETTER)


def _unindented(lines: str) -> str:
    """The lines without their indentation (fold keeps it the same length: the printed and
    the folded text stay aligned)."""
    return "\n".join(line.strip(_MEASURE_EDGE) for line in lines.strip(_MEASURE_EDGE).split("\n"))


def _subpoints_after(folded_body: str, located) -> int | None:
    """Where the sub-points after a bracket printed on the measure's first line begin, when
    the rest of the measure is nothing but such lines with no attribution: "1.建设…中心。
    （牵头单位：…）" over "（1）新建…" "（2）…" (tests/parsing/documents d26, fixture
    styles/yanglao_subpoints.txt). They belong to the measure's text; the bracket does not."""
    close = located.raw_end + 1
    line_end = folded_body.find("\n", close)
    if line_end < 0:
        return _run_in_subpoints_after(folded_body, close)
    if folded_body[close:line_end].strip(_LINE_INDENT):
        return None
    rest = folded_body[line_end:].lstrip(_MEASURE_EDGE)
    if not rest or folded_body.find("\n", located.text_end, located.raw_start) >= 0:
        return None
    marker = mk.match_marker(rest)
    if marker is None or marker.kind not in _SUBPOINT_KINDS or find_attribution(rest):
        return None
    return len(folded_body) - len(rest)


def _run_in_subpoints_after(folded_body: str, close: int) -> int | None:
    """_subpoints_after in a copy printed run-in, which has no line to end the bracket's:
    the sub-points open right after it, "…中心。（牵头单位：…）（1）新建…（2）…" (tests/parsing/
    documents d26 printed run-in, fixture styles/yanglao_subpoints.txt run in)."""
    rest = folded_body[close:].lstrip(_LINE_INDENT)
    if not rest.startswith(("(", "①", "1)")):  # the sub-points' kinds open so
        return None
    marker = mk.match_marker(rest)
    if marker is None or marker.kind not in _SUBPOINT_KINDS or find_attribution(rest):
        return None
    return len(folded_body) - len(rest)


_UNIT_COLON = re.compile(r"[^\s,;。:]{3,60}:")  # folded: "县文化旅游局：引进…", "X、Y："


def units_before_colon(folded: str) -> int | None:
    """Where the unit names a measure opens with end, when it opens with names parted by 、
    and a colon ("县文化旅游局：引进…", "县司法局、县政务服务管理局：建立…"; folded), or None.
    Those units lead it (pipeline._unit_before_colon)."""
    found = _UNIT_COLON.match(folded)
    endings = word_list("unit_endings")
    if found is None or not all(p.endswith(endings) for p in found.group()[:-1].split("、")):
        return None
    return found.end() - 1


def _opens_with_unit(measure: RawMeasure) -> bool:
    """Whether a measure opens with a unit's name and a colon ("3.县文化旅游局：引进…"): that
    unit leads it (pipeline._unit_before_colon), so it shares no bracket printed after the
    next measure (round 15: tests/parsing/documents d165 run in; fixture
    styles/mubiao_fenjie.txt run in, where 3. has no 配合单位 of its own)."""
    return units_before_colon(measure.folded) is not None


def _opens_with_subject(measure: RawMeasure) -> bool:
    """Whether a measure opens with a unit as the subject of a lead verb ("4.县司法局要加强…",
    "5.县财政局要…；县数据资源局要…"): it names its units in its text, as a bracket would
    (pipeline._units_as_subjects), so its chapter holds measures, not provisions (round 31:
    tests/parsing/documents d369's 三、保障措施 and fixture styles/zhuyu_yao_baozhang.txt's
    二、保障措施, each under a chapter of bracketed measures)."""
    return _subject_opening().match(measure.folded.lstrip(_LINE_INDENT)) is not None


@lru_cache(maxsize=1)
def _subject_opening() -> re.Pattern[str]:
    # anchored (match, once per measure asked): a level's character class, the shortest name
    # ending as a unit does, a lead verb right after it; not 各 (各部门要… is a call on
    # everyone, no unit: structure.toml subject_unit_starts)
    starts = "".join(s for s in word_list("subject_unit_starts") if s != "各")
    endings = trie(word_list("unit_endings"))
    verbs = trie(word_list("subject_lead_verbs"))
    return re.compile(rf"[{starts}][^,;。、:\s]{{0,23}}?(?:{endings})(?:{verbs})")


def _share_list_attributions(skeleton: Skeleton, run_in: bool = False) -> None:
    """One attribution on its own line after items (1)-(4) covers all four.

    When consecutive measures have no attribution and the next one's attribution stands on
    a line of its own (not at the end of its sentence), the list shares it (fixtures
    styles/jiuye_shared.txt and styles/anquan_shared.txt). An info diagnostic names each
    measure it went to.
    """
    run: list[RawMeasure] = []
    measures = skeleton.measures
    for position, measure in enumerate(measures):
        if measure.attribution_raw is None:
            run = run if run and measure.no == run[-1].no + 1 else []
            if _opens_with_unit(measure):
                run = []  # (it names its own unit: no list runs over it)
                continue
            run.append(measure)
            continue
        if not run:
            continue  # (most measures: no list before them to share with)
        # a list does not run over a heading: 第二条 under 第一节 does not share the line
        # under 第三条, the first article of 第二节 (tests/parsing/documents d19; d09's
        # (1)-(4) stand under one heading)
        run = [m for m in run if (m.chapter, m.section) == (measure.chapter, measure.section)]
        # A copy printed run-in has no lines: there the attribution of a list's last item
        # (the next measure stands under another heading, or none follows) closes the list
        # (d09 printed run-in; fixture styles/jiuye_shared.txt printed so too)
        following = measures[position + 1] if position + 1 < len(measures) else None
        closes = following is None or (following.chapter, following.section) != (
            measure.chapter,
            measure.section,
        )
        own_line = measure.own_line or (run_in and closes) or _covers_the_list(measure)
        if own_line and run and run[-1].no + 1 == measure.no:
            for shared in run:
                shared.attribution_raw = measure.attribution_raw
                shared.shared_from = measure.line
                skeleton.diagnostics.append(
                    Diagnostic(
                        "shared-attribution",
                        f"Measure {shared.no} has no units of its own; it was given those "
                        f"printed after measure {measure.no}.",
                        shared.line,
                        level="info",
                    )
                )
        run = []


def _covers_the_list(measure: RawMeasure) -> bool:
    """Whether a measure's attribution says it covers the items above ("以上任务由X牵头，
    Y负责"), wherever a copy printed it (structure.toml list_attribution_openers)."""
    raw = measure.attribution_raw or ""
    return raw.lstrip(_LINE_INDENT).startswith(word_list("list_attribution_openers"))


def _chapter_attributions(skeleton: Skeleton, text: str, folded: str) -> None:
    """A line under a chapter heading that assigns the chapter's tasks ("以下任务由X牵头，Y
    配合。", "（本部分任务由X牵头）"): each measure after it in the chapter that names no units
    of its own takes it, and a `chapter-attribution` diagnostic says so (tests/parsing/
    documents d53, fixture styles/rencai_chapterlead.txt; structure.toml
    chapter_attribution_openers). Looked for only right under each heading (_CUE_REACH), so a
    plan costs a search per chapter."""
    if not skeleton.measures:
        return
    cues = 0
    shared = _chapter_cue_character()
    for chapter, start in zip(skeleton.chapters, skeleton.chapter_starts, strict=True):
        if shared and folded.find(shared, start, start + _CUE_REACH) < 0:
            continue  # (most chapters: a scan in C, where the search costs a regex call)
        cue = _chapter_cue().search(folded, start, start + _CUE_REACH)
        if cue is None:
            continue
        cues += 1
        if cues > _MAX_CUES:  # each is checked against every measure: a hostile text's bound
            break
        clause = cue.group(cue.lastindex).rstrip(")]")  # each branch has its group
        if not any(verb in clause for verb in vocabulary()["responsibility_verbs"]):
            continue
        title = _chapter_cue().search(fold(chapter.title))
        if title and title.start() and fold(chapter.title)[title.start() - 1] in "([":
            chapter.title = chapter.title[: title.start() - 1].rstrip()  # not its title
        elif fold(chapter.title).endswith(("(", "[")):  # run in, the title ended at the cue
            chapter.title = chapter.title[:-1].rstrip()
        line = (chapter.line or 1) + folded.count("\n", start, cue.start())
        raw = text[cue.start(cue.lastindex) : cue.start(cue.lastindex) + len(clause)]
        for measure in skeleton.measures:
            # the measures after it in its chapter (on its line too in a copy printed run-in)
            if measure.chapter != chapter.no or measure.line < line:
                continue
            if measure.attribution_raw is None:
                _give_shared_units(skeleton, measure, (raw, line), "its chapter names")


def _heading_label_lines(skeleton: Skeleton, text: str, folded: str, found: list[Found]) -> None:
    """Label lines between a heading and its first measure ("行动一：…" over "牵头领导：…" and
    "牵头单位：X、Y", then 1. 2. 3.) are the attribution of the measures under that heading
    that print none of their own, as a chapter's cue line is (_chapter_attributions): a
    “十大行动” plan names each action's lead once (round 18: tests/parsing/documents d233,
    fixture styles/xingdong_qiantou.txt). A person's field in them names no unit. As for a
    chapter's cue line, a `chapter-attribution` diagnostic says so, so the office checks it."""
    bare = [m for m in skeleton.measures if m.attribution_raw is None]
    if not bare:
        return
    if skeleton.heading_labels:  # run into their heading's line (_run_in_labels)
        for measure in bare:
            block = skeleton.heading_labels.get((measure.chapter, measure.section))
            if block is not None and block[1] <= measure.line:
                _give_heading_labels(skeleton, measure, block)
        bare = [m for m in bare if m.attribution_raw is None]
    heads = sorted(h.line for h in (*skeleton.chapters, *skeleton.sections) if h.line)
    starts = sorted(m.line for m in skeleton.measures)
    at_line: dict[int, int] = {}  # a heading's line -> its marker's offset (asked lazily)
    read: dict[int, tuple[str, int] | None] = {}
    for measure in bare:
        at = bisect_right(heads, measure.line) - 1
        if at < 0 or heads[at] + 1 >= measure.line:
            continue  # (no heading above, or the measure right under it: no line between)
        head = heads[at]
        if head not in read:
            at_line = at_line or {f.line: f.start for f in found if not f.run_in}
            first = starts[bisect_right(starts, head)]
            offset = at_line.get(head)
            read[head] = None if offset is None else _label_block(text, folded, offset, head, first)
        if read[head] is not None:
            _give_heading_labels(skeleton, measure, read[head])


def _verb_lines_over_numbers(skeleton: Skeleton, run_in: bool) -> None:
    """A line of units and role verbs closed by a colon between two measures ("…动态退出。"
    over "区司法局牵头，各街道办事处配合：" over "3.每年…") opens the measures below it, as
    under a heading (_verb_line_clause): it is no unit line of the measure above, and each
    measure after it in its chapter and section that prints no units takes it, with a
    `chapter-attribution` diagnostic (round 23: tests/parsing/documents d318, fixture
    styles/guwen_kaohe_maohao.txt). A copy printed run-in glues the line to the sentence end
    of the measure above ("…动态退出。区司法局牵头，各街道办事处配合：3.每年…": d318 and the
    fixture, run in), the only place a measure's units end with a colon there."""
    carry = None  # (the clause, its line, its chapter and section)
    for measure in skeleton.measures:
        if carry and carry[2] != (measure.chapter, measure.section):
            carry = None
        raw = measure.attribution_raw
        if measure.units_below is not None:  # (after its own bracket: it keeps that)
            carry = (*measure.units_below, (measure.chapter, measure.section))
            continue
        if _over_numbers(measure, run_in) and raw and raw.rstrip().endswith((":", "：")):
            clause = _verb_line_clause(fold(raw.rstrip()))
            if clause is not None:
                # (the line below the text; run in, the measure's own)
                line = measure.line + measure.text.rstrip().count("\n") + measure.own_line
                measure.attribution_raw, measure.own_line = None, False
                carry = (raw.strip()[:clause], line, (measure.chapter, measure.section))
                continue
        if carry and raw is None:
            _give_shared_units(skeleton, measure, carry[:2], "the line of units above it names")


def _over_numbers(measure: RawMeasure, run_in: bool) -> bool:
    """(the measure's units stand after its text as a line of their own would: on one, or
    after its sentence end in a copy printed run-in)"""
    return measure.own_line or (run_in and measure.folded.rstrip().endswith("。"))


def _give_shared_units(
    skeleton: Skeleton, measure: RawMeasure, shared: tuple[str, int | None], source: str
) -> None:
    """A measure with no units of its own takes the attribution ``shared`` (its text and
    line) from a chapter, a heading's bracket or the label lines under a heading; a
    chapter-attribution diagnostic names ``source`` so the office checks it."""
    measure.attribution_raw, measure.shared_from = shared
    skeleton.diagnostics.append(
        Diagnostic(
            "chapter-attribution",
            f"Measure {measure.no} has no units of its own; it was given those "
            f"{source} on line {measure.shared_from}.",
            measure.line,
            level="info",
        )
    )


def _give_heading_labels(skeleton: Skeleton, measure: RawMeasure, block: tuple[str, int]) -> None:
    """(a measure takes the label lines of its heading, and a diagnostic says so)"""
    _give_shared_units(skeleton, measure, block, "the label lines under its heading name")


def _heading_bracket_attributions(skeleton: Skeleton, text: str, folded: str) -> None:
    """A chapter heading that ends with a bracket of labels ("三、建好一支基层法治队伍（牵头
    单位：县司法局；责任单位：各乡镇（街道））" over 5. 6. 7. with none) names the units of the
    measures under it that print none of their own, as a cue line under it does
    (_chapter_attributions); the bracket is no part of its title, and a `chapter-attribution`
    diagnostic says so (round 19: tests/parsing/documents d251, fixture
    styles/zhangjie_kuohao_danwei.txt). A section heading's does the same for the measures
    under it (round 21: d291's （一）法治宣传进机关（牵头单位：…）, fixture
    styles/fenlei_kuohao_danwei.txt). In a copy printed run-in the title ends at the
    bracket's opening."""
    # only a heading over a measure that prints no units is asked (most plans: none)
    bare = {(m.chapter, m.section) for m in skeleton.measures if not m.attribution_raw}
    if not bare:
        return
    chapters = {chapter for chapter, _ in bare}
    for chapter, start in zip(skeleton.chapters, skeleton.chapter_starts, strict=True):
        raw = (
            _take_heading_bracket(chapter, start, text, folded) if chapter.no in chapters else None
        )
        if raw is not None:
            under = [m for m in skeleton.measures if m.chapter == chapter.no]
            _give_heading_bracket(skeleton, under, raw, chapter.line, "chapter")
    for section, start in zip(skeleton.sections, skeleton.section_starts, strict=True):
        if (section.chapter, section.no) not in bare:
            continue
        raw = _take_heading_bracket(section, start, text, folded)
        if raw is not None:
            under = [
                m
                for m in skeleton.measures
                if m.chapter == section.chapter and m.section == section.no
            ]
            _give_heading_bracket(skeleton, under, raw, section.line, "section")


def _take_heading_bracket(heading, start: int, text: str, folded: str) -> str | None:
    """The labels of the bracket closing a heading's title, as printed, taken off the title;
    None when it has none."""
    title = fold(heading.title)
    at = folded.find(title, start, start + _CUE_REACH) if title else -1
    if title.endswith(("(", "[", ")", "]")):
        opened = _bracket_opening(title)
    else:
        # (a title a copy run in ended before its bracket: "(一)法治宣传进机关" then
        # "(牵头单位:…)1.落实…", d291 run in and fixture styles/fenlei_kuohao_danwei.txt)
        after = at + len(title)
        opened = len(title) if at >= 0 and after < len(folded) and folded[after] in "([" else None
    close = -1 if at < 0 or opened is None else _bracket_close(folded, at + opened)
    if close < 0 or not starts_with_label(folded[at + opened + 1 : close].lstrip()):
        return None
    heading.title = heading.title[:opened].rstrip()
    return text[at + opened + 1 : close].strip()


def _give_heading_bracket(
    skeleton: Skeleton, measures: list[RawMeasure], raw: str, line: int | None, kind: str
) -> None:
    """(the measures without units of their own take the heading's bracket)"""
    for measure in measures:
        if measure.attribution_raw is None:
            _give_shared_units(skeleton, measure, (raw, line), f"its {kind}'s heading names")


def _bracket_opening(title: str) -> int | None:
    """Where the bracket at the end of a folded ``title`` opens: its last character when a
    copy printed run-in ended the title there, else the opening of its closing bracket
    (brackets inside it counted)."""
    if title[-1] in "([":
        return len(title) - 1
    close, opener = title[-1], "(" if title[-1] == ")" else "["
    depth = 0
    for at in range(len(title) - 1, 0, -1):
        depth += (title[at] == close) - (title[at] == opener)
        if depth == 0:
            return at
    return None


def _bracket_close(folded: str, open_at: int) -> int:
    """Where the bracket opening at ``open_at`` closes on its line, or -1."""
    opener = folded[open_at]
    close = ")" if opener == "(" else "]"
    depth = 0
    for at in range(open_at, min(len(folded), open_at + _CUE_REACH)):
        char = folded[at]
        if char == "\n":
            break
        depth += (char == opener) - (char == close)
        if depth == 0:
            return at
    return -1


def _label_block(
    text: str, folded: str, offset: int, head: int, first: int
) -> tuple[str, int] | None:
    """(the label lines under the heading at ``offset`` (line ``head``) up to the measure on
    line ``first``, as printed; the line they start on), or None if another line stands
    there. The lines are walked from the heading's, a find each."""
    block = None
    end = folded.find("\n", offset)
    for line in range(head + 1, first):
        if end < 0:
            break
        start, end = end + 1, folded.find("\n", end + 1)
        content = folded[start : end if end >= 0 else len(folded)]
        stripped = content.lstrip(_LINE_INDENT)
        if not stripped.rstrip(_LINE_INDENT):
            continue
        clause = _verb_line_clause(stripped)
        if clause is None and not starts_with_label(stripped):
            return None  # prose under the heading: its labels are no heading's
        lead = start + len(content) - len(stripped)
        stop = lead + clause if clause is not None else start + len(content)
        block = (block[0], stop, block[2]) if block else (lead, stop, line)
    return (text[block[0] : block[1]].rstrip(), block[2]) if block else None


def _verb_line_clause(stripped: str) -> int | None:
    """The length of a line's role-verb clause when the line is nothing but units and their
    verbs closed by a colon ("县委依法治县办牵头：", "县司法局牵头，县政务服务管理局配合：" over
    1. 2.): the units of the measures under it, printed before their numbers (round 23:
    tests/parsing/documents d313 and d318). The colon is no part of
    the clause (牵头： would read as a label)."""
    clause = stripped.rstrip(_LINE_INDENT)
    if not clause.endswith(":") or len(clause) > _CUE_REACH:
        return None
    clause = clause[:-1]
    return len(clause) if clause.endswith(word_list("responsibility_verbs")) else None


_CUE_REACH = 160  # characters after a chapter heading's start: the heading and the line below
_MAX_CUES = 60  # chapters that name their units: a plan has a few dozen chapters at most


@lru_cache(maxsize=1)
def _chapter_cue_character() -> str:
    """A character every chapter cue's opener holds (由 of 以下任务由, 本章任务由), so every
    match of _chapter_cue holds it; "" when the openers share none."""
    openers = vocabulary()["chapter_attribution_openers"]
    first = openers[0] if openers else ""
    return next((char for char in first if all(char in w for w in openers)), "")


@lru_cache(maxsize=1)
def _chapter_cue() -> re.Pattern[str]:
    words = vocabulary()["chapter_attribution_openers"]
    # the clause runs to the sentence's end, its bracket's or its line's (a short bracket
    # inside it, 各县(区)人民政府, is kept; an ASCII period ends it unless a digit follows)
    clause = r"((?:[^。;\n()\[\].]|\.(?=\d)|\([^()\n]{0,8}\))+)"
    return re.compile("|".join(branches(words, clause)))


def _drop_indicators(skeleton: Skeleton, folded: str) -> None:
    """A 考核评分细则 or 指标表 numbers its indicators as a plan numbers its measures, but each
    carries a score ("（10分）", "扣5分", "加2分"), not a unit: when no item names units and most
    carry a score, the items are indicators, not measures; they are left out and a warning
    names the first (tests/parsing/documents d52, fixture styles/kaohe_zhibiao.txt)."""
    measures = skeleton.measures
    if len(measures) < 2 or "分" not in folded or any(m.attribution_raw for m in measures):
        return
    scored = sum(bool(_score().search(m.folded)) for m in measures)
    if scored * 2 < len(measures):
        return
    skeleton.measures = []
    skeleton.diagnostics.append(
        Diagnostic(
            "indicators-not-measures",
            f"{scored} of the {len(measures)} numbered items carry a score (分) and none names "
            "units: they were read as assessment indicators, not measures.",
            measures[0].line,
            level="warning",
        )
    )


@lru_cache(maxsize=1)
def _score() -> re.Pattern[str]:
    """A score printed with an item: "(10分)", "扣5分", "加2分" (structure.toml score_verbs)."""
    verbs = "".join(vocabulary()["score_verbs"])
    return re.compile(rf"\(\d{{1,3}}(?:\.\d)?分\)|[{verbs}]\d{{1,3}}(?:\.\d)?分")


def unit_heading_name(title: str) -> str:
    """A chapter heading without what a heading that names its lead unit prints after the
    name (一、县发展改革局牵头事项, 三、各区县人民政府负责事项: round 13, tests/parsing/documents
    d137, fixture styles/fengong_qianshou.txt; structure.toml unit_heading_suffixes)."""
    folded = fold(title)  # (縣發展改革局牽頭事項: d137 in traditional characters)
    suffixes = word_list("unit_heading_suffixes")
    if not folded.endswith(suffixes):  # (most headings: one test in C)
        return title
    suffix = next(w for w in suffixes if folded.endswith(w))
    return title[: len(title) - len(suffix)]


def _reads_as_unit(name: str) -> bool:
    """Whether a heading reads as one unit's name: its level first, a unit's ending last,
    no clause break (一、各乡镇人民政府 over an item with no bracket is no 保障措施 chapter:
    d137, fixture styles/fengong_qianshou.txt; the units module confirms the name)."""
    words = vocabulary()
    name = fold(name)
    return (
        name[:1] in words["subject_unit_starts"]
        and name.endswith(word_list("unit_endings"))
        and not any(mark in name for mark in "，,、；;。")
    )


def _drop_provision_chapters(skeleton: Skeleton) -> None:
    """In a plan whose measures carry units, a chapter none of whose numbered items carries
    any holds provisions, not measures: 第一章 总则 (第一条 为…，第二条 本清单所列任务…),
    三、保障措施 ((一) 加强组织领导…), 附则 (本清单由…负责解释). Their items are left out
    and a warning names the chapter's first line (check before confirming: a chapter of
    measures whose units were all left out would be lost) (tests/parsing/documents:
    d02 就业 责任清单 and d05 水污染防治 方案; in the corpus gold no measure without units
    stands in a chapter of measures that all lack them while others carry units).
    Measures before the first chapter (chapter null) are kept: a copy may start mid-plan."""
    carrying = list(map(_ATTRIBUTION_RAW, skeleton.measures))
    # (none carries units: nothing to weigh; every one does, as in most plans: every run is
    # kept and none is a closing article, asked in C with no run read: speed25)
    if any(carrying) and not all(carrying):
        _drop_provisions(skeleton)


def _drop_provisions(skeleton: Skeleton) -> None:
    """_drop_provision_chapters' reading, run by run."""
    if not any(m.attribution_raw for m in skeleton.measures):
        return
    first = skeleton.measures[0]
    if (
        first.chapter is first.section is None
        and first.attribution_raw is None
        and (is_purpose_clause(first.folded))
    ):
        # 第一条 为…，制定本要点 with no heading above it is the plan's purpose, not a
        # measure (tests/parsing/documents d21; under 总则 in d02 its chapter drops it)
        skeleton.measures = skeleton.measures[1:]
        skeleton.diagnostics.append(
            Diagnostic(
                "provisions-not-measures",
                f"Item {first.no} states the plan's purpose and names no units while the "
                "plan's measures do; it was read as a provision, not a measure.",
                first.line,
                level="warning",
            )
        )
    # runs of measures under one heading (each measure's heading asked once)
    runs = [list(run) for _, run in itertools.groupby(skeleton.measures, key=_provision_group)]
    # a run with no heading or with units is kept as it is; only the chapters of the others
    # are asked whether they name a unit (most chapters hold units: no fold, no test)
    # (an item opening with its units and a colon names them: round 21, d292's
    # 8.县委依法治县办、县司法局：…, fixture styles/danwei_maohao_duoge.txt)
    plain = [
        _provision_group(run[0]) is None
        or any(m.attribution_raw or _opens_with_unit(m) or _opens_with_subject(m) for m in run)
        for run in runs
    ]
    asked = {run[0].chapter for run, keep in zip(runs, plain, strict=True) if not keep}
    unit_headed = {
        c.no
        for c in skeleton.chapters
        if c.no in asked and _reads_as_unit(unit_heading_name(c.title))
    }
    kept: list[RawMeasure] = []
    for run, keep in zip(runs, plain, strict=True):
        if keep or run[0].chapter in unit_headed:  # (its heading names their units)
            kept += run
            continue
        skeleton.goal_texts += [m.text for m in run if _states_goals(m.folded)]
        heading = run[0].chapter if run[0].chapter is not None else f"section {run[0].section}"
        skeleton.diagnostics.append(
            Diagnostic(
                "provisions-not-measures",
                f"The {len(run)} numbered items under chapter {heading} name no units "
                "while the plan's measures do; they were read as provisions, not measures.",
                run[0].line,
                level="warning",
            )
        )
    skeleton.measures = kept
    _drop_closing_articles(skeleton)


def _drop_closing_articles(skeleton: Skeleton) -> None:
    """The plan's last numbered items that name no units and state when it takes effect or
    who interprets it (structure.toml closing_article_subjects): provisions, as under 附则."""
    cut = len(skeleton.measures)
    while cut and skeleton.measures[cut - 1].attribution_raw is None:
        if not _is_closing_article(skeleton.measures[cut - 1].folded):
            break
        cut -= 1
    for measure in skeleton.measures[cut:]:
        skeleton.diagnostics.append(
            Diagnostic(
                "provisions-not-measures",
                f"Item {measure.no} states when the plan takes effect or who interprets it and "
                "names no units while the plan's measures do; it was read as a provision.",
                measure.line,
                level="warning",
            )
        )
    del skeleton.measures[cut:]


def _is_closing_article(folded: str) -> bool:
    words = vocabulary()
    text = folded.lstrip(_LINE_INDENT)
    return text.startswith(tuple(words["closing_article_subjects"])) and any(
        word in text for word in words["closing_article_words"]
    )


def _states_goals(folded: str) -> bool:
    """Whether a provision states the plan's goals: it opens with a goal heading word
    (第二条　工作目标。到2026年…) or with the year they are set for (第二条　到2025年底，全县
    …不少于45个). In a plan of 条 the goals are an article under 总体要求 or 总则, not a
    section of their own, so no goal heading finds them (tests/parsing/documents d19, and the
    就业 and 养老 plans of tests/parsing/test_goal_articles.py)."""
    return _goal_opening().match(folded.lstrip(_LINE_INDENT)) is not None


@lru_cache(maxsize=1)
def _goal_opening() -> re.Pattern[str]:
    return re.compile(rf"(?:{trie(vocabulary()['goal_headings'])})|到\d{{4}}年")


def _provision_group(measure: RawMeasure):
    """The heading whose items are provisions together: the chapter, or in a plan of 节 and
    条 with no chapters the section (第一节 总体要求, 第四节 附则: d19, as 第一章 总则 in d02)."""
    if measure.chapter is not None:
        return measure.chapter
    return None if measure.section is None else ("section", measure.section)
