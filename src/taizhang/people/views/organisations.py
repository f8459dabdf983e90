"""The system administrator's pages: the organisations, and each one's office
administrators. Nothing here shows plan data."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views import View

from taizhang.accounts.access import require
from taizhang.accounts.models import Role
from taizhang.people.forms import OrganisationForm, PersonForm
from taizhang.units.models import Organisation
from taizhang.units.services import DirectoryError, create_organisation


def _organisations():
    return Organisation.objects.annotate(
        people=Count("users", filter=Q(users__is_active=True)),
        offices=Count("users", filter=Q(users__role=Role.OFFICE_ADMIN, users__is_active=True)),
    ).order_by("id")


class OrganisationsView(LoginRequiredMixin, View):
    template_name = "people/organisations.html"

    def get(self, request):
        require(request.user, "people.manage_organisations")
        return self.page(request, OrganisationForm())

    def post(self, request):
        require(request.user, "people.manage_organisations")
        form = OrganisationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                organisation = create_organisation(
                    request.user, data["name"], data["prefix"], data["office_name"]
                )
            except DirectoryError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, f"已新增组织“{organisation}”，请为其开通依法治理办管理员账号。"
                )
                return redirect("people:organisation", organisation_id=organisation.pk)
        return self.page(request, form, status=400)

    def page(self, request, form, status=200):
        context = {"organisations": _organisations(), "form": form}
        return render(request, self.template_name, context, status=status)


class OrganisationView(LoginRequiredMixin, View):
    def get(self, request, organisation_id):
        require(request.user, "people.manage_organisations")
        organisation = get_object_or_404(_organisations(), pk=organisation_id)
        offices = organisation.users.filter(role=Role.OFFICE_ADMIN).order_by("-is_active", "pk")
        form = PersonForm(request.user, organisation, initial={"role": Role.OFFICE_ADMIN})
        return render(
            request,
            "people/organisation.html",
            {"organisation": organisation, "offices": offices, "form": form},
        )
