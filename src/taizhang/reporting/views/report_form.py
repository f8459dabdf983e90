"""The report form: a unit's staff write, save and submit their progress report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from taizhang.accounts.access import load, require
from taizhang.plans.models import Assignment
from taizhang.reporting import extensions, services
from taizhang.reporting.context import NOT_FOUND, report_context
from taizhang.reporting.evidence import ACCEPT_ATTRIBUTE
from taizhang.reporting.forms import ReportForm
from taizhang.reporting.models import Period, ProgressReport

ASSIGNMENTS = Assignment.objects.select_related("unit", "measure__plan")


def report_for_form(user, assignment_id: int, period_id: int) -> ProgressReport:
    """The report of an assignment for a period (404 outside the person's organisation),
    unsaved (version 0) if nobody has written one yet."""
    assignment = load(user, ASSIGNMENTS, assignment_id, not_found=NOT_FOUND)
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


class ReportView(LoginRequiredMixin, View):
    template_name = "reporting/report_form.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.report = None

    def load(self, request, assignment_id, period_id):
        report = report_for_form(request.user, assignment_id, period_id)
        require(request.user, "reporting.view_report", report)
        return report

    def get(self, request, assignment_id, period_id):
        report = self.load(request, assignment_id, period_id)
        context = report_context(report)
        form = None
        if request.user.has_perm("reporting.edit_report", report):
            form = self.blank_form(report, context)
        return self.render(request, context, form)

    def post(self, request, assignment_id, period_id):
        report = self.load(request, assignment_id, period_id)
        require(request.user, "reporting.edit_report", report, "您没有权限修改该报告。")
        context = report_context(report)
        form = ReportForm(
            request.POST,
            request.FILES,
            targets=context["targets"],
            evidence=context["evidence"],
        )
        submitting = "submit" in request.POST
        if form.is_valid() and submitting and not form.cleaned_data["narrative"]:
            form.add_error("narrative", "请填写进展情况后再提交审核。")
        if not form.is_valid():
            messages.error(request, "请按提示修改后重新保存。")
            return self.render(request, context, form, status=400)
        try:
            saved = services.file_report(
                report.assignment,
                report.period,
                request.user,
                form.report_data(),
                form.cleaned_data["version"],
                values=form.values(),
                uploads=form.cleaned_data["files"],
                remove_evidence=form.cleaned_data["remove_evidence"],
                submit_after=submitting,
            )
        except services.ConcurrentEdit as clash:
            return self.conflict(request, context, form, clash)
        except (ValidationError, services.WorkflowError) as error:
            messages.error(request, _message(error))
            return self.render(request, context, form, status=400)
        if submitting:
            messages.success(request, f"报告已提交审核（第 {saved.version} 版）。")
        else:
            messages.success(request, f"草稿已保存（第 {saved.version} 版）。")
        return redirect(request.path)

    def blank_form(self, report, context):
        initial = {
            "version": report.version,
            "status": report.status,
            "narrative": report.narrative,
            "actions": report.actions,
            "problems": report.problems,
            "next_steps": report.next_steps,
        }
        for target, value in context["target_values"]:
            if value is not None:
                initial[f"value_{target.pk}"] = value.value
                initial[f"source_{target.pk}"] = value.source
        return ReportForm(initial=initial, targets=context["targets"], evidence=context["evidence"])

    def conflict(self, request, context, form, clash):
        """Keep what the person typed, show the other person's version beside it, and
        only overwrite when they save again knowingly (the form now carries the newer
        version)."""
        data = request.POST.copy()
        data["version"] = clash.current.version
        form = ReportForm(data, targets=context["targets"], evidence=context["evidence"])
        form.is_valid()
        messages.error(request, str(clash) + "您填写的内容仍保留在表单中，新选择的文件需重新选择。")
        context["theirs"] = clash.current
        context["their_context"] = report_context(clash.current)
        return self.render(request, context, form, status=409)

    def render(self, request, context, form, status=200):
        context["form"] = form
        report, user = context["report"], request.user
        context["can_withdraw"] = report.state == ProgressReport.State.SUBMITTED and (
            user.has_perm("reporting.withdraw_report", report)
        )
        assignment = report.assignment
        if user.has_perm("reporting.request_extension", assignment):
            asked = Q(period=report.period_id) | Q(period__isnull=True)
            context["extensions"] = list(
                assignment.extensions.filter(asked).select_related("period").order_by("-pk")
            )
            context["may_extend"] = not report.first_submitted_at
            context["report_due"] = extensions.current_due(assignment, report.period)
            context["deadline_due"] = extensions.current_due(assignment)
            context["evidence_accept"] = ACCEPT_ATTRIBUTE
        if assignment.via_id and user.has_perm("plans.request_exemption", assignment):
            context["exemption"] = assignment.exemptions.order_by("-pk").first()
            context["may_request_exemption"] = not assignment.not_concerned and not (
                context["exemption"] and context["exemption"].state == "pending"
            )
        if form is not None and not services.has_content(report):
            context["previous"] = services.previous_report(report.assignment, report.period)
        return render(request, self.template_name, context, status=status)


def _message(error) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    return str(error)
