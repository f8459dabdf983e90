"""The one way a page changes something (ActionView): load the object in the person's scope
(404 outside their organisation), check the rule (403), validate the form, call the
app's write path, and turn its refusals into form errors. One URL per action: a view does
one thing, so no handler branches on a posted "action"."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from taizhang.accounts.access import NOT_FOUND, REFUSED, load, require


def refusal_message(error: Exception) -> str:
    """What a write path's refusal says, in one line."""
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    return str(error)


class ActionView(LoginRequiredMixin, View):
    """POST one action on one object.

    A subclass names the object (``queryset`` and ``pk_url_kwarg``; none for an action on
    nothing), the rule (``permission``, ``refused``), the form (``form_class`` or
    ``get_form``), the write path's call (``act``), what its refusals are (``refusals``)
    and where to go after (``done``). An invalid form or a refusal goes to ``invalid``,
    which pages showing the form again override."""

    http_method_names = ["post"]
    queryset = None
    pk_url_kwarg = ""
    permission = ""
    refused = REFUSED
    not_found = NOT_FOUND
    form_class = None
    refusals: tuple[type[Exception], ...] = (ValidationError,)
    refusal_field: str | None = None  # the field a refusal is about (None: the whole form)
    success_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.object = self.get_object()
        return super().dispatch(request, *args, **kwargs)

    def get_object(self):
        user = self.request.user
        if self.queryset is None:
            if self.permission:
                require(user, self.permission, None, self.refused)
            return None
        pk = self.kwargs[self.pk_url_kwarg]
        return load(user, self.queryset, pk, self.permission or None, self.refused, self.not_found)

    def get_form(self, data=None, files=None):
        return self.form_class(data, files) if self.form_class else None

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST, request.FILES)
        if form is None or form.is_valid():
            try:
                result = self.act(form)
            except self.refusals as error:
                if form is None:
                    messages.error(request, refusal_message(error))
                    return self.done(None)
                form.add_error(self.refusal_field, refusal_message(error))
            else:
                if self.success_message:
                    messages.success(request, self.success_message)
                return self.done(result)
        return self.invalid(form)

    def act(self, form):
        """Call the write path; return what ``done`` needs."""
        raise NotImplementedError

    def done(self, result):
        raise NotImplementedError

    def invalid(self, form):
        """By default, back where the form was with its first error as a message."""
        messages.error(self.request, first_error(form))
        return self.done(None)


def first_error(form) -> str:
    for errors in form.errors.values():
        return errors[0]
    return "请检查填写的内容。"


def redirect_back(request, default: str = "workspace:todo"):
    """Back to the page the form was posted from (its ``next``, when on this site), else
    to ``default`` (a URL name)."""
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse(default)
    return redirect(back)


class GoesBack:
    """An ActionView that returns to the page its form was on."""

    def done(self, result):
        return redirect_back(self.request)


class DecisionForm(forms.Form):
    """The office's decision on what a unit asked: 同意 or 不同意, with a comment."""

    decision = forms.ChoiceField(choices=[("approve", "同意"), ("refuse", "不同意")])
    comment = forms.CharField(required=False, max_length=2000)

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"


class DecideView(GoesBack, ActionView):
    """The office decides what a unit asked (不涉及, 延期): ``decide(obj, user, approve,
    comment)`` is the owning app's write path; the message says which way it went."""

    form_class = DecisionForm
    approved_message = ""
    refused_message = ""

    def decide(self, obj, user, approve: bool, comment: str):
        raise NotImplementedError

    def act(self, form):
        approve = form.approve
        self.success_message = self.approved_message if approve else self.refused_message
        return self.decide(self.object, self.request.user, approve, form.cleaned_data["comment"])
