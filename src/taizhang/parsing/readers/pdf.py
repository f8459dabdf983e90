"""A PDF's text layer -> plain text, page by page.

Page-number lines (— 3 —, 第3页 共10页) are dropped, and a visual line that runs to the
right margin without closing punctuation is joined to the next one, so a paragraph that
the PDF wrapped becomes one line again, as in the source document.

A ruled table (a 任务分工表 printed as a grid) is read cell by cell: each row becomes one
line, its cells joined with " | " as the .docx and HTML readers print a row, each cell's
wrapped lines joined again. Read as lines, its cells' lines interleave (a row's second
line of 重点任务 sits beside the second line of 责任单位), and no row can be told apart
(tests/parsing/formats.py f05, a table alone; f07, a table under body text).

A table printed without rules (or with only a top and a bottom rule) is read by its aligned
columns into the same rows (readers/pdf_columns.py: f09–f12), once every page's lines are in,
so that a table goes on over a page.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import time

from taizhang.parsing.errors import InputError
from taizhang.parsing.layout import starts_item
from taizhang.parsing.metadata.signature import is_date_only
from taizhang.parsing.normalize import fold
from taizhang.parsing.readers.config import compile_lines, limit, reading_config
from taizhang.parsing.readers.pdf_columns import (
    Line,
    join_wrapped,
    median_size,
    parts_of,
    read_columns,
)

_MARGIN_SLACK = 1.5  # a line ending within this many character widths of the margin wraps
_INDENT = 2.5  # character widths: a paragraph's first line is indented two characters


def pdf_to_text(data: bytes, name: str) -> str:
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer is chatty on odd files
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            visual = _bounded_lines(pdf, name)
    except InputError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on damaged files
        raise InputError(
            f"{name} is not a readable PDF ({type(error).__name__}); save it again as PDF or "
            "supply the plan as .docx or .txt.",
            reason="damaged",
        ) from error
    text = _unwrap(visual)
    if not text.strip():
        raise InputError(
            f"{name} has no text layer (it is probably a scanned image); run it through OCR or "
            "supply the plan as .docx or .txt.",
            reason="pdf_no_text",
        )
    return text


def _bounded_lines(pdf, name: str) -> list[tuple[str, bool]]:
    """Every page's lines, refusing a PDF past the page or time limit (checked per page,
    and the page count before any page is read; per line while tables without rules are
    looked for)."""
    from pdfminer.pdfpage import PDFPage

    most = limit("pdf_max_pages")
    if sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), most + 1)) > most:
        raise InputError(
            f"{name} has more than {most} pages; supply the plan itself.",
            reason="pdf_too_many_pages",
        )
    deadline = time.monotonic() + limit("pdf_max_seconds")

    def in_time() -> None:
        if time.monotonic() > deadline:
            raise InputError(
                f"reading {name} took longer than {limit('pdf_max_seconds')} seconds; supply "
                "the plan as .docx or .txt.",
                reason="pdf_too_slow",
            )

    pages = []
    for page in pdf.pages:
        in_time()
        pages.append((page.width, _page_lines(page)))
        page.close()  # pdfplumber keeps each page's objects until closed
    read = read_columns(_without_running_lines([lines for _, lines in pages]), in_time)
    visual = []
    for (width, _), lines in zip(pages, read, strict=True):
        visual += _placed(width, lines)
    return visual


def _page_lines(page) -> list[Line]:
    """The page's visual lines (page numbers dropped), a ruled table's rows among them as
    fixed lines, where they stand on the page, in order from the top."""
    tables = [table for table in _find_tables(page) if _is_grid(table)]
    rows = [
        Line(top, top, row, 0.0, 0.0, 0.0, fixed=True)
        for table in tables
        for top, row in _table_rows(table)
    ]
    text_page = page
    for table in tables:
        text_page = text_page.outside_bbox(table.bbox)
    lines = []
    for found in text_page.extract_text_lines(layout=False, return_chars=True):
        if not found["text"].strip():
            continue
        chars = found.get("chars") or []
        width = _char_width(found)
        size = median_size(chars, width)
        lines.append(
            Line(
                found["top"],
                found["bottom"],
                found["text"].strip(),
                found["x1"],
                width,
                size,
                parts_of(chars, size),
                x0=found["x0"],
            )
        )
    kept = _drop_page_numbers(lines)
    # a ruled row before a line of the same top (as the rows were placed before)
    return sorted([*rows, *kept], key=lambda line: (line.top, not line.fixed))


_RUNNING_PAGES = 3  # pages at least, for a line at the head or foot of each to be furniture


def _without_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without a running head or foot that is not a page number (某县人民政府
    办公室印发 at the foot of every page): a line of one part, first or last on its page,
    printed alike (its digits aside) on two pages of three at least. Between a table's
    pages it would end the table (tests/parsing/test_pdf_columns.py, two tables: 教育 and
    乡村振兴, a foot with a date in it)."""
    if len(pages) < _RUNNING_PAGES:
        return pages
    counts: dict[tuple[int, str], int] = {}
    for lines in pages:
        for end, line in _page_ends(lines):
            key = (end, re.sub(r"\d+", "#", line.text))
            counts[key] = counts.get(key, 0) + 1
    least = -(-2 * len(pages) // 3)  # two pages of three, rounded up
    running = {key for key, count in counts.items() if count >= least}
    if not running:
        return pages
    return [
        [
            line
            for line in lines
            if not any(
                end_line is line and (end, re.sub(r"\d+", "#", line.text)) in running
                for end, end_line in _page_ends(lines)
                if number or end  # the first page's head is its title, not furniture
            )
        ]
        for number, lines in enumerate(pages)
    ]


def _page_ends(lines: list[Line]) -> list[tuple[int, Line]]:
    """The page's first and last lines of text, if each is a line of one part."""
    text = [line for line in lines if not line.fixed]
    ends = [(0, text[0]), (1, text[-1])] if len(text) > 1 else []
    return [(end, line) for end, line in ends if len(line.parts) == 1]


def _placed(page_width: float, lines: list[Line]) -> list[tuple[str, bool]]:
    """(text, runs on into the next line) per line; a paragraph does not run on into a
    table's row, and a row runs on into nothing."""
    text_lines = [line for line in lines if not line.fixed]
    wraps = {
        id(line): wrapped
        for line, wrapped in zip(text_lines, _wrapped(page_width, text_lines), strict=True)
    }
    placed = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        runs_on = wraps.get(id(line), False) and not (following is not None and following.fixed)
        placed.append((line.text, runs_on))
    return placed


_MAX_RULES = 3000  # line and rectangle objects on a page: a task table has a few hundred


def _find_tables(page) -> list:
    """The page's ruled tables; none looked for on a page of more rules than any table has
    (finding a grid's cells compares rules with rules: a hostile page of many rules would cost
    time before the per-page time limit is checked again)."""
    if len(page.lines) + len(page.rects) + len(page.curves) > _MAX_RULES:
        return []
    return page.find_tables()


def _is_grid(table) -> bool:
    """A table of at least two rows and two columns (a framed paragraph is no table)."""
    cells = table.extract()
    return len(cells) >= 2 and max(len(row) for row in cells) >= 2


def _table_rows(table) -> list[tuple[float, str]]:
    """(top, cells joined with " | ") per row; a cell merged across the row (a chapter row)
    is printed once, as the .docx reader prints it."""
    found = []
    for row, cells in zip(table.rows, table.extract(), strict=False):
        texts = [_cell_text(cell) for cell in cells if cell is not None]
        if any(texts):
            found.append((row.bbox[1], " | ".join(texts)))
    return found


def _cell_text(cell: str) -> str:
    return join_wrapped(cell.split("\n"))


def _wrapped(page_width: float, lines: list[Line]) -> list[bool]:
    """Whether each line runs on: it reaches the right margin without closing punctuation
    and starts at the left margin or a paragraph's indent (a centred title or a signature
    set to the right reaches the margin without filling the line: f10 and f12 of
    tests/parsing/formats.py, a notice's title and its signature on a page of few lines)."""
    if not lines:
        return []
    # The right margin is where long lines typically stop (a line of narrow digits or a
    # hanging full stop can overshoot it); a page of short lines has no wrapped paragraphs.
    long_ends = [line.x1 for line in lines if line.x1 >= page_width * 0.6]
    if not long_ends:
        return [False for _ in lines]
    right = statistics.median(long_ends)
    left = min(line.x0 for line in lines)
    ends = tuple(reading_config()["pdf"]["paragraph_end"])
    return [
        line.x1 >= right - _MARGIN_SLACK * line.width
        and line.x0 <= left + _INDENT * line.width
        and not line.text.endswith(ends)
        for line in lines
    ]


def _unwrap(visual: list[tuple[str, bool]]) -> str:
    """Join wrapped lines; a line that opens a numbered item or a label line never continues
    the one above, whatever that one ends with (a wrapped line may end in ")"), nor does a
    signature's date line (under signers' names that reach the right margin: tests/parsing/
    formats.py f05 and f07)."""

    lines: list[str] = []
    joining = False
    for text, wraps in visual:
        folded = fold(text)
        if joining and not starts_item(folded) and not is_date_only(folded.replace(" ", "")):
            lines[-1] += text
        else:
            lines.append(text)
        joining = wraps
    return "\n".join(lines)


def _char_width(line: dict) -> float:
    chars = line.get("chars") or []
    if not chars:
        return 10.0
    return max(char["x1"] - char["x0"] for char in chars)


def _drop_page_numbers(lines: list[Line]) -> list[Line]:
    config = reading_config()["pdf"]
    numbers = compile_lines(config["page_number_lines"])
    bare = re.compile(config["bare_page_number"])
    last = len(lines) - 1
    return [
        line
        for index, line in enumerate(lines)
        if not numbers.fullmatch(line.text)
        and not (index in (0, last) and bare.fullmatch(line.text))
    ]
