"""The ledger pages: plan list, ledger, measure detail, responsibility lists and the
ledger's .xlsx export.

Read-only pages. Every page scopes its rows with plans/scoping.py, answers 404 for plans
and units of another organisation and 403 when the person may not see the object."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from taizhang.accounts.access import load
from taizhang.freshness.kept import kept, viewer_key
from taizhang.freshness.pages import NOTES as FRESHNESS_NOTES
from taizhang.freshness.pages import kept_page, kept_plan_page
from taizhang.ledger import background, queries
from taizhang.ledger.export import ledger_bytes
from taizhang.ledger.filtering import FilteredLedger, filtered
from taizhang.plans.grouping import ADHOC_GROUP, ADHOC_LABEL
from taizhang.plans.models import Assignment, Measure, MeasureCollective, Plan
from taizhang.reporting.models import ProgressReport
from taizhang.reporting.status import (
    COMPLETION_RULE,
    STATUS_ORDER,
    STATUS_RULE,
    Completion,
)
from taizhang.supervision.rollup import measure_rollup
from taizhang.units.models import Unit
from taizhang.web.downloads import XLSX, download

PLANS = Plan.objects.select_related("organisation", "region")


def filtered_ledger(request, plan: Plan) -> FilteredLedger:
    """The rows the person asked for among those they may see (ledger/filtering.py)."""
    return filtered(request.user, request.GET, plan)


def _query_with(query: QueryDict, **changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    query = query.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return query.urlencode()


class PlanListView(LoginRequiredMixin, View):
    """Kept per person until their organisation's data changes (taizhang.freshness): every
    plan a person may list is their organisation's (accounts.scoping), and its counts
    change only through write paths that record an audit entry."""

    template_name = "ledger/plan_list.html"

    def get(self, request):
        return kept_page(
            request,
            self.template_name,
            self.context,
            page="plan_list",
            organisation_id=request.user.organisation_id,
        )

    def context(self) -> dict:
        user = self.request.user
        plans = list(Plan.objects.for_user(user).select_related("region", "organisation"))
        counts = queries.status_counts(user, plans)
        entries = []
        for plan in plans:
            count = counts[plan.pk]
            entries.append(
                {
                    "plan": plan,
                    "total": sum(count.values()),
                    "statuses": [(s, queries.STATUS_LABELS[s], count[s]) for s in STATUS_ORDER],
                    "completion": Completion.of(count.elements()),
                }
            )
        return {"entries": entries, "rules": [STATUS_RULE, COMPLETION_RULE]}


class LedgerView(LoginRequiredMixin, View):
    template_name = "ledger/ledger.html"

    def get(self, request, plan_id: int):
        plan = load(request.user, PLANS, plan_id, "plans.view_plan", "您无权查看该实施方案。")
        return kept_plan_page(
            request,
            self.template_name,
            plan,
            lambda: self.context(plan),
            page="ledger",
        )

    def context(self, plan) -> dict:
        user = self.request.user
        ledger = filtered_ledger(self.request, plan)
        notes = []
        if ledger.form.error_message:
            notes.append((messages.ERROR, ledger.form.error_message))
        query = self.request.GET
        chapter_id = ledger.form.value("chapter")
        tabs = [
            {
                "label": "全部",
                "count": sum(ledger.chapter_counts.values()),
                "query": _query_with(query, chapter=None, section=None),
                "active": chapter_id is None,
            }
        ] + [
            {
                "label": str(chapter),
                "count": ledger.chapter_counts[chapter.pk],
                "query": _query_with(query, chapter=str(chapter.pk), section=None),
                "active": chapter.pk == chapter_id,
            }
            for chapter in ledger.chapters
            if ledger.chapter_counts[chapter.pk]
        ]
        if ledger.chapter_counts[ADHOC_GROUP]:
            tabs.append(
                {
                    "label": ADHOC_LABEL,
                    "count": ledger.chapter_counts[ADHOC_GROUP],
                    "query": _query_with(query, chapter=ADHOC_GROUP, section=None),
                    "active": chapter_id == ADHOC_GROUP,
                }
            )
        sections = [s for s in ledger.sections if chapter_id is None or s.chapter_id == chapter_id]
        statuses = Counter(row.status for row in ledger.rows)
        unit_list_url = None
        if unit_id := ledger.form.value("unit"):
            unit = Unit.objects.filter(pk=unit_id, organisation_id=plan.organisation_id).first()
            if unit is not None and user.has_perm("ledger.view_responsibilities", unit):
                unit_list_url = reverse(
                    "ledger:responsibilities", kwargs={"plan_id": plan.pk, "unit_id": unit.pk}
                )
        return {
            FRESHNESS_NOTES: notes,
            "plan": plan,
            "form": ledger.form,
            "items": queries.grouped(ledger.rows),
            "count": len(ledger.rows),
            "tabs": tabs,
            "sections": sections,
            "selected_section": ledger.form.value("section"),
            "stats": [(s, queries.STATUS_LABELS[s], statuses[s]) for s in STATUS_ORDER],
            "status_rule": STATUS_RULE,
            "may_add_adhoc": user.has_perm("plans.add_adhoc", plan),
            "export_query": query.urlencode(),
            "filtered": any(query.get(k) for k in ("q", "unit", "status", "chapter", "section")),
            "my_unit": user.unit if user.unit_id else None,
            "unit_list_url": unit_list_url,
        }


class MeasureView(LoginRequiredMixin, TemplateView):
    template_name = "ledger/measure.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        plan = load(user, PLANS, self.kwargs["plan_id"])
        measures = queries.with_row_data(
            Measure.objects.filter(plan=plan, withdrawn=False)
        ).prefetch_related("targets", "duties")
        measure = get_object_or_404(measures, pk=self.kwargs["measure_id"])
        if not user.has_perm("plans.view_measure", measure):
            raise PermissionDenied("您无权查看该任务。")
        (row,) = queries.rows_of([measure], timezone.localdate())
        units = [
            {"assignment": a, "can_open": user.has_perm("ledger.view_responsibilities", a.unit)}
            for a in measure.assignments.all()
        ]
        collectives = (
            MeasureCollective.objects.filter(measure=measure)
            .select_related("collective")
            .annotate(member_count=Count("collective__members"))
            .order_by("pk")
        )
        return super().get_context_data(
            plan=plan,
            measure=measure,
            row=row,
            units=units,
            collectives=collectives,
            targets=list(measure.targets.all()),
            duties=list(measure.duties.all()),
            reports=queries.visible_reports(user, measure),
            report_links=_url_exists("reporting:report_detail", report_id=1),
            may_change_deadline=user.has_perm("supervision.change_deadline", measure),
            parent_measures=[
                link.parent
                for link in measure.parent_links.select_related("parent__plan").order_by(
                    "parent__position"
                )
            ],
            rollup=measure_rollup(measure, timezone.localdate())
            if measure.child_links.exists()
            else None,
            **kwargs,
        )


def _url_exists(name: str, **kwargs) -> bool:
    """Whether another app has published a page yet, so links appear once it exists."""
    try:
        reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return False
    return True


class ResponsibilitiesView(LoginRequiredMixin, View):
    """责任清单: everything one unit leads or shares in a plan, soonest deadline first."""

    template_name = "ledger/responsibilities.html"

    def get(self, request, plan_id: int, unit_id: int):
        user = request.user
        # A plan the person may not see stays hidden here too (as on the ledger).
        plan = load(user, PLANS, plan_id, "plans.view_plan", "您无权查看该实施方案。")
        unit = get_object_or_404(
            Unit.objects.select_related("region"),
            pk=unit_id,
            organisation_id=plan.organisation_id,
        )
        if not user.has_perm("ledger.view_responsibilities", unit):
            raise PermissionDenied("您只能查看本单位的责任清单。")
        return kept_plan_page(
            request,
            self.template_name,
            plan,
            lambda: self.context(plan, unit),
            page="responsibilities",
            params=(unit.pk,),
        )

    def context(self, plan, unit) -> dict:
        items = queries.responsibilities(unit, plan)
        roles = Counter("via" if item.assignment.via_id else item.assignment.role for item in items)
        statuses = Counter(item.row.status for item in items)
        return {
            "plan": plan,
            "unit": unit,
            "items": items,
            "lead_count": roles[Assignment.Role.LEAD],
            "responsible_count": roles[Assignment.Role.RESPONSIBLE],
            "via_count": roles["via"],
            "lagging_count": statuses[ProgressReport.Status.LAGGING],
            "done_count": statuses[ProgressReport.Status.DONE],
            "status_rule": STATUS_RULE,
            "report_links": _url_exists("reporting:report_detail", report_id=1),
        }


class MyCurrentResponsibilitiesView(LoginRequiredMixin, View):
    """The menu's 本单位责任清单: the person's unit in the newest plan they take part in."""

    def get(self, request):
        plans = Plan.objects.for_user(request.user).own_first(request.user)
        newest = plans.values_list("pk", flat=True).first()
        if newest is None:
            messages.info(request, "本单位暂无承担任务的实施方案。")
            return redirect("ledger:list")
        return redirect("ledger:my_responsibilities", plan_id=newest)


class MyResponsibilitiesView(LoginRequiredMixin, View):
    """A liaison's or reviewer's shortcut to their own unit's list."""

    def get(self, request, plan_id: int):
        plan = load(request.user, PLANS, plan_id)
        if request.user.unit_id is None:
            messages.info(request, "您的账号未关联具体单位，请在台账中按单位筛选查看。")
            return redirect("ledger:ledger", plan_id=plan.pk)
        return redirect("ledger:responsibilities", plan_id=plan.pk, unit_id=request.user.unit_id)


class LedgerExportView(LoginRequiredMixin, View):
    """The ledger as the person sees it (same scoping and filters as the page). A big
    plan's is made in the background (ledger/background.py)."""

    def get(self, request, plan_id: int):
        plan = load(request.user, PLANS, plan_id, "plans.view_plan", "您无权查看该实施方案。")
        if background.is_big(plan):
            job = background.export_later(request.user, plan, request.GET.urlencode())
            return redirect("jobs:job", job_id=job.pk)
        today = timezone.localdate()

        def workbook() -> bytes:
            ledger = filtered_ledger(request, plan)
            return ledger_bytes(plan, queries.grouped(ledger.rows))

        return download(
            kept(
                "ledger_export",
                plan.organisation_id,
                workbook,
                viewer=viewer_key(request.user),
                params=(plan.pk, sorted(request.GET.lists())),
                today=today,
            ),
            XLSX,
            background.filename(plan),
            f"ledger-{plan.pk}-{today:%Y%m%d}.xlsx",
        )
