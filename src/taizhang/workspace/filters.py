"""Narrowing and ordering the reports a unit owes on its to-do page: by plan, by state
(not started, 草稿, overdue), by due date, sorted by due date, task number or unit."""

from __future__ import annotations

from django import forms

STATES = [
    ("", "全部"),
    ("not_started", "未填报"),
    ("draft", "草稿（已保存未报送）"),
    ("overdue", "已逾期"),
]
SORTS = [("due", "按截止日期"), ("measure", "按任务序号"), ("unit", "按报送单位")]
SORT_KEYS = {
    "due": lambda item: (item.due_on, item.assignment.measure.position),
    "measure": lambda item: (item.assignment.measure.position, item.due_on),
    "unit": lambda item: (item.assignment.unit.name, item.due_on),
}


class DueFilterForm(forms.Form):
    # A plain number: the plans to choose from are known only once the items are.
    plan = forms.IntegerField(label="实施方案", required=False, widget=forms.Select)
    state = forms.ChoiceField(label="填报状态", choices=STATES, required=False)
    due_by = forms.DateField(
        label="截止日期不晚于",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "请输入有效的日期，如 2026-10-15。"},
    )
    sort = forms.ChoiceField(label="排序", choices=SORTS, required=False)

    def offer(self, plans) -> None:
        """The plans the person owes reports on, as the choices of the plan filter."""
        choices = [("", "全部方案")] + [(p.pk, p.title) for p in plans]
        self.fields["plan"].widget.choices = choices

    def apply(self, items: list) -> list:
        """The items that pass, grouped by plan (in the order plans first fall due) and
        sorted within each plan; everything, by due date, when the form is invalid."""
        data = self.cleaned_data if self.is_valid() else {}
        plan, state, due_by = data.get("plan"), data.get("state"), data.get("due_by")
        kept = [
            item
            for item in items
            if (plan is None or item.period.plan_id == plan)
            and (not state or _state_of(item) == state or (state == "overdue" and item.overdue))
            and (due_by is None or item.due_on <= due_by)
        ]
        kept.sort(key=SORT_KEYS[data.get("sort") or "due"])
        first_due = {}
        for item in kept:
            first_due.setdefault(item.period.plan_id, len(first_due))
        return sorted(kept, key=lambda item: first_due[item.period.plan_id])


def _state_of(item) -> str:
    """A returned report (退回, listed only in the filing workbook) passes no state filter
    but 全部 and 已逾期."""
    if item.report is None:
        return "not_started"
    return "returned" if item.returned else "draft"
