"""The API's answers to refused writes, and the translation of the write path's
exceptions into them. Every body has ``detail`` (one message in Chinese) and ``code``."""

from __future__ import annotations

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import APIException, ValidationError

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
