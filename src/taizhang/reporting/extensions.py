"""The write path of 延期申请: a unit asks for a later due date for its report of a period,
or for a later 完成时限 of its assignment (the lead unit's is the measure's); the office
approves or refuses with a comment. Every request is kept (the history of a deadline);
the latest approved date is what on-time (ProgressReportQuerySet.with_on_time,
on_time_in) and status (status_of via measure_statuses / assignment_statuses) use."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from taizhang.audit.log import record
from taizhang.documents.official import written_date
from taizhang.notifications.api import Message, notify, said
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit, office
from taizhang.plans.models import Assignment
from taizhang.reporting.evidence import checked_for_storing
from taizhang.reporting.models import (
    AuditAction,
    Extension,
    ProgressReport,
    approved_deadline,
    report_due,
)

MAX_REASON = Extension.MAX_REASON


class ExtensionRefused(Exception):
    """The request or decision does not fit the state of things."""


def current_due(assignment, period=None) -> datetime.date | None:
    """The deadline in force: the report's due date for ``period`` (or the assignment's
    完成时限), with any extension already approved."""
    if period is not None:
        return report_due(period, assignment.pk)
    found = approved_deadline(assignment=assignment.pk).first()
    own = assignment.measure.deadline
    return max(found["requested_due"], own or found["requested_due"]) if found else own


@transaction.atomic
def request(assignment, period, user, requested_due, reason: str, upload=None) -> Extension:
    """A unit asks for a later date, with a reason and an optional evidence file (checked
    by its content and bounded as report evidence is)."""
    reason = Extension.checked_reason(reason, "请填写延期理由。")
    checked = checked_for_storing(upload) if upload is not None else None
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("unit", "measure__plan__organisation")
        .get(pk=assignment.pk)
    )
    if period is not None and period.plan_id != assignment.measure.plan_id:
        raise ValidationError("报送周期不属于该任务所在的方案。")
    due = current_due(assignment, period)
    if period is None and due is None:
        raise ExtensionRefused("该任务没有完成时限（长期坚持），无需申请延期。")
    if requested_due <= due:
        raise ValidationError(f"申请延至的日期须晚于现在的期限（{written_date(due)}）。")
    if period is not None:
        report = ProgressReport.objects.filter(assignment=assignment, period=period).first()
        if report is not None and report.first_submitted_at is not None:
            raise ExtensionRefused("本期报告已经报送，无需申请延期。")
    if assignment.extensions.filter(period=period, state=Extension.State.PENDING).exists():
        raise ExtensionRefused("已有一份延期申请正在等待依法治理办审批。")
    extension = Extension(
        assignment=assignment,
        period=period,
        current_due=due,
        requested_due=requested_due,
        reason=reason,
        requested_by=user,
    )
    changes = {"current_due": str(due), "requested_due": str(requested_due)}
    if checked is not None:
        extension.content_type, extension.original_name = (
            checked.content_type,
            checked.original_name,
        )
        extension.size, extension.file = checked.size, upload
        changes["original_name"] = extension.original_name
    extension.save()
    organisation = assignment.measure.plan.organisation
    record(
        user,
        AuditAction.EXTENSION_REQUEST,
        extension,
        changes,
        reason[:500],
        organisation=organisation.pk,
    )
    unit, measure = assignment.unit, assignment.measure
    notify(
        organisation,
        Message(
            Event.EXTENSION_REQUESTED,
            f"extension_requested:{extension.pk}",
            f"延期申请：{unit.name} · 任务{measure.number}",
            f"{unit.name}申请将任务{measure.number}的{extension.what}由{written_date(due)}"
            f"延至{written_date(requested_due)}，理由：{reason}。"
            f"{'附佐证材料。' if extension.file else ''}请审批。",
            reverse("workspace:todo"),
        ),
        users=office(organisation.pk),
    )
    return extension


@transaction.atomic
def decide(extension, user, approve: bool, comment: str = "") -> Extension:
    comment = (comment or "").strip()
    extension = (
        Extension.objects.select_for_update(of=("self",))
        .select_related("assignment__unit", "assignment__measure__plan__organisation", "period")
        .get(pk=extension.pk)
    )
    extension.settle(user, approve, comment)
    assignment = extension.assignment
    organisation = assignment.measure.plan.organisation
    action = AuditAction.EXTENSION_APPROVE if approve else AuditAction.EXTENSION_REFUSE
    changes = {"state": [Extension.State.PENDING, extension.state]}
    record(user, action, extension, changes, comment[:500], organisation=organisation.pk)
    unit, measure = assignment.unit, assignment.measure
    verdict = "同意" if approve else "不同意"
    outcome = (
        f"{extension.what}延至{written_date(extension.requested_due)}。"
        if approve
        else f"{extension.what}仍为{written_date(extension.current_due)}。"
    )
    notify(
        organisation,
        Message(
            Event.EXTENSION_DECIDED,
            f"extension_decided:{extension.pk}",
            f"延期申请审批结果：任务{measure.number}（{verdict}）",
            f"依法治理办{verdict}{unit.name}关于任务{measure.number}的延期申请"
            + (f"，意见：{said(comment)}" if comment else "")
            + f"。{outcome}",
            reverse("workspace:todo"),
        ),
        users=for_unit(unit, Duty.FILE),
        units=[unit],
    )
    return extension
