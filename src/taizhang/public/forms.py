"""The office's choice of what is public: one checkbox per field."""

from django import forms

from taizhang.public.models import FIELDS, Publication

HELP = {
    "show_narrative": "仅公开经审核通过的进展报告内容摘要，草稿、待审核和被退回的内容不会公开。",
    "show_targets": "公开目标值、最新实际值和进度判断，不公开数据来源。",
    "show_updated": "公开页面和各项任务的最近更新日期。",
}


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ("published", *FIELDS)
        help_texts = {name: HELP.get(name, "") for name in ("published", *FIELDS)}

    def shown(self) -> dict[str, bool]:
        return {name: self.cleaned_data[name] for name in FIELDS}
