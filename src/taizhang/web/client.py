"""The address of the person at the other end, for lockouts (django-axes) and the survey
limits. Directly served, that is REMOTE_ADDR. Behind nginx every request comes from nginx,
so TAIZHANG_CLIENT_ADDRESS_HEADER names the one header nginx sets itself (X-Real-IP,
overwritten on every request): a header the client sends is never believed otherwise."""

from __future__ import annotations

from django.conf import settings


def client_address(request) -> str:
    header = getattr(settings, "TAIZHANG_CLIENT_ADDRESS_HEADER", "")
    if header:
        value = request.META.get(header, "").strip()
        if value:
            return value
    return request.META.get("REMOTE_ADDR", "")
