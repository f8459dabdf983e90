"""Permissions of the accounts app."""

import rules

from taizhang.accounts.predicates import is_office_admin, is_system_admin

rules.add_perm("accounts.view_audit_log", is_office_admin | is_system_admin)
