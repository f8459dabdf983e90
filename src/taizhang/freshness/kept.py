"""What a page shows, computed once and kept until the organisation's data changes.

Every write path records an audit entry with ``organisation=`` in the transaction that
makes the change (``audit.log.record``), so the organisation's latest entry is a version
stamp of everything its pages show. A value is kept under a key made of the page, the
organisation, that stamp, the day (deadlines pass at midnight), who asks (their rows
depend on their role, unit and region) and what they asked (the query string), plus
whatever the page reads that no audit entry records (``also``: the ranking's latest
survey response). A write makes a new key; the old one is never asked for again and ages
out. Nothing is ever invalidated, so nothing can be forgotten.

Two layers: the shared cache, so every worker reuses what one computed, and in front of
it this process's memory for text (a rendered page body, a file's bytes: a key's content
never changes, so no process can hold a stale copy, and text cannot be changed by whoever
reads it)."""

from __future__ import annotations

import datetime
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet, Subquery
from django.utils import timezone

from taizhang.accounts.prepared import Prepared
from taizhang.audit.models import AuditEntry

# A safety net, not the rule: a change made outside the write paths (a shell, a raw SQL
# fix) shows within this long. The stamp is what keeps pages right.
KEEP_SECONDS = 10 * 60
# This process's copies: the most recently used few (a ledger's body is ~200 KB).
LOCAL_ENTRIES = 64

_local: OrderedDict[str, Any] = OrderedDict()
_lock = threading.Lock()
_flights: dict[str, threading.Lock] = {}
_MISSING = object()


class Latest:
    """What a kept value reads that no audit entry records, as the newest value of a
    one-column query of the organisation's rows (the ranking: its latest survey response):
    ``build(organisation_id)`` gives the query, whose first row is the newest value. Read
    in the stamp's own statement, compiled once per process (accounts.prepared)."""

    def __init__(self, build: Callable[[int], QuerySet]):
        self.build = build


def _latest_entries(organisation_id):
    return AuditEntry.objects.filter(organisation_id=organisation_id).order_by("-pk")


_STAMP = Prepared(
    AuditEntry, lambda organisation_id: _latest_entries(organisation_id).values_list("pk")[:1]
)
_statements: dict[tuple[Latest, ...], Prepared] = {}


def _stamp_with(latest: tuple[Latest, ...]) -> Prepared:
    """The stamp's statement with a subquery per ``latest``: one per process and tuple."""
    found = _statements.get(latest)
    if found is None:
        names = [f"latest_{n}" for n in range(len(latest))]

        def build(organisation_id):
            subqueries = {
                name: Subquery(item.build(organisation_id)[:1])
                for name, item in zip(names, latest, strict=True)
            }
            entries = _latest_entries(organisation_id).annotate(**subqueries)
            return entries.values_list("pk", *names)[:1]

        found = _statements.setdefault(latest, Prepared(AuditEntry, build))
    return found


def stamp(organisation_id: int | None) -> int:
    """The organisation's latest audit entry: one indexed query (audit_org_latest)."""
    if organisation_id is None:
        latest = _latest_entries(None).values_list("pk", flat=True).first()
        return latest or 0
    found = _STAMP.first_row(organisation_id)
    return found[0] if found else 0


def stamps(organisation_id: int | None, latest: Iterable[Latest] = ()) -> tuple:
    """The stamp and the first value of each of ``latest``, read in the one query of the
    stamp (each a subquery of its single row), compiled once per process."""
    latest = tuple(latest)
    if not latest:
        return (stamp(organisation_id),)
    if organisation_id is not None:
        found = _stamp_with(latest).first_row(organisation_id)
        if found is not None:
            return tuple(found)
    # no organisation, or no entry yet to attach the subqueries to
    newest = (next(iter(item.build(organisation_id)[:1]), None) for item in latest)
    return (stamp(organisation_id), *newest)


def viewer_key(user) -> str:
    """Who asks, as far as what they may see goes: the person, and the role, unit, region
    and organisation their scope (accounts.scoping) is drawn from — so a changed role or
    unit is a new key at once, even before the change's audit entry is read. An anonymous
    visitor sees what every anonymous visitor sees."""
    if user is None or not user.is_authenticated:
        return "anonymous"
    return ".".join(
        str(part)
        for part in (
            user.pk,
            user.role,
            user.unit_id,
            user.region_id,
            user.organisation_id,
            int(user.is_staff),
            int(user.is_superuser),
        )
    )


def kept(
    page: str,
    organisation_id: int | None,
    compute: Callable[[], Any],
    *,
    viewer: str = "",
    params: Iterable = (),
    today: datetime.date | None = None,
    also: Iterable = (),
) -> Any:
    """``compute()``, or what it gave for the same page, organisation, data, day, viewer
    and parameters. ``compute`` must not depend on anything else (the time of day, a
    notification's read state): such a page puts it in ``also`` or is not kept. An item
    of ``also`` may be a ``Latest`` (the latest survey response): its value is read in
    the stamp's own query.
    ``TAIZHANG_KEEP_PAGES = False`` computes every time (tests of what computing costs)."""
    if not getattr(settings, "TAIZHANG_KEEP_PAGES", True):
        return compute()
    today = today or timezone.localdate()
    also = list(also)
    latest = [item for item in also if isinstance(item, Latest)]
    values = [item for item in also if not isinstance(item, Latest)]
    parts = [page, organisation_id, *stamps(organisation_id, latest), f"{today:%Y%m%d}", viewer]
    parts += [*params, "|", *values]
    key = "fresh:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    found = _local_get(key)
    if found is not _MISSING:
        return found
    # One computation per key in this process: the others asking meanwhile (the same
    # person's many tabs, a page polled) wait for it instead of computing it again.
    with _flight(key):
        found = _local_get(key)
        if found is _MISSING:
            found = cache.get(key, _MISSING)
            if found is _MISSING:
                found = compute()
                cache.set(key, found, KEEP_SECONDS)
            if _is_text(found):
                _local_put(key, found)
    with _lock:
        _flights.pop(key, None)
    return found


def _flight(key: str) -> threading.Lock:
    with _lock:
        return _flights.setdefault(key, threading.Lock())


def _is_text(value) -> bool:
    if isinstance(value, tuple):
        return all(_is_text(part) for part in value)
    return isinstance(value, str | bytes)


def forget_local() -> None:
    """Empty this process's copies (tests that change rows outside the write paths)."""
    with _lock:
        _local.clear()


def _local_get(key: str) -> Any:
    with _lock:
        expires, found = _local.get(key, (0.0, _MISSING))
        if expires < time.monotonic():
            _local.pop(key, None)
            return _MISSING
        _local.move_to_end(key)
        return found


def _local_put(key: str, value: Any) -> None:
    with _lock:
        _local[key] = (time.monotonic() + KEEP_SECONDS, value)
        _local.move_to_end(key)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
