"""The audit log in the admin site: readable by the system administrator, never editable,
and in words like the log page (audit/display.py)."""

from django.contrib import admin

from taizhang.audit.display import action_label, change_lines, object_type_label
from taizhang.audit.models import AuditEntry


class ActionFilter(admin.SimpleListFilter):
    title = "操作"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        codes = AuditEntry.objects.order_by().values_list("action", flat=True).distinct()
        return sorted((code, action_label(code)) for code in codes)

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = (
        "at",
        "organisation",
        "actor",
        "action_name",
        "object_type_name",
        "object_label",
    )
    list_filter = (ActionFilter,)
    list_select_related = ("organisation", "actor")
    readonly_fields = ("changes_in_words",)
    exclude = ("changes",)

    @admin.display(description="操作")
    def action_name(self, entry):
        return action_label(entry.action)

    @admin.display(description="对象类型")
    def object_type_name(self, entry):
        return object_type_label(entry.object_type)

    @admin.display(description="变更内容")
    def changes_in_words(self, entry):
        return "；".join(change_lines(entry.action, entry.changes, entry.object_type))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
