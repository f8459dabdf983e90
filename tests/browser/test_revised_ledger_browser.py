"""After confirming a revision the office lands on the ledger as it now stands: the URL
without the preview's anchor, the subtitle naming the version in force with its own date,
and the office's 督办事项 numbered on after the revised plan's last measure."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from taizhang.documents.official import written_date
from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD, supervised_item
from tests.plans.test_adhoc_numbers import ADDED
from tests.plans.test_import_revisions import ORIGINAL

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_ledger_after_a_revision(page, world):
    from taizhang.plans import importing

    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    plan = importing.confirm(staged, office, {})
    supervised_item(world, plan, responsible=[])
    log_in(page, office, PASSWORD)
    page.goto(f"/plans/import/revise/{plan.pk}/")
    data = {"name": "v2.txt", "mimeType": "text/plain", "buffer": ADDED.encode()}
    page.set_input_files("#id_file", data)
    click_and_wait(page, page.get_by_role("button", name=re.compile("上传")))
    click_and_wait(page, page.get_by_role("link", name="更正第5项"))
    page.fill("#id_deadline", "2025年12月底前")
    click_and_wait(page, page.get_by_role("button", name="保存时限"))
    assert "#m-" in page.url  # the preview, at the corrected measure
    click_and_wait(page, page.get_by_role("button", name="确认修订").first)

    assert "#" not in page.url and page.inner_text("h1").endswith("任务台账")
    assert "编号接在方案任务之后（第7项）" in page.inner_text(".messages")
    today = written_date(timezone.localdate())
    assert re.search(rf"第2版，{today} \d\d:\d\d导入", page.inner_text(".subtitle"))
    numbers = page.locator("table.ledger tbody td.no").all_inner_texts()
    assert sorted(numbers, key=int) == ["1", "2", "3", "4", "5", "6", "7"]
    screenshot(page, "ledger-after-revision", full_page=False)
