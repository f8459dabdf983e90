"""Input of the office's survey pages: a survey's settings and one question. (The public
form is read by responding.parse, which checks every answer against the questionnaire.)"""

from __future__ import annotations

from django import forms

from taizhang.plans.models import Chapter
from taizhang.surveys.models import Question, Survey

TEMPLATE_CHOICE = "template"
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "wave", "plan", "opens_on", "closes_on", "intro"]
        widgets = {
            "opens_on": DATE,
            "closes_on": DATE,
            "intro": forms.Textarea(attrs={"rows": 4}),
            "title": forms.TextInput(attrs={"size": 50}),
        }
        help_texts = {
            "wave": "如“2024年度”“2025年上半年”；同一实施方案的各期测评按批次比较变化趋势。",
            "plan": "对照该方案中的满意率、知晓率目标，题目可对应方案章节。",
            "intro": "显示在问卷开头，说明测评目的、匿名方式和填写时间。",
        }
        error_messages = {"title": {"required": "请填写问卷标题。"}}

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].empty_label = "不对应实施方案"
        self.fields["plan"].error_messages["invalid_choice"] = "请选择本组织的实施方案。"
        for name in ("opens_on", "closes_on"):
            self.fields[name].error_messages["invalid"] = "请填写有效日期，如 2025-03-01。"

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "截止日期不能早于开始日期。")
        return data

    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields}


class NewSurveyForm(SurveyForm):
    start_from = forms.ChoiceField(label="问卷内容", required=False)

    def __init__(self, *args, plans, surveys, **kwargs):
        super().__init__(*args, plans=plans, **kwargs)
        self.fields["start_from"].choices = [
            (TEMPLATE_CHOICE, "使用“法治社会建设满意度和知晓率测评”模板"),
            ("", "空白问卷，自行添加题目"),
            *[(str(s.pk), f"复制《{s}》的题目（开展新一期测评）") for s in surveys],
        ]
        self.surveys = {str(s.pk): s for s in surveys}
        self.order_fields(["start_from", *self.Meta.fields])
        if not self.is_bound:
            self.initial.setdefault("start_from", TEMPLATE_CHOICE)

    def source(self):
        value = self.cleaned_data.get("start_from") or ""
        return self.surveys.get(value, TEMPLATE_CHOICE if value == TEMPLATE_CHOICE else None)


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="题型", choices=Question.Kind.choices)
    text = forms.CharField(
        label="题目",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "请填写题目。"},
    )
    choices = forms.CharField(
        label="选项",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="单选题、多选题每行填写一个选项；满意度题（非常满意…非常不满意）和知晓度题（知道/不知道）的选项固定，无需填写。",
    )
    required = forms.BooleanField(label="必答", required=False, initial=True)
    chapter = forms.ModelChoiceField(
        label="对应方案章节", queryset=Chapter.objects.none(), required=False
    )
    help_text = forms.CharField(label="填写提示", max_length=300, required=False)

    def __init__(self, *args, survey: Survey, **kwargs):
        super().__init__(*args, **kwargs)
        chapters = Chapter.objects.none()
        if survey.plan_id:
            chapters = Chapter.objects.filter(plan_id=survey.plan_id).order_by("position")
        self.fields["chapter"].queryset = chapters
        self.fields["chapter"].empty_label = "不对应"
        self.fields["chapter"].error_messages["invalid_choice"] = "请选择本问卷实施方案的章节。"
        self.fields["kind"].error_messages["invalid_choice"] = "请选择题型。"

    @classmethod
    def for_question(cls, question: Question, data=None):
        initial = {
            "kind": question.kind,
            "text": question.text,
            "help_text": question.help_text,
            "required": question.required,
            "chapter": question.chapter_id,
            "choices": "\n".join(c.label for c in question.choices.all())
            if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE)
            else "",
        }
        return cls(data, initial=initial, survey=question.survey)

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data["choices"] = (data.get("choices") or "").splitlines()
        return data
