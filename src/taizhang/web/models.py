"""django-axes' records of sign-ins, shown in the admin under Chinese names (proxies: no
tables of their own; axes ships no Chinese translation)."""

from axes.models import AccessAttempt, AccessLog


class FailedSignIn(AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "登录失败与锁定"

    def __str__(self) -> str:
        return f"{self.username or '（未填用户名）'} @ {self.ip_address or '—'}"


class SignIn(AccessLog):
    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "登录记录"

    def __str__(self) -> str:
        return f"{self.username or '（未填用户名）'} @ {self.ip_address or '—'}"
