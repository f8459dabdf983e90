from django.urls import path

from taizhang.accounts.views import organisations, people, roster, signin

app_name = "accounts"
urlpatterns = [
    path("login/", signin.LoginView.as_view(), name="login"),
    path("logout/", signin.LogoutView.as_view(), name="logout"),
    path("password/", signin.PasswordChangeView.as_view(), name="password_change"),
    path("people/", people.PeopleView.as_view(), name="people"),
    path("people/new/", people.PersonCreateView.as_view(), name="person_create"),
    path("people/import/", roster.RosterImportView.as_view(), name="roster_import"),
    path("people/template.xlsx", roster.RosterTemplateView.as_view(), name="roster_template"),
    path("people/<int:user_id>/", people.PersonView.as_view(), name="person"),
    path("people/<int:user_id>/reset/", people.ResetPasswordView.as_view(), name="person_reset"),
    path("people/<int:user_id>/unlock/", people.UnlockView.as_view(), name="person_unlock"),
    path(
        "people/<int:user_id>/deactivate/",
        people.DeactivateView.as_view(),
        name="person_deactivate",
    ),
    path(
        "people/<int:user_id>/reactivate/",
        people.ReactivateView.as_view(),
        name="person_reactivate",
    ),
    path("organisations/", organisations.OrganisationsView.as_view(), name="organisations"),
    path(
        "organisations/<int:organisation_id>/",
        organisations.OrganisationView.as_view(),
        name="organisation",
    ),
]
