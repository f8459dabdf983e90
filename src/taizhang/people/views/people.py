"""The people an office (or county office, or the system administrator) runs: the list,
a new account, one account with its actions (edit, reset password, unlock, deactivate,
reactivate), one URL per action. Every change goes through people.actions."""

from __future__ import annotations

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.views import View

from taizhang.accounts.access import require
from taizhang.accounts.models import Role
from taizhang.audit.models import AuditEntry
from taizhang.audit.vocabulary import action_label
from taizhang.people import actions
from taizhang.people.forms import ChangeReasonForm, PersonForm, ReasonForm
from taizhang.people.scope import people_for
from taizhang.units.models import Organisation

PAGE_SIZE = 100


def person_for(request, user_id: int):
    """The account, 403 to those who run no accounts, 404 outside the person's reach."""
    require(request.user, "people.manage_people")
    person = people_for(request.user).filter(pk=user_id).first()
    if person is None:
        raise Http404("没有找到该账号。")
    return person


def organisation_of(request, person=None) -> Organisation:
    """Where a new account goes: the actor's organisation (the system administrator
    names one with ?org=)."""
    if person is not None:
        return person.organisation
    if request.user.organisation_id:
        return request.user.organisation
    chosen = request.GET.get("org") or request.POST.get("org") or ""
    organisation = Organisation.objects.filter(pk=chosen).first() if chosen.isdigit() else None
    if organisation is None:
        raise Http404("请先选择组织。")
    return organisation


class PeopleView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "people.manage_people")
        people = people_for(request.user).order_by("-is_active", "organisation_id", "unit__name")
        query = request.GET.get("q", "").strip()
        if query:
            people = people.filter(
                Q(display_name__icontains=query)
                | Q(username__icontains=query)
                | Q(unit__name__icontains=query)
                | Q(phone__icontains=query)
            )
        role = request.GET.get("role", "")
        if role in Role.values:
            people = people.filter(role=role)
        shown = list(people[:PAGE_SIZE])
        locked = _locked({p.username for p in shown})
        for person in shown:
            person.locked = person.username in locked
        return render(
            request,
            "people/people.html",
            {
                "people": shown,
                "total": people.count(),
                "page_size": PAGE_SIZE,
                "query": query,
                "role": role,
                "roles": Role.choices,
                "may_import": request.user.has_perm("people.import_roster"),
                "is_system_admin": request.user.role == Role.SYSTEM_ADMIN,
            },
        )


def _locked(usernames) -> set[str]:
    return set(
        AccessAttempt.objects.filter(
            username__in=usernames, failures_since_start__gte=settings.AXES_FAILURE_LIMIT
        ).values_list("username", flat=True)
    )


class PersonCreateView(LoginRequiredMixin, View):
    template_name = "people/person_create.html"

    def get(self, request):
        require(request.user, "people.manage_people")
        organisation = organisation_of(request)
        form = PersonForm(request.user, organisation)
        return render(request, self.template_name, {"form": form, "organisation": organisation})

    def post(self, request):
        require(request.user, "people.manage_people")
        organisation = organisation_of(request)
        form = PersonForm(request.user, organisation, request.POST)
        if form.is_valid():
            try:
                person, password = actions.create_account(request.user, organisation, form.person())
            except actions.AccountError as error:
                form.add_error(None, error)
            else:
                return render(
                    request,
                    "people/one_time_password.html",
                    {"person": person, "password": password, "created": True},
                )
        context = {"form": form, "organisation": organisation}
        return render(request, self.template_name, context, status=400)


class PersonView(LoginRequiredMixin, View):
    """One account: its details (the edit form) and the actions on it."""

    template_name = "people/person.html"

    def get(self, request, user_id):
        person = person_for(request, user_id)
        form = PersonForm(request.user, person.organisation, initial=PersonForm.initial_of(person))
        return self.page(request, person, form)

    def post(self, request, user_id):
        person = person_for(request, user_id)
        form = PersonForm(request.user, person.organisation, request.POST)
        reason = ChangeReasonForm(request.POST)
        if form.is_valid() and reason.is_valid():
            try:
                actions.change_account(
                    request.user, person, form.person(), reason.cleaned_data["reason"]
                )
            except actions.AccountError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"已保存“{person}”的账号信息。")
                return redirect("people:person", user_id=person.pk)
        return self.page(request, person, form, status=400)

    def page(self, request, person, form, status=200, reason_form=None):
        history = list(
            AuditEntry.objects.filter(object_type="user", object_id=str(person.pk)).select_related(
                "actor"
            )[:20]
        )
        for entry in history:
            entry.label = action_label(entry.action)
        return render(
            request,
            self.template_name,
            {
                "person": person,
                "form": form,
                "reason_form": reason_form or ReasonForm(),
                "locked": actions.is_locked(person),
                "is_self": person.pk == request.user.pk,
                "history": history,
            },
            status=status,
        )


class PersonActionView(PersonView):
    """A POST that acts on one account; subclasses say what it does."""

    http_method_names = ["post"]

    def post(self, request, user_id):
        person = person_for(request, user_id)
        try:
            return self.act(request, person)
        except actions.AccountError as error:
            messages.error(request, "；".join(error.messages))
            return redirect("people:person", user_id=person.pk)

    def act(self, request, person):
        raise NotImplementedError


class ResetPasswordView(PersonActionView):
    def act(self, request, person):
        password = actions.reset_password(request.user, person)
        return render(
            request,
            "people/one_time_password.html",
            {"person": person, "password": password, "created": False},
        )


class UnlockView(PersonActionView):
    def act(self, request, person):
        actions.unlock(request.user, person)
        messages.success(request, f"已解除“{person}”的登录锁定。")
        return redirect("people:person", user_id=person.pk)


class SetActiveView(PersonActionView):
    active = False

    def act(self, request, person):
        form = ReasonForm(request.POST)
        if not form.is_valid():
            edit = PersonForm(
                request.user, person.organisation, initial=PersonForm.initial_of(person)
            )
            return self.page(request, person, edit, status=400, reason_form=form)
        actions.set_active(request.user, person, self.active, form.cleaned_data["reason"])
        done = "已恢复" if self.active else "已停用"
        messages.success(request, f"{done}“{person}”的账号。")
        return redirect("people:person", user_id=person.pk)


class DeactivateView(SetActiveView):
    active = False


class ReactivateView(SetActiveView):
    active = True
