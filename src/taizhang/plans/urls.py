"""Importing plan files: upload, revise an existing plan, preview then confirm or abandon.
(The ledger pages of a plan are the ledger app's, under the same /plans/ prefix.)"""

from django.urls import path

from taizhang.plans import import_correction_views as correcting
from taizhang.plans import import_views

app_name = "plans"
urlpatterns = [
    path("", import_views.UploadView.as_view(), name="import"),
    path("<int:import_id>/", import_views.PreviewView.as_view(), name="import_preview"),
    path("<int:import_id>/abandon/", import_views.AbandonView.as_view(), name="import_abandon"),
    path("revise/<int:plan_id>/", import_views.ReviseView.as_view(), name="import_revise"),
    # correcting the parse in the preview
    path("<int:import_id>/measure/", correcting.MeasureView.as_view(), name="import_measure"),
    path("<int:import_id>/source/", correcting.SourceView.as_view(), name="import_source"),
    path("<int:import_id>/split/", correcting.SplitView.as_view(), name="import_split"),
    path("<int:import_id>/merge/", correcting.MergeView.as_view(), name="import_merge"),
    path(
        "<int:import_id>/not-measure/",
        correcting.NotMeasureView.as_view(),
        name="import_not_measure",
    ),
    path("<int:import_id>/units/", correcting.UnitsView.as_view(), name="import_units"),
    path("<int:import_id>/deadline/", correcting.DeadlineView.as_view(), name="import_deadline"),
    path("<int:import_id>/targets/", correcting.TargetsView.as_view(), name="import_targets"),
    path(
        "<int:import_id>/make-measure/",
        correcting.MakeMeasureView.as_view(),
        name="import_make_measure",
    ),
    path("<int:import_id>/undo/", correcting.UndoView.as_view(), name="import_undo"),
    path("<int:import_id>/adopt/", correcting.AdoptView.as_view(), name="import_adopt"),
    path(
        "<int:import_id>/as-revision-of/<int:plan_id>/",
        import_views.StageAsRevisionView.as_view(),
        name="import_as_revision",
    ),
]
