"""The password policy of 等保 level 3, with its messages in Chinese, and sessions that
end after two idle hours."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from taizhang.accounts.models import User
from tests.factories import PASSWORD


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Ab1#short", "至少包含 10 个字符"),
        ("abcdefghijk", "至少3种"),
        ("abcdef123456", "至少3种"),
        ("1234567890123", "只包含数字"),
        ("Password1234", "常见"),
        ("Zhangwei2026!", "太相似"),
    ],
)
def test_weak_passwords_are_refused_with_a_reason_in_chinese(password, reason):
    person = User(username="zhangwei2026", display_name="张伟", phone="13800000001")
    # the language LocaleMiddleware sets for every page
    with translation.override("zh-hans"), pytest.raises(ValidationError) as refused:
        validate_password(password, person)
    assert any(reason in message for message in refused.value.messages), refused.value.messages


@pytest.mark.parametrize("password", ["Taizhang#2026", "qiannan-Fazhi-88", "Qiannan 2026 fazhi"])
def test_strong_passwords_pass(password):
    validate_password(password, User(username="zhangwei", display_name="张伟"))


@pytest.mark.django_db
@override_settings(SESSION_COOKIE_AGE=2 * 60 * 60)
def test_a_session_ends_after_two_idle_hours_but_not_while_used(client, world):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        client.post(
            reverse("accounts:login"),
            {"username": world.people["liaison"].username, "password": PASSWORD},
        )
        clock.shift(timedelta(minutes=100))
        assert client.get(reverse("workspace:todo")).status_code == 200  # renews it
        clock.shift(timedelta(minutes=100))
        assert client.get(reverse("workspace:todo")).status_code == 200
        clock.shift(timedelta(hours=2, minutes=1))
        response = client.get(reverse("workspace:todo"))
        assert response.headers["Location"].startswith(reverse("accounts:login"))
