"""Roster import: the template to download, the upload, and the row-by-row result (with
the one-time passwords, shown this once and stored nowhere)."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import render
from django.views import View

from taizhang.accounts.access import require
from taizhang.people import roster
from taizhang.people.forms import RosterForm
from taizhang.web.downloads import XLSX, download


class RosterTemplateView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "people.import_roster")
        content = roster.template(request.user, request.user.organisation)
        return download(content, XLSX, "人员名单模板.xlsx", "roster-template.xlsx")


class RosterImportView(LoginRequiredMixin, View):
    template_name = "people/roster.html"

    def get(self, request):
        require(request.user, "people.import_roster")
        return render(request, self.template_name, {"form": RosterForm()})

    def post(self, request):
        require(request.user, "people.import_roster")
        form = RosterForm(request.POST, request.FILES)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        try:
            result = roster.import_roster(
                request.user, request.user.organisation, form.cleaned_data["file"].read()
            )
        except roster.RosterRejected as rejected:
            form.add_error("file", str(rejected))
            return render(request, self.template_name, {"form": form}, status=400)
        context = {"form": RosterForm(), "result": result}
        return render(request, self.template_name, context, status=200 if result.created else 400)
