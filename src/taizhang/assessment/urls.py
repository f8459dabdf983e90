from django.urls import path

from taizhang.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.SchemeListView.as_view(), name="schemes"),
    path("schemes/<int:scheme_id>/", views.SchemeView.as_view(), name="scheme"),
    path(
        "schemes/<int:scheme_id>/indicators/",
        views.IndicatorAddView.as_view(),
        name="indicator_add",
    ),
    path(
        "indicators/<int:indicator_id>/", views.IndicatorEditView.as_view(), name="indicator_edit"
    ),
    path(
        "indicators/<int:indicator_id>/delete/",
        views.IndicatorDeleteView.as_view(),
        name="indicator_delete",
    ),
    path(
        "schemes/<int:scheme_id>/adjustments/",
        views.AdjustmentAddView.as_view(),
        name="adjustment_add",
    ),
    path("schemes/<int:scheme_id>/publish/", views.PublishView.as_view(), name="publish"),
    path("schemes/<int:scheme_id>/ranking/", views.RankingView.as_view(), name="ranking"),
    path(
        "schemes/<int:scheme_id>/ranking.xlsx",
        views.RankingExportView.as_view(),
        name="ranking_export",
    ),
    path(
        "schemes/<int:scheme_id>/units/<int:unit_id>/",
        views.UnitScoreView.as_view(),
        name="unit_score",
    ),
    path(
        "schemes/<int:scheme_id>/counties/<int:unit_id>/",
        views.CountyScoreView.as_view(),
        name="county_score",
    ),
    path(
        "adjustments/<int:adjustment_id>/delete/",
        views.AdjustmentDeleteView.as_view(),
        name="adjustment_delete",
    ),
    path(
        "adjustments/<int:adjustment_id>/evidence/",
        views.AdjustmentEvidenceView.as_view(),
        name="adjustment_evidence",
    ),
]
