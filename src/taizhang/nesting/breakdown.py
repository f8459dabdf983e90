"""分解落实 on one page: a county office makes its county's plan from the plan above. It
ticks the parent measures its county carries out, gives each a lead unit and responsible
units of its own county, a 工作进度安排 and a 可检验的成果形式, and saves; the plan is made
by plans.breakdown, the write path. The measures the parent plan already gives the county
(its government, or a collective it belongs to) come ticked, and a lead unit comes
pre-filled where the county has the counterpart of the parent's lead unit (州司法局 →
都匀市司法局); the office checks both."""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts.access import load
from taizhang.plans import breakdown
from taizhang.plans.models import Assignment, Measure, Plan
from taizhang.units.models import Collective, Unit
from taizhang.units.services import level_of_phrase
from taizhang.web.views import ActionView

PERMISSION = "plans.break_down_plan"
REFUSED = "只有县级依法治理办可以按上级方案分解制定本县（市、区）的方案。"
PLANS = Plan.objects.select_related("region", "organisation")
# The prefixes a county's own units carry (市司法局, 县教育局, 区民政局, 旗…).
COUNTY_PREFIXES = "市县区旗"


@dataclass
class Row:
    """One parent measure on the page, with what the office chose (or the page proposes)."""

    measure: Measure
    picked: bool = False
    lead: set[int] = field(default_factory=set)
    responsible: set[int] = field(default_factory=set)
    collectives: set[int] = field(default_factory=set)
    schedule: str = ""
    outcome: str = ""
    carried: bool = False  # the parent plan gives the county this measure


def county_units(user):
    return list(
        Unit.objects.filter(organisation_id=user.organisation_id, region_id=user.region_id)
        .exclude(level="village")
        .order_by("level", "name")
    )


def county_collectives(user) -> list[Collective]:
    """The collectives naming every township or village (各镇（街道）): in the county's
    plan, its own townships or villages."""
    return [
        collective
        for collective in Collective.objects.filter(organisation_id=user.organisation_id)
        if level_of_phrase(collective.phrase)
    ]


def _core(name: str, prefix: str) -> str:
    return name[len(prefix) :] if prefix and name.startswith(prefix) else name


def proposed_rows(parent: Plan, user, units: list[Unit]) -> list[Row]:
    """Every live parent measure; those carried by the county ticked, with the county's
    counterpart of the parent's lead unit."""
    measures = list(parent.measures.filter(withdrawn=False).order_by("position"))
    carried = set(
        Assignment.objects.filter(measure__plan=parent, unit__region_id=user.region_id).values_list(
            "measure_id", flat=True
        )
    )
    leads: dict[int, list[str]] = {}
    for measure_id, name in Assignment.objects.filter(
        measure__plan=parent, role=Assignment.Role.LEAD
    ).values_list("measure_id", "unit__name"):
        leads.setdefault(measure_id, []).append(name)
    by_core = {}
    county = user.region.name
    for unit in units:  # 都匀市司法局 (as a county plan's import names it) or 市司法局
        if unit.name.startswith(county):
            by_core.setdefault(unit.name[len(county) :], unit.pk)
        elif unit.name[:1] in COUNTY_PREFIXES:
            by_core.setdefault(unit.name[1:], unit.pk)
    prefix = parent.organisation.prefix
    rows = []
    for measure in measures:
        picked = measure.pk in carried
        lead = {
            by_core[_core(name, prefix)]
            for name in leads.get(measure.pk, [])
            if _core(name, prefix) in by_core
        }
        rows.append(Row(measure, picked, lead if picked else set(), carried=picked))
    return rows


class BreakdownForm(forms.Form):
    title = forms.CharField(
        label="方案标题", max_length=300, error_messages={"required": "请填写方案标题。"}
    )
    reason = forms.CharField(label="说明", max_length=500, required=False)

    def __init__(self, parent: Plan, units: list[Unit], collectives=(), data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.parent = parent
        self.units = {unit.pk: unit for unit in units}
        self.collectives = {collective.pk: collective for collective in collectives}
        self.rows: list[Row] = []
        self.picks: list[breakdown.Pick] = []

    def _units(self, key: str) -> set[int]:
        chosen = set()
        for raw in self.data.getlist(key):
            if raw.isdigit() and int(raw) in self.units:
                chosen.add(int(raw))
            elif raw:
                self.foreign = True
        return chosen

    def _collectives(self, key: str) -> set[int]:
        chosen = set()
        for raw in self.data.getlist(key):
            if raw.isdigit() and int(raw) in self.collectives:
                chosen.add(int(raw))
            elif raw:
                self.foreign = True
        return chosen

    def clean(self):
        self.foreign = False
        picked = set(self.data.getlist("pick"))
        for measure in self.parent.measures.filter(withdrawn=False).order_by("position"):
            pk = measure.pk
            row = Row(
                measure,
                str(pk) in picked,
                self._units(f"lead-{pk}"),
                self._units(f"responsible-{pk}"),
                self._collectives(f"collectives-{pk}"),
                self.data.get(f"schedule-{pk}", ""),
                self.data.get(f"outcome-{pk}", ""),
            )
            self.rows.append(row)
            if row.picked:
                self.picks.append(
                    breakdown.Pick(
                        measure,
                        [self.units[u] for u in sorted(row.lead)],
                        [self.units[u] for u in sorted(row.responsible - row.lead)],
                        row.schedule,
                        row.outcome,
                        [self.collectives[c] for c in sorted(row.collectives)],
                    )
                )
        if self.foreign:
            raise forms.ValidationError("所选单位或统称不属于本县（市、区），请刷新页面后重试。")
        return super().clean()


def page(request, parent, form: BreakdownForm, rows: list[Row], units, collectives, status=200):
    return render(
        request,
        "nesting/breakdown.html",
        {
            "parent": parent,
            "region": request.user.region,
            "form": form,
            "rows": rows,
            "units": units,
            "collectives": collectives,
            "picked": sum(1 for row in rows if row.picked),
        },
        status=status,
    )


class BreakdownView(LoginRequiredMixin, View):
    """The page: the parent plan's measures, the county's choices."""

    def get(self, request, plan_id):
        parent = load(request.user, PLANS, plan_id, PERMISSION, REFUSED)
        units, collectives = county_units(request.user), county_collectives(request.user)
        title = breakdown.default_title(parent, request.user.region)
        form = BreakdownForm(parent, units, collectives, initial={"title": title})
        rows = proposed_rows(parent, request.user, units)
        return page(request, parent, form, rows, units, collectives)


class BreakdownCreateView(ActionView):
    queryset = PLANS
    pk_url_kwarg = "plan_id"
    permission = PERMISSION
    refused = REFUSED

    def get_form(self, data=None, files=None):
        self.units = county_units(self.request.user)
        self.collectives = county_collectives(self.request.user)
        return BreakdownForm(self.object, self.units, self.collectives, data)

    def act(self, form):
        return breakdown.create_county_plan(
            self.object,
            self.request.user.region,
            self.request.user,
            form.cleaned_data["title"],
            form.picks,
            form.cleaned_data["reason"],
        )

    def done(self, plan):
        messages.success(
            self.request,
            f"已制定《{plan.title}》，共{plan.measures.count()}项任务，均已对应上级任务。"
            "请设置报送周期。",
        )
        return redirect("ledger:ledger", plan_id=plan.pk)

    def invalid(self, form):
        rows = form.rows or proposed_rows(self.object, self.request.user, self.units)
        return page(self.request, self.object, form, rows, self.units, self.collectives, status=400)
