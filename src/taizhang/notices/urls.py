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
    path(
        "plans/<int:plan_id>/units/<int:unit_id>/notices/new/redraft/",
        views.NoticeRedraftView.as_view(),
        name="redraft",
    ),
    path("notices/", views.NoticeListView.as_view(), name="list"),
    path("notices/<int:notice_id>/", views.NoticeDetailView.as_view(), name="detail"),
    path(
        "notices/<int:notice_id>/document/",
        views.NoticeDocumentView.as_view(),
        name="document",
    ),
    path("notices/<int:notice_id>/sign/", views.NoticeSignView.as_view(), name="sign"),
    path("notices/<int:notice_id>/answer/", views.NoticeAnswerView.as_view(), name="answer"),
    path("notices/<int:notice_id>/close/", views.NoticeCloseView.as_view(), name="close"),
    path(
        "notices/<int:notice_id>/send-back/", views.NoticeSendBackView.as_view(), name="send_back"
    ),
    path(
        "notices/<int:notice_id>/replies/<int:reply_id>/file/",
        views.ReplyFileView.as_view(),
        name="reply_file",
    ),
    path("units/<int:unit_id>/notices/", views.UnitNoticesView.as_view(), name="unit"),
    path(
        "measures/<int:measure_id>/notices/",
        views.MeasureNoticesView.as_view(),
        name="measure",
    ),
]
