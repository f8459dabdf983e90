"""The one way every page and the API ask who may do what, and load what they are about.

Permissions are asked with ``user.has_perm(name, obj)``: the system administrator is staff,
not a superuser, so Django's answer is the rules' answer (rules/ObjectPermissionBackend)
everywhere, in views, templates (the ``may`` tag) and the API alike.

Objects are loaded with ``load``: a row of another organisation is a 404 (nobody learns what
another organisation holds), then the rule is asked (403 when it refuses). Both read the
model's declared scope (accounts/scoping.py)."""

from __future__ import annotations

import threading
import weakref

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.query import ModelIterable
from django.http import Http404

from taizhang.accounts.models import Role
from taizhang.accounts.prepared import Prepared
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
    kept = None if lookups else _kept_lookup(user, queryset, pk)
    if kept is not None:
        found = kept.first(user.organisation_id, pk)
    else:
        found = of_organisation(user, queryset).filter(pk=pk, **lookups).first()
    if found is None:
        raise Http404(not_found)
    if perm is not None:
        require(user, perm, found, message)
    return found


# Module-level querysets (PLANS = Plan.objects.select_related(...)) and models are loaded by
# id on every request of their pages: the second time one is seen its lookup is compiled
# once for the process (accounts.prepared), the same query as of_organisation(...)
# .filter(pk=...). A queryset built for one request is never seen twice and goes the
# ORM's way; forgotten with it (weak keys).
_seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_seen_lock = threading.Lock()
_ONCE, _ORM = object(), object()


def _kept_lookup(user, queryset, pk) -> Prepared | None:
    if type(pk) is not int or getattr(user, "role", None) == Role.SYSTEM_ADMIN:
        return None
    if not getattr(user, "organisation_id", None):
        return None
    with _seen_lock:
        found = _seen.get(queryset)
        if found is None:
            _seen[queryset] = _ONCE
            return None
        if found is _ONCE:
            found = _seen[queryset] = _prepare(queryset)
    return found if isinstance(found, Prepared) else None


def _prepare(queryset) -> Prepared | object:
    base = queryset._default_manager.all() if isinstance(queryset, type) else queryset.all()
    if (
        base._iterable_class is not ModelIterable  # values(): rows, not instances
        or base._prefetch_related_lookups  # run by the ORM after the rows
        or base._known_related_objects
        or base.query.combinator
    ):
        return _ORM
    path = _id(base.model.scope.organisation)

    def build(organisation_id, pk):
        return base.filter(**{path: organisation_id}).filter(pk=pk)

    return Prepared(base.model, build, arity=2)
