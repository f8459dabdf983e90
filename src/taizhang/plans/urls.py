"""Importing plan files: upload, revise an existing plan, preview then confirm or abandon.
(The ledger pages of a plan are the ledger app's, under the same /plans/ prefix.)"""

from django.urls import path

from taizhang.plans import import_views

app_name = "plans"
urlpatterns = [
    path("", import_views.UploadView.as_view(), name="import"),
    path("<int:import_id>/", import_views.PreviewView.as_view(), name="import_preview"),
    path("<int:import_id>/abandon/", import_views.AbandonView.as_view(), name="import_abandon"),
    path("revise/<int:plan_id>/", import_views.ReviseView.as_view(), name="import_revise"),
    path(
        "<int:import_id>/as-revision-of/<int:plan_id>/",
        import_views.StageAsRevisionView.as_view(),
        name="import_as_revision",
    ),
]
