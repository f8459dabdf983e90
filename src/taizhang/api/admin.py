"""API tokens in the admin: who holds one and since when, never the key. Tokens are issued
only through the audited paths (/api/token/ with the person's password, or the server's
`manage.py create_api_token`); here they can only be revoked, and that is audited too."""

from django.contrib import admin

from taizhang.api.models import ApiToken
from taizhang.api.tokens import revoke_token


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "shown", "created")
    fields = ("user", "shown", "created")
    readonly_fields = fields
    list_select_related = ("user",)
    search_fields = ("user__username", "user__display_name")
    actions = ["revoke"]

    @admin.display(description="令牌")
    def shown(self, token):
        return token.masked

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # revoking goes through the audited path
        return actions

    def delete_model(self, request, obj):
        revoke_token(obj, request.user)

    @admin.action(description="撤销所选令牌", permissions=["delete"])
    def revoke(self, request, queryset):
        for token in queryset.select_related("user"):
            revoke_token(token, request.user)
        self.message_user(request, "已撤销所选令牌。")
