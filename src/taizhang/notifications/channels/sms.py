"""Text messages go through an SMS gateway; Taizhang speaks to one through this interface.

The one implementation, HttpSmsGateway, posts JSON to the gateway most government SMS
platforms (政务短信平台) and commercial relays offer:
    POST <TAIZHANG_SMS_URL>
    Authorization: Bearer <TAIZHANG_SMS_TOKEN>
    {"mobile": "13800000000", "content": "【签名】正文", "sign": "<TAIZHANG_SMS_SIGN>"}
answering {"code": 0} (or "OK") on success. Another gateway is another class with the same
``send``; docs/notifications.md shows how to plug one in. Tests never call a gateway."""

from __future__ import annotations

from typing import Protocol

from django.conf import settings

from taizhang.notifications.channels import DeliveryFailed
from taizhang.notifications.channels.http import post_json

MAX_LENGTH = 300  # long messages are split into several by the carrier; keep it short


class SmsGateway(Protocol):
    def send(self, mobile: str, text: str) -> None: ...


class HttpSmsGateway:
    def __init__(self, url: str, token: str, sign: str):
        self.url, self.token, self.sign = url, token, sign

    def request(self, mobile: str, text: str) -> tuple[str, dict, dict]:
        """What is posted, for review: (url, headers, payload)."""
        content = f"【{self.sign}】{text}" if self.sign else text
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        payload = {"mobile": mobile, "content": content[:MAX_LENGTH], "sign": self.sign}
        return self.url, headers, payload

    def send(self, mobile: str, text: str) -> None:
        url, headers, payload = self.request(mobile, text)
        answer = post_json(url, payload, headers)
        if answer.get("code") not in (0, "0", "OK", "ok"):
            raise DeliveryFailed(f"短信网关拒收（{str(answer.get('message', ''))[:100]}）")


def gateway() -> SmsGateway | None:
    """The configured gateway, or None when the deployment has none."""
    config = settings.TAIZHANG_SMS_GATEWAY
    if not config.get("URL"):
        return None
    return HttpSmsGateway(config["URL"], config.get("TOKEN", ""), config.get("SIGN", ""))
