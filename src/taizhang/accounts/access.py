"""The one way every page and the API ask who may do what, and load what they are about.

Permissions are asked with ``user.has_perm(name, obj)``: the system administrator is staff,
not a superuser, so Django's answer is the rules' answer (rules/ObjectPermissionBackend)
everywhere, in views, templates (the ``may`` tag) and the API alike.

Objects are loaded with ``load``: a row of another organisation is a 404 (nobody learns what
another organisation holds), then the rule is asked (403 when it refuses). Both read the
model's declared scope (accounts/scoping.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from taizhang.accounts.models import Role
from taizhang.accounts.scoping import _id

REFUSED = "您没有权限进行此操作。"
NOT_FOUND = "没有找到该记录。"


def require(user, perm: str, obj=None, message: str = REFUSED) -> None:
    """403 with ``message`` unless the rule allows."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def of_organisation(user, queryset) -> models.QuerySet:
    """The rows of the person's organisation: where an object is looked up before its
    rule is asked. The system administrator has none (it sees no plan data)."""
    if isinstance(queryset, type):
        queryset = queryset._default_manager.all()
    scope = queryset.model.scope
    if getattr(user, "role", None) == Role.SYSTEM_ADMIN or not getattr(
        user, "organisation_id", None
    ):
        return queryset.none()
    return queryset.filter(**{_id(scope.organisation): user.organisation_id})


def load(
    user,
    queryset,
    pk,
    perm: str | None = None,
    message: str = REFUSED,
    not_found: str = NOT_FOUND,
    **lookups,
):
    """The object ``pk`` of ``queryset`` (or a model), 404 outside the person's
    organisation, 403 unless ``perm`` allows it."""
    found = of_organisation(user, queryset).filter(pk=pk, **lookups).first()
    if found is None:
        raise Http404(not_found)
    if perm is not None:
        require(user, perm, found, message)
    return found
