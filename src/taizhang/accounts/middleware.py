"""Two rules about signed-in sessions.

IdleSessionMiddleware: a session expires SESSION_COOKIE_AGE after it was last used (not
after the login). Django would renew it only with SESSION_SAVE_EVERY_REQUEST, which writes
the session on every page; here it is renewed at most once a minute, which is as good for
a two-hour limit.

PasswordChangeRequiredMiddleware: someone whose password was reset by an administrator
(a one-time password) can do nothing but set a password of their own, or sign out."""

from __future__ import annotations

import time

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

RENEW_EVERY_SECONDS = 60


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        if session is not None and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get("_renewed", 0) >= RENEW_EVERY_SECONDS:
                session["_renewed"] = now  # modified: saved with a new expiry
        return response


class PasswordChangeRequiredMiddleware:
    ALLOWED = ("accounts:password_change", "accounts:logout", "accounts:login")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = {reverse(name) for name in self.ALLOWED}
            if request.path not in allowed and not request.path.startswith("/static/"):
                messages.warning(request, "您正在使用管理员设置的临时密码，请先设置自己的新密码。")
                return redirect("accounts:password_change")
        return self.get_response(request)
