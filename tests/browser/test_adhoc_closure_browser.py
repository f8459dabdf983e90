"""The office files a leader's instruction as a 督办事项 from the plan's ledger, and later
closes it on the lead unit's application (办结申请 → 销号), in a real Chromium.
Writes docs/screenshots/adhoc-new.png and measure-closure.png."""

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_instruction_is_filed_as_a_measure_and_closed_on_application(new_page, world, tmp_path):
    office = new_page()
    log_in(office, world.people["office"], PASSWORD)
    office.goto(f"/plans/{world.plan.pk}/")
    click_and_wait(office, office.get_by_role("link", name="新增督办事项"))
    office.get_by_label("领导批示").check()
    office.fill("#id_title", "州委主要领导批示件（州委办批〔2026〕15号）")
    office.fill("#id_issued_on", "2026-11-03")
    office.fill("#id_text", "开展校园周边治安秩序专项整治，年底前完成并形成长效机制。")
    office.select_option("#id_lead", label="州司法局")
    office.select_option("#id_responsible", label=["州教育局", "州公安局"])
    office.fill("#id_deadline", "2026-12-31")
    screenshot(office, "adhoc-new")
    click_and_wait(office, office.get_by_role("button", name="列入台账并交办"))
    assert "已新增督办事项" in office.inner_text(".messages")
    assert "州委办批〔2026〕15号" in office.inner_text("dl.facts")
    measure_url = office.url

    lead = new_page()
    log_in(lead, world.people["reviewer"], PASSWORD)  # 州司法局 leads it
    lead.goto(measure_url)
    click_and_wait(lead, lead.get_by_role("link", name="办结申请与销号"))
    evidence = tmp_path / "专项整治总结.pdf"
    evidence.write_bytes(PDF)
    lead.fill("#id_summary", "已开展专项整治3轮，查处问题12个，建立校园周边联防联控机制。")
    lead.set_input_files("#id_file", str(evidence))
    click_and_wait(lead, lead.get_by_role("button", name="提交办结申请"))
    assert "等待依法治理办销号" in lead.inner_text(".messages")

    office.goto("/")
    closures = office.locator("#closures-title").locator("xpath=..")
    click_and_wait(office, closures.get_by_role("link", name="销号或退回"))
    assert office.get_by_role("link", name="专项整治总结.pdf").is_visible()
    office.fill("#id_comment", "整治成效明显，同意销号。")
    click_and_wait(office, office.get_by_role("button", name="销号", exact=True))
    assert "已销号" in office.inner_text("h1")
    screenshot(office, "measure-closure")
