"""Progress reports: read them, and for a unit create or update a draft, submit it, and
for the lead unit or office review it. Every change goes through
taizhang.reporting.services (versioned, audited, optimistic locking)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from taizhang.accounts.access import load, of_organisation, require
from taizhang.plans.models import Assignment, Measure, Target
from taizhang.reporting import services
from taizhang.reporting.models import (
    Evidence,
    IndicatorValue,
    Period,
    ProgressReport,
    ReportVersion,
    Review,
)

from . import filters
from .errors import service_errors
from .keeping import KeptListMixin
from .pagination import ReportCursorPagination
from .permissions import find, require_edit
from .querysets import visible_reports
from .serializers import (
    DraftUpdateSerializer,
    ErrorSerializer,
    ReportCreateSerializer,
    ReportSerializer,
    ReviewInputSerializer,
    VersionSerializer,
)

ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="输入有误"),
    403: OpenApiResponse(ErrorSerializer, description="无权操作"),
    404: OpenApiResponse(ErrorSerializer, description="不存在或属于其他组织"),
    409: OpenApiResponse(
        ErrorSerializer,
        description="版本冲突（code=stale_version，报告已被他人保存）或状态不允许（code=invalid_state）",
    ),
}


MEASURE_REF = ("plan", "number", "title", "text")


def _versions_count():
    counted = (
        ReportVersion.objects.filter(report=OuterRef("pk"))
        .order_by()
        .values("report")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


# The columns ReportSerializer shows, and no others (the list reads a page of 100).
REPORT_FIELDS = (
    *(
        f"assignment__{name}"
        for name in ("role", "unit__name", *(f"measure__{m}" for m in MEASURE_REF))
    ),
    "period",
    "status",
    "state",
    "narrative",
    "actions",
    "problems",
    "next_steps",
    "highlight",
    "version",
    "updated_at",
    "submitted_at",
    "first_submitted_at",
)


def with_report_details(reports):
    """Everything a report shows and only that, in a fixed number of queries whatever the
    count."""
    return (
        reports.select_related("assignment__unit", "assignment__measure")
        .only(*REPORT_FIELDS)
        .with_on_time()
        .annotate(versions_count=_versions_count())
        .prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.only(
                    "report_id", "original_name", "content_type", "size", "uploaded_at"
                ),
            ),
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.only("report_id", "target_id", "value", "source"),
            ),
            Prefetch(
                "reviews",
                queryset=Review.objects.select_related("reviewer").only(
                    "report_id",
                    "stage",
                    "decision",
                    "comment",
                    "at",
                    "reviewer__display_name",
                    "reviewer__username",
                ),
            ),
        )
    )


REPORTS = ProgressReport.objects.select_related("assignment__unit", "assignment__measure")


def _load(request, report_id: int) -> ProgressReport:
    return load(request.user, REPORTS, report_id, "reporting.view_report", "您无权查看该报告。")


def _show(report: ProgressReport, code=status.HTTP_200_OK) -> Response:
    fresh = with_report_details(ProgressReport.objects.all()).get(pk=report.pk)
    return Response(ReportSerializer(fresh).data, status=code)


def _values(measure, entries) -> dict:
    """Indicator values keyed by the measure's own Target objects; 400 for any other."""
    if not entries:
        return {}
    targets = {t.pk: t for t in Target.objects.filter(measure=measure)}
    values = {}
    for entry in entries:
        target = targets.get(entry["target"])
        if target is None:
            raise ValidationError(
                {"detail": f"指标 {entry['target']} 不属于该任务。", "code": "invalid"}
            )
        values[target] = (entry["value"], entry.get("source", ""))
    return values


def _fields(data: dict) -> dict:
    return {name: data[name] for name in services.EDITABLE_FIELDS if name in data}


@extend_schema(tags=["reports"])
class ReportList(KeptListMixin, generics.ListCreateAPIView):
    serializer_class = ReportSerializer
    pagination_class = ReportCursorPagination
    kept_name = "reports"

    def get_queryset(self):
        params = self.request.query_params
        reports = filters.apply(visible_reports(self.request.user), params, filters.REPORT_FILTERS)
        reports = filters.apply_state(reports, params)
        # The order is the pagination's (newest first, by primary key).
        return with_report_details(reports)

    @extend_schema(
        summary="进展报告列表",
        parameters=[filters.PERIOD, filters.UNIT, filters.STATE, filters.MEASURE, filters.PLAN],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        summary="新建进展报告草稿（本单位）",
        request=ReportCreateSerializer,
        responses={201: ReportSerializer, **ERRORS},
    )
    def post(self, request, *args, **kwargs):
        data = _valid(ReportCreateSerializer, request)
        user = request.user
        measure = (
            of_organisation(user, Measure.objects.filter(withdrawn=False))
            .filter(pk=data["measure"])
            .first()
        )
        if measure is None:
            raise ValidationError({"detail": "找不到该任务。", "code": "invalid"})
        period = Period.objects.filter(plan_id=measure.plan_id, pk=data["period"]).first()
        if period is None:
            raise ValidationError(
                {"detail": "找不到该报送周期，或它不属于该任务所在的方案。", "code": "invalid"}
            )
        unit_id = data.get("unit") or user.unit_id
        assignment = (
            Assignment.objects.select_related("unit", "measure")
            .filter(measure=measure, unit_id=unit_id)
            .first()
        )
        if assignment is None:
            raise ValidationError({"detail": "该单位没有承担这项任务。", "code": "invalid"})
        require(
            user,
            "reporting.edit_report",
            ProgressReport(assignment=assignment, period=period),
            "您无权为该单位填报这项任务。",
        )
        existing = ProgressReport.objects.filter(assignment=assignment, period=period).first()
        if existing is not None:
            return Response(
                {
                    "detail": f"该单位本期已有这项任务的报告（编号 {existing.pk}），请修改该报告。",
                    "code": "exists",
                    "report": existing.pk,
                    "current_version": existing.version,
                },
                status=status.HTTP_409_CONFLICT,
            )
        values = _values(measure, data.get("values"))
        with transaction.atomic():
            report = services.start_report(assignment, period)
            with service_errors():
                report = services.save_draft(report, user, _fields(data), report.version, values)
        return _show(report, status.HTTP_201_CREATED)


class ReportDetail(generics.GenericAPIView):
    serializer_class = ReportSerializer

    @extend_schema(tags=["reports"], summary="进展报告详情", responses={200: ReportSerializer})
    def get(self, request, report_id: int):
        report = _load(request, report_id)
        return _show(report)

    @extend_schema(
        tags=["reports"],
        summary="保存草稿（须带 version）",
        request=DraftUpdateSerializer,
        responses={200: ReportSerializer, **ERRORS},
    )
    def patch(self, request, report_id: int):
        report = _load(request, report_id)
        require_edit(request.user, report)
        data = _valid(DraftUpdateSerializer, request)
        values = _values(report.assignment.measure, data.get("values"))
        with service_errors():
            report = services.save_draft(
                report, request.user, _fields(data), data["version"], values
            )
        return _show(report)


class ReportSubmit(generics.GenericAPIView):
    serializer_class = VersionSerializer

    @extend_schema(
        tags=["reports"],
        summary="报送（须带 version）",
        request=VersionSerializer,
        responses={200: ReportSerializer, **ERRORS},
    )
    def post(self, request, report_id: int):
        report = _load(request, report_id)
        require_edit(request.user, report)
        data = _valid(VersionSerializer, request)
        with service_errors():
            report = services.submit(report, request.user, data["version"])
        return _show(report)


class ReportReview(generics.GenericAPIView):
    serializer_class = ReviewInputSerializer

    @extend_schema(
        tags=["reports"],
        summary="审核：通过或退回（须带 version）",
        request=ReviewInputSerializer,
        responses={200: ReportSerializer, **ERRORS},
    )
    def post(self, request, report_id: int):
        report = _load(request, report_id)
        require(request.user, "reporting.review_report", report, "您无权审核该报告。")
        data = _valid(ReviewInputSerializer, request)
        with service_errors():
            report = services.review(
                report, request.user, data["decision"], data["comment"], data["version"]
            )
        return _show(report)


class EvidenceDownload(generics.GenericAPIView):
    """The file itself, for whoever may read the report (reporting.view_report)."""

    @extend_schema(
        tags=["reports"],
        summary="下载佐证材料",
        responses={
            (200, "application/octet-stream"): bytes,
            403: ErrorSerializer,
            404: ErrorSerializer,
        },
    )
    def get(self, request, report_id: int, evidence_id: int):
        report = _load(request, report_id)
        evidence = find(report.evidence.all(), evidence_id)
        return FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.original_name,
            content_type=evidence.content_type,
        )


def _valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
