"""Hostile files, built in the tests: each one cheap to make and expensive to read naively."""

from __future__ import annotations

import io
import zipfile
import zlib

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _package(document: bytes | None = None, bomb_bytes: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        if document is not None:
            package.writestr("word/document.xml", document)
        else:
            with package.open("word/document.xml", "w", force_zip64=True) as part:
                chunk = b" " * (1 << 20)
                for _ in range(bomb_bytes >> 20):
                    part.write(chunk)
    return out.getvalue()


def zip_bomb_docx(unpacked: int = 1 << 30) -> bytes:
    """A .docx of about 1 MB whose document.xml inflates to ``unpacked`` bytes."""
    return _package(bomb_bytes=unpacked)


def zip_bomb_xlsx(unpacked: int = 1 << 30) -> bytes:
    """An .xlsx of about 1 MB whose first sheet inflates to ``unpacked`` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("xl/workbook.xml", "<workbook/>")
        with package.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            chunk = b" " * (1 << 20)
            for _ in range(unpacked >> 20):
                part.write(chunk)
    return out.getvalue()


def document_xml(body: str) -> bytes:
    return f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'.encode()


def nested_docx(depth: int = 100_000) -> bytes:
    return _package(document_xml("<w:p>" + "<w:r>" * depth + "</w:r>" * depth + "</w:p>"))


def wide_docx(paragraphs: int) -> bytes:
    """Many tiny paragraphs: within the part limit, still a lot of elements."""
    return _package(document_xml("<w:p/>" * paragraphs))


def many_pages_pdf(pages: int) -> bytes:
    """A PDF whose page tree holds ``pages`` empty pages sharing one content stream."""
    kids = " ".join(f"{4 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"
    objects += [page] * pages
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def deflate_ratio(data: bytes) -> float:
    return len(data) / max(len(zlib.compress(data)), 1)
