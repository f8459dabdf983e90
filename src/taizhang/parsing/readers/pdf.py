"""A PDF's text layer -> plain text, page by page.

Page-number lines (— 3 —, 第3页 共10页) are dropped, and a visual line that runs to the
right margin without closing punctuation is joined to the next one, so a paragraph that
the PDF wrapped becomes one line again, as in the source document.

A ruled table (a 任务分工表 printed as a grid) is read cell by cell: each row becomes one
line, its cells joined with " | " as the .docx and HTML readers print a row, each cell's
wrapped lines joined again. Read as lines, its cells' lines interleave (a row's second
line of 重点任务 sits beside the second line of 责任单位), and no row can be told apart
(tests/parsing/formats.py f05, a table alone; f07, a table under body text).
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

_MARGIN_SLACK = 1.5  # a line ending within this many character widths of the margin wraps


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
    and the page count before any page is read)."""
    from pdfminer.pdfpage import PDFPage

    most = limit("pdf_max_pages")
    if sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), most + 1)) > most:
        raise InputError(
            f"{name} has more than {most} pages; supply the plan itself.",
            reason="pdf_too_many_pages",
        )
    deadline = time.monotonic() + limit("pdf_max_seconds")
    visual = []
    for page in pdf.pages:
        if time.monotonic() > deadline:
            raise InputError(
                f"reading {name} took longer than {limit('pdf_max_seconds')} seconds; supply "
                "the plan as .docx or .txt.",
                reason="pdf_too_slow",
            )
        visual += _page_lines(page)
        page.close()  # pdfplumber keeps each page's objects until closed
    return visual


def _page_lines(page) -> list[tuple[str, bool]]:
    """The page's visual lines, each with whether it runs on into the next line; a ruled
    table's rows among them, where they stand on the page."""
    tables = [table for table in _find_tables(page) if _is_grid(table)]
    rows = [(top, row) for table in tables for top, row in _table_rows(table)]
    text_page = page
    for table in tables:
        text_page = text_page.outside_bbox(table.bbox)
    lines = [
        line
        for line in text_page.extract_text_lines(layout=False, return_chars=True)
        if line["text"].strip()
    ]
    tops = [line["top"] for line in lines]
    visual = [(line["text"].strip(), line["x1"], _char_width(line)) for line in lines]
    kept = _drop_page_numbers(visual)
    dropped = {id(item) for item in visual} - {id(item) for item in kept}
    tops = [top for top, item in zip(tops, visual, strict=True) if id(item) not in dropped]
    wrapped = _wrapped(page, kept)
    placed = sorted(
        [(top, 1, line) for top, line in zip(tops, wrapped, strict=True)]
        + [(top, 0, (row, False)) for top, row in rows],
        key=lambda item: (item[0], item[1]),
    )
    lines_out = [line for _, _, line in placed]
    # a paragraph does not run on into a table row
    return [
        (text, wraps and not (index + 1 < len(placed) and placed[index + 1][1] == 0))
        for index, (text, wraps) in enumerate(lines_out)
    ]


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
    """A cell's wrapped lines joined again: with no space between Chinese characters or
    digits (a number the cell's edge broke: 3|0家), with one before a Latin word."""
    text = ""
    for part in cell.split("\n"):
        part = part.strip()
        if text and part and text[-1].isascii() and text[-1].isalpha() and part[0].isascii():
            text += " "
        text += part
    return text


def _wrapped(page, visual: list[tuple[str, float, float]]) -> list[tuple[str, bool]]:
    if not visual:
        return []
    # The right margin is where long lines typically stop (a line of narrow digits or a
    # hanging full stop can overshoot it); a page of short lines has no wrapped paragraphs.
    long_ends = [x1 for _, x1, _ in visual if x1 >= page.width * 0.6]
    if not long_ends:
        return [(text, False) for text, _, _ in visual]
    right = statistics.median(long_ends)
    ends = tuple(reading_config()["pdf"]["paragraph_end"])
    return [
        (text, x1 >= right - _MARGIN_SLACK * width and not text.endswith(ends))
        for text, x1, width in visual
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


def _drop_page_numbers(visual: list[tuple[str, float, float]]) -> list[tuple[str, float, float]]:
    config = reading_config()["pdf"]
    numbers = compile_lines(config["page_number_lines"])
    bare = re.compile(config["bare_page_number"])
    last = len(visual) - 1
    return [
        item
        for index, item in enumerate(visual)
        if not numbers.fullmatch(item[0]) and not (index in (0, last) and bare.fullmatch(item[0]))
    ]
