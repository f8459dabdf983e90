from django.urls import path

from taizhang.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.AuditLogView.as_view(), name="log"),
    path("export.xlsx", views.AuditExportView.as_view(), name="log_export"),
]
