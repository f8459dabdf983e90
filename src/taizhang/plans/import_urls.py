"""The import pages: upload, revise an existing plan, preview then confirm or abandon."""

from django.urls import path

from taizhang.plans import import_views

urlpatterns = [
    path("", import_views.UploadView.as_view(), name="import"),
    path("<int:import_id>/", import_views.PreviewView.as_view(), name="import_preview"),
    path("revise/<int:plan_id>/", import_views.ReviseView.as_view(), name="import_revise"),
]
