"""Messages for tests: one in-app message to a person, as the delivery step leaves it
(unread)."""

from taizhang.notifications.models import Channel, Delivery, Event, Notification


def deliver(person, key: str) -> Delivery:
    notification = Notification.objects.create(
        organisation=person.organisation,
        event=Event.values[0],
        key=key,
        title="催报",
        body="请报送",
    )
    return Delivery.objects.create(
        notification=notification, recipient=person, channel=Channel.IN_APP, target=key
    )
