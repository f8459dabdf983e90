"""API tokens, stored only as a SHA-256 digest (the key is shown once, when it is issued),
and what the API audits.

A copy of the database (a backup, a dump) holds nothing that opens the API."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_token",
        verbose_name="用户",
    )
    digest = models.CharField("令牌摘要（SHA-256）", max_length=64, unique=True)
    prefix = models.CharField("令牌开头", max_length=8)
    created = models.DateTimeField("发放时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user}的接口令牌（{self.masked}）"

    @property
    def masked(self) -> str:
        """What a person may see of a token: its first characters, enough to tell two apart."""
        return f"{self.prefix}…"


class AuditAction(models.TextChoices):
    API_TOKEN = "api_token", "发放接口令牌"
    API_TOKEN_REVOKED = "api_token_revoked", "吊销接口令牌"


class AuditDetail(models.TextChoices):
    ISSUED_BY = "issued_by", "发放方式"
    TOKEN = "token", "令牌"
    REPLACED = "replaced", "替换原令牌"
