from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("plans/<int:plan_id>/", views.PlanDashboardView.as_view(), name="plan"),
    path("plans/<int:plan_id>/export/", views.PlanExportView.as_view(), name="plan_export"),
]
