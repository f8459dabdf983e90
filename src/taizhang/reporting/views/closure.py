"""办结 and 销号 of a measure (reporting/closing.py): the measure's closure page (its
state, the applications and decisions), the lead unit's application, the office's 销号,
退回 and 重新打开, and the evidence file."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts.access import load
from taizhang.plans.models import Measure
from taizhang.reporting import closing, status
from taizhang.reporting.forms import optional_evidence
from taizhang.reporting.models import Closure
from taizhang.web.downloads import stored
from taizhang.web.views import ActionView, first_error

MEASURES = Measure.objects.select_related("plan__organisation", "chapter")
CLOSURES = Closure.objects.select_related("measure__plan__organisation", "unit")


class ApplyForm(forms.Form):
    summary = forms.CharField(
        label="办结情况",
        max_length=closing.MAX_SUMMARY,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "请填写办结情况。",
            "max_length": f"办结情况请精简到{closing.MAX_SUMMARY}字以内。",
        },
    )
    file = optional_evidence()


class CommentForm(forms.Form):
    comment = forms.CharField(
        label="意见",
        required=False,
        max_length=closing.MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"意见请精简到{closing.MAX_COMMENT}字以内。"},
    )


class ClosureView(LoginRequiredMixin, View):
    """The measure's 办结 page, for whoever sees the measure; the forms for who may act."""

    def get(self, request, measure_id):
        measure = load(request.user, MEASURES, measure_id, "plans.view_measure")
        return self.render(request, measure)

    def render(self, request, measure, code=200, **forms_):
        user = request.user
        history = list(
            Closure.objects.filter(measure=measure)
            .select_related("unit", "applied_by", "decided_by", "reopened_by")
            .order_by("applied_at", "pk")
        )
        current = history[-1] if history else None
        state = current.state if current else None
        State = Closure.State
        may_settle = current is not None and user.has_perm("reporting.settle_closure", current)
        context = {
            "measure": measure,
            "plan": measure.plan,
            "history": history,
            "current": current,
            "closed": state == State.CLOSED,
            "closed_rule": status.CLOSED_RULE,
            "may_apply": state not in (State.APPLIED, State.CLOSED)
            and user.has_perm("reporting.apply_closure", measure),
            "may_decide": may_settle and state == State.APPLIED,
            "may_reopen": may_settle and state == State.CLOSED,
            "apply_form": forms_.get("apply_form") or ApplyForm(),
            "comment_form": forms_.get("comment_form") or CommentForm(),
        }
        return render(request, "reporting/closure.html", context, status=code)


class ClosureActionView(ActionView):
    form_name = "comment_form"

    def measure(self):
        return self.object if isinstance(self.object, Measure) else self.object.measure

    def done(self, result):
        return redirect("reporting:closure", measure_id=self.measure().pk)

    def invalid(self, form):
        messages.error(self.request, first_error(form))
        return ClosureView().render(
            self.request, self.measure(), code=400, **{self.form_name: form}
        )


class ClosureApplyView(ClosureActionView):
    queryset = MEASURES
    pk_url_kwarg = "measure_id"
    permission = "reporting.apply_closure"
    refused = "只有牵头单位可以申请办结。"
    form_name = "apply_form"
    success_message = "已提交办结申请，等待依法治理办销号。"

    def get_form(self, data=None, files=None):
        return ApplyForm(data, files)

    def act(self, form):
        data = form.cleaned_data
        return closing.apply(self.object, self.request.user, data["summary"], data["file"])


class ClosureConfirmView(ClosureActionView):
    queryset = CLOSURES
    pk_url_kwarg = "closure_id"
    permission = "reporting.settle_closure"
    refused = "只有依法治理办可以办理销号。"
    form_class = CommentForm
    success_message = "已销号。该任务计为已完成，不再要求报送进展。"

    def act(self, form):
        return closing.confirm(self.object, self.request.user, form.cleaned_data["comment"])


class ClosureReturnView(ClosureConfirmView):
    success_message = "已退回办结申请。"

    def act(self, form):
        return closing.send_back(self.object, self.request.user, form.cleaned_data["comment"])


class ClosureReopenView(ClosureConfirmView):
    success_message = "已重新打开该任务，恢复按期报送。"

    def act(self, form):
        return closing.reopen(self.object, self.request.user, form.cleaned_data["comment"])


class ClosureFileView(LoginRequiredMixin, View):
    def get(self, request, closure_id):
        closure = load(request.user, CLOSURES, closure_id, "reporting.view_closure")
        if not closure.file:
            raise Http404("材料不存在。")
        return stored(closure.file, closure.original_name, closure.content_type)
