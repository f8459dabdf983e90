"""The office's corrections of the ledger and undoing of plans (plans.editing)."""

from django.urls import path

from taizhang.plans import edit_views as views

app_name = "editing"
urlpatterns = [
    path("archived/", views.ArchivedPlansView.as_view(), name="archived_plans"),
    path("<int:plan_id>/archive/", views.PlanArchiveView.as_view(), name="plan_archive"),
    path("<int:plan_id>/restore/", views.PlanRestoreView.as_view(), name="plan_restore"),
    path("<int:plan_id>/delete/", views.PlanDeleteView.as_view(), name="plan_delete"),
    path("<int:plan_id>/measures/add/", views.MeasureAddView.as_view(), name="measure_add"),
    path(
        "<int:plan_id>/measures/archived/",
        views.ArchivedMeasuresView.as_view(),
        name="archived_measures",
    ),
    path("measures/<int:measure_id>/", views.MeasureEditView.as_view(), name="measure_edit"),
    path(
        "measures/<int:measure_id>/units/", views.MeasureUnitsView.as_view(), name="measure_units"
    ),
    path("measures/<int:measure_id>/move/", views.MeasureMoveView.as_view(), name="measure_move"),
    path(
        "measures/<int:measure_id>/archive/",
        views.MeasureArchiveView.as_view(),
        name="measure_archive",
    ),
    path(
        "measures/<int:measure_id>/restore/",
        views.MeasureRestoreView.as_view(),
        name="measure_restore",
    ),
]
