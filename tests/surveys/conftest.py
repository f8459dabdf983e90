import pytest


@pytest.fixture(autouse=True)
def _fresh_rate_limits(db):
    """The rate limits live in the shared cache (a database table): each test starts with
    none counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
