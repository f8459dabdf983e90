"""延期申请 pages: the unit asks (on its report page), the office decides (on its to-do
page). ActionViews over reporting/extensions.py."""

from __future__ import annotations

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View

from taizhang.accounts.access import load
from taizhang.plans.models import Assignment
from taizhang.reporting import extensions
from taizhang.reporting.forms import optional_evidence
from taizhang.reporting.models import Extension, Period
from taizhang.web.downloads import stored
from taizhang.web.views import ActionView, GoesBack
from taizhang.web.views import DecideView as OfficeDecision

REFUSALS = (ValidationError, extensions.ExtensionRefused)


class RequestForm(forms.Form):
    period = forms.IntegerField(required=False, widget=forms.HiddenInput)
    requested_due = forms.DateField(
        label="申请延至",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "请填写申请延至的日期。", "invalid": "请输入有效的日期。"},
    )
    reason = forms.CharField(
        label="延期理由",
        max_length=extensions.MAX_REASON,
        widget=forms.Textarea,
        error_messages={"required": "请填写延期理由。"},
    )
    file = optional_evidence()


class RequestView(GoesBack, ActionView):
    queryset = Assignment.objects.select_related("unit", "measure__plan")
    pk_url_kwarg = "assignment_id"
    permission = "reporting.request_extension"
    refused = "只有承担该任务的单位可以申请延期。"
    form_class = RequestForm
    refusals = REFUSALS
    success_message = "延期申请已提交，等待依法治理办审批。"

    def act(self, form):
        period = None
        if form.cleaned_data["period"]:
            plan_id = self.object.measure.plan_id
            period = get_object_or_404(Period, pk=form.cleaned_data["period"], plan_id=plan_id)
        return extensions.request(
            self.object,
            period,
            self.request.user,
            form.cleaned_data["requested_due"],
            form.cleaned_data["reason"],
            form.cleaned_data["file"],
        )


class DecideView(OfficeDecision):
    queryset = Extension.objects.select_related("assignment__unit", "assignment__measure")
    pk_url_kwarg = "extension_id"
    permission = "reporting.decide_extension"
    refused = "只有依法治理办可以审批延期申请。"
    refusals = REFUSALS
    approved_message = "已同意延期。"
    refused_message = "已不同意延期，意见已送达申请单位。"
    decide = staticmethod(extensions.decide)


class FileView(LoginRequiredMixin, View):
    """The evidence a unit attached to its 延期申请: for the office deciding it and the
    unit that asked (reporting.view_extension)."""

    def get(self, request, extension_id):
        extension = load(
            request.user,
            Extension.objects.select_related("assignment__measure"),
            extension_id,
            "reporting.view_extension",
        )
        if not extension.file:
            raise Http404("材料不存在。")
        return stored(extension.file, extension.original_name, extension.content_type)
