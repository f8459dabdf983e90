"""The annual report's .docx, read back with python-docx and compared with the database;
then LibreOffice turns it into a PDF whose first page is rendered for people to look at
(docs/screenshots/annual-report-page1.png)."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
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

pytestmark = pytest.mark.django_db
SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


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
    """The lead unit's latest filed report, else anyone's; unreported without one."""
    filed = ProgressReport.objects.filter(
        assignment__measure=measure, state__in=("submitted", "accepted")
    ).order_by("-period__ends_on", "-pk")
    lead = filed.filter(assignment__role="lead").first()
    chosen = lead or filed.first()
    return chosen.status if chosen else "unreported"


def test_chapter_table_counts_match_the_database(world, document):
    rows = table_with_header(document, annual_draft.CHAPTER_HEADER)
    expected = []
    for index, chapter in enumerate(Chapter.objects.filter(plan=world.plan), start=1):
        counts = Counter(status_in_db(m) for m in chapter.measures.filter(withdrawn=False))
        expected.append(
            [
                str(index),
                chapter.title,
                str(sum(counts.values())),
                *(str(counts[s]) for s in ("done", "in_progress", "lagging", "not_started")),
                str(counts["unreported"]),
            ]
        )
    assert rows == expected
    assert rows[1][2:] == ["2", "0", "0", "1", "0", "1"]  # measure 2 lagging, 3 unreported


def test_targets_table_lists_every_target_of_the_plan_with_its_status(world, document):
    rows = table_with_header(document, annual_draft.TARGET_HEADER)
    targets = list(Target.objects.filter(plan=world.plan).order_by("measure__position", "pk"))
    progress = progress_of_targets(targets, annual_draft.data.as_of(YEAR, TODAY))
    assert [row[1] for row in rows] == [t.quote for t in targets]
    assert [row[4] for row in rows] == [progress[t.pk].label for t in targets]
    assert [row[4] for row in rows] == ["已达标", "存在风险"]


def test_overview_table_agrees_with_the_text(document):
    rows = dict(table_with_header(document, ("项目", "数据")))
    assert (rows["任务总数（项）"], rows["已完成（项）"], rows["未报送进展（项）"]) == (
        "3",
        "1",
        "1",
    )
    assert rows["按时报送率"] == "0.0%"


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
    source = tmp_path / "report.pdf"
    source.write_bytes(content)
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(source),
            str(tmp_path / "page1"),
        ],
        check=True,
        timeout=60,
    )
    page = tmp_path / "page1.png"
    assert page.stat().st_size > 10_000
    SCREENSHOT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page, SCREENSHOT / "annual-report-page1.png")
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(source), "-"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "测试州人民政府文件" in text and "—1—" in text.replace(" ", "")
