from django.urls import path

from taizhang.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:job_id>/", views.JobView.as_view(), name="job"),
    path("<int:job_id>/download/", views.DownloadView.as_view(), name="download"),
    path("audit-log.xlsx", views.AuditExportJobView.as_view(), name="audit_export"),
]
