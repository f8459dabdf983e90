"""What has been done about a late item: 未签收, 已签收, 已反馈, 已办结 (the latest urging
notice that cited the item's measure to its unit, and where the unit's handling of it
stands). The notices app tells it: supervision sits below notices and cannot ask, so
notices registers its answer here when it is ready (as it joins the reminder scan)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FollowUp:
    label: str  # 未签收 / 已签收 / 已反馈 / 退回重办 / 已办结 (UrgeNotice.State)
    badge: str  # the badge colour (site.css)
    link: str  # the notice
    on: object = None  # the day the notice was issued


Key = tuple[int, int]  # (unit id, measure id)
PROVIDERS: list[Callable[[object, set[Key]], dict[Key, FollowUp]]] = []


def register(provider):
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)
    return provider


def follow_ups(organisation, items: Iterable) -> dict[Key, FollowUp]:
    """(unit id, measure id) -> what was done about it, for the late items given."""
    keys = {(item.unit_id, item.measure_id) for item in items}
    found: dict[Key, FollowUp] = {}
    if keys:
        for provider in PROVIDERS:
            found.update(provider(organisation, keys))
    return found
