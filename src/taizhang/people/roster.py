"""Roster import: many accounts from one .xlsx (单位, 姓名, 手机, 邮箱, 角色).

Every row is checked first; a roster with any bad row creates nothing and the office
gets a row-by-row report of what is wrong. A good roster is created in one transaction
(all or nothing), each account through actions.create_account, and the report lists each
person's user name and one-time password, shown this once."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from taizhang.accounts.models import Role, User
from taizhang.documents import xlsx
from taizhang.people import actions
from taizhang.people.scope import assignable_roles, region_tree
from taizhang.units.models import Region, Unit
from taizhang.units.services import match_names

COLUMNS = ("单位", "姓名", "手机", "邮箱", "角色")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 1000
PHONE = re.compile(r"^1\d{10}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What offices write in the 角色 column, besides the labels themselves.
ROLE_NAMES = {
    "联络员": Role.LIAISON,
    "审核人": Role.REVIEWER,
    "县级依法治理办": Role.COUNTY_OFFICE,
    "县依法治理办": Role.COUNTY_OFFICE,
    "领导": Role.LEADER,
    "依法治理办": Role.OFFICE_ADMIN,
    "管理员": Role.OFFICE_ADMIN,
    **{label: value for value, label in Role.choices},
}


UNREADABLE = "无法读取该文件，请使用下载的模板（.xlsx 格式）填写后上传。"


class RosterRejected(Exception):
    """The file itself cannot be read as a roster (message in Chinese)."""


@dataclass
class Row:
    number: int  # the row number in the sheet, as the office sees it in WPS or Excel
    values: dict[str, str]
    person: actions.Person | None = None
    errors: list[str] = field(default_factory=list)
    username: str = ""
    password: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class Result:
    rows: list[Row]
    created: bool

    @property
    def bad_rows(self) -> list[Row]:
        return [row for row in self.rows if not row.ok]


# -- reading ---------------------------------------------------------------------------


def read(data: bytes) -> list[Row]:
    if len(data) > MAX_BYTES:
        raise RosterRejected("文件超过 2 MB，请只保留人员名单。")
    from openpyxl import load_workbook  # with the first roster read, not at every start

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not .xlsx
        raise RosterRejected(
            "无法读取该文件，请使用下载的模板（.xlsx 格式）填写后上传。"
        ) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(v) for v in next(rows, ())]
    if tuple(header[: len(COLUMNS)]) != COLUMNS:
        raise RosterRejected(f"第一行应为表头：{'、'.join(COLUMNS)}。请使用下载的模板。")
    found = []
    for number, values in enumerate(rows, start=2):
        cells = {name: _text(v) for name, v in zip(COLUMNS, values, strict=False)}
        if not any(cells.values()):
            continue
        if len(found) >= MAX_ROWS:
            raise RosterRejected(f"一次最多导入 {MAX_ROWS} 人，请分批导入。")
        found.append(Row(number, {name: cells.get(name, "") for name in COLUMNS}))
    workbook.close()
    if not found:
        raise RosterRejected("名单中没有人员，请在表头下方逐行填写。")
    return found


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed into a number cell
    return str(value).strip()


# -- checking and creating ---------------------------------------------------------------------


def check(actor, organisation, rows: list[Row]) -> None:
    """Fill each row's person or its errors."""
    units = match_names(organisation, {r.values["单位"] for r in rows if r.values["单位"]})
    regions = {r.name: r for r in Region.objects.filter(organisation=organisation)}
    allowed = assignable_roles(actor)
    reach = region_tree(actor.region_id) if actor.role == Role.COUNTY_OFFICE else None
    seen: dict[str, int] = {}
    for row in rows:
        v = row.values
        role = ROLE_NAMES.get(v["角色"])
        if not v["姓名"]:
            row.errors.append("姓名为空")
        if not PHONE.match(v["手机"]):
            row.errors.append("手机号应为11位数字")
        elif v["手机"] in seen:
            row.errors.append(f"手机号与第{seen[v['手机']]}行重复")
        else:
            seen[v["手机"]] = row.number
        if v["邮箱"] and not EMAIL.match(v["邮箱"]):
            row.errors.append("邮箱格式不正确")
        if role is None:
            row.errors.append(f"角色“{v['角色']}”无法识别")
        elif role not in allowed:
            row.errors.append(f"您不能开通“{role.label}”账号")
        unit, region = _place(v["单位"], role, units, regions, row)
        if reach is not None and unit is not None and unit.region_id not in reach:
            row.errors.append("该单位不在本县(市、区)")
        if row.ok:
            row.person = actions.Person(
                v["姓名"], role, unit=unit, region=region, phone=v["手机"], email=v["邮箱"]
            )
    _check_taken(rows)


def _place(name, role, units, regions, row) -> tuple[Unit | None, Region | None]:
    """The unit of a liaison or reviewer; the county of a county office (by the county's
    name, or the name of one of its units)."""
    if role in (Role.OFFICE_ADMIN, Role.LEADER, None):
        return None, None
    if not name:
        row.errors.append("单位为空")
        return None, None
    unit = units.get(name)
    if role == Role.COUNTY_OFFICE:
        region = regions.get(name) or (unit.region if unit else None)
        if region is None or region.level != Region.Level.COUNTY:
            row.errors.append(f"“{name}”不是本组织的县(市、区)")
        return None, region
    if unit is None:
        row.errors.append(f"单位“{name}”不在单位名录中")
    return unit, None


def _check_taken(rows: list[Row]) -> None:
    phones = {r.values["手机"] for r in rows if r.values["手机"]}
    taken = set(User.objects.filter(phone__in=phones).values_list("phone", flat=True))
    taken |= set(User.objects.filter(username__in=phones).values_list("username", flat=True))
    for row in rows:
        if row.values["手机"] in taken:
            row.errors.append("该手机号已有账号")
            row.person = None


def import_roster(actor, organisation, data: bytes) -> Result:
    """Check the roster; create every account, or none."""
    rows = read(data)
    check(actor, organisation, rows)
    if any(not row.ok for row in rows):
        return Result(rows, created=False)
    try:
        with transaction.atomic():
            for row in rows:
                current = row
                user, row.password = actions.create_account(actor, organisation, row.person)
                row.username = user.username
    except actions.AccountError as error:  # e.g. taken meanwhile by another import
        current.errors.extend(error.messages)
        for row in rows:
            row.username = row.password = ""
        return Result(rows, created=False)
    return Result(rows, created=True)


# -- the template --------------------------------------------------------------------------------


def template(actor, organisation) -> bytes:
    """The roster template: the header, a sheet of the units the office may choose and the
    roles it may give (the 角色 column offers them as a list), and how to fill it in."""
    roles = [Role(r).label for r in assignable_roles(actor)]
    units = Unit.objects.filter(organisation=organisation).order_by("level", "name")
    if actor.role == Role.COUNTY_OFFICE:
        units = units.filter(region_id__in=region_tree(actor.region_id))
    names = [u.name for u in units]

    def fill(workbook):
        sheet = xlsx.new_sheet(workbook, "人员名单")
        xlsx.write_header(sheet, COLUMNS)
        xlsx.set_layout(sheet, (30, 12, 16, 26, 18), header_rows=1)
        choices = xlsx.new_sheet(workbook, "可选单位和角色")
        xlsx.write_header(choices, ("单位名称", "角色"))
        xlsx.set_layout(choices, (36, 20), header_rows=1)
        for index in range(max(len(names), len(roles))):
            pair = (names[index : index + 1], roles[index : index + 1])
            xlsx.append(choices, [(values or [""])[0] for values in pair])
        if roles:
            from openpyxl.worksheet.datavalidation import DataValidation

            pick = DataValidation(
                type="list", formula1=f"'可选单位和角色'!$B$2:$B${len(roles) + 1}"
            )
            pick.add(f"E2:E{MAX_ROWS + 1}")
            sheet.add_data_validation(pick)
        notes = xlsx.new_sheet(workbook, "填写说明")
        for line in NOTES:
            xlsx.append(notes, [line])
        notes.column_dimensions["A"].width = 100

    return xlsx.workbook_bytes(fill)


NOTES = (
    "每行一人：单位须与单位名录中的名称（或别名）一致；县级依法治理办的“单位”填县(市、区)名称。",
    "手机号作为登录用户名，11位数字，不能与已有账号重复；邮箱可不填。",
    "导入后每人获得一个一次性密码，仅在导入结果页显示一次；本人首次登录须修改密码。",
    "有任何一行不符合要求时，整个名单都不会导入，请按结果页的提示修改后重新上传。",
)
