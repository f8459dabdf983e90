"""An integer no column can hold (in a path or a query string) is "not found" or refused,
never a server error, on SQLite as on PostgreSQL (taizhang/config/sqlite)."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

HUGE = "99999999999999999999"  # > 2**63
PARAMETERS = (
    "plan", "year", "region", "chapter", "unit", "measure", "period", "indicator",
    "question", "page", "org", "status", "kind", "scheme", "survey", "target",
)  # fmt: skip
INT_ONLY = re.compile(r"<int:\w+>")


def routes(resolver=None, prefix="") -> list[str]:
    """Every URL route of the site with its integer parts, the admin's included."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def with_huge_ids(route: str) -> str | None:
    """The route with every <int:…> replaced; None when another kind of part remains."""
    path = INT_ONLY.sub(HUGE, route)
    if "<" in path or "(" in path or "^" in path:
        return None
    return "/" + path


@pytest.mark.django_db
def test_huge_ids_in_paths_are_never_a_server_error(client, world):
    client.force_login(world.people["office"])
    paths = [p for p in map(with_huge_ids, routes()) if p and HUGE in p]
    assert len(paths) > 50
    errors = [(p, client.get(p).status_code) for p in paths]
    assert [e for e in errors if e[1] >= 500] == []
    assert {status for _, status in errors} <= {302, 400, 403, 404, 405}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["office", "sysadmin"])
def test_huge_numbers_in_query_strings_are_never_a_server_error(client, world, role):
    client.force_login(world.people[role])
    pages = [p for p in map(with_huge_ids, routes()) if p and HUGE not in p]
    query = "&".join(f"{name}={HUGE}" for name in PARAMETERS)
    failures = []
    for path in pages:
        for one in (query, *(f"{name}={HUGE}" for name in PARAMETERS)):
            status = client.get(f"{path}?{one}").status_code
            if status >= 500:
                failures.append((path, one, status))
    assert failures == []


@pytest.mark.django_db
def test_an_api_filter_out_of_range_finds_nothing(client, world):
    client.force_login(world.people["office"])
    response = client.get(f"/api/measures/?plan={HUGE}")
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response.json()["results"] == []
