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


def test_a_measure_the_office_adds_comes_before_the_items(page, world):
    """Added on the page, the measure is numbered after the plan's last measure in force and
    the 督办事项 move on after it: the ledger reads 1–5, then the items 6 and 7, under a
    group row 督办事项 of their own (on paper too), which a tab of their own lists apart."""
    from taizhang.plans import importing

    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    plan = importing.confirm(staged, office, {})
    supervised_item(world, plan, responsible=[])
    supervised_item(world, plan, responsible=[], text="开展道路交通安全专项整治。")
    log_in(page, office, PASSWORD)
    page.goto(f"/plans/{plan.pk}/")
    click_and_wait(page, page.get_by_role("link", name="新增任务"))
    help_text = "不填则接续最后一项在用任务的序号、排在所选章节末尾，督办事项依次顺延"
    assert help_text in page.inner_text("main")
    page.select_option("#id_chapter", label="一、主要任务")
    page.fill("#id_text", "健全公共法律服务评价机制，每年开展一次满意度测评。")
    page.locator("#id_lead_units").get_by_label("州司法局", exact=True).check()
    page.fill("#id_reason", "州委全面依法治州委员会会议新增")
    click_and_wait(page, page.get_by_role("button", name="保存"))
    assert "已新增任务" in page.inner_text(".messages")
    page.goto(f"/plans/{plan.pk}/")
    numbers = page.locator("table.ledger tbody td.no").all_inner_texts()
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    rows = page.locator("table.ledger tbody tr", has=page.locator("td.no")).all_inner_texts()
    assert "健全公共法律服务评价机制" in rows[4] and "开展校园周边治安秩序" in rows[5]
    # the 督办事项 stand under a group row of their own after the last chapter, printed too
    body = page.locator("table.ledger tbody tr").all_inner_texts()
    assert (body[0].strip(), body[6].strip()) == ("一、主要任务", "督办事项（2项）")
    assert "开展校园周边治安秩序" in body[7]
    page.emulate_media(media="print")
    assert page.locator("table.ledger tr.group", has_text="督办事项（2项）").is_visible()
    page.emulate_media(media="screen")
    screenshot(page, "ledger-hand-added-measure")
    tabs = page.locator("nav.tabs")
    assert tabs.inner_text().split() == ["全部", "7", "一、主要任务", "5", "督办事项", "2"]
    click_and_wait(page, tabs.get_by_role("link", name="督办事项"))
    assert page.locator("table.ledger tbody td.no").all_inner_texts() == ["6", "7"]
    assert page.locator("table.ledger tr.group").all_inner_texts() == ["督办事项（2项）"]


def test_the_units_of_a_renumbered_item_read_its_new_number(page, world):
    """A measure added by hand moves the 督办事项 on (任务5→6): 州教育局, which carries it,
    finds 督办事项编号调整 in its messages, and the message opens the measure as 任务6."""
    from taizhang.plans import editing, importing

    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    plan = importing.confirm(staged, office, {})
    item = supervised_item(world, plan)
    editing.add_measure(
        plan, office, "州委会议新增", text="健全公共法律服务评价机制。", lead_units=[world.justice]
    )
    log_in(page, world.people["liaison"], PASSWORD)
    page.goto("/messages/")
    listed = page.inner_text("main")
    assert "督办事项编号调整：原任务5现为任务6" in listed and "督办事项交办" in listed
    screenshot(page, "messages-adhoc-renumbered", full_page=False)
    click_and_wait(page, page.get_by_role("link", name=re.compile("督办事项编号调整")))
    assert page.inner_text("h1").startswith("任务6")
    assert page.url.endswith(f"/{item.pk}/")
