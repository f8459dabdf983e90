"""The survey's public link as a QR code, drawn as inline SVG (no image files, no script)."""

from __future__ import annotations

import segno
from django.conf import settings
from django.urls import reverse


def public_url(request, survey) -> str:
    """The absolute address respondents open. Behind a proxy, or when the link printed on
    posters must name the public host, set TAIZHANG_PUBLIC_BASE_URL."""
    path = reverse("surveys:answer", kwargs={"survey_token": survey.token})
    base = getattr(settings, "TAIZHANG_PUBLIC_BASE_URL", "")
    return base.rstrip("/") + path if base else request.build_absolute_uri(path)


def svg(url: str, scale: int = 6) -> str:
    """An <svg> element encoding ``url``, error correction M (survives a crease or a smudge
    on a printed poster)."""
    code = segno.make_qr(url, error="m")
    return code.svg_inline(scale=scale, border=2, dark="#000", light="#fff", title="问卷二维码")
