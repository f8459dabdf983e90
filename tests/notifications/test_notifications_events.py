"""The events the write paths tell: a report returned (to the unit that filed it), an
urging notice issued (to the unit), reviews waiting too long (to the lead unit's reviewer,
or the office). Each links to the thing concerned."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from taizhang.notices import services as notices
from taizhang.notifications import actions
from taizhang.notifications.models import Channel, Delivery, Notification
from taizhang.plans import editing
from taizhang.plans.models import Assignment
from taizhang.reporting import services
from taizhang.supervision.reminders import due_reminders
from tests.factories import supervised_item

pytestmark = pytest.mark.django_db


def _file(world, unit, user):
    assignment = Assignment.objects.get(measure=world.first, unit=unit)
    return services.file_report(
        assignment,
        world.period,
        user,
        {"status": "in_progress", "narrative": "已开展。"},
        0,
        submit_after=True,
    )


def _inbox(user):
    return list(
        Delivery.objects.filter(recipient=user, channel=Channel.IN_APP).select_related(
            "notification"
        )
    )


def test_a_returned_report_tells_the_unit_with_the_comment_and_a_link(client, world):
    report = _file(world, world.education, world.people["liaison"])
    services.review(report, world.people["reviewer"], "return", "请补充数据来源", report.version)
    (message,) = _inbox(world.people["liaison"])
    assert message.notification.event == "report_returned"
    assert "请补充数据来源" in message.notification.body
    client.force_login(world.people["liaison"])
    opened = client.get(reverse("notifications:message_open", kwargs={"delivery_id": message.pk}))
    assert opened.headers["Location"] == reverse(
        "reporting:report",
        kwargs={"assignment_id": report.assignment_id, "period_id": report.period_id},
    )
    assert client.get(opened.headers["Location"]).status_code == 200


def test_a_returned_report_s_message_reads_as_one_sentence(world):
    """The reviewer's comment ends with its own 。 and the message puts one after it; the
    measure's number ran into the period's name (任务12026年…)."""
    report = _file(world, world.education, world.people["liaison"])
    services.review(report, world.people["reviewer"], "return", "请补充数据来源。 ", report.version)
    (message,) = _inbox(world.people["liaison"])
    body = message.notification.body
    assert "。。" not in body and "退回意见：请补充数据来源。请修改后重新报送。" in body
    assert f"任务{world.first.number}（{world.period.name}）进展报告" in body


def test_an_accepted_report_tells_nobody(world):
    report = _file(world, world.education, world.people["liaison"])
    services.review(report, world.people["reviewer"], "accept", "", report.version)
    assert not Notification.objects.exists()


def test_an_urging_notice_reaches_the_unit(world):
    moment = timezone.make_aware(datetime(2025, 5, 6, 9))
    with time_machine.travel(moment, tick=False):
        notice = notices.issue(
            world.education,
            world.plan,
            world.people["office"],
            date(2025, 5, 6),
            "reminder",
            "关于及时完成逾期任务事项的提醒通知",
            "请报送。",
        )
    (message,) = _inbox(world.people["liaison"])
    assert message.notification.key == f"notice_issued:{notice.pk}"
    assert notice.number in message.notification.body
    assert message.notification.link == reverse("notices:detail", kwargs={"notice_id": notice.pk})


def test_reviews_waiting_too_long_are_counted_for_the_reviewer_once_a_week(world):
    filed_on = timezone.make_aware(datetime(2025, 6, 2, 10))
    with time_machine.travel(filed_on, tick=False):
        _file(world, world.education, world.people["liaison"])
    reviewer = world.people["reviewer"]

    def reminders_on(day):
        with time_machine.travel(timezone.make_aware(datetime.combine(day, time(9)))):
            return [r for r in due_reminders(day) if r.message.event == "review_waiting"]

    assert reminders_on(date(2025, 6, 6)) == []  # four working days: not yet
    (waiting,) = reminders_on(
        date(2025, 6, 10)
    )  # six working days (2 June 2025 was the Dragon Boat holiday)
    assert waiting.users == [reviewer] and waiting.units == [world.justice]
    assert "1份进展报告" in waiting.message.body
    waiting.send()
    again = reminders_on(date(2025, 6, 11))[0]
    assert again.pending() == []  # the same week: told already
    next_week = reminders_on(date(2025, 6, 10) + timedelta(days=7))[0]
    assert next_week.pending() != []


def _renumbered_item(world):
    """A 督办事项 (任务3: 州公安局 leads, 州教育局 carries) and a measure the office adds by
    hand before it, which makes the item 任务4 (plans/adhoc.py renumber)."""
    item = supervised_item(world, world.plan)
    assert item.number == 3
    editing.add_measure(
        world.plan,
        world.people["office"],
        "州委会议新增",
        text="健全公共法律服务评价机制。",
        lead_units=[world.justice],
    )
    item.refresh_from_db()
    assert item.number == 4
    return item


def test_a_renumbered_item_tells_its_units_with_a_link_to_the_measure(
    client, world, fake_robot, django_capture_on_commit_callbacks
):
    office = world.people["office"]
    actions.set_channels(world.organisation, office, wecom=True)
    actions.set_robot(world.police, office, "wecom", fake_robot.url + "/wecom?key=K", "", True)
    with django_capture_on_commit_callbacks(execute=True):
        item = _renumbered_item(world)
    assert set(
        Notification.objects.filter(event="adhoc_renumbered").values_list("key", flat=True)
    ) == {
        f"adhoc_renumbered:{item.pk}:1:4:{world.police.pk}",
        f"adhoc_renumbered:{item.pk}:1:4:{world.education.pk}",
    }
    # the lead unit's group chat (sent once the change committed)
    posted = [r.body["markdown"]["content"] for r in fake_robot.received]
    assert any("督办事项编号调整：原任务3现为任务4" in text for text in posted), posted

    message = next(
        d for d in _inbox(world.people["liaison"]) if d.notification.event == "adhoc_renumbered"
    )
    assert "（原任务3）现为任务4，报送进展时请按新编号" in message.notification.body
    client.force_login(world.people["liaison"])
    listed = client.get(reverse("notifications:messages")).content.decode()
    assert "督办事项编号调整" in listed
    opened = client.get(reverse("notifications:message_open", kwargs={"delivery_id": message.pk}))
    page = client.get(opened.headers["Location"]).content.decode()
    assert "<title>任务4" in page


def test_a_renumbering_rolled_back_tells_nobody(world, fake_robot):
    office = world.people["office"]
    actions.set_channels(world.organisation, office, wecom=True)
    actions.set_robot(world.police, office, "wecom", fake_robot.url + "/wecom?key=K", "", True)
    with pytest.raises(RuntimeError), transaction.atomic():
        _renumbered_item(world)
        raise RuntimeError("the page failed after the write")
    assert not Notification.objects.exists()
    assert fake_robot.received == []
