"""Division-of-labour tables (任务分工表): 序号 | 任务内容 | 牵头单位 | 责任单位 | 完成时限.

Many plans put their attributions in a table instead of brackets, or consist of nothing but
such a table. Readers print a table row as its cells joined with " | "; here we find the
header row by its column names and read the rows below it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice

from taizhang.parsing.attribution_text import closing_subject, note_heading
from taizhang.parsing.markers import chinese_number
from taizhang.parsing.normalize import fold, printed_run_in
from taizhang.parsing.structure import RawMeasure
from taizhang.parsing.units.loading import load_gazetteer
from taizhang.parsing.vocabulary import vocabulary, word_list

_SEPARATOR = " | "
_BAR = _SEPARATOR.strip()  # a line holding no bar holds no cells
_ROLES = ("number", "content", "lead", "responsible", "deadline")
_MAX_COLUMNS = 8
_MAX_CELL = 8  # characters: a header cell is a short name, not a sentence
_HEADER_GLOSS = re.compile(r"\([^()]{1,8}\)$")  # "（评估内容）" after a header cell's name
_HEADER_GLOSS_OPEN = re.compile(r"[（(][^）)]*$")  # (printed: a bracket not closed yet)
_TOPIC = "topic"  # a short content column before the full one: 重点任务 before 具体措施
_NOTE = "note"  # a remarks column (备注), read past


@dataclass
class TableRow:
    number: int | None
    content: str
    units: dict[str, str] = field(default_factory=dict)  # header label -> cell, as printed
    deadline: str | None = None
    line: int = 0
    heading: tuple[str, str] | None = None  # ("chapter" or "section", numeral) the number is under

    def attribution(self) -> str | None:
        """The unit cells as a labelled attribution: "牵头单位:X;责任单位:Y"."""
        parts = [f"{label}:{cell}" for label, cell in self.units.items() if cell]
        return ";".join(parts) or None


def find_table_rows(
    text: str, folded: str | None = None, gazetteer=None, run_in: bool | None = None
) -> list[TableRow]:
    """Rows of every task table in the text that names at least one unit column: rows
    printed on one line (cells joined with " | "), or one cell per line (``folded``:
    ``fold(text)`` when the caller has it; ``gazetteer``: the parse's own, a deployment's
    extension included, else the packaged one; ``run_in``: whether ``text`` is printed
    run-in, when the caller has asked)."""
    joined = _joined_rows(text) if _BAR in text else []
    if joined:
        return joined
    folded = fold(text) if folded is None else folded
    run_in = printed_run_in(text) if run_in is None else run_in
    names = _number_names(folded)
    if not names:  # every other kind of table is found from a number column's name
        names = _unnumbered_tab_headers(text) if "\t" in text else []
        if not names:  # ... or, pasted with tabs, a header naming every column
            if "\t" in text and run_in:
                return _run_in_unnumbered_tab_rows(text)
            if _BAR in text and run_in:
                return _run_in_unnumbered_bar_rows(text)
            return _headless_rows(text, folded, run_in, gazetteer)
    spaced = _spaced_rows(text, names)
    if spaced:
        return spaced
    if run_in:
        rows = (
            _run_in_spaced_rows(text, names)
            or _run_in_bar_rows(text, names, gazetteer)
            or _run_in_tab_rows(text, names, gazetteer)
            or _run_in_flat_rows(text, folded, names)
            or _run_in_cell_rows(text, folded, names, gazetteer)
        )
        if rows:
            return rows
    return _flattened_rows(text.split("\n")) if _has_number_cell(text, names) else []


def _number_names(folded: str) -> list[re.Match[str]]:
    """Each place a number column's name (序号) stands in a folded text, name by name: the
    passes below read these, found once. A name whose first character the text does not
    hold is not searched for (str's `in` finds one character by memchr, in C)."""
    return [
        found
        for first, name in _number_columns()
        if first in folded
        for found in name.finditer(folded)
    ]


# A table pasted with tabs and no number column (目标任务\t具体措施\t责任单位\t完成时限: the
# rows are numbered in order; tests/parsing/documents d66, its topic cell printed only on a
# group's first row, and fixture styles/huanbao_tabnonumber.txt, its topic on every row). Its
# header is a line of short tab-parted cells that each name a column (content, units, deadline
# or a topic), so a line of prose with a tab in it is no header.
_TAB_HEADER_FIRST = re.compile(rf"^[ \u3000]*([^\t\n]{{1,{_MAX_CELL}}})(?=\t)", re.M)


def _unnumbered_tab_headers(text: str) -> list[re.Match[str]]:
    """The first cell of each line that heads a tab-parted table without a number column,
    where _spaced_rows reads a number column's name."""
    found = []
    for first in _TAB_HEADER_FIRST.finditer(text):
        cells = text[first.start(1) : _line_end(text, first.start(1))].split("\t")
        if len(cells) > 2 and all(_column_role(cell.strip()) for cell in cells):
            found.append(first)
    return found


def _has_number_cell(text: str, names: list[re.Match[str]]) -> bool:
    """Whether a line is a number column's header cell (序号), as _flattened_rows reads a
    cell: a table copied one cell per line has one; without one, no line need be looked at.
    Prose naming the word ("统一编号") is passed over without reading every line."""
    for found in names:
        end = text.find("\n", found.end(), found.end() + _CELL_LINE)
        start = _opening(text, found.start())
        if start is None or (end < 0 and len(text) - found.end() > _CELL_LINE):
            continue  # a long line (a copy printed run-in) holds no cell of its own
        cell = text[start : len(text) if end < 0 else end].strip()
        if _is_short(cell) and _column_role(cell) == "number":
            return True
    return False


_CELL_LINE = 64  # characters after a number column's name on a line of its own: blanks


def _opening(text: str, at: int) -> int | None:
    """The start of the line holding ``at`` when it lies within _CELL_LINE characters
    before it (a header cell opens its line, after its indentation), else None: searched
    no further back, so a copy printed run-in costs no scan of the text per name."""
    reach = max(0, at - _CELL_LINE)
    start = text.rfind("\n", reach, at)
    if start >= 0:
        return start + 1
    return 0 if reach == 0 else None


@lru_cache(maxsize=1)
def _number_columns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(first character, pattern) of a number column's name anywhere in a folded text,
    blanks inside it allowed (as _column_role reads a cell: folded, without blanks): one
    pattern per name, each opening with its literal first character, which the engine finds
    far faster in Chinese text than the first character of any of several names (an eighth
    of the time)."""
    words = vocabulary()["table_columns"]["number"]
    return tuple((word[0], re.compile(" *".join(map(re.escape, word)))) for word in words)


_MERGED_ROW = 40  # characters: a chapter row merged across the table is a short heading


def _joined_rows(text: str) -> list[TableRow]:
    """Rows printed one per line, cells joined with " | ". A line of one cell between rows
    (a chapter row merged across the table: 一、提升政务服务效能) does not end the table when
    the rows below it are no wider than the header (tests/parsing/formats.py f01 and f03,
    Word tables; f07, a PDF grid); a header printed again (a table continued on the next
    page) starts it afresh."""
    rows: list[TableRow] = []
    columns, width, merged = None, 0, False
    lines = text.split("\n")
    # Outside a table (no header read, so nothing merged either) a line without a cell
    # changes nothing: the loop goes on at the next line holding a separator (most of a
    # plan is prose).
    with_cells = [index for index, line in enumerate(lines) if _BAR in line]
    index = 0
    while index < len(lines):
        if columns is None:
            ahead = bisect_left(with_cells, index)
            if ahead == len(with_cells):
                break
            index = with_cells[ahead]
        line, number = lines[index], index + 1
        index += 1
        cells = _cells(line)
        if len(cells) < 2:
            heading = line.strip()
            merged = bool(columns) and not merged and 0 < len(heading) <= _MERGED_ROW
            columns = columns if merged or not heading else None
            continue
        if merged and len(cells) > width:
            columns = None
        merged = False
        header = _header_roles(cells)
        if header:
            columns, width = header, len(cells)
            continue
        if columns:
            if len(cells) < width and index < len(lines):
                cells, index = _cell_over_two_lines(cells, lines, index, width)
            row = _row(_with_lost_category(cells, width, columns), columns, number)
            if row:
                rows.append(row)
    return rows


def _cell_over_two_lines(cells: list[str], lines: list[str], index: int, width: int):
    """A row short of its header's cells whose next line holds exactly the rest, the first
    of them the rest of its last cell: a cell of two paragraphs prints its row over two lines
    ("1 | 实施…集中供水厂3座。" over "更新改造…120公里。 | 县水利局 | …": round 28, tests/parsing/
    documents d349, fixture styles/shuxian_liangduan.txt). The cell keeps its line break, as
    a quoted tab cell does (d45). A whole row under it holds the header's cells, too many;
    a row short of its empty last cells opens with its number."""
    rest = _cells(lines[index])
    if len(rest) < 2 or len(cells) + len(rest) - 1 != width or _ROW_NUMBER.fullmatch(rest[0]):
        return cells, index
    return [*cells[:-1], f"{cells[-1]}\n{rest[0]}", *rest[1:]], index + 1


def _flattened_rows(lines: list[str]) -> list[TableRow]:
    """A table copied one cell per line: the header cells on consecutive lines, then each
    row opening with its number on a line of its own, as a 任务分工表 pasted from Word into
    a web editor prints it (fixtures styles/zhizao_table.txt and styles/shuzi_qingdan.txt)."""
    cells = [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]
    # A header holds a number column (序号) within its first _MAX_COLUMNS cells, so only the
    # runs of cells just before a number cell can start one.
    starts = sorted(
        {
            start
            for index, (_, cell) in enumerate(cells)
            if _is_short(cell) and _column_role(cell) == "number"
            for start in range(max(0, index - _MAX_COLUMNS + 1), index + 1)
        }
    )
    for start in starts:
        header = _flattened_header(cells, start)
        if header:
            return _flattened_body(cells, start + len(header), header)
    return []


# A table copied one cell per line whose header row the copy lost: each row a number on a
# line of its own ("1"), its task (a sentence), one or two unit cells and perhaps a deadline
# (round 30: tests/parsing/documents d371 数字政府, a 牵头 and a 配合 column and a deadline;
# fixture styles/wubiaotou_danhang.txt 环境卫生, one unit column and a deadline). The first
# row's cells give the columns, named in the order a 分工表 prints them (序号 | 重点任务 |
# 牵头单位 | 责任单位 | 完成时限); every row must then hold as many.
_HEADLESS_FIRST = "\n1\n"
_HEADLESS_RUN_IN = ":1"  # folded: printed run-in, a colon opens the table's first row
_HEADLESS_NAMES = ("序号", "重点任务", "牵头单位", "责任单位", "完成时限")


def _headless_rows(text: str, folded: str, run_in: bool, gazetteer) -> list[TableRow]:
    if run_in:
        return _headless_run_in_rows(text, folded)
    if _HEADLESS_FIRST not in text:
        return []
    return _headless_flattened_rows(text.split("\n"), gazetteer or load_gazetteer())


def _headless_run_in_rows(text: str, folded: str) -> list[TableRow]:
    """The rows after the colon that opens the table (…分工如下：1推进…), printed run in. Each
    ":1" is tried in turn: one after a digit is a ratio (资金按照1：1比例配套), and the colon
    of a sentence before the table may open a count (round 29: fixture styles/
    zhen_wubiaotou_peitao.txt, its 1：1 before the table; d371 and fixture styles/
    wubiaotou_danhang.txt, one colon each, run in)."""
    columns = _header_roles(list(_HEADLESS_NAMES))
    start = folded.find(_HEADLESS_RUN_IN)
    while start >= 0:
        # (1. 1、 12 after the colon: a numbered list or a count, no row's number)
        if (
            not folded[start - 1 : start].isdigit()
            and "\u4e00" <= folded[start + 2 : start + 3] <= "\u9fff"
        ):
            rows = _run_in_flat_body(text, folded, start + 1, columns)
            if len(rows) >= 2:
                return rows
        start = folded.find(_HEADLESS_RUN_IN, start + 2)
    return []


def _headless_flattened_rows(lines: list[str], gazetteer) -> list[TableRow]:
    cells = [(number, line.strip()) for number, line in enumerate(lines, 1) if line.strip()]
    for index, (_, cell) in enumerate(cells):
        if cell != "1":
            continue
        header = _headless_header([c for _, c in cells[index + 1 : index + 6]], gazetteer)
        if header is None:
            continue
        rows = _flattened_body(cells, index, header)
        if len(rows) >= 2 and all(_headless_row_fits(row, gazetteer) for row in rows):
            return rows
    return []


def _headless_header(first: list[str], gazetteer) -> dict[int, tuple[str, str]] | None:
    """The columns the first row's cells (after its number) name by their content: a task
    ending its sentence, then unit cells up to a deadline or the row "2"."""
    if not first or not fold(first[0]).endswith("。"):
        return None
    units = 0
    for cell in first[1:]:
        if cell == "2" or _last_deadline(fold(cell)):
            break
        if not _is_unit_cell(cell, gazetteer):
            return None
        units += 1
    if units not in (1, 2):
        return None
    deadline = len(first) > units + 1 and _last_deadline(fold(first[units + 1])) is not None
    names = list(_HEADLESS_NAMES[: 2 + units]) + (["完成时限"] if deadline else [])
    return _header_roles(names)


def _is_unit_cell(cell: str, gazetteer) -> bool:
    """A cell of unit names: no sentence in it, its last name ending as a body's does."""
    folded = fold(cell)
    return not any(end in folded for end in _SENTENCE_ENDS) and folded.endswith(
        gazetteer.name_endings
    )


def _headless_row_fits(row: TableRow, gazetteer) -> bool:
    """Each row holds a task sentence and unit cells where the first row does."""
    return fold(row.content).endswith("。") and all(
        _is_unit_cell(cell, gazetteer) for cell in row.units.values() if cell
    )


def _is_short(cell: str) -> bool:
    """A cell short enough to be a header cell (blanks aside), told without folding it."""
    return len(cell) - sum(cell.count(blank) for blank in " \u3000\u00a0") <= _MAX_CELL


def _flattened_header(cells, start) -> dict[int, tuple[str, str]] | None:
    """The run of header cells from ``start`` (each names a column), when it makes a task
    table header with a number column. A heading right above the header (二、重点任务, whose
    name holds a column word) is no header cell (round 28: tests/parsing/documents d359,
    fixture styles/zhangjie_danhang_biao.txt: read as one, each row's cells moved a column)."""
    if _GROUP_CELL.match(cells[start][1]):
        return None
    end = start
    while end < min(start + _MAX_COLUMNS, len(cells)) and _column_role(cells[end][1]):
        end += 1
    if end - start < 3:
        return None
    header = _header_roles([cell for _, cell in cells[start:end]])
    if header is None or not any(role == "number" for role, _ in header.values()):
        return None
    return header


def _flattened_body(cells, first: int, columns) -> list[TableRow]:
    ordered = [columns[i] for i in sorted(columns) if columns[i][0] != "number"]
    rows: list[TableRow] = []
    i = first
    while i < len(cells):
        line, cell = cells[i]
        if not re.fullmatch(r"\d{1,3}", fold(cell)) or int(fold(cell)) != len(rows) + 1:
            break
        values = []
        i += 1
        while i < len(cells) and len(values) < len(ordered):
            if fold(cells[i][1]) == str(len(rows) + 2):
                break
            if _rest_of_task_cell(values, cells[i][1], ordered):
                values[-1] += cells[i][1]
            else:
                values.append(cells[i][1])
            i += 1
        row = _row([cell, *values], {0: ("number", ""), **dict(enumerate(ordered, 1))}, line)
        if row:
            rows.append(row)
    return rows


def _rest_of_task_cell(values: list[str], cell: str, ordered) -> bool:
    """Whether ``cell`` is the rest of the row's task cell, the line above: a copy broken by
    characters cut the task mid-sentence and put its short end on a line of its own ("…扩大法律
    援助覆盖面" over "。", "…错时开" over "放。"), where no other line passed the margin, so
    nothing told the copy wrapped (round 28: a copy of fixture styles/zhangjie_danhang_biao.txt
    in test_documents.py with a 31-character task, fixture styles/danhang_zheduan.txt with a
    32-character one, hard-wrapped at 30). A unit or deadline cell ends no sentence."""
    if not values or ordered[len(values) - 1][0] != "content":
        return False
    task, rest = fold(values[-1]), fold(cell)
    return not task.endswith(_SENTENCE_ENDS) and rest.endswith("。") and len(rest) < len(task)


_SENTENCE_ENDS = ("。", ";", "!", "?")


# A table pasted from Word into plain text keeps one row per line, its cells apart by a tab
# or a run of blanks ("1\t编制…规划。\t市文化广电旅游局、市自然资源局\t2024年9月底前":
# tests/parsing/documents d16 with tabs, d22 with runs of blanks). Looked for only when a
# line names the number column (序号), as a one-cell-per-line table is.
_CELL_GAP = re.compile(r"\t|[ \u3000]{2,}(?=\S)")
_LEADING_BLANKS = " \t\u3000"


def _spaced_rows(text: str, names: list[re.Match[str]]) -> list[TableRow]:
    """The rows under each line that opens with the number column's name and a cell gap
    (序号\t任务…), up to the first line that is no row: only those lines are read."""
    rows: list[TableRow] = []
    counted = lines_before = 0  # the line breaks before ``counted``
    for found in names:
        start = _opening(text, found.start())
        if start is None or not _cells_before_name(text[start : found.start()]):
            continue
        if not _CELL_GAP.match(text, found.end()):
            continue
        end = _line_end(text, start)
        # (counted on from the header before: a count from the text's start per header
        # made a text of headers only quadratic)
        counted, lines_before = (counted, lines_before) if start >= counted else (0, 0)
        lines_before += text.count("\n", counted, start)
        counted, line = start, lines_before + 1
        tabbed = "\t" in text[start:end]  # cells in place, as the rows' (_tab_cells)
        header = text[start:end].split("\t") if tabbed else _spaced_cells(text[start:end])
        columns = _header_roles([cell.strip() for cell in header])
        if tabbed and (columns is None or _lower_header_line(text, end)):
            columns, end, line = _two_line_header(text, start, end, line)
        previous = None  # the table's row above
        while columns and end < len(text):
            start, end, line = end + 1, _line_end(text, end + 1), line + 1
            if _header_again(text, start):
                break  # a header printed again heads rows of its own (read from its name)
            if "\t" in text[start:end]:
                cells, end, last = _tab_cells(text, start, end, line)
                if _merged_tab_row(cells):
                    line = last
                    continue
                cells = _with_lost_topic(cells, len(header), columns)
                cells = _with_lost_category(cells, len(header), columns)
            else:
                cells, last = _spaced_cells(text[start:end]), line
                if _bare_chapter_row(text, start, end):
                    continue
            if len(cells) < 2:
                break
            row = _row(cells, columns, line)  # at the row's first line
            line = last
            if row:
                _merged_units(row, previous)
                rows.append(row)
                previous = row
    return rows


# A number column's name with a word glued before it in its cell (任务编号 | 牵头单位 | 配合
# 单位: round 22, tests/parsing/documents d293 and d294): that cell's, read as the name is.
_QUALIFIER = 2


def _cells_before_name(before: str) -> bool:
    """Whether only blanks, or one short category cell and its tab, stand before the number
    column's name on the header's line: 类别\t序号\t任务内容\t责任单位, the 类别 cell merged
    over its group's rows (tests/parsing/documents d175, fixture styles/leibie_hebing.txt)."""
    cells = before.strip(_LEADING_BLANKS)
    if not cells or (len(cells) <= _QUALIFIER and not before.endswith(tuple(_LEADING_BLANKS))):
        return True  # (a word glued to the name is its own cell's: 任务编号, _QUALIFIER)
    return before.endswith("\t") and "\t" not in cells and _column_role(cells) is None


def _with_lost_topic(cells: list[str], width: int, columns) -> list[str]:
    """A row under a topic printed on a group's first row only, its empty first cell's tab
    lost with the line's edge blanks (a copy that strips its lines: tests/parsing/documents
    d66 and fixture styles/weijian_topicgroups.txt hard-wrapped), is one cell short and
    opens with its task, a sentence, which a topic never is: the empty cell is put back, as
    _run_in_unnumbered_tab_rows does printed run in."""
    if len(cells) != width - 1 or columns.get(0, ("",))[0] != _TOPIC:
        return cells
    return ["", *cells] if fold(cells[0]).rstrip().endswith(("。", ".")) else cells


def _with_lost_category(cells: list[str], width: int, columns) -> list[str]:
    """A row under a category cell merged over its group (类别\t序号\t…, the category printed
    on the group's first row only), its empty first cell's tab lost with the line's edge
    blanks (a copy that strips its lines), is one cell short and opens with its number: the
    empty cell is put back (round 17: tests/parsing/documents d175 and fixture
    styles/leibie_hebing.txt hard-wrapped). So is a " | " row's, its empty first cell read
    as the line's edge (round 28: a " | " copy of d344 in test_documents.py, fixture
    styles/leibie_shuxian.txt)."""
    if len(cells) != width - 1 or 0 in columns or columns.get(1, ("",))[0] != "number":
        return cells
    return ["", *cells] if _ROW_NUMBER.fullmatch(cells[0]) else cells


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _header_again(text: str, start: int) -> bool:
    """Whether the line at ``start`` opens with a number column's name and a cell gap, as
    the header read from each name does: the rows under one header end there, so no row is
    read under two headers (a text of headers only is read in linear time)."""
    start += len(text[start : start + _CELL_LINE]) - len(
        text[start : start + _CELL_LINE].lstrip(_LEADING_BLANKS)
    )
    name = next((n for n in _number_words() if text.startswith(n, start)), None)
    return name is not None and _CELL_GAP.match(text, start + len(name)) is not None


@lru_cache(maxsize=1)
def _number_words() -> tuple[str, ...]:
    return tuple(vocabulary()["table_columns"]["number"])


def _merged_units(row: TableRow, above: TableRow | None) -> None:
    """A row whose unit cells are all empty lies under a merged unit cell, printed on the
    group's first row only: it takes the units of the row above (round 10: tests/parsing/
    documents d87, fixture styles/pufa_unitcol.txt). One empty cell beside a filled one is
    no merge: no 配合单位 (d46)."""
    if above is not None and row.units and not any(row.units.values()):
        row.units = dict(above.units)
    elif above is not None:
        _merged_lead(row, above)


def _merged_lead(row: TableRow, above: TableRow) -> None:
    """A lead cell merged over a group of rows whose other unit cells differ (牵头单位 printed
    on the group's first row, blank below, each row's 配合单位 its own): an empty lead cell
    beside a filled unit cell takes the lead of the row above (round 22: tests/parsing/
    documents d296 and d297). An empty 配合单位 beside a lead is no merge (d46)."""
    leads = vocabulary()["table_columns"]["lead"]
    for label, cell in row.units.items():
        if not cell and above.units.get(label) and any(word in fold(label) for word in leads):
            row.units[label] = above.units[label]


# A table pasted from Excel (or a Word table saved as text) parts its cells by one tab each,
# an empty cell included, so a cell's place is its column (tests/parsing/documents d45 and
# d46, fixture styles/gongshui_excel.txt). A cell holding a line break is printed in quotes
# ("开展…。\n全年入库…。"), a quote inside it doubled.
_QUOTED_CELL = re.compile(r'"((?:[^"]|""){0,2000})"(?=[\t\n]|$)')


def _tab_cells(text: str, start: int, end: int, line: int) -> tuple[list[str], int, int]:
    """The cells of the tab-parted row at ``start`` on line ``line`` (a quoted cell may run
    over several lines), the end of its last line and that line's number."""
    if '"' not in text[start:end]:
        return [cell.strip() for cell in text[start:end].split("\t")], end, line
    cells, pos = [], start
    while True:
        quoted = _QUOTED_CELL.match(text, pos) if text.startswith('"', pos) else None
        if quoted:
            cells.append(quoted.group(1).replace('""', '"').strip())
            pos = quoted.end()
        else:
            stop = min(_line_end(text, pos), _tab_end(text, pos))
            cells.append(text[pos:stop].strip())
            pos = stop
        if pos >= len(text) or text[pos] == "\n":
            return cells, pos, line + text.count("\n", start, pos)
        pos += 1  # the tab


def _tab_end(text: str, start: int) -> int:
    end = text.find("\t", start)
    return len(text) if end < 0 else end


def _merged_tab_row(cells: list[str]) -> bool:
    """A chapter row merged across the pasted table (一、强化企业科技创新主体地位 and the empty
    cells' tabs after it) does not end the table, as _joined_rows reads a Word table's
    (tests/parsing/documents d45, fixture styles/gongshui_excel.txt)."""
    filled = [cell for cell in cells if cell]
    return len(cells) > 1 and len(filled) == 1 and len(filled[0]) <= _MERGED_ROW


def _bare_chapter_row(text: str, start: int, end: int) -> bool:
    """A chapter row of a pasted table whose empty cells' tabs a copy lost (each line
    stripped: d45 hard-wrapped, fixture styles/gongshui_excel.txt hard-wrapped at 24): a
    short line opening with 一、 right above a numbered row. A section row (（一）产业项目)
    pasted on a line of its own between the rows is one too (round 15: tests/parsing/
    documents d183 and d184, rows numbered 1-1 or 1 under it)."""
    heading = text[start:end].strip()
    if not (0 < len(heading) <= _MERGED_ROW and _GROUP_CELL.match(heading)):
        return False
    return _TAB_ROW_START.match(text, end + 1) is not None


_TAB_ROW_START = re.compile(r"[ \u3000]*\d{1,3}(?:-\d{1,3})?\t")
# a chapter row (一、…) or a section row (（一）产业项目) between a table's rows, printed or
# run in (round 16: tests/parsing/documents d183 and d184 run in, fixture
# styles/fenjie_zu_hang.txt run in)
_GROUP_CELL = re.compile(r"[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]")


def _lower_header_line(text: str, end: int) -> bool:
    """Whether the line after a header that names its columns is the header's lower line:
    a parent cell (责任单位) spanning the cells below it, named there by short role words
    alone (牵头 | 配合) and nothing else (round 37: tests/parsing/documents d403, fixture
    styles/zerenfengong_liangceng.txt)."""
    if end >= len(text):
        return False
    lower = [cell.strip() for cell in text[end + 1 : _line_end(text, end + 1)].split("\t")]
    named = [cell for cell in lower if cell]
    return len(lower) > 1 and bool(named) and all(_sub_role(cell) for cell in named)


def _sub_role(cell: str) -> bool:
    """A lower header cell naming a unit column: a full column name (牵头单位) or a bare
    role word under a parent cell (牵头, 配合: round 37, d403)."""
    return bool(_column_role(cell)) or fold(cell).replace(" ", "") in _sub_words()


@lru_cache(maxsize=1)
def _sub_words() -> frozenset[str]:
    return frozenset(vocabulary()["table_sub_labels"]["words"])


def _sub_label(cell: str, parent: str) -> str:
    """A lower cell's column name: the cell itself, or a bare role word given the unit
    ending of the parent cell it sits under (责任单位 over 牵头 → 牵头单位; 责任分工 over
    配合 → 配合单位)."""
    word = fold(cell).replace(" ", "")
    if word not in _sub_words():
        return cell
    ending = next((e for e in ("单位", "部门") if fold(parent).endswith(e)), "单位")
    return word + ending


def _two_line_header(text: str, start: int, end: int, line: int):
    """A header printed over two lines: 序号 | 重点任务 | 责任分工 | | 完成时限 above
    | | 牵头单位 | 配合单位 | (the cells a parent cell spans named on the line below); each
    column is named by its lower cell where it has one (d46, fixture styles/gongshui_excel.txt).
    Returns the columns (None when the two lines are no header), the end of the header and
    its last line's number."""
    upper = text[start:end].split("\t")
    below = _line_end(text, end + 1)
    lower = text[end + 1 : below].split("\t") if end < len(text) else []
    if len(lower) < 2:
        return None, end, line
    if lower[0].strip():  # its empty edge cells lost: its names fill the cells a parent spans
        named = [cell.strip() for cell in lower if cell.strip()]
        spanned = _spanned([cell.strip() for cell in upper], named)
        if spanned is None or not all(_sub_role(name) for name in named):
            return None, end, line
        columns = _header_roles(_sub_labels(spanned, [cell.strip() for cell in upper]))
        return (columns, below, line + 1) if columns else (None, end, line)
    parents = _parents([cell.strip() for cell in upper])
    names = [
        _sub_label(lower[i].strip(), parents[i] if i < len(parents) else "")
        if i < len(lower) and lower[i].strip()
        else (upper[i].strip() if i < len(upper) else "")
        for i in range(max(len(upper), len(lower)))
    ]
    columns = _header_roles(names)
    return (columns, below, line + 1) if columns else (None, end, line)


def _sub_labels(names: list[str], upper: list[str]) -> list[str]:
    """The column names of a header over two lines, each bare role word of the lower line
    named after the upper cell that spans it (_sub_label)."""
    return [_sub_label(name, parent) for name, parent in zip(names, _parents(upper), strict=True)]


def _parents(upper: list[str]) -> list[str]:
    """Each upper cell's name, an empty one taking the name of the cell that spans it."""
    out, last = [], ""
    for cell in upper:
        last = cell or last
        out.append(last)
    return out


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _run_in_spaced_rows(text: str, names: list[re.Match[str]]) -> list[TableRow]:
    """A table of gapped cells in a copy printed run-in: its rows run together, each row's
    last cell glued to the next row's number ("…区市场监管局  2024年9月底前2  开展…":
    tests/parsing/documents d16 and d22 with their line breaks removed). The header gives
    the number of columns; each row is that many cells, the number peeled off the cell
    before it; the last row's last cell ends where the next numbered heading starts."""
    rows: list[TableRow] = []
    for found in islice(names, _MAX_HEADERS):  # each reads up to _TABLE_REACH: bounded
        if not _CELL_GAP.match(text, found.end()):
            continue
        reach = text[found.start() : found.start() + _TABLE_REACH]
        cells = [cell.strip() for cell in _CELL_GAP.split(reach)]
        header, first, label = _run_in_header(cells)
        if header is None and "\t" not in reach[:_HEADER_REACH]:
            header, first, label = _run_in_header(cells, loose=True)
        if header is None:
            continue
        # every table of the text, each under its own header (tests/parsing/documents d75
        # printed run-in: a table under each (一); fixture styles/wenwu_headers.txt run in)
        rows += _run_in_body(cells, header, first, label)
    return rows


def _run_in_bar_rows(text: str, names: list[re.Match[str]], gazetteer=None) -> list[TableRow]:
    """A table of " | " rows with a number column in a copy printed run-in: each row's last
    cell glued to the next row's number ("…县委依法治县办 | 2025年5月底前2 | 对行政执法…",
    round 26: tests/parsing/documents d351 and d353 printed run-in), read as
    _run_in_spaced_rows reads gapped cells. A category column before the number column
    (重点领域 | 序号 | …) is read as a tab table's (_run_in_category_rows): the group's category
    glued to the cell before it, a row under it opening with its number cell (round 28: a
    " | " copy of tests/parsing/documents d344 and fixture styles/leibie_shuxian.txt run in)."""
    if _BAR not in text:
        return []
    for found in islice(names, _MAX_HEADERS):  # each reads up to _TABLE_REACH: bounded
        if not text.startswith(_SEPARATOR, found.end()):
            continue
        reach = text[found.start() : found.start() + _TABLE_REACH]
        if text.endswith(_SEPARATOR, 0, found.start()):  # a column before the number's
            tokens = [token.strip() for token in reach.split(_BAR)]
            if rows := _run_in_category_rows(tokens, gazetteer):
                return rows
        cells = [cell.strip() for cell in reach.split(_BAR)]
        header, first, label = _run_in_header(cells)
        if header is not None:
            return _run_in_body(cells, header, first, label)
    return []


_TABLE_REACH = 100_000  # characters of a table printed run-in (a row is about 100)
_HEADER_REACH = 200  # characters: a header and its first row
_MAX_HEADERS = 20  # number-column names tried as a run-in table's header


def _run_in_tab_rows(text: str, names: list[re.Match[str]], gazetteer=None) -> list[TableRow]:
    """A table pasted from Excel (a cell per tab, the empty ones kept) in a copy printed
    run-in: each line's last cell is glued to the next line's first, so every row takes one
    tab fewer than it has cells (tests/parsing/documents d45 and d46 printed run-in, fixture
    styles/gongshui_excel.txt run in). The glued cell is parted where the next row's number,
    a chapter row (一、…) or a row of a second header line starts; a chapter row is passed
    over, and the table ends where no next row starts."""
    if "\t" not in text:
        return []
    for found in islice(names, _MAX_HEADERS):  # each reads up to _TABLE_REACH
        if not text.startswith("\t", found.end()):
            continue
        tokens = text[found.start() : found.start() + _TABLE_REACH].split("\t")
        category = found.start() > 0 and text[found.start() - 1] == "\t"  # a column before it
        if category and (rows := _run_in_category_rows(tokens, gazetteer)):
            return rows
        header = _run_in_tab_header(tokens)
        if header is not None:
            return _run_in_tab_body(tokens, *header)
    return []


def _run_in_category_rows(tokens: list[str], gazetteer=None) -> list[TableRow]:
    """A tab table whose first column is a category merged over its group's rows (类别\t序号
    \t任务内容\t责任单位, round 15 read printed: _cells_before_name) in a copy printed run-in
    (round 17: tests/parsing/documents d175 and fixture styles/leibie_hebing.txt run in):
    a group's category is glued to the cell before it (the header's last name, or the last
    row's units: 责任单位课堂教学, 区教育局实践活动) and stands before its first row's number,
    a token of its own; a row under it lost the empty cell's tab, its number glued to the
    cell before it. The category is read past."""
    index = next((i for i, t in enumerate(tokens[:_MAX_COLUMNS]) if t.strip() == "1"), 0)
    name = next((w for w in _column_words() if tokens[index - 1].startswith(w)), None)
    names = [t.strip() for t in tokens[: index - 1]] + [name or ""]
    columns = _header_roles(names) if index > 1 and name else None
    if columns is None:
        return []
    rows: list[TableRow] = []
    at, number, width = index + 1, 1, len(names)
    while at + width - 2 < len(tokens):
        cells, last = [str(number), *tokens[at : at + width - 2]], tokens[at + width - 2]
        following = _trailing(last, number + 1, False)
        bare = at + width - 1 < len(tokens) and tokens[at + width - 1].strip() == str(number + 1)
        if following:
            cells.append(following[0])
        elif bare:
            cells.append(_without_next_category(last, columns, gazetteer))
        else:  # the last row: its last cell runs on into the text after the table
            ending = _NEXT_HEADING.search(fold(last), 1)
            cells.append(last[: ending.start() if ending else None])
        row = _row([_unquoted(c) for c in cells], columns, 1)
        if row:
            rows.append(row)
        if not (following or bare):
            break
        at, number = at + width - (1 if following else 0), number + 1
    return rows


def _without_next_category(cell: str, columns, gazetteer) -> str:
    """A row's last cell glued to the next group's category: a deadline cell ends with its
    deadline (2025年9月底前灌溉排水, 长期坚持田间道路: round 27, tests/parsing/documents d344
    and fixture styles/leibie_biaotou_manhang.txt run in), a unit cell at its last name."""
    if _last_is_deadline(columns) and (deadline := _last_deadline(fold(cell))):
        return cell[: deadline.end()]
    return _without_category(cell, gazetteer or load_gazetteer())


def _without_category(cell: str, gazetteer) -> str:
    """The units of a cell glued to the next group's category (区教育局实践活动): its last
    name ends at the first name ending after its place (区教育局, 区人民法院, 县妇联), the
    endings and places of the parse's own gazetteer."""
    listed, comma, last = cell.rpartition("、")
    folded = fold(last)
    for end in range(gazetteer.prefix_length(folded) + 2, len(last) - 1):
        if folded[:end].endswith(gazetteer.name_endings):
            return listed + comma + last[:end]
    return cell


def _run_in_unnumbered_tab_rows(text: str) -> list[TableRow]:
    """A tab-parted table without a number column in a copy printed run-in: each row's last
    cell, its deadline, is glued to the next row's first, a topic or nothing (…2024年12月底前
    推动高频…, …2024年11月底前城镇污水治理\t…: tests/parsing/documents d66 and fixture
    styles/huanbao_tabnonumber.txt with their line breaks removed). The header is a run of
    tab-parted column names, its first glued to the text before it and its last to the first
    row's first cell; a row's deadline ends where the deadline's form ends, and the table
    where a row's last cell holds none."""
    tokens = text[:_TABLE_REACH].split("\t")
    header = _run_in_unnumbered_header(tokens)
    if header is None:
        return []
    columns, width, index, head = header
    rows: list[TableRow] = []
    while True:
        # A topic printed on a group's first row only: the empty cell under it lost its tab
        # with the line break, and the glued rest is the row's task, a sentence (d66).
        lost = columns[0][0] == _TOPIC and fold(head).rstrip().endswith(("。", "."))
        step = width - 2 if lost else width - 1
        if index + step >= len(tokens):
            break
        last = tokens[index + step]
        deadline = _last_deadline(fold(last))
        if deadline is None:
            break
        cells = [*([""] if lost else []), head, *tokens[index + 1 : index + step]]
        row = _row([_unquoted(c) for c in [*cells, last[: deadline.end()]]], columns, 1)
        if row:
            rows.append(row)
        head = last[deadline.end() :]
        index += step
    return rows if len(rows) > 1 else []


def _run_in_unnumbered_bar_rows(text: str) -> list[TableRow]:
    """A table of " | " rows without a number column, each row closed by its bar, in a copy
    printed run-in: "…任务分解重点任务 | 工作内容 | 负责科室 |信息发布 | 及时发布… | 办公室 |
    解读回应 | …" (corpus 046 and fixture styles/gongkai_pipes.txt with their line breaks
    removed). The header's first name is glued to the text before it, and each row takes as
    many cells as the header names; the table ends with the last whole row."""
    tokens = [token.strip() for token in text[:_TABLE_REACH].split(_BAR)]
    header = _run_in_bar_header(tokens)
    if header is None:
        return []
    columns, width, index = header
    rows = [
        row
        for at in range(index, len(tokens) - width + 1, width)
        if (row := _row(tokens[at : at + width], columns, 1))
    ]
    return rows if len(rows) > 1 else []


def _run_in_bar_header(tokens: list[str]):
    """(columns, width, index of the first row's first cell) of the first run of column
    names after a token ending with one, naming content and units; or None."""
    ending = _ending_with_a_column_name()
    for index in range(len(tokens) - 1):
        first = ending.search(fold(tokens[index]))
        if first is None or not _column_role(tokens[index + 1]):
            continue
        end = index + 1
        while end < len(tokens) and end - index < _MAX_COLUMNS and _column_role(tokens[end]):
            end += 1
        names = [tokens[index][first.start() :], *tokens[index + 1 : end]]
        columns = _header_roles(names)
        if columns:
            return columns, len(names), end
    return None


def _run_in_unnumbered_header(tokens: list[str]):
    """(columns, width, index of the first row's token, its first cell) of the first run
    of tokens that are column names between a token ending with one and a token opening
    with one, naming content, units and a last deadline column; or None."""
    words, ending = _column_words(), _ending_with_a_column_name()
    index = 1
    while index < len(tokens) - 1:
        end = index
        while end < len(tokens) - 1 and _column_role(tokens[end].strip()):
            end += 1
        opening = None
        if end > index:
            opening = next((w for w in words if tokens[end].startswith(w)), None)
        if opening is None and end - 1 > index:
            end, opening = end - 1, _glued_short(tokens[end - 1], words)
        first = ending.search(tokens[index - 1]) if opening else None
        if first:
            names = [first.group(), *(t.strip() for t in tokens[index:end]), opening]
            columns = _header_roles(names) if len(names) <= _MAX_COLUMNS else None
            if columns and _last_is_deadline(columns):
                return columns, len(names), end, tokens[end][len(opening) :]
        index = end + 1
    return None


def _glued_short(token: str, words) -> str | None:
    """The column name a token opens with when the first row's first cell glued to it is
    short enough for the token to read as a name ("完成时限区商务局": round 28, fixture
    styles/csv_fengong.txt run in, its CSV commas tab-parted; "完成时限县民政局", fixture
    styles/csv_wuxuhao.txt run in), else None."""
    return next((w for w in words if token.startswith(w) and len(token) > len(w)), None)


@lru_cache(maxsize=1)
def _ending_with_a_column_name() -> re.Pattern[str]:
    return re.compile(f"(?:{'|'.join(map(re.escape, _column_words()))})$")


def _glued_start(token: str) -> tuple[str, str] | None:
    """A header cell and what follows it glued (the next row's number, 一、, a quote), or
    None when the token is one cell."""
    for at in range(min(len(token), _MAX_CELL + 1)):
        rest = token[at:]
        if rest[:1].isdigit() or rest[:1] == '"' or _GROUP_CELL.match(rest) or rest == "一":
            name = token[:at].strip()
            if not name or _column_role(name) != _NOT_A_HEADER:
                # (a short name of no role ends the header too: a 工作台账's last columns
                # 进展情况 | 完成情况, round 12: tests/parsing/documents d130 and fixture
                # styles/taizhang_jinzhan.txt printed run-in)
                return name, rest
    return None


def _run_in_tab_header(tokens: list[str]):
    """(columns, width, index of the first row's token, its first cell) or None: the header
    is one line of up to _MAX_COLUMNS cells, or two lines whose lower one names the columns
    a cell above spans (the cell and the empty ones after it, as _two_line_header reads
    them printed); a copy printed run-in may have lost the lower line's empty edge cells,
    its first name then glued to the upper line's last (完成时限牵头单位)."""
    lower: list[str] | None = None
    for index, token in enumerate(tokens[: 3 * _MAX_COLUMNS]):
        if lower is None and index:
            pair = _two_names(token.strip())
            if pair:
                upper, lower = [t.strip() for t in tokens[:index]] + [pair[0]], [pair[1]]
                continue
        glued = _glued_start(token)
        if glued is None:
            if lower is not None:
                lower.append(token.strip())
            continue
        name, rest = glued
        if lower is None:
            upper = [t.strip() for t in tokens[:index]] + [name]
            columns = _header_roles(upper) if len(upper) <= _MAX_COLUMNS else None
            return (columns, len(upper), index, rest) if columns else None
        lower.append(name)
        names = _spanned(upper, [n for n in lower if n])
        columns = _header_roles(_sub_labels(names, upper)) if names else None
        return (columns, len(upper), index, rest) if columns else None
    return None


def _two_names(token: str) -> tuple[str, str] | None:
    """An upper header cell glued to the lower line's first name: 完成时限牵头单位."""
    for at in range(2, min(len(token) - 1, _MAX_CELL + 1)):
        if token[at] in "（(" or _HEADER_GLOSS_OPEN.search(token, 0, at):
            continue  # a name's gloss, no second name: 三级指标（评估内容） (_HEADER_GLOSS)
        if _column_role(token[:at]) and _sub_role(token[at:]):
            return token[:at], token[at:]
    return None


def _spanned(upper: list[str], lower: list[str]) -> list[str] | None:
    """The upper cells, each that spans empty ones after it named by the lower names in
    turn (责任分工 | 空 over 牵头单位 | 配合单位), or None when the counts do not agree."""
    names, pending = list(upper), list(lower)
    for index, cell in enumerate(upper):
        if not cell:
            continue
        span = index + 1
        while span < len(upper) and not upper[span]:
            span += 1
        if span - index > 1:
            names[index:span] = pending[: span - index]
            pending = pending[span - index :]
    return names if not pending and len(names) == len(upper) else None


def _run_in_tab_body(tokens: list[str], columns, width: int, index: int, head: str):
    rows: list[TableRow] = []
    number = 0
    chinese = head == "一"  # rows numbered 一 二 三 (_trailing)
    group = 0 if _first_dashed(head) else None  # rows numbered 1-1, 1-2, 2-1 (_trailing)
    names = _one_line_header(tokens, width, index, head)  # printed again after a page break
    while index + width - 2 < len(tokens):
        skip = 0
        chapter_row = bool(_GROUP_CELL.match(head))
        numbered = _trailing(head, number + 1, False, group) if chapter_row else None
        if chapter_row and not numbered and number and group is None:
            # a chapter row glued to a row numbered 1: the numbers restart under each chapter
            # ("…2025年底前二、健全依法行政制度体系1\t…": round 35, tests/parsing/documents
            # d397 and fixture styles/shangji_xuhao_lie.txt run in)
            numbered = _trailing(head, 1, False)
            number = 0 if numbered else number
        if numbered:
            head, chapter_row = numbered[1], False  # 一、…4: the chapter row lost its tabs
        if not chapter_row:
            group, number = _row_number(head, group, number)
        if chapter_row:
            span = width - 1 if index + width - 1 < len(tokens) else None
        else:
            span = _row_span(tokens, index, width, number + 1, chinese, group)
        if span is None:
            break
        cells = [head, *tokens[index + 1 : index + span]]
        last = tokens[index + span]
        following = _trailing(last, number + 1, chinese, group)
        if following:
            tail, head = following
            chapter = _GROUP_CELL.search(tail)
            cells.append(tail[: chapter.start()] if chapter else tail)
        elif names and (page_break := _header_again_run_in(tokens, index + span, names)):
            cell, head = page_break
            cells.append(cell)
            skip = len(names) - 1
        elif chapter := _GROUP_CELL.search(last):
            cells.append(last[: chapter.start()])
            head = last[chapter.start() :]
        else:  # the last row: its last cell runs on into the text after the table
            cells.append(last[: _last_cell_end(fold(last), columns, span)])
            head = ""
        row = None if chapter_row else _row([_unquoted(c) for c in cells], columns, 1)
        if row:
            _merged_units(row, rows[-1] if rows else None)
            rows.append(row)
        if not head:
            break
        index += span + skip
    return rows


def _last_cell_end(folded: str, columns, span: int) -> int | None:
    """Where the last row's last cell ends in a copy printed run in, its text running on
    into what follows the table: after its deadline, else at the next heading or at a
    closing paragraph's subject ("…\t县司法局各主责单位要于…报县司法局。": round 30,
    tests/parsing/documents d366 and fixture styles/zhuze_biaowei_jieshu.txt run in; the
    subject as attribution_text.closing_subject reads it after a label line's units)."""
    deadline = _last_deadline(folded) if _is_deadline(columns, span) else None
    if deadline:
        return deadline.end()
    # or at a note under the table ("…\t县人民法院，县政府各部门注：一级指标、二级指标栏…":
    # round 39, tests/parsing/documents d411 and fixture styles/sanji_zhibiao_biao.txt run in)
    found = (
        _NEXT_HEADING.search(folded, 1),
        closing_subject().search(folded, 1),
        note_heading().search(folded, 1),
    )
    ends = [m.start() for m in found if m]
    return min(ends) if ends else None


def _one_line_header(tokens: list[str], width: int, index: int, head: str) -> list[str] | None:
    """The names of a header of one line (its last glued to the first row's head), or None."""
    if index != width - 1 or not head:
        return None
    return [*(t.strip() for t in tokens[:index]), tokens[index][: -len(head)].strip()]


def _header_again_run_in(tokens: list[str], at: int, names: list[str]) -> tuple[str, str] | None:
    """(the cell, the next row's head) when token ``at`` ends with the header's first name
    and the tokens after it print the header again, its last name glued to the next row's
    first cell: a page break inside the table (its page number between two Chinese
    characters layout cut), not the table's end (round 17: tests/parsing/documents d181
    run in; fixture styles/fenye_biaotou.txt run in)."""
    first, *middle, last = names
    cell, glued_at = tokens[at], at + len(names) - 1
    if not cell.endswith(first) or glued_at >= len(tokens):
        return None
    glued = tokens[glued_at]
    if len(glued) <= len(last) or not glued.startswith(last):
        return None
    if [t.strip() for t in tokens[at + 1 : glued_at]] != middle:
        return None
    return cell[: -len(first)], glued[len(last) :]


def _row_span(
    tokens: list[str],
    index: int,
    width: int,
    following: int,
    chinese: bool = False,
    group: int | None = None,
    restart: bool = False,
) -> int | None:
    """Tokens the row at ``index`` takes after its first: one fewer than its cells, or two
    fewer when its last cell was empty (an empty 备注 at the end of its line, the tab after
    the last cell lost with the line's edge blanks when printed run-in: tests/parsing/
    documents d103 run in, fixture styles/linye_beizhu.txt run in): the cell before it
    then ends in the next row's number, or, in the last row, the tokens run out."""
    if index + width - 1 < len(tokens):
        if _trailing(tokens[index + width - 1], following, chinese, group, restart):
            return width - 1
        ends_in = _trailing(tokens[index + width - 2], following, chinese, group, restart)
        return width - 2 if ends_in else width - 1
    return width - 2 if index + width - 2 < len(tokens) else None


def _trailing(
    token: str, number: int, chinese: bool, group: int | None = None, restart: bool = False
) -> tuple[str, str] | None:
    """(the cell, the next row's number) when a token ends in row ``number``'s number, in
    digits or, in a table numbered 一 二 三, in a Chinese numeral ("…市委依法治市办二": round
    15, tests/parsing/documents d174 run in; fixture styles/ducha_hanzi_xuhao.txt run in).
    In a table numbered 1-1, 1-2 … (``group`` not None) the next row is the group's next,
    ``group``-``number``, or the next group's first (…12月底主体完工1-2, …完工（二）基础设施项目2-1:
    round 17, tests/parsing/documents d183 run in; fixture styles/fenhao_xiangmu.txt run in)."""
    if group is not None:
        found = _TRAILING_DASHED.fullmatch(token)
        if found and _dashed(found) in ((group, number), (group + 1, 1)):
            return found.group(1), found.group(2)
        return None
    found = _TRAILING_NUMBER.fullmatch(token)
    if found and (int(found.group(2)) == number or (restart and _restarts(found))):
        return found.group(1), found.group(2)
    found = _TRAILING_NUMERAL.fullmatch(token) if chinese else None
    if found and chinese_number(found.group(2)) == number:
        return found.group(1), found.group(2)
    return None


_TRAILING_DASHED = re.compile(r"(.*?)((\d{1,3})-(\d{1,3}))$", re.S)


def _dashed(found: re.Match[str]) -> tuple[int, int]:
    return int(found.group(3)), int(found.group(4))


def _first_dashed(head: str) -> bool:
    """The table's first row is numbered 1-1 (alone or after its section row)."""
    found = _TRAILING_DASHED.fullmatch(head)
    return found is not None and _dashed(found) == (1, 1)


def _row_number(head: str, group: int | None, number: int) -> tuple[int | None, int]:
    """The group and number of the row ``head`` opens: the next number, or in a table
    numbered 1-1, 1-2 … the two its label names."""
    found = _TRAILING_DASHED.fullmatch(head) if group is not None else None
    return _dashed(found) if found else (group, number + 1)


def _last_deadline(folded_cell: str) -> re.Match[str] | None:
    """The deadline a row's last cell opens with (2024年9月底前, 全年), before the text after
    the table that a copy printed run-in glued to it (d45, d46 and d51 printed run-in)."""
    return _CELL_DEADLINE.match(folded_cell) or _WHOLE_YEAR.match(folded_cell)


_WHOLE_YEAR = re.compile("全年")


def cell_deadline_end(cell: str) -> int:
    """Where the deadline a cell opens with ends, 0 for none (a run-in CSV row's last cell
    glued to the next row's first: csv_rows)."""
    found = _last_deadline(fold(cell))
    return found.end() if found else 0


def _last_is_deadline(columns) -> bool:
    return columns[max(columns)][0] == "deadline"


def _is_deadline(columns, index: int) -> bool:
    return columns.get(index, ("",))[0] == "deadline"


def _unquoted(cell: str) -> str:
    cell = cell.strip()
    if len(cell) > 1 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"').strip()
    return cell


# (a 任务编号 cell's heading numeral before the number, "…县商务局（一）2", is no part of the
# cell before it: _HEADED_NUMBER, round 22: tests/parsing/documents d293 and d294 run in)
def _restarts(found: re.Match[str]) -> bool:
    """A 1 after a heading's numeral ("…各村民委员会二、1"): a 任务编号 cell whose numbers restart
    under the next heading (_HEADED_NUMBER; round 22, tests/parsing/documents d312 and fixture
    styles/bianhao_zhangjie.txt run in)."""
    return found.group(2) == "1" and found.end(1) < found.start(2)


_TRAILING_NUMBER = re.compile(
    r"(.*?)(?:[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?(\d{1,3})$", re.S
)
_TRAILING_NUMERAL = re.compile(r"(.*?)([一二三四五六七八九十]{1,3})$", re.S)
# Where the text after a table's last cell starts: a numbered heading (三、, (一), 第…).
_NEXT_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|第[一二三四五六七八九十]"
)


def _run_in_header(cells: list[str], loose: bool = False):
    """The header's column roles, where the first row's cells start and its number cell as
    printed ("1", "一、1"), or (None, 0, "1").
    ``loose``: a short name of no role is a column read past, as printed (指标名称 | 对标城市
    before 提升措施: round 17, tests/parsing/documents d201 and fixture styles/kongge_lanmu.txt
    printed run-in), asked only of a table gapped by blanks (a tab table's header not read
    strictly here is read by _run_in_tab_rows: d46, d87, d175, d180 run in)."""
    for size in range(3, min(_MAX_COLUMNS, len(cells)) + 1):
        last = _TRAILING_NUMBER.fullmatch(cells[size - 1])
        if last is None or last.group(2) != "1":
            continue
        names = [*cells[: size - 1], last.group(1)]
        if not all(_is_short(name) and (loose or _column_role(name)) for name in names):
            return None, 0, "1"
        header = _header_roles(names)
        if header and any(role == "number" for role, _ in header.values()):
            cells[size - 1] = last.group(1)
            return header, size, _number_label(last)
    return None, 0, "1"


def _run_in_body(cells: list[str], columns, first: int, label: str = "1") -> list[TableRow]:
    """The rows after a run-in header; ``label``, the first row's number cell as printed (a
    heading's numeral before it names the heading: 一、1, _HEADED_NUMBER, whose numbers may
    restart under the next heading, _restarts)."""
    width = first  # the header's cells, a column of no role among them (d201 run in)
    rows: list[TableRow] = []
    i, number, headed = first, 1, label != "1"
    while span := _row_span(cells, i - 1, width, number + 1, restart=headed):
        row_cells = [label, *cells[i : i + span]]
        last, skip = row_cells[-1], 0
        following = _TRAILING_NUMBER.fullmatch(last)
        goes_on = following is not None and (
            int(following.group(2)) == number + 1 or (headed and _restarts(following))
        )
        page_break = None if goes_on else _header_again_run_in(cells, i + span - 1, cells[:first])
        if goes_on:
            row_cells[-1], label = following.group(1), _number_label(following)
            number = int(following.group(2)) - 1  # (counted on below)
        elif page_break and page_break[1] == str(number + 1):
            row_cells[-1], goes_on, skip = page_break[0], True, first - 1
            label = str(number + 1)
        else:  # the last row (its deadline before the text after the table: d51 run in)
            row_cells[-1] = last[: _last_cell_end(fold(last), columns, span)]
        row = _row(row_cells, columns, 1)
        if row is None:
            break
        _merged_units(row, rows[-1] if rows else None)  # (d296 run in)
        rows.append(row)
        if not goes_on:
            break
        i, number = i + span + skip, number + 1
    return rows


def _number_label(found: re.Match[str]) -> str:
    """The number cell a _TRAILING_NUMBER match ends with, its heading's numeral kept."""
    return found.string[found.end(1) : found.end(2)]


def _run_in_flat_rows(text: str, folded: str, names: list[re.Match[str]]) -> list[TableRow]:
    """A one-cell-per-line table printed run-in: nothing parts its cells ("序号重点任务牵头单位
    责任单位完成时限1完成30台…锅炉。市生态环境局市发展改革委、…人民政府2024年10月底前2推进…":
    tests/parsing/documents d04 and fixture styles/zhizao_table.txt with their line breaks
    removed). The header is its column names one after another; a row is its number, the
    task up to a sentence end followed by a unit, the unit cells, and a deadline followed
    by the next number. Two unit cells are parted where a name ends and another starts
    with no 、 between them."""
    for found in names:
        words, pos = _run_in_header_names(folded, found.start())
        header = _header_roles(words) if len(words) >= 3 else None
        if header and header.get(0, ("",))[0] == "number":
            rows = _run_in_flat_body(text, folded, pos, header)
            if rows:
                return rows
    return []


@lru_cache(maxsize=1)
def _column_words() -> tuple[str, ...]:
    words = vocabulary()["table_columns"]
    return tuple(sorted(chain.from_iterable(words[role] for role in _ROLES), key=len, reverse=True))


def _run_in_header_names(folded: str, pos: int) -> tuple[list[str], int]:
    names = []
    while len(names) < _MAX_COLUMNS:
        word = next((w for w in _column_words() if folded.startswith(w, pos)), None)
        if word is None:
            break
        names.append(word)
        pos += len(word)
    return names, pos


_CELL_DEADLINE = re.compile(
    r"\d{4}年\d{1,2}月(?:底|末)?前?|\d{4}年(?:底|末)前?|\d{4}年前|\d{1,2}月(?:底|末)?前"
    r"|长期坚持|持续推进"
    # a duty from a year on, each period (2024年起每月: d66; 2024年起每学期: d64)
    r"|\d{4}年起每(?:学期|[年季月周])"
    # each year's due date (每年12月底前: round 29, tests/parsing/documents d364 and fixture
    # styles/meinian_qixian_lie.txt run in), parted from the next row's first cell
    r"|每年\d{1,2}月(?:底|末)?前"
)
# 镇, 乡: a 镇 plan's unit cells (镇综合行政执法队: round 29, fixtures styles/wubiaotou_danhang.txt
# and zhen_wubiaotou_peitao.txt run in); 人: 人行某市中心支行
_NAME_START = "市县区州省镇乡各某中国人"
_PLACE_ENDINGS = ("市", "县", "区")
_ROW_REACH = 400  # characters of one row


def _run_in_flat_body(text: str, folded: str, pos: int, columns) -> list[TableRow]:
    roles = [role for _, (role, _) in sorted(columns.items())]
    if roles[1:2] != ["content"] or roles[-1] != "deadline":
        return []
    unit_labels = [
        label for _, (role, label) in sorted(columns.items()) if role in ("lead", "responsible")
    ]

    def read_row(start: int, number: int):
        content_end = _content_end(folded, start)
        if content_end < 0:
            return None
        deadline, after = _row_deadline(folded, content_end, number + 1)
        if deadline is None:
            return None
        units = _unit_cells(text[content_end : deadline.start()], len(unit_labels))
        row = TableRow(number=number, content=text[start:content_end], line=1)
        row.units = dict(zip(unit_labels, units, strict=False))
        row.deadline = text[deadline.start() : deadline.end()]
        return row, after

    return _numbered_run(folded, pos, read_row)


def _numbered_run(folded: str, pos: int, read_row) -> list:
    """The rows of a run-in table numbered 1, 2, … from ``pos``: ``read_row(start, number)``
    reads the row whose number ends at ``start`` and gives it with where the next number
    stands (None: the last row), or None where it reads no row; the run ends there, or
    where the next number does not follow."""
    rows = []
    number = 1
    while folded.startswith(str(number), pos):
        start = pos + len(str(number))
        if folded[start : start + 1].isdigit():
            break
        read = read_row(start, number)
        if read is None:
            break
        row, after = read
        rows.append(row)
        if after is None:
            break
        pos, number = after, number + 1
    return rows


def _content_end(folded: str, start: int) -> int:
    """Just after the task's sentence end that a unit name or a ditto cell follows, or -1."""
    stop = folded.find("。", start, start + _ROW_REACH)
    while stop >= 0:
        if folded[stop + 1 : stop + 2] and folded[stop + 1] in _NAME_START:
            return stop + 1
        if folded.startswith(_ditto_marks(), stop + 1):
            return stop + 1
        stop = folded.find("。", stop + 1, start + _ROW_REACH)
    return -1


@lru_cache(maxsize=1)
def _ditto_marks() -> tuple[str, ...]:
    """A unit cell that repeats the row above's (同上, 〃: same_as reads it)."""
    return (*vocabulary()["same_as_above"], *vocabulary()["ditto_marks"])


def _row_deadline(folded: str, start: int, following: int):
    """The deadline cell ending the row, and where the next row starts (None: the last)."""
    last = None
    for hit in _CELL_DEADLINE.finditer(folded, start, start + _ROW_REACH):
        if folded.startswith(str(following), hit.end()):
            return hit, hit.end()
        last = last or hit
    return last, None


def _unit_cells(region: str, count: int, place: str = "") -> list[str]:
    """The unit cells of a row run together: cut where a name ends and the next starts
    (also at ``place``, the plan's own place and its level: …县司法局桦溪县公安局)."""
    if count < 2:
        return [region]
    # a ditto cell run into the other unit cell ("同上县商务局、县工商联", "县交通运输局〃":
    # round 28, tests/parsing/documents d359 and fixture styles/zhangjie_danhang_biao.txt
    # run in; same_as reads the mark as the row above's cell)
    for mark in _ditto_marks():
        if region.startswith(mark):
            return [mark, region[len(mark) :]]
        if region.endswith(mark):
            return [region[: -len(mark)], mark]
    endings = tuple(e for e in vocabulary()["unit_endings"] if e not in _PLACE_ENDINGS)
    name_start = region.rfind("、", 0, 1) + 1
    for i in range(1, len(region)):
        if region[i - 1] == "、":
            name_start = i
            continue
        name = region[name_start:i]
        opens = region[i] in _NAME_START or (place and region.startswith(place, i))
        if opens and len(name) >= 3 and name.endswith(endings):
            return [region[:i], region[i:]]
    return [region, ""]


# A one-cell-per-line table printed run in whose task cells end in no sentence end ("序号决策
# 事项承办单位完成时限1编制…规划（2021—2035年）县自然资源局2025年6月底前2制定…": round 28,
# tests/parsing/documents d316 and d317 run in, d317's header cells with a word glued to the
# column's name: 决策事项名称, 计划完成时间). A row is its number, the task, the unit cell and the
# deadline the next row's number follows (a bracket after it its own: 2025年12月底前（长期坚持）,
# d316 and d317); the unit cell is the shortest end of the rest that opens with an
# administrative prefix of the level every row's unit cell shares (县城区…办法县城市管理局: 县,
# not 市管理局; 云溪镇…镇规划建设办公室).
_HEADER_GLUE = 4  # characters glued to the column names between two of them, at most
_DEADLINE_NOTE = 10  # characters of a bracket after a deadline, at most


def _run_in_cell_rows(text: str, folded: str, names, gazetteer=None) -> list[TableRow]:
    """Rows of a one-cell-per-line table printed run in, its task cells ending anyhow."""
    for found in names:
        words, pos = _run_in_glued_header(folded, found.end())
        header = _header_roles([found.group(), *words]) if len(words) >= 3 else None
        roles = [role for _, (role, _) in sorted(header.items())] if header else []
        if roles[:2] != ["number", "content"] or roles[-1] != "deadline":
            continue
        spans = _numbered_spans(folded, pos)
        rows = _rows_of_spans(text, folded, spans, header, gazetteer or load_gazetteer())
        if rows:
            return rows
    return []


def _run_in_glued_header(folded: str, pos: int) -> tuple[list[str], int]:
    """The column names after a number column's name, a few characters glued between two
    (名称, 计划), the last one's followed by the first row's number; where that number is."""
    names: list[str] = []
    while len(names) < _MAX_COLUMNS:
        found = None
        for at in range(pos, min(pos + _HEADER_GLUE + 1, len(folded))):
            if not "\u4e00" <= folded[at] <= "\u9fff":
                break  # (glue is a word, no number nor mark)
            found = next((w for w in _column_words() if folded.startswith(w, at)), None)
            if found:
                pos = at
                break
        if found is None:
            break
        names.append(found)
        pos += len(found)
    return (names, pos) if folded.startswith("1", pos) else ([], pos)


def _numbered_spans(folded: str, pos: int) -> list[tuple[int, int, int]]:
    """(where the task opens, where the deadline opens, where it ends) of each row from
    ``pos``: row n's number, then the deadline row n + 1's number follows (the last row:
    its first deadline)."""

    def read_row(start: int, number: int):
        deadline, after = _closing_deadline(folded, start, number + 1)
        return None if deadline is None else ((start, *deadline), after)

    return _numbered_run(folded, pos, read_row)


def _closing_day(folded: str, after: int) -> bool:
    """Whether the number before ``after`` is the day of the date closing the text, not the
    next row's: "…2025年6月底前岚山镇…办公室2025年3月6日" after row 5 (round 40: tests/parsing/
    documents d410 run in; fixture styles/danhang_cunzhen.txt run in, 4 rows, signed on the
    5th)."""
    return folded[after : after + 1] in ("日", "号") and not folded[after + 1 :].strip()


def _closing_deadline(folded: str, start: int, following: int):
    """((start, end) of the deadline cell closing the row at ``start``, a bracket after it
    included; where the next row opens, None for the last row)."""
    first = None
    for hit in _CELL_DEADLINE.finditer(folded, start, start + _ROW_REACH):
        end = hit.end()
        if folded[end : end + 1] in ("（", "("):
            close = folded.find(")" if folded[end] == "(" else "）", end, end + _DEADLINE_NOTE)
            end = close + 1 if close > 0 else end
        after = end + len(str(following))
        numbered = folded.startswith(str(following), end)
        if numbered and not folded[after : after + 1].isdigit() and not _closing_day(folded, after):
            return (hit.start(), end), end
        first = first or (hit.start(), end)
    return first, None


def _rows_of_spans(text: str, folded: str, spans, columns, gazetteer) -> list[TableRow]:
    """The rows, each unit cell opening at the shortest end of its task-and-unit text with
    an administrative prefix of the level all rows share; none if no level is shared."""
    prefixed = [_prefixed_ends(folded[start:cut], gazetteer) for start, cut, _ in spans]
    shared = set.intersection(*(set(ends.values()) for ends in prefixed)) if spans else set()
    if len(shared) != 1:
        return []
    level = shared.pop()
    labels = [label for _, (role, label) in sorted(columns.items()) if role in _UNIT_ROLES]
    own = _own_place(folded, level)
    rows = []
    for number, ((start, cut, end), ends) in enumerate(zip(spans, prefixed, strict=True), 1):
        places = sorted(place for place, found in ends.items() if found == level)
        region = folded[start:cut]
        every = (places, sorted(ends))
        unit = start + _unit_cells_start(region, every, len(labels), gazetteer, own)
        row = TableRow(number=number, content=text[start:unit], line=1)
        cells = _unit_cells(text[unit:cut], len(labels), own and own + level)
        row.units = dict(zip(labels, cells, strict=False))
        row.deadline = text[cut:end]
        rows.append(row)
    return rows


_UNIT_ROLES = ("lead", "responsible")


def _prefixed_ends(region: str, gazetteer) -> dict[int, str]:
    """Each place in ``region`` (not its first character: a task precedes) where a name
    opens with its level's word alone as its prefix (县自然资源局, 镇规划建设办公室, 区民政局:
    a unit column leaves its place off), and that level. A place's name is not looked for:
    run together, a task's last words read as one ("…健康体检区卫生健康局": 体检区). A
    level's word within two characters after one that opens a name is inside that name, a
    name being longer than two characters but the level's committee (市委市政府办公室, fixture
    styles/bingbao_kongge.txt run in) ("…收运情况镇村镇建设服务中心镇环卫所": 镇 +
    村镇建设服务中心, not 镇村 | 镇建设服务中心; "…用工需求乡乡镇企业服务站": 乡 + 乡镇企业
    服务站, no 镇 level; round 40: tests/parsing/documents d410 run in, its 村镇建设 and 镇容
    bodies; fixture styles/danhang_cunzhen.txt run in, 乡镇企业)."""
    ends = {}
    inner = gazetteer.inner_level_heads
    for at in range(1, len(region) - 1):
        length = gazetteer.prefix_length(region[at:])
        level = gazetteer.level_of(region[at : at + length]) if length else None
        # (县委依法治县办: the 县 of 县办 is inside the name, gazetteer.inner_level_heads)
        if level and region.startswith(level, at) and not region.endswith(inner, 0, at):
            if at - 1 in ends or (
                at - 2 in ends and region[at - 2 : at] != gazetteer.committee(ends[at - 2])
            ):
                continue  # (inside the name a level's word just before opens)
            ends[at] = level
    return ends


def _unit_cells_start(
    region: str, places: tuple[list[int], list[int]], cells: int, gazetteer, own: str = ""
) -> int:
    """Where the first of ``cells`` unit cells opens in a row's task-and-unit text: the last
    place a name of the shared level opens, back over names listed before it (、), then for
    each cell more back over the name whose unit ending stands just before (区卫生健康局区财政
    局、各街道办事处: fixture styles/danhang_minsheng.txt run in, 牵头单位 and 配合单位). A name
    may print the plan's own place before its level (``own``: 桦溪县司法局 in a 县 table).
    ``places``: the places a name of the shared level opens, and those of every level."""
    shared, every = places
    at = _listed_start(region, shared, shared[-1], own)
    for _ in range(cells - 1):
        if not region[:at].endswith(gazetteer.name_endings):
            break
        before = [place for place in shared if place < at]
        if before:
            opens = _listed_start(region, shared, before[-1], own)
        else:
            # a cell of another level than the other rows' (市司法局 over a 县 table's
            # 县人民法院: round 29 leftovers, fixtures styles/place_danhang_huaxi.txt and
            # place_danhang_huaian.txt run in): the name of any level that ends where it opens
            other = [place for place in every if place < at]
            if not other:
                break
            opens = _listed_start(region, every, other[-1], own)
        if region.endswith(word_list("object_verbs"), 0, opens):
            break  # (the task's object: …并报县政府, its other cell empty)
        at = opens
    return at


def _listed_start(region: str, places: list[int], at: int, own: str = "") -> int:
    """``at``, or the opening of the first name of the list (、) it ends; before the plan's
    own place's name when the name prints it."""
    at = _with_own_place(region, at, own)
    while region[at - 1 : at] in ("、", ",", "，"):
        before = [place for place in places if place < at - 1]
        if not before:
            break
        at = _with_own_place(region, before[-1], own)
    return at


def _with_own_place(region: str, at: int, own: str) -> int:
    return at - len(own) if own and region.endswith(own, 0, at) else at


# A unit cell of a table run in may print its plan's place before the level that the other
# rows' names open with ("…全过程记录制度桦溪县司法局桦溪县公安局、县市场监管局" beside
# "…文件清理县司法局县直各有关部门": round 29 leftovers, fixtures styles/place_danhang_huaxi
# .txt and place_danhang_huaian.txt run in). That place is the one the plan's title opens
# with (桦溪县2026年…, 槐安区2026年…), a name of a few characters before its level's word.
_OWN_PLACE = 4  # characters of a place's name before its level's word, at most


def _own_place(folded: str, level: str) -> str:
    """The name of the place the plan's title opens with, its level ``level``, or ""."""
    head = folded.lstrip()[: _OWN_PLACE + len(level)]
    at = head.find(level)
    name = head[:at]
    return name if at > 0 and all("\u4e00" <= c <= "\u9fff" for c in name) else ""


def _spaced_cells(line: str) -> list[str]:
    content = line.strip(_LEADING_BLANKS)
    cells = [cell.strip() for cell in _CELL_GAP.split(content)]
    return [cell for cell in cells if cell] if len(cells) > 1 else []


def _cells(line: str) -> list[str]:
    if _BAR not in line:
        return []
    cells = [cell.strip() for cell in line.split(_BAR)]
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return cells


def _header_roles(cells: list[str]) -> dict[int, tuple[str, str]] | None:
    """Column index -> (role, header label) when this row is the header of a task table."""
    roles: dict[int, tuple[str, str]] = {}
    for index, cell in enumerate(cells):
        role = _column_role(cell)
        if role is _NOT_A_HEADER:
            return None
        if role:
            roles[index] = (role, cell)
    _one_number_column(roles)
    found = {role for role, _ in roles.values()}
    if not found & {"lead", "responsible"}:
        return None
    if "content" not in found:  # units by number: every column a number, units or a time
        return roles if "number" in found and len(roles) == len(cells) else None
    return _one_content_column(roles)


_NOT_A_HEADER = ""


def _column_role(cell: str) -> str | None:
    """The role a header cell names; None for another short cell, "" for a sentence."""
    folded = fold(cell).replace(" ", "")
    # (a short name may carry its gloss in brackets: "三级指标（评估内容）", round 39:
    # tests/parsing/documents d411, fixture styles/sanji_zhibiao_biao.txt "二级指标（分值）")
    if len(_HEADER_GLOSS.sub("", folded)) > _MAX_CELL:
        return _NOT_A_HEADER  # a header cell is a short name, not a sentence
    if folded.endswith(_category_endings()):
        return None  # (任务类别: a category, no content column)
    words = vocabulary()["table_columns"]
    role = next((role for role in _ROLES if any(w in folded for w in words[role])), None)
    return role or (_NOTE if any(w in folded for w in words[_NOTE]) else None)


@lru_cache(maxsize=1)
def _category_endings() -> tuple[str, ...]:
    return tuple(vocabulary()["table_category"]["endings"])


def _one_number_column(roles: dict[int, tuple[str, str]]) -> None:
    """A row's own number is its first number column's; a later column naming a number
    (省要点序号, 对应州方案序号: the item of the higher plan a row answers, "第3项") is a
    reference, read past as a remark: the rows keep their numbers, which may restart under
    each chapter row (round 35: tests/parsing/documents d397, fixture styles/
    shangji_xuhao_lie.txt)."""
    numbers = [index for index, (role, _) in roles.items() if role == "number"]
    for index in numbers[1:]:
        roles[index] = (_NOTE, roles[index][1])


def _one_content_column(roles: dict[int, tuple[str, str]]) -> dict[int, tuple[str, str]]:
    """With 重点任务 | 具体措施 both present, the last one holds the full text; the others
    are topics, read past (fixtures styles/shuzi_qingdan.txt, corpus 046)."""
    content = [index for index, (role, _) in roles.items() if role == "content"]
    for index in content[:-1]:
        roles[index] = (_TOPIC, roles[index][1])
    return roles


def _row(cells: list[str], columns: dict[int, tuple[str, str]], line: int) -> TableRow | None:
    row = TableRow(number=None, content="", line=line)
    for index, (role, label) in columns.items():
        cell = cells[index] if index < len(cells) else ""
        if role == "number":
            row.number, row.heading = _number_cell(fold(cell))
        elif role == "content":
            row.content = cell
        elif role == "deadline":
            row.deadline = cell or None
        elif role in (_TOPIC, _NOTE):
            continue
        else:
            row.units[label] = cell
    return row if row.content or _by_number(row) else None


# A 任务编号 cell that names a measure by its heading's numeral and its number ("（一）1",
# "（二）3": the measure 1 under section (一); "一、2": the measure 2 under chapter 一), as a
# 分工表 annexed to a plan whose measures name no units prints it (round 22: tests/parsing/
# documents d293, under sections; d294, under chapters; d312 and fixture styles/
# bianhao_zhangjie.txt, their numbers restarting in each chapter, where only the pair names
# one measure). Over a folded cell.
_HEADED_NUMBER = re.compile(
    r"(?:\((?P<section>[一二三四五六七八九十]{1,3})\)|(?P<chapter>[一二三四五六七八九十]{1,3})、)"
    r" ?(?P<number>\d{1,3})"
)


def _number_cell(cell: str) -> tuple[int | None, tuple[str, str] | None]:
    """A number cell's number, and the heading it is under when the cell names one."""
    if re.fullmatch(r"\d{1,3}", cell):
        return int(cell), None
    headed = _HEADED_NUMBER.fullmatch(cell)
    if headed is None:
        return None, None
    kind = "section" if headed["section"] else "chapter"
    return int(headed["number"]), (kind, headed[kind])


def _by_number(row: TableRow) -> bool:
    """A row of a table of units by number (序号 | 牵头单位 | 配合单位, no text column): it
    names the units of the measure of its number (round 10: tests/parsing/documents d83,
    fixture styles/shuiwu_annex.txt)."""
    return not row.content and row.number is not None and any(row.units.values())


def similarity(a: str, b: str) -> float:
    """Overlap of character bigrams, for matching a table row to a measure's text."""
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def _bigrams(text: str) -> set[str]:
    folded = re.sub(r"\W", "", fold(text))
    return {folded[i : i + 2] for i in range(len(folded) - 1)}


_MATCH = 0.6  # share of the shorter text's bigrams found in the other
_COMMON = 32  # rows; a bigram in more rows than this is not used to pick one


def apply_table_rows(measures: list[RawMeasure], rows: list[TableRow]) -> list[RawMeasure]:
    """Give measures the units of their table row; a plan that is only a table gets its
    measures from the rows.

    Each row's bigrams are computed once and indexed, so a measure is compared only with the
    rows it shares bigrams with: the work grows with the text, not with measures x rows."""
    if not rows:
        return measures
    if not measures:
        rows = [row for row in rows if row.content]  # a row by number holds no measure
        return [measure_from_row(position, row) for position, row in enumerate(rows, 1)]
    _apply_by_number(measures, rows)
    row_grams = [_bigrams(row.content) for row in rows]
    index: dict[str, list[int]] = {}
    for number, grams in enumerate(row_grams):
        for gram in grams:
            index.setdefault(gram, []).append(number)
    matched: set[int] = set()
    found = {}
    for number, measure in enumerate(measures):
        if not measure.attribution_raw:
            found[number] = _best_row(_bigrams(measure.text), row_grams, index)
    if _no_row_each(found, measures, rows):
        return measures
    for number, best in found.items():
        if best is not None:
            matched.add(best)
            measures[number].attribution_raw = rows[best].attribution()
            measures[number].deadline = measures[number].deadline or rows[best].deadline
    return measures + _rows_numbered_on(measures, rows, matched)


def _no_row_each(found: dict[int, int | None], measures: list[RawMeasure], rows) -> bool:
    """Whether the rows are no table of the body's items: none of the items names units, the
    table holds more tasks than the body has items, and an item matches no row or most rows
    match no item. The items then head the work the rows break down (二、主要任务 （一）建设
    一批法治文化公园。… over a 附表 of six tasks, two of which share an item's words): the rows
    are the measures (pipeline._rows_as_measures; round 19: tests/parsing/documents d257,
    fixture styles/fubiao_duoyu_tiaomu.txt). A 分工表 of the items (d160) matches each."""
    tasks = sum(1 for row in rows if row.content)
    if not len(found) == len(measures) < tasks:
        return False
    matched = {row for row in found.values() if row is not None}
    return len(matched) < len(found) or (tasks - len(matched)) * 2 > tasks


def _rows_numbered_on(
    measures: list[RawMeasure], rows: list[TableRow], matched: set[int]
) -> list[RawMeasure]:
    """The rows of a 分工表 that add tasks of their own after those that give the body's
    measures their units: numbered on from the body's last measure (6, 7 after 1.–5.), each
    a task sentence and its units, matching no measure (round 14: tests/parsing/documents
    d160, fixture styles/fujian_jiahang.txt). A row whose number the body has is that
    measure's, and one not numbered on (a 项目表's rows from 1) adds nothing."""
    if not all(measure.attribution_raw for measure in measures):
        return []  # (a body measure still without units: the rows are not the body's)
    added: list[RawMeasure] = []
    expected = max(measure.no for measure in measures) + 1
    for number, row in enumerate(rows):
        if row.number != expected or number in matched:
            continue
        if "。" not in row.content or not row.attribution():
            break
        added.append(measure_from_row(expected, row))
        expected += 1
    return added


def _apply_by_number(measures: list[RawMeasure], rows: list[TableRow]) -> None:
    """Measures that name no units take those of the row of their number in a table of
    units by number (_by_number): a bare number when the plan numbers each measure once, a
    heading's numeral and a number (_HEADED_NUMBER) when that pair names one measure."""
    numbered = {_row_key(row): row for row in rows if _by_number(row)}
    if not numbered:
        return
    named = Counter(key for measure in measures for key in _measure_keys(measure))
    if len({measure.no for measure in measures}) < len(measures):
        # numbers restart: a bare number names no one measure
        numbered = {key: row for key, row in numbered.items() if key[0] is not None}
    for measure in measures:
        if measure.attribution_raw:
            continue
        found = [numbered[key] for key in _measure_keys(measure) if key in numbered]
        if len(found) == 1 and named[_row_key(found[0])] == 1:
            measure.attribution_raw = found[0].attribution()
            measure.deadline = measure.deadline or found[0].deadline


def _row_key(row: TableRow) -> tuple:
    return (row.heading, row.number)


def _measure_keys(measure: RawMeasure) -> tuple[tuple, ...]:
    """The keys a row names this measure by: its number, bare or under its chapter or its
    section."""
    return (
        (None, measure.no),
        (("chapter", measure.chapter), measure.no),
        (("section", measure.section), measure.no),
    )


def _best_row(grams: set[str], row_grams: list[set[str]], index) -> int | None:
    """The row sharing the largest share of the shorter text's bigrams, if over _MATCH."""
    lists = (index.get(gram, ()) for gram in grams)
    # counted in C; a bigram most rows share tells none apart
    shared = Counter(chain.from_iterable(rows for rows in lists if len(rows) <= _COMMON))
    best, best_score = None, 0.0
    # (the Counter's order is the set's: of rows tied, a measure run into the next holding
    # both rows' words, the first wins, whatever the hash seed)
    for number, count in shared.items():
        score = count / min(len(grams), len(row_grams[number]))
        if score > best_score or (score == best_score and best is not None and number < best):
            best, best_score = number, score
    return best if best_score >= _MATCH else None


def measure_from_row(position: int, row: TableRow) -> RawMeasure:
    return RawMeasure(
        no=row.number or position,
        chapter=None,
        section=None,
        text=row.content,
        attribution_raw=row.attribution(),
        line=row.line,
        deadline=row.deadline,
        from_table=True,
    )
