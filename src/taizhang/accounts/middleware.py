"""Three rules about signed-in sessions.

IdleSessionMiddleware: a session expires SESSION_COOKIE_AGE after it was last used (not
after the login). Django would renew it only with SESSION_SAVE_EVERY_REQUEST, which writes
the session on every page; here it is renewed at most once a minute, which is as good for
a two-hour limit.

PasswordChangeRequiredMiddleware: someone whose password was reset by an administrator
(a one-time password) can do nothing but set a password of their own, or sign out.

SystemAdminBoundary: the system administrator reaches its own pages only, never plan data."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from taizhang.accounts.models import Role

RENEW_EVERY_SECONDS = 60


def renewed_at_login(sender, request, user, **kwargs):
    """Signing in saves the session anyway: count that as its first renewal."""
    if hasattr(request, "session"):
        request.session["_renewed"] = int(time.time())


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        # Only where the page used the session: the public pages stay cacheable, cookie-free.
        if session is not None and session.accessed and user is not None and user.is_authenticated:
            now = int(time.time())
            if now - session.get("_renewed", 0) >= RENEW_EVERY_SECONDS:
                session["_renewed"] = now  # modified: saved with a new expiry
        return response


class PasswordChangeRequiredMiddleware:
    """Applies to the pages that need a signed-in person (LoginRequiredMixin); the public
    pages and the sign-in pages never look at the session here."""

    ALLOWED = ("people:password_change", "accounts:logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "view_class", None)
        if view_class is None or not issubclass(view_class, AccessMixin):
            return None
        user = request.user
        if not (user.is_authenticated and user.must_change_password):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in self.ALLOWED:
            return None
        messages.warning(request, "您正在使用管理员设置的一次性密码，请先设置自己的新密码。")
        return redirect("people:password_change")


class SystemAdminBoundary:
    """The system administrator manages organisations and their office administrators, and
    sees no plan data (issue 9). Its pages are named here (an allowlist, so a new page of a
    plan app is closed to it until someone decides otherwise); every other page answers 403,
    and its landing pages (the to-do list has nothing for it) lead to the organisations.

    The data layer says the same on its own: Scope.visible, accounts.access.of_organisation
    and the in_scope rule give it no organisation's rows, and the API refuses it by
    permission class (a token is read inside the API view, after this middleware)."""

    OPEN_NAMESPACES = ("accounts", "people", "admin", "notifications", "jobs", "audit", "public")
    OPEN_VIEWS = ("surveys:answer", "surveys:thanks")  # the public questionnaire
    LANDINGS = ("home", "workspace:todo")
    LANDING = "people:organisations"
    REFUSED = "系统管理员负责管理组织和依法治理办管理员账号，不查看实施方案数据。"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        namespace = match.namespaces[0] if match.namespaces else ""
        # Its own pages first, before the session is read: the public pages stay
        # cookie-free and cacheable (no Vary: Cookie).
        if namespace in (*self.OPEN_NAMESPACES, "api") or match.view_name in self.OPEN_VIEWS:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if getattr(user, "role", None) != Role.SYSTEM_ADMIN:
            return None
        if match.view_name in self.LANDINGS:
            return redirect(self.LANDING)
        raise PermissionDenied(self.REFUSED)
