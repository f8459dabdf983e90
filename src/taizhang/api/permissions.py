"""Object checks for the API: the same `rules` permissions the web pages ask for.

Objects are first looked up inside the person's organisation (404 otherwise), then
checked with the permission (403 when denied)."""

from __future__ import annotations

import rules
from rest_framework.exceptions import NotFound, PermissionDenied

from taizhang.accounts.access import may
from taizhang.plans.scoping import units_in_scope
from taizhang.reporting import rules as reporting_rules
from taizhang.reporting.models import ProgressReport

from .errors import InvalidState

# The filing half of reporting.edit_report, without its state condition: tells "you may
# never edit this" (403) from "this report can no longer be edited" (409).
_may_file = reporting_rules.in_organisation & reporting_rules.may_file


def find(queryset, pk, message: str = "没有找到该记录。"):
    """The object, or 404 with a message that says nothing of other organisations."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise NotFound(message)
    return obj


def get_permitted(user, queryset, pk, perm: str, message: str):
    obj = find(queryset, pk)
    require(user, perm, obj, message)
    return obj


def require(user, perm: str, obj, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def require_rule(user, perm: str, obj, message: str) -> None:
    """For changes: the rule alone. Django lets a superuser (the system administrator)
    pass every has_perm, but only the people the rule names may file or review."""
    if not may(user, perm, obj):
        raise PermissionDenied(message)


def require_unit_visible(user, unit) -> None:
    """The directory's readers see any unit (units.view_unit); other people the units
    whose work they file (their own unit, a county office its county's units)."""
    if user.has_perm("units.view_unit", unit):
        return
    if not units_in_scope(user).filter(pk=unit.pk).exists():
        raise PermissionDenied("您无权查看该单位。")


def require_edit(user, report: ProgressReport) -> None:
    if user.is_active and rules.has_perm("reporting.edit_report", user, report):
        return
    if _may_file.test(user, report):
        raise InvalidState(f"该报告{report.get_state_display()}，不能再修改或报送。")
    raise PermissionDenied("您无权修改该报告。")
