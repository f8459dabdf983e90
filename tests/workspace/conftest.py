import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings, tmp_path):
    # Argon2 makes every user of the world fixture cost a second; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
