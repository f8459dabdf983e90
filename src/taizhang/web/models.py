"""django-axes' records of sign-ins, shown in the admin under Chinese names (proxies: no
tables of their own; axes ships no Chinese translation)."""

from axes.models import AccessAttempt, AccessLog


class _Named:
    def __str__(self) -> str:
        return f"{self.username or '（未填用户名）'} @ {self.ip_address or '—'}"


class FailedSignIn(_Named, AccessAttempt):
    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "登录失败与锁定"


class SignIn(_Named, AccessLog):
    class Meta:
        proxy = True
        verbose_name = verbose_name_plural = "登录记录"
