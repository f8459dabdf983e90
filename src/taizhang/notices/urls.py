"""URLs of urging notices (under /supervision/, beside the board they are sent from)."""

from django.urls import path

from taizhang.notices import views

app_name = "notices"

urlpatterns = [
    path(
        "plans/<int:plan_id>/units/<int:unit_id>/notices/new/",
        views.NoticeCreateView.as_view(),
        name="create",
    ),
    path("notices/", views.NoticeListView.as_view(), name="list"),
    path("notices/<int:notice_id>/", views.NoticeDetailView.as_view(), name="detail"),
    path(
        "notices/<int:notice_id>/document/",
        views.NoticeDocumentView.as_view(),
        name="document",
    ),
    path("units/<int:unit_id>/notices/", views.UnitNoticesView.as_view(), name="unit"),
    path(
        "measures/<int:measure_id>/notices/",
        views.MeasureNoticesView.as_view(),
        name="measure",
    ),
]
