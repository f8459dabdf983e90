"""The audit log pages: read and export only. There is deliberately no view that edits
or deletes an entry."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views import View
from django.views.generic import ListView

from taizhang.accounts.models import Role, User
from taizhang.audit.display import action_label, change_lines, object_type_label
from taizhang.audit.export import workbook_bytes
from taizhang.audit.filters import LogFilterForm, entries_for, organisations_in_log
from taizhang.web.downloads import XLSX, download


class FilteredLogMixin(LoginRequiredMixin):
    def filtered(self):
        user = self.request.user
        if not user.has_perm("accounts.view_audit_log"):
            raise PermissionDenied
        self.organisations = []
        self.organisation = user.organisation
        chosen = None
        if user.role == Role.SYSTEM_ADMIN:
            self.organisations = organisations_in_log()
            org = self.request.GET.get("org", "")
            chosen = int(org) if org.isdigit() else None
            self.organisation = next((o for o in self.organisations if o.pk == chosen), None)
        entries = entries_for(user, chosen)
        people = User.objects.filter(pk__in=entries.values("actor_id"))
        self.form = LogFilterForm(entries, people, self.request.GET or None)
        return self.form.apply(entries)


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
    def get(self, request):
        entries = self.filtered()
        title = f"{self.organisation or '全部组织'}操作日志"
        stamp = timezone.localtime().strftime("%Y%m%d")
        return download(
            workbook_bytes(entries, title),
            XLSX,
            f"操作日志-{stamp}.xlsx",
            f"audit-log-{stamp}.xlsx",
        )
