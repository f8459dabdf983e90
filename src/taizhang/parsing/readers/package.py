"""Bounds on an Office package (.docx, .xlsx): a ZIP whose parts are XML.

zipfile never inflates a member past the size its header declares, so checking the declared
sizes (and their ratio to the compressed ones) before any part is read bounds the work a
hostile package can cause (a ZIP bomb)."""

from __future__ import annotations

import io
import zipfile

from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.config import limit


def check_package(data: bytes, name: str, kind: str) -> None:
    """Refuse a package that would decompress past the limits; ``kind`` names it for the
    message ("Word document", "Excel workbook")."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = package.infolist()
    too_many = len(members) > limit("package_max_members")
    unpacked = sum(member.file_size for member in members)
    if too_many or unpacked > limit("package_max_unpacked") or any(map(_bomb_like, members)):
        raise InputError(
            f"{name} decompresses past the size or ratio limit for a {kind} (possibly a ZIP "
            "bomb); save it again in WPS or Office, or supply the plan as .txt.",
            reason="package_too_large",
        )


def _bomb_like(member: zipfile.ZipInfo) -> bool:
    if member.filename.endswith((".xml", ".rels")) and member.file_size > limit(
        "package_max_xml_part"
    ):
        return True
    ratio = member.file_size / max(member.compress_size, 1)
    return member.file_size > 1024 * 1024 and ratio > limit("package_max_ratio")


def package_kind(data: bytes) -> str | None:
    """ "docx" or "xlsx" by the package's main part, or None for any other ZIP."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "word/document.xml" in names:
        return "docx"
    return "xlsx" if "xl/workbook.xml" in names else None
