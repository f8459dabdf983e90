"""The dashboards: the newest plan's dashboard, one plan's dashboard, and its tables as a
workbook. For the coordinating office and the organisation's leaders (the system
administrator reads any); everyone else is refused before anything is looked up."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View

from taizhang.accounts.access import load
from taizhang.freshness.pages import kept_plan_page
from taizhang.plans.models import Plan
from taizhang.reporting.status import STATUS_LABELS
from taizhang.supervision.rollup import plan_rollup

from .charts import chart_data
from .export import workbook_bytes
from .figures import STATUS_ORDER, Figures, compute
from .rows import plan_rows
from .tables import all_tables

REFUSED = "数据看板仅供依法治理办和领导查看。"

PLANS = Plan.objects.select_related("organisation", "region")


def _check_role(user) -> None:
    if not user.has_perm("dashboards.view_dashboards"):
        raise PermissionDenied(REFUSED)


def dashboard_plan(user, plan_id: int) -> Plan:
    """The plan, if the person may see its dashboard (404 for another organisation's)."""
    _check_role(user)
    plan = load(user, PLANS, plan_id)
    if not user.has_perm("dashboards.view_plan_dashboard", plan):
        raise PermissionDenied(REFUSED)
    return plan


def plan_figures(plan: Plan) -> Figures:
    return compute(plan_rows(plan, timezone.localdate()))


class HomeView(LoginRequiredMixin, View):
    """The menu's 数据看板: the newest plan the person may see, or the plan picked in the
    page's plan switcher (?plan=)."""

    def get(self, request):
        _check_role(request.user)
        picked = request.GET.get("plan", "")
        if picked.isdigit():
            return redirect("dashboards:plan", plan_id=int(picked))
        newest = Plan.objects.for_user(request.user).own_first(request.user)
        plan_id = newest.values_list("pk", flat=True).first()
        if plan_id is None:
            messages.info(request, "暂无实施方案，导入方案后即可查看数据看板。")
            return redirect("ledger:list")
        return redirect("dashboards:plan", plan_id=plan_id)


# The dashboard's two views of a plan with county plans under it (?source=): its own
# units' reports, or its measures as the counties' linked measures roll up to them.
OWN, COUNTIES = "own", "counties"


class PlanDashboardView(LoginRequiredMixin, View):
    template_name = "dashboards/plan.html"

    def get(self, request, plan_id: int):
        plan = dashboard_plan(request.user, plan_id)
        return kept_plan_page(
            request,
            self.template_name,
            plan,
            lambda: self.context(plan),
            page="dashboard",
        )

    def context(self, plan) -> dict:
        user = self.request.user
        plans = list(Plan.objects.for_user(user).own_first(user).values("pk", "title"))
        has_counties = Plan.objects.filter(parent=plan).exists()
        if has_counties and self.request.GET.get("source", OWN) == COUNTIES:
            today = timezone.localdate()
            return {
                "plan": plan,
                "plans": plans,
                "source": COUNTIES,
                "has_counties": True,
                "rollup": plan_rollup(plan, today),
                "today": today,
            }
        figures = plan_figures(plan)
        key = figures.key
        return {
            "plan": plan,
            "plans": plans,
            "figures": figures,
            "statuses": [(s, STATUS_LABELS[s], key.statuses[s]) for s in STATUS_ORDER],
            "tables": all_tables(figures),
            "charts": chart_data(figures),
            "source": OWN,
            "has_counties": has_counties,
        }


class PlanExportView(LoginRequiredMixin, View):
    """All the dashboard's tables as one .xlsx, one sheet each."""

    def get(self, request, plan_id: int):
        plan = dashboard_plan(request.user, plan_id)
        figures = plan_figures(plan)
        content = workbook_bytes(plan, figures.today, list(all_tables(figures).values()))
        return FileResponse(
            iter([content]),
            as_attachment=True,
            filename=f"数据看板_{figures.today:%Y%m%d}.xlsx",
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
