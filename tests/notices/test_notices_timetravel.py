"""A year of supervision with the clock moved: the world's first-quarter report falls due
on 2025-04-10; 州教育局 does not file it; the office sends a reminder, a month later an
urge; then the report is filed, the unit owes nothing more, and measure 1's ladder shows
reminder -> urge."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from taizhang.notices import services as notices
from taizhang.plans.models import Assignment
from taizhang.reporting import services

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def owed(client, world):
    page = client.get(
        reverse(
            "notices:create",
            kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk},
        )
    )
    return page.context["draft"]


def confirm(client, world, draft):
    return client.post(
        reverse(
            "notices:create",
            kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk},
        ),
        {
            "action": "issue",
            "level": draft.level,
            "title": draft.title,
            "body": draft.body,
            "items": [i["key"] for i in draft.items],
        },
    )


def test_report_falls_due_gets_urged_and_is_filed(client, world):
    client.force_login(world.people["office"])

    with time_machine.travel(at(2025, 4, 8), tick=False):  # before the due date
        assert owed(client, world).items == []

    with time_machine.travel(at(2025, 4, 21), tick=False):  # 11 days late
        draft = owed(client, world)
        assert [(i["measure_number"], i["days_late"]) for i in draft.items] == [(1, 11)]
        assert draft.level == "reminder"
        assert confirm(client, world, draft).status_code == 302

    with time_machine.travel(at(2025, 5, 21), tick=False):  # still late a month later
        draft = owed(client, world)
        assert [i["days_late"] for i in draft.items] == [41]
        assert draft.level == "urge"
        assert confirm(client, world, draft).status_code == 302

    with time_machine.travel(at(2025, 5, 23), tick=False):  # the unit files at last
        assignment = Assignment.objects.get(measure=world.first, unit=world.education)
        services.file_report(
            assignment,
            world.period,
            world.people["liaison"],
            {"status": "in_progress", "narrative": "已开展宪法宣传活动12场。"},
            0,
            submit_after=True,
        )
        assert notices.owed_items(world.education, world.plan, datetime.date(2025, 5, 23)) == []
        ladder_page = client.get(reverse("notices:measure", kwargs={"measure_id": world.first.pk}))

    (ladder,) = ladder_page.context["ladders"]
    assert ladder.unit == world.education
    assert [(n.level, n.issued_on) for n in ladder.notices] == [
        ("reminder", datetime.date(2025, 4, 21)),
        ("urge", datetime.date(2025, 5, 21)),
    ]
    assert [n.number for n in ladder.notices] == [
        "依法治州办督〔2025〕1号",
        "依法治州办督〔2025〕2号",
    ]
