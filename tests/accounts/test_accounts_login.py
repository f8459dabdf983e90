"""Signing in: hashed passwords, lockout after repeated failures, where people land."""

import pytest
from django.urls import reverse

from taizhang.config import settings as configured
from tests.factories import PASSWORD


def test_passwords_are_hashed_with_argon2():
    assert configured.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_signing_in_lands_on_the_to_do_page(client, world):
    response = client.post(
        reverse("accounts:login"),
        {"username": world.people["liaison"].username, "password": PASSWORD},
    )
    assert response.headers["Location"] == reverse("workspace:todo")


@pytest.mark.django_db
def test_five_failed_attempts_lock_the_account_even_for_the_right_password(client, world):
    username = world.people["liaison"].username
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": username, "password": "wrong"})
    response = client.post(reverse("accounts:login"), {"username": username, "password": PASSWORD})
    assert "账号已暂时锁定" in response.content.decode()


@pytest.mark.django_db
def test_pages_send_anonymous_visitors_to_the_login_page(client):
    response = client.get(reverse("workspace:todo"))
    assert response.headers["Location"].startswith(reverse("accounts:login"))
