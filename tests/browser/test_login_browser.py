"""Signing in, as a person would, in a real browser."""

import pytest

from tests.browser.conftest import log_in
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_person_signs_in_and_lands_on_the_to_do_page(page, world):
    log_in(page, world.people["liaison"], PASSWORD)
    assert page.url.endswith("/todo/")


def test_a_wrong_password_gets_a_message_in_chinese(page, world):
    log_in(page, world.people["liaison"], "wrong-password")
    assert "用户名或密码不正确" in page.inner_text("main")
