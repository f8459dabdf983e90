"""Object checks for the API: the same rules the web pages ask (accounts/access.py).

Objects are first looked up inside the person's organisation (404 otherwise), then
checked with the permission (403 when denied): DRF answers Django's Http404 and
PermissionDenied with those codes and the message."""

from __future__ import annotations

from rest_framework.exceptions import NotFound, PermissionDenied

from taizhang.reporting import rules as reporting_rules
from taizhang.reporting.models import ProgressReport

from .errors import InvalidState

# The filing half of reporting.edit_report, without its state condition: tells "you may
# never edit this" (403) from "this report can no longer be edited" (409).
_may_file = reporting_rules.in_organisation & reporting_rules.may_file


def find(queryset, pk, message: str = "没有找到该记录。"):
    """An object of an already scoped queryset, or 404 with a message that says nothing
    of other organisations."""
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise NotFound(message)
    return obj


def require_edit(user, report: ProgressReport) -> None:
    if user.has_perm("reporting.edit_report", report):
        return
    if _may_file.test(user, report):
        raise InvalidState(f"该报告{report.get_state_display()}，不能再修改或报送。")
    raise PermissionDenied("您无权修改该报告。")
