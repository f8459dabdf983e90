"""The ledger's filters (search, unit, status, chapter, section), shared by the ledger page
and its .xlsx export so that the file holds exactly what the page showed."""

from __future__ import annotations

from django import forms

from taizhang.plans.grouping import ADHOC_GROUP
from taizhang.reporting.models import ProgressReport


class LedgerFilterForm(forms.Form):
    q = forms.CharField(label="搜索", required=False, max_length=100, strip=True)
    unit = forms.TypedChoiceField(
        label="单位",
        required=False,
        coerce=int,
        empty_value=None,
        choices=(),
        widget=forms.Select(attrs={"aria-label": "单位"}),
    )
    status = forms.ChoiceField(
        label="进展状态",
        required=False,
        choices=[("", "全部状态"), *ProgressReport.Status.choices],
        widget=forms.Select(attrs={"aria-label": "进展状态"}),
    )
    # a chapter's id, or ADHOC_GROUP for the 督办事项 (plans.grouping.group_of)
    chapter = forms.CharField(label="章", required=False, widget=forms.HiddenInput)
    section = forms.TypedChoiceField(
        label="节", required=False, coerce=int, empty_value=None, choices=()
    )

    def __init__(self, data, *, units, sections):
        super().__init__(data)
        self.fields["unit"].choices = [("", "全部单位")] + [(u.pk, u.name) for u in units]
        self.fields["section"].choices = [("", "全部")] + [(s.pk, str(s)) for s in sections]

    def clean_chapter(self) -> int | str | None:
        value = self.cleaned_data["chapter"]
        if not value:
            return None
        if value == ADHOC_GROUP:
            return ADHOC_GROUP
        if value.isascii() and value.isdigit() and int(value) >= 1:
            return int(value)
        raise forms.ValidationError("无效的章。")

    def value(self, name: str):
        """The cleaned value of a field, or its empty value when it was invalid: a bad
        filter is dropped (and reported once), never an error page."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name) or None

    @property
    def error_message(self) -> str:
        if self.is_valid():
            return ""
        return "筛选条件无效，已忽略：" + "、".join(
            str(self.fields[name].label or name) for name in self.errors
        )
