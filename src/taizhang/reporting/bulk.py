"""The bulk variants of reporting's write path, for many reports at once (a history
replayed, as the demo's year): the same rows, versions and audit entries as
services.file_report and services.review make one report at a time, each stamped with the
time it happened, written in a few statements. The rules are services.py's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from taizhang.audit.bulk import create_as_of, update_as_of
from taizhang.audit.log import entry_for, record_many
from taizhang.reporting import events
from taizhang.reporting.models import AuditAction, ProgressReport, ReportVersion, Review
from taizhang.reporting.services import (
    EDITABLE_FIELDS,
    OPEN_STATES,
    ConcurrentEdit,
    WorkflowError,
    _snapshot,
)


@dataclass
class Filing:
    """A new report filed and sent at once (file_report with submit_after), at ``at``."""

    assignment: object  # with its unit and measure loaded (the audit entry names them)
    period: object
    user: object
    data: dict
    at: datetime


@dataclass
class Decision:
    """A submitted report accepted or returned by ``reviewer`` at ``at``."""

    report: ProgressReport
    reviewer: object
    decision: str
    comment: str
    at: datetime


@dataclass
class Refiling:
    """A returned report written again and sent at once (file_report with submit_after on
    the report as ``report`` holds it: its version is the one the unit read) at ``at``."""

    report: ProgressReport
    user: object
    data: dict
    at: datetime


@transaction.atomic
def file_new_reports(filings: Sequence[Filing]) -> list[ProgressReport]:
    """Create and submit the reports of ``filings``, none of which may exist yet: each gets
    version 1 (保存) and 2 (报送) and their two audit entries, as file_report gives it."""
    taken = ProgressReport.objects.filter(
        assignment_id__in={f.assignment.pk for f in filings},
        period_id__in={f.period.pk for f in filings},
    ).values_list("assignment_id", "period_id")
    pairs = {(f.assignment.pk, f.period.pk) for f in filings}
    if pairs & set(taken) or len(pairs) != len(filings):
        raise WorkflowError("批量报送只能新建报告：其中已有报告存在。")
    reports, saves = [], []
    for filing in filings:
        report = ProgressReport(assignment=filing.assignment, period=filing.period, version=0)
        saves.append(_fill(report, filing.data))
        if not report.narrative.strip():
            raise ValidationError("请填写进展情况后再提交审核。")
        report.version, report.state = 2, ProgressReport.State.SUBMITTED
        report.updated_by, report.updated_at = filing.user, filing.at
        report.submitted_at = report.first_submitted_at = filing.at
        reports.append(report)
    create_as_of(reports)
    versions, entries = [], []
    for report, filing, changes in zip(reports, filings, saves, strict=True):
        draft = {**_snapshot_of_new(report), "state": ProgressReport.State.DRAFT}
        submitted = _snapshot_of_new(report)
        for number, action, snapshot, change in (
            (1, AuditAction.SAVE, draft, changes),
            (2, AuditAction.SUBMIT, submitted, {"state": report.state}),
        ):
            versions.append(_version(report, number, action, snapshot, filing.user, filing.at))
            entries.append(_entry(report, filing.user, action, change, "", filing.at))
    create_as_of(versions)
    record_many(entries)
    return reports


def _locked(pks) -> dict[int, ProgressReport]:
    """The reports a batch changes, locked, with what their versions and entries read."""
    return {
        report.pk: report
        for report in ProgressReport.objects.select_for_update(of=("self",))
        .filter(pk__in=list(pks))
        .select_related("assignment__unit", "assignment__measure", "period")
        .prefetch_related("values", "evidence")
    }


@transaction.atomic
def review_reports(decisions: Sequence[Decision]) -> list[ProgressReport]:
    """Accept or return submitted reports, each as services.review does (its review, new
    version and audit entry, and the unit told of a return). One report that is not
    waiting for review refuses the batch."""
    current = _locked(d.report.pk for d in decisions)
    reviews, versions, entries, reports = [], [], [], []
    for decision in decisions:
        report = current[decision.report.pk]
        if report.state != ProgressReport.State.SUBMITTED or report.version != (
            decision.report.version
        ):
            raise WorkflowError(f"只能审核已报送的报告：{report}")
        if decision.decision == Review.Decision.RETURN and not decision.comment.strip():
            raise ValidationError("退回时请填写退回意见。")
        accept = decision.decision == Review.Decision.ACCEPT
        role = getattr(decision.reviewer, "role", None)
        by_office = report.is_lead_report or role == "office_admin"
        reviews.append(
            Review(
                report=report,
                reviewer=decision.reviewer,
                stage=Review.Stage.OFFICE if by_office else Review.Stage.LEAD,
                decision=decision.decision,
                comment=decision.comment,
                at=decision.at,
            )
        )
        report.state = ProgressReport.State.ACCEPTED if accept else ProgressReport.State.RETURNED
        report.version += 1
        report.updated_by, report.updated_at = decision.reviewer, decision.at
        action = AuditAction.ACCEPT if accept else AuditAction.RETURN
        snapshot = _snapshot(report)
        versions.append(
            _version(report, report.version, action, snapshot, decision.reviewer, decision.at)
        )
        reason = decision.comment[:500]
        changes = {"state": report.state}
        entries.append(_entry(report, decision.reviewer, action, changes, reason, decision.at))
        reports.append(report)
    create_as_of(reviews)
    update_as_of(reports, ["state", "version", "updated_by", "updated_at"])
    create_as_of(versions)
    record_many(entries)
    returned = [
        (report, review)
        for report, review in zip(reports, reviews, strict=True)
        if review.decision == Review.Decision.RETURN
    ]
    events.reports_returned(returned)  # each unit told, dated when its report came back
    return reports


@transaction.atomic
def file_again(refilings: Sequence[Refiling]) -> list[ProgressReport]:
    """Save and send again reports that are open (a returned one), each as file_report
    with submit_after does it: version n+1 (保存, what changed) and n+2 (报送), their two
    audit entries; the first submission's time stays (it decides on time). A report saved
    by someone else since (its version moved) or already sent refuses the batch."""
    current = _locked(r.report.pk for r in refilings)
    versions, entries, reports = [], [], []
    for refiling in refilings:
        report, user, at = current[refiling.report.pk], refiling.user, refiling.at
        if report.version != refiling.report.version:
            raise ConcurrentEdit(report)
        if report.state not in OPEN_STATES:
            raise WorkflowError("该报告已报送，不能修改。")
        changes = _fill(report, refiling.data)
        if not report.narrative.strip():
            raise ValidationError("请填写进展情况后再提交审核。")
        report.updated_by, report.updated_at = user, at
        report.version += 1
        versions.append(
            _version(report, report.version, AuditAction.SAVE, _snapshot(report), user, at)
        )
        entries.append(_entry(report, user, AuditAction.SAVE, changes, "", at))
        report.state, report.submitted_at = ProgressReport.State.SUBMITTED, at
        if report.first_submitted_at is None:
            report.first_submitted_at = at
        report.version += 1
        versions.append(
            _version(report, report.version, AuditAction.SUBMIT, _snapshot(report), user, at)
        )
        changes = {"state": report.state}
        entries.append(_entry(report, user, AuditAction.SUBMIT, changes, "", at))
        reports.append(report)
    fields = [*EDITABLE_FIELDS, "state", "version", "submitted_at", "first_submitted_at"]
    update_as_of(reports, [*fields, "updated_by", "updated_at"])
    create_as_of(versions)
    record_many(entries)
    return reports


def _fill(report, data: dict) -> dict:
    """Set the editable fields from ``data``; the changes as save_draft records them."""
    changes = {}
    for field in EDITABLE_FIELDS:
        if field in data and getattr(report, field) != data[field]:
            changes[field] = [getattr(report, field), data[field]]
            setattr(report, field, data[field])
    return changes


def _snapshot_of_new(report) -> dict:
    """_snapshot of a report just made (no values, no evidence yet), without asking."""
    snapshot = {field: getattr(report, field) for field in EDITABLE_FIELDS}
    return {**snapshot, "state": report.state, "values": {}, "evidence": []}


def _version(report, number, action, snapshot, author, at) -> ReportVersion:
    return ReportVersion(
        report=report, number=number, action=action, snapshot=snapshot, author=author, created_at=at
    )


def _entry(report, actor, action, changes, reason, at):
    organisation = report.assignment.unit.organisation_id
    return entry_for(actor, action, report, changes, reason, organisation=organisation, at=at)
