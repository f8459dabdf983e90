"""The office imports a roster; a new liaison signs in with the one-time password, must
set a password of their own, finds the welcome in the message centre and follows it."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD
from tests.people.builders import roster_bytes

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "Jiaoyu#2026ok"


def test_a_roster_becomes_people_who_sign_in_and_read_their_messages(new_page, world, tmp_path):
    roster = tmp_path / "名单.xlsx"
    roster.write_bytes(
        roster_bytes(
            [
                ("州教育局", "赵敏", "13800000001", "", "联络员"),
                ("州司法局", "钱进", "13800000002", "", "审核人"),
            ]
        )
    )
    office = new_page()
    log_in(office, world.people["office"], PASSWORD)
    click_and_wait(office, office.get_by_role("link", name="账号管理"))
    click_and_wait(office, office.get_by_role("link", name="批量导入名单"))
    office.set_input_files("#id_file", str(roster))
    click_and_wait(office, office.get_by_role("button", name="上传并导入"))
    assert "已导入 2 人" in office.inner_text("main")
    row = office.locator("#roster-result tbody tr").first
    username = row.locator("td[data-label=用户名]").inner_text()
    password = row.locator("td[data-label=一次性密码]").inner_text()
    screenshot(office, "roster-import", full_page=False)

    liaison = new_page()
    liaison.goto("/accounts/login/")
    liaison.fill("#id_username", username)
    liaison.fill("#id_password", password)
    click_and_wait(liaison, liaison.get_by_role("button", name="登录"))
    assert liaison.url.endswith("/people/password/")  # nothing else until it is changed
    assert "一次性密码" in liaison.inner_text("main")
    liaison.fill("#id_old_password", password)
    liaison.fill("#id_new_password1", "abcdefghij")
    liaison.fill("#id_new_password2", "abcdefghij")
    click_and_wait(liaison, liaison.get_by_role("button", name="保存新密码"))
    assert "至少3种" in liaison.inner_text("main")
    screenshot(liaison, "password-change", full_page=False)
    liaison.fill("#id_old_password", password)
    liaison.fill("#id_new_password1", NEW_PASSWORD)
    liaison.fill("#id_new_password2", NEW_PASSWORD)
    click_and_wait(liaison, liaison.get_by_role("button", name="保存新密码"))
    assert liaison.url.endswith("/todo/")

    inbox = liaison.locator("a.inbox")
    assert inbox.locator(".count").inner_text() == "1"
    click_and_wait(liaison, inbox)
    message = liaison.get_by_role("link", name="您的台账账号已开通")
    assert "用户名：13800000001" in liaison.inner_text("ul.inbox")
    assert password not in liaison.inner_text("main")
    screenshot(liaison, "message-centre", full_page=False)
    click_and_wait(liaison, message)
    assert liaison.url.endswith("/todo/")
    assert liaison.locator("a.inbox .count").count() == 0  # read now
