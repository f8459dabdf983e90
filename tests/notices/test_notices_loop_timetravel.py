"""A notice's closed loop with the clock moved across the 2025 May Day holiday (1-5 May):

- 30 April, the office urges 州教育局 (its first-quarter report, due 10 April, is missing)
  and 州公安局 (the same, on measure 2);
- nothing is pressed during the holiday, however often the scheduler scans;
- 7 May, two working days on, both units are reminded to sign (once);
- 8 May, 州教育局 signs; 9 May, four working days on, the office hears that 州公安局
  still has not signed — and nothing about 州教育局;
- 12 May 州教育局 answers, 13 May the office sends the answer back, the unit answers
  again and the office closes it: the board shows 已办结 and the unit's to-do is clear."""

from __future__ import annotations

from datetime import date, datetime, time
from io import StringIO

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.notices.models import UrgeNotice
from taizhang.notifications.models import Channel, Delivery, Notification
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def moment(day: date, hour=9):
    return timezone.make_aware(datetime.combine(day, time(hour)))


def scan(day: date) -> None:
    with time_machine.travel(moment(day), tick=False):
        call_command("send_reminders", stdout=StringIO())


def unsigned_keys() -> set[str]:
    return set(Notification.objects.filter(event="notice_unsigned").values_list("key", flat=True))


def told(user, event) -> int:
    return Delivery.objects.filter(
        recipient=user, channel=Channel.IN_APP, notification__event=event
    ).count()


def issue(client, world, unit) -> UrgeNotice:
    create = reverse("notices:create", kwargs={"plan_id": world.plan.pk, "unit_id": unit.pk})
    draft = client.get(create).context["draft"]
    response = client.post(
        create,
        {
            "level": draft.level,
            "title": draft.title,
            "body": draft.body,
            "items": [i["key"] for i in draft.items],
        },
    )
    assert response.status_code == 302
    return UrgeNotice.objects.get(unit=unit)


def test_a_notice_is_issued_signed_answered_sent_back_and_closed(client, world):
    office, liaison = world.people["office"], world.people["liaison"]
    f.UserFactory(organisation=world.organisation, role=Role.LIAISON, unit=world.police)
    client.force_login(office)
    with time_machine.travel(moment(date(2025, 4, 30), 10), tick=False):
        ours = issue(client, world, world.education)
        theirs = issue(client, world, world.police)
    assert told(liaison, "notice_issued") == 1

    for day in (date(2025, 4, 30), *(date(2025, 5, d) for d in range(1, 7))):
        scan(day)
    assert unsigned_keys() == set()  # the holiday, and one working day, press nobody

    scan(date(2025, 5, 7))
    scan(date(2025, 5, 7))
    assert unsigned_keys() == {
        f"notice_unsigned:{ours.pk}:unit",
        f"notice_unsigned:{theirs.pk}:unit",
    }
    assert told(liaison, "notice_unsigned") == 1

    client.force_login(liaison)
    detail = reverse("notices:detail", kwargs={"notice_id": ours.pk})
    with time_machine.travel(moment(date(2025, 5, 8), 15), tick=False):
        assert ours in client.get(reverse("workspace:todo")).context["todo"].notices
        client.post(reverse("notices:sign", kwargs={"notice_id": ours.pk}))
    ours.refresh_from_db()
    assert ours.state == "signed"
    assert timezone.localtime(ours.signed_at).date() == date(2025, 5, 8)

    scan(date(2025, 5, 8))
    scan(date(2025, 5, 9))
    assert f"notice_unsigned:{theirs.pk}:office" in unsigned_keys()
    assert f"notice_unsigned:{ours.pk}:office" not in unsigned_keys()
    assert told(office, "notice_unsigned") == 1

    with time_machine.travel(moment(date(2025, 5, 12), 10), tick=False):
        client.post(
            reverse("notices:answer", kwargs={"notice_id": ours.pk}),
            {
                "text": "已于5月9日补报第一季度进展报告。",
                "file": SimpleUploadedFile("补报.pdf", PDF),
            },
        )
    assert told(office, "notice_answered") == 1

    client.force_login(office)
    with time_machine.travel(moment(date(2025, 5, 13), 10), tick=False):
        assert client.get(reverse("workspace:todo")).context["todo"].notices_to_settle == [ours]
        client.post(
            reverse("notices:send_back", kwargs={"notice_id": ours.pk}),
            {"comment": "请附报送系统截图。"},
        )
    assert told(liaison, "notice_returned") == 1

    client.force_login(liaison)
    with time_machine.travel(moment(date(2025, 5, 13), 15), tick=False):
        assert "请附报送系统截图。" in client.get(detail).content.decode()
        client.post(
            reverse("notices:answer", kwargs={"notice_id": ours.pk}),
            {"text": "已补充截图。", "file": SimpleUploadedFile("截图.pdf", PDF)},
        )

    client.force_login(office)
    with time_machine.travel(moment(date(2025, 5, 14), 10), tick=False):
        client.post(reverse("notices:close", kwargs={"notice_id": ours.pk}), {"comment": ""})
        board = client.get(
            reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + "?view=list"
        )
    ours.refresh_from_db()
    assert ours.state == "closed"
    assert told(liaison, "notice_closed") == 1
    shown = {(i.unit_id, i.follow_up.label) for i in board.context["page"].items if i.follow_up}
    assert (world.education.pk, "已办结") in shown and (world.police.pk, "未签收") in shown

    client.force_login(liaison)
    assert client.get(reverse("workspace:todo")).context["todo"].notices == []
    scan(date(2025, 5, 15))
    assert f"notice_unsigned:{ours.pk}:office" not in unsigned_keys()
