"""Signing in and out. Failed attempts are counted by django-axes (see settings); a
one-time password must be replaced at once (accounts.middleware)."""

from django.contrib.auth import views as auth_views


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass
