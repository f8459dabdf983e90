"""The office runs its people: create, reset (one-time password, forced change), unlock,
deactivate (history keeps the name), change role or unit. A county office runs its
county's units' people; the system administrator the office administrators only."""

import pytest
from django.urls import reverse

from taizhang.accounts.models import Role, User
from taizhang.audit.models import AuditEntry
from taizhang.people import actions
from taizhang.reporting import services
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Taizhang#2026"


def _login(client, user, password):
    return client.post(reverse("accounts:login"), {"username": user.username, "password": password})


def test_the_office_creates_an_account_and_sees_the_password_once(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("people:person_create"),
        {
            "display_name": "赵敏",
            "role": Role.LIAISON,
            "unit": world.police.pk,
            "phone": "13800000001",
            "email": "",
        },
    )
    page = response.content.decode()
    person = User.objects.get(phone="13800000001")
    assert response.status_code == 200 and "只在此显示一次" in page
    password = page.split('id="one-time-password" class="secret">')[1].split("<")[0]
    assert person.check_password(password) and person.must_change_password
    assert person.unit == world.police and person.organisation == world.organisation
    entry = AuditEntry.objects.get(action="create_account", object_id=str(person.pk))
    assert entry.actor == world.people["office"]


def test_reset_gives_a_one_time_password_that_must_be_changed_at_once(client, world):
    liaison = world.people["liaison"]
    password = actions.reset_password(world.people["office"], liaison)
    assert not liaison.check_password(PASSWORD)
    assert _login(client, liaison, password).status_code == 302
    # every page leads to the password change until a new password is set
    response = client.get(reverse("workspace:todo"))
    assert response.headers["Location"] == reverse("people:password_change")
    weak = client.post(
        reverse("people:password_change"),
        {"old_password": password, "new_password1": "abcdefghij", "new_password2": "abcdefghij"},
    )
    assert weak.status_code == 400 and "至少3种" in weak.content.decode()
    changed = client.post(
        reverse("people:password_change"),
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert changed.headers["Location"] == reverse("workspace:todo")
    liaison.refresh_from_db()
    assert not liaison.must_change_password and liaison.check_password(NEW_PASSWORD)
    assert client.get(reverse("workspace:todo")).status_code == 200


def test_a_locked_account_is_unlocked_by_the_office(client, world):
    liaison = world.people["liaison"]
    for _ in range(5):
        _login(client, liaison, "wrong")
    assert actions.is_locked(liaison)
    assert "账号已暂时锁定" in _login(client, liaison, PASSWORD).content.decode()
    office = client.__class__()
    office.force_login(world.people["office"])
    page = office.get(reverse("people:person", kwargs={"user_id": liaison.pk}))
    assert "解除登录锁定" in page.content.decode()
    office.post(reverse("people:person_unlock", kwargs={"user_id": liaison.pk}))
    assert not actions.is_locked(liaison)
    assert _login(client, liaison, PASSWORD).headers["Location"] == reverse("workspace:todo")
    assert AuditEntry.objects.filter(action="unlock", object_id=str(liaison.pk)).exists()


def test_the_lockout_page_points_to_the_office_that_can_now_unlock(client, world):
    for _ in range(6):
        response = _login(client, world.people["liaison"], "wrong")
    assert "管理员可在“账号管理”中为您解除锁定" in response.content.decode()


def test_deactivation_keeps_the_history_and_the_name(client, world):
    liaison = world.people["liaison"]
    report = services.file_report(
        f.AssignmentFactory._meta.model.objects.get(measure=world.first, unit=world.education),
        world.period,
        liaison,
        {"status": "in_progress", "narrative": "开展宣传。"},
        0,
        submit_after=True,
    )
    client.force_login(world.people["office"])
    url = reverse("people:person_deactivate", kwargs={"user_id": liaison.pk})
    assert client.post(url, {"reason": ""}).status_code == 400  # a reason is required
    client.post(url, {"reason": "人员调动"})
    liaison.refresh_from_db()
    assert not liaison.is_active
    assert User.objects.filter(pk=liaison.pk).exists()
    report.refresh_from_db()
    assert report.updated_by == liaison and str(report.updated_by) == liaison.display_name
    assert _login(client.__class__(), liaison, PASSWORD).status_code == 200  # refused
    entry = AuditEntry.objects.get(action="deactivate", object_id=str(liaison.pk))
    assert entry.reason == "人员调动"
    client.post(
        reverse("people:person_reactivate", kwargs={"user_id": liaison.pk}), {"reason": "返岗"}
    )
    liaison.refresh_from_db()
    assert liaison.is_active


def test_the_office_changes_role_and_unit_with_an_audit_entry(world):
    liaison = world.people["liaison"]
    person = actions.Person("李婷", Role.REVIEWER, unit=world.justice, phone="13800000011")
    actions.change_account(world.people["office"], liaison, person, "岗位调整")
    liaison.refresh_from_db()
    assert (liaison.role, liaison.unit) == (Role.REVIEWER, world.justice)
    entry = AuditEntry.objects.get(action="change_account", object_id=str(liaison.pk))
    assert entry.changes["unit"] == ["州教育局", "州司法局"]


def test_a_county_office_runs_only_its_county_units_people(world):
    county = world.people["county"]
    inside = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.county_government
    )
    actions.reset_password(county, inside)
    with pytest.raises(actions.AccountError):
        actions.reset_password(county, world.people["liaison"])  # 州教育局: not its county
    with pytest.raises(actions.AccountError, match="本县"):
        actions.create_account(
            county,
            world.organisation,
            actions.Person("吴一", Role.LIAISON, unit=world.police, phone="13800000021"),
        )
    with pytest.raises(actions.AccountError, match="不能设置"):
        actions.create_account(
            county,
            world.organisation,
            actions.Person("吴一", Role.OFFICE_ADMIN, phone="13800000021"),
        )


def test_the_system_administrator_runs_office_administrators_only(client, world):
    sysadmin = world.people["sysadmin"]
    actions.reset_password(sysadmin, world.people["office"])
    with pytest.raises(actions.AccountError):
        actions.reset_password(sysadmin, world.people["liaison"])
    client.force_login(sysadmin)
    listed = client.get(reverse("people:people")).content.decode()
    assert world.people["office"].username in listed
    assert world.people["liaison"].username not in listed
    made = client.post(
        reverse("people:organisations"), {"name": "新市", "prefix": "市", "office_name": ""}
    )
    assert made.status_code == 302


def test_nobody_deactivates_themselves(world):
    office = world.people["office"]
    with pytest.raises(actions.AccountError, match="自己"):
        actions.set_active(office, office, False, "测试")


def test_the_one_time_password_has_three_classes_and_no_look_alikes():
    for _ in range(50):
        password = actions.one_time_password()
        assert len(password) == 12
        assert not set(password) & set("0O1lI")
