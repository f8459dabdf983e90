"""不涉及 pages: the unit's request (on its report page) and the office's decision (on its
to-do page). Both are ActionViews over plans/exemptions.py."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from taizhang.plans import exemptions
from taizhang.plans.models import Assignment, Exemption
from taizhang.web.views import ActionView, GoesBack
from taizhang.web.views import DecideView as OfficeDecision

REFUSALS = (ValidationError, exemptions.ExemptionRefused)


class RequestForm(forms.Form):
    reason = forms.CharField(
        label="不涉及理由",
        max_length=exemptions.MAX_REASON,
        widget=forms.Textarea,
        error_messages={"required": "请填写不涉及的理由。"},
    )


class RequestView(GoesBack, ActionView):
    queryset = Assignment.objects.select_related("unit", "measure__plan")
    pk_url_kwarg = "assignment_id"
    permission = "plans.request_exemption"
    refused = "只有承担该任务的单位可以申请不涉及。"
    form_class = RequestForm
    refusals = REFUSALS
    success_message = "不涉及申请已提交，等待依法治理办审批；审批前请仍按期报送。"

    def act(self, form):
        return exemptions.request(self.object, self.request.user, form.cleaned_data["reason"])


class DecideView(OfficeDecision):
    queryset = Exemption.objects.select_related("assignment__unit", "assignment__measure")
    pk_url_kwarg = "exemption_id"
    permission = "plans.decide_exemption"
    refused = "只有依法治理办可以审批不涉及申请。"
    refusals = REFUSALS
    approved_message = "已同意，该单位不再报送此任务。"
    refused_message = "已退回申请。"
    decide = staticmethod(exemptions.decide)
