"""Shared by the import tests: fast password hashing and the office signed in."""

import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """The world's people need no real password hashing (argon2 costs seconds here)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def office(client, world):
    client.force_login(world.people["office"])
    return client
