"""The write path of API tokens: issuing one is audited like any other change."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token

from taizhang.api.models import AuditAction
from taizhang.audit.log import record

# How a token came to be, as the log says it.
ISSUED_BY = {"api": "接口登录", "create_api_token": "命令行"}


@transaction.atomic
def issue_token(user, actor=None, how: str = "api") -> Token:
    """The person's token, created (and audited) the first time it is asked for."""
    token, created = Token.objects.get_or_create(user=user)
    if created:
        changes = {"issued_by": ISSUED_BY.get(how, how)}
        record(
            actor or user, AuditAction.API_TOKEN, user, changes, organisation=user.organisation_id
        )
    return token
