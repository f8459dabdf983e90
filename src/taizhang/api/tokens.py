"""The write path of API tokens: issuing one is audited like any other change."""

from __future__ import annotations

from django.db import transaction
from rest_framework.authtoken.models import Token

from taizhang.audit.log import record


@transaction.atomic
def issue_token(user, actor=None, how: str = "api") -> Token:
    """The person's token, created (and audited) the first time it is asked for."""
    token, created = Token.objects.get_or_create(user=user)
    if created:
        record(actor or user, "api_token", user, {"issued_by": how})
    return token
