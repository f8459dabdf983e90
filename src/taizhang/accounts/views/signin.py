"""Signing in and out, and one's own password. Failed attempts are counted by
django-axes (see settings); a one-time password must be replaced at once
(accounts.middleware)."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts import actions
from taizhang.accounts.forms import OwnPasswordForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


class PasswordChangeView(LoginRequiredMixin, View):
    template_name = "accounts/password_change.html"

    def get(self, request):
        return render(request, self.template_name, {"form": OwnPasswordForm(request.user)})

    def post(self, request):
        form = OwnPasswordForm(request.user, request.POST)
        if form.is_valid():
            actions.change_own_password(request.user, form.cleaned_data["new_password1"])
            update_session_auth_hash(request, request.user)  # stay signed in here
            messages.success(request, "密码已修改。")
            return redirect("workspace:todo")
        return render(request, self.template_name, {"form": form}, status=400)
