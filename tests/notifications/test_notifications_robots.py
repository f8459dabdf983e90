"""Group robots: the documented JSON reaches a (fake, loopback) robot server, 钉钉's
signature is computed as its documentation says, a failing robot is retried with back-off
and then shown as failed in the office's log, where it can be resent."""

import base64
import hashlib
import hmac
import urllib.parse
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.notifications import actions, delivery
from taizhang.notifications.api import Message, notify
from taizhang.notifications.channels import robots
from taizhang.notifications.events import Event
from taizhang.notifications.models import Channel, Delivery, OrganisationChannels
from taizhang.notifications.tasks import requeue_due

pytestmark = pytest.mark.django_db

MESSAGE = Message(
    Event.REPORT_RETURNED, "report_returned:1", "报告被退回", "请修改后重新报送。", "/todo/"
)


def _robots_on(world, fake_robot, secret=""):
    office = world.people["office"]
    actions.set_channels(world.organisation, office, wecom=True, dingtalk=True)
    actions.set_robot(world.education, office, "wecom", fake_robot.url + "/wecom?key=K", "", True)
    actions.set_robot(
        world.education, office, "dingtalk", fake_robot.url + "/ding?access_token=T", secret, True
    )


def test_both_robots_get_their_documented_markdown(
    world, fake_robot, settings, django_capture_on_commit_callbacks
):
    settings.TAIZHANG_SITE_URL = "https://taizhang.example.cn"
    _robots_on(world, fake_robot)
    with django_capture_on_commit_callbacks(execute=True):
        notify(world.organisation, MESSAGE, units=[world.education])
    by_path = {r.path.split("?")[0]: r.body for r in fake_robot.received}
    assert by_path["/wecom"] == {
        "msgtype": "markdown",
        "markdown": {
            "content": "**报告被退回**\n\n请修改后重新报送。\n\n"
            "[在台账中查看](https://taizhang.example.cn/todo/)"
        },
    }
    assert by_path["/ding"]["msgtype"] == "markdown"
    assert by_path["/ding"]["markdown"]["title"] == "报告被退回"
    assert "请修改后重新报送。" in by_path["/ding"]["markdown"]["text"]
    assert set(Delivery.objects.values_list("status", flat=True)) == {Delivery.Status.SENT}


def test_dingtalk_signs_with_timestamp_and_hmac_sha256(
    world, fake_robot, django_capture_on_commit_callbacks
):
    secret = "SEC0123456789abcdef"
    _robots_on(world, fake_robot, secret=secret)
    with django_capture_on_commit_callbacks(execute=True):
        notify(world.organisation, MESSAGE, units=[world.education])
    ding = next(r for r in fake_robot.received if r.path.startswith("/ding"))
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(ding.path).query)
    timestamp = query["timestamp"][0]
    expected = base64.b64encode(
        hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
    ).decode()
    assert query["access_token"] == ["T"]
    assert query["sign"] == [expected]  # parse_qs undoes the urlencoding
    assert abs(int(timestamp) / 1000 - timezone.now().timestamp()) < 60


def test_a_failing_robot_is_retried_with_back_off_then_shown_failed(
    client, world, fake_robot, django_capture_on_commit_callbacks
):
    office = world.people["office"]
    actions.set_channels(world.organisation, office, wecom=True)
    actions.set_robot(world.education, office, "wecom", fake_robot.url + "/wecom", "", True)
    fake_robot.answers = [(500, {})] + [(200, {"errcode": 93000, "errmsg": "invalid webhook"})] * 9
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            notify(world.organisation, MESSAGE, units=[world.education])
        sent = Delivery.objects.get(channel=Channel.WECOM)
        assert (sent.status, sent.attempts) == (Delivery.Status.RETRYING, 1)
        assert "HTTP 500" in sent.last_error
        assert sent.next_attempt_at == start + timedelta(minutes=1)
        assert requeue_due() == []  # not yet due: nothing is sent early
        for minutes in delivery.BACKOFF_MINUTES:
            clock.shift(timedelta(minutes=minutes))
            assert requeue_due() == [sent.pk]
        sent.refresh_from_db()
    assert (sent.status, sent.attempts) == (Delivery.Status.FAILED, delivery.MAX_ATTEMPTS)
    assert "93000" in sent.last_error
    assert len(fake_robot.received) == delivery.MAX_ATTEMPTS
    client.force_login(office)
    log = client.get(reverse("notifications:log")).content.decode()
    assert "发送失败" in log and "93000" in log and "重新发送" in log
    fake_robot.answers = []
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("notifications:resend", kwargs={"delivery_id": sent.pk}))
    sent.refresh_from_db()
    assert sent.status == Delivery.Status.SENT


def test_webhooks_may_point_only_at_the_robot_platforms(world):
    office = world.people["office"]
    for url in (
        "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1",
        "https://127.0.0.1:8000/x",
        "https://qyapi.weixin.qq.com.evil.cn/x",
        "file:///etc/passwd",
    ):
        with pytest.raises(Exception, match="Webhook"):
            actions.set_robot(world.education, office, "wecom", url, "", True)
    assert robots.allowed("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=1")
    assert robots.allowed("dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=1")


def test_a_personal_event_never_goes_to_a_group(
    world, fake_robot, django_capture_on_commit_callbacks
):
    _robots_on(world, fake_robot)
    welcome = Message(Event.ACCOUNT_CREATED, "account_created:1", "您的账号已开通", "用户名：x")
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            world.organisation, welcome, users=[world.people["liaison"]], units=[world.education]
        )
    assert fake_robot.received == []
    assert not Delivery.objects.filter(channel__in=(Channel.WECOM, Channel.DINGTALK)).exists()


def test_channels_the_organisation_has_not_enabled_are_not_used(world, fake_robot):
    _robots_on(world, fake_robot)
    OrganisationChannels.objects.filter(organisation=world.organisation).update(dingtalk=False)
    notify(world.organisation, MESSAGE, units=[world.education])
    assert set(Delivery.objects.values_list("channel", flat=True)) == {Channel.WECOM}
