"""Loading the objects a reporting page is about: 404 across organisations (nobody
learns what another organisation has), 403 when the person may not do the thing."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from taizhang.accounts.access import may, require  # noqa: F401 (used by the views)
from taizhang.accounts.models import Role
from taizhang.plans.models import Assignment
from taizhang.reporting.models import Evidence, Period, ProgressReport

REPORT_RELATED = (
    "assignment__unit",
    "assignment__measure__plan",
    "period",
    "updated_by",
)


def same_organisation(user, organisation_id) -> None:
    if user.role != Role.SYSTEM_ADMIN and organisation_id != user.organisation_id:
        raise Http404("没有找到该报告。")


def report_for_form(user, assignment_id: int, period_id: int) -> ProgressReport:
    """The report of an assignment for a period, unsaved (version 0) if nobody has
    written one yet."""
    assignment = get_object_or_404(
        Assignment.objects.select_related("unit", "measure__plan"), pk=assignment_id
    )
    same_organisation(user, assignment.unit.organisation_id)
    period = get_object_or_404(Period, pk=period_id, plan_id=assignment.measure.plan_id)
    report = (
        ProgressReport.objects.select_related("updated_by")
        .filter(assignment=assignment, period=period)
        .first()
    )
    if report is None:
        report = ProgressReport(assignment=assignment, period=period, version=0)
    else:  # share the objects already loaded
        report.assignment, report.period = assignment, period
    return report


def report(user, report_id: int) -> ProgressReport:
    found = get_object_or_404(ProgressReport.objects.select_related(*REPORT_RELATED), pk=report_id)
    same_organisation(user, found.assignment.unit.organisation_id)
    return found


def evidence(user, evidence_id: int) -> Evidence:
    found = get_object_or_404(
        Evidence.objects.select_related(*(f"report__{name}" for name in REPORT_RELATED)),
        pk=evidence_id,
    )
    same_organisation(user, found.report.assignment.unit.organisation_id)
    return found


def period(user, period_id: int) -> Period:
    found = get_object_or_404(Period.objects.select_related("plan"), pk=period_id)
    same_organisation(user, found.plan.organisation_id)
    return found
