"""The JSON API (/api/): token, schema, and the plan's objects. Kwarg names follow the
platform convention (plan_id, measure_id, …) so the permission matrix can fill them."""

from functools import cache

from django.urls import path, re_path
from django.views.decorators.csrf import csrf_exempt

from . import auth_views, errors, report_views, views


@cache
def _schema_view():
    from drf_spectacular.views import SpectacularAPIView

    return SpectacularAPIView.as_view()


@csrf_exempt
def schema(request, *args, **kwargs):
    """drf-spectacular's schema view, imported on the first request for the schema and not
    with the URLconf: it brings Django's test client, requests and jinja2 along (a third
    of a second at every start, load_demo's included)."""
    return _schema_view()(request, *args, **kwargs)


app_name = "api"
urlpatterns = [
    path("token/", auth_views.ObtainToken.as_view(), name="token"),
    path("schema/", schema, name="schema"),
    path("plans/", views.PlanList.as_view(), name="plan-list"),
    path("plans/<int:plan_id>/", views.PlanDetail.as_view(), name="plan-detail"),
    path("plans/<int:plan_id>/progress/", views.PlanProgress.as_view(), name="plan-progress"),
    path("periods/", views.PeriodList.as_view(), name="period-list"),
    path("periods/<int:period_id>/", views.PeriodDetail.as_view(), name="period-detail"),
    path("measures/", views.MeasureList.as_view(), name="measure-list"),
    path("measures/<int:measure_id>/", views.MeasureDetail.as_view(), name="measure-detail"),
    path("units/", views.UnitList.as_view(), name="unit-list"),
    path("units/<int:unit_id>/", views.UnitDetail.as_view(), name="unit-detail"),
    path("reports/", report_views.ReportList.as_view(), name="report-list"),
    path("reports/<int:report_id>/", report_views.ReportDetail.as_view(), name="report-detail"),
    path(
        "reports/<int:report_id>/submit/",
        report_views.ReportSubmit.as_view(),
        name="report-submit",
    ),
    path(
        "reports/<int:report_id>/review/",
        report_views.ReportReview.as_view(),
        name="report-review",
    ),
    path(
        "reports/<int:report_id>/evidence/<int:evidence_id>/",
        report_views.EvidenceDownload.as_view(),
        name="evidence-download",
    ),
    re_path(r"", errors.not_found, name="not-found"),  # last: every other /api/ address
]
