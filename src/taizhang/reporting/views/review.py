"""Reviewing a submitted report (lead unit or office) and marking typical practices."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts.access import load
from taizhang.reporting import services
from taizhang.reporting.context import NOT_FOUND, REPORTS, permissions, report_context
from taizhang.reporting.forms import ReviewForm
from taizhang.reporting.models import ProgressReport, Review
from taizhang.web.views import ActionView


class ReviewView(LoginRequiredMixin, View):
    template_name = "reporting/review.html"

    def get(self, request, report_id):
        report = self.load(request, report_id)
        return self.render(request, report, ReviewForm(initial={"version": report.version}))

    def post(self, request, report_id):
        report = self.load(request, report_id)
        form = ReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, "请按提示填写审核意见。")
            return self.render(request, report, form, status=400)
        decision = form.cleaned_data["decision"]
        try:
            services.review(
                report,
                request.user,
                decision,
                form.cleaned_data["comment"],
                form.cleaned_data["version"],
            )
        except services.ConcurrentEdit as clash:
            messages.error(request, str(clash))
            return redirect("reporting:review", report_id=report.pk)
        except (ValidationError, services.WorkflowError) as error:
            text = "；".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(request, text)
            return self.render(request, report, form, status=400)
        if decision == Review.Decision.ACCEPT:
            messages.success(request, "已审核通过。")
        else:
            messages.success(request, "已退回，退回意见已送达报送单位。")
        return redirect("reporting:report_detail", report_id=report.pk)

    def load(self, request, report_id):
        report = load(
            request.user, REPORTS, report_id, "reporting.review_report", not_found=NOT_FOUND
        )
        return report

    def render(self, request, report, form, status=200):
        context = report_context(report)
        context.update(permissions(request.user, report))
        context["form"] = form if report.state == ProgressReport.State.SUBMITTED else None
        return render(request, self.template_name, context, status=status)


class HighlightView(ActionView):
    """The office marks a report as a typical practice (典型做法), or takes it back."""

    queryset = REPORTS
    pk_url_kwarg = "report_id"
    permission = "reporting.highlight_report"
    not_found = NOT_FOUND
    refusals = (services.WorkflowError,)

    def act(self, form):
        highlight = self.request.POST.get("highlight") == "1"
        services.mark_highlight(self.object, self.request.user, highlight)
        messages.success(
            self.request, "已标记为典型做法。" if highlight else "已取消典型做法标记。"
        )

    def done(self, result):
        return redirect("reporting:report_detail", report_id=self.object.pk)
