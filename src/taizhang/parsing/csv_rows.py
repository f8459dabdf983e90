"""A task table exported from a spreadsheet as CSV lines ("序号,重点任务,牵头单位,配合单位,完成时限"
over "1,改造…。,县商务局,\"县交通运输局,县邮政分公司\",2025年12月底前"): its cells are parted by
tabs, as a table pasted from Word or Excel is, so the table's reader reads its rows (round 25:
tests/parsing/documents d340, fixture styles/csv_fengong.txt). A quoted cell keeps its inner
commas (units parted by ",") and its quotes, which the table's reader reads (round 28: a cell
over lines); line for line, so a wrapped copy's rows are joined by its wrap as a tab table's
are; a copy printed run in has its numbered table tab-parted up to the row after which no
number follows, its cells unquoted (d340 run in, fixture styles/csv_fengong_xuhao.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.normalize import fold, folded_from, printed_run_in
from taizhang.parsing.vocabulary import vocabulary

_MAX_CELL = 8  # characters: a header cell is a short name, not a sentence (as tables.py)
_MAX_COLUMNS = 8  # cells of a header, at most (as tables.py)
_ROW_START = re.compile(r"[ \u3000]*\d{1,3},")  # a numbered row's first cell
_ROW_LINES = 4  # lines a wrap breaks a row over, at most
_SENTENCE_END = re.compile(r".*[。：:；;）)]", re.S)  # run in: the sentence before a header
_HEADER_REACH = 200  # characters of a run-in header around its unit column, at most


@lru_cache(maxsize=1)
def _unit_cells() -> tuple[re.Pattern[str], frozenset[str]]:
    """(a cell after a comma, as long as a unit column's name and opening with the first
    character of one, in any printing (牽頭單位: a traditional copy of d340), before a comma
    or a line break; the names). One scan opened on the literal ","; an alternation of every
    name after it cost ten times as much on a text of many ASCII commas, as did ten str.find."""
    words = vocabulary()["table_columns"]
    names = frozenset({*words["lead"], *words["responsible"]})
    forms = folded_from()
    firsts = "".join(sorted({char for name in names for char in name[0] + forms.get(name[0], "")}))
    shortest, longest = min(map(len, names)) - 1, max(map(len, names)) - 1
    cell = f",[{firsts}][^,\n]{{{shortest},{longest}}}(?=[,\n]|$)"
    return re.compile(cell), names


def _unit_columns(text: str) -> list[int]:
    """The place of the comma before each unit column's name a CSV header may hold
    (",牵头单位," or ",责任单位" ending its line), in order; an attribution "…,责任单位:X"
    holds none."""
    pattern, names = _unit_cells()
    return [cell.start() for cell in pattern.finditer(text) if fold(cell.group()[1:]) in names]


def csv_rows_as_tabs(text: str) -> str:
    """``text`` with each CSV task table's cells parted by tabs; a text with no CSV header
    naming a unit column is returned as it is (one scan, opened on a literal)."""
    columns = _unit_columns(text) if "," in text else []
    if not columns:
        return text
    if printed_run_in(text):
        return _run_in_tabbed(text, columns[0])
    lines = text.split("\n")
    done = -1  # the last line of the last table tab-parted
    for comma in columns:
        index = text.count("\n", 0, comma)  # (headers are few: no table of lines)
        width = _header_width(lines[index]) if index > done else 0
        if width:
            done = _tabbed_block(lines, index, width)
    return "\n".join(lines) if done >= 0 else text


def _header_width(line: str) -> int:
    """The number of cells of a CSV header line (every cell a column's name, one a unit
    column's), else 0."""
    cells = [cell.strip(" \u3000") for cell in line.split(",")]
    return len(cells) if len(cells) > 2 and all(map(_is_column, cells)) else 0


def _tabbed_block(lines: list[str], header: int, width: int) -> int:
    """Tabs for the separators of the header at ``header`` and of the rows under it, up to a
    blank line or a line that opens no row after a whole one; the index of its last line."""
    lines[header], _, _ = _tabbed(lines[header], False)
    separators, quoted = width - 1, False
    index = header + 1
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            break
        if separators >= width - 1 and not quoted:  # a whole row above
            if _opens_row(lines, index, width):
                separators = 0
            elif not _rest_of_last_cell(lines, index, width):
                break
        lines[index], parted, quoted = _tabbed(line, quoted)
        separators += parted
        index += 1
    return index - 1


def _rest_of_last_cell(lines: list[str], index: int, width: int) -> bool:
    """Whether the line at ``index``, after a whole row, is the rest of its last cell a wrap
    broke off ("…,2025年9月" over "底前"): it holds no separator and the line after it opens
    the next row (fixture styles/csv_fengong.txt hard-wrapped at 30)."""
    return "," not in lines[index] and _opens_row(lines, index + 1, width)


def _opens_row(lines: list[str], index: int, width: int) -> bool:
    """A row opens with its number ("1,…"), or, in a table without one, its cells end on a
    line within a few, holding exactly the header's separators (a wrap breaks a row over
    lines; prose with ASCII commas seldom ends a line on just that count)."""
    if index >= len(lines):
        return False
    if _ROW_START.match(lines[index]):
        return True
    separators, quoted = 0, False
    for line in lines[index : index + _ROW_LINES]:
        if "," not in line and not quoted:
            return False  # (every line of a row a wrap broke holds a separator or a quote)
        _, parted, quoted = _tabbed(line, quoted)
        separators += parted
        if separators >= width - 1 and not quoted:
            return separators == width - 1
    return False


def _tabbed(line: str, quoted: bool) -> tuple[str, int, bool]:
    """(the line with its unquoted commas as tabs, the commas turned, whether a quoted cell
    is still open at its end). A quoted cell keeps its quotes, doubled ones inside included:
    the tab table's reader reads them as it reads an Excel paste's, a cell over several lines
    too ("开展…。\n全年入库…。": d45), so a cell's own line break (RFC 4180: '3,"开展…，' over
    '评选""美丽庭院""…。",镇妇联,…', fixture styles/csv_huanhang.txt; d340 with a task cell
    so printed) leaves its row whole, and a wrapped line keeps the width it was wrapped at
    (round 28; the quotes dropped, "…,2025年1" over "1月底前" fell short of the margin at 24)."""
    if '"' not in line and not quoted:
        return line.replace(",", "\t"), line.count(","), False
    out = list(line)
    parted, at = 0, 0
    while at < len(line):
        if line[at] == '"':
            doubled = quoted and line.startswith('"', at + 1)
            quoted = quoted if doubled else not quoted
            at += 1 if doubled else 0
        elif line[at] == "," and not quoted:
            out[at] = "\t"
            parted += 1
        at += 1
    return "".join(out), parted, quoted


def _cells(text: str, quoted: bool = False):
    """Each cell of run-in CSV text from its start: (the cell without its CSV quotes — a
    quote inside a quoted cell is doubled —, where the comma closing it stands or None for
    the last, whether a quoted cell is open after it)."""
    cell: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char == '"' and quoted and text.startswith('"', at + 1):
            cell.append('"')
            at += 1
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            yield "".join(cell), at, quoted
            cell = []
        else:
            cell.append(char)
        at += 1
    yield "".join(cell), None, quoted


def _is_column(cell: str) -> bool:
    """Whether a cell is a column's name (short, naming a role of table_columns)."""
    words, cell = vocabulary()["table_columns"], fold(cell)
    return 0 < len(cell) <= _MAX_CELL and any(n in cell for role in words.values() for n in role)


def _run_in_tabbed(text: str, unit_column: int) -> str:
    """A copy printed run in (one line): the CSV table whose header names a unit column at
    ``unit_column`` tab-parted, for the run-in table reader ("…如下表。序号,…,完成时限1,改造…,
    2025年12月底前2,建设…": d340 and fixture styles/csv_fengong_xuhao.txt run in). Only a
    numbered table: each row's first separator follows the number its row runs into the cell
    before, so the parting stops at the first that follows none (the text after the table)."""
    head = _run_in_header_start(text, unit_column)
    if head is None:
        head = _run_in_unnumbered_start(text, unit_column)
        return text if head is None else _run_in_unnumbered_tabbed(text, head)
    cells = text[head : head + _HEADER_REACH].split(",")
    width = next((i for i, cell in enumerate(cells) if not _is_column(cell)), 0)
    if width < 3 or not _ends_in_number(cells[width - 1]):
        return text  # (the last header cell runs into the first row's number: 完成时限1)
    out: list[str] = []
    cell_at = head  # where the cell being read opens
    for separators, (cell, comma, _) in enumerate(_cells(text[head:]), start=1):
        if comma is None:
            break
        row_start = separators >= width and (separators - width) % (width - 1) == 0
        if row_start and not _ends_in_number(cell):
            break
        out += [cell, "\t"]
        cell_at = head + comma + 1
    # (the cell the parting stopped in, and the rest, as printed)
    return text[:head] + "".join(out) + text[cell_at:]


def _ends_in_number(cell: str) -> bool:
    """Whether a run-in cell ends in the next row's number (1 to 3 digits: 完成时限1, …底前2)."""
    return 0 < len(cell) - len(cell.rstrip("0123456789")) <= 3


def _run_in_header_start(text: str, unit_column: int) -> int | None:
    """Where a run-in CSV header opens: back from its unit column over its column names, the
    first (a number column's: 序号) glued to the sentence before it; None for another."""
    opens, start = _first_header_cell(text, unit_column)
    cell = text[opens:start]
    opening = _SENTENCE_END.match(cell)
    at = opens + (opening.end() if opening else 0)
    numbered = any(n in fold(text[at:start]) for n in vocabulary()["table_columns"]["number"])
    return at if numbered and _is_column(text[at:start]) else None


def _first_header_cell(text: str, unit_column: int) -> tuple[int, int]:
    """(where the cell holding a run-in header's first name opens, its comma): back from the
    unit column over the column names, to the cell glued to the text before the header."""
    start = unit_column
    while True:
        reach = max(0, start - _HEADER_REACH)  # (a cell is read no further back)
        comma = text.rfind(",", reach, start)
        opens = comma + 1 if comma >= 0 else reach
        if comma < 0 or not _is_column(text[opens:start]):
            return opens, start
        start = comma


# A table with no number column printed run in (round 28: fixtures styles/csv_fengong.txt and
# styles/csv_wuxuhao.txt run in): its header's first name is glued to the text before it, its
# last (the deadline column's) to the first row's first cell, and each row's last cell, its
# deadline, to the next row's first: a row is whole when the cell closing it opens with a
# deadline, and the parting stops after the last whole row (the text after it as printed).


def _run_in_unnumbered_start(text: str, unit_column: int) -> int | None:
    """Where a run-in CSV header with no number column opens: at the longest column name the
    text before its second name ends with (…一、重点任务牵头单位,工作任务,…: 牵头单位)."""
    opens, start = _first_header_cell(text, unit_column)
    folded = fold(text[opens:start])
    words = vocabulary()["table_columns"].values()
    ending = max((n for role in words for n in role if folded.endswith(n)), key=len, default="")
    return start - len(ending) if ending and start > opens else None


def _run_in_unnumbered_tabbed(text: str, head: int) -> str:
    """The run-in CSV table at ``head`` with no number column tab-parted up to its last whole
    row; ``text`` as it is if no row is whole."""
    from taizhang.parsing.tables import cell_deadline_end  # (tables reads the layout's text)

    cells = list(_cells(text[head:]))
    width = _glued_header_width(cells)
    whole = width - 1  # the cell closing the last whole row (the header's, first)
    for index in range(2 * width - 2, len(cells), width - 1) if width >= 3 else ():
        if not cell_deadline_end(cells[index][0]):
            break
        whole = index
    if width < 3 or whole == width - 1:
        return text
    comma = cells[whole][1]
    parted = "\t".join(cell for cell, _, _ in cells[: whole + 1])
    return text[:head] + parted + ("" if comma is None else text[head + comma :])


def _glued_header_width(cells: list) -> int:
    """The number of columns of a run-in header with no number column: names up to the
    deadline column's, glued to the first row's first cell (完成时限区商务局); 0 for none."""
    deadlines = vocabulary()["table_columns"]["deadline"]
    for index, (cell, _, _) in enumerate(cells[:_MAX_COLUMNS]):
        folded = fold(cell)
        name = max((n for n in deadlines if folded.startswith(n)), key=len, default="")
        if name and len(folded) > len(name):
            return index + 1
        if not _is_column(cell):
            return 0
    return 0
