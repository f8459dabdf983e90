"""Behind nginx every request arrives from nginx's address: lockouts and survey limits
count the address nginx reports in X-Real-IP, and nothing a client sends itself."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
PROXY = "127.0.0.1"


def sign_in(username, password, **headers):
    client = Client(REMOTE_ADDR=PROXY, **headers)
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.fixture
def behind_nginx(settings):
    settings.TAIZHANG_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"


def test_an_attacker_behind_the_proxy_cannot_lock_out_someone_elses_address(world, behind_nginx):
    username = world.people["liaison"].username
    for _ in range(5):
        sign_in(username, "wrong", HTTP_X_REAL_IP="203.0.113.9")
    assert "账号已暂时锁定" in sign_in(username, PASSWORD, HTTP_X_REAL_IP="203.0.113.9").text
    assert sign_in(username, PASSWORD, HTTP_X_REAL_IP="198.51.100.4").status_code == 302


def test_without_a_proxy_a_forwarded_header_is_not_believed(world):
    username = world.people["liaison"].username
    for number in range(5):
        sign_in(username, "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    locked = sign_in(username, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert "账号已暂时锁定" in locked.text


def test_survey_limits_count_the_address_the_proxy_reports(world, behind_nginx, settings):
    from taizhang.surveys import throttle
    from tests.surveys.builders import survey_with

    settings.TAIZHANG_SURVEY_ATTEMPTS_PER_HOUR = 1
    survey = survey_with(world.organisation, world.plan)
    url = reverse("surveys:answer", kwargs={"survey_token": survey.token})
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.9")
    other = Client(REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="198.51.100.4")
    assert first.post(url, {}).status_code != 429
    assert first.post(url, {}).status_code == 429
    assert other.post(url, {}).status_code != 429
    assert throttle.address_hash(first.get(url).wsgi_request) != throttle.address_hash(
        other.get(url).wsgi_request
    )
