"""不涉及: a unit asks on its assignment, the office decides."""

from django.urls import path

from taizhang.plans import exemption_views

app_name = "exemptions"
urlpatterns = [
    path(
        "<int:assignment_id>/not-concerned/",
        exemption_views.RequestView.as_view(),
        name="request",
    ),
    path(
        "not-concerned/<int:exemption_id>/decide/",
        exemption_views.DecideView.as_view(),
        name="decide",
    ),
]
