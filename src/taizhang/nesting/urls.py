"""Plans that nest: a county plan's links to the plan above, the coverage of a parent plan
by its county plans, and any two plans side by side. Under /plans/, beside the ledger."""

from django.urls import path

from taizhang.nesting import breakdown, views

app_name = "nesting"
urlpatterns = [
    path("<int:plan_id>/links/", views.LinksView.as_view(), name="links"),
    path("<int:plan_id>/links/save/", views.SaveLinksView.as_view(), name="links_save"),
    path("<int:plan_id>/coverage/", views.CoverageView.as_view(), name="coverage"),
    path("<int:plan_id>/coverage.xlsx", views.CoverageExportView.as_view(), name="coverage_export"),
    path("<int:plan_id>/break-down/", breakdown.BreakdownView.as_view(), name="break_down"),
    path(
        "<int:plan_id>/break-down/create/",
        breakdown.BreakdownCreateView.as_view(),
        name="break_down_create",
    ),
    path("compare/", views.CompareView.as_view(), name="compare"),
    path("compare.xlsx", views.CompareExportView.as_view(), name="compare_export"),
]
