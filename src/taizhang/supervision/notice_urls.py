"""URLs of urging notices, included by supervision/urls.py (namespace "supervision")."""

from django.urls import path

from taizhang.supervision import notice_views as views

urlpatterns = [
    path(
        "plans/<int:plan_id>/units/<int:unit_id>/notices/new/",
        views.NoticeCreateView.as_view(),
        name="notice_create",
    ),
    path("notices/", views.NoticeListView.as_view(), name="notices"),
    path("notices/<int:notice_id>/", views.NoticeDetailView.as_view(), name="notice"),
    path(
        "notices/<int:notice_id>/document/",
        views.NoticeDocumentView.as_view(),
        name="notice_document",
    ),
    path("units/<int:unit_id>/notices/", views.UnitNoticesView.as_view(), name="unit_notices"),
    path(
        "measures/<int:measure_id>/notices/",
        views.MeasureNoticesView.as_view(),
        name="measure_notices",
    ),
]
