"""Permissions of notifications: each person reads their own messages; the office reads
its organisation's delivery log, resends, and sets the channels and group robots."""

import rules

from taizhang.accounts.predicates import is_office_admin


@rules.predicate
def delivery_in_organisation(user, delivery):
    return delivery is not None and delivery.notification.organisation_id == user.organisation_id


@rules.predicate
def unit_in_organisation(user, unit):
    return unit is not None and unit.organisation_id == user.organisation_id


rules.add_perm("notifications.view_delivery_log", is_office_admin)
rules.add_perm("notifications.resend", is_office_admin & delivery_in_organisation)
rules.add_perm("notifications.manage_channels", is_office_admin)
rules.add_perm("notifications.change_robot", is_office_admin & unit_in_organisation)
