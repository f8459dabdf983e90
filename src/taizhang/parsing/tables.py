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
from itertools import chain

from taizhang.parsing.normalize import fold
from taizhang.parsing.structure import RawMeasure
from taizhang.parsing.vocabulary import vocabulary

_SEPARATOR = " | "
_BAR = _SEPARATOR.strip()  # a line holding no bar holds no cells
_ROLES = ("number", "content", "lead", "responsible", "deadline")
_MAX_COLUMNS = 8
_MAX_CELL = 8  # characters: a header cell is a short name, not a sentence
_TOPIC = "topic"  # a short content column before the full one: 重点任务 before 具体措施


@dataclass
class TableRow:
    number: int | None
    content: str
    units: dict[str, str] = field(default_factory=dict)  # header label -> cell, as printed
    deadline: str | None = None
    line: int = 0

    def attribution(self) -> str | None:
        """The unit cells as a labelled attribution: "牵头单位:X;责任单位:Y"."""
        parts = [f"{label}:{cell}" for label, cell in self.units.items() if cell]
        return ";".join(parts) or None


def find_table_rows(text: str, folded: str | None = None) -> list[TableRow]:
    """Rows of every task table in the text that names at least one unit column: rows
    printed on one line (cells joined with " | "), or one cell per line (``folded``:
    ``fold(text)`` when the caller has it)."""
    joined = _joined_rows(text) if _BAR in text else []
    if joined:
        return joined
    folded = fold(text) if folded is None else folded
    names = _number_names(folded)
    if not names:  # every other kind of table is found from a number column's name
        return []
    spaced = _spaced_rows(text, names)
    if spaced:
        return spaced
    if "\n" not in text.strip():
        run_in = _run_in_spaced_rows(text, names) or _run_in_flat_rows(text, folded, names)
        if run_in:
            return run_in
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


def _has_number_cell(text: str, names: list[re.Match[str]]) -> bool:
    """Whether a line is a number column's header cell (序号), as _flattened_rows reads a
    cell: a table copied one cell per line has one; without one, no line need be looked at.
    Prose naming the word ("统一编号") is passed over without reading every line."""
    for found in names:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        cell = text[start : len(text) if end < 0 else end].strip()
        if _is_short(cell) and _column_role(cell) == "number":
            return True
    return False


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
            row = _row(cells, columns, number)
            if row:
                rows.append(row)
    return rows


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


def _is_short(cell: str) -> bool:
    """A cell short enough to be a header cell (blanks aside), told without folding it."""
    return len(cell) - sum(cell.count(blank) for blank in " \u3000\u00a0") <= _MAX_CELL


def _flattened_header(cells, start) -> dict[int, tuple[str, str]] | None:
    """The run of header cells from ``start`` (each names a column), when it makes a task
    table header with a number column."""
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
            values.append(cells[i][1])
            i += 1
        row = _row([cell, *values], {0: ("number", ""), **dict(enumerate(ordered, 1))}, line)
        if row:
            rows.append(row)
    return rows


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
    for found in names:
        start = text.rfind("\n", 0, found.start()) + 1
        if text[start : found.start()].strip(_LEADING_BLANKS) or not _CELL_GAP.match(
            text, found.end()
        ):
            continue
        end = _line_end(text, start)
        columns = _header_roles(_spaced_cells(text[start:end]))
        line = text.count("\n", 0, start) + 1
        while columns and end < len(text):
            start, end, line = end + 1, _line_end(text, end + 1), line + 1
            cells = _spaced_cells(text[start:end])
            if len(cells) < 2:
                break
            row = _row(cells, columns, line)
            if row:
                rows.append(row)
    return rows


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _run_in_spaced_rows(text: str, names: list[re.Match[str]]) -> list[TableRow]:
    """A table of gapped cells in a copy printed run-in: its rows run together, each row's
    last cell glued to the next row's number ("…区市场监管局  2024年9月底前2  开展…":
    tests/parsing/documents d16 and d22 with their line breaks removed). The header gives
    the number of columns; each row is that many cells, the number peeled off the cell
    before it; the last row's last cell ends where the next numbered heading starts."""
    for found in names:
        if not _CELL_GAP.match(text, found.end()):
            continue
        cells = [cell.strip() for cell in _CELL_GAP.split(text[found.start() :])]
        header, first = _run_in_header(cells)
        if header is None:
            continue
        return _run_in_body(cells, header, first)
    return []


_TRAILING_NUMBER = re.compile(r"(.*?)(\d{1,3})$", re.S)
# Where the text after a table's last cell starts: a numbered heading (三、, (一), 第…).
_NEXT_HEADING = re.compile(
    r"[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\)|第[一二三四五六七八九十]"
)


def _run_in_header(cells: list[str]):
    """The header's column roles and where the first row's cells start, or (None, 0)."""
    for size in range(3, min(_MAX_COLUMNS, len(cells)) + 1):
        last = _TRAILING_NUMBER.fullmatch(cells[size - 1])
        if last is None or last.group(2) != "1":
            continue
        names = [*cells[: size - 1], last.group(1)]
        if not all(_is_short(name) and _column_role(name) for name in names):
            return None, 0
        header = _header_roles(names)
        if header and any(role == "number" for role, _ in header.values()):
            cells[size - 1] = last.group(1)
            return header, size
    return None, 0


def _run_in_body(cells: list[str], columns, first: int) -> list[TableRow]:
    width = len(columns)
    rows: list[TableRow] = []
    i, number = first, 1
    while i + width - 1 <= len(cells):
        row_cells = [str(number), *cells[i : i + width - 1]]
        last = row_cells[-1]
        following = _TRAILING_NUMBER.fullmatch(last)
        if following and int(following.group(2)) == number + 1:
            row_cells[-1] = following.group(1)
        else:
            heading = _NEXT_HEADING.search(fold(last), 1)
            row_cells[-1] = last[: heading.start()] if heading else last
        row = _row(row_cells, columns, 1)
        if row is None:
            break
        rows.append(row)
        if not (following and int(following.group(2)) == number + 1):
            break
        i, number = i + width - 1, number + 1
    return rows


def _run_in_flat_rows(text: str, folded: str, names: list[re.Match[str]]) -> list[TableRow]:
    """A one-cell-per-line table printed run-in: nothing parts its cells ("序号重点任务牵头单位
    责任单位完成时限1完成30台…锅炉。市生态环境局市发展改革委、…人民政府2024年10月底前2推进…":
    tests/parsing/documents d04 and fixture styles/zhizao_table.txt with their line breaks
    removed). The header is its column names one after another; a row is its number, the
    task up to a sentence end followed by a unit, the unit cells, and a deadline followed
    by the next number. Two unit cells are parted where a name ends and another starts
    with no 、 between them."""
    for found in names:
        names, pos = _run_in_header_names(folded, found.start())
        header = _header_roles(names) if len(names) >= 3 else None
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
)
_NAME_START = "市县区州省各某中国人"  # 人: 人行某市中心支行
_PLACE_ENDINGS = ("市", "县", "区")
_ROW_REACH = 400  # characters of one row


def _run_in_flat_body(text: str, folded: str, pos: int, columns) -> list[TableRow]:
    roles = [role for _, (role, _) in sorted(columns.items())]
    if roles[1:2] != ["content"] or roles[-1] != "deadline":
        return []
    unit_labels = [
        label for _, (role, label) in sorted(columns.items()) if role in ("lead", "responsible")
    ]
    rows: list[TableRow] = []
    number = 1
    while folded.startswith(str(number), pos):
        start = pos + len(str(number))
        if folded[start : start + 1].isdigit():
            break
        content_end = _content_end(folded, start)
        if content_end < 0:
            break
        deadline, after = _row_deadline(folded, content_end, number + 1)
        if deadline is None:
            break
        units = _unit_cells(text[content_end : deadline.start()], len(unit_labels))
        row = TableRow(number=number, content=text[start:content_end], line=1)
        row.units = dict(zip(unit_labels, units, strict=False))
        row.deadline = text[deadline.start() : deadline.end()]
        rows.append(row)
        if after is None:
            break
        pos, number = after, number + 1
    return rows


def _content_end(folded: str, start: int) -> int:
    """Just after the task's sentence end that a unit name follows, or -1."""
    stop = folded.find("。", start, start + _ROW_REACH)
    while stop >= 0:
        if folded[stop + 1 : stop + 2] and folded[stop + 1] in _NAME_START:
            return stop + 1
        stop = folded.find("。", stop + 1, start + _ROW_REACH)
    return -1


def _row_deadline(folded: str, start: int, following: int):
    """The deadline cell ending the row, and where the next row starts (None: the last)."""
    last = None
    for hit in _CELL_DEADLINE.finditer(folded, start, start + _ROW_REACH):
        if folded.startswith(str(following), hit.end()):
            return hit, hit.end()
        last = last or hit
    return last, None


def _unit_cells(region: str, count: int) -> list[str]:
    """The unit cells of a row run together: cut where a name ends and the next starts."""
    if count < 2:
        return [region]
    endings = tuple(e for e in vocabulary()["unit_endings"] if e not in _PLACE_ENDINGS)
    name_start = region.rfind("、", 0, 1) + 1
    for i in range(1, len(region)):
        if region[i - 1] == "、":
            name_start = i
            continue
        name = region[name_start:i]
        if len(name) >= 3 and name.endswith(endings) and region[i] in _NAME_START:
            return [region[:i], region[i:]]
    return [region, ""]


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
    found = {role for role, _ in roles.values()}
    if "content" not in found or not found & {"lead", "responsible"}:
        return None
    return _one_content_column(roles)


_NOT_A_HEADER = ""


def _column_role(cell: str) -> str | None:
    """The role a header cell names; None for another short cell, "" for a sentence."""
    folded = fold(cell).replace(" ", "")
    if len(folded) > _MAX_CELL:
        return _NOT_A_HEADER  # a header cell is a short name, not a sentence
    words = vocabulary()["table_columns"]
    return next((role for role in _ROLES if any(w in folded for w in words[role])), None)


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
            row.number = int(cell) if re.fullmatch(r"\d{1,3}", fold(cell)) else None
        elif role == "content":
            row.content = cell
        elif role == "deadline":
            row.deadline = cell or None
        elif role == _TOPIC:
            continue
        else:
            row.units[label] = cell
    return row if row.content else None


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
        return [measure_from_row(position, row) for position, row in enumerate(rows, 1)]
    row_grams = [_bigrams(row.content) for row in rows]
    index: dict[str, list[int]] = {}
    for number, grams in enumerate(row_grams):
        for gram in grams:
            index.setdefault(gram, []).append(number)
    for measure in measures:
        if measure.attribution_raw:
            continue
        best = _best_row(_bigrams(measure.text), row_grams, index)
        if best is not None:
            measure.attribution_raw = rows[best].attribution()
            measure.deadline = measure.deadline or rows[best].deadline
    return measures


def _best_row(grams: set[str], row_grams: list[set[str]], index) -> int | None:
    """The row sharing the largest share of the shorter text's bigrams, if over _MATCH."""
    lists = (index.get(gram, ()) for gram in grams)
    # counted in C; a bigram most rows share tells none apart
    shared = Counter(chain.from_iterable(rows for rows in lists if len(rows) <= _COMMON))
    best, best_score = None, 0.0
    for number, count in shared.items():
        score = count / min(len(grams), len(row_grams[number]))
        if score > best_score:
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
