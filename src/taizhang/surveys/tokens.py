"""One response per device without knowing who answers.

Serving the form sets a cookie holding a signed random nonce (django.core.signing, so the
browser cannot forge one) bound to the (hashed) address it was served to; a response
stores only a hash of the nonce, unique per survey, so the token is burned by the response
it carries and a replay collides with it. Clearing cookies yields a new token, but tokens
are issued at a limited rate per address from the shared cache (throttle.form_issued) and
only work from that address, so a cookie reset cannot multiply answers beyond that limit.
docs/security.md explains the rule and its limits."""

from __future__ import annotations

import hashlib
import secrets

from django.core import signing

SALT = "taizhang.surveys.respond"
MAX_AGE = 24 * 3600  # a form must be sent within a day of being served
COOKIE_AGE = 180 * 24 * 3600  # the device remembers it answered for one survey season


class BadToken(Exception):
    """No token, a forged one, one of another survey, or an expired one."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def cookie_name(survey) -> str:
    return f"tz_survey_{survey.pk}"


def issue(survey, address: str) -> str:
    data = {"s": survey.pk, "n": secrets.token_urlsafe(16), "a": address[:16]}
    return signing.dumps(data, salt=SALT)


def nonce_of(survey, value: str | None, max_age: int | None = MAX_AGE, address=None) -> str:
    """The nonce of a token served for ``survey``; BadToken with the reason in Chinese."""
    if not value:
        raise BadToken("未能确认答卷来源（浏览器可能禁用了 Cookie），请重新打开问卷页面后填写。")
    try:
        data = signing.loads(value, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise BadToken("问卷页面已打开超过24小时，请刷新页面后重新填写。") from error
    except signing.BadSignature as error:
        raise BadToken("答卷凭证无效，请重新打开问卷页面后填写。") from error
    if not isinstance(data, dict) or data.get("s") != survey.pk or not data.get("n"):
        raise BadToken("答卷凭证无效，请重新打开问卷页面后填写。")
    if address is not None and data.get("a") != address[:16]:
        raise BadToken("网络已切换，答卷凭证已更新，请确认答案后再次提交。")
    return str(data["n"])


def device_hash(survey, nonce: str) -> str:
    return hashlib.sha256(f"{survey.pk}:{nonce}".encode()).hexdigest()
