"""The reviewer's daily digest in the browser: 州司法局's reviewer finds
新报送待审核：今日收到2份进展报告 in the messages, and the message opens the to-do at the list of
reports waiting for that reviewer, both there; the preferences page names the digest."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from taizhang.plans.models import Assignment
from taizhang.reporting import services
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
WEDNESDAY = date(2025, 6, 11)


def _at(hour: int):
    return timezone.make_aware(datetime.combine(WEDNESDAY, time(hour)))


def test_the_reviewer_opens_the_digest_at_the_reports_waiting(page, world):
    filers = {
        world.education: world.people["liaison"],
        world.county_government: world.people["county"],
    }
    with time_machine.travel(_at(10), tick=False):
        for unit, user in filers.items():
            assignment = Assignment.objects.get(measure=world.first, unit=unit)
            data = {"status": "in_progress", "narrative": "已开展。"}
            services.file_report(assignment, world.period, user, data, 0, submit_after=True)
    with time_machine.travel(_at(17), tick=False):
        call_command("send_reminders", stdout=StringIO())

    log_in(page, world.people["reviewer"], PASSWORD)
    page.goto("/messages/")
    assert "新报送待审核：今日收到2份进展报告" in page.inner_text("main")
    screenshot(page, "messages-review-digest", full_page=False)
    click_and_wait(page, page.get_by_role("link", name=re.compile("新报送待审核")))
    assert page.url.endswith("/#review-title") or page.url.endswith("#review-title")
    waiting = page.locator("section[aria-labelledby=review-title]").inner_text()
    assert "州教育局" in waiting and "甲县人民政府" in waiting
    page.goto("/messages/preferences/")
    assert "有新报告待审核（每个工作日汇总一次）" in page.inner_text("main")
