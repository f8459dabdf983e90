"""Who may use the API at all (REST_FRAMEWORK's default permission class). Kept apart from
api/permissions.py: DRF imports this while it is itself being imported, so it may import
nothing that imports DRF's views."""

from rest_framework.permissions import IsAuthenticated


class WorksOnPlans(IsAuthenticated):
    """Signed in (by session or token), and someone who works on plans: the system
    administrator manages accounts and sees no plan data, so the API refuses it (403)."""

    message = "系统管理员负责管理组织和依法治理办管理员账号，不查看实施方案数据。"

    def has_permission(self, request, view):
        if not super().has_permission(request, view):
            return False
        return request.user.has_perm("accounts.work_on_plans")
