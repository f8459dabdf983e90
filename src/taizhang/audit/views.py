"""The audit log pages: read and export only. There is deliberately no view that edits
or deletes an entry."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from taizhang.audit.display import action_label, change_lines, object_type_label
from taizhang.audit.export import workbook_bytes
from taizhang.audit.filters import export_title, filtered_log
from taizhang.web.downloads import XLSX, download


class FilteredLogMixin(LoginRequiredMixin):
    def filtered(self):
        user = self.request.user
        if not user.has_perm("accounts.view_audit_log"):
            raise PermissionDenied
        found = filtered_log(user, self.request.GET)
        self.organisations, self.organisation = found.organisations, found.organisation
        self.form = found.form
        return found.entries


class AuditLogView(FilteredLogMixin, ListView):
    template_name = "audit/log.html"
    paginate_by = 50
    context_object_name = "entries"

    def get_queryset(self):
        return self.filtered()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for entry in context["entries"]:
            entry.action_label = action_label(entry.action)
            entry.type_label = object_type_label(entry.object_type)
            entry.lines = change_lines(entry.action, entry.changes, entry.object_type)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            form=self.form,
            organisation=self.organisation,
            organisations=self.organisations,
            query=query.urlencode(),
        )
        return context


class AuditExportView(FilteredLogMixin, View):
    """The log as filtered on the page, as .xlsx; a long one is written by the task
    worker (jobs:audit_export), the person told when it is ready."""

    def get(self, request):
        entries = self.filtered()
        if entries.count() > settings.TAIZHANG_BACKGROUND_EXPORT["AUDIT_ENTRIES"]:
            query = request.GET.urlencode()
            return redirect(reverse("jobs:audit_export") + (f"?{query}" if query else ""))
        title = export_title(self.organisation)
        stamp = timezone.localtime().strftime("%Y%m%d")
        return download(
            workbook_bytes(entries, title),
            XLSX,
            f"操作日志-{stamp}.xlsx",
            f"audit-log-{stamp}.xlsx",
        )
