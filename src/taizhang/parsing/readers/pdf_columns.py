"""Task tables a PDF prints without ruling lines: columns of aligned text.

Many plans arrive as PDFs whose 任务分工表 has no grid (or only a top and a bottom rule, as
a 三线表 has): 序号 / 任务内容 / 牵头单位 / 责任单位 / 完成时限 are aligned text, and a
cell wraps over several lines inside its column. Read line by line across the page, such a
table mixes its cells (a row's second line of 任务内容 beside the second line of 责任单位).
This module finds such a table by its header line and the alleys between its columns, and
prints each row as the ruled-grid reader does: cells joined with " | ", each cell's wrapped
lines joined again, a chapter row merged across the table as one cell, the header again
where the table goes on under it on the next page.

- The header: one line whose parts, set apart by more than 0.4 of a character's width, are
  each a short column name (printed spaced out or not: 序　号), among them a task column and
  a unit column (the words of data/structure.toml [table_columns], as the text reader's
  tables.py reads a header: tests/parsing/formats f01, f03, f05, f07 and f09–f12; documents
  d04, d16 and d22); a header cell wrapped over two lines is stacked into one.
- The columns: each header cell's centre; the lines below belong to the table while the
  text they cover, with the header's, leaves a blank alley between every two centres (a
  paragraph across the page fills the alleys and ends the table, as a chapter heading, a
  附件 line or a signature after a wide gap does; a line whose part under 序号 is no number
  ends it too). A line of one part across an alley (一、…, a chapter row) is kept as its own
  row when a numbered row follows it.
- The task column is the widest (a header-like line over a list with a hanging indent is
  no table: the list's text would stand under a unit column).
- The rows: a new row starts where the 序号 column holds a number; where rows are set
  apart by space and each holds one number, at the space (a 序号 centred down its row);
  with no 序号 column, where the lines stand further apart than a cell's wrapped lines.
- Pages: a table still open at the foot of a page goes on at the top of the next one, under
  its header printed again or without one (the same columns); a row broken by the page
  goes on too.

Bounded: a table has at most _MAX_COLUMNS columns and a line at most _MAX_PARTS parts (a
line of more is no table line); the reader's per-document time limit is checked per line.
"""

from __future__ import annotations

import itertools
import re
import statistics
from bisect import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import vocabulary

_SPLIT = 0.4  # character widths: a wider blank parts a line (a column's alley)
_MERGE = 0.2  # character widths: narrower gaps between two lines' parts are no alley
_END_GAP = 2.5  # character heights of blank between two lines: the table has ended
_ROW_GAP = 1.35  # times the table's line pitch: a space between rows
_MAX_COLUMNS = 8
_MAX_PARTS = 12
_MAX_HEADER_CELL = 8  # characters: a header cell is a short name, not a sentence
_ROLES = ("number", "content", "lead", "responsible", "deadline")

_SENTENCE_END = "。；！？;!?."
_NUMBER = re.compile(r"\d{1,3}[.、]?")
# A line that opens a chapter or an attachment is no cell's text (d16 and f03: 三、保障措施
# and 附件 under a table).
_HEADING = re.compile(r"[一二三四五六七八九十]{1,3}、|附件|第[一二三四五六七八九十]{1,3}[章节部分]")


@dataclass
class Part:
    x0: float
    x1: float
    text: str

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Line:
    """A visual line of a page: its text as a line-by-line read gives it, its parts set
    apart by blanks, and (fixed) whether it is a table's row already (never wrapped)."""

    top: float
    bottom: float
    text: str
    x1: float
    width: float  # the widest character's width
    size: float  # the font size (a full-width character's width)
    parts: list[Part] = field(default_factory=list)
    fixed: bool = False
    x0: float = 0.0


def parts_of(chars: list[dict], size: float) -> list[Part]:
    """The line's runs of characters, parted where a blank wider than _SPLIT characters
    stands between two of them (blank characters count as blank)."""
    parts: list[Part] = []
    blank = False
    for char in chars:
        text = char.get("text", "")
        if not text.strip():
            blank = True
            continue
        if parts and char["x0"] - parts[-1].x1 <= _SPLIT * size:
            last = parts[-1]
            latin = blank and last.text[-1:].isascii() and text.isascii()
            last.text += (" " if latin else "") + text
            last.x1 = max(last.x1, char["x1"])
        else:
            parts.append(Part(char["x0"], char["x1"], text))
        blank = False
    return parts


def _column_words() -> dict[str, list[str]]:
    return vocabulary()["table_columns"]


def header_roles(line: Line) -> list[str | None] | None:
    """Each part's column role when the line is a task table's header: two to
    _MAX_COLUMNS short parts, one naming the task and one naming units."""
    if line.fixed or not 2 <= len(line.parts) <= _MAX_COLUMNS:
        return None
    roles: list[str | None] = []
    for part in line.parts:
        folded = _folded(part.text)
        if len(folded) > _MAX_HEADER_CELL or _NUMBER.fullmatch(folded):
            return None
        roles.append(_role(folded))
    found = set(roles)
    if "content" not in found or not found & {"lead", "responsible"}:
        return None
    return roles


def _folded(text: str) -> str:
    return fold(text).replace(" ", "").replace("\u3000", "")


def _role(folded: str) -> str | None:
    words = _column_words()
    return next((role for role in _ROLES if any(w in folded for w in words[role])), None)


_SPACED_WORD = 3  # characters: a header word printed spaced out (序　号) spans no more


def _spaced_words(line: Line) -> Line:
    """The header's words printed with their characters spaced out (序　号, 完成　时限,
    重点　任务) as one part each: a short part that names no column is joined to the next
    one within three characters when that one names none either or the two together do."""
    parts: list[Part] = []
    for part in line.parts:
        last = parts[-1] if parts else None
        if (
            last is not None
            and part.x0 - last.x1 <= _SPACED_WORD * line.size
            and len(_folded(last.text)) <= _SPACED_WORD
            and len(_folded(part.text)) <= 2
            and _role(_folded(last.text)) is None
            and (
                _role(_folded(part.text)) is None
                or _role(_folded(last.text + part.text)) is not None
            )
        ):
            parts[-1] = Part(last.x0, part.x1, last.text + part.text)
        else:
            parts.append(part)
    if len(parts) == len(line.parts):
        return line
    return Line(line.top, line.bottom, line.text, line.x1, line.width, line.size, parts)


_HEADER_LINES = 3  # a header cell of two lines beside cells of one set half a line lower
_HEADER_SPAN = 2.2  # character heights from the header's first line to its last


def _header(flat, at: int) -> tuple[Line, list[str | None], int] | None:
    """The header that starts at line ``at``: (its cells as one line, their roles, the
    lines it takes). A header cell may wrap (牵头 over 单位 in a narrow column), and the
    one-line cells beside it then stand half a line lower: up to _HEADER_LINES lines within
    _HEADER_SPAN character heights are stacked, a part under another joined to it."""
    page, first = flat[at]
    if first.fixed or not first.parts or len(first.parts) > _MAX_PARTS:
        return None
    if any(len(part.text) > 2 * _MAX_HEADER_CELL for part in first.parts):
        return None  # a line of prose (the quick answer for most lines)
    merged = first
    for count in range(1, _HEADER_LINES + 1):
        if count > 1:
            if at + count - 1 >= len(flat):
                return None
            next_page, below = flat[at + count - 1]
            if (
                next_page != page
                or below.fixed
                or below.top - first.top > _HEADER_SPAN * first.size
            ):
                return None
            merged = _stacked(merged, below)
        header = _spaced_words(merged)
        roles = header_roles(header)
        if roles is not None:
            return header, roles, count
    return None


def _stacked(above: Line, below: Line) -> Line:
    """The parts of two lines as one line: a part under another (overlapping it across)
    is joined to it, the others set in beside it."""
    parts = [Part(part.x0, part.x1, part.text) for part in above.parts]
    for part in below.parts:
        over = next((p for p in parts if part.x0 < p.x1 and p.x0 < part.x1), None)
        if over is None:
            parts.append(Part(part.x0, part.x1, part.text))
        else:
            over.text += part.text
            over.x0, over.x1 = min(over.x0, part.x0), max(over.x1, part.x1)
    parts.sort(key=lambda part: part.x0)
    return Line(
        above.top, below.bottom, above.text, max(above.x1, below.x1), above.width, above.size, parts
    )


class _Columns:
    """The text a table covers, as merged x-intervals, and its header's centres."""

    def __init__(self, header: Line, roles: list[str | None]):
        self.header = header
        self.roles = roles
        self.size = header.size
        self.centres = [part.centre for part in header.parts]
        self.intervals: list[list[float]] = []
        self.intervals = self._with(header.parts)
        self.number = roles.index("number") if "number" in roles else None

    def _with(self, parts: list[Part]) -> list[list[float]]:
        spans = sorted([*self.intervals, *([p.x0, p.x1] for p in parts)])
        merged: list[list[float]] = []
        for x0, x1 in spans:
            if merged and x0 - merged[-1][1] <= _MERGE * self.size:
                merged[-1][1] = max(merged[-1][1], x1)
            else:
                merged.append([x0, x1])
        return merged

    def bounds(self, intervals: list[list[float]]) -> list[float] | None:
        """Where one column ends and the next begins: the widest alley between the text
        under two neighbouring header cells; None when a line filled one."""
        starts = [interval[0] for interval in intervals]
        owners = [max(0, bisect(starts, centre) - 1) for centre in self.centres]
        bounds = []
        for left, right in itertools.pairwise(owners):
            if left >= right:
                return None
            alleys = [
                (intervals[k + 1][0] - intervals[k][1], (intervals[k][1] + intervals[k + 1][0]) / 2)
                for k in range(left, right)
            ]
            bounds.append(max(alleys)[1])
        return bounds

    def fit(self, line: Line) -> list[float] | None:
        """The column bounds with the line added, or None when the line is no table line:
        it fills an alley, has too many parts, opens a heading, or holds no number under 序号."""
        if line.fixed or not line.parts or len(line.parts) > _MAX_PARTS:
            return None
        if len(line.parts) == 1 and _HEADING.match(fold(line.parts[0].text)):
            return None
        intervals = self._with(line.parts)
        if len(intervals) > 4 * len(self.centres):
            return None  # text strewn across the page is no table
        bounds = self.bounds(intervals)
        if bounds is None:
            return None
        if self.number is not None:
            for part in line.parts:
                if bisect(bounds, part.centre) == self.number and not self.is_number(part):
                    return None
        return bounds

    def add(self, line: Line) -> None:
        self.intervals = self._with(line.parts)

    @staticmethod
    def is_number(part: Part) -> bool:
        return bool(_NUMBER.fullmatch(fold(part.text).strip()))

    def has_number(self, line: Line, bounds: list[float]) -> bool:
        return self.number is not None and any(
            bisect(bounds, part.centre) == self.number and self.is_number(part)
            for part in line.parts
        )


@dataclass
class _Block:
    """A header and the lines under it (up to the next header printed again)."""

    columns: _Columns
    header_at: int
    header_lines: int = 1
    members: list[tuple[str, int]] = field(default_factory=list)  # ("line"|"chapter", index)


def read_columns(pages: list[list[Line]], check: Callable[[], None]) -> list[list[Line]]:
    """The pages' lines with every borderless task table's lines replaced by its rows
    (fixed lines: a header, a row of cells joined with " | ", a chapter row)."""
    flat = [(page, line) for page, lines in enumerate(pages) for line in lines]
    replaced: dict[int, Line | None] = {}
    index = 0
    while index < len(flat):
        check()
        header = _header(flat, index)
        if header is None:
            index += 1
            continue
        blocks, end = _collect(flat, index, header, check)
        rows = _rows(flat, blocks)
        if rows is None:
            # no table: the lines it took are read as lines, and a header among them is not
            # tried again (each line is looked at a bounded number of times)
            index = max(index + 1, end)
            continue
        replaced.update(rows)
        index = end
    if not replaced:
        return pages
    out: list[list[Line]] = [[] for _ in pages]
    for at, (page, line) in enumerate(flat):
        kept = replaced.get(at, line)
        if kept is not None:
            out[page].append(kept)
    return out


def _collect(flat, start: int, header, check) -> tuple[list[_Block], int]:
    """The blocks of the table whose header is at ``start``, and where the table ends."""
    line, roles, count = header
    blocks = [_Block(_Columns(line, roles), start, count)]
    previous_page, previous = flat[start + count - 1]
    pending = None  # a one-part line across an alley: a chapter row if a row follows
    at = start + count
    while at < len(flat):
        check()
        page, line = flat[at]
        columns = blocks[-1].columns
        new_page = page != previous_page
        if not new_page and line.top - previous.bottom > _END_GAP * columns.size:
            break
        again = _header(flat, at) if pending is None else None
        if again is not None:
            header_line, roles, count = again
            blocks.append(_Block(_Columns(header_line, roles), at, count))
            previous_page, previous = flat[at + count - 1]
            at += count
            continue
        bounds = columns.fit(line)
        if bounds is not None:
            if pending is not None:
                if columns.number is not None and not columns.has_number(line, bounds):
                    break
                blocks[-1].members.append(("chapter", pending))
                pending = None
            columns.add(line)
            blocks[-1].members.append(("line", at))
            previous_page, previous, at = page, line, at + 1
            continue
        if pending is None and not new_page and len(line.parts) == 1:
            pending = at
            previous_page, previous, at = page, line, at + 1
            continue
        break
    return blocks, (pending if pending is not None else at)


@dataclass
class _Row:
    at: int
    # per column, each part: ((page, top), x0, text)
    cells: list[list[tuple[tuple[int, float], float, str]]]


def _rows(flat, blocks: list[_Block]) -> dict[int, Line | None] | None:
    """Each member line's replacement: the row, header or chapter row it opens, or None
    (a line read into a row above it). None when no row has text in two columns."""
    replaced: dict[int, Line | None] = {}
    rows: list[_Row] = []
    current: _Row | None = None
    for block in blocks:
        columns = block.columns
        bounds = columns.bounds(columns.intervals) or []
        width = len(columns.centres)
        header = columns.header
        replaced[block.header_at] = _fixed(header, " | ".join(p.text for p in header.parts))
        for at in range(block.header_at + 1, block.header_at + block.header_lines):
            replaced[at] = None
        pitch = _pitch(flat, block)
        spaced = _spaced_starts(flat, block, bounds, pitch, continued=current is not None)
        previous: tuple[int, Line] | None = None
        for kind, at in block.members:
            page, line = flat[at]
            if kind == "chapter":
                replaced[at] = _fixed(line, line.parts[0].text)
                current = None
                previous = None
                continue
            numbered = columns.has_number(line, bounds)
            if columns.number is not None:
                starts = at in spaced if spaced is not None else numbered
            elif previous is None or previous[0] != page:
                # over a page (or a header printed again): a row goes on unless its task
                # cell has ended its sentence
                starts = current is None or _ended(current, columns.roles)
            else:
                starts = line.top - previous[1].top > _ROW_GAP * pitch
            if current is None or starts or len(current.cells) != width:
                current = _Row(at, [[] for _ in range(width)])
                rows.append(current)
            else:
                replaced[at] = None
            for part in line.parts:
                column = min(bisect(bounds, part.centre), width - 1)
                current.cells[column].append(((page, line.top), part.x0, part.text))
            previous = (page, line)
    if not any(sum(1 for cell in row.cells if cell) >= 2 for row in rows):
        return None
    if not _task_column_widest(flat, blocks):
        return None
    for row in rows:
        line = flat[row.at][1]
        replaced[row.at] = _fixed(line, " | ".join(_cell_text(cell) for cell in row.cells))
    return replaced


def _spaced_starts(flat, block: _Block, bounds, pitch: float, continued: bool) -> set[int] | None:
    """With a 序号 column whose rows are set apart by space: the lines that open a row,
    when every run of lines between two spaces holds one number (a 序号 centred down its
    row stands below the row's first line, where a number alone would start the row too
    late); None when the rows are not spaced so. A run goes on over a page unless the
    page's first line holds a number; the block's first run may hold none (a row that
    goes on under a header printed again)."""
    columns = block.columns
    runs: list[list[tuple[int, bool]]] = []
    gaps = False
    previous: tuple[int, Line] | None = None
    for kind, at in block.members:
        if kind == "chapter":
            previous = None
            runs.append([])
            continue
        page, line = flat[at]
        numbered = columns.has_number(line, bounds)
        if previous is None or not runs:
            new = not runs or not continued or numbered
        elif previous[0] != page:
            new = numbered
        else:
            new = line.top - previous[1].top > _ROW_GAP * pitch
            gaps = gaps or new
        if new:
            runs.append([])
        runs[-1].append((at, numbered))
        previous = (page, line)
    runs = [run for run in runs if run]
    if not gaps or not runs:
        return None
    counts = [sum(numbered for _, numbered in run) for run in runs]
    first = 1 if continued and counts[0] == 0 else 0
    if any(count != 1 for count in counts[first:]):
        return None
    return {run[0][0] for run in runs[first:]}


def _task_column_widest(flat, blocks: list[_Block]) -> bool:
    """Whether the task column's widest line is as wide as any other column's: a task
    table's units and deadlines are short next to its tasks (f01–f12, d04, d16, d22), where
    a header-like line over a list set with a hanging indent would have the list's text
    under a unit column."""
    for block in blocks:
        columns = block.columns
        bounds = columns.bounds(columns.intervals) or []
        if "content" not in columns.roles:
            continue
        task = columns.roles.index("content")
        widest = [0.0] * len(columns.centres)
        for kind, at in block.members:
            if kind != "line":
                continue
            for part in flat[at][1].parts:
                column = min(bisect(bounds, part.centre), len(widest) - 1)
                widest[column] = max(widest[column], part.x1 - part.x0)
        if widest[task] < max(widest):
            return False
    return True


def _ended(row: _Row, roles: list[str | None]) -> bool:
    """Whether the row's task cell ends a sentence (its text so far: 。；!? last)."""
    column = roles.index("content") if "content" in roles else 0
    if column >= len(row.cells):
        return True
    return _cell_text(row.cells[column]).endswith(tuple(_SENTENCE_END))


def _pitch(flat, block: _Block) -> float:
    """The distance from one line of the table to the next within a cell: the least step
    between two following lines on a page (at least half a character)."""
    steps = []
    lines = [flat[at] for kind, at in block.members if kind == "line"]
    for (page_a, a), (page_b, b) in itertools.pairwise(lines):
        if page_a == page_b and b.top - a.top > 0.5 * block.columns.size:
            steps.append(b.top - a.top)
    return min(steps) if steps else block.columns.size * 1.5


def _cell_text(parts: list[tuple[tuple[int, float], float, str]]) -> str:
    """A cell's parts in reading order (top, then left), its lines joined again; two parts
    of one line (units set apart by a blank: 市发改委　市财政局) keep a blank between them."""
    lines: list[str] = []
    top = None
    for at, _, text in sorted(parts):
        if lines and at == top:
            lines[-1] += " " + text.strip()
        else:
            lines.append(text)
        top = at
    return join_wrapped(lines)


def join_wrapped(lines: Iterable[str]) -> str:
    """A cell's wrapped lines joined again: with no space between Chinese characters or
    digits (a number the cell's edge broke: 3|0家), with one before a Latin word."""
    text = ""
    for part in lines:
        part = part.strip()
        if text and part and text[-1].isascii() and text[-1].isalpha() and part[0].isascii():
            text += " "
        text += part
    return text


def _fixed(line: Line, text: str) -> Line:
    return Line(line.top, line.bottom, text, line.x1, line.width, line.size, [], fixed=True)


def median_size(chars: list[dict], fallback: float) -> float:
    sizes = [char.get("size") or 0 for char in chars if char.get("text", "").strip()]
    sizes = [size for size in sizes if size > 0]
    return statistics.median(sizes) if sizes else fallback
