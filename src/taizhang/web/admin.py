"""Sign-in records in the admin, in Chinese. A failed-sign-in row is what locks an account:
deleting it unlocks the account at once (the system administrator's remedy)."""

from django.contrib import admin

from taizhang.web.models import FailedSignIn, SignIn

admin.site.site_header = admin.site.site_title = "台账系统管理"
admin.site.index_title = "系统管理"


class SignInRecordAdmin(admin.ModelAdmin):
    search_fields = ("username", "ip_address")
    ordering = ("-attempt_time",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="时间", ordering="attempt_time")
    def time(self, record):
        return record.attempt_time

    @admin.display(description="用户名")
    def person(self, record):
        return record.username or "—"

    @admin.display(description="地址")
    def address(self, record):
        return record.ip_address or "—"

    @admin.display(description="浏览器")
    def browser(self, record):
        return record.user_agent

    @admin.display(description="页面")
    def page(self, record):
        return record.path_info


@admin.register(FailedSignIn)
class FailedSignInAdmin(SignInRecordAdmin):
    list_display = ("time", "person", "address", "failures", "page")
    fields = readonly_fields = ("time", "person", "address", "failures", "browser", "page")

    @admin.display(description="连续失败次数")
    def failures(self, record):
        return record.failures_since_start


@admin.register(SignIn)
class SignInAdmin(SignInRecordAdmin):
    list_display = ("time", "person", "address", "signed_out", "page")
    fields = readonly_fields = ("time", "person", "address", "signed_out", "browser", "page")

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="退出时间")
    def signed_out(self, record):
        return record.logout_time or "—"
