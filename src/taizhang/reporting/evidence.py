"""Checking evidence files by their content, not by the name they were given."""

from __future__ import annotations

import io
import uuid
import weakref
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

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
# The extensions a file of each type may carry; the first is the one we give it.
EXTENSIONS = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": (".docx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": (".xlsx",),
}
_PACKAGES = {
    "word/document.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/workbook.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
ACCEPT_ATTRIBUTE = ",".join(ext for exts in EXTENSIONS.values() for ext in exts)

# The type found for an upload, kept with it while it lives (the request): the form, the
# write path and the evidence store each ask check_upload of the same file, which is read
# (an Office package's ZIP directory opened) once. Kept only for those very bytes: the
# same file object of the same size.
_FOUND: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def check_upload(upload) -> str:
    """The file's real MIME type, or ValidationError with a message for the user."""
    found = _FOUND.get(upload)
    if found is not None and found[0] is upload.file and found[1] == upload.size:
        return found[2]
    mime = _checked_type(upload)
    _FOUND[upload] = (upload.file, upload.size, mime)
    return mime


def _checked_type(upload) -> str:
    name = display_name(upload.name)
    if upload.size == 0:
        raise ValidationError(f"文件“{name}”是空文件，请重新选择。")
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(f"文件“{name}”超过 10 MB，请压缩后再上传。")
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    mime = kind.mime if kind else None
    if mime == "application/zip" or head.startswith(b"PK\x03\x04"):
        mime = _office_package(upload)
    if mime not in ALLOWED:
        raise ValidationError(
            f"文件“{name}”不是有效的 PDF、Word(.docx)、Excel(.xlsx)、JPG 或 PNG 文件，"
            "请检查后重新上传。"
        )
    return mime


@dataclass(frozen=True)
class Checked:
    """An upload checked for storing: its real type, the name people see, its size."""

    content_type: str
    original_name: str
    size: int


def checked_for_storing(upload) -> Checked:
    """Check the upload by its content, name it for its real type, and give it a name of
    ours for the disk (what people call their files never reaches the file system)."""
    content_type = check_upload(upload)
    original_name = name_for_type(upload.name, content_type)
    upload.name = uuid.uuid4().hex + original_name[original_name.rfind(".") :]
    return Checked(content_type, original_name, upload.size)


def display_name(name: str) -> str:
    """The file name without any folder a browser may have sent, at most 200 characters."""
    base = PurePath((name or "").replace("\\", "/")).name or "材料"
    stem, suffix = _split(base)
    return stem[: 200 - len(suffix)] + suffix


def name_for_type(name: str, mime: str) -> str:
    """The name with the extension its real type has (照片.png holding a PDF -> 照片.pdf),
    so that the download opens in the right program."""
    stem, suffix = _split(display_name(name))
    if suffix.lower() in EXTENSIONS[mime]:
        return stem + suffix
    return stem + EXTENSIONS[mime][0]


def _split(name: str) -> tuple[str, str]:
    suffix = PurePath(name).suffix
    return (name[: -len(suffix)], suffix) if suffix else (name, "")


def _office_package(upload) -> str | None:
    data = upload.read()
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        return None
    return next((mime for inner, mime in _PACKAGES.items() if inner in names), None)
