"""A revision whose document no longer has what earlier corrections were about: the preview
lists them under 不再适用 with why, beside the corrections offered again."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD
from tests.plans.test_dropped_corrections import FIRST, SECOND

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_preview_lists_what_no_longer_applies(page, world):
    from taizhang.plans import import_corrections, importing

    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", FIRST.encode())
    keys = {t["no"]: t["key"] for t in staged.document["tasks"]}
    for number in (3, 4):
        import_corrections.set_fields(staged, office, keys[number], {"deadline": "2024年底前"})
    import_corrections.correct(staged, office, {"action": "measure", "line": 7})
    plan = importing.confirm(staged, office, {})

    log_in(page, office, PASSWORD)
    page.goto(f"/plans/import/revise/{plan.pk}/")
    data = {"name": "v2.txt", "mimeType": "text/plain", "buffer": SECOND.encode()}
    page.set_input_files("#id_file", data)
    click_and_wait(page, page.get_by_role("button", name=re.compile("上传")))

    section = page.locator("#offered")
    assert "上次导入时的更正（1）" in section.inner_text()
    dropped = section.locator("ul.dropped li").all_inner_texts()
    assert len(dropped) == 2
    assert "完善公共法律服务体系" in dropped[0] and "该任务已删除" in dropped[0]
    assert "原文第7行设为任务" in dropped[1] and "原文已删除或改写该句" in dropped[1]
    page.locator("#dropped-title").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, 250)")
    screenshot(page, "import-dropped-corrections", full_page=False)
