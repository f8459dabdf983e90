"""Token authentication: obtaining a token (through django-axes) and using it."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from taizhang.audit.models import AuditEntry
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def obtain(username, password):
    return APIClient().post(
        reverse("api:token"), {"username": username, "password": password}, format="json"
    )


def with_token(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_correct_password_gives_a_token(world):
    office = world.people["office"]
    response = obtain(office.username, PASSWORD)
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=office).key


def test_the_token_authenticates_api_requests(world):
    key = obtain(world.people["liaison"].username, PASSWORD).json()["token"]
    response = with_token(key).get(reverse("api:measure-list"))
    assert response.status_code == 200
    assert [m["number"] for m in response.json()["results"]] == [1]


def test_issuing_a_token_is_audited(world):
    office = world.people["office"]
    obtain(office.username, PASSWORD)
    assert AuditEntry.objects.filter(action="api_token", object_id=str(office.pk)).exists()


def test_a_wrong_password_is_400_in_chinese(world):
    response = obtain(world.people["office"].username, "wrong-password")
    assert response.status_code == 400
    assert response.json()["detail"] == "用户名或密码错误。"


def test_repeated_failures_lock_the_account_even_for_the_right_password(world, settings):
    username = world.people["office"].username
    for _ in range(settings.AXES_FAILURE_LIMIT):
        obtain(username, "wrong-password")
    response = obtain(username, PASSWORD)
    assert response.status_code == 429
    assert not Token.objects.exists()


def test_an_inactive_user_gets_no_token(world):
    office = world.people["office"]
    office.is_active = False
    office.save()
    assert obtain(office.username, PASSWORD).status_code == 400


def test_an_unknown_token_is_401(world):
    assert with_token("0" * 40).get(reverse("api:plan-list")).status_code == 401


def test_create_api_token_prints_a_working_token(world, capsys):
    call_command("create_api_token", world.people["leader"].username)
    key = capsys.readouterr().out.strip()
    assert with_token(key).get(reverse("api:plan-list")).status_code == 200


def test_create_api_token_prints_the_same_token_twice(world, capsys):
    username = world.people["leader"].username
    call_command("create_api_token", username)
    call_command("create_api_token", username)
    first, second = capsys.readouterr().out.split()
    assert first == second


def test_create_api_token_refuses_an_unknown_user(world):
    with pytest.raises(CommandError, match="不存在"):
        call_command("create_api_token", "nobody")
