"""A PDF's text layer -> plain text, page by page.

Page-number lines (— 3 —, 第3页 共10页) are dropped, and a visual line that runs to the
right margin without closing punctuation is joined to the next one, so a paragraph that
the PDF wrapped becomes one line again, as in the source document.
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
    """The page's visual lines, each with whether it runs on into the next line."""
    visual = [
        (line["text"].strip(), line["x1"], _char_width(line))
        for line in page.extract_text_lines(layout=False, return_chars=True)
        if line["text"].strip()
    ]
    visual = _drop_page_numbers(visual)
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
    the one above, whatever that one ends with (a wrapped line may end in ")")."""

    lines: list[str] = []
    joining = False
    for text, wraps in visual:
        if joining and not starts_item(fold(text)):
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
