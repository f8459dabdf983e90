"""Posting JSON over HTTP with the standard library: a short timeout, the answer's JSON
returned, every failure turned into DeliveryFailed in Chinese."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from taizhang.notifications.channels import DeliveryFailed

TIMEOUT_SECONDS = 10
MAX_ANSWER_BYTES = 64 * 1024


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect could lead anywhere (inside the network too): treat it as a failure."""

    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def post_json(url: str, payload: dict, headers: dict | None = None) -> dict:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        method="POST",
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            body = response.read(MAX_ANSWER_BYTES)
    except urllib.error.HTTPError as error:
        raise DeliveryFailed(f"对方服务器返回错误（HTTP {error.code}）") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise DeliveryFailed("无法连接对方服务器（网络不通或超时）") from error
    try:
        return json.loads(body.decode("utf-8") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DeliveryFailed("对方服务器的应答无法识别") from error
