"""Obtaining a token with a user name and password.

DRF's obtain_auth_token hands django-axes its own Request wrapper, so the lockout flag
axes sets never reaches AxesMiddleware; this view passes the Django request itself, so a
locked-out account gets axes' own lockout answer (HTTP 429) as on the login page."""

from __future__ import annotations

from django.contrib.auth import authenticate
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .serializers import ErrorSerializer, TokenRequestSerializer, TokenSerializer
from .tokens import issue_token


class ObtainToken(APIView):
    # No session authentication here: a token request carries no CSRF token.
    authentication_classes = []
    permission_classes = [AllowAny]
    serializer_class = TokenRequestSerializer

    @extend_schema(
        tags=["auth"],
        summary="用用户名和密码换取令牌",
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: OpenApiResponse(ErrorSerializer, description="用户名或密码错误"),
            429: OpenApiResponse(description="登录失败次数过多，账户已被暂时锁定"),
        },
        auth=[],
    )
    def post(self, request):
        credentials = TokenRequestSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(request=django_request, **credentials.validated_data)
        if getattr(django_request, "axes_locked_out", False):
            # AxesMiddleware answers for it (same status, its lockout page or JSON).
            return Response(
                {
                    "detail": "登录失败次数过多，账户已被暂时锁定，请稍后再试。",
                    "code": "locked_out",
                },
                status=status.HTTP_429_TOO_MANY_REQUESTS,
            )
        if user is None:
            return Response(
                {"detail": "用户名或密码错误。", "code": "invalid_credentials"},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response({"token": issue_token(user, how="api")})
