"""Rate limits on public submissions, per survey and per hashed client address (the
address itself is never stored), in Django's cache.

Two counters: every attempt (junk included) and accepted responses. The response limit is
generous because a village meeting or a township office answers through one address."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

from taizhang.web.client import client_address

WINDOW = 3600  # seconds


def limits() -> tuple[int, int]:
    """(responses, attempts) allowed per address per survey per hour."""
    return (
        getattr(settings, "TAIZHANG_SURVEY_RESPONSES_PER_HOUR", 60),
        getattr(settings, "TAIZHANG_SURVEY_ATTEMPTS_PER_HOUR", 200),
    )


def address_hash(request) -> str:
    address = client_address(request)
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def _key(kind: str, survey, address: str) -> str:
    return f"taizhang:survey:{kind}:{survey.pk}:{address}"


def _count(key: str) -> int:
    return cache.get(key, 0)


def _bump(key: str) -> int:
    # add() sets the window only for the first hit; incr() keeps its expiry.
    if cache.add(key, 1, WINDOW):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return 1


def attempt(survey, address: str) -> bool:
    """Count one submission attempt; False when the address has tried too often."""
    responses, attempts = limits()
    if _bump(_key("attempt", survey, address)) > attempts:
        return False
    return _count(_key("response", survey, address)) < responses


def accepted(survey, address: str) -> None:
    _bump(_key("response", survey, address))
