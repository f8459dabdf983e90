"""The API's answers to refused writes, and the translation of the write path's
exceptions into them. Every error body has ``detail`` (one message in Chinese) and
``code``; a refused input also lists each field's problems under ``fields``."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.views import exception_handler as drf_exception_handler

from taizhang.reporting.services import ConcurrentEdit, WorkflowError


class StaleVersion(APIException):
    """Someone saved the report after the client read it (optimistic locking)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "stale_version"

    def __init__(self, message: str, current_version: int):
        super().__init__({"detail": message, "code": self.default_code})
        # Set after the base class turned every value into a string: clients compare it.
        self.detail["current_version"] = current_version


class InvalidState(APIException):
    """The action does not fit the report's state (editing a submitted report…)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "invalid_state"

    def __init__(self, message: str):
        super().__init__({"detail": message, "code": self.default_code})


@contextmanager
def service_errors():
    """Run a reporting write-path call and answer its refusals as HTTP errors."""
    try:
        yield
    except ConcurrentEdit as error:
        raise StaleVersion(str(error), error.current.version) from error
    except WorkflowError as error:
        raise InvalidState(str(error)) from error
    except DjangoValidationError as error:
        raise ValidationError({"detail": error.messages[0], "code": "invalid"}) from error


def exception_handler(error, context):
    """DRF's answer, its body put into the one error shape ErrorSerializer documents."""
    response = drf_exception_handler(error, context)
    if response is None:
        return None
    data = response.data
    if isinstance(data, dict) and isinstance(data.get("detail"), str):
        if "code" not in data:
            data["code"] = _code(error)
        return response
    response.data = {"detail": _first_message(data), "code": _code(error), "fields": data}
    return response


def _code(error) -> str:
    # Django's own refusals (the scoped loader raises them) get the codes DRF gives its own.
    if isinstance(error, Http404):
        return "not_found"
    if isinstance(error, DjangoPermissionDenied):
        return "permission_denied"
    codes = getattr(error, "default_code", "error")
    if isinstance(error, APIException):
        codes = error.get_codes()
    while isinstance(codes, dict | list):
        codes = next(iter(codes.values() if isinstance(codes, dict) else codes), "invalid")
    return str(codes)


def _first_message(data) -> str:
    while isinstance(data, dict | list) and data:
        if isinstance(data, dict):
            name, data = next(iter(data.items()))
            if isinstance(data, list) and data and isinstance(data[0], str):
                return f"{name}：{data[0]}" if name != "non_field_errors" else data[0]
        else:
            data = data[0]
    return str(data) if data else "输入有误。"


@csrf_exempt  # (as every API view: a POST to a wrong address is a 404, not a CSRF page)
def not_found(request, *args, **kwargs):
    """Any address under /api/ that names no endpoint: a JSON 404 like every other error."""
    return JsonResponse(
        {"detail": "没有这个接口地址。", "code": "not_found"},
        status=404,
        json_dumps_params={"ensure_ascii": False},
    )
