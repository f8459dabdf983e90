"""One's own password: changed by the person, checked by the password policy, audited."""

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect, render
from django.views import View

from taizhang.people import actions
from taizhang.people.forms import OwnPasswordForm


class PasswordChangeView(LoginRequiredMixin, View):
    template_name = "people/password_change.html"

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
