"""Annual reports (年度报告): the list and deadline board, drafting, editing, finalising, and
the .docx and PDF downloads."""

from django.urls import path

from taizhang.annual_reports import views

app_name = "annual_reports"
urlpatterns = [
    path("annual/", views.ListView.as_view(), name="list"),
    path("annual/new/", views.CreateView.as_view(), name="create"),
    path("annual/<int:annual_report_id>/", views.PreviewView.as_view(), name="detail"),
    path("annual/<int:annual_report_id>/edit/", views.EditView.as_view(), name="edit"),
    path(
        "annual/<int:annual_report_id>/regenerate/",
        views.RegenerateView.as_view(),
        name="regenerate",
    ),
    path("annual/<int:annual_report_id>/finalise/", views.FinaliseView.as_view(), name="finalise"),
    path("annual/<int:annual_report_id>/report.docx", views.DocxView.as_view(), name="docx"),
    path("annual/<int:annual_report_id>/report.pdf", views.PdfView.as_view(), name="pdf"),
]
