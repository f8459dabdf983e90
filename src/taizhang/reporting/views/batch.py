"""Actions on reports beyond the form: reviewing several at once, withdrawing one sent by
mistake (撤回), undoing an acceptance made by mistake (撤销审核通过), starting one from the
previous period's (沿用上期)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import require
from taizhang.reporting import backlog, services
from taizhang.reporting.context import NOT_FOUND, REPORTS
from taizhang.reporting.forms import BatchReviewForm, ReopenForm, VersionForm
from taizhang.reporting.models import Review
from taizhang.reporting.views.report_form import report_for_form
from taizhang.web.views import ActionView, GoesBack

REFUSALS = (ValidationError, services.WorkflowError, services.ConcurrentEdit)


class BatchReviewView(GoesBack, ActionView):
    """Accept or return the ticked reports with one comment; each report is checked
    against the review rule, then reviewed through the write path."""

    permission = "reporting.review_reports"
    form_class = BatchReviewForm
    refusals = REFUSALS

    def act(self, form):
        ids = form.cleaned_data["reports"]
        reports = list(REPORTS.filter(pk__in=ids).order_by("pk"))
        user = self.request.user
        refused = [r for r in reports if not user.has_perm("reporting.review_report", r)]
        if len(reports) != len(ids) or refused:
            raise ValidationError("所选报告中有您无权审核的报告，请刷新页面后重试。")
        decision = form.cleaned_data["decision"]
        done = services.review_many(reports, user, decision, form.cleaned_data["comment"])
        if decision == Review.Decision.ACCEPT:
            self.success_message = f"已审核通过{len(done)}份报告。"
        else:
            self.success_message = f"已退回{len(done)}份报告，退回意见已送达各报送单位。"
        return done


class WithdrawView(ActionView):
    """The filing unit takes back a submitted report nobody has reviewed yet."""

    queryset = REPORTS
    pk_url_kwarg = "report_id"
    permission = "reporting.withdraw_report"
    not_found = NOT_FOUND
    refused = "该报告不能撤回：只有报送单位可以撤回尚未审核的报告。"
    form_class = VersionForm
    refusals = REFUSALS
    success_message = "报告已撤回，现为草稿，可修改后重新报送。"

    def act(self, form):
        return services.withdraw(self.object, self.request.user, form.cleaned_data["version"])

    def done(self, result):
        report = self.object
        return redirect(
            "reporting:report", assignment_id=report.assignment_id, period_id=report.period_id
        )


class ReopenView(ActionView):
    """The office that runs the plan undoes an acceptance made by mistake: the report
    waits for review again."""

    queryset = REPORTS
    pk_url_kwarg = "report_id"
    permission = "reporting.reopen_report"
    not_found = NOT_FOUND
    refused = "只有负责该方案的依法治理办可以撤销审核通过。"
    form_class = ReopenForm
    refusals = REFUSALS
    success_message = "已撤销审核通过，报告重新等待审核，原因已告知报送单位和审核人。"

    def act(self, form):
        data = form.cleaned_data
        return services.reopen(self.object, self.request.user, data["reason"], data["version"])

    def done(self, result):
        return redirect("reporting:report_detail", report_id=self.object.pk)


class CarryOverView(ActionView):
    """沿用上期: this period's report starts as a copy of the previous period's."""

    form_class = VersionForm
    refusals = REFUSALS
    success_message = "已沿用上期报告内容，保存为草稿。请逐项核实、修改后再报送。"

    def get_object(self):
        report = report_for_form(
            self.request.user, self.kwargs["assignment_id"], self.kwargs["period_id"]
        )
        require(self.request.user, "reporting.edit_report", report, "您没有权限填报该报告。")
        return report

    def act(self, form):
        report = self.object
        return services.carry_over(
            report.assignment, report.period, self.request.user, form.cleaned_data["version"]
        )

    def done(self, result):
        report = self.object
        return redirect(
            "reporting:report", assignment_id=report.assignment_id, period_id=report.period_id
        )


class ReviewBacklogView(LoginRequiredMixin, View):
    """The office's review backlog: who has how many reports waiting, for how long, and
    the reports themselves, which the office may accept or return (one or many)."""

    def get(self, request):
        require(request.user, "reporting.view_review_backlog", None, BACKLOG_REFUSED)
        reviewer = request.GET.get("reviewer", "")
        found = backlog.backlog(request.user, timezone.localdate(), reviewer)
        context = {
            "backlog": found,
            "reviewer": reviewer,
            "age_labels": backlog.AGE_LABELS,
            "rules": (backlog.AGE_RULE, backlog.TOTAL_RULE),
            "form": BatchReviewForm(),
            "next": request.get_full_path(),
        }
        return render(request, "reporting/review_backlog.html", context)


BACKLOG_REFUSED = "只有依法治理办可以查看审核积压情况。"
