"""Account management keeps no tables of its own (accounts.User holds the people); it
declares what its write path records in the audit log."""

from django.db import models


class AuditAction(models.TextChoices):
    CREATE_ACCOUNT = "create_account", "开通账号"
    CHANGE_ACCOUNT = "change_account", "修改账号"
    RESET_PASSWORD = "reset_password", "重置密码"
    CHANGE_PASSWORD = "change_password", "修改本人密码"
    UNLOCK = "unlock", "解除登录锁定"
    DEACTIVATE = "deactivate", "停用账号"
    REACTIVATE = "reactivate", "恢复账号"


class AuditDetail(models.TextChoices):
    ONE_TIME_PASSWORD = "one_time_password", "一次性密码"
    CLEARED_ATTEMPTS = "cleared_attempts", "清除的登录失败记录"
