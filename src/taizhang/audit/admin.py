"""The audit log in the admin site: readable by the system administrator, never editable,
shown in Chinese as on the audit page."""

from django.contrib import admin

from taizhang.audit import display
from taizhang.audit.filters import visible_entries
from taizhang.audit.models import AuditEntry


class ActionFilter(admin.SimpleListFilter):
    title = "操作"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        actions = model_admin.get_queryset(request).values_list("action", flat=True)
        return [(action, display.action_label(action)) for action in sorted(set(actions))]

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "organisation_shown", "actor_shown", "action_shown", "object_label")
    fields = readonly_fields = (
        "at",
        "organisation_shown",
        "actor_shown",
        "action_shown",
        "type_shown",
        "object_label",
        "changes_shown",
        "reason",
    )
    list_filter = (ActionFilter,)
    list_select_related = ("organisation", "actor")

    def get_queryset(self, request):
        """The same entries as the log page: no entry about plan content."""
        return visible_entries(request.user)

    @admin.display(description="组织", ordering="organisation")
    def organisation_shown(self, entry):
        return entry.organisation or "—"

    @admin.display(description="操作人", ordering="actor")
    def actor_shown(self, entry):
        return entry.actor or "系统"

    @admin.display(description="操作", ordering="action")
    def action_shown(self, entry):
        return display.action_label(entry.action)

    @admin.display(description="对象类型")
    def type_shown(self, entry):
        return display.object_type_label(entry.object_type)

    @admin.display(description="变更内容")
    def changes_shown(self, entry):
        return (
            "；".join(display.change_lines(entry.action, entry.changes, entry.object_type)) or "—"
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
