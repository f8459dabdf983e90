"""Asking the permission rules themselves.

Django lets an active superuser (the system administrator) pass every ``user.has_perm``.
The rules name the system administrator where it may read and nowhere where it files,
reviews or runs the office's work, so pages that change things ask the rule directly."""

from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied


def may(user, perm: str, obj=None) -> bool:
    """The rule alone, without Django's superuser shortcut."""
    return user.is_active and rules.has_perm(perm, user, obj)


def require(user, perm: str, obj=None, message: str = "您没有权限进行此操作。") -> None:
    """403 with ``message`` unless the rule allows it."""
    if not may(user, perm, obj):
        raise PermissionDenied(message)
