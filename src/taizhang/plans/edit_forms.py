"""The office's forms for editing the ledger. Every form carries the reason (required)
and the version of the measure it was drawn from; the write path checks the rest."""

from __future__ import annotations

from django import forms

from taizhang.plans.models import Chapter, Measure, Section
from taizhang.units.models import Collective, Unit

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ADD_ORDER = (
    "chapter",
    "section",
    "number",
    "title",
    "text",
    "deadline_text",
    "deadline",
    "schedule",
    "outcome",
)
TEXT_FIELDS = ("title", "text", "deadline_text", "deadline", "schedule", "outcome")
UNITS_FIELDS = ("lead_units", "responsible_units", "lead_collectives", "responsible_collectives")


def short_text(label: str, help_text: str) -> forms.CharField:
    """An optional paragraph of a measure (its schedule, its outcome)."""
    return forms.CharField(
        label=label,
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
    )


class ReasonForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label="原因",
        max_length=500,
        widget=forms.TextInput(attrs={"size": 60}),
        error_messages={"required": "请填写修改原因。"},
        help_text="记入操作日志",
    )

    def __init__(self, *args, measure=None, **kwargs):
        super().__init__(*args, **kwargs)
        if measure is not None:
            self.fields["version"].initial = measure.version


class MeasureTextForm(ReasonForm):
    title = forms.CharField(label="标题", max_length=300, required=False)
    text = forms.CharField(
        label="任务内容",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "任务内容不能为空。"},
    )
    deadline_text = forms.CharField(
        label="完成时限（原文）",
        max_length=100,
        required=False,
        help_text="如：2025年底前、长期坚持",
    )
    deadline = forms.DateField(
        label="截止日期", required=False, widget=DATE, help_text="系统据此督办和提醒"
    )
    schedule = short_text("工作进度安排", "县级分解方案逐项明确，如：2023年6月底前完成…")
    outcome = short_text("可检验的成果形式", "如：工作方案、台账、验收材料")
    field_order = [*TEXT_FIELDS, "reason", "version"]

    def __init__(self, *args, measure=None, **kwargs):
        super().__init__(*args, measure=measure, **kwargs)
        if measure is not None:
            for name in TEXT_FIELDS:
                self.fields[name].initial = getattr(measure, name)


def _unit_field(label, organisation):
    return forms.ModelMultipleChoiceField(
        label=label,
        required=False,
        queryset=Unit.objects.filter(organisation=organisation).order_by("level", "name"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-grid"}),
    )


def _collective_field(label, organisation):
    return forms.ModelMultipleChoiceField(
        label=label,
        required=False,
        queryset=Collective.objects.filter(organisation=organisation).order_by("phrase"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "choice-grid"}),
        help_text="所列统称的成员单位随统称一并承担",
    )


class MeasureUnitsForm(ReasonForm):
    field_order = [*UNITS_FIELDS, "reason", "version"]

    def __init__(self, *args, organisation, measure=None, **kwargs):
        super().__init__(*args, measure=measure, **kwargs)
        self.fields["lead_units"] = _unit_field("牵头单位", organisation)
        self.fields["responsible_units"] = _unit_field("责任单位", organisation)
        self.fields["lead_collectives"] = _collective_field("牵头统称", organisation)
        self.fields["responsible_collectives"] = _collective_field("责任统称", organisation)
        self.order_fields(self.field_order)
        if measure is not None:
            self._initial_units(measure)

    def _initial_units(self, measure):
        direct = measure.assignments.filter(via__isnull=True)
        for role in ("lead", "responsible"):
            self.fields[f"{role}_units"].initial = [a.unit_id for a in direct if a.role == role]
            self.fields[f"{role}_collectives"].initial = [
                link.collective_id for link in measure.collectives.all() if link.role == role
            ]

    def units(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in UNITS_FIELDS}


class MeasureMoveForm(ReasonForm):
    chapter = forms.ModelChoiceField(
        label="移至章", queryset=Chapter.objects.none(), required=False, empty_label="（不分章）"
    )
    section = forms.ModelChoiceField(
        label="移至节", queryset=Section.objects.none(), required=False, empty_label="（不分节）"
    )
    before = forms.ModelChoiceField(
        label="排在该任务之前",
        queryset=Measure.objects.none(),
        required=False,
        empty_label="（排在该章末尾）",
        help_text="须与所选章一致",
    )
    field_order = ["chapter", "section", "before", "reason", "version"]

    def __init__(self, *args, measure, **kwargs):
        super().__init__(*args, measure=measure, **kwargs)
        plan = measure.plan
        self.fields["chapter"].queryset = plan.chapters.all()
        self.fields["section"].queryset = plan.sections.all()
        self.fields["before"].queryset = plan.measures.filter(withdrawn=False).exclude(
            pk=measure.pk
        )
        self.fields["chapter"].initial = measure.chapter_id
        self.fields["section"].initial = measure.section_id


class MeasureAddForm(MeasureTextForm):
    chapter = forms.ModelChoiceField(
        label="所属章", queryset=Chapter.objects.none(), required=False, empty_label="（不分章）"
    )
    section = forms.ModelChoiceField(
        label="所属节", queryset=Section.objects.none(), required=False, empty_label="（不分节）"
    )
    number = forms.IntegerField(
        label="序号",
        required=False,
        min_value=1,
        help_text=(
            "不填则接续最后一项在用任务的序号、排在所选章节末尾，督办事项依次顺延；需要时可再“移动”"
        ),
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.fields["chapter"].queryset = plan.chapters.all()
        self.fields["section"].queryset = plan.sections.all()
        self.fields["lead_units"] = _unit_field("牵头单位", plan.organisation)
        self.fields["responsible_units"] = _unit_field("责任单位", plan.organisation)
        self.fields["lead_collectives"] = _collective_field("牵头统称", plan.organisation)
        self.fields["responsible_collectives"] = _collective_field("责任统称", plan.organisation)
        self.order_fields([*ADD_ORDER, *UNITS_FIELDS, "reason"])

    def units(self) -> dict:
        return {name: list(self.cleaned_data[name]) for name in UNITS_FIELDS}
