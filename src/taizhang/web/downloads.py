"""Files the pages hand out: the response carries the Chinese file name (RFC 5987/6266)
with an ASCII fallback for old clients."""

from __future__ import annotations

from urllib.parse import quote

from django.http import FileResponse, Http404, HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"


def attachment(filename: str, fallback: str) -> str:
    """Content-Disposition with an ASCII fallback and the Chinese name."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def download(content: bytes, content_type: str, filename: str, fallback: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = attachment(filename, fallback)
    return response


def stored(field, filename: str, content_type: str) -> FileResponse:
    """A stored file (a FileField's value) streamed as an attachment under the name its
    uploader gave it; 404 when the storage has lost it."""
    try:
        handle = field.open("rb")
    except FileNotFoundError as missing:
        raise Http404("文件不存在。") from missing
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
