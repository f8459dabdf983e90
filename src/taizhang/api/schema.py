"""The OpenAPI schema documents every answer the API can give, errors included.

drf-spectacular documents the success answer (and what a view declares); this class adds
the error answers every operation may give, all with the one error body (ErrorSerializer,
written by errors.exception_handler): 400 when there is input (a body, query or path
parameters), 401 when a token or session is required, 403 and 404 always (an object of
another organisation is "not found"), 415 for a body that is not JSON. schemathesis
checks the answers against it (tests/api/test_api_conformance.py)."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema as SpectacularSchema
from drf_spectacular.utils import OpenApiResponse

from .serializers import ErrorSerializer

DESCRIPTIONS = {
    "400": "输入有误（detail 说明原因，fields 列出各字段的问题）",
    "401": "未登录或令牌无效",
    "403": "无权操作",
    "404": "不存在或属于其他组织",
    "415": "请求体须为 JSON（Content-Type: application/json）",
}


class AutoSchema(SpectacularSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = ["403", "404"]
        if self.method in ("POST", "PUT", "PATCH"):
            codes += ["415"]
        if self.method in ("POST", "PUT", "PATCH") or self._has_parameters():
            codes.insert(0, "400")
        if self.get_auth():
            codes.insert(0, "401")
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(ErrorSerializer, description=DESCRIPTIONS[code]), code
                )
        return responses

    def _has_parameters(self) -> bool:
        return bool(self._get_parameters()) or "{" in self.path
