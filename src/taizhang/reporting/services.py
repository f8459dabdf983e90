"""The write path of reporting: every change to a report goes through here, is versioned
and audited, and is refused when someone else saved the report in the meantime."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.reporting.evidence import check_upload
from taizhang.reporting.models import (
    Evidence,
    IndicatorValue,
    ProgressReport,
    ReportVersion,
    Review,
)

EDITABLE_FIELDS = ("status", "narrative", "actions", "problems", "next_steps")


class ConcurrentEdit(Exception):
    """The report changed since the editor loaded it; their changes were not saved."""


class WorkflowError(Exception):
    """The action does not fit the report's state (e.g. reviewing a draft)."""


def start_report(assignment, period) -> ProgressReport:
    report, _ = ProgressReport.objects.get_or_create(assignment=assignment, period=period)
    return report


@transaction.atomic
def save_draft(report, user, data: dict, expected_version: int, values=None) -> ProgressReport:
    report = _lock(report, expected_version)
    if report.state in (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED):
        raise WorkflowError("已报送的报告不能修改。")
    changes = {}
    for field in EDITABLE_FIELDS:
        if field in data and getattr(report, field) != data[field]:
            changes[field] = [getattr(report, field), data[field]]
            setattr(report, field, data[field])
    for target, (value, source) in (values or {}).items():
        IndicatorValue.objects.update_or_create(
            report=report, target=target, defaults={"value": value, "source": source}
        )
        changes[f"target:{target.pk}"] = value
    return _commit(report, user, "save", changes)


@transaction.atomic
def submit(report, user, expected_version: int) -> ProgressReport:
    report = _lock(report, expected_version)
    if report.state not in (ProgressReport.State.DRAFT, ProgressReport.State.RETURNED):
        raise WorkflowError("该报告当前不能报送。")
    if not report.narrative.strip():
        raise ValidationError("请填写进展情况后再报送。")
    report.state = ProgressReport.State.SUBMITTED
    report.submitted_at = timezone.now()
    return _commit(report, user, "submit", {"state": "submitted"})


@transaction.atomic
def review(report, reviewer, decision: str, comment: str, expected_version: int):
    """Accept or return a submitted report. A responsible unit's report is reviewed by
    the lead unit, the lead unit's report by the office (the caller checks who may)."""
    report = _lock(report, expected_version)
    if report.state != ProgressReport.State.SUBMITTED:
        raise WorkflowError("只能审核已报送的报告。")
    if decision == Review.Decision.RETURN and not comment.strip():
        raise ValidationError("退回时请填写退回意见。")
    stage = Review.Stage.OFFICE if report.is_lead_report else Review.Stage.LEAD
    Review.objects.create(
        report=report, reviewer=reviewer, stage=stage, decision=decision, comment=comment
    )
    report.state = (
        ProgressReport.State.ACCEPTED
        if decision == Review.Decision.ACCEPT
        else ProgressReport.State.RETURNED
    )
    return _commit(report, reviewer, decision, {"state": report.state}, reason=comment)


@transaction.atomic
def mark_highlight(report, user, highlight: bool) -> ProgressReport:
    report.highlight = highlight
    report.save(update_fields=["highlight"])
    record(user, "highlight", report, {"highlight": highlight})
    return report


@transaction.atomic
def add_evidence(report, user, upload) -> Evidence:
    if report.state in (ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED):
        raise WorkflowError("已报送的报告不能再添加材料。")
    content_type = check_upload(upload)
    evidence = Evidence.objects.create(
        report=report,
        file=upload,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        uploaded_by=user,
    )
    record(user, "evidence", report, {"file": evidence.original_name})
    return evidence


def _lock(report, expected_version: int) -> ProgressReport:
    """Reload the report under a row lock and check nobody saved it since it was read."""
    current = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if current.version != expected_version:
        raise ConcurrentEdit(
            f"该报告已被他人修改（当前版本 {current.version}），请刷新后重新编辑。"
        )
    return current


def _commit(report, user, action: str, changes: dict, reason: str = "") -> ProgressReport:
    report.version += 1
    report.updated_by = user
    report.save()
    ReportVersion.objects.create(
        report=report,
        number=report.version,
        action=action,
        snapshot=_snapshot(report),
        author=user,
    )
    record(user, action, report, changes, reason)
    return report


def _snapshot(report) -> dict:
    snapshot = {field: getattr(report, field) for field in EDITABLE_FIELDS}
    snapshot["state"] = report.state
    snapshot["values"] = {str(v.target_id): [v.value, v.source] for v in report.values.all()}
    return snapshot
