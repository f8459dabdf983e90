"""URL map: one include per app."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="workspace:todo"), name="home"),
    path("accounts/", include("taizhang.accounts.urls")),
    path("todo/", include("taizhang.workspace.urls")),
    path("plans/", include("taizhang.ledger.urls")),
    path("plans/import/", include("taizhang.plans.urls")),
    path("plans/edit/", include("taizhang.plans.edit_urls")),
    path("assignments/", include("taizhang.plans.exemption_urls")),
    path("plans/", include("taizhang.nesting.urls")),
    path("units/", include("taizhang.directory.urls")),
    path("reporting/", include("taizhang.reporting.urls")),
    path("audit/", include("taizhang.audit.urls")),
    path("people/", include("taizhang.people.urls")),
    path("messages/", include("taizhang.notifications.urls")),
    path("jobs/", include("taizhang.jobs.urls")),
    path("supervision/", include("taizhang.supervision.urls")),
    path("supervision/", include("taizhang.notices.urls")),
    path("assessment/", include("taizhang.assessment.urls")),
    path("dashboards/", include("taizhang.dashboards.urls")),
    path("surveys/", include("taizhang.surveys.urls")),
    path("reports/", include("taizhang.annual_reports.urls")),
    path("public/", include("taizhang.public.urls")),
    path("api/", include("taizhang.api.urls")),
    path("admin/", admin.site.urls),
]
