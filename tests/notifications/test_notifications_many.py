"""notify_many(): many messages of one organisation told at once (a history replayed)
leave the notifications and deliveries that notifying them one after the other leaves,
each dated when it was told; pending_many() answers what pending() answers for each."""

from datetime import datetime

import pytest
from django.core import mail
from django.utils import timezone

from taizhang.notifications import actions
from taizhang.notifications.api import Message, Send, notify, notify_many, pending, pending_many
from taizhang.notifications.events import Event
from taizhang.notifications.models import Delivery, Notification

pytestmark = pytest.mark.django_db

AT = timezone.make_aware(datetime(2026, 4, 8, 16, 0))


def _told() -> list:
    """The notifications and deliveries, without ids and times."""
    return sorted(
        Delivery.objects.values_list(
            "notification__key",
            "notification__event",
            "notification__title",
            "channel",
            "target",
            "recipient",
            "unit",
            "address",
            "status",
            "attempts",
        )
    ), sorted(Notification.objects.values_list("key", "event", "title", "body", "link"))


@pytest.fixture
def sends(world, settings):
    """Three messages: one to two people and a unit's group chat, one to a person, and the
    first told again to one more person; a personal one never reaches a group."""
    liaison, reviewer, office = (world.people[r] for r in ("liaison", "reviewer", "office"))
    for person in (liaison, reviewer, office):
        person.email = f"{person.username}@example.cn"
        person.save()
    actions.set_preference(reviewer, email=False, sms=False)
    settings.TAIZHANG_WEBHOOK_HOSTS = {"wecom": ["127.0.0.1"], "dingtalk": ["127.0.0.1"]}
    actions.set_channels(world.organisation, office, wecom=True)
    actions.set_robot(world.education, office, "wecom", "http://127.0.0.1:9/w?key=K", "", True)
    returned = Message(Event.REPORT_RETURNED, "report_returned:1", "报告被退回", "请修改。", "/a/")
    due = Message(Event.REPORT_DUE, "report_due:1:2", "黄灯提醒", "请及时填报。", "/todo/")
    personal = Message(Event.JOB_FINISHED, "job_finished:3", "导出完成", "请下载。", "/jobs/")
    return [
        Send(returned, [liaison, reviewer], [world.education], AT),
        Send(due, [liaison], [world.education], AT),
        Send(returned, [liaison, office], [world.education], AT),
        Send(personal, [office], [world.education], AT),
    ]


def test_many_at_once_leave_what_one_after_the_other_leaves(world, sends):
    for send in sends:
        notify(world.organisation, send.message, send.users, send.units)
    one_by_one = _told()
    Notification.objects.all().delete()

    notify_many(world.organisation, sends)
    assert _told() == one_by_one
    assert Notification.objects.count() == 3
    assert set(Notification.objects.values_list("created_at", flat=True)) == {AT}
    assert set(Delivery.objects.values_list("created_at", flat=True)) == {AT}
    assert set(Delivery.objects.filter(channel="in_app").values_list("sent_at", flat=True)) == {AT}


def test_told_again_changes_nothing_and_what_is_pending_is_the_same(world, sends):
    assert pending_many(world.organisation, sends) == [
        pending(world.organisation, s.message, s.users, s.units) for s in sends
    ]
    notify_many(world.organisation, sends[:2])
    assert pending_many(world.organisation, sends) == [
        pending(world.organisation, s.message, s.users, s.units) for s in sends
    ]
    assert pending_many(world.organisation, sends)[0] == []  # the returned report: told
    before = _told()
    notify_many(world.organisation, sends[:2])
    assert _told() == before


def test_the_other_channels_wait_for_the_commit(world, sends, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify_many(world.organisation, sends)
        assert mail.outbox == []
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        Delivery.objects.filter(channel="email").values_list("address", flat=True)
    )
    assert len(mail.outbox) == 4  # the liaison twice (two messages), the office twice
