"""Token authentication: obtaining a token (through django-axes) and using it."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from taizhang.api.models import ApiToken, digest_of
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


def test_correct_password_gives_a_token_kept_only_as_its_digest(world):
    office = world.people["office"]
    response = obtain(office.username, PASSWORD)
    assert response.status_code == 200
    key = response.json()["token"]
    stored = ApiToken.objects.get(user=office)
    assert stored.digest == digest_of(key) and key not in (stored.digest, stored.prefix)


def test_asking_again_rotates_the_token(world):
    username = world.people["office"].username
    first = obtain(username, PASSWORD).json()["token"]
    second = obtain(username, PASSWORD).json()["token"]
    assert first != second
    assert with_token(first).get(reverse("api:plan-list")).status_code == 401
    assert with_token(second).get(reverse("api:plan-list")).status_code == 200


def test_the_token_authenticates_api_requests(world):
    key = obtain(world.people["liaison"].username, PASSWORD).json()["token"]
    response = with_token(key).get(reverse("api:measure-list"))
    assert response.status_code == 200
    assert [m["number"] for m in response.json()["results"]] == [1]


def test_issuing_a_token_is_audited_without_the_key(world):
    office = world.people["office"]
    key = obtain(office.username, PASSWORD).json()["token"]
    entry = AuditEntry.objects.get(action="api_token", object_id=str(office.pk))
    assert entry.changes["issued_by"] == "接口登录"
    assert key not in str(entry.changes) and entry.changes["token"] == key[:6] + "…"


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
    assert not ApiToken.objects.exists()


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


def test_create_api_token_issues_a_new_token_each_time_and_audits_it(world, capsys):
    leader = world.people["leader"]
    call_command("create_api_token", leader.username)
    call_command("create_api_token", leader.username)
    first, second = capsys.readouterr().out.split()
    assert first != second
    assert with_token(first).get(reverse("api:plan-list")).status_code == 401
    issued = AuditEntry.objects.filter(action="api_token", object_id=str(leader.pk))
    assert [e.changes["issued_by"] for e in issued] == ["命令行"] * 2


def test_create_api_token_refuses_an_unknown_user(world):
    with pytest.raises(CommandError, match="不存在"):
        call_command("create_api_token", "nobody")


# -- the admin ------------------------------------------------------------------------


@pytest.fixture
def admin_client(world):
    client = Client()
    client.force_login(world.people["sysadmin"])
    return client


def test_the_admin_lists_tokens_masked_and_never_the_key(world, admin_client):
    key = obtain(world.people["office"].username, PASSWORD).json()["token"]
    page = admin_client.get(reverse("admin:api_apitoken_changelist")).content.decode()
    assert key[:6] + "…" in page
    assert key not in page and digest_of(key) not in page


def test_the_admin_cannot_mint_a_token_for_anyone(world, admin_client):
    assert admin_client.get(reverse("admin:api_apitoken_add")).status_code == 403
    response = admin_client.post(
        reverse("admin:api_apitoken_add"), {"user": world.people["leader"].pk}
    )
    assert response.status_code == 403
    assert not ApiToken.objects.exists()


def test_revoking_in_the_admin_is_audited_and_the_token_stops_working(world, admin_client):
    office = world.people["office"]
    key = obtain(office.username, PASSWORD).json()["token"]
    token = ApiToken.objects.get(user=office)
    admin_client.post(
        reverse("admin:index") + "api/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert with_token(key).get(reverse("api:plan-list")).status_code == 401
    entry = AuditEntry.objects.get(action="api_token_revoked")
    assert entry.actor == world.people["sysadmin"] and entry.object_id == str(office.pk)
