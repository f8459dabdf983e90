"""The office adds an ad-hoc 督办事项 (领导批示, 会议议定事项) to a plan: the form page and
its action (plans/adhoc.py is the write path)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from taizhang.plans import adhoc
from taizhang.plans.models import MeasureSource, Plan
from taizhang.reporting.status import ADHOC_RULE
from taizhang.units.models import Unit
from taizhang.web.views import ActionView, first_error

PLANS = Plan.objects.select_related("organisation", "region")


class AdhocForm(forms.Form):
    kind = forms.ChoiceField(
        label="来源类型",
        choices=MeasureSource.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择来源类型（领导批示或会议议定事项）。"},
    )
    title = forms.CharField(
        label="来源文件或文号",
        max_length=adhoc.MAX_TITLE,
        widget=forms.TextInput(attrs={"style": "width: 100%"}),
        help_text="如：州委主要领导批示件（州委办批〔2026〕15号）、州委全面依法治州委员会第5次会议纪要。",
        error_messages={"required": "请填写来源文件或文号。"},
    )
    issued_on = forms.DateField(
        label="批示或会议日期",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "请填写批示或会议日期。", "invalid": "请填写正确的日期。"},
    )
    text = forms.CharField(
        label="批示或议定事项内容",
        max_length=adhoc.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="写明要求各单位落实的具体事项，将作为任务内容列入台账。",
        error_messages={"required": "请填写批示或议定事项内容。"},
    )
    lead = forms.ModelMultipleChoiceField(
        label="牵头单位",
        queryset=Unit.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"required": "请至少选择一个牵头单位。"},
    )
    responsible = forms.ModelMultipleChoiceField(
        label="责任单位",
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="可多选（按住 Ctrl 键点选）。",
    )
    deadline = forms.DateField(
        label="完成时限",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="不填为长期坚持。",
        error_messages={"invalid": "请填写正确的日期。"},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(organisation_id=plan.organisation_id).order_by("name")
        self.fields["lead"].queryset = self.fields["responsible"].queryset = units


class AdhocCreateView(ActionView):
    """GET: the form; POST: add the 督办事项 to the plan, then its ledger page."""

    http_method_names = ["get", "post"]
    queryset = PLANS
    pk_url_kwarg = "plan_id"
    permission = "plans.add_adhoc"
    refused = "只有依法治理办可以新增督办事项。"
    success_message = "已新增督办事项，并已通知相关单位。"

    def get(self, request, plan_id):
        return self.page(AdhocForm(plan=self.object))

    def get_form(self, data=None, files=None):
        return AdhocForm(data, plan=self.object)

    def act(self, form):
        data = form.cleaned_data
        item = adhoc.Item(
            kind=data["kind"],
            title=data["title"],
            issued_on=data["issued_on"],
            text=data["text"],
            lead=list(data["lead"]),
            responsible=list(data["responsible"]),
            deadline=data["deadline"],
        )
        return adhoc.add_item(self.object, self.request.user, item, timezone.localdate())

    def done(self, result):
        return redirect("ledger:measure", plan_id=self.object.pk, measure_id=result.pk)

    def invalid(self, form):
        messages.error(self.request, first_error(form))
        return self.page(form, status=400)

    def page(self, form, status=200):
        context = {"plan": self.object, "form": form, "rule": ADHOC_RULE}
        return render(self.request, "ledger/adhoc_form.html", context, status=status)
