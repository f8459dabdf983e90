from django.urls import path

from taizhang.public import views

app_name = "public"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("plans/<int:plan_id>/", views.PlanView.as_view(), name="plan"),
    path("plans/<int:plan_id>/settings/", views.SettingsView.as_view(), name="settings"),
]
