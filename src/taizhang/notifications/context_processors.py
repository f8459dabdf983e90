"""The unread count beside 消息 in the menu: read with the person (notifications.backends),
or else one COUNT query, only when the menu shows it."""

from django.utils.functional import SimpleLazyObject

from taizhang.notifications.backends import UNREAD, unread_of


def unread(request):
    user = request.user
    if not user.is_authenticated:
        return {}
    loaded = getattr(user, UNREAD, None)
    if loaded is not None:
        return {"unread_messages": loaded}
    return {"unread_messages": SimpleLazyObject(lambda: unread_of(user).count())}
