"""Roster import: a good roster creates everyone; a roster with one bad row (unknown
unit, duplicate phone, phone already taken, unknown role) creates nobody and says which
row is wrong and why."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.accounts.models import Role, User
from taizhang.notifications.models import Channel, Delivery
from taizhang.people import roster
from tests.people.builders import roster_bytes

pytestmark = pytest.mark.django_db

GOOD = [
    ("州教育局", "赵敏", "13800000001", "zhaomin@example.cn", "联络员"),
    ("州司法局", "钱进", "13800000002", "", "牵头单位审核人"),
    ("甲县", "孙立", "13800000003", "", "县级依法治理办"),
]


def _import(world, rows, actor="office"):
    return roster.import_roster(world.people[actor], world.organisation, roster_bytes(rows))


def test_a_good_roster_creates_every_account_with_a_one_time_password(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        result = _import(world, GOOD)
    assert result.created and not result.bad_rows
    made = {u.phone: u for u in User.objects.filter(phone__in=[r[2] for r in GOOD])}
    assert made["13800000001"].unit == world.education
    assert made["13800000001"].role == Role.LIAISON
    assert made["13800000002"].role == Role.REVIEWER
    assert made["13800000003"].region == world.county
    for row in result.rows:
        user = made[row.values["手机"]]
        assert user.username == row.username == row.values["手机"]
        assert user.must_change_password
        assert user.check_password(row.password)
    # each new person is welcomed in the message centre; the password is in no message
    welcome = Delivery.objects.filter(recipient=made["13800000001"])
    assert {d.channel for d in welcome} == {Channel.IN_APP, Channel.EMAIL}
    assert all(row.password not in d.notification.body for row in result.rows for d in welcome)
    assert len(mail.outbox) == 1 and result.rows[0].password not in mail.outbox[0].body


def test_one_unknown_unit_creates_nobody_and_names_the_row(world):
    rows = [*GOOD, ("州不存在局", "李四", "13800000009", "", "联络员")]
    result = _import(world, rows)
    assert not result.created
    assert [r.number for r in result.bad_rows] == [5]
    assert "单位“州不存在局”不在单位名录中" in result.bad_rows[0].errors
    assert not User.objects.filter(phone__startswith="138000000").exists()


def test_a_phone_twice_in_the_roster_or_already_taken_is_refused(world):
    world.people["liaison"].phone = "13900000000"
    world.people["liaison"].save()
    rows = [
        ("州教育局", "赵敏", "13800000001", "", "联络员"),
        ("州教育局", "赵敏", "13800000001", "", "联络员"),
        ("州公安局", "周强", "13900000000", "", "联络员"),
    ]
    result = _import(world, rows)
    assert not result.created
    errors = {r.number: r.errors for r in result.bad_rows}
    assert errors == {3: ["手机号与第2行重复"], 4: ["该手机号已有账号"]}
    assert not User.objects.filter(phone="13800000001").exists()


def test_unknown_roles_bad_phones_and_roles_out_of_reach_are_refused(world):
    rows = [
        ("州教育局", "吴一", "12345", "not-an-email", "科员"),
        ("州公安局", "郑二", "13800000005", "", "联络员"),
    ]
    result = roster.import_roster(world.people["county"], world.organisation, roster_bytes(rows))
    first, second = result.bad_rows
    assert first.errors == ["手机号应为11位数字", "邮箱格式不正确", "角色“科员”无法识别"]
    assert second.errors == ["该单位不在本县(市、区)"]


def test_a_file_that_is_not_a_roster_is_refused_in_chinese(world):
    with pytest.raises(roster.RosterRejected, match="表头"):
        roster.read(roster_bytes([], header=("名称", "电话")))
    with pytest.raises(roster.RosterRejected, match="无法读取"):
        roster.read(b"not a workbook")


def test_the_template_offers_the_units_and_roles_of_the_office(client, world):
    client.force_login(world.people["office"])
    response = client.get(reverse("people:roster_template"))
    book = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book["人员名单"][1]] == list(roster.COLUMNS)
    choices = book["可选单位和角色"]
    units = {row[0].value for row in choices.iter_rows(min_row=2)}
    roles = {row[1].value for row in choices.iter_rows(min_row=2)} - {None}
    assert {"州教育局", "州司法局", "甲县人民政府"} <= units
    assert "单位联络员" in roles and "系统管理员" not in roles


def test_the_roster_page_reports_row_by_row(client, world):
    client.force_login(world.people["office"])
    upload = SimpleUploadedFile(
        "名单.xlsx", roster_bytes([("州不存在局", "李四", "13800000009", "", "联络员")])
    )
    response = client.post(reverse("people:roster_import"), {"file": upload})
    page = response.content.decode()
    assert response.status_code == 400
    assert "名单未导入：1 行有问题" in page and "不在单位名录中" in page
