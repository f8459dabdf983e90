"""Signing in with a password, and who a request's person is.

Every permission of the product is a ``rules`` predicate (rules.permissions.
ObjectPermissionBackend answers them); nobody is given Django's model permissions (no
groups, no per-person permissions: neither is offered anywhere). Django's ModelBackend
would still read both tables for every permission the rules refuse (two queries on each
page, for the menu); this backend checks passwords as it does and grants nothing else."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend, UserModel

from taizhang.accounts.prepared import Prepared


class PasswordBackend(ModelBackend):
    def _get_permissions(self, user_obj, obj, from_name):
        return set()  # neither a person's nor a group's model permissions

    def people(self):
        """People with what every page's frame shows of them (unit, region, organisation),
        read in the one query that loads them."""
        return UserModel._default_manager.select_related("unit", "region", "organisation")

    def get_user(self, user_id):
        # Asked on every request: compiled once per process and backend (accounts.prepared).
        person = _people.get(type(self))
        if person is None:
            person = _people.setdefault(
                type(self), Prepared(UserModel, lambda pk: self.people().filter(pk=pk))
            )
        user = person.first(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


_people: dict[type, Prepared] = {}
