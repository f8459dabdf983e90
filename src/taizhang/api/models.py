"""The API keeps no tables of its own (tokens are DRF's); it declares what it audits."""

from django.db import models


class AuditAction(models.TextChoices):
    API_TOKEN = "api_token", "发放接口令牌"


class AuditDetail(models.TextChoices):
    ISSUED_BY = "issued_by", "发放方式"
