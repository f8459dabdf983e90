"""Importing a plan through the pages: upload, check the preview, confirm, see the ledger;
correct the parse in the preview (split a measure the file ran together, fix a misprinted
unit); a hostile file is refused with the parser's Chinese message."""

import re
from pathlib import Path

import pytest

from taizhang.parsing.errors import refusal_message
from taizhang.plans.importing import NOTHING_TO_CONFIRM
from tests.browser.conftest import DEMO, click_and_wait, log_in, screenshot
from tests.factories import PASSWORD
from tests.parsing import hostile
from tests.parsing.workbooks import ROWS, task_table

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
    assert "仅支持 .txt、.html、.docx、.xlsx、.pdf 格式的方案文件。" in page.inner_text("main")


# Measure 1 runs two measures together: the second starts at 推进法治乡村建设, and the
# units printed after both belong to it; 市公女局 is a misprint of 市公安局.
MERGED_PLAN = """银川市法治乡村建设工作方案

一、主要任务
1.开展宪法宣传周活动，每年至少开展2次宪法宣传活动。推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。（牵头单位：市民政局；责任单位：市农业农村局、市公女局）
2.完善公共法律服务体系，2024年底前建成服务平台。（牵头单位：市司法局；责任单位：市财政局）
3.加强人民调解工作，2025年底前实现调解组织全覆盖。（牵头单位：市司法局）
"""
SECOND = "推进法治乡村建设"


def upload(page, name, data, region="银川市"):
    page.goto("/plans/import/")
    page.set_input_files("#id_file", {"name": name, "mimeType": "text/plain", "buffer": data})
    page.select_option("#id_region", label=region)
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))


def correct(page, number):
    click_and_wait(page, page.get_by_role("link", name=f"更正第{number}项"))
    assert page.inner_text("h1").startswith(f"更正第{number}项任务")


def preview_row(page, number):
    """The preview's row of the measure in position ``number``."""
    return page.locator(f"#m-{number - 1}")


def test_the_office_splits_a_merged_measure_fixes_a_unit_and_confirms(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "法治乡村建设工作方案.txt", MERGED_PLAN.encode("utf-8"))
    assert page.inner_text("h1").startswith("导入预览：")
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "3"

    # split measure 1 where the second measure begins
    correct(page, 1)
    page.locator(".split-points label", has_text=SECOND).click()
    screenshot(page, "import-correct-measure")
    click_and_wait(page, page.get_by_role("button", name="拆分为两项"))
    assert "已更正" in page.inner_text(".messages")
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "4"
    first, second = preview_row(page, 1), preview_row(page, 2)
    assert "未标注牵头/责任单位" in first.inner_text()  # what the office checks next
    assert second.inner_text().count(SECOND) == 1

    # the first part's units, and the misprinted unit of the second
    correct(page, 1)
    page.fill("#id_lead", "市司法局")
    click_and_wait(page, page.get_by_role("button", name="保存分工"))
    assert "未标注牵头/责任单位" not in preview_row(page, 1).inner_text()
    correct(page, 2)
    assert page.input_value("#id_responsible") == "市农业农村局、市公女局"
    page.fill("#id_responsible", "市农业农村局、市公安局")
    click_and_wait(page, page.get_by_role("button", name="保存分工"))

    corrections = page.locator("ol.corrections li")
    assert corrections.count() == 3
    assert "责任单位改为：市农业农村局、市公安局" in corrections.nth(2).inner_text()
    # labelled by the measure's text: it was the first measure's second half, now the second
    assert corrections.nth(2).inner_text().startswith(f"任务“{SECOND}")
    assert "市公女局" not in page.inner_text("#ledger")
    page.locator("#corrections").scroll_into_view_if_needed()
    screenshot(page, "import-preview-corrected", full_page=False)

    # Enter in the line number asks to make that line a measure; it does not confirm
    page.fill("#make-line", "2")
    with page.expect_navigation():
        page.press("#make-line", "Enter")
    assert "原文第2行是空行" in page.inner_text(".messages")
    assert page.inner_text("h1").startswith("导入预览：")

    # the text by line, as the diagnostics cite it: both parts of the split start on line 4
    click_and_wait(page, page.get_by_role("link", name="查看原文（带行号）"))
    line = page.locator("#l-4")
    assert "第1项" in line.inner_text() and "开展宪法宣传周活动" in line.inner_text()
    assert page.get_by_role("button", name="将第1行设为任务").count() == 1
    screenshot(page, "import-source", full_page=False)
    click_and_wait(page, page.get_by_role("link", name="返回预览"))

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "共 4 项任务" in page.inner_text(".messages")
    assert page.inner_text("h1").endswith("任务台账")
    rows = page.locator("table.ledger tbody tr:not(.group)")
    assert rows.count() == 4
    assert SECOND in rows.nth(1).inner_text() and "市公安局" in rows.nth(1).inner_text()
    assert SECOND not in rows.nth(0).inner_text() and "市司法局" in rows.nth(0).inner_text()
    assert "市公女局" not in page.inner_text("main")
    screenshot(page, "import-corrected-ledger", full_page=False)


def test_a_zip_bomb_is_refused_with_the_chinese_message(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    page.goto("/plans/import/")
    page.set_input_files(
        "#id_file",
        {
            "name": "方案.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": hostile.zip_bomb_docx(256 << 20),
        },
    )
    page.select_option("#id_region", label="银川市")
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    assert refusal_message("package_too_large") in page.inner_text("main")


DOCUMENTS = Path(__file__).resolve().parents[1] / "parsing" / "documents"


def test_the_preview_says_which_measures_took_the_chapter_s_units(page, yinchuan_office):
    """A chapter's "以下任务由X牵头" gives its measures their units: the preview flags each
    such measure in Chinese, with the line of the chapter's sentence to check."""
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "人才工作要点.txt", (DOCUMENTS / "d53_rencai_chapterlead.txt").read_bytes())
    first = preview_row(page, 1)
    assert "沿用本章统一的分工" in first.inner_text()
    assert "第1项沿用原文第7行本章统一的分工" in first.inner_text()
    assert "市委人才办" in first.inner_text()
    # measure 6 prints its own units: it is not flagged
    assert "沿用本章统一的分工" not in preview_row(page, 6).inner_text()
    assert "chapter-attribution" not in page.inner_text("main")
    first.scroll_into_view_if_needed()
    screenshot(page, "import-preview-chapter-lead", full_page=False)

    click_and_wait(page, first.get_by_role("link", name=re.compile("原文第")))
    assert "以下任务由市委人才办牵头" in page.inner_text("main")


def test_scored_items_set_aside_reach_the_preview_where_a_line_can_be_made_a_measure(
    page, yinchuan_office
):
    """Numbered items that all carry scores are read as indicators, not measures. The
    office sees that in the preview (not a refusal it cannot act on), cannot confirm an
    import with no measure, and can make a line a measure after all."""
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "安全生产考核细则.txt", (DOCUMENTS / "d52_anquan_kaohe.txt").read_bytes())
    assert page.inner_text("h1").startswith("导入预览：")
    main = page.inner_text("main")
    assert "考核指标未作为任务" in main and "indicators-not-measures" not in main
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "0"
    screenshot(page, "import-preview-indicators", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert NOTHING_TO_CONFIRM in page.inner_text(".messages")

    page.fill("#make-line", "7")
    click_and_wait(page, page.get_by_role("button", name="设为任务"))
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "1"
    assert "成立由党政主要负责人任主任的安全生产委员会" in preview_row(page, 1).inner_text()


def test_the_office_imports_its_task_table_kept_in_excel(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    page.goto("/plans/import/")
    assert ".xlsx" in page.inner_text("main")
    page.set_input_files(
        "#id_file",
        {
            "name": "重点任务分工表.xlsx",
            "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "buffer": task_table(*ROWS),
        },
    )
    page.select_option("#id_region", label="银川市")
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    assert page.inner_text("h1") == "导入预览：某市2024年优化营商环境重点任务分工表"
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "3"
    first = preview_row(page, 1)
    assert "市政务服务局" in first.inner_text() and "2024年6月30日" in first.inner_text()
    first.scroll_into_view_if_needed()
    screenshot(page, "import-preview-xlsx", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "共 3 项任务" in page.inner_text(".messages")


def test_two_names_of_one_body_are_imported_as_one_unit(page, yinchuan_office):
    """The office picks, for 市发改委, the other new name 市发展和改革委员会 of the same
    upload: one unit is made and both measures are led by it."""
    plan = (
        "银川市平安建设工作方案\n\n一、主要任务\n"
        "1.健全社会治安防控体系。（牵头单位：市发改委）\n"
        "2.推进重大项目风险评估。（牵头单位：市发展和改革委员会）\n"
    )
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "平安建设工作方案.txt", plan.encode("utf-8"))
    row = page.locator("#names tbody tr").filter(
        has=page.locator("b", has_text=re.compile("^市发改委$"))
    )
    assert "可能与本次的“市发展和改革委员会”为同一单位" in row.inner_text()
    row.get_by_label("对应已有单位").check()
    row.get_by_label("市发改委 对应单位").select_option(label="市发展和改革委员会")
    row.scroll_into_view_if_needed()
    screenshot(page, "import-same-body", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "共 2 项任务" in page.inner_text(".messages")
    leads = page.locator("table.ledger tbody td", has_text="市发展和改革委员会")
    assert leads.count() == 2
    assert "市发改委" not in page.inner_text("table.ledger tbody")


def _docx_plan() -> bytes:
    """A .docx numbered through its two chapters; line 6 lost its number (a Word copy
    whose automatic numbering was not kept)."""
    import io

    import docx

    document = docx.Document()
    for paragraph in (
        "银川市2025年法治宣传教育工作要点",
        "一、深化宪法学习宣传",
        "1.组织开展宪法宣传周活动，每年至少开展2次集中宣传。（牵头单位：市司法局；责任单位：市教育局）",
        "2.推进宪法进机关、进学校。（牵头单位：市委宣传部；责任单位：市民政局）",
        "二、加强重点对象学法",
        "完善领导干部学法清单制度。",
        "3.落实国家工作人员旁听庭审制度，参加率达到95%以上。（牵头单位：市委组织部）",
    ):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_line_made_a_measure_stands_under_its_chapter_and_the_numbers_follow(
    page, yinchuan_office
):
    """Made a measure, line 6 went under chapter 一 as a second 第3项 (preview and ledger)."""
    log_in(page, yinchuan_office, PASSWORD)
    page.goto("/plans/import/")
    page.set_input_files(
        "#id_file",
        {
            "name": "工作要点.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": _docx_plan(),
        },
    )
    page.select_option("#id_region", label="银川市")
    click_and_wait(page, page.get_by_role("button", name="上传并预览"))
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "3"
    page.fill("#make-line", "6")
    click_and_wait(page, page.get_by_role("button", name="设为任务"))
    assert "已将该行设为任务" in page.inner_text(".messages")
    assert "编号重复" not in page.inner_text("#ledger")

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "共 4 项任务" in page.inner_text(".messages")
    rows = page.locator("table.ledger tbody tr")
    shown = [" ".join(rows.nth(i).inner_text().split()[:2]) for i in range(rows.count())]
    assert [row.split()[0] for row in shown] == [
        "一、深化宪法学习宣传",
        "1",
        "2",
        "二、加强重点对象学法",
        "3",
        "4",
    ]
    assert "完善领导干部学法清单制度" in shown[4] and "落实国家工作人员" in shown[5]


# 各区县人民政府 is a collective the city has not defined: the measure reaches nobody until
# the office sets its members, so the preview, the confirm and the to-do lead it there.
# 区司法局 is a new name of a district's bureau: drafted at the county level.
COLLECTIVE_PLAN = """银川市法治宣传工作方案

一、主要任务
1.开展宪法宣传周活动。（牵头单位：市司法局；责任单位：各区县人民政府）
2.加强人民调解工作。（牵头单位：区司法局）
"""


def test_a_collective_without_members_leads_the_office_to_set_them(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "方案.txt", COLLECTIVE_PLAN.encode())
    assert "各区县人民政府（1 项任务）：尚未设定成员" in page.inner_text("#collectives")
    # a new unit at the level its name says, which the office may still change
    level = page.locator('select[aria-label="区司法局 层级"] option:checked')
    assert level.inner_text() == "县(市、区)级"

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    told = page.inner_text(".messages")
    assert "1 项任务分配给尚未设定成员的统称：各区县人民政府（1 项）" in told
    click_and_wait(page, page.locator(".messages").get_by_role("link", name="各区县人民政府"))
    assert "各区县人民政府" in page.inner_text("h1")

    page.goto("/")
    todo = page.locator("section", has_text="尚未设定成员的集合单位")
    assert "1 项任务分配给尚未设定成员的集合单位" in todo.inner_text()
    click_and_wait(page, todo.get_by_role("link", name="设定成员单位"))
    assert "各区县人民政府" in page.inner_text("h1")


# The same plan pasted run in: no line breaks, every measure on line 1. Under 三、保障措施
# a sentence the parser took for no measure is one the office wants in the ledger.
RUN_IN_PLAN = (
    "银川市法治宣传工作方案一、主要任务1.开展宪法宣传周活动。（牵头单位：市司法局；"
    "责任单位：市教育局）2.加强人民调解工作。（牵头单位：市司法局）三、保障措施"
    "（一）加强组织领导。各级党委要把法治宣传纳入工作全局，每年听取一次工作汇报。"
    "（二）建立工作台账制度。"
)
RUN_IN_SENTENCE = "各级党委要把法治宣传纳入工作全局，每年听取一次工作汇报。"


def test_in_a_run_in_upload_the_office_makes_a_sentence_a_measure(page, yinchuan_office):
    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "粘贴的方案.txt", RUN_IN_PLAN.encode("utf-8"))
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "2"
    note = page.locator("#corrections p", has_text="原文页按句列出")
    click_and_wait(page, note.get_by_role("link", name="原文"))
    row = page.locator("tr", has_text=RUN_IN_SENTENCE)
    assert row.get_attribute("id").startswith("l-1-")
    screenshot(page, "import-source-run-in", full_page=False)
    click_and_wait(page, row.get_by_role("button", name="设为任务"))
    assert "已将该句设为任务" in page.inner_text(".messages")
    assert page.locator(".stat", has_text="项任务").locator("b").inner_text() == "3"
    assert RUN_IN_SENTENCE in page.inner_text("#ledger")

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "共 3 项任务" in page.inner_text(".messages")
    assert RUN_IN_SENTENCE in page.inner_text("table.ledger")
    screenshot(page, "import-run-in-ledger", full_page=False)


def test_a_county_plans_collective_of_other_counties_reaches_nobody_on_both_pages(
    page, yinchuan_office
):
    """各区县人民政府 is defined with 兴庆区's government only: in 永宁县's plan it means
    nobody, which the preview says as the confirm does."""
    from taizhang.units.models import Collective, Region
    from tests import factories as f

    city = yinchuan_office.organisation
    xingqing = Region.objects.get(organisation=city, name="兴庆区")
    government = f.UnitFactory(
        organisation=city, region=xingqing, name="兴庆区人民政府", level="county"
    )
    collective = Collective.objects.create(organisation=city, phrase="各区县人民政府")
    collective.members.set([government])

    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "永宁县方案.txt", COLLECTIVE_PLAN.encode(), region="永宁县")
    shown = page.inner_text("#collectives")
    assert "各区县人民政府（1 项任务）：尚未设定成员" in shown
    assert "已设定的 1 个成员单位都不属于永宁县" in shown
    page.locator("#collectives").scroll_into_view_if_needed()
    screenshot(page, "import-preview-county-collective", full_page=False)

    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "1 项任务分配给尚未设定成员的统称：各区县人民政府（1 项）" in page.inner_text(
        ".messages"
    )


def test_a_new_district_unit_is_put_in_the_district_the_office_chooses(page, yinchuan_office):
    """区司法局 names no district: the preview asks which, and the unit lands there."""
    from taizhang.units.models import Unit

    log_in(page, yinchuan_office, PASSWORD)
    upload(page, "方案.txt", COLLECTIVE_PLAN.encode())
    row = page.locator("#names tr", has_text="名称未写明")
    assert "名称未写明哪个县(市、区)" in row.inner_text()
    row.locator('select[aria-label="区司法局 所属地区"]').select_option(label="金凤区")
    row.scroll_into_view_if_needed()
    screenshot(page, "import-preview-choose-county", full_page=False)
    click_and_wait(page, page.get_by_role("button", name="确认导入").first)
    assert "已导入《" in page.inner_text(".messages")
    assert Unit.objects.get(name="区司法局").region.name == "金凤区"
