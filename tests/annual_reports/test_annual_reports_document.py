"""The annual report's .docx, read back with python-docx and compared with the database;
then LibreOffice turns it into a PDF whose first page is rendered for people to look at
(docs/screenshots/annual-report-page1.png)."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter

import pytest
from django.urls import reverse
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from taizhang.annual_reports import document as annual_document
from taizhang.annual_reports import draft as annual_draft
from taizhang.annual_reports import services as annual_reports
from taizhang.documents import pdf
from taizhang.plans.models import Chapter, Target
from taizhang.reporting.models import ProgressReport
from taizhang.supervision.progress import progress_of_targets
from tests.annual_reports.conftest import TODAY, YEAR
from tests.documents.pages import save_page_one

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world, work):
    return annual_reports.create(
        world.people["office"], world.plan, "government", YEAR, region=world.home, today=TODAY
    )[0]


@pytest.fixture
def document(report):
    return Document(io.BytesIO(annual_document.render(report, TODAY)))


def table_with_header(document, header):
    for table in document.tables:
        if [cell.text for cell in table.rows[0].cells] == list(header):
            return [[cell.text for cell in row.cells] for row in table.rows[1:]]
    raise AssertionError(f"no table headed {header}")


def status_in_db(measure) -> str:
    """The lead unit's latest accepted report; 推进中 on anyone's; 未启动 on nobody's (the
    deadlines of the test plan are all in the future)."""
    accepted = ProgressReport.objects.filter(
        assignment__measure=measure, state="accepted"
    ).order_by("-period__ends_on", "-pk")
    lead = accepted.filter(assignment__role="lead").first()
    if lead is not None:
        return lead.status
    return "in_progress" if accepted.exists() else "not_started"


def test_chapter_table_counts_match_the_database(world, document):
    rows = table_with_header(document, annual_draft.CHAPTER_HEADER)
    expected = []
    for index, chapter in enumerate(Chapter.objects.filter(plan=world.plan), start=1):
        counts = Counter(status_in_db(m) for m in chapter.measures.filter(withdrawn=False))
        expected.append(
            [
                str(index),
                str(chapter),  # the dashboard's label (plans.grouping.in_order)
                str(sum(counts.values())),
                *(str(counts[s]) for s in ("done", "in_progress", "lagging", "not_started")),
                f"{round(100 * counts['done'] / sum(counts.values()), 1):g}%",
            ]
        )
    assert rows == expected
    assert rows[1][2:] == ["2", "0", "0", "1", "1", "0%"]  # measure 2 lagging, 3 not started


def test_targets_table_lists_every_target_of_the_plan_with_its_status(world, document):
    rows = table_with_header(document, annual_draft.TARGET_HEADER)
    targets = list(Target.objects.filter(plan=world.plan).order_by("measure__position", "pk"))
    progress = progress_of_targets(targets, annual_draft.data.as_of(YEAR, TODAY))
    assert [row[1] for row in rows] == [t.quote for t in targets]
    assert [row[4] for row in rows] == [progress[t.pk].label for t in targets]
    assert [row[4] for row in rows] == ["已达标", "存在风险"]


def test_overview_table_agrees_with_the_text(document):
    rows = dict(table_with_header(document, ("项目", "数据")))
    assert (rows["任务总数（项）"], rows["已完成（项）"], rows["未启动（项）"]) == ("3", "1", "1")
    assert (rows["完成率"], rows["按时报送率"]) == ("33.3%", "0%")


def test_headings_are_numbered_and_set_in_heiti(document):
    headings = [p for p in document.paragraphs if p.text in ("一、总体情况", "四、典型做法")]
    assert len(headings) == 2
    fonts = {h.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for h in headings}
    assert fonts == {"黑体"}


def test_letterhead_addressee_and_signature(report, document):
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[0] == "测试州人民政府文件"
    assert texts[1] == report.number
    assert "州委、州人大常委会：" in texts
    assert texts[-2:] == ["测试州人民政府", "2026年2月20日"]
    signature = next(p for p in document.paragraphs if p.text == "测试州人民政府")
    assert signature.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_title_breaks_before_guanyu(document):
    title = next(p for p in document.paragraphs if "关于2025年度" in p.text)
    assert title._p.xml.count("<w:br/>") == 1
    assert title.text == "测试州人民政府\n关于2025年度法治社会建设情况的报告"


def test_edited_text_is_what_the_document_says(world, report):
    texts = {s["key"]: s["text"] for s in report.sections}
    texts["problems"] = "（一）基层基础\n部分乡镇法治宣传阵地利用率不高。"
    edited = annual_reports.save(report, world.people["office"], {}, texts, report.version)
    document = Document(io.BytesIO(annual_document.render(edited, TODAY)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "部分乡镇法治宣传阵地利用率不高。" in paragraphs
    subheading = next(p for p in document.paragraphs if p.text == "（一）基层基础")
    assert subheading.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == (
        "楷体_GB2312"
    )


def test_county_report_carries_a_copy_to_line(world, work):
    report, _ = annual_reports.create(
        world.people["county"], world.plan, "county_up", YEAR, region=world.county, today=TODAY
    )
    document = Document(io.BytesIO(annual_document.render(report, TODAY)))
    assert [p.text for p in document.paragraphs if p.text.strip()][-1] == "抄送：州委依法治州办。"


@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; `make test` installs libreoffice-writer-nogui",
)
def test_libreoffice_converts_it_and_page_one_is_rendered(report, tmp_path):
    content = pdf.to_pdf(annual_document.render(report, TODAY))
    assert content.startswith(b"%PDF")
    save_page_one(content, tmp_path, "annual-report-page1")
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(tmp_path / "annual-report-page1.pdf"), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "测试州人民政府文件" in text and "—1—" in text.replace(" ", "")


def test_chapter_table_lists_the_offices_items_after_the_chapters(client, world, work):
    # plans.grouping.in_order: the 督办事项 in a group of their own, then 未分章节 (once
    # 其他任务), labelled as on the dashboard; the page's table of the section and the
    # .docx's say the same.
    from taizhang.plans.models import Assignment
    from tests import factories as f

    item = f.supervised_item(world, world.plan)
    loose = f.MeasureFactory(plan=world.plan, number=9, chapter=None)
    f.AssignmentFactory(measure=loose, unit=world.justice, role=Assignment.Role.LEAD)
    report = annual_reports.create(
        world.people["office"], world.plan, "government", YEAR, region=world.home, today=TODAY
    )[0]
    rows = table_with_header(
        Document(io.BytesIO(annual_document.render(report, TODAY))), annual_draft.CHAPTER_HEADER
    )
    assert [row[1:3] for row in rows] == [
        ["一、增强全社会法治观念", "1"],
        ["二、推进社会治理法治化", "2"],
        ["督办事项", "1"],
        ["未分章节", "1"],
    ]
    assert item.chapter_id is None and item.source is not None
    client.force_login(world.people["office"])
    page = client.get(
        reverse("annual_reports:edit", kwargs={"annual_report_id": report.pk})
    ).content.decode()
    cells = "".join(f"<td>{cell}</td>" for cell in rows[2][1:3])
    assert cells in page.replace('<td class="c">', "<td>")


def test_a_units_report_counts_its_offices_items_as_their_group(world, work):
    from taizhang.annual_reports import data as annual_data
    from tests import factories as f

    f.supervised_item(world, world.plan)
    scope = annual_data.Scope(world.plan, YEAR, world.home, unit=world.police)
    figures = annual_data.gather(scope, TODAY)
    assert [(c.title, c.total) for c in figures.chapters] == [
        ("推进社会治理法治化", 1),
        ("督办事项", 1),
    ]
