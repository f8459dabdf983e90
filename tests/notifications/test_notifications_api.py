"""notify(): one event is told once per channel and recipient however often it is
notified; the message centre has it at once; the other channels wait for the commit (a
rolled-back action sends nothing) and follow each person's and the organisation's choice."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse

from taizhang.notifications import actions
from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event
from taizhang.notifications.models import Channel, Delivery, Notification
from taizhang.notifications.recipients import Duty, for_unit
from tests import factories as f

pytestmark = pytest.mark.django_db


def _message(key="report_returned:7"):
    return Message(Event.REPORT_RETURNED, key, "报告被退回", "请修改。", "/todo/")


def test_the_same_event_is_told_once_however_often(world, django_capture_on_commit_callbacks):
    liaison = world.people["liaison"]
    liaison.email = "liaison@example.cn"
    liaison.save()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            notify(world.organisation, _message(), users=[liaison])
    assert Notification.objects.count() == 1
    assert sorted(Delivery.objects.values_list("channel", flat=True)) == [
        Channel.EMAIL,
        Channel.IN_APP,
    ]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["liaison@example.cn"]


def test_nothing_leaves_before_the_commit_and_a_rollback_sends_nothing(world):
    liaison = world.people["liaison"]
    liaison.email = "liaison@example.cn"
    liaison.save()
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(world.organisation, _message(), users=[liaison])
        assert mail.outbox == []
        raise RuntimeError("the action failed")
    assert not Notification.objects.exists() and mail.outbox == []


def test_people_choose_their_channels_and_deactivated_people_get_nothing(world):
    liaison, reviewer = world.people["liaison"], world.people["reviewer"]
    for person in (liaison, reviewer):
        person.email = f"{person.username}@example.cn"
        person.save()
    actions.set_preference(liaison, email=False, sms=True)  # no gateway: no SMS either
    reviewer.is_active = False
    reviewer.save()
    notify(world.organisation, _message(), users=[liaison, reviewer])
    assert list(Delivery.objects.values_list("recipient", "channel")) == [
        (liaison.pk, Channel.IN_APP)
    ]


def test_recipients_of_a_unit(world):
    assert for_unit(world.education, Duty.FILE) == [world.people["liaison"]]
    # no one of its own: the county office files for a county-level unit
    assert for_unit(world.county_government, Duty.FILE) == [world.people["county"]]
    assert for_unit(world.justice, Duty.REVIEW) == [world.people["reviewer"]]
    # a lead unit without a reviewer: the office reviews
    assert for_unit(world.police, Duty.REVIEW) == [world.people["office"]]


def test_the_message_centre_counts_unread_and_follows_links(client, world):
    liaison = world.people["liaison"]
    notify(world.organisation, _message("a"), users=[liaison])
    notify(world.organisation, _message("b"), users=[liaison])
    other = f.UserFactory(organisation=world.organisation, role="liaison", unit=world.police)
    notify(world.organisation, _message("c"), users=[other])
    client.force_login(liaison)
    page = client.get(reverse("notifications:messages")).content.decode()
    assert 'aria-label="2 条未读"' in page
    mine = Delivery.objects.filter(recipient=liaison).first()
    opened = client.get(reverse("notifications:message_open", kwargs={"delivery_id": mine.pk}))
    assert opened.headers["Location"] == "/todo/"
    theirs = Delivery.objects.get(recipient=other)
    assert (
        client.get(
            reverse("notifications:message_open", kwargs={"delivery_id": theirs.pk})
        ).status_code
        == 404
    )
    client.post(reverse("notifications:read_all"))
    assert not Delivery.objects.filter(recipient=liaison, read_at__isnull=True).exists()
    assert Delivery.objects.filter(recipient=other, read_at__isnull=True).exists()
