"""Importing a plan through the pages: upload, check the preview, confirm, see the ledger."""

import pytest

from tests.browser.conftest import DEMO, click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PLAN_FILE = DEMO / "yinchuan-fazhi-shehui-2022-2025.txt"


@pytest.fixture
def yinchuan_office(db):
    """An organisation with its city, districts and counties, and its office: no plan yet."""
    from taizhang.accounts.models import Role
    from tests import factories as f

    city = f.OrganisationFactory(name="银川市", prefix="市", office_name="市委依法治市办")
    home = f.RegionFactory(organisation=city, name="银川市")
    for name in ("兴庆区", "金凤区", "西夏区", "永宁县", "贺兰县", "灵武市"):
        f.CountyFactory(organisation=city, name=name, parent=home)
    return f.UserFactory(
        organisation=city, role=Role.OFFICE_ADMIN, display_name="市依法治市办 赵静"
    )


def test_the_office_uploads_a_plan_checks_the_preview_and_confirms(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    click_and_wait(page, page.get_by_role("link", name="实施方案", exact=True))
    click_and_wait(page, page.get_by_role("link", name="导入方案"))
    page.set_input_files("#id_file", str(PLAN_FILE))
    page.select_option("#id_region", label="银川市")
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))

    assert "/plans/import/" in page.url
    heading = page.inner_text("h1")
    assert heading.startswith("导入预览：") and "法治社会" in heading
    measures = page.locator(".stat", has_text="项任务").locator("b").inner_text()
    assert int(measures) > 20
    assert page.locator("#names-title").is_visible()
    screenshot(page, "import-preview", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "已导入《" in page.inner_text(".messages")
    assert page.inner_text("h1").endswith("任务台账")
    assert f"共 {measures} 项任务" in page.inner_text(".subtitle")
    assert page.locator("table.ledger tbody td.no").count() == int(measures)


def test_a_file_that_is_not_a_plan_is_refused_with_a_message(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    page.goto("/plans/import/")
    page.set_input_files(
        "#id_file", {"name": "照片.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8\xff"}
    )
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    assert "仅支持 .txt、.html、.docx、.pdf 格式的方案文件。" in page.inner_text("main")
