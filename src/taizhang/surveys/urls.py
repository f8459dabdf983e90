from django.urls import path

from taizhang.surveys import public_views, views

app_name = "surveys"
urlpatterns = [
    path("", views.SurveyListView.as_view(), name="list"),
    path("<int:survey_id>/", views.SurveyView.as_view(), name="survey"),
    path("<int:survey_id>/edit/", views.SurveyEditView.as_view(), name="edit"),
    path("<int:survey_id>/questions/new/", views.QuestionAddView.as_view(), name="question_add"),
    path(
        "<int:survey_id>/questions/<int:question_id>/",
        views.QuestionView.as_view(),
        name="question",
    ),
    path(
        "<int:survey_id>/questions/<int:question_id>/move/",
        views.QuestionMoveView.as_view(),
        name="question_move",
    ),
    path(
        "<int:survey_id>/questions/<int:question_id>/delete/",
        views.QuestionDeleteView.as_view(),
        name="question_delete",
    ),
    path("<int:survey_id>/quotas/", views.QuotaView.as_view(), name="quotas"),
    path("<int:survey_id>/state/", views.StateView.as_view(), name="state"),
    path("<int:survey_id>/poster/", views.PosterView.as_view(), name="poster"),
    path("<int:survey_id>/preview/", views.PreviewView.as_view(), name="preview"),
    path("<int:survey_id>/results/", views.ResultsView.as_view(), name="results"),
    path("<int:survey_id>/results.xlsx", views.ExportView.as_view(), name="export"),
    path("<int:survey_id>/answers/", views.TextAnswersView.as_view(), name="texts"),
    # The public link: no login, named by the survey's unguessable token.
    path("s/<slug:survey_token>/", public_views.AnswerView.as_view(), name="answer"),
    path("s/<slug:survey_token>/thanks/", public_views.ThanksView.as_view(), name="thanks"),
]
