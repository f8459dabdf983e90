"""The office sets reporting periods: a list with a form for one period and one for a
whole year of a kind, and an edit page per period."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load
from taizhang.plans.models import Plan
from taizhang.reporting import periods
from taizhang.reporting.forms import PeriodForm, PeriodYearForm
from taizhang.reporting.models import Period, ProgressReport


class OfficeOnlyMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("reporting.manage_periods"):
            raise PermissionDenied("只有依法治理办（县级方案：县级依法治理办）可以设置报送周期。")
        return super().dispatch(request, *args, **kwargs)


class PeriodListView(OfficeOnlyMixin, View):
    template_name = "reporting/periods.html"

    def get(self, request):
        plans = Plan.objects.run_by(request.user)
        today = timezone.localdate()
        initial = {"year": today.year}
        only = list(plans[:2])
        picked = request.GET.get("plan", "")
        if len(only) == 1:  # one plan: nothing to choose
            initial["plan"] = only[0]
        elif picked.isdigit():  # from the to-do's 设置报送周期
            initial["plan"] = plans.filter(pk=picked).first()
        return self.render(
            request,
            PeriodForm(plans=plans, initial=initial),
            PeriodYearForm(
                plans=plans, initial={**initial, "kind": "quarterly", "starts_from": today}
            ),
        )

    def post(self, request):
        """Create one period (PeriodYearView creates a whole year of them)."""
        plans = Plan.objects.run_by(request.user)
        one, year = PeriodForm(request.POST, plans=plans), PeriodYearForm(plans=plans)
        return self.create(request, one, year, one, self.create_one)

    def create(self, request, one, year, form, create):
        if form.is_valid():
            try:
                text = create(request.user, form.cleaned_data, form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, text)
                return redirect("reporting:periods")
        messages.error(request, "请按提示修改后重新提交。")
        return self.render(request, one, year, status=400)

    @staticmethod
    def create_one(user, data, form):
        period = periods.create_period(
            user,
            data["plan"],
            data["name"],
            data["kind"],
            data["starts_on"],
            data["ends_on"],
            form.due(),
        )
        return f"已创建报送周期“{period.name}”，截止日期 {period.due_on:%Y年%m月%d日}。"

    @staticmethod
    def create_year(user, data, form):
        created = periods.create_year(
            user,
            data["plan"],
            data["year"],
            data["kind"],
            data["due_working_days"],
            starts_from=data["starts_from"],
            catch_up=data["catch_up"],
        )
        return f"已创建 {data['year']} 年{len(created)}个报送周期。"

    def render(self, request, one, year, status=200):
        listed = (
            Period.objects.filter(plan__in=Plan.objects.run_by(request.user))
            .select_related("plan")
            .annotate(
                filed=Count("reports", filter=Q(reports__state__in=ProgressReport.State.FILED))
            )
            .order_by("plan_id", "-starts_on")
        )
        context = {"periods": listed, "form": one, "year_form": year}
        return render(request, self.template_name, context, status=status)


class PeriodYearView(PeriodListView):
    """Every period of a kind in a year at once."""

    http_method_names = ["post"]

    def post(self, request):
        plans = Plan.objects.run_by(request.user)
        one, year = PeriodForm(plans=plans), PeriodYearForm(request.POST, plans=plans)
        if year.is_valid() and not year.cleaned_data["confirmed"]:
            return self.preview(request, year)
        return self.create(request, one, year, year, self.create_year)

    def preview(self, request, form):
        """Before anything is created: which periods, and what each unit will owe."""
        data = form.cleaned_data
        planned = periods.plan_year(
            data["plan"],
            data["year"],
            data["kind"],
            data["due_working_days"],
            data["starts_from"],
            timezone.localdate(),
            data["catch_up"],
        )
        confirm = PeriodYearForm(
            initial={**data, "confirmed": True}, plans=Plan.objects.filter(pk=data["plan"].pk)
        )
        for field in confirm.fields.values():
            field.widget = field.hidden_widget()
        context = {"planned": planned, "data": data, "form": confirm}
        return render(request, "reporting/period_year_preview.html", context)


class PeriodEditView(OfficeOnlyMixin, View):
    template_name = "reporting/period_edit.html"

    def load(self, request, period_id):
        periods = Period.objects.select_related("plan")
        period = load(request.user, periods, period_id, "reporting.change_period")
        return period

    def get(self, request, period_id):
        period = self.load(request, period_id)
        initial = {
            "plan": period.plan,
            "name": period.name,
            "kind": period.kind,
            "starts_on": period.starts_on,
            "ends_on": period.ends_on,
        }
        days = _working_days_of(period.due_rule)
        if days is None:
            initial["due_on"] = period.due_on
        else:
            initial["due_working_days"] = days
        return self.render(request, period, _edit_form(period, initial=initial))

    def post(self, request, period_id):
        period = self.load(request, period_id)
        form = _edit_form(period, data=request.POST)
        if form.is_valid():
            try:
                periods.update_period(
                    period,
                    request.user,
                    form.cleaned_data["name"],
                    form.cleaned_data["kind"],
                    form.cleaned_data["starts_on"],
                    form.cleaned_data["ends_on"],
                    form.due(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"已保存报送周期“{period.name}”。")
                return redirect("reporting:periods")
        messages.error(request, "请按提示修改后重新提交。")
        period.refresh_from_db()
        return self.render(request, period, form, status=400)

    def render(self, request, period, form, status=200):
        return render(request, self.template_name, {"period": period, "form": form}, status=status)


def _edit_form(period, data=None, initial=None) -> PeriodForm:
    """The period form with its plan fixed: a period stays with its plan."""
    initial = {**(initial or {}), "plan": period.plan}
    form = PeriodForm(data, initial=initial, plans=Plan.objects.filter(pk=period.plan_id))
    form.fields["plan"].disabled = True
    return form


def _working_days_of(rule: str) -> int | None:
    digits = "".join(ch for ch in rule if ch.isdigit())
    return int(digits) if rule.startswith("期末后") and digits else None
