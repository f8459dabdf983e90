import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The rate limits live in Django's cache; each test starts with none counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
