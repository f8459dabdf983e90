"""A new user's walk through the import of a revised document, on both demo organisations:
the office revises its plan once with corrections, then again with a few measures edited;
the corrections are offered again where the text is unchanged, and the numbers agree."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DEMO, click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def edited(text: str, number: int, addition: str) -> str:
    """The document with measure ``number``'s first sentence lengthened."""
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if re.match(rf"{number}[.．]", line))
    lines[at] = lines[at].replace("。", f"{addition}。", 1)
    return "\n".join(lines)


def upload_revision(page, plan, name: str, text: str) -> None:
    page.goto(f"/plans/import/revise/{plan.pk}/")
    data = {"name": name, "mimeType": "text/plain", "buffer": text.encode()}
    page.set_input_files("#id_file", data)
    click_and_wait(page, page.get_by_role("button", name=re.compile("上传")))


def stat(page, label: str) -> str:
    return page.locator(".stat", has_text=label).locator("b").inner_text()


@pytest.mark.parametrize(("who", "source"), [("qn_office", "qiannan"), ("yc_office", "yinchuan")])
def test_a_revised_document_after_a_corrected_import(page, demo, who, source):
    from taizhang.plans.models import Plan

    office = demo[who]
    plan = Plan.objects.get(organisation=office.organisation, region__level="prefecture")
    adhoc = plan.measures.filter(withdrawn=False).exclude(source=None).count()
    assert adhoc  # the demo office added 督办事项 to its plan
    text = next(DEMO.glob(f"{source}-*.txt")).read_text(encoding="utf-8")
    log_in(page, office, PASSWORD)

    first = edited(text, 3, "，切实抓好落实")
    upload_revision(page, plan, "修订一.txt", first)
    measures = stat(page, "项任务")
    assert (stat(page, "项修改"), stat(page, "项删除")) == ("1", "0")  # 督办事项 stay
    assert "修订版不再列出" not in page.inner_text("main")  # 各县 (市) is 各县(市)
    click_and_wait(page, page.get_by_role("link", name="更正第5项"))
    page.fill("#id_deadline", "2024年12月底前")
    click_and_wait(page, page.get_by_role("button", name="保存时限"))
    click_and_wait(page, page.get_by_role("button", name="确认修订").first)
    told = page.inner_text(".messages")
    assert f"共 {measures} 项任务；另有督办事项 {adhoc} 项，不受修订影响" in told
    assert f"共 {int(measures) + adhoc} 项任务" in page.inner_text(".subtitle")

    second = edited(edited(first, 7, "，并建立长效机制"), 9, "，每年至少开展1次专项检查")
    upload_revision(page, plan, "修订二.txt", second)
    offered = page.locator("section", has_text="上次导入时的更正")
    assert "完成时限改为：2024年12月底前" in offered.first.inner_text()
    click_and_wait(page, page.get_by_role("button", name="采用这些更正"))
    assert "已沿用上次导入时的 1 条更正" in page.inner_text(".messages")
    assert (stat(page, "项新增"), stat(page, "项修改"), stat(page, "项删除")) == ("0", "2", "0")
    screenshot(page, f"import-revision-adopted-{source}", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="确认修订").first)
    assert f"共 {measures} 项任务；另有督办事项 {adhoc} 项" in page.inner_text(".messages")
    assert plan.measures.filter(withdrawn=False).exclude(source=None).count() == adhoc
