"""Outputs: annual reports (the ledger's .xlsx export is served under plans/)."""

from django.urls import path

from taizhang.outputs import annual_views as views

app_name = "outputs"
urlpatterns = [
    path("annual/", views.ListView.as_view(), name="annual_reports"),
    path("annual/new/", views.CreateView.as_view(), name="annual_report_create"),
    path("annual/<int:annual_report_id>/", views.PreviewView.as_view(), name="annual_report"),
    path(
        "annual/<int:annual_report_id>/edit/",
        views.EditView.as_view(),
        name="annual_report_edit",
    ),
    path(
        "annual/<int:annual_report_id>/regenerate/",
        views.RegenerateView.as_view(),
        name="annual_report_regenerate",
    ),
    path(
        "annual/<int:annual_report_id>/finalise/",
        views.FinaliseView.as_view(),
        name="annual_report_finalise",
    ),
    path(
        "annual/<int:annual_report_id>/report.docx",
        views.DocxView.as_view(),
        name="annual_report_docx",
    ),
    path(
        "annual/<int:annual_report_id>/report.pdf",
        views.PdfView.as_view(),
        name="annual_report_pdf",
    ),
]
