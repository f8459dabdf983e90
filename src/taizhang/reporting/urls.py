from django.urls import path

from taizhang.reporting.views import (
    batch,
    closure,
    detail,
    extensions,
    periods,
    report_form,
    review,
)

app_name = "reporting"
urlpatterns = [
    path("periods/", periods.PeriodListView.as_view(), name="periods"),
    path("periods/year/", periods.PeriodYearView.as_view(), name="period_year"),
    path("periods/<int:period_id>/", periods.PeriodEditView.as_view(), name="period_edit"),
    path(
        "assignments/<int:assignment_id>/periods/<int:period_id>/",
        report_form.ReportView.as_view(),
        name="report",
    ),
    path(
        "assignments/<int:assignment_id>/periods/<int:period_id>/carry-over/",
        batch.CarryOverView.as_view(),
        name="carry_over",
    ),
    path(
        "assignments/<int:assignment_id>/extension/",
        extensions.RequestView.as_view(),
        name="extension_request",
    ),
    path(
        "extensions/<int:extension_id>/decide/",
        extensions.DecideView.as_view(),
        name="extension_decide",
    ),
    path(
        "extensions/<int:extension_id>/file/",
        extensions.FileView.as_view(),
        name="extension_file",
    ),
    path("reports/review/", batch.BatchReviewView.as_view(), name="review_batch"),
    path("reports/backlog/", batch.ReviewBacklogView.as_view(), name="review_backlog"),
    path("reports/<int:report_id>/withdraw/", batch.WithdrawView.as_view(), name="withdraw"),
    path("reports/<int:report_id>/reopen/", batch.ReopenView.as_view(), name="reopen"),
    path("reports/<int:report_id>/", detail.ReportDetailView.as_view(), name="report_detail"),
    path(
        "reports/<int:report_id>/versions/",
        detail.ReportVersionsView.as_view(),
        name="report_versions",
    ),
    path("reports/<int:report_id>/review/", review.ReviewView.as_view(), name="review"),
    path("reports/<int:report_id>/highlight/", review.HighlightView.as_view(), name="highlight"),
    path("evidence/<int:evidence_id>/", detail.EvidenceView.as_view(), name="evidence"),
    # 办结 and 销号 of a measure
    path("measures/<int:measure_id>/closure/", closure.ClosureView.as_view(), name="closure"),
    path(
        "measures/<int:measure_id>/closure/apply/",
        closure.ClosureApplyView.as_view(),
        name="closure_apply",
    ),
    path(
        "closures/<int:closure_id>/confirm/",
        closure.ClosureConfirmView.as_view(),
        name="closure_confirm",
    ),
    path(
        "closures/<int:closure_id>/return/",
        closure.ClosureReturnView.as_view(),
        name="closure_return",
    ),
    path(
        "closures/<int:closure_id>/reopen/",
        closure.ClosureReopenView.as_view(),
        name="closure_reopen",
    ),
    path("closures/<int:closure_id>/file/", closure.ClosureFileView.as_view(), name="closure_file"),
]
