"""Permissions of the accounts app, and the system administrator's admin site.

The system administrator is staff, not a superuser: Django's superuser passes every
has_perm, which would make ``user.has_perm`` and the rules answer differently. Its use of
the admin site is therefore granted here, by rule: every model registered in the admin,
and the admin's app pages (a module permission is a rule named after the app label)."""

import rules
from django.contrib import admin

from taizhang.accounts.predicates import is_office_admin, is_system_admin

rules.add_perm("accounts.view_audit_log", is_office_admin | is_system_admin)
# Everyone but the system administrator works on plans: it manages organisations and
# their office administrators and sees no plan data (issue 9). The menu and the API ask it.
rules.add_perm("accounts.work_on_plans", rules.is_authenticated & ~is_system_admin)

ADMIN_ACTIONS = ("view", "add", "change", "delete")


def grant_admin_site() -> None:
    """The system administrator may use every model of the admin site (the admin's own
    has_*_permission still refuses what a model never allows, e.g. editing the log).
    Called once the admin has discovered its models (AccountsConfig.ready)."""
    for model in admin.site._registry:
        options = model._meta
        for action in ADMIN_ACTIONS:
            name = f"{options.app_label}.{action}_{options.model_name}"
            if not rules.perm_exists(name):
                rules.add_perm(name, is_system_admin)
        if not rules.perm_exists(options.app_label):
            rules.add_perm(options.app_label, is_system_admin)
