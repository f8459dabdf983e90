"""Undo the damage copies do to a plan's layout, before anything is matched.

Two kinds of damage change what the rules see without changing what the plan says:

* stray spaces inside words ("市 司法局"), which PDF text layers and re-typed copies
  leave between two Chinese characters; Chinese prints no space there, so one lone narrow
  space between two Chinese characters is dropped (runs of blanks are layout and stay, and
  so does the ideographic space, which sets names apart on purpose);
* hard-wrapped lines: plain-text mail, PDF copies and some sites break every paragraph
  at a fixed width (a ragged one in PDFs, where glyph widths vary). When most lines of a
  document end near one width, a line that reaches that width continues on the next one
  unless the next line opens a numbered item or a label line, or stands below a sentence's
  end as a line of units or a signature does, whatever its last character is (a line ending
  in ")" is not a paragraph end in a wrapped copy).

The result keeps, for every line, the source line it starts on, so diagnostics still point
at the file as printed. Everything else about the text is left as printed.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import add, gt, lt, ne
from re import _constants as _sre_constants  # the parsed form of a pattern: its opening
from re import _parser as _sre_parser

from taizhang.parsing.attribution_text import (
    is_attribution,
    is_dash_list,
    is_unit_line,
    starts_with_label,
)
from taizhang.parsing.csv_rows import csv_rows_as_tabs
from taizhang.parsing.markers import CIRCLED_DIGITS, ORDINAL, match_marker
from taizhang.parsing.metadata.bodies import names_bodies
from taizhang.parsing.metadata.signature import is_signature_date_line
from taizhang.parsing.metadata.text import CONTACT_TELEPHONE
from taizhang.parsing.normalize import fold, folded_from, printed_run_in
from taizhang.parsing.readers.config import reading_config
from taizhang.parsing.targets import opens_with_a_decimal_quantity
from taizhang.parsing.units.gazetteer import Gazetteer
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.vocabulary import vocabulary

# One blank between two Chinese characters or CJK punctuation marks (not a run of blanks).
_CJK = "\u3001-\u3003\u3008-\u3011\u4e00-\u9fff\uff01-\uff5e"
# The ideographic space U+3000 is typed on purpose (it sets names apart: "县发改局　县财政局"),
# so only narrow blanks are taken for strays.
# One pattern per blank, each opening with its literal blank: the engine then skips to the
# next blank at once (a class of two is tried at every character).
# A blank between a unit's end and the next unit's level prefix parts a list of units and
# is kept (structure.toml blank_parted_unit_ends).
_UNIT_END = "".join(vocabulary()["blank_parted_unit_ends"])
_UNIT_START = "".join(vocabulary()["blank_parted_unit_starts"])
_IN_WORD_SPACES = tuple(
    re.compile(
        rf"{blank}(?<=[{_CJK}]{blank})(?=[{_CJK}])(?!(?<=[{_UNIT_END}]{blank})[{_UNIT_START}])"
    )
    for blank in (" ", "\u00a0")
)
_NARROW = re.compile("[\x00-\u2e7f]")
# Two blanks or more; opening with a character set, not a repeat, lets the engine skip to
# blanks at once.
# (a run of tabs alone parts the cells of a row pasted from a table, an empty one between:
# tests/parsing/documents d46 hard-wrapped, fixture styles/gongshui_excel.txt at 24)
_BLANK_RUN = re.compile(r"[ \u3000][ \t\u3000]+|\t+[ \u3000]")
_INDENT = " \t\u3000\u2002\u2003\ufeff"

_MIN_LINES = 12  # fewer lines say nothing about a wrap width
_FULL = 0.88  # a line at least this share of the wrap width reached the margin
_WRAPPED_SHARE = 0.25  # share of lines at the margin that marks a hard-wrapped document
_PAST_SHARE = 0.02  # share of lines past the margin it allows (a title, a table row)
_MAX_WRAP = 60  # cells; a "wrap width" beyond this is just long paragraphs


@dataclass(frozen=True)
class Layout:
    text: str
    source_lines: tuple[int, ...]  # source_lines[i] is the source line of line i + 1

    def point_at_source(self, items) -> None:
        """Set each item's ``line`` (1-based, of ``text``) to its line of the source; a line
        out of range takes the nearest end, None stays None. One loop over the items: a call
        per item cost more than the look-up."""
        sources = self.source_lines
        if not sources:
            return
        last = len(sources)
        for item in items:
            line = item.line
            if line is None:
                continue
            if not 1 <= line <= last:
                line = 1 if line < 1 else last
            item.line = sources[line - 1]


def width(text: str) -> float:
    """Visual width in full-width cells: ASCII and other narrow characters take half a cell."""
    return len(text) - 0.5 * _NARROW.subn("", text)[1]


def drop_in_word_blanks(text: str) -> str:
    """``text`` without the lone narrow blanks between two Chinese characters (neither
    pattern spans a line break). A blank the text does not hold (most hold no U+00A0) is
    not searched for: `in` is memchr, the pattern's scan a few instructions a character."""
    for blank, in_word_space in zip(" \u00a0", _IN_WORD_SPACES, strict=True):
        if blank in text:
            text = in_word_space.sub("", text)
    return text


# A decorated page number a copy ran in after a sentence's end ("…5万亩。- 2 -【牵头单位】…":
# tests/parsing/documents d03 and d05 with their line breaks removed), or, in a copy printed
# run-in, after a comma inside an attribution ("(县农业农村局牵头,— 2 —县生态环境分局配合)":
# d05 run in, and the run-in list of tests/parsing/test_layout.py), is no text.
# (The sentence end opens the pattern, a set the engine skips to, and is put back.)
_RUN_IN_PAGE_NUMBER = re.compile(
    r"([。；;！？!?])[ \u3000]*[-—–－―~～]+ *\d{1,4} *[-—–－―~～]+[ \u3000]*"
)
_SENTENCE_ENDS = "。；;！？!?"
_PAGE_DASHES = "-—–－―~～"
_BLANKS = " \u3000"
_DASHES_LOOKED_AT = 64  # past this many dashes in a text the pattern is searched at once,
_CHARACTERS_PER_DASH = 100  # or one dash per this many characters of a longer text


_FOOTNOTE_REACH_RUN_IN = 300  # characters before a page number a footnote may open at
_FOOTNOTE_TERM = 24  # characters of the term a footnote repeats before its colon


def _without_run_in_page_numbers(text: str) -> str:
    """_RUN_IN_PAGE_NUMBER's page numbers dropped (the sentence end before each kept) from a
    copy printed run-in, and the footnotes at each page's foot (_footnotes) with them: they
    stand between the two halves of the sentence the page break cut, before the page
    number ("…引导低龄健康老年人为①“时间银行”：指…的互助养老模式。— 2 —高龄、独居老年人…").
    A footnote opens with a reference mark and repeats the term the page's text carries that
    mark glued to ("“时间银行”①", "“随手拍”[2]"), then a colon; it runs to the page number,
    which goes with it, and a rule glued before it goes too (round 34: tests/parsing/documents
    d391 and fixture styles/yejiao_zhushi.txt printed run-in). A note opening with its own
    label (注：) right after a word, inside the sentence the page cut, goes too (round 40:
    d408 and fixture styles/yejiao_xinghao.txt printed run-in). One pass, as the
    substitution was."""
    marked = any(mark in text for mark in _RUN_IN_FOOTNOTE_OPENINGS)
    pieces, done = [], 0
    for found in _RUN_IN_PAGE_NUMBER.finditer(text):
        page = _without_footnote(text, done, found.start()) if marked else None
        if page is not None:  # (its sentence end goes with it)
            pieces.append(page)
        else:
            pieces += [text[done : found.start()], found[1]]
        done = found.end()
    return "".join([*pieces, text[done:]]) if pieces else text


# the characters a footnote's mark opens with (_footnote_mark), and its label (_footnote_label)
_FOOTNOTE_MARK_OPENINGS = CIRCLED_DIGITS + "[［〔＊*※"
_RUN_IN_FOOTNOTE_OPENINGS = _FOOTNOTE_MARK_OPENINGS + "注"


def _without_footnote(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` (a page run in, up to its number) without the footnote at its
    end, and the rule glued before it; None when it ends in none."""
    mark_at, label_at = _footnote_mark(), _footnote_label()
    for at in range(max(start, end - _FOOTNOTE_REACH_RUN_IN), end):
        if text[at] not in _RUN_IN_FOOTNOTE_OPENINGS:
            continue
        mark = mark_at.match(text, at)
        if mark and _repeats_its_term(text, at, mark.end()):
            pass
        elif not (label_at.match(text, at) and at > start and _cut_mid_sentence(text[start:at])):
            continue
        rule = len(text[start:at]) - len(text[start:at].rstrip(_FOOTNOTE_RULE_MARKS))
        return text[start : at - rule if rule >= _FOOTNOTE_RULE_LEAST else at]
    return None


def _repeats_its_term(text: str, at: int, after: int) -> bool:
    """Whether the mark at ``at`` (ending at ``after``) opens a footnote: a term and a colon
    after it, the term glued to the same mark earlier in the text."""
    colon = min(
        (
            c
            for c in (
                text.find("：", after, at + _FOOTNOTE_TERM),
                text.find(":", after, at + _FOOTNOTE_TERM),
            )
            if c > after
        ),
        default=-1,
    )
    if colon < 0:
        return False
    term = text[after:colon]
    if any(c in term for c in _SENTENCE_ENDS):
        return False
    return text.find(term + text[at:after], 0, at) >= 0  # (in place: a slice would copy)


def _may_hold_run_in_page_number(text: str) -> bool:
    """Whether some dash of ``text`` follows a sentence's end, blanks between, as every
    _RUN_IN_PAGE_NUMBER match opens: each dash is found by str.find (single characters, in
    C), where the pattern's search tests every character against its first set. A text of
    many dashes (rules drawn with them) is searched at once. A long text may hold more
    dashes before that (1 MB of the corpus holds about 1,800, each looked at for a few
    hundred instructions, where the search tests a set at each of its 400,000 characters,
    about forty instructions each)."""
    most = max(_DASHES_LOOKED_AT, len(text) // _CHARACTERS_PER_DASH)
    looked_at = 0
    for dash in _PAGE_DASHES:
        at = text.find(dash)
        while at >= 0:
            looked_at += 1
            if looked_at > most:
                return True
            before = at - 1
            while before >= 0 and text[before] in _BLANKS:
                before -= 1
            if before >= 0 and text[before] in _SENTENCE_ENDS:
                return True
            at = text.find(dash, at + 1)
    return False


_RUN_IN_PAGE_NUMBER_IN_LIST = re.compile(
    r"([,，、(（])[ \u3000]*[-—–－―~～]+ *\d{1,4} *[-—–－―~～]+[ \u3000]*"
)

# ... or between two characters of a sentence its page broke ("…依法查处野外违规用— 3 —火行为…",
# "…以水-5-灭火设备…": tests/parsing/documents d49 printed run-in; printed, each stands on a
# line of its own, as in d03 and d05): a number between dashes with a Chinese character on
# either side is no text (a range, 3-5个, has digits on both sides of its dash).
_RUN_IN_PAGE_NUMBER_IN_WORDS = re.compile(r"[-—–－―]+ *\d{1,4} *[-—–－―]+")


# A web copy's page foot printed run-in between a bracket or a sentence and the next number
# ("…〕第3页 共12页网页链接3.推动…") and the link caption after the title ("…（2023—2025年）
# 网页链接目录"): tests/parsing/documents d115 and fixture styles/page_foot_links.txt run in.
# Printed, each stands on a line of its own (第3页 共12页 is a page-number line; 网页链接 numbers
# nothing and is no title).
_RUN_IN_PAGE_OF = re.compile(r"第 *\d{1,4} *页[ \u3000,，/]*共 *\d{1,4} *页")
_RUN_IN_LINK_CAPTION = re.compile(r"(?<=[。)）〕】\]])[ \u3000]*网页链接")


def _without_run_in_page_feet(text: str) -> str:
    if "页" in text and "共" in text:
        text = _RUN_IN_PAGE_OF.sub("", text)
    if "网页链接" in text:
        text = _RUN_IN_LINK_CAPTION.sub("", text)
    return text


_HEAD_REACH = 40  # characters after a page number where its page's running header may stand
_HEAD_RUN_IN_LEAST = 6  # characters: what two page breaks share by chance is shorter
_NOT_IN_HEADS = frozenset("（(:：。，,；;、【[")  # a header is a name or a number, no clause
# but a title repeated at each page's top may end with its bracketed period ("…行动方案（2026—
# 2028年）", or "…方案（2025—2" over "027年）" where a copy's wrap cut it: round 29,
# tests/parsing/documents d365 and fixture styles/yemei_qijian_kuohao.txt hard-wrapped at 24)
_HEAD_PERIOD = re.compile(r"[（(]\d{0,4}(?:\s*[-—–－~～至]{1,2}\s*\d{0,4}\s*年?[）)]?)?$")


def _no_clause(head: str) -> bool:
    """Whether a running header holds no clause: a name or a number, or a title with its
    period."""
    if _NOT_IN_HEADS.isdisjoint(head):
        return True
    return ("（" in head or "(" in head) and _NOT_IN_HEADS.isdisjoint(_HEAD_PERIOD.sub("", head))


def _without_run_in_running_heads(text: str) -> str:
    """A copy printed run-in keeps each page's running header after its page number
    ("…务工就业— 2 —青禾县人民政府办公室文件县政办发〔2024〕12号1500人以上。", as _running_heads
    finds it on lines): what follows every page number the same, at least
    _HEAD_RUN_IN_LEAST characters and no clause, is cut with the page number (round 13:
    tests/parsing/documents d136 and fixture styles/yemei_biaoti.txt printed run-in)."""
    found = [m.span() for m in _RUN_IN_PAGE_NUMBER_IN_WORDS.finditer(text)]
    found += [m.span() for m in _RUN_IN_PAGE_OF.finditer(text)] if "页" in text else []
    if len(found) < 2:
        return text
    found.sort()
    head = _shared_start([text[end : end + _HEAD_REACH] for _, end in found])
    if len(head) < _HEAD_RUN_IN_LEAST or not _no_clause(head):
        return text
    pieces, last = [], 0
    width = head.count("\t")  # a table's header printed again: its cells' tabs
    for start, end in found:  # the page number goes with its header ("就业— 2 —1500人")
        pieces.append(text[last:start])
        last = end + len(head)
        if width and (joined := _row_rest_run_in(pieces, text, last, width)):
            last = joined
    return "".join(pieces) + text[last:]


_ROW_REACH = 600  # characters of a table's row or of its rest cut by a page
_ROW_NUMBER_END = re.compile(r"(?<!\d)(\d{1,3})$")


def _row_rest_run_in(pieces: list[str], text: str, at: int, width: int) -> int | None:
    """A row a page break cut, printed run in ("…工地\t农民工、用工单位— 2 —续表序号\t…\t完成时限
    设立…。\t\t2025年底前6\t…": the header printed again between the row and its rest, whose
    empty first cells lost their tabs, as the row its empty last ones): the rest's cells are
    joined to the row's, the last ones (as _rows_joined_at_pages joins them on lines; round
    35: tests/parsing/documents d394 and fixture styles/xubiao_duanhang.txt run in). The row
    opens with its number glued to the cell before; the rest ends with the next row's.
    Returns where the text goes on after the rest, None when no rest follows (a row does)."""
    if text[at : at + 1].isdigit():
        return None
    before = pieces[-1][-_ROW_REACH:].split("\t")
    rest = text[at : at + _ROW_REACH].split("\t")
    for cells in range(width + 1, 1, -1):  # the row's cells before the cut
        if cells > len(before) or not (number := _ROW_NUMBER_END.search(before[-cells])):
            continue
        following = str(int(number[1]) + 1)
        count = next(
            (i + 1 for i, cell in enumerate(rest[: width + 1]) if cell.endswith(following)), None
        )
        if count is None or count + cells < width + 1 or not rest[0]:
            return None
        row = before[-cells:] + [""] * (width + 1 - cells)
        tail = [""] * (width + 1 - count) + rest[:count]
        merged = "\t".join(a + b for a, b in zip(row, tail, strict=True))
        kept = len(pieces[-1]) - len("\t".join(before[-cells:]))
        pieces[-1] = pieces[-1][:kept] + merged
        return at + len("\t".join(rest[:count]))
    return None


def _shared_start(pieces: list[str]) -> str:
    """What every piece opens with, character by character."""
    first, last = min(pieces), max(pieces)  # (what the first and last in order share, all do)
    size = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), None)
    return first if size is None else first[:size]


def _page_number_in_words(found: re.Match[str]) -> str:
    text, start, end = found.string, found.start(), found.end()
    between = start and end < len(text) and _is_han(text[start - 1]) and _is_han(text[end])
    return "" if between else found.group()


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def restore(text: str, gazetteer: Gazetteer | None = None) -> Layout:
    """The text as printed, its lines restored; ``gazetteer``: the parse's (a deployment's
    extension included), else the packaged one, where a name's place and ending tell."""
    columns = _columns_apart(text) if _COLUMN_BLANKS in text else None
    if columns is None:
        return _restore(text, gazetteer)
    lines, sources = columns
    layout = _restore("\n".join(lines), gazetteer)
    return Layout(layout.text, tuple(sources[number - 1] for number in layout.source_lines))


# A page printed in two columns, copied line by line: each line holds a line of the left
# column, a run of blanks, and a line of the right one, the right column starting at one
# width on every line ("1.一月，开展…        7.七月，开展…": round 17, tests/parsing/documents
# d217, fixture styles/liangl_yeban.txt). Both columns open numbered items on two lines at
# least, which a table's cells (a number in the first only) never do. The left column's lines
# are read first, then the right one's, each keeping its source line.
_COLUMN_BLANKS = "    "  # four narrow blanks at least part the columns (text checked in C)
_COLUMN_GAP = re.compile(r" {4,}(?=\S)")
_COLUMN_LINES = 4  # lines of a two-column block at least
_COLUMN_ITEMS = 2  # numbered items each column opens at least


def _column_split(line: str) -> tuple[str, str, float] | None:
    """(left, right, the right column's width from the line's start) of a two-column line."""
    gap = _COLUMN_GAP.search(line)
    if gap is None or not line[: gap.start()].strip() or _COLUMN_GAP.search(line, gap.end()):
        return None
    return line[: gap.start()], line[gap.end() :], width(line[: gap.end()])


def _gapped_lines(text: str) -> list[tuple[int, int]]:
    """(index, start) of each line holding four blanks or more before more text: each run
    is found by str.find, in C (a pattern opening with a blank was tried at every blank of
    a text, and again inside every run)."""
    out: list[tuple[int, int]] = []
    line, last, size = 0, 0, len(text)
    at = text.find(_COLUMN_BLANKS)
    while at >= 0:
        end = at + len(_COLUMN_BLANKS)
        while end < size and text[end] == " ":
            end += 1
        if end < size and not text[end].isspace():
            line += text.count("\n", last, at)
            last = at
            if not out or out[-1][0] != line:
                out.append((line, text.rfind("\n", 0, at) + 1))
        at = text.find(_COLUMN_BLANKS, end)
    return out


def _lines_from(text: str, start: int):
    """The lines of ``text`` from the line starting at ``start`` on, one at a time (the
    text is split only where a block is found)."""
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def _columns_apart(text: str) -> tuple[list[str], list[int]] | None:
    """The text's lines with each two-column block read column by column, and the source
    line (1-based) of each; None when the text holds no such block."""
    blocks: list[tuple[int, list[tuple[str, str]]]] = []
    free = 0  # the first line no block found so far holds
    for index, start in _gapped_lines(text):
        if index >= free and (block := _column_block(_lines_from(text, start))) is not None:
            blocks.append((index, block))
            free = index + len(block)
    if not blocks:
        return None
    lines = text.split("\n")
    out: list[str] = []
    sources: list[int] = []
    at = 0
    for index, block in blocks:
        out += lines[at:index]
        sources += range(at + 1, index + 1)
        for column in (0, 1):
            for paragraph, source in _column_paragraphs(block, column, index + 1):
                out.append(paragraph)
                sources.append(source)
        at = index + len(block)
    out += lines[at:]
    sources += range(at + 1, len(lines) + 1)
    return out, sources


def _column_paragraphs(
    block: list[tuple[str, str]], column: int, first: int
) -> list[tuple[str, int]]:
    """A column's lines joined into paragraphs, each with the source line it starts on: a
    column is wrapped at its narrow width, so a line continues the one above unless it opens
    a numbered item."""
    out: list[tuple[str, int]] = []
    for number, parts in enumerate(block, first):
        part = parts[column].rstrip()
        content = part.strip(_INDENT)
        if out and content and not starts_item(fold(content)):
            out[-1] = (out[-1][0] + content, out[-1][1])
        elif content:
            out.append((part, number))
    return out


def _column_block(lines) -> list[tuple[str, str]] | None:
    """The (left, right) parts of the two-column block the ``lines`` open, or None."""
    first = _column_split(next(lines))
    if first is None:
        return None
    block = [first]
    for line in lines:
        split = _column_split(line)
        if split is None or abs(split[2] - first[2]) > 1:
            break
        block.append(split)
    if len(block) < _COLUMN_LINES:
        return None
    parts = [(left, right) for left, right, _width in block]
    for column in (0, 1):
        opened = sum(starts_item(fold(part[column].strip(_INDENT))) for part in parts)
        if opened < _COLUMN_ITEMS:
            return None
    return parts


def _restore(text: str, gazetteer: Gazetteer | None) -> Layout:
    text = _without_markdown(text)
    text = drop_in_word_blanks(text)
    text = csv_rows_as_tabs(text)  # (a CSV task table's cells, tab-parted)
    # (neither cut moves a line break between the first and last printed characters)
    run_in = printed_run_in(text)
    if run_in:
        text = _without_run_in_running_heads(text)
    if _may_hold_run_in_page_number(text):
        if run_in:
            text = _without_run_in_page_numbers(text)
        else:
            text = _RUN_IN_PAGE_NUMBER.sub(r"\1", text)
    if run_in:
        text = _RUN_IN_PAGE_NUMBER_IN_LIST.sub(r"\1", text)
        text = _RUN_IN_PAGE_NUMBER_IN_WORDS.sub(_page_number_in_words, text)
        text = _without_run_in_page_feet(text)
        if any(mark in text for mark in _FOOTNOTE_MARK_OPENINGS):
            text = _without_run_in_definition_notes(text)
        text = _without_trailing_chrome(text)
    printed = text.split("\n")
    lines, numbers = _without_page_numbers(text, printed)
    measure, wrap = _wrap(lines)
    rests = (
        _row_rests_at_pages(lines, numbers) if len(lines) != len(printed) and "\t" in text else None
    )
    if wrap is None:
        if rests:
            lines, numbers = _rows_joined_at_pages(lines, numbers, rests)
        if len(lines) != len(printed):  # some dropped
            lines, numbers = _across_page_breaks(lines, numbers, printed)
        if "\t" in text:
            lines, numbers = _rows_broken_in_a_cell(lines, numbers)
        if len(lines) == len(printed):  # none dropped nor joined
            return Layout(text, tuple(numbers))
        return Layout("\n".join(lines), tuple(numbers))
    out: list[str] = []
    sources: list[int] = []
    joining = False
    row = None  # the number of the row of blank-gapped cells being joined (its header: 0)
    first = _first_wrap(lines, measure, wrap)
    cut = None  # the line at the margin just joined, while its rest may follow
    previous_number = 0
    blank_ended = False  # the line before ended with a blank (a PDF layer's, or a separator)
    table_tabs = 0  # the most tabs a whole line above holds (a table's header: all its own)
    table_pipes = 0  # the same for the "|" between the cells of a row converted from a page
    for number, line in zip(numbers, lines, strict=True):
        content = line.strip(_INDENT)
        if (
            number != previous_number + 1
            and not (rests and number in rests)  # (a row's rest: no dropped header's)
            and _rest_of_dropped(printed, number, measure, wrap)
        ):
            # (one rest, dropped with its line: a line at the margin after the rest may be
            # the title under a breadcrumb that ended at the margin, fixture
            # styles/shuili_newspage.txt hard-wrapped at 22)
            previous_number, joining = number, False
            continue
        if number != previous_number + 1 and out and not joining:
            # a sentence a page break cut, short of the margin (d136 hard-wrapped)
            joining = _cut_by_page(out[-1], printed, previous_number, number)
        if rests and number in rests:
            joining = False  # (a row's rest: joined to its row cell by cell, below)
        previous_number = number
        folded_content = fold(content)
        if not joining and table_tabs and out and _completes_its_row(out[-1], line, table_tabs):
            joining = True
        # (a row of page fields that opens with the rest of a number the wrap broke, "…索引号:
        # …/2024-1235" over "5 文　号:…", is that line's rest: round 14, corpus 051
        # hard-wrapped at 30, fixture styles/suoyin_fields.txt hard-wrapped at 30)
        field_row = _is_field_row(content) and not (joining and _splits_a_number(out[-1], content))
        if (
            joining
            and content
            and (
                not starts_item(folded_content)
                or _splits_a_number(out[-1], content)
                or _splits_a_label(out[-1], folded_content)
                or _ends_open(out[-1])
                or _in_open_attribution(out[-1])
                or _wrapped_before_a_decimal(folded_content)
                or _number_cell_of_its_row(out[-1], line, table_tabs)
                or _cells_of_its_row(out[-1], line, table_tabs)
                # a cell's own line break before a label ("…\t牵头：县城市管理局" over
                # "配合：县市场监管局、县公安局\t2025年6月底前"), the row's cells made up
                # (round 34: tests/parsing/documents d393 and fixture
                # styles/biaoge_qiantou_danyuange.txt hard-wrapped at 30)
                or _completes_its_row(out[-1], line, table_tabs)
            )
            and (row is not None or not field_row or _label_row(out[-1]))
            and (
                not _stands_below_sentence(out[-1], folded_content)
                or _rest_of_its_row(out[-1], folded_content, table_tabs, gazetteer)
                # (禁则: "…\t区妇联" over "、区教育局", round 17: d175 hard-wrapped at 30,
                # fixture styles/fenye_biaotou.txt hard-wrapped at 24)
                or folded_content[:1] in _LINE_START_NEVER
            )
            and (not _after_attribution(out[-1]) or folded_content[:1] in _LINE_START_NEVER)
            and not (row is not None and _gapped_row(content) == row + 1)
            and not _past_its_cells(out[-1], line, table_tabs, "\t")
            and not _past_its_cells(out[-1], line, table_pipes, "|")
            and not (not table_pipes and _first_bar_row(out[-1], content))
            and not _next_bar_row(out, content, table_pipes)
            and not _category_row(out[-1], content)
        ):
            # a row pasted from a table broken at a tab keeps it between its cells (d45 and
            # d46 hard-wrapped), one of blank-gapped cells the blanks at either side
            if row is not None:
                out[-1] += line
            else:
                if blank_ended and _parts_units_at_break(out[-1], content):
                    out[-1] += " "
                out[-1] += _leading_tabs(line) + content
                if line.endswith("\t", len(content)):
                    # a middle piece broken right after a tab keeps it (d46 at 24, d51 at 24
                    # and 26: "…县自然资源局\t" over "2024年12月底前")
                    out[-1] += "\t"
        else:
            # (a table's header holds all its tabs; not reset by a line without one: a chapter
            # row that lost its empty cells' tabs, or a quoted cell's first line, stands inside
            # a table, d45 hard-wrapped; a wider table above leaves the rule unused)
            table_tabs = max(table_tabs, out[-1].count("\t")) if out else 0
            table_pipes = max(table_pipes, out[-1].count("|")) if out else 0
            out.append(line)
            sources.append(number)
            row = _gapped_row(content) if "  " in content or "\u3000" in content else None
        # The last visual line decides: a paragraph ends at a line short of the margin.
        at_margin = bool(content) and measure(content) >= _FULL * wrap
        rest = joining and cut is not None and first is not None and not at_margin
        joining = (
            (
                at_margin
                or (rest and _rest_of_first_line(first, cut, content))
                or _in_open_title(content)
            )
            and bool(content)
            and (row is not None or not field_row or _label_row(out[-1]))
        )
        cut = content if at_margin else None
        blank_ended = line.endswith((" ", "\u3000"))
    if rests:
        out, sources = _rows_joined_at_pages(out, sources, rests)
    return Layout("\n".join(out), tuple(sources))


def _leading_tabs(line: str) -> str:
    """The tabs a row's rest opens with, each parting a cell: two part an empty cell from
    the one before ("…配齐宣传栏和普法设施。" at the margin over "\t\t各乡镇人民政府\t…", the
    lead cell merged over the rows below its first: round 32, tests/parsing/documents d376
    hard-wrapped at 30, fixture styles/hebing_qiantou_zhehang.txt hard-wrapped at 30)."""
    return line[: len(line) - len(line.lstrip("\t"))]


def _cells_of_its_row(joined: str, line: str, table_cells: int) -> bool:
    """Whether a line opening with a tab is the rest of the row above, which a wrap broke at
    that tab, its cells no more than the row lacks (as _completes_its_row counts), though its first
    cell opens like an item: 第14项, the item of the higher plan a row answers (round 35:
    tests/parsing/documents d397 hard-wrapped at 30, "1\t全面…提升行动。" over "\t第14项\t副市长
    \t…"; fixture styles/shangji_xuhao_lie.txt hard-wrapped at 30)."""
    if not line.startswith("\t"):
        return False
    tabs = joined.count("\t")
    if not 0 < tabs < table_cells or tabs + line.count("\t") > table_cells:
        return False  # (its cells may go on on the next line: "…各县（市、" over "区）人民政府…")
    return joined[: joined.find("\t")].strip(_INDENT).isdigit()


def _number_cell_of_its_row(joined: str, line: str, table_cells: int) -> bool:
    """Whether a line opening as a row's number ("3\t…") or only a number is a cell of the
    tab-parted row above, which a wrap broke at a tab, short of its header's cells:
    a score or a count cell (分值 4) then opens the line, and the cells the line holds complete
    the row to its header's count exactly, where the next row would pass it (round 22:
    tests/parsing/documents d297 hard-wrapped at 30, "…规范化。\t" over "3\t\t县司法局…", "…目录。"
    over "\t4\t\t县政府办公室…";
    fixture styles/fenzhi_biao.txt hard-wrapped at 30)."""
    broken_at_tab = joined.endswith("\t") or line.startswith("\t")
    if not table_cells or not broken_at_tab or not line.lstrip("\t")[:1].isdigit():
        return False
    tabs = joined.count("\t")
    if tabs >= table_cells:
        return False
    if line.rstrip(" \u3000").isdigit():
        return True  # (a number cell alone on its line: the row's rest follows)
    return tabs + line.count("\t") == table_cells


# A row of a table whose first column is a category printed on its group's first row only:
# the category cell, then the row's number cell (重点领域\t序号\t…: "灌溉排水\t3\t…").
_CATEGORY_ROW = re.compile(r"([^\t\d。]{1,16})\t(\d{1,3})\t")


def _category_row(joined: str, line: str) -> bool:
    """Whether ``line`` opens the next row of a category table ("田间道路\t6\t新建…") under
    its header or a row that reached the margin, which a wrap would otherwise run on into
    it: its category cell and then the number that follows the row above's, or 1 under the
    header (round 27: tests/parsing/documents d344 hard-wrapped at 30, fixture
    styles/leibie_biaotou_manhang.txt hard-wrapped at 30, whose headers reach the margin). A
    wrapped cell's rest before a count cell ("…整治临水临崖隐患" over "临水临崖隐患\t980\t…",
    fixture styles/biaoge_duanhang.txt ragged) continues no numbering."""
    found = _CATEGORY_ROW.match(line)
    if found is None or "\t" not in joined:
        return False
    return int(found[2]) == _row_number_of(joined) + 1


def _row_number_of(joined: str) -> int:
    """The number of a tab-parted row, in its first cell or after its category cell; 0 for
    the header (its number column's name there), -2 (no number follows it) for any other."""
    first, _, rest = joined.lstrip(_INDENT).partition("\t")
    second = rest.partition("\t")[0].strip()
    for cell in (first.strip(), second):
        if cell.isdigit() and len(cell) <= 3:
            return int(cell)
    return 0 if second in vocabulary()["table_columns"]["number"] else -2


def _completes_its_row(joined: str, line: str, table_cells: int) -> bool:
    """Whether ``line`` is the rest of the tab-parted row above, broken short of the margin
    (a PDF layer's lines end at a visual width, so a row of wide characters breaks earlier
    than the longest line): the row holds fewer cells than its table's header and the line's
    cells make up exactly the rest ("2\t…整治项目\t…新增停车" over "位300个\t0.8\t城北区人民
    政府\t2026年10月底前": round 19, tests/parsing/documents d245 ragged, fixture
    styles/biaoge_duanhang.txt ragged). Only a row that opens with its number: the next
    row's line then opens with its own and would give the row too many cells, where rows
    of no number column may have lost a tab with an empty first cell (d66 hard-wrapped)."""
    tabs = joined.count("\t")
    if not 0 < tabs < table_cells or tabs + line.count("\t") != table_cells:
        return False
    numbered = joined[: joined.find("\t")].strip(_INDENT).isdigit()
    return numbered and not _opens_next_row(joined, line)


def _opens_next_row(joined: str, line: str) -> bool:
    """Whether ``line`` opens the row after the tab-parted row ``joined``: the number that
    follows the row's, then a task's sentence, which a wrap broke short of its cells. The
    row above, its last cell empty (a deadline merged over the rows below the group's
    first), lost that cell's tab with the line's edge blanks, so its cells and the line's
    add up to the header's as a row's rest would ("…\t市卫生健康委、各县（市、区）人民政府"
    over "6\t加强食用农产品质量安全监管，…": round 37, tests/parsing/documents d403
    hard-wrapped at 30, fixture styles/zerenfengong_liangceng.txt hard-wrapped at 30)."""
    number, _, rest = line.strip(_INDENT).partition("\t")
    if not (number.isdigit() and int(number) == _row_number_of(joined) + 1):
        return False
    cell = fold(rest.partition("\t")[0]).strip()
    return len(cell) >= _SENTENCE_CELL and not names_bodies(cell)


# (characters: a cell this long that names no bodies is a task's sentence, no score's or
# unit's cell)
_SENTENCE_CELL = 8


def _row_rests_at_pages(lines: list[str], numbers: list[int]) -> set[int]:
    """The source lines where the rest of a tab-parted row a page break cut starts, as a
    Word table prints it: each cell's rest on the next page, after the header printed again,
    in a row of its own whose number cell is empty ("5\t县人社局\t宣传…工地\t农民工\t" over
    "— 2 —", "续表", the header, then "\t\t设立…。\t\t2025年底前"; a wrapped copy loses its
    leading tabs with the line's edge blanks). The rest's cells are the row's (round 35:
    tests/parsing/documents d394 and fixture styles/xubiao_duanhang.txt, where the header
    repeats at each page and reads as a running head; the fixture with one page break, where
    the header printed again stays between the row and its rest)."""
    rests = set()
    # (only the lines after a gap in the numbers, found in C, are looked at)
    gaps = compress(range(1, len(numbers)), map(ne, numbers[1:], map(add, numbers, repeat(1))))
    for k in gaps:
        if "\t" not in lines[k - 1]:
            continue
        j = k + 1 if _header_line(lines[k]) and k + 1 < len(lines) else k
        if _header_line(lines[j]) or _row_number_of(lines[j]) > 0:
            continue
        # (its cells: on the line, or on the wrapped piece under it, before the next row)
        ahead = lines[j + 1] if j + 1 < len(lines) and _row_number_of(lines[j + 1]) < 0 else ""
        if "\t" in lines[j] or "\t" in ahead:
            rests.add(numbers[j])
    return rests


def _rows_joined_at_pages(
    lines: list[str], numbers: list[int], rests: set[int]
) -> tuple[list[str], list[int]]:
    """Each row rest of _row_rests_at_pages joined to its row, cell by cell (its cells the
    last ones when it lost its leading tabs), the header printed between dropped."""
    out, sources = [], []
    width = 0  # the tabs of the table's header
    for number, line in zip(numbers, lines, strict=True):
        if _header_line(line):
            width = max(width, line.count("\t"))
        at = len(out) - 1
        if number in rests and at > 0 and _header_line(out[at]):
            at -= 1  # the header printed again at the page's top, between
        if number in rests and at >= 0 and _row_number_of(out[at]) > 0:
            row, rest = out[at].split("\t"), line.split("\t")
            cells = max(width + 1, len(row), len(rest))
            row += [""] * (cells - len(row))
            rest = [""] * (cells - len(rest)) + rest
            pairs = zip(row, rest, strict=True)
            out[at] = "\t".join(a.rstrip(_INDENT) + b.strip(_INDENT) for a, b in pairs)
            del out[at + 1 :], sources[at + 1 :]
            continue
        out.append(line)
        sources.append(number)
    return out, sources


def _header_line(line: str) -> bool:
    """Whether a tab-parted line is a table's header: its first cell names a number column."""
    return "\t" in line and line.partition("\t")[0].strip(_INDENT) in _number_column_names()


@lru_cache(maxsize=1)
def _number_column_names() -> frozenset[str]:
    return frozenset(vocabulary()["table_columns"]["number"])


def _rows_broken_in_a_cell(lines: list[str], numbers: list[int]) -> tuple[list[str], list[int]]:
    """The tab-parted rows of a copy at no wrap width whose cell broke over two lines (a
    cell's own line break, kept by a .txt copy without the quotes a spreadsheet adds) are
    one line again: a row opening with its number holds fewer cells than its table's header
    and the next line, which opens no number, makes up exactly the rest ("…\t县公安局、县医疗
    保障局、" over "县人力资源社会保障局\t2025年6月底前": round 20, tests/parsing/documents
    d264, fixture styles/biaoge_danyuange.txt). A wrapped copy joins them by its wrap."""
    out, sources = lines[:1], numbers[:1]
    table_tabs = 0  # the most tabs a whole line above holds (its table's header)
    for number, line in zip(numbers[1:], lines[1:], strict=True):
        if (
            table_tabs
            and "\t" in line
            and not line.lstrip(_INDENT).partition("\t")[0].isdigit()
            and _completes_its_row(out[-1], line, table_tabs)
            # (a cell a spreadsheet quoted keeps its line break for the table's reader: d45)
            and not out[-1][out[-1].rfind("\t") + 1 :].startswith('"')
        ):
            out[-1] = out[-1].rstrip(_INDENT) + line.strip(_INDENT)
            continue
        table_tabs = max(table_tabs, out[-1].count("\t"))
        out.append(line)
        sources.append(number)
    return out, sources


def _parts_units_at_break(joined: str, content: str) -> bool:
    """Whether the blank a line ended with, before the line that continues it, parts two
    units ("…、市委网信办 " over "市邮政管理局)": a PDF layer broke a list of units parted by
    blanks at one of them; joined without it the two names would read as one (round 19,
    tests/parsing/documents d241 ragged, fixture styles/kongge_huanhang.txt ragged)."""
    return joined[-1:] in _UNIT_END and content[:1] in _UNIT_START


# A heading or bold words at a line's start, or after a sentence or a bracket (run in); what
# stands before the markup is checked where the markup is found.
_MARKDOWN_MARK = re.compile(r"#{1,6}[ \u3000]|\*\*[^*\n]+\*\*")
_MARKDOWN_BEFORE = re.compile(r"(?:^|[\n。）)*|])[ \u3000]*$")
_MARKDOWN_REACH = 8  # characters before the markup: blanks and the mark it follows


@lru_cache(maxsize=2)
def _markdown_markup(run_in: bool) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    config = reading_config()["markdown"]
    if run_in:
        line_markup = re.compile(config["run_in_markup"])
        number_blank = re.compile(config["run_in_number_blank"])
    else:
        line_markup = re.compile(config["line_markup"], re.M)
        number_blank = re.compile(config["number_blank"], re.M)
    return line_markup, re.compile(config["emphasis"]), number_blank


@lru_cache(maxsize=1)
def _run_in_table_breaks() -> re.Pattern[str]:
    return re.compile(reading_config()["markdown"]["run_in_table_breaks"])


@lru_cache(maxsize=1)
def _markdown_table_rule() -> re.Pattern[str]:
    return re.compile(reading_config()["markdown"]["table_rule"], re.M)


def _markdown_lines(text: str):
    """The places Markdown markup opens a line (or a sentence, run in), left to right and
    none inside another. Found from each occurrence of the markup's first characters
    (str.find runs in C, where a regex would visit every character of the text)."""
    at, end = 0, -1
    ahead = {first: text.find(first) for first in ("#", "**")}
    while True:
        hits = [place for place in ahead.values() if place >= 0]
        if not hits:
            return
        at = min(hits)
        found = _MARKDOWN_MARK.match(text, at)
        # A star before bold words is another bold's close ("**标题****一、…**"), or a
        # run of stars that masks words (corpus 071: 《*********关于…》), which is no bold.
        masked = text.startswith("**", at) and at > 0 and text[at - 1] == "*" and at != end
        if (
            found is not None
            and not masked
            and _MARKDOWN_BEFORE.search(text, max(0, at - _MARKDOWN_REACH), at)
        ):
            yield found
            at = end = found.end()
        else:
            at += 1
        ahead = {
            first: place if place >= at or place < 0 else text.find(first, at)
            for first, place in ahead.items()
        }


def _without_markdown(text: str) -> str:
    """A copy made by an AI or web tool (two lines or more marked as Markdown headings or
    bold: "# 标题", "**一、总体要求**", "### （一）…") loses its markup, line for line, so
    its numbers open their lines again ("- 1. 推进…" is "1.推进…"; tests/parsing/documents
    d40 and d42, fixture styles/huanbao_markdown.txt; a table's rule row goes too, d42 and
    fixture styles/wenming_mdtable.txt). A text without such lines is returned as it is."""
    # "*" first: one character is found by memchr, two ("**") by a scan several times slower
    if "#" not in text and ("*" not in text or "**" not in text):
        return text
    if sum(1 for _ in itertools.islice(_markdown_lines(text), 2)) < 2:
        return text
    run_in = printed_run_in(text)
    line_markup, emphasis, number_blank = _markdown_markup(run_in)
    if run_in and " | " in text:  # a table printed run in: its rows are lines again
        text = _run_in_table_breaks().sub("\n", text)
        run_in = printed_run_in(text)
        line_markup, emphasis, number_blank = _markdown_markup(run_in)
    if not run_in:
        text = _markdown_table_rule().sub("", text)
    text = line_markup.sub("", text)
    text = emphasis.sub(r"\1", text)
    return number_blank.sub(r"\1", text)


@lru_cache(maxsize=1)
def _page_number_line() -> re.Pattern[str]:
    """A line that is nothing but a decorated page number ("— 3 —", "第3页 共9页"): the
    PDF reader drops them, and a copy pasted from a PDF's text layer carries them into the
    text, where they land inside a measure or its attribution (tests/parsing/documents:
    d05 水污染防治 and d03 乡村振兴). A bare number is a table cell (序号) and stays."""
    patterns = reading_config()["pdf"]["page_number_lines"]
    return _whole_line(patterns)


_TABLE_CONTINUED_MARKS = ("续表", "續表", "续上表", "續上表")


@lru_cache(maxsize=1)
def _table_continued_line() -> re.Pattern[str]:
    """A line that is only a table's 续表 mark, printed at the top of a page a table runs on
    to (reading.toml pdf.table_continued_lines)."""
    return _whole_line(reading_config()["pdf"]["table_continued_lines"])


@lru_cache(maxsize=1)
def _page_chrome_line() -> re.Pattern[str]:
    """A line of a news page's chrome (上一篇：…, 【相关链接】, 分享到…) that a text copy of the
    page carries after the plan, where it would run into the last measure (tests/parsing/
    documents d21 and d07); the HTML reader drops the same lines."""
    return _whole_line(reading_config()["html"]["noise_lines"])


def _whole_line(patterns: list[str]) -> re.Pattern[str]:
    """A line that is one of ``patterns`` and blanks, searched in the text behind a line
    break (_lines_matching): it opens with the line break, a literal the engine skips to,
    not with a ^ tried at every character."""
    body = "|".join(f"(?:{_any_printing(p).removeprefix('^').removesuffix('$')})" for p in patterns)
    return re.compile(rf"\n[{_INDENT}]*{_opening_test(body)}(?:{body})[{_INDENT}]*(?=\n|\Z)")


def _any_printing(pattern: str) -> str:
    """``pattern`` with each Chinese character also matching the characters that fold to it:
    these lines are matched before the text is folded, and a traditional copy prints its
    page's chrome and page numbers in its own characters (【相關鏈接】, 【責任編輯：…】,
    第3頁: round 13, tests/parsing/documents d21 and d07 traditional)."""
    forms = folded_from()
    out, in_class, escaped = [], False, False
    for char in pattern:
        extra = "" if escaped else forms.get(char, "")
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        out.append(char + extra if in_class or not extra else f"[{char}{extra}]")
    return "".join(out)


def _opening_test(body: str) -> str:
    """A lookahead for the characters a match of ``body`` can open with, or "" when they
    cannot be told: at most line breaks one class is tested, where the alternation of
    every pattern was tried at each (two fifths of restoring a layout). It only passes over
    places where ``body`` cannot match, so the matches are the same."""
    try:
        opening = _opening(_sre_parser.parse(body).data)
    except (re.error, TypeError, ValueError):
        return ""
    if opening is None or opening[1]:  # unknown, or a match may be empty
        return ""
    return f"(?=[{''.join(opening[0])}])"


def _opening(items) -> tuple[list[str], bool] | None:
    """(class items a match of a parsed sequence can open with, whether it may be empty);
    None for an element this reading does not know."""
    firsts: list[str] = []
    for op, av in items:
        found = _element_opening(op, av)
        if found is None:
            return None
        firsts += found[0]
        if not found[1]:
            return firsts, False
    return firsts, True


def _element_opening(op, av) -> tuple[list[str], bool] | None:
    c = _sre_constants
    if op is c.LITERAL:
        return [re.escape(chr(av))], False
    if op is c.IN:
        items = []
        for kind, value in av:
            if kind is c.LITERAL:
                items.append(re.escape(chr(value)))
            elif kind is c.RANGE:
                items.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is c.CATEGORY and value in _CATEGORIES:
                items.append(_CATEGORIES[value])
            else:
                return None  # a negated set, or a category read otherwise
        return items, False
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return None if add_flags or del_flags else _opening(items)
    if op is c.BRANCH:
        firsts, empty = [], False
        for branch in av[1]:
            found = _opening(branch)
            if found is None:
                return None
            firsts += found[0]
            empty = empty or found[1]
        return firsts, empty
    if op in (c.MAX_REPEAT, c.MIN_REPEAT):
        low, _high, items = av
        found = _opening(items)
        return None if found is None else (found[0], found[1] or low == 0)
    return None


_CATEGORIES = {
    _sre_constants.CATEGORY_DIGIT: r"\d",
    _sre_constants.CATEGORY_SPACE: r"\s",
    _sre_constants.CATEGORY_WORD: r"\w",
}


def _lines_matching(pattern: re.Pattern[str], broken: str) -> set[int]:
    """The index of each line where a match of a _whole_line pattern starts, as a search
    over the text finds them (a match that runs on past its line covers the lines it
    reaches); ``broken``: the text after a line break ("\\n" + text)."""
    found, line, counted = set(), 0, 0
    for match in pattern.finditer(broken):  # in order: count on from the last
        line += broken.count("\n", counted, match.start())
        counted = match.start()
        found.add(line)
    return found


@lru_cache(maxsize=1)
def _trailing_chrome() -> tuple[re.Pattern[str], ...]:
    patterns = reading_config()["html"]["noise_lines"]
    return tuple(
        re.compile(f"{_any_printing(p).removeprefix('^').removesuffix('$')}$") for p in patterns
    )


_CHROME_TAIL = 200  # characters at the end of a run-in copy where a page's chrome may stand


def _without_trailing_chrome(text: str) -> str:
    """A copy printed run-in keeps a news page's chrome after the plan's last sentence
    ("…按职责分工负责【责任编辑：王某】分享到：微信 微博": d07 printed run-in, as d21's lines):
    it is cut off the end, one piece at a time, so the last attribution ends the text."""
    cut = True
    while cut:
        cut = False
        tail_start = max(0, len(text.rstrip()) - _CHROME_TAIL)
        for pattern in _trailing_chrome():
            found = pattern.search(text.rstrip(), tail_start)
            if found and found.start() > 0:
                text, cut = text[: found.start()].rstrip(), True
                break
    return text


def _without_page_numbers(text: str, lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines that are not a page number nor a page's chrome, and the source line (1-based)
    of each (``lines``: the text split at its line breaks).

    Both patterns are searched behind a line break (_whole_line), which the engine skips
    to: a ^ in multiline mode is tried at every character, and a loop over the lines in
    Python costs more than either on texts of many lines. The lines kept are picked in C
    (itertools.compress): most texts drop none or a few."""
    broken = "\n" + text  # each line after a line break, the first one too
    dropped = _lines_matching(_page_number_line(), broken)
    if dropped:
        dropped |= _footnotes(lines, dropped)
    if len(dropped) > 1:
        dropped |= _running_heads(lines, dropped)
    # (a table's 续表 at a page's top: looked for only where a page number was dropped and the
    # text holds the mark, found by str's `in` in C)
    if dropped and any(mark in text for mark in _TABLE_CONTINUED_MARKS):
        dropped |= _lines_matching(_table_continued_line(), broken)
    dropped |= _lines_matching(_page_chrome_line(), broken)
    dropped |= _definition_notes(broken, lines)  # (after the running heads: no page's foot)
    numbers = range(1, len(lines) + 1)
    if not dropped:
        return lines, list(numbers)
    kept = [True] * len(lines)
    for index in dropped:
        kept[index] = False
    return list(itertools.compress(lines, kept)), list(itertools.compress(numbers, kept))


_FOOTNOTE_LINES = 6  # lines one footnote may take over its page's number, wrapped
_FOOTNOTE_REACH = 60  # lines above a footnote its reference may stand in (its page)
_FOOTNOTE_RULE_MARKS = "—_-─━－"
_FOOTNOTE_RULE_LEAST = 4
# the short rule over a page's footnotes
_FOOTNOTE_RULE = re.compile(f"[{re.escape(_FOOTNOTE_RULE_MARKS)}]{{{_FOOTNOTE_RULE_LEAST},}}")


def _definition_notes(broken: str, lines: list[str]) -> set[int]:
    """The lines of a note defining a term that the text carries glued to the note's mark,
    wherever it stands: "[1]“乡村著名行动”：指…。" on the line after the table row whose task
    cell reads "实施“乡村著名行动”[1]，…", through the line its sentence ends on (a copy
    wrapped at a width breaks it). Read as text, it runs into the row's last cell or cuts
    the table (round 40: tests/parsing/documents d409, two notes after tab rows; fixture
    styles/biaoge_zhushi.txt, ＊ notes after " | " rows). Found by one search opening on
    the line break; the page's foot has its own (_footnotes)."""
    found: set[int] = set()
    line, counted = 0, 0
    for match in _DEFINITION_NOTE_LINE.finditer(broken):
        mark = _footnote_mark().match(broken, match.end())
        if not mark or not _repeats_its_term(broken, mark.start(), mark.end()):
            continue
        line += broken.count("\n", counted, match.start())
        counted = match.start()
        for index in range(line, min(len(lines), line + _FOOTNOTE_LINES)):
            found.add(index)
            if lines[index].rstrip(_INDENT).endswith("。"):
                break
    return found


def _without_run_in_definition_notes(text: str) -> str:
    """A copy printed run in: each note defining a term (_definition_notes) cut out, from
    its mark to its sentence end ("…2025年11月底前[1]“乡村著名行动”：指…专项行动。3	建立…":
    round 40, d409 and fixture styles/biaoge_zhushi.txt printed run in)."""
    pieces, done = [], 0
    for found in _DEFINITION_NOTE_MARK.finditer(text):
        mark = _footnote_mark().match(text, found.start())
        if not mark or mark.start() < done:
            continue
        if not _repeats_its_term(text, mark.start(), mark.end()):
            continue
        end = text.find("。", mark.end())
        if end < 0:
            continue
        pieces.append(text[done : mark.start()])
        done = end + 1
    return "".join([*pieces, text[done:]]) if pieces else text


# a note's mark at a line's start, the search opening on the line break (_footnote_mark)
_DEFINITION_NOTE_LINE = re.compile(r"\n[ \t\u3000]*(?=[①-⑳\[［〔＊*※])")
_DEFINITION_NOTE_MARK = re.compile(r"[①-⑳\[［〔＊*※]")


def _footnotes(lines: list[str], page_numbers: set[int]) -> set[int]:
    """The footnotes at a page's foot (indices into ``lines``): the lines right over the
    page's number, blank lines passed, from one opening with a reference mark that the
    page's text carries glued to a word ("推广“时间银行”①互助养老模式", "“一网统管”②平台",
    "“随手拍”[2]行动") down to the number, and the rule over them. A PDF copy prints them
    between the two halves of the sentence the page break cut, which then runs on as across
    a bare page number (round 34: tests/parsing/documents d391, a footnote under measure 3's
    first half and one under measure 6's bracket; fixture styles/yejiao_zhushi.txt, two
    footnotes, one of two lines, under a rule). A ① item opens its line and is referenced by
    none. The mark may be a number in brackets or stars (round 40: d408 [1] [2], fixture
    styles/yejiao_xinghao.txt ＊); a note opening with its own label (注：, 注1：) references
    nothing and is a footnote where the line over it is cut mid-sentence: body text does not
    break into a sentence (d408, the fixture)."""
    notes: set[int] = set()
    mark_at, label_at = _footnote_mark(), _footnote_label()
    for at in page_numbers:
        i, block, top = at - 1, [], None
        while i >= 0 and at - i <= _FOOTER_BLANKS and not lines[i].strip(_INDENT):
            i -= 1
        while i >= 0 and len(block) < _FOOTNOTE_LINES and i not in page_numbers:
            content = lines[i].strip(_INDENT)
            if not content:
                break
            block.append(i)
            mark = mark_at.match(content)
            if (mark and _referenced_above(lines, i, mark.group())) or (
                label_at.match(content) and i > 0 and _cut_mid_sentence(lines[i - 1])
            ):
                notes.update(block)
                block, top = [], i
            i -= 1
        if top and _FOOTNOTE_RULE.fullmatch(lines[top - 1].strip(_INDENT)):
            notes.add(top - 1)
    return notes


@lru_cache(maxsize=1)
def _footnote_mark() -> re.Pattern[str]:
    return re.compile(reading_config()["pdf"]["footnote_mark"])


@lru_cache(maxsize=1)
def _footnote_label() -> re.Pattern[str]:
    return re.compile(reading_config()["pdf"]["footnote_label"])


def _cut_mid_sentence(line: str) -> bool:
    """Whether ``line`` breaks off inside a clause, before a note's label: text ending in no
    punctuation, nor in a word's first half that the label's 注 would end (关注, 备注)."""
    content = line.rstrip(_INDENT)
    return (
        bool(content)
        and content[-1].isalnum()
        and content[-1] not in reading_config()["pdf"]["footnote_label_not_after"]
    )


def _referenced_above(lines: list[str], at: int, mark: str) -> bool:
    """Whether ``mark`` stands glued to a word in a line of the page above line ``at``."""
    for line in lines[max(0, at - _FOOTNOTE_REACH) : at]:
        found = line.find(mark)
        while found > 0:
            if line[found - 1] not in _INDENT and line[:found].strip(_INDENT):
                return True
            found = line.find(mark, found + 1)
    return False


def _across_page_breaks(
    lines: list[str], numbers: list[int], printed: list[str]
) -> tuple[list[str], list[int]]:
    """A sentence a page break cut ("…全年新增监测对象务工就业" over "— 2 —" and the page's
    running header, then "1500人以上。（牵头单位：…）") is one line again: a line that ends
    with no sentence end nor closing mark, a page number dropped after it, runs on into the
    next line unless that opens an item (round 13: tests/parsing/documents d136, fixture
    styles/yemei_biaoti.txt). A copy wrapped at a width is joined by its wrap instead."""
    out, sources = lines[:1], numbers[:1]
    # Only a line whose number does not follow the last kept one's may be joined. Where the
    # last kept line is the one before, every line up to the next gap in the numbers (found
    # in C) follows it: they are kept as a slice, no loop in Python over most lines.
    gaps = list(
        compress(range(1, len(numbers)), map(ne, numbers[1:], map(add, numbers, repeat(1))))
    )
    at = 1
    while at < len(lines):
        number = numbers[at]
        if number == sources[-1] + 1:
            gap = gaps[bisect_right(gaps, at)] if gaps and gaps[-1] > at else len(lines)
            out += lines[at:gap]
            sources += numbers[at:gap]
            at = gap
            continue
        line = lines[at]
        content = line.strip(_INDENT)
        if (
            content
            and not starts_item(fold(content))
            and _cut_by_page(out[-1], printed, sources[-1], number)
        ):
            out[-1] = out[-1].rstrip(_INDENT) + content
        elif (joined := _across_blank_footer(lines, numbers, at, out, sources, printed)) > at:
            at = joined
            continue
        else:
            out.append(line)
            sources.append(number)
        at += 1
    return out, sources


_FOOTER_BLANKS = 3  # blank lines a page's footer may stand between, at each side


def _across_blank_footer(lines, numbers, at: int, out: list[str], sources: list[int], printed):
    """Past a page number set apart by blank lines ("…县人力资源和社会" / "" / "—5—" / "" /
    "保障局）"): the line cut is joined to the next one with text as _across_page_breaks
    joins it across a bare page number, the blanks dropped (round 20: a unit name of a
    bracket cut, tests/parsing/documents d273; a sentence cut, d242 and d246). Returns the
    index after the line joined, or ``at`` when nothing was joined."""
    last = len(out) - 1
    while last > 0 and len(out) - last <= _FOOTER_BLANKS and not out[last].strip(_INDENT):
        last -= 1
    ahead = at
    while ahead < len(lines) and ahead - at < _FOOTER_BLANKS and not lines[ahead].strip(_INDENT):
        ahead += 1
    if ahead >= len(lines) or (last == len(out) - 1 and ahead == at):
        return at  # (no blank line at either side: _across_page_breaks asked already)
    content = lines[ahead].strip(_INDENT)
    if not content or starts_item(fold(content)):
        return at
    if not _cut_by_page(out[last], printed, sources[last], numbers[ahead]):
        return at
    del out[last + 1 :], sources[last + 1 :]
    out[last] = out[last].rstrip(_INDENT) + content
    return ahead + 1


def _cut_by_page(before: str, printed: list[str], last: int, number: int) -> bool:
    """Whether a page number was dropped between source lines ``last`` and ``number``
    (1-based) and the line ``before`` it ends with no sentence end nor closing mark, and
    is no signature's names over its date (d05: 某县人民政府办公室 / — 3 — / 2024年4月8日)."""
    before = before.rstrip(_INDENT)
    return (
        bool(before)
        and before[-1] not in _PARAGRAPH_CLOSES
        and any(_page_number_line().match("\n" + printed[i]) for i in range(last, number - 1))
        and not names_bodies(fold(before.strip(_INDENT)))
        and not is_signature_date_line(fold(printed[number - 1]).strip())
    )


_PARAGRAPH_CLOSES = "。；;：:！？!?）)」”’〕】]"
_HEAD_LINES = 2  # lines a page's running header or footer holds at one side of its number
_HEAD_LEAST = 4  # characters: no table cell (a bare 序号) is taken for a running header


def _running_heads(lines: list[str], page_numbers: set[int]) -> set[int]:
    """The lines of a page's running header or footer (某县人民政府文件 over 县政办发〔2024〕
    12号, or the plan's title, repeated on every page): a line printed the same next to two
    page numbers or more, up to two lines at either side of each, blank lines passed over,
    a name or a number with no clause (not the rest of a bracket a wrap broke the same way
    twice: "任单位：市司法局〕", fixture styles/page_foot_links.txt hard-wrapped)
    (round 13: tests/parsing/documents d136, fixture styles/yemei_biaoti.txt). Only those
    occurrences are dropped: the same line at the top of the first page is the document's."""
    near: dict[str, list[int]] = {}
    for at in page_numbers:
        for step in (-1, 1):
            i, seen = at + step, 0
            while 0 <= i < len(lines) and seen < _HEAD_LINES and i not in page_numbers:
                content = lines[i].strip(_INDENT)
                if content:
                    near.setdefault(content, []).append(i)
                    seen += 1
                i += step
    heads = set()
    for content, places in near.items():
        if len(places) > 1 and len(content) >= _HEAD_LEAST and _no_clause(content):
            heads.update(places)
    return heads


def _rest_of_dropped(printed: list[str], number: int, measure, wrap: int) -> bool:
    """Whether line ``number`` (1-based) of a hard-wrapped copy is the wrapped rest of the
    line before it, which was dropped as a page's chrome: that line reached the margin and
    this one opens no item ("上一篇：某市卫生健康委员会关于开展2024年世界卫生日宣传活" over
    "动的通知": tests/parsing/documents d21 hard-wrapped at 30; d07 hard-wrapped at 20 and
    24, its 当前位置： line). A page number never reaches the margin."""
    dropped = printed[number - 2].strip(_INDENT) if number >= 2 else ""
    # (by characters too: a breadcrumb's " > " are narrow where the copy broke by characters
    # and its text's width decided the margin: fixture styles/shuili_newspage.txt at 40)
    if not dropped or max(len(dropped), measure(dropped)) < _FULL * wrap:
        return False
    # (a dropped line closed by its bracket is whole, as a title repeated at each page's top
    # with its period: round 29, d365 and fixture styles/yemei_qijian_kuohao.txt hard-wrapped)
    if dropped[-1] in _PARAGRAPH_CLOSES:
        return False
    content = printed[number - 1].strip(_INDENT)
    return bool(content) and not starts_item(fold(content))


def _first_wrap(lines: list[str], measure, wrap: int):
    """(measure, width) of the first wrap of a copy wrapped twice, else None. A PDF layer
    broken at its margin (35 characters) and hard-wrapped again (at 30) cuts each of its
    lines at the second margin and leaves the short rest on a line of its own ("…设施，2" /
    "024年底" / "前完成2个…"), which ends no paragraph by its length. A line at the margin
    joined with the shorter line after it gives back a first line, and those of a copy
    wrapped twice share a ceiling, the first margin: most of them (three in four) reach it
    and none passes it by much (tests/parsing/documents d05 hard-wrapped at 24 to 30; d03,
    printed wrapped at 30, wrapped again at 20 and 24; the seeds' ragged copies wrapped again
    at 30). Read where the second wrap broke by characters, as plain-text copies do. In a copy
    wrapped once, a paragraph's last line joined with the line at the margin before it
    spreads out anywhere between one and two widths."""
    if measure is not len:
        return None  # (a copy broken at a visual width is a PDF layer's own: wrapped once)
    lengths = list(filter(None, map(len, map(str.strip, lines, repeat(_INDENT)))))
    margin = _FULL * wrap
    at_margin = list(map(margin.__le__, lengths))
    # a line at the margin with a shorter one after it: the pairs found in C
    pairs = list(compress(range(len(lengths) - 1), map(gt, at_margin, at_margin[1:])))
    if len(pairs) < _MIN_FIRST_LINES:
        return None
    sizes = sorted(lengths[i] + lengths[i + 1] for i in pairs)
    first_width = sizes[int(len(sizes) * 0.9)]
    if first_width <= wrap:
        return None
    reaching = sum(1 for size in sizes if _FULL * first_width <= size <= first_width + 2)
    if reaching * 4 < len(sizes) * 3:
        return None
    return measure, first_width


_MIN_FIRST_LINES = 8  # first lines rejoined: fewer say nothing about a first margin


def _rest_of_first_line(first, cut: str, content: str) -> bool:
    """Whether ``content``, the short line after ``cut`` (a line at the second margin), is
    the rest of a first line that reached the first margin and passed it by no more than
    the first lines do, ending mid-sentence: the paragraph runs on (_first_wrap)."""
    first_measure, first_width = first
    return (
        not fold(content).endswith(_PARAGRAPH_END)
        and _FULL * first_width <= first_measure(cut + content) <= first_width + 2
    )


def _splits_a_number(previous: str, content: str) -> bool:
    """Whether a wrap broke a number: a line at the margin ends with a digit and the next
    opens with one ("…（六）完善保障机制1" then "1.将营商环境…": its 11. is one number, d10
    hard-wrapped at 30; "…开展好每年“1" then "2.4”国家宪法日…", seed 000 hard-wrapped at 30).
    No printed line ends a paragraph with a bare digit before a numbered item."""
    return previous[-1:].isdigit() and content[:1].isdigit()


def _splits_a_label(previous: str, folded_content: str) -> bool:
    """Whether a wrap broke a label's name before a tail that is a label of its own: "…；完成"
    over "时限：2024年10月底前" is one 完成时限 (round 31, where 时限 became a field:
    tests/parsing/documents d142 and d42 hard-wrapped at 30), "…（牵头" over "责任单位：…" one
    牵头责任单位 (d08 hard-wrapped at 30, whose units were right either way)."""
    end = fold(previous[-_SPLIT_LABEL_REACH:])
    return any(starts_with_label(end[at:] + folded_content) for at in range(len(end) - 1))


_SPLIT_LABEL_REACH = 4  # characters of a field's name before its tail: 完成 of 完成时限


def _ends_open(previous: str) -> bool:
    """Whether a wrap broke right after an opening bracket: "…危房改造150户。（" over
    "牵头单位：…" (tests/parsing/documents d60 hard-wrapped at 30, fixture
    styles/wenzhang_lostnumbers.txt hard-wrapped). No paragraph ends with an opening bracket,
    so the label line after it continues the line, though a label line opens its own
    elsewhere."""
    return previous[-1:] in _OPENERS


_OPENERS = "（(〔[【"


def _in_open_title(content: str) -> bool:
    """Whether a line of a wrapped copy ends inside a title's 《》: no paragraph does, so it
    runs on though it fell short of the margin, as a copy with stray blanks between its
    characters wrapped it counting them, then lost them (round 14: corpus 061 with stray
    blanks hard-wrapped at 30, "…督察工作规定》、《辽 宁" over "省…清单》"; fixture
    styles/kongge_yiju.txt the same)."""
    return content.rfind("《") > content.rfind("》")


def _wrapped_before_a_decimal(folded_line: str) -> bool:
    """Whether a wrap broke right before a decimal quantity: "…完成投资" over "1.2亿元。（牵头
    单位：…）" reads as a decimal outline's number 1.2, but an outline's number is followed
    by its heading, never by a counter (tests/parsing/documents d11 hard-wrapped at 26,
    "…能耗降低至" over "0.45吨标准煤/万元以下。", d63 at 28, "…惠及居民" over "1.8万户。", d61
    at 24 in full-width digits; fixture styles/shuili_newspage.txt at 39; seed 000 at 20)."""
    return (
        folded_line[:1].isdigit()
        and "." in folded_line[1:4]
        and opens_with_a_decimal_quantity(folded_line)
    )


def _in_open_attribution(previous: str) -> bool:
    """Whether a wrap broke inside an attribution's bracket, after a field: "…示范户500户。
    （牵头单位：县农业农村局；" over "责任单位：县卫生健康局、县妇联）" (tests/parsing/documents d60
    hard-wrapped at 26 and 22; fixtures styles/wenzhang_lostnumbers.txt at 33 and
    jiuye_lostgoals.txt at 21). A label line opens its own line elsewhere, but no paragraph
    ends inside an open bracket of labels: the label line continues it, as after （ itself
    (_ends_open)."""
    opening = max(previous.rfind("（"), previous.rfind("("))
    if opening < 0 or "）" in previous[opening:] or ")" in previous[opening:]:
        return False
    return starts_with_label(fold(previous[opening + 1 :]).lstrip())


# No printed line opens with these (the line-breaking rules of Chinese print, 禁则): a line
# a copy broke by characters before one is the rest of the line above, though that ends with
# an attribution ("…编制惠企政策清单（县发展改革局负责）" over "。在县政府门户网站…": round 13,
# tests/parsing/documents d141 and fixture styles/gongkai_sentences.txt hard-wrapped at 20).
_LINE_START_NEVER = "。;,、"


def _after_attribution(previous: str) -> bool:
    """Whether a line at the margin ends its paragraph with the paragraph's attribution:
    "…（牵头单位：…；责任单位：…县自然资源局）" then "保障措施" or the next measure, in a copy
    whose paragraphs lost their numbers, so that no number opens the next line (tests/
    parsing/documents d60 hard-wrapped at 30; fixture styles/wenzhang_lostnumbers.txt
    hard-wrapped at 24). A line ending in ）is no paragraph end by itself (a ragged PDF
    breaks after one), but one closing units is: a measure's text runs up to its units."""
    if previous[-1:] not in "）)":
        return False
    reach = max(0, len(previous) - 402)  # an attribution is 400 characters at most
    opening = max(previous.rfind("（", reach), previous.rfind("(", reach))
    return opening >= 0 and is_attribution(fold(previous[opening + 1 : -1]))


def starts_item(folded_line: str) -> bool:
    """Whether a folded line opens a numbered item or an attribution label line, bracketed
    or not: "（责任单位：…）" printed on a line of its own after items (1)–(4) covers them
    all (tests/parsing/documents d09 in a ragged copy, and the 安全生产 list of
    test_layout: the line above may reach the margin). An ordinal (二是) opens no line of
    its own: it enumerates within a paragraph, and a line that opens with one after a line at
    the margin is the paragraph's wrapped rest (d17 and d09 hard-wrapped at 30; the skeleton
    finds it again after the 。 or ； before it). 第三， opens one, as a measure's number does
    (round 25: tests/parsing/documents d334 and d337 in a ragged PDF copy, whose line before
    it closed a bracket at the margin)."""
    line = folded_line.lstrip(_INDENT)
    marker = match_marker(line)
    return (
        (marker is not None and (marker.kind != ORDINAL or line.startswith("第")))
        or starts_with_label(line)
        or line.startswith("【")
        or _bracketed_label_line(line)
        or (line[:1] in _bullet_marks() and line[1:2] not in _LIST_SEPARATORS)
        or _table_row().match(line) is not None
    )


@lru_cache(maxsize=1)
def _table_row() -> re.Pattern[str]:
    """A row of a table pasted as text opens with its number cell and a tab ("2\t开展…":
    tests/parsing/documents d45 and d51 hard-wrapped, whose rows a wrap at the margin would
    join), and its header with the number column's name and a tab ("序号\t重点任务…": d46 and
    d51 hard-wrapped at 24, under a preamble or a caption that reached the margin). A row
    numbered 一 二 三 opens with its numeral and a tab ("一\t危险化学品…" under a header at the
    margin: round 17, tests/parsing/documents d174 and fixture styles/ducha_hanzi_xuhao.txt
    hard-wrapped at 24)."""
    names = "|".join(map(re.escape, vocabulary()["table_columns"]["number"]))
    return re.compile(rf"(?:\d{{1,3}}|[一二三四五六七八九十]{{1,3}}|{names})\t")


# A star followed by a list's separator is no bullet: it marks the unit before it as the
# lead ("…责任单位：市司法局" over "★、市直各行政执法部门（★为牵头单位）", a copy wrapped at
# the star: round 39, tests/parsing/documents d412 and fixture styles/xinghao_qiantou.txt
# hard-wrapped at 30; gazetteer.toml lead_marks).
_LIST_SEPARATORS = "、,;"


@lru_cache(maxsize=1)
def _bullet_marks() -> str:
    """The bullets that open an unnumbered measure (● 落实…: tests/parsing/documents d47 and
    d54), as an item's number does; not the dashes (——), which a sentence may hold."""
    return "".join(b for b in vocabulary()["bullets"] if fold(b) != "-")


_CLOSERS = {"(": ")", "〔": "〕", "[": "]"}


def _bracketed_label_line(line: str) -> bool:
    """A line that opens with a bracketed label and holds nothing after the bracket: an
    attribution of its own. One that runs on past its bracket ("[牵头单位：…]6.建立…", a
    run-in copy broken into lines) is the wrapped end of a measure."""
    closer = _CLOSERS.get(line[:1])
    if closer is None or not starts_with_label(line[1:].lstrip()):
        return False
    close = line.find(closer)
    return close < 0 or not line[close + 1 :].strip(_INDENT + "。;")


def _stands_below_sentence(previous: str, folded_line: str) -> bool:
    """A line that stands on its own under a sentence's end, though the sentence reached the
    margin:

    * units and a role verb ("…权责清单。" then "市委编办、市司法局按职责分工负责"): the
      measure's units stand below it (tests/parsing/documents d07 hard-wrapped at 30, and
      the 营商环境 lines of test_layout);
    * a signature's names or its date line, as the signature reader knows them
      (metadata.signature): a last paragraph of exactly the wrap width ("…逐年只增不减。",
      30 characters) is signed below it, not continued (d24 and d25 hard-wrapped at 30).

    * a task table's number column (序号) printed one cell per line, under a sentence or a
      list-opening colon ("…现将重点任务分工如下：" at the margin): the table opens there
      (round 13: tests/parsing/documents d04 and fixture styles/huanbao_table_preamble.txt,
      ragged PDF layers).
    * a task table's ditto cell (同上, 〃) printed one cell per line, under a task cell of
      exactly the wrap width: the row's lead repeats the row above's (round 28: tests/
      parsing/documents d359 as a ragged PDF layer, fixture styles/zhangjie_danhang_biao.txt
      hard-wrapped at 24).

    After a line that ends mid-sentence ("…市直各", seed 001 hard-wrapped) such a line is
    the wrapped rest of one."""
    if _opens_table(previous, folded_line):
        return True
    # (or under a row pasted from a table, its last cell at the margin: d46 hard-wrapped;
    # the names under a row as under a sentence, as d24 and d25 sign theirs)
    if not _ends_a_paragraph(previous) and "\t" not in previous:
        # (or under an attachment list's last title: its names, as d51 and fixture
        # styles/xiaoyuan_annex_sign.txt sign theirs)
        return (_annex_title(previous) and names_bodies(folded_line.strip())) or (
            _date_under_names(previous, folded_line)
        )
    line = folded_line.strip()
    return (
        is_unit_line(line)
        or names_bodies(line)
        or is_signature_date_line(line)
        or line in _ditto_cells()
    )


@lru_cache(maxsize=1)
def _ditto_cells() -> frozenset[str]:
    words = vocabulary()
    return frozenset((*words["same_as_above"], *words["ditto_marks"]))


def _ends_a_paragraph(previous: str) -> bool:
    """A sentence's end, or a notice's contact line ending with its telephone number: the
    signature under it stands on its own though the line reached the margin ("联系人：…　联系
    电话：0736-5512345" over "石门县人民政府办公室": tests/parsing/documents d138 and fixture
    styles/tiaozheng_tongzhi.txt as ragged PDF layers)."""
    text = previous.rstrip(_INDENT)
    return (
        text.endswith(("。", ";", "；"))
        or (text[-1:].isdigit() and _TELEPHONE_END.search(fold(text)) is not None)
        or _ends_with_dash_list(text)
        or _ends_with_attribution(text)
    )


def _ends_with_attribution(text: str) -> bool:
    """A sentence closed by its whole attribution bracket ("…定期通报报备情况。（责任单位：…
    （牵头）、县司法局）" at the margin over "芩阳县人民政府办公室": round 29, tests/parsing/
    documents d363 and fixture styles/kuohao_moduan_qianshu.txt hard-wrapped at 30): the
    bracket ends the measure as its 。 would, so the signer under it stands on its own."""
    if not text.endswith(("）", ")")):
        return False
    folded = fold(text)
    opening = _matching_open(folded)
    return opening > 0 and folded[opening - 1] in "。;" and is_attribution(folded[opening + 1 : -1])


_BRACKET_DEPTH = {")": 1, "(": -1}


def _matching_open(folded: str) -> int:
    """Where the bracket closing ``folded`` opens (brackets nested inside it counted), or -1."""
    depth = 0
    for at in range(len(folded) - 1, -1, -1):
        depth += _BRACKET_DEPTH.get(folded[at], 0)
        if depth == 0:
            return at
    return -1


def _ends_with_dash_list(text: str) -> bool:
    """A sentence closed by its units after an em dash, the list whole ("…规范化建设。——镇宣传办、
    镇团委" over the signature: round 18, tests/parsing/documents d222 and fixture
    styles/pozhehao_danwei.txt hard-wrapped at 30)."""
    if "—" not in text:
        return False
    folded = fold(text)
    end = folded.rfind("。")
    return end >= 0 and is_dash_list(folded[end + 1 :].strip())


_TELEPHONE_END = re.compile(CONTACT_TELEPHONE + "$")


def _opens_table(previous: str, folded_line: str) -> bool:
    return folded_line.strip() in vocabulary()["table_columns"]["number"] and previous.rstrip(
        _INDENT
    ).endswith(("。", "：", ":"))


def _date_under_names(previous: str, folded_line: str) -> bool:
    """A signature's date line under its names, the names at the margin: a signer of exactly
    the wrap width ("中共溪岚县委全面依法治县委员会办公室", 18 characters) over "2024年6月18日" is
    dated below, not continued (round 13b: tests/parsing/documents d143 and d150
    hard-wrapped at 18, d148 at 16)."""
    line = folded_line.strip()
    return is_signature_date_line(line) and names_bodies(fold(previous.strip(_INDENT)))


def _annex_title(previous: str) -> bool:
    """A title of an attachment list: 附件：… or a numbered line ending as such titles do."""
    text = previous.strip(_INDENT)
    if not text.endswith(tuple(vocabulary()["annex_title_ends"])):
        return False
    return text.startswith("附件") or (text[:1].isdigit() and text[1:2] in ".、．")


# A row of a table pasted as text with its cells apart by runs of blanks opens with its
# number cell and such a run ("1  开展…  区教育局  区市场监管局  2024年9月底前").
_GAPPED_ROW = re.compile(r"(\d{1,3}|序号)(?:  |\u3000\u3000)")


def _gapped_row(content: str) -> int | None:
    """The number of the row of blank-gapped cells a line opens (0: the header, whose
    number cell is 序号), else None. A wrap at the margin breaks such a row mid-cell, and
    its rest, gaps and all, continues it up to the line opening the next row's number,
    where a line of blanks is otherwise a row of page fields that never continues (tests/
    parsing/documents d22 hard-wrapped at 30 and 24; fixture styles/anquan_gapped.txt, its
    gaps ideographic blanks)."""
    found = _GAPPED_ROW.match(content)
    if found is None:
        return None
    number = found.group(1)
    return 0 if number == "序号" else int(number)


_BAR_ROW_NUMBER = re.compile(r"\d{1,3} ?\|")  # a row's number cell: "1 | 制定…"


def _first_bar_row(joined: str, content: str) -> bool:
    """Whether ``content`` opens a table's first row of "|"-parted cells under its header,
    which ended at the margin ("序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限" is 30
    characters): the header holds cells, no number, and the line opens with its number cell
    (round 26: tests/parsing/documents d351 and d353 hard-wrapped at 30). Under a whole line
    of cells _past_its_cells tells."""
    return (
        joined.count("|") > 1
        and _BAR_ROW_NUMBER.match(content) is not None
        and _BAR_ROW_NUMBER.match(joined.lstrip(_INDENT)) is None
    )


def _next_bar_row(out: list[str], content: str, table_cells: int) -> bool:
    """Whether ``content`` opens the next row of "|"-parted cells ("6 | 建立…") under a row
    printed over two lines, a cell of two paragraphs ("5 | …落实统一运维。" over "推行…以上。 |
    县水利局 | …"), whose second line reached the margin: from its number's line on, that row
    holds all the bars of its table's widest line (round 28: tests/parsing/documents d349 and
    fixture styles/shuxian_liangduan.txt hard-wrapped at 30)."""
    if not table_cells or len(out) < 2 or _BAR_ROW_NUMBER.match(content) is None:
        return False
    first, second = out[-2].lstrip(_INDENT), out[-1].lstrip(_INDENT)
    if _BAR_ROW_NUMBER.match(first) is None or _BAR_ROW_NUMBER.match(second) is not None:
        return False
    return first.count("|") + second.count("|") >= table_cells


def _past_its_cells(joined: str, line: str, table_cells: int, gap: str) -> bool:
    """Whether ``line`` holding a cell gap (a tab, or the "|" a page converter prints
    between cells) would give the table row being joined more cells than any whole line
    above, its table's header included: the row is whole and the line opens the next one,
    whose first cell a copy that strips its lines lost with its tab ("…挂接率达到95%以上。\t
    区大数据中心\t2024年9月底前" at the margin over "建立数据共享需求清单…\t区大数据中心、":
    tests/parsing/documents d66 hard-wrapped at 30, fixture styles/weijian_topicgroups.txt
    hard-wrapped at 30), or whose row ends with its "|" at the margin ("…準確回覆。 | 各業務
    科室 |" over "政務服務 | …": round 14, corpus 046 hard-wrapped at 30 and as a ragged PDF
    layer, fixture styles/gongkai_pipes.txt as a ragged PDF layer)."""
    if not table_cells or gap not in line:
        return False
    return joined.count(gap) + line.count(gap) > table_cells


def _rest_of_its_row(
    joined: str, folded_line: str, table_cells: int, gazetteer: Gazetteer | None
) -> bool:
    """Whether the line is the rest of the tab-parted row being joined, at the margin, even
    where it reads as units or a signature's names: the row holds fewer cells than its
    table's header, so a wrap broke it mid-row ("…\t县交通运输局\t各" over "乡镇人民政府",
    "…\t2024年12月" over "\t市委依法治市办"), or its last cell, a list of names, ends mid-name,
    its last no name until the line completes it ("…\t县住房城乡建设局、县应急管" over "理局"; a
    cell of no list, 全年 over a signature, is whole: d46 hard-wrapped at 30): round 17,
    tests/parsing/documents d174 and d175 hard-wrapped at 30, fixtures
    styles/fenye_biaotou.txt and styles/ducha_hanzi_xuhao.txt hard-wrapped at 24."""
    tabs = joined.count("\t")
    if not tabs or tabs < table_cells:
        return bool(tabs)
    if joined.endswith("\t"):
        return _last_cell_below(folded_line)
    cell = fold(joined[joined.rfind("\t") + 1 :]).strip()
    clause, comma, piece = cell.rpartition(",")
    if comma and "、" not in piece and _collective_cut(piece, gazetteer):
        # a cell of role clauses whose last opens a collective the wrap cut ("…\t治安管理大队
        # 牵头，各派" over "出所配合"; round 38: tests/parsing/documents d405 and fixture
        # styles/zeren_keshi_lie.txt hard-wrapped at 30): the line completes that clause
        return is_unit_line(clause) and is_unit_line(piece + folded_line.strip())
    listed, comma, last = cell.rpartition("、")
    if comma and not last:
        # a list of names broken right after its 、 ("…\t县工业和信息化局、" at the margin over
        # "县市场监管局": round 37, tests/parsing/documents d402 hard-wrapped at 30, fixture
        # styles/lingdao_kongge_zhehang.txt hard-wrapped at 30): no cell ends so
        return _names_listed(listed, gazetteer) and names_bodies(folded_line.strip())
    if not last or (comma and not _names_listed(listed, gazetteer)):
        return False
    if not _place_and_stub(last, gazetteer) and (not comma or names_bodies(last)):
        # (a cell of one name cut to its place and a character is joined too, and one cut
        # further on, no name yet, which the line completes: "…\t县发展和改革局\t县市场监"
        # over "督管理局、县司法局", "…\t县人力资源和社会" over "保障局": round 39,
        # tests/parsing/documents d411 and fixture styles/sanji_zhibiao_biao.txt
        # hard-wrapped at 30)
        # (a name's rest opens with no place of its own: 保障局, not 县司法局 or 各乡镇; a
        # place and one character is _place_and_stub's to tell, by the parse's gazetteer)
        rest = folded_line.strip()
        if comma or last[:1] not in _LEVEL_STARTS or rest[:1] in _LEVEL_STARTS + "各中":
            return False
        if (gazetteer or load_gazetteer()).prefix_length(last) >= len(last) - 1:
            return False
    return names_bodies(last + folded_line.strip())


_LEVEL_STARTS = "省市州县区旗乡镇"


def _collective_cut(piece: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a folded piece opens a collective and ends no name ("各派", "各执法中"): a
    collective the wrap cut, its rest on the next line. ``gazetteer``: the parse's."""
    gazetteer = gazetteer or load_gazetteer()
    markers = tuple(gazetteer.data["collectives"]["markers"])
    return piece.startswith(markers) and not piece.endswith(gazetteer.name_endings)


def _names_listed(listed: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a cell's names before its last 、 are bodies' names or collectives (县直有关部门
    before a name the wrap cut: "…\t县直有关部门、各乡" over "镇人民政府", round 37: tests/
    parsing/documents d402 as a ragged PDF layer, fixture styles/lingdao_kongge_zhehang.txt
    hard-wrapped at 30, "…县直有关部门、县商务局、县消防救援" over "大队")."""
    if names_bodies(listed):
        return True
    gazetteer = gazetteer or load_gazetteer()
    items = listed.split("、")
    return all(names_bodies(item) or gazetteer.is_collective(item) for item in items)


def _last_cell_below(folded_line: str) -> bool:
    """Whether a line of names is the last cell of the row above, which a wrap broke right
    after the tab before it ("…排查。\t区教育局\t" at the margin over "区公安分局、区卫生健康局":
    round 32, tests/parsing/documents d382 as a ragged PDF layer, fixture
    styles/tab_moge_duanhang.txt hard-wrapped at 30): the row holds all its tabs but its
    last cell is empty, so the names under it are that cell, not a signature's."""
    return "\t" not in folded_line and names_bodies(folded_line.strip())


def _place_and_stub(name: str, gazetteer: Gazetteer | None) -> bool:
    """Whether a name is a place and one character that ends no name (市司, 县财): a name cut
    by the wrap, no body's (县委 and 区办 are: 委 and 办 end names). Round 18: tests/parsing/
    documents d174 ragged ("…\t市司" over "法局、…"), fixture styles/tab_duanming.txt ("…\t县财"
    over "政局", "…\t县审" over "计局"). ``gazetteer``: the parse's, so a deployment's place or
    ending counts (round 19); the packaged one without it. The stub may be up to
    _STUB characters (县交通 over 运输局、…, 县住房城乡 over 建设局: round 37, tests/parsing/
    documents d402 hard-wrapped at 30, fixture styles/lingdao_kongge_zhehang.txt hard-wrapped
    at 30); the line must complete it to a body's name (_rest_of_its_row)."""
    gazetteer = gazetteer or load_gazetteer()
    ends_no_name = not name.endswith(gazetteer.name_endings)
    place = gazetteer.prefix_length(name)
    if len(name) == 1:
        # a cell cut right after its first character, the level's word ("…\t县" over
        # "市场监督管理局、…": fixture styles/sanji_zhibiao_biao.txt hard-wrapped at 24,
        # tests/parsing/documents d402 hard-wrapped at 30): the line holds the name's rest
        return place == 0 and ends_no_name
    return place > 0 and 1 <= len(name) - place <= _STUB and ends_no_name


_STUB = 4  # characters of a body's name a wrap leaves after its place


def _is_field_row(content: str) -> bool:
    """A row of page fields or signers ("2014-09-15 17:53:19  来源:"): blanks lay it out,
    so it is no wrapped prose (seen in 066 of the corpus and in the notice fixtures). So is
    a post's byline ending with its time ("某网友 - 2023/7/9 2:56:00"), which a copy broken
    by characters may leave near the margin (round 14: corpus 008 hard-wrapped at 30,
    fixture styles/luntan_byline.txt hard-wrapped at 30): a wrap never ends a line there and
    joins the title under it."""
    if content[-1:].isdigit() and _STAMP_END.search(content) is not None:
        return True
    gap = _BLANK_RUN.search(content)
    while gap is not None and _empty_cell(content, gap):
        gap = _BLANK_RUN.search(content, gap.end())
    return (
        gap is not None
        and not _units_set_off(content, gap.start())
        and not _fields_set_off(fold(content))
    )


def _empty_cell(content: str, gap: re.Match[str]) -> bool:
    """Whether the blanks at ``gap`` are an empty cell between two "|" (a table row's "…县农业
    农村局 |  | 2025年12月底前", its 责任单位 empty), which lay out no fields (round 28: a " | "
    copy of tests/parsing/documents d344 in test_documents.py and fixture
    styles/leibie_shuxian.txt hard-wrapped at 30)."""
    return content.endswith("|", 0, gap.start()) and content.startswith("|", gap.end())


def _units_set_off(content: str, gap: int) -> bool:
    """Whether the blanks at ``gap`` set a measure's units off after its sentence, as a column
    at the line's end ("…项目清单。        县商务局", a wrap perhaps cutting a name: "…5个。
    县商"): a sentence's end before them, no field's colon nor another gap after them (a
    table row's cells: d280). Round 26: tests/parsing/documents d342 hard-wrapped at 30,
    fixture styles/weilie_danwei.txt hard-wrapped at 30."""
    rest = fold(content[gap:]).strip()
    return content.endswith("。", 0, gap) and ":" not in rest and _BLANK_RUN.search(rest) is None


# A date and a clock time ending a line: a page's or post's time stamp.
_STAMP_END = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?[ \u3000]*\d{1,2}:\d{2}(?::\d{2})?$")


def _label_row(joined: str) -> bool:
    """Whether the line being joined is an attribution's fields printed on one line apart by
    blanks (责任领导：王某某（副县长）　　牵头单位：县教育局　　配合单位：…), which a row of page
    fields or signers never opens with: a wrap breaks it as prose, and its rest continues it,
    blanks and all (tests/parsing/documents d64 hard-wrapped at 30; fixture
    styles/fangguanfu_fields.txt hard-wrapped at 24). Asked only of lines holding a run of
    blanks."""
    folded = fold(joined.lstrip(_INDENT))
    return starts_with_label(folded) or _fields_set_off(folded)


def _fields_set_off(folded: str) -> bool:
    """Whether a line sets a measure's fields off by blanks after its sentence, on the
    sentence's line ("…推行统仓共配。  牵头：县商务局  配合：县交通运输局、县供" as a wrap
    breaks "1.任务：…" of one line per measure): a row of page fields or signers holds no
    sentence end before a label (round 31: tests/parsing/documents d374 hard-wrapped at 30,
    fixture styles/yihang_shixian.txt hard-wrapped at 24 and 30, where the wrap parts the last
    label from its colon: "…经费。  牵头" over "：镇农业综合服务中心  配合：…")."""
    return any(
        folded.endswith("。", 0, gap.start()) and _opens_with_label(folded[gap.end() :])
        for gap in _BLANK_RUN.finditer(folded)
    )


def _opens_with_label(rest: str) -> bool:
    """Whether a line's rest after a gap opens with a label, or is one cut off its colon."""
    return starts_with_label(rest) or starts_with_label(rest + ":")


def _wrap(lines: list[str]):
    """(measure, width) a hard-wrapped document breaks at, or (None, None).

    A wrap width is a ceiling: many lines reach it and almost none pass it, whereas the
    long lines of an unwrapped document spread out past any one width. Plain-text copies
    break after a number of characters, PDF layers at a visual width; whichever measure
    makes more lines end at the margin is the one the copy used."""
    # The lengths first, in C: a document whose lines are mostly paragraphs (a tenth of its
    # lines longer than two wrap widths) is no wrapped copy by either test below.
    if _mostly_paragraphs(lines):
        return None, None  # (what the sorted lengths below say, told from the long lines)
    lengths = sorted(map(len, map(str.strip, lines, itertools.repeat(_INDENT))))
    lengths = lengths[bisect_right(lengths, 0) :]  # blank lines say nothing
    if len(lengths) < _MIN_LINES:
        return _short_copy(lines)
    if lengths[int(len(lengths) * 0.9)] > 2 * _MAX_WRAP:
        # as the loop below breaks at once, and the longest line is past any margin
        return None, None
    best = (None, None, 0)
    contents = [content for line in lines if (content := line.strip(_INDENT))]
    for measure in (len, width):
        sizes = sorted(map(measure, contents))
        wrap = sizes[int(len(sizes) * 0.9)]
        if measure is len and wrap > 2 * _MAX_WRAP:
            break  # a width is at least half the length: no width can be a wrap either
        if not 8 <= wrap <= _MAX_WRAP:
            continue
        full = sum(1 for size in sizes if _FULL * wrap <= size <= wrap + 2)
        past = sum(1 for size in sizes if size > wrap + 2)
        if (
            full >= _WRAPPED_SHARE * len(sizes) and past <= _PAST_SHARE * len(sizes)
        ) and full > best[2]:
            best = (measure, wrap, full)
    if best[0] is None:
        return _wrapped_among_short_lines(contents)
    return best[0], best[1]


def _mostly_paragraphs(lines: list[str]) -> bool:
    """A sufficient test for _wrap's first answer (a tenth of the lines with text past two
    wrap widths, of _MIN_LINES such lines at least), read from the long lines alone: only a
    line longer than the bound as printed can be longer stripped, and the non-empty lines
    bound the lines with text from above (a line of blanks only is not counted by _wrap),
    which can only ask more long lines of the test. Stripping and sorting every line cost a
    fifth of restoring an unwrapped layout (seeds 000 and 001); a text this does not decide
    is read as before (test_passes.py compares both on generated lines)."""
    bound = 2 * _MAX_WRAP
    long = compress(lines, map(lt, repeat(bound), map(len, lines)))
    past = sum(map(lt, repeat(bound), map(len, map(str.strip, long, repeat(_INDENT)))))
    with_text = len(lines) - lines.count("")  # at least the lines _wrap counts
    if past < with_text - int(with_text * 0.9):
        return False
    # (_wrap's count of lines with text, when the long ones alone do not reach it)
    return (
        past >= _MIN_LINES or sum(map(bool, map(str.strip, lines, repeat(_INDENT)))) >= _MIN_LINES
    )


def _short_copy(lines: list[str]):
    """(measure, width) of a copy too short for the share test: a one-paragraph page broken
    into a few lines at its margin, which only lines at that margin, mostly mid-sentence, can
    tell (corpus 045, a page printed run-in, as a ragged PDF layer of eleven lines; fixture
    styles/duanye_pdf.txt, the same as a ragged layer and hard-wrapped at 30): all its lines
    but a paragraph's last reach the margin, two in three at least. A short copy as printed
    breaks its lines after headings and sentences, and a short table's rows (cells parted by
    tabs, blanks or "|": test_tables, test_formats_whole) may all be about as wide."""
    contents = [content for line in lines if (content := line.strip(_INDENT))]
    if len(contents) < _MIN_AT_MARGIN or any(_gapped(c) or "|" in c for c in contents):
        return None, None
    widths = list(map(width, contents))
    widest = max(widths)
    near = sum(1 for size in widths if size >= widest - _RAGGED_BAND)
    if near * 3 < len(contents) * 2:
        return None, None
    return _wrapped_among_short_lines(contents)


_MIN_AT_MARGIN = 3  # lines broken at the very margin, mid-sentence
_PARAGRAPH_END = (
    "。", ";", ")", "]", "〕", "】", ":", "!", "?",
    # a sentence's end and a footnote's reference ("…挂床住院等行为。①": round 17, tests/
    # parsing/documents d204, fixture styles/jiaozhu_danwei.txt; footnotes.py)
    *(f"。{mark}" for mark in CIRCLED_DIGITS),
)  # fmt: skip


def _wrapped_among_short_lines(contents: list[str]):
    """(len, width) of a copy hard-wrapped by characters whose lines are mostly short: a task
    table printed one cell per line, or label lines under each measure, leave too few lines
    at the margin for the share test. Such a copy still breaks every long line at exactly
    the same number of characters, mid-sentence, and no line passes it: at least three lines
    of the longest length, two in three of them ending mid-sentence (tests/parsing/
    documents d04, d06 and d18 hard-wrapped at 30; a whole cell ending in 。 may fill the
    line exactly: d04 at 34, fixture styles/shuzi_qingdan.txt at 28). Three suffice: a
    list of label lines under short measures may break only three of them (d28 hard-wrapped
    at 30: "…全流程超低排放改造" / "完成率达到100%。"; and the 生态 list of test_layout). An
    unwrapped document's longest lines are few and end their paragraphs: no seed, corpus
    text, fixture or test document as printed has three of one longest length, two of them
    mid-sentence."""
    longest = max(map(len, contents))
    if not 8 <= longest <= _MAX_WRAP:
        return None, None
    at_margin = [content for content in contents if len(content) == longest]
    open_ended = sum(1 for content in at_margin if not fold(content).endswith(_PARAGRAPH_END))
    if len(at_margin) >= _MIN_AT_MARGIN and open_ended * 3 >= len(at_margin) * 2:
        return _ExactMargin(longest), longest
    # (a ragged PDF layer may hold two lines of one longest length by chance, fixture
    # styles/huanbao_table_preamble.txt and d04 ragged: three lines in its band say it first)
    ragged = _ragged_among_short_lines(contents)
    if (
        ragged[0] is None
        and len(at_margin) == open_ended == 2
        and (_two_rests(contents, longest) or _title_parted(contents, longest))
    ):
        return _ExactMargin(longest), longest
    return ragged


def _ragged_among_short_lines(contents: list[str]):
    """(width, widest) of a PDF layer whose lines are mostly short (a short plan of headings
    and label lines, a task table one cell per line): its long lines break at the page's
    margin, a visual width that glyphs make vary by a cell or two, so no one length repeats.
    At least three lines reach the margin (within _RAGGED_BAND cells of the widest), half of
    them mid-sentence (round 13: tests/parsing/documents d04, d07, d99, d104, d107
    and d110 as ragged PDF layers, "…根据《长宁省殡葬改革三年行动方" over "案》，制定本方案。");
    then only such a line continues (_NearMargin). Lines of cells parted by blanks are table
    rows, which end with no sentence either."""
    widths = list(map(width, contents))
    widest = max(widths)
    if not 8 <= widest <= _MAX_WRAP:
        return None, None
    at_margin = [
        content
        for content, size in zip(contents, widths, strict=True)
        if size >= widest - _RAGGED_BAND and not _gapped(content)
    ]
    open_ended = sum(1 for content in at_margin if not fold(content).endswith(_PARAGRAPH_END))
    if len(at_margin) >= _MIN_AT_MARGIN and open_ended * 2 >= len(at_margin):
        return _NearMargin(widest), widest
    return None, None


_RAGGED_BAND = 3  # cells: a PDF layer's lines at the margin vary by two cells and a glyph


@dataclass(frozen=True)
class _NearMargin:
    """The measure of such a copy: a line within _RAGGED_BAND cells of the widest reached the
    margin (a whole paragraph a few cells shorter did not)."""

    widest: float

    def __call__(self, content: str) -> float:
        size = width(content)
        return self.widest if size >= self.widest - _RAGGED_BAND else size


def _gapped(content: str) -> bool:
    """Whether a line's cells are parted by a tab or a run of blanks (a table row)."""
    return "\t" in content or "  " in content or "\u3000" in content


def _two_rests(contents: list[str], longest: int) -> bool:
    """Whether each of two lines of the longest length, both broken mid-sentence, has its
    short rest under it, a line that opens no item and ends the paragraph ("…改造背街小巷45"
    over "条。": tests/parsing/documents d125 hard-wrapped at 30, its measures' label lines
    short; "…(牵头:县工信局;配合" over ":县通信发展办、各乡镇人民政府)": fixtures
    styles/shuzi_colonroles.txt and zhufang_shangshu.txt hard-wrapped at 24): two such
    pairs, where three lines at the margin would say it alone."""
    rests = [
        after
        for before, after in itertools.pairwise(contents)
        if len(before) == longest and len(after) < longest
    ]
    return len(rests) == 2 and all(
        fold(rest).endswith(_PARAGRAPH_END) and not starts_item(fold(rest)) for rest in rests
    )


def _title_parted(contents: list[str], longest: int) -> bool:
    """Whether one of two lines of the longest length, both broken mid-sentence, parts a
    title inside its 《》, its rest closing the title and ending the paragraph ("根据《鹤汀县
    持续优化营商环境三年行动方案(2025—2027" over "年)》,现将…如下。"): a copy as printed keeps
    a sentence on one line, and a heading broken inside a title ("关于印发《…" over "…》的通知")
    ends no sentence. The other line may then be a cell of a table printed one cell per line,
    whose rest is a cell's last characters, no sentence (round 32: tests/parsing/documents
    d399 hard-wrapped at 30, "…报送县委依法治县" over "办"; fixture
    styles/danhang_shuming_zhehang.txt hard-wrapped at 30, "…党政综合办公" over "室")."""
    for before, after in itertools.pairwise(contents):
        if len(before) != longest or len(after) >= longest:
            continue
        folded_before, folded_after = fold(before), fold(after)
        if (
            folded_before.rfind("《") > folded_before.rfind("》")
            and "》" in folded_after
            and "《" not in folded_after[: folded_after.find("》")]
            and folded_after.endswith(_PARAGRAPH_END)
            and not starts_item(folded_after)
        ):
            return True
    return False


@dataclass(frozen=True)
class _ExactMargin:
    """The measure of such a copy: a line reached the margin only at its exact length (a
    cell of 28 characters ending in 。 is a whole cell, not a line the wrap broke: d04)."""

    width: int

    def __call__(self, content: str) -> int:
        return self.width if len(content) >= self.width else 0
