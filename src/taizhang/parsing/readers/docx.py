"""A Word .docx file -> its body text: paragraphs and tables in document order.

A table row becomes one line, its cells joined with " | " (a merged cell is printed once,
an empty cell between filled ones keeps its place).
Word's automatic list numbering is not part of the paragraph text, yet plans number their
chapters and measures with it, so each numbered paragraph gets its label ("一、", "（一）",
"1.") in front, as Word displays it (docx_numbering.py).
"""

from __future__ import annotations

import io

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.docx_numbering import document_labels
from taizhang.parsing.readers.package import Package, check_package, open_package
from taizhang.parsing.readers.rows import row_line


def docx_to_text(data: bytes, name: str, package: Package | None = None) -> str:
    """``package``: the member list of ``data`` already read (reading.read_bytes read it to
    tell the kind); the limits are checked on it."""
    package = package or open_package(data)
    if package is None:
        raise InputError(
            f"{name} is not a real .docx file (it is not a ZIP archive); open it in Word or WPS "
            "and save it again as .docx, or supply the plan as .txt."
        )
    check_package(package, name, "Word document")
    try:
        document = Document(io.BytesIO(data))
        return "\n".join(_body_lines(document))
    except etree.XMLSyntaxError as error:
        if "depth" in str(error).lower() or "nest" in str(error).lower():
            raise InputError(
                f"{name} has XML nested too deeply to read safely; save it again in Word or "
                "WPS, or supply the plan as .txt.",
                reason="xml_too_deep",
            ) from error
        raise _damaged(name, error) from error
    except PackageNotFoundError as error:
        raise InputError(
            f"{name} is a ZIP archive but not a Word document; supply the plan as .docx, .txt, "
            ".html or .pdf."
        ) from error
    except Exception as error:  # a damaged package can fail anywhere in the XML layer
        raise _damaged(name, error) from error


def _damaged(name: str, error: Exception) -> InputError:
    return InputError(
        f"{name} is a damaged Word document ({type(error).__name__}); open it in Word or WPS "
        "and save it again, or supply the plan as .txt.",
        reason="damaged",
    )


def _body_lines(document) -> list[str]:
    labels = document_labels(document)
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_labelled(Paragraph(child, document), labels).split("\n"))
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document), labels))
    return lines


def _labelled(paragraph: Paragraph, labels: dict) -> str:
    return labels.get(paragraph._p, "") + paragraph.text


def _table_lines(table, labels: dict) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is printed once
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_labelled(p, labels) for p in cell.paragraphs))
        line = row_line(cells)
        if line is not None:
            lines.append(line)
    return lines
