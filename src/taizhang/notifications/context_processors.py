"""The unread count beside 消息 in the menu (one COUNT query, only when the menu shows it)."""

from django.utils.functional import SimpleLazyObject

from taizhang.notifications.models import Channel, Delivery


def unread(request):
    user = request.user
    if not user.is_authenticated:
        return {}

    def count():
        return Delivery.objects.filter(
            recipient=user, channel=Channel.IN_APP, read_at__isnull=True
        ).count()

    return {"unread_messages": SimpleLazyObject(count)}
