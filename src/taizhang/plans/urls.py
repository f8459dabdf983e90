"""Importing plan files: upload, revise an existing plan, preview then confirm or abandon.
(The ledger pages of a plan are the ledger app's, under the same /plans/ prefix.)"""

from django.urls import path

from taizhang.plans import import_views

app_name = "plans"
urlpatterns = [
    path("", import_views.UploadView.as_view(), name="import"),
    path("<int:import_id>/", import_views.PreviewView.as_view(), name="import_preview"),
    path("revise/<int:plan_id>/", import_views.ReviseView.as_view(), name="import_revise"),
]
