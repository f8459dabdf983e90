"""Read endpoints: plans, periods, measures and units.

Lists come from the scoping querysets (never a row the person may not see); details are
looked up in the person's organisation (404 otherwise) and checked with the same `rules`
permission as the web page (403 when denied)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.response import Response

from taizhang.accounts.access import load, require
from taizhang.plans import grouping
from taizhang.plans.models import Assignment, Measure, MeasureCollective, Plan
from taizhang.reporting import status
from taizhang.reporting.models import Period
from taizhang.units.models import Unit

from . import filters
from .querysets import visible_periods, visible_units
from .serializers import (
    MeasureSerializer,
    PeriodSerializer,
    PlanProgressSerializer,
    PlanSerializer,
    UnitSerializer,
)


def _measures_count():
    live = (
        Measure.objects.filter(plan=OuterRef("pk"), withdrawn=False)
        .order_by()
        .values("plan")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(live, output_field=IntegerField()), 0)


def _with_plan_details(plans):
    return (
        plans.annotate(measures_count=_measures_count())
        .select_related("region")
        .prefetch_related("chapters")
    )


@extend_schema(tags=["plans"], summary="实施方案列表")
class PlanList(generics.ListAPIView):
    serializer_class = PlanSerializer

    def get_queryset(self):
        return _with_plan_details(Plan.objects.for_user(self.request.user)).order_by(
            "-created_at", "id"
        )


@extend_schema(tags=["plans"], summary="实施方案详情")
class PlanDetail(generics.RetrieveAPIView):
    serializer_class = PlanSerializer

    def get_object(self):
        plans = _with_plan_details(Plan.objects.all())
        return load(
            self.request.user,
            plans,
            self.kwargs["plan_id"],
            "plans.view_plan",
            "您无权查看该方案。",
        )


@extend_schema(tags=["periods"], summary="报送周期列表", parameters=[filters.PLAN])
class PeriodList(generics.ListAPIView):
    serializer_class = PeriodSerializer

    def get_queryset(self):
        periods = visible_periods(self.request.user)
        periods = filters.apply(periods, self.request.query_params, filters.PERIOD_FILTERS)
        return periods.order_by("-ends_on", "id")


@extend_schema(tags=["periods"], summary="报送周期详情")
class PeriodDetail(generics.RetrieveAPIView):
    serializer_class = PeriodSerializer

    def get_object(self):
        periods = Period.objects.select_related("plan")
        period = load(self.request.user, periods, self.kwargs["period_id"])
        # A period is visible with its plan (the rule takes a Plan).
        require(self.request.user, "plans.view_plan", period.plan, "您无权查看该报送周期。")
        return period


def _with_measure_details(measures):
    """Everything a measure shows, in a fixed number of queries whatever the plan size."""
    measures = status.with_deadline_in_force(measures)
    return measures.select_related("chapter", "section").prefetch_related(
        Prefetch(
            "assignments",
            queryset=Assignment.objects.select_related("unit", "via").order_by("id"),
        ),
        Prefetch(
            "collectives",
            queryset=MeasureCollective.objects.select_related("collective").order_by("id"),
        ),
        "parent_links",
        "targets",
        "duties",
    )


@extend_schema(
    tags=["measures"],
    summary="任务列表（台账）",
    parameters=[filters.PLAN, filters.UNIT, filters.CHAPTER],
)
class MeasureList(generics.ListAPIView):
    serializer_class = MeasureSerializer

    def get_queryset(self):
        measures = Measure.objects.filter(withdrawn=False).for_user(self.request.user)
        measures = filters.apply(measures, self.request.query_params, filters.MEASURE_FILTERS)
        measures = filters.apply_group(measures, self.request.query_params)
        return _with_measure_details(measures).order_by("plan_id", "position", "id")


@extend_schema(tags=["measures"], summary="任务详情")
class MeasureDetail(generics.RetrieveAPIView):
    serializer_class = MeasureSerializer

    def get_object(self):
        measures = Measure.objects.filter(withdrawn=False).select_related("plan")
        return load(
            self.request.user,
            _with_measure_details(measures),
            self.kwargs["measure_id"],
            "plans.view_measure",
            "您无权查看该任务。",
        )


@extend_schema(tags=["units"], summary="单位列表")
class UnitList(generics.ListAPIView):
    serializer_class = UnitSerializer

    def get_queryset(self):
        return (
            visible_units(self.request.user)
            .select_related("region")
            .order_by("level", "category", "name", "id")
        )


@extend_schema(tags=["units"], summary="单位详情")
class UnitDetail(generics.RetrieveAPIView):
    serializer_class = UnitSerializer

    def get_object(self):
        units = Unit.objects.select_related("region")
        return load(
            self.request.user,
            units,
            self.kwargs["unit_id"],
            "units.view_unit_record",
            "您无权查看该单位。",
        )


@extend_schema(tags=["plans"], summary="实施方案推进情况（完成率、按时报送）")
class PlanProgress(generics.GenericAPIView):
    serializer_class = PlanProgressSerializer

    def get(self, request, plan_id: int):
        plan = load(request.user, Plan, plan_id, "plans.view_plan", "您无权查看该方案。")
        today = timezone.localdate()
        found = status.progress(plan, today)
        # The groups the ledger and the dashboard show (plans.grouping), in their order.
        by_group = found.completion("group")
        groups = grouping.in_order(plan.chapters.order_by("position"), by_group)
        carried = Assignment.objects.owing().filter(measure__plan=plan)
        reports = status.total(
            status.timeliness(
                carried, status.due_periods(plan.periods.all(), today), today
            ).values()
        )
        completion = found.completion()
        data = {
            "plan": plan.pk,
            "as_of": today,
            "completion": _completion(completion),
            "completion_rule": status.COMPLETION_RULE,
            "statuses": {s: found.statuses()[s] for s in status.STATUS_ORDER},
            "status_rule": status.STATUS_RULE,
            "chapters": [
                {
                    "group": group.name,
                    "label": group.label,
                    "chapter": group.chapter_id,
                    **_completion(by_group[group.key]),
                }
                for group in groups
            ],
            "reports": {
                "expected": reports.expected,
                "on_time": reports.on_time,
                "late": reports.late,
                "missing": reports.missing,
                "rate": reports.rate,
            },
            "reports_rule": status.ON_TIME_RULE,
        }
        return Response(PlanProgressSerializer(data).data)


def _completion(completion) -> dict:
    return {"done": completion.done, "total": completion.total, "rate": completion.rate}
