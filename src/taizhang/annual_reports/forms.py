"""Forms of the annual-report pages: choosing what to generate, and the editor (the header
fields, one textarea per section, and the version the editor loaded)."""

from __future__ import annotations

from django import forms

from taizhang.accounts.models import Role
from taizhang.annual_reports.models import AnnualReport
from taizhang.annual_reports.rules import may_author
from taizhang.units.models import Region

Kind = AnnualReport.Kind


def kinds_for(user) -> list[tuple[str, str]]:
    if user.role == Role.OFFICE_ADMIN:
        return [(Kind.GOVERNMENT, Kind.GOVERNMENT.label)]
    if user.role == Role.COUNTY_OFFICE:
        return [
            (Kind.COUNTY_UP, Kind.COUNTY_UP.label),
            (Kind.GOVERNMENT, "县（市、区）政府年度报告"),
        ]
    if user.role in (Role.LIAISON, Role.REVIEWER):
        return [(Kind.UNIT_YEAR_END, Kind.UNIT_YEAR_END.label)]
    return []


class CreateForm(forms.Form):
    plan = forms.ModelChoiceField(label="实施方案", queryset=None, empty_label=None)
    year = forms.IntegerField(label="报告年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="报告类型")
    region = forms.ModelChoiceField(
        label="报告的政府", queryset=None, required=False, empty_label=None
    )

    def __init__(self, *args, user, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["plan"].queryset = plans
        self.fields["kind"].choices = kinds_for(user)
        regions = Region.objects.none()
        if user.role == Role.OFFICE_ADMIN:
            regions = Region.objects.filter(
                organisation_id=user.organisation_id, level=Region.Level.PREFECTURE
            )
        elif user.role == Role.COUNTY_OFFICE:
            regions = Region.objects.filter(pk=user.region_id)
        self.fields["region"].queryset = regions
        if not regions.exists():
            del self.fields["region"]
        self.fields["year"].error_messages["required"] = "请填写报告年度。"
        self.fields["plan"].error_messages["required"] = "请选择实施方案。"

    def clean(self):
        data = super().clean()
        kind, region = data.get("kind"), data.get("region")
        unit = self.user.unit if data.get("kind") == Kind.UNIT_YEAR_END else None
        if kind and not may_author(self.user, kind, region, unit):
            raise forms.ValidationError("您不能生成这类报告。")
        data["unit"] = unit
        return data


HEADER_LABELS = {
    "issuer_mark": "发文机关标志",
    "number": "发文字号",
    "title": "标题",
    "addressee": "主送机关",
    "signature": "落款",
    "copy_to": "抄送机关",
}


class EditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    issuer_mark = forms.CharField(label="发文机关标志", max_length=100)
    number = forms.CharField(label="发文字号", max_length=100, required=False)
    title = forms.CharField(label="标题", max_length=200)
    addressee = forms.CharField(label="主送机关", max_length=200)
    signature = forms.CharField(label="落款", max_length=100)
    copy_to = forms.CharField(label="抄送机关", max_length=200, required=False)

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.sections = sections
        for section in sections:
            self.fields[f"text_{section['key']}"] = forms.CharField(
                label=section["heading"],
                required=False,
                widget=forms.Textarea(attrs={"rows": _rows(section["text"])}),
            )
        for name, label in HEADER_LABELS.items():
            self.fields[name].error_messages["required"] = f"请填写{label}。"
            self.fields[name].error_messages["max_length"] = f"{label}过长，请精简。"
        self.fields["version"].error_messages["required"] = "页面已过期，请刷新后重试。"

    @classmethod
    def initial_of(cls, report) -> dict:
        initial = {name: getattr(report, name) for name in HEADER_LABELS}
        initial["version"] = report.version
        for section in report.sections:
            initial[f"text_{section['key']}"] = section["text"]
        return initial

    def header(self) -> dict:
        return {name: self.cleaned_data[name] for name in HEADER_LABELS}

    def texts(self) -> dict:
        return {s["key"]: self.cleaned_data[f"text_{s['key']}"] for s in self.sections}

    def section_rows(self):
        """(section, its textarea) in order, for the template."""
        return [(s, self[f"text_{s['key']}"]) for s in self.sections]


def _rows(text: str) -> int:
    return max(4, min(18, text.count("\n") + 2 + len(text) // 70))


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].error_messages["required"] = "页面已过期，请刷新后重试。"


def first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return "提交的内容有误，请检查后重试。"
