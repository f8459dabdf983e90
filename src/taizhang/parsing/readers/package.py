"""Bounds on an Office package (.docx, .xlsx): a ZIP whose parts are XML.

zipfile never inflates a member past the size its header declares, so checking the declared
sizes (and their ratio to the compressed ones) before any part is read bounds the work a
hostile package can cause (a ZIP bomb).

The central directory is read once per upload (``open_package``): its member list tells
the kind and is the one the limits are checked on (``check_package``); the reader then
hands the same bytes to python-docx or openpyxl, which open them once more to read the
parts (neither takes an archive already opened)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from taizhang.parsing.errors import InputError
from taizhang.parsing.readers.config import limit

_MAIN_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}


@dataclass(frozen=True)
class Package:
    """What one reading of a ZIP's central directory says: its members."""

    members: tuple[zipfile.ZipInfo, ...]

    @property
    def kind(self) -> str | None:
        """ "docx" or "xlsx" by the package's main part, or None for any other ZIP."""
        names = {member.filename for member in self.members}
        return next((kind for part, kind in _MAIN_PARTS.items() if part in names), None)


def open_package(data: bytes) -> Package | None:
    """The package's member list, read once; None when ``data`` is not a readable ZIP."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return Package(tuple(archive.infolist()))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def check_package(package: Package, name: str, kind: str) -> None:
    """Refuse a package that would decompress past the limits; ``kind`` names it for the
    message ("Word document", "Excel workbook")."""
    members = package.members
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
