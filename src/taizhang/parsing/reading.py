"""Read a plan file (.txt, .html, .docx, .xlsx, .pdf) into plain text with "\\n" line ends.

    >>> source = read_path("plan.pdf")
    >>> source.text, source.format, source.encoding

The format comes from the content first (a PDF, a ZIP package, a page of HTML) and from the
file extension second, so a .txt holding a web page is read as HTML. Unreadable input raises
InputError with one sentence that names the problem and what to do.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path

from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.config import limit
from taizhang.parsing.readers.decoding import decode_text, garble_ratio
from taizhang.parsing.readers.docx import docx_to_text
from taizhang.parsing.readers.html import html_to_text, looks_like_html
from taizhang.parsing.readers.package import Package, open_package
from taizhang.parsing.readers.pdf import pdf_to_text
from taizhang.parsing.readers.xlsx import xlsx_to_text

MAX_BYTES = limit("max_bytes")
_MAX_BINARY_GARBLE = 0.05  # decoded text with more unprintable characters than this is binary
_HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht")
_BOM_ENCODINGS = ("utf-32", "utf-8-sig", "utf-16")


@dataclass(frozen=True)
class SourceText:
    text: str
    format: str  # "txt" | "html" | "docx" | "xlsx" | "pdf"
    encoding: str | None = None  # the text encoding, for .txt and .html only


def read_path(path: str | Path) -> SourceText:
    path = Path(path)
    try:
        status = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path} does not exist; check the path and try again.") from None
    except OSError as error:
        raise InputError(f"{path} cannot be opened ({error.strerror}); check the path.") from None
    if stat.S_ISDIR(status.st_mode):  # what path.is_dir() would ask the system again
        raise InputError(f"{path} is a directory; give the path of one plan file.")
    _check_size(status.st_size, path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(
            f"{path} cannot be read ({error.strerror}); check its permissions."
        ) from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, filename: str = "") -> SourceText:
    name = filename or "the input"
    _check_size(len(data), name)
    if data.isspace():  # as ``not data.strip()`` (a non-empty file), with no copy
        raise InputError(
            f"{name} is empty; supply a file that contains the text of the plan.", reason="empty"
        )
    kind, package = _sniff(data, filename)
    if kind == "pdf":
        return _finish(pdf_to_text(data, name), "pdf", None, name)
    if kind == "docx":
        return _finish(docx_to_text(data, name, package), "docx", None, name)
    if kind == "xlsx":
        return _finish(xlsx_to_text(data, name, package), "xlsx", None, name)
    text, encoding = decode_text(data, _declared_charset(data))
    # a strict decoding was accepted only below decode_text's own, lower garble bar
    checked = encoding not in ("mixed", *_BOM_ENCODINGS)
    if not checked and garble_ratio(text) > _MAX_BINARY_GARBLE:
        raise InputError(
            f"{name} looks like binary data, not text; "
            "supply the plan as .txt, .html, .docx, .xlsx or .pdf.",
            reason="binary",
        )
    text = _unify_newlines(text)
    if kind == "html" or looks_like_html(text):
        return _finish(html_to_text(text), "html", encoding, name)
    return _finish(text, "txt", encoding, name)


def _check_size(size: int, name: str) -> None:
    if size > MAX_BYTES:
        raise InputError(
            f"{name} is {size / 1024 / 1024:.0f} MB, larger than the 20 MB limit; "
            "supply the plan itself rather than a bundle of files.",
            reason="too_large",
        )
    if size == 0:
        raise InputError(
            f"{name} is empty; supply a file that contains the text of the plan.", reason="empty"
        )


def check_text_size(text: str, name: str = "the text") -> None:
    """Refuse a text longer than the limit (in characters) before any rule reads it."""
    if len(text) > MAX_BYTES:
        raise InputError(
            f"{name} holds {len(text) / 1024 / 1024:.0f} million characters, more than the "
            "20 MB limit; supply the plan itself rather than a bundle of documents.",
            reason="too_large",
        )


def _sniff(data: bytes, filename: str) -> tuple[str, Package | None]:
    """ "pdf", "docx", "xlsx", "html" or "txt": the content decides, the extension breaks
    ties. A ZIP comes with its member list, read once here: the reader checks the limits
    on it."""
    suffix = Path(filename).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf", None
    if head.startswith(b"PK\x03\x04"):
        package = open_package(data)
        if package is None or package.kind is None:
            _refuse_zip(filename or "the input")
        return package.kind, package
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            f"{filename or 'the input'} is an old binary Word or Excel file; save it as .docx "
            "or .xlsx in WPS or Office and try again.",
            reason="legacy_office",
        )
    if suffix == ".pdf":
        raise InputError(
            f"{filename} is not a real PDF (it has no PDF header); save it again as PDF or "
            "supply the plan as .docx or .txt.",
            reason="not_pdf",
        )
    if suffix in (".docx", ".xlsx"):
        return suffix[1:], None  # not a ZIP: its reader reports that clearly
    return ("html" if suffix in _HTML_SUFFIXES else "txt"), None


def _refuse_zip(name: str) -> str:
    raise InputError(
        f"{name} is a ZIP archive but neither a Word .docx document nor an Excel .xlsx "
        "workbook; unpack it and supply the plan itself as .txt, .html, .docx, .xlsx or .pdf.",
        reason="zip",
    )


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", data[:4096])
    return match.group(1).decode("ascii") if match else None


def _unify_newlines(text: str) -> str:
    if "\r" in text:  # one scan in C; most texts hold none, and two replacements cost more
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.lstrip("\ufeff")


def _finish(text: str, kind: str, encoding: str | None, name: str) -> SourceText:
    text = _unify_newlines(text)
    check_text_size(text, name)
    if not text or text.isspace():  # as ``not text.strip()``, with no copy
        raise InputError(
            f"{name} contains no readable text; supply the plan's text as .txt.", reason="no_text"
        )
    return SourceText(text=text, format=kind, encoding=encoding)
