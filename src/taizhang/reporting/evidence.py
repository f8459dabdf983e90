"""Checking evidence files by their content, not by the name they were given."""

from __future__ import annotations

import io
import zipfile

import filetype
from django.core.exceptions import ValidationError

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

# MIME type -> what the office calls it. Office documents are ZIP packages; their inner
# layout tells a Word document from an Excel workbook.
ALLOWED = {
    "application/pdf": "PDF",
    "image/jpeg": "JPG",
    "image/png": "PNG",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}
_PACKAGES = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def check_upload(upload) -> str:
    """The file's real MIME type, or ValidationError with a message for the user."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError("文件超过 10 MB，请压缩后再上传。")
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == "application/zip" or (head.startswith(b"PK\x03\x04")):
        mime = _office_package(upload)
    if mime not in ALLOWED:
        raise ValidationError("只能上传 PDF、Word(.docx)、Excel(.xlsx)、JPG 或 PNG 文件。")
    return mime


def _office_package(upload) -> str | None:
    data = upload.read()
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        return None
    return next((mime for inner, mime in _PACKAGES.items() if inner in names), None)
