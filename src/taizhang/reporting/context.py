"""What the report pages show around a report: the measure, its targets and values,
evidence, reviews, and for a lead unit the responsible units' reports; and how they load
it (REPORTS: with what the pages read)."""

from __future__ import annotations

from taizhang.audit.models import AuditEntry
from taizhang.reporting.models import (
    AuditAction,
    Evidence,
    ProgressReport,
    Review,
    assignment_deadlines,
    deadline_label,
)

REPORT_RELATED = ("assignment__unit", "assignment__measure__plan", "period", "updated_by")
REPORTS = ProgressReport.objects.select_related(*REPORT_RELATED)
EVIDENCE = Evidence.objects.select_related(*(f"report__{name}" for name in REPORT_RELATED))
NOT_FOUND = "没有找到该报告。"


def report_context(report: ProgressReport) -> dict:
    measure = report.assignment.measure
    targets = list(measure.targets.order_by("id"))
    saved = report.pk is not None
    values = {v.target_id: v for v in report.values.all()} if saved else {}
    reviews = list(report.reviews.select_related("reviewer")) if saved else []
    _mark_revoked(report, reviews)
    returns = [r for r in reviews if r.decision == Review.Decision.RETURN]
    assignments = list(measure.assignments.select_related("unit").order_by("role", "id"))
    extended_to = assignment_deadlines([report.assignment]).get(report.assignment_id)
    return {
        "report": report,
        "measure": measure,
        "assignment": report.assignment,
        "period": report.period,
        # the due date in force (an approved 延期 moves it) and whether the first
        # submission met it: ProgressReport.due_on / filed_on_time, the one rule
        "report_due": report.due_on,
        # 完成时限 as the ledger prints it, with the later date approved to this unit
        "deadline_label": deadline_label(measure.deadline_label, extended_to),
        "deadline_extended": extended_to is not None,
        "leads": [a.unit for a in assignments if a.role == "lead"],
        "responsibles": [a.unit for a in assignments if a.role == "responsible"],
        "target_values": [(t, values.get(t.pk)) for t in targets],
        "targets": targets,
        "evidence": list(report.evidence.select_related("uploaded_by")) if saved else [],
        "reviews": reviews,
        "last_return": returns[-1]
        if returns and report.state == ProgressReport.State.RETURNED
        else None,
        "consolidation": consolidation(report, assignments) if report.is_lead_report else None,
    }


def _mark_revoked(report: ProgressReport, reviews: list) -> None:
    """Each acceptance the office undid (撤销审核通过) carries ``revoked``: the audit entry
    that undid it (who, when, why), the first one after it and before the next review."""
    if not any(r.decision == Review.Decision.ACCEPT for r in reviews):
        return
    undone = list(
        AuditEntry.objects.filter(
            object_type="progressreport", object_id=str(report.pk), action=AuditAction.REOPEN
        )
        .select_related("actor")
        .order_by("at", "pk")
    )
    for review, after in zip(reviews, [*reviews[1:], None], strict=True):
        review.revoked = next(
            (
                entry
                for entry in undone
                if review.decision == Review.Decision.ACCEPT
                and entry.at >= review.at
                and (after is None or entry.at < after.at)
            ),
            None,
        )


def consolidation(report: ProgressReport, assignments: list) -> list[dict]:
    """The responsible units' reports for the same period, for the lead unit to sum up:
    one row per responsible unit, with or without a report."""
    others = [a for a in assignments if a.role == "responsible"]
    reports = {
        r.assignment_id: r
        for r in ProgressReport.objects.filter(
            period=report.period, assignment__in=[a.pk for a in others]
        )
    }
    return [{"assignment": a, "report": reports.get(a.pk)} for a in others]


def permissions(user, report: ProgressReport) -> dict:
    """What the person may do with the report, for the page's buttons."""
    return {
        "can_edit": user.has_perm("reporting.edit_report", report),
        "can_review": report.state == ProgressReport.State.SUBMITTED
        and user.has_perm("reporting.review_report", report),
        "can_highlight": user.has_perm("reporting.highlight_report", report),
        "can_reopen": report.state == ProgressReport.State.ACCEPTED
        and user.has_perm("reporting.reopen_report", report),
    }
