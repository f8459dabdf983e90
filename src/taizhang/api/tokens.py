"""The write path of API tokens. Issuing replaces the person's previous token (rotation);
the key is returned once and only its digest is kept. Issuing and revoking are audited."""

from __future__ import annotations

import secrets

from django.db import transaction
from rest_framework import authentication, exceptions

from taizhang.api.models import ApiToken, AuditAction, digest_of
from taizhang.audit.log import record

PREFIX = 6
# How a token came to be, as the log says it.
ISSUED_BY = {"api": "接口登录", "create_api_token": "命令行", "admin": "管理后台"}


@transaction.atomic
def issue_token(user, actor=None, how: str = "api") -> str:
    """A new key for ``user`` (any earlier one stops working); returns the key."""
    key = secrets.token_hex(20)
    replaced = ApiToken.objects.filter(user=user).delete()[0] > 0
    token = ApiToken.objects.create(user=user, digest=digest_of(key), prefix=key[:PREFIX])
    record(
        actor or user,
        AuditAction.API_TOKEN,
        user,
        {"issued_by": ISSUED_BY.get(how, how), "token": token.masked, "replaced": replaced},
        organisation=user.organisation_id,
    )
    return key


@transaction.atomic
def revoke_token(token: ApiToken, actor) -> None:
    record(
        actor,
        AuditAction.API_TOKEN_REVOKED,
        token.user,
        {"token": token.masked},
        organisation=token.user.organisation_id,
    )
    token.delete()


class HashedTokenAuthentication(authentication.TokenAuthentication):
    """`Authorization: Token <key>`, checked against the stored digest."""

    def authenticate_credentials(self, key):
        token = ApiToken.objects.select_related("user").filter(digest=digest_of(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed("令牌无效。")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("用户已停用或删除。")
        return (token.user, token)
