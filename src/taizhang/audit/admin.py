"""The audit log in the admin site: readable by superusers, never editable."""

from django.contrib import admin

from taizhang.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "organisation", "actor", "action", "object_type", "object_label")
    list_filter = ("action", "object_type")
    list_select_related = ("organisation", "actor")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
