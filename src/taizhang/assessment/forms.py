"""Input of the assessment pages: a new scheme, an indicator with its rule parameters, a
bonus or penalty item."""

from __future__ import annotations

import re

from django import forms
from django.utils import timezone

from taizhang.assessment.models import Indicator
from taizhang.assessment.scoring import (
    PARAMS,
    SURVEY_RESULTS,
    WHEN_NONE_FULL,
    WHEN_NONE_PRORATE,
    fmt,
)
from taizhang.reporting.evidence import ACCEPT_ATTRIBUTE
from taizhang.surveys.models import Survey
from taizhang.units.models import Region, Unit

WHEN_NONE_CHOICES = [
    (WHEN_NONE_FULL, "按满分计"),
    (WHEN_NONE_PRORATE, "按其余指标得分率折算"),
]


class SchemeForm(forms.Form):
    plan = forms.ModelChoiceField(label="实施方案", queryset=None, empty_label="请选择")
    year = forms.IntegerField(label="考核年度", min_value=2000, max_value=2100)
    name = forms.CharField(
        label="方案名称", max_length=200, required=False, help_text="不填则为“××××年度考核方案”。"
    )
    with_defaults = forms.BooleanField(
        label="预置常用指标",
        required=False,
        initial=True,
        help_text="按时报送、任务完成、目标达成、报告质量、经常性任务落实、群众满意度，共100分，可再调整。",
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].error_messages["invalid_choice"] = "请选择实施方案。"
        self.fields["year"].error_messages["required"] = "请填写考核年度。"
        if not self.is_bound:
            self.initial.setdefault("year", timezone.localdate().year)

    def clean(self):
        data = super().clean()
        if data.get("year") and not data.get("name"):
            data["name"] = f"{data['year']}年度法治社会建设考核方案"
        return data


class IndicatorForm(forms.Form):
    """Kind, name and weight; and, once the kind is known, that rule's parameters."""

    kind = forms.ChoiceField(label="评分规则", choices=Indicator.Kind.choices)
    name = forms.CharField(label="指标名称", max_length=100)
    weight = forms.FloatField(label="分值", min_value=0.5, max_value=1000)
    position = forms.IntegerField(label="排序", min_value=0, max_value=999, required=False)

    def __init__(self, *args, organisation=None, kind: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.kind = kind
        self.fields["weight"].error_messages.update(
            min_value="分值须大于 0。", invalid="分值须为数字。", required="请填写分值。"
        )
        self.fields["name"].error_messages["required"] = "请填写指标名称。"
        if kind is None:
            return
        self.fields["kind"].disabled = True
        for name, (label, default) in PARAMS[kind].items():
            help_text = "" if default in (None, 0) else f"不填按 {fmt(default)}"
            self.fields[name] = forms.FloatField(
                label=label, required=False, min_value=0, help_text=help_text
            )
        self.fields["when_none"] = forms.ChoiceField(
            label="无应考核事项时", choices=WHEN_NONE_CHOICES, initial=WHEN_NONE_FULL
        )
        if kind == SURVEY_RESULTS:
            self.fields["survey"] = forms.ModelChoiceField(
                label="测评问卷",
                required=False,
                queryset=Survey.objects.filter(organisation=organisation).order_by("-id"),
                empty_label="（不使用问卷，按下方录入的结果）",
                help_text="选定问卷后按各县(市、区)的满意率计分；下方录入的结果只补充问卷未覆盖的单位。",
            )
            self.fields["rates"] = forms.CharField(
                label="测评结果",
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text="每行一个：县(市、区)或单位名称、空格、满意率(%)，如“都匀市 92.5”。"
                "群众满意度测评模块上线前由依法治理办录入。",
            )

    @classmethod
    def for_indicator(cls, indicator: Indicator, organisation, data=None):
        params = indicator.params or {}
        initial = {
            "kind": indicator.kind,
            "name": indicator.name,
            "weight": fmt(indicator.weight),
            "position": indicator.position,
            "when_none": params.get("when_none", WHEN_NONE_FULL),
            **{name: params.get(name) for name in PARAMS[indicator.kind]},
        }
        if indicator.kind == SURVEY_RESULTS:
            initial["rates"] = rates_text(params.get("rates") or {}, organisation)
            initial["survey"] = params.get("survey_id")
        return cls(data, initial=initial, organisation=organisation, kind=indicator.kind)

    def clean_rates(self):
        return parse_rates(self.cleaned_data.get("rates", ""), self.organisation)

    def values(self) -> dict:
        """What services.save_indicator takes."""
        data = self.cleaned_data
        values = {
            "kind": self.kind or data["kind"],
            "name": data["name"].strip(),
            "weight": data["weight"],
            "position": data.get("position"),
        }
        if self.kind is not None:
            params = {name: data[name] for name in PARAMS[self.kind] if data.get(name) is not None}
            params["when_none"] = data["when_none"]
            if self.kind == SURVEY_RESULTS:
                params["rates"] = data.get("rates") or {}
                if data.get("survey") is not None:
                    params["survey_id"] = data["survey"].pk
            values["params"] = params
        return values


def parse_rates(text: str, organisation) -> dict[str, float]:
    """ "都匀市 92.5" lines -> {"region:<id>": 92.5}; a name that is not a county is looked
    up among the units ("unit:<id>")."""
    counties = {
        r.name: r.pk
        for r in Region.objects.filter(organisation=organisation, level=Region.Level.COUNTY)
    }
    units = dict(Unit.objects.filter(organisation=organisation).values_list("name", "pk"))
    rates = {}
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = re.fullmatch(r"(.+?)[\s:：,，]+([0-9]+(?:\.[0-9]+)?)\s*[%％]?", line)
        if not match:
            raise forms.ValidationError(f"第{number}行“{line}”格式不对，应为“名称 满意率”。")
        name, value = match.group(1).strip(), float(match.group(2))
        if value > 100:
            raise forms.ValidationError(f"第{number}行：满意率不能超过100%。")
        if name in counties:
            rates[f"region:{counties[name]}"] = value
        elif name in units:
            rates[f"unit:{units[name]}"] = value
        else:
            raise forms.ValidationError(f"第{number}行：找不到县(市、区)或单位“{name}”。")
    return rates


def rates_text(rates: dict, organisation) -> str:
    names = {
        f"region:{pk}": name
        for pk, name in Region.objects.filter(organisation=organisation).values_list("pk", "name")
    }
    names |= {
        f"unit:{pk}": name
        for pk, name in Unit.objects.filter(organisation=organisation).values_list("pk", "name")
    }
    return "\n".join(f"{names[key]} {fmt(value)}" for key, value in rates.items() if key in names)


class AdjustmentForm(forms.Form):
    unit = forms.ModelChoiceField(label="单位", queryset=None, empty_label="请选择")
    points = forms.FloatField(
        label="加减分",
        min_value=-100,
        max_value=100,
        help_text="加分填正数，减分填负数，如 2 或 -1.5。",
    )
    reason = forms.CharField(label="事由", max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.FileField(
        label="佐证材料",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text="可选。PDF、Word、Excel、JPG 或 PNG，不超过 10 MB。",
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].error_messages["invalid_choice"] = "请选择单位。"
        self.fields["points"].error_messages.update(
            required="请填写加减分。", invalid="加减分须为数字。"
        )
        self.fields["reason"].error_messages["required"] = "请填写加减分事由。"

    def clean_points(self):
        points = self.cleaned_data["points"]
        if not points:
            raise forms.ValidationError("加减分不能为 0。")
        return points
