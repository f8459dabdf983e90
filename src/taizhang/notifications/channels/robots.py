"""Group-chat robots of 企业微信 and 钉钉: a unit's group gets its reminders as markdown.

企业微信 群机器人: POST the webhook URL with
    {"msgtype": "markdown", "markdown": {"content": "..."}}
钉钉 自定义机器人: POST the webhook URL with
    {"msgtype": "markdown", "markdown": {"title": "...", "text": "..."}}
and, when the robot is secured by 加签, ``&timestamp=<ms>&sign=<sign>`` appended, where sign
is urlencode(base64(HMAC-SHA256(key=secret, msg=f"{timestamp}\\n{secret}"))).
Both answer {"errcode": 0, "errmsg": "ok"}; any other errcode is a failure.

Only the hosts in settings.TAIZHANG_WEBHOOK_HOSTS are ever posted to, so a webhook address
cannot be used to reach machines inside the network."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
import urllib.parse

from django.conf import settings

from taizhang.notifications.channels import DeliveryFailed
from taizhang.notifications.channels.http import post_json

WECOM, DINGTALK = "wecom", "dingtalk"
MAX_MARKDOWN_BYTES = 4000  # 企业微信 refuses markdown over 4096 bytes


def allowed(kind: str, url: str) -> bool:
    """An https address on the robot service's own host (tests add a loopback host)."""
    parts = urllib.parse.urlsplit(url)
    hosts = settings.TAIZHANG_WEBHOOK_HOSTS.get(kind, [])
    loopback = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")
    if parts.hostname not in hosts:
        return False
    return parts.scheme == "https" or loopback


def markdown(title: str, body: str, url: str) -> str:
    text = f"**{title}**\n\n{body}"
    if url:
        text += f"\n\n[在台账中查看]({url})"
    encoded = text.encode("utf-8")
    if len(encoded) > MAX_MARKDOWN_BYTES:
        text = encoded[:MAX_MARKDOWN_BYTES].decode("utf-8", "ignore") + "……"
    return text


def payload(kind: str, title: str, body: str, url: str) -> dict:
    text = markdown(title, body, url)
    if kind == WECOM:
        return {"msgtype": "markdown", "markdown": {"content": text}}
    return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    message = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest))


def signed_url(webhook: str, secret: str, now: float | None = None) -> str:
    if not secret:
        return webhook
    timestamp = int((time.time() if now is None else now) * 1000)
    joiner = "&" if "?" in webhook else "?"
    return f"{webhook}{joiner}timestamp={timestamp}&sign={dingtalk_sign(secret, timestamp)}"


def post(kind: str, webhook: str, secret: str, title: str, body: str, url: str) -> None:
    if not allowed(kind, webhook):
        raise DeliveryFailed("Webhook 地址不是该平台的机器人地址，已拒绝发送")
    target = signed_url(webhook, secret) if kind == DINGTALK else webhook
    answer = post_json(target, payload(kind, title, body, url))
    if answer.get("errcode", 0) != 0:
        reason = str(answer.get("errmsg", ""))[:100]
        raise DeliveryFailed(f"机器人拒收（错误码 {answer.get('errcode')}：{reason}）")
