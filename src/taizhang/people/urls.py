from django.urls import path

from taizhang.people.views import organisations, password, people, roster

app_name = "people"
urlpatterns = [
    path("password/", password.PasswordChangeView.as_view(), name="password_change"),
    path("", people.PeopleView.as_view(), name="people"),
    path("new/", people.PersonCreateView.as_view(), name="person_create"),
    path("import/", roster.RosterImportView.as_view(), name="roster_import"),
    path("template.xlsx", roster.RosterTemplateView.as_view(), name="roster_template"),
    path("<int:user_id>/", people.PersonView.as_view(), name="person"),
    path("<int:user_id>/reset/", people.ResetPasswordView.as_view(), name="person_reset"),
    path("<int:user_id>/unlock/", people.UnlockView.as_view(), name="person_unlock"),
    path("<int:user_id>/deactivate/", people.DeactivateView.as_view(), name="person_deactivate"),
    path("<int:user_id>/reactivate/", people.ReactivateView.as_view(), name="person_reactivate"),
    path("organisations/", organisations.OrganisationsView.as_view(), name="organisations"),
    path(
        "organisations/<int:organisation_id>/",
        organisations.OrganisationView.as_view(),
        name="organisation",
    ),
]
