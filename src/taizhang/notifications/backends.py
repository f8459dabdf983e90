"""The signed-in person, loaded with their unread count (the menu's 消息 badge) in the same
query: accounts.backends.PasswordBackend, one query fewer on every page.

The count is the one at the start of the request; what marks messages read answers with a
redirect, so the next page shows the new count."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from taizhang.accounts.backends import PasswordBackend
from taizhang.notifications.models import Channel, Delivery

UNREAD = "unread_in_app"


def unread_of(recipient):
    """The unread in-app messages of ``recipient`` (a person or an OuterRef to one)."""
    return Delivery.objects.filter(
        recipient=recipient, channel=Channel.IN_APP, read_at__isnull=True
    )


class PersonBackend(PasswordBackend):
    def people(self):
        counted = unread_of(OuterRef("pk")).order_by().values("recipient").annotate(n=Count("pk"))
        unread = Coalesce(Subquery(counted.values("n"), output_field=IntegerField()), 0)
        return super().people().annotate(**{UNREAD: unread})
