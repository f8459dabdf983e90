"""Input validation for the supervision pages; the write paths check the rest."""

from __future__ import annotations

from django import forms

from taizhang import rollup
from taizhang.reporting.evidence import ACCEPT_ATTRIBUTE
from taizhang.supervision.models import TargetTracking

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
NUMBER = forms.NumberInput(attrs={"step": "any"})


class TrackingForm(forms.Form):
    baseline = forms.FloatField(
        label="基期值", required=False, widget=NUMBER, help_text="人均指标按人均口径填写"
    )
    baseline_on = forms.DateField(label="基期日期", required=False, widget=DATE)
    deadline = forms.DateField(
        label="目标期限",
        required=False,
        widget=DATE,
        help_text="不填则为目标年份（或方案截止年份）年底",
    )
    trajectory = forms.ChoiceField(
        label="推进方式", choices=TargetTracking.Trajectory.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.years = list(years)
        for year in self.years:
            self.fields[f"milestone_{year}"] = forms.FloatField(
                label=f"{year}年节点值", required=False, widget=NUMBER
            )

    def milestones(self) -> dict[int, float]:
        data = self.cleaned_data
        return {
            year: data[f"milestone_{year}"]
            for year in self.years
            if data.get(f"milestone_{year}") is not None
        }

    def milestone_fields(self):
        return [self[f"milestone_{year}"] for year in self.years]


class ReadingForm(forms.Form):
    measured_on = forms.DateField(label="统计日期", widget=DATE)
    value = forms.FloatField(label="实际值", widget=NUMBER)
    denominator = forms.FloatField(
        label="基数（分母）",
        required=False,
        widget=NUMBER,
        help_text="比率指标填写计算该比率的总数（如应覆盖的村数）；县级数值按基数汇总到上级方案，不填则按等权汇总",
    )
    source = forms.CharField(label="数据来源", max_length=200)

    def __init__(self, *args, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        if target is None or rollup.kind_of(target.unit, target.per) != rollup.RATE:
            del self.fields["denominator"]  # only a rate has a base


class FulfilmentForm(forms.Form):
    unit = forms.ModelChoiceField(label="开展单位", queryset=None, empty_label=None)
    happened_on = forms.DateField(label="开展日期", widget=DATE)
    note = forms.CharField(
        label="情况说明", max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.FileField(
        label="佐证材料",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text="可选；PDF、Word、Excel、JPG 或 PNG，不超过 10 MB",
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class DeadlineForm(forms.Form):
    deadline = forms.DateField(
        label="截止日期", required=False, widget=DATE, help_text="留空表示无明确截止日期"
    )
    reason = forms.CharField(label="修改原因", max_length=500, required=False)
