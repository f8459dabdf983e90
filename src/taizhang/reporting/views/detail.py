"""Reading a report: its content, reviews, every saved version, and evidence files."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.reporting.context import EVIDENCE, NOT_FOUND, REPORTS, permissions, report_context
from taizhang.reporting.models import AuditAction, ProgressReport
from taizhang.web.downloads import stored


class ReportDetailView(LoginRequiredMixin, View):
    def get(self, request, report_id):
        report = load(
            request.user, REPORTS, report_id, "reporting.view_report", not_found=NOT_FOUND
        )
        context = report_context(report)
        versions = list(report.versions.select_related("author").order_by("-number"))
        for version in versions:
            version.action_label = AuditAction(version.action).label
        context["versions"] = versions
        context.update(permissions(request.user, report))
        return render(request, "reporting/report_detail.html", context)


class ReportVersionsView(LoginRequiredMixin, View):
    def get(self, request, report_id):
        report = load(
            request.user, REPORTS, report_id, "reporting.view_report", not_found=NOT_FOUND
        )
        targets = {str(t.pk): t for t in report.assignment.measure.targets.all()}
        statuses = dict(ProgressReport.Status.choices)
        states = dict(ProgressReport.State.choices)
        versions = []
        for version in report.versions.select_related("author").order_by("-number"):
            snapshot = version.snapshot
            versions.append(
                {
                    "version": version,
                    "action": AuditAction(version.action).label,
                    "status": statuses.get(snapshot.get("status"), ""),
                    "state": states.get(snapshot.get("state"), ""),
                    "snapshot": snapshot,
                    "values": [
                        (targets.get(key), value, source)
                        for key, (value, source) in snapshot.get("values", {}).items()
                    ],
                }
            )
        context = {"report": report, "measure": report.assignment.measure, "versions": versions}
        return render(request, "reporting/report_versions.html", context)


class EvidenceView(LoginRequiredMixin, View):
    """Download an evidence file under its original name (RFC 5987 for Chinese names)."""

    def get(self, request, evidence_id):
        evidence = load(request.user, EVIDENCE, evidence_id, not_found=NOT_FOUND)
        require(request.user, "reporting.view_report", evidence.report)
        return stored(evidence.file, evidence.original_name, evidence.content_type)
