"""The ledger pages of a plan, responsibility lists, and the ledger's .xlsx export. The
paths stay under /plans/, where offices bookmarked them."""

from django.urls import path

from taizhang.ledger import adhoc, views

app_name = "ledger"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="list"),
    path("<int:plan_id>/", views.LedgerView.as_view(), name="ledger"),
    path("<int:plan_id>/measures/<int:measure_id>/", views.MeasureView.as_view(), name="measure"),
    path(
        "<int:plan_id>/units/<int:unit_id>/",
        views.ResponsibilitiesView.as_view(),
        name="responsibilities",
    ),
    path(
        "mine/", views.MyCurrentResponsibilitiesView.as_view(), name="my_current_responsibilities"
    ),
    path("<int:plan_id>/mine/", views.MyResponsibilitiesView.as_view(), name="my_responsibilities"),
    path("<int:plan_id>/adhoc/new/", adhoc.AdhocCreateView.as_view(), name="adhoc_new"),
    path("<int:plan_id>/export.xlsx", views.LedgerExportView.as_view(), name="export"),
]
