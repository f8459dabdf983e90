"""The write path of accounts: every change to a person's account goes through here, is
checked against who may do it, and is audited.

The office runs its organisation's people; a county office the people of its county's
units; the system administrator the organisations' office administrators. Accounts are
never deleted (reports, reviews and the audit log keep their authors' names): they are
deactivated, and can be reactivated. A password set by an administrator is a one-time
password, shown to the administrator once and never stored or sent anywhere: its owner
must replace it at the next login."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from taizhang.accounts.models import Role, User
from taizhang.audit.log import record
from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event
from taizhang.people.models import AuditAction
from taizhang.people.scope import assignable_roles, manages, region_tree
from taizhang.units.models import Region, Unit

UNIT_ROLES = (Role.LIAISON, Role.REVIEWER)
ONE_TIME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"


class AccountError(ValidationError):
    """The change is refused; the message says why, in Chinese."""


@dataclass
class Person:
    """What an administrator enters for a new account (or a roster row)."""

    display_name: str
    role: str
    unit: Unit | None = None
    region: Region | None = None
    phone: str = ""
    email: str = ""
    username: str = ""


# -- creating ---------------------------------------------------------------------------


@transaction.atomic
def create_account(actor, organisation, person: Person) -> tuple[User, str]:
    """A new account and its one-time password (shown once to ``actor``)."""
    _check_placement(actor, organisation, person.role, person.unit, person.region)
    username = (person.username or person.phone or "").strip()
    _check_identity(username, person)
    password = one_time_password()
    user = User(
        username=username,
        display_name=person.display_name.strip(),
        organisation=organisation,
        role=person.role,
        unit=person.unit if person.role in UNIT_ROLES else None,
        region=person.region if person.role == Role.COUNTY_OFFICE else None,
        phone=person.phone.strip(),
        email=person.email.strip(),
        must_change_password=True,
    )
    user.set_password(password)
    user.save()
    record(actor, AuditAction.CREATE_ACCOUNT, user, _shown(user), organisation=organisation)
    _welcome(user)
    return user, password


def _welcome(user: User) -> None:
    """Tell the new person (message centre, and email when given) how to begin. The
    one-time password is never in it: it goes from the office to the person directly."""
    where = (
        f"，单位：{user.unit}" if user.unit else (f"，区域：{user.region}" if user.region else "")
    )
    notify(
        user.organisation,
        Message(
            Event.ACCOUNT_CREATED,
            f"account_created:{user.pk}",
            "您的台账账号已开通",
            f"用户名：{user.username}；角色：{user.get_role_display()}{where}。"
            "初始密码由依法治理办另行告知，首次登录须设置新密码。"
            "请在“通知设置”中选择接收提醒的方式。",
            reverse("workspace:todo"),
        ),
        users=[user],
    )


# -- passwords and locks ----------------------------------------------------------------------


@transaction.atomic
def reset_password(actor, user: User) -> str:
    """A new one-time password; every session of the person ends (the hash changed)."""
    _check_manages(actor, user)
    password = one_time_password()
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    _unlock(user)
    record(
        actor,
        AuditAction.RESET_PASSWORD,
        user,
        {"one_time_password": "已设置，下次登录须修改"},
        organisation=user.organisation_id,
    )
    return password


@transaction.atomic
def change_own_password(user: User, password: str) -> None:
    """The person sets their own password (validated against the policy)."""
    validate_password(password, user)
    user.set_password(password)
    user.must_change_password = False
    user.save(update_fields=["password", "must_change_password"])
    record(user, AuditAction.CHANGE_PASSWORD, user, {}, organisation=user.organisation_id)


@transaction.atomic
def unlock(actor, user: User) -> int:
    """Lift the lock of too many failed logins, whichever address they came from."""
    _check_manages(actor, user)
    cleared = _unlock(user)
    record(
        actor,
        AuditAction.UNLOCK,
        user,
        {"cleared_attempts": cleared},
        organisation=user.organisation_id,
    )
    return cleared


def _unlock(user: User) -> int:
    from axes.utils import reset

    return reset(username=user.username)


def is_locked(user: User) -> bool:
    from axes.models import AccessAttempt
    from django.conf import settings

    return AccessAttempt.objects.filter(
        username=user.username, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
    ).exists()


# -- changing -----------------------------------------------------------------------------------


@transaction.atomic
def change_account(actor, user: User, person: Person, reason: str = "") -> User:
    """Name, contact details, role and unit (or region) of an account."""
    _check_manages(actor, user)
    if user.pk == actor.pk and person.role != user.role:
        raise AccountError("不能修改自己的角色。")
    _check_placement(actor, user.organisation, person.role, person.unit, person.region)
    before = _shown(user)
    user.display_name, user.role = person.display_name.strip(), person.role
    user.unit = person.unit if person.role in UNIT_ROLES else None
    user.region = person.region if person.role == Role.COUNTY_OFFICE else None
    user.phone, user.email = person.phone.strip(), person.email.strip()
    _check_identity(user.username, person, user)
    after = _shown(user)
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        user.save()
        record(
            actor,
            AuditAction.CHANGE_ACCOUNT,
            user,
            changes,
            reason,
            organisation=user.organisation_id,
        )
    return user


@transaction.atomic
def set_active(actor, user: User, active: bool, reason: str) -> User:
    """Deactivate (停用) or reactivate an account. Nothing is deleted: the person's
    reports, reviews and audit entries keep the name."""
    _check_manages(actor, user)
    if user.pk == actor.pk:
        raise AccountError("不能停用自己的账号。")
    if not reason.strip():
        raise AccountError("请填写原因。")
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        action = AuditAction.REACTIVATE if active else AuditAction.DEACTIVATE
        record(actor, action, user, {}, reason, organisation=user.organisation_id)
    return user


# -- checks -------------------------------------------------------------------------------------


def _check_manages(actor, user: User) -> None:
    if not manages(actor, user):
        raise AccountError("您无权管理该账号。")


def _check_placement(actor, organisation, role, unit, region) -> None:
    """The role is one the actor may give, with the unit or region it needs, inside the
    actor's reach."""
    if role not in assignable_roles(actor):
        raise AccountError(f"您不能设置“{Role(role).label}”角色的账号。")
    if organisation is None:
        raise AccountError("请选择所属组织。")
    if role in UNIT_ROLES:
        if unit is None:
            raise AccountError("联络员和审核人须指定所在单位。")
        if unit.organisation_id != organisation.pk:
            raise AccountError("所选单位不属于本组织。")
    if role == Role.COUNTY_OFFICE:
        if region is None or region.level != Region.Level.COUNTY:
            raise AccountError("县级依法治理办须指定所在县(市、区)。")
        if region.organisation_id != organisation.pk:
            raise AccountError("所选区域不属于本组织。")
    reach = getattr(actor, "region_id", None) if actor.role == Role.COUNTY_OFFICE else None
    if reach is not None and (unit is None or unit.region_id not in region_tree(reach)):
        raise AccountError("只能为本县(市、区)的单位开通账号。")


def _check_identity(username: str, person: Person, existing: User | None = None) -> None:
    if not person.display_name.strip():
        raise AccountError("请填写姓名。")
    if not username:
        raise AccountError("请填写手机号（作为登录用户名）。")
    others = User.objects.exclude(pk=getattr(existing, "pk", None))
    if others.filter(username__iexact=username).exists():
        raise AccountError(f"用户名“{username}”已被使用。")
    phone = person.phone.strip()
    if phone and others.filter(phone=phone).exists():
        raise AccountError(f"手机号 {phone} 已有账号。")


def _shown(user: User) -> dict:
    """The fields the log shows (keyed by field name: the log labels them)."""
    return {
        "display_name": user.display_name,
        "role": user.get_role_display(),
        "unit": str(user.unit or ""),
        "region": str(user.region or ""),
        "phone": user.phone,
        "email": user.email,
    }


def one_time_password(length: int = 12) -> str:
    """Random, with upper and lower case letters and digits (three classes), no look-alike
    characters (0/O, 1/l/I) so that it can be read out over the phone."""
    while True:
        password = "".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(length))
        if (
            any(c in string.ascii_uppercase for c in password)
            and any(c in string.ascii_lowercase for c in password)
            and any(c.isdigit() for c in password)
        ):
            return password
