from django.urls import path

from taizhang.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.DirectoryView.as_view(), name="directory"),
    path("new/", views.UnitCreateView.as_view(), name="unit_create"),
    path("<int:unit_id>/", views.UnitView.as_view(), name="unit"),
    path("<int:unit_id>/edit/", views.UnitUpdateView.as_view(), name="unit_update"),
    path("<int:unit_id>/aliases/", views.UnitAliasView.as_view(), name="unit_alias"),
    path("<int:unit_id>/rename/", views.UnitRenameView.as_view(), name="unit_rename"),
    path("<int:unit_id>/merge/", views.UnitMergeView.as_view(), name="unit_merge"),
    path("collectives/", views.CollectiveListView.as_view(), name="collectives"),
    path(
        "collectives/<int:collective_id>/",
        views.CollectiveView.as_view(),
        name="collective",
    ),
]
