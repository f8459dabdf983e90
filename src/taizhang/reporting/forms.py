"""Input validation for the reporting pages; the write path does the rest."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from taizhang.reporting.evidence import ACCEPT_ATTRIBUTE, check_upload
from taizhang.reporting.models import Period, ProgressReport, Review
from taizhang.reporting.periods import Due

MAX_FILES_PER_SAVE = 10


def optional_evidence() -> forms.FileField:
    """One optional evidence file beside a text (a notice's 反馈, a 办结申请); the write
    path checks it by its content (reporting.evidence.checked_for_storing)."""
    return forms.FileField(
        label="佐证材料",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        help_text="可选；PDF、Word(.docx)、Excel(.xlsx)、JPG 或 PNG，不超过 10 MB。",
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (the Django documentation's recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    """The fields of a progress report, one value and source per target of the measure,
    new evidence files and the version the form was loaded at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    status = forms.ChoiceField(label="进展状态", choices=ProgressReport.Status.choices)
    narrative = forms.CharField(
        label="进展情况", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    actions = forms.CharField(
        label="主要举措", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    problems = forms.CharField(
        label="存在问题", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    next_steps = forms.CharField(
        label="下步打算", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    files = MultipleFileField(label="佐证材料", required=False)

    def __init__(self, *args, targets=(), evidence=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        self.evidence = list(evidence)
        self.fields["files"].error_messages["invalid"] = "上传的文件无效，请重新选择。"
        for target in self.targets:
            self.fields[f"value_{target.pk}"] = forms.FloatField(
                label=target.quote,
                required=False,
                error_messages={"invalid": f"“{target.quote}”的实际值请填写数字。"},
                widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
            )
            self.fields[f"source_{target.pk}"] = forms.CharField(
                label="数据来源", required=False, max_length=200
            )
        self.fields["remove_evidence"] = forms.MultipleChoiceField(
            label="删除材料",
            required=False,
            choices=[(str(e.pk), e.original_name) for e in self.evidence],
            widget=forms.CheckboxSelectMultiple,
        )

    def target_rows(self):
        """(target, value field, source field) for the template."""
        return [
            (target, self[f"value_{target.pk}"], self[f"source_{target.pk}"])
            for target in self.targets
        ]

    def clean_files(self):
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES_PER_SAVE:
            raise ValidationError(f"一次最多上传 {MAX_FILES_PER_SAVE} 个文件。")
        for upload in files:
            check_upload(upload)
        return files

    def clean(self):
        cleaned = super().clean()
        for target in self.targets:
            value = cleaned.get(f"value_{target.pk}")
            source = (cleaned.get(f"source_{target.pk}") or "").strip()
            if value is None and source and f"value_{target.pk}" not in self.errors:
                self.add_error(f"value_{target.pk}", f"请填写“{target.quote}”的实际值。")
        return cleaned

    def report_data(self) -> dict:
        return {
            field: self.cleaned_data[field].strip()
            if field != "status"
            else self.cleaned_data[field]
            for field in ("status", "narrative", "actions", "problems", "next_steps")
        }

    def values(self) -> dict:
        return {
            target: (
                self.cleaned_data.get(f"value_{target.pk}"),
                (self.cleaned_data.get(f"source_{target.pk}") or "").strip(),
            )
            for target in self.targets
        }


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    decision = forms.ChoiceField(
        label="审核意见", choices=Review.Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label="意见说明",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "退回时必须填写退回意见"}),
    )

    def clean(self):
        cleaned = super().clean()
        comment = (cleaned.get("comment") or "").strip()
        cleaned["comment"] = comment
        if cleaned.get("decision") == Review.Decision.RETURN and not comment:
            self.add_error("comment", "退回时请填写退回意见。")
        return cleaned


class PeriodForm(forms.Form):
    """One period; the due date is a date or a number of working days after the end."""

    plan = forms.ModelChoiceField(label="实施方案", queryset=None, empty_label="请选择方案")
    name = forms.CharField(label="周期名称", max_length=100)
    kind = forms.ChoiceField(label="类型", choices=Period.Kind.choices)
    starts_on = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label="结束日期", widget=forms.DateInput(attrs={"type": "date"}))
    due_on = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    due_working_days = forms.IntegerField(
        label="或：期末后工作日数",
        required=False,
        min_value=1,
        max_value=60,
        help_text="按国家法定节假日和调休上班日计算",
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans

    def clean(self):
        cleaned = super().clean()
        due_on, days = cleaned.get("due_on"), cleaned.get("due_working_days")
        if due_on and days:
            raise ValidationError("截止日期和期末后工作日数只填一项。")
        if not due_on and not days and not self.has_error("due_working_days"):
            raise ValidationError("请填写截止日期，或填写期末后多少个工作日截止。")
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "结束日期不能早于开始日期。")
        return cleaned

    def due(self) -> Due:
        return Due(
            on=self.cleaned_data.get("due_on"),
            working_days=self.cleaned_data.get("due_working_days"),
        )


class PeriodYearForm(forms.Form):
    """A whole year of periods of one kind at once."""

    plan = forms.ModelChoiceField(label="实施方案", queryset=None, empty_label="请选择方案")
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="类型", choices=Period.Kind.choices)
    due_working_days = forms.IntegerField(
        label="期末后工作日数", min_value=1, max_value=60, initial=10
    )
    starts_from = forms.DateField(
        label="自何日起",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="结束于该日之前的周期不创建",
    )
    catch_up = forms.BooleanField(
        label="创建已过截止日期的补报周期",
        required=False,
        help_text="不勾选时，截止日期已过的周期不创建，以免各单位一次新增大量逾期事项",
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class IdsField(forms.Field):
    """The ids of the rows ticked in a list (checkboxes sharing one name)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        try:
            return sorted({int(item) for item in value or ()})
        except (TypeError, ValueError) as error:
            raise forms.ValidationError("所选报告无效，请刷新页面后重试。") from error


class BatchReviewForm(ReviewForm):
    """One decision and one comment for several reports (批量审核)."""

    version = None
    reports = IdsField(label="报告", required=False)

    def clean_reports(self):
        ids = self.cleaned_data["reports"]
        if not ids:
            raise forms.ValidationError("请至少勾选一份报告。")
        if len(ids) > MAX_BATCH:
            raise forms.ValidationError(f"一次最多审核{MAX_BATCH}份报告。")
        return ids


MAX_BATCH = 200


class VersionForm(forms.Form):
    """An action on a report as the person saw it (the version they loaded)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReopenForm(VersionForm):
    """撤销审核通过: the reason is required (the unit and the reviewers are told it)."""

    reason = forms.CharField(
        label="撤销原因",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "请填写撤销审核通过的原因。",
            "max_length": "原因不能超过500字。",
        },
    )
