"""Clients of the JSON API, logged in as each person of the `world` fixture."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests import factories as f


@pytest.fixture(autouse=True)
def fast_hasher(settings):
    """Argon2 is slow by design; the people of `world` need no such protection here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api(world):
    """api(role) -> an APIClient logged in as world.people[role]; api(None) is anonymous."""

    def client(role: str | None) -> APIClient:
        result = APIClient()
        if role is not None:
            result.force_login(world.people[role])
        return result

    return client


@pytest.fixture
def reports(world):
    """A draft report of each unit on measure 1, and the 公安局's lead report on measure 2."""
    assignments = {
        (a.measure_id, a.unit_id): a
        for a in world.first.assignments.all().union(world.second.assignments.all())
    }

    def report_of(measure, unit, **fields):
        return f.ReportFactory(
            assignment=assignments[(measure.pk, unit.pk)], period=world.period, **fields
        )

    return {
        "justice": report_of(world.first, world.justice),
        "education": report_of(world.first, world.education, narrative="已开展宣传"),
        "county": report_of(world.first, world.county_government),
        "police": report_of(world.second, world.police),
    }
