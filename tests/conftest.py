"""Shared fixtures: where the test data lives, and builders of plan files in every format."""

from __future__ import annotations

import html
import io
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from hypothesis import settings

from taizhang.freshness.kept import forget_local

# Property tests draw the same examples on every run, so that a run passes or fails by the
# code, not by chance; HYPOTHESIS_PROFILE=explore draws fresh ones (and keeps what fails).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = REPO / ".." / "shared"
DEMO = REPO / "demo"
FIXTURE_PLANS = sorted(path.name for path in FIXTURES.glob("*.txt"))

# Page furniture that an HTML copy of a plan carries; none of it may reach the text.
HTML_NOISE = (
    "网站首页",
    "当前位置",
    "分享到",
    "扫一扫在手机打开当前页面",
    "打印本页",
    "关闭窗口",
    "版权所有",
    "网站标识码",
    "var tracker",
    "color: red",
)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data beside the repository (seeds, gold, corpus); skip when absent."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED.resolve()}")
    return SHARED.resolve()


@pytest.fixture
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")

    return read


def html_page(text: str, title: str = "政策文件") -> bytes:
    """A government-style web page around ``text``, full of navigation and footer noise."""
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>.red {{ color: red; }}</style><script>var tracker = 1;</script></head>
<body>
<div class="header"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a></div>
<ul class="main-nav"><li>网站首页</li><li>政务公开</li><li>互动交流</li></ul>
<div class="breadcrumb">当前位置：网站首页 &gt; 政务公开 &gt; 政策文件</div>
<table class="xxgk-info"><tr><td>索引号</td><td>11520000/2024-00012</td></tr>
<tr><td>成文日期</td><td>2024-03-15</td><td>发布机构</td><td>区政府办公室</td></tr></table>
<div class="article-content" id="zoom">
{paragraphs}
<div class="bdshare-box">分享到：微信 微博 QQ空间</div>
<p>扫一扫在手机打开当前页面</p>
<p>【打印本页】 【关闭窗口】</p>
</div>
<div class="related-links"><a href="/1">网站首页相关文件</a></div>
<div id="footer">版权所有：某县人民政府办公室 网站标识码：5200000001</div>
</body></html>"""
    return page.encode("utf-8")


def docx_bytes(text: str, table_rows: list[list[str]] | None = None) -> bytes:
    """A .docx with one paragraph per line, and optionally a table after the first line."""
    from docx import Document

    document = Document()
    lines = text.split("\n")
    for index, line in enumerate(lines):
        document.add_paragraph(line)
        if index == 0 and table_rows:
            table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            for row, values in zip(table.rows, table_rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str, page_numbers: bool = True) -> bytes:
    """A text PDF (built-in CID font STSong-Light), wrapped to A4 width, numbered — 1 —."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("plan", fontName="STSong-Light", fontSize=12, leading=18)
    style.wordWrap = "CJK"
    story = [Paragraph(html.escape(line), style) for line in text.split("\n") if line.strip()]

    def number(canvas, document):
        if page_numbers:
            canvas.setFont("STSong-Light", 10)
            canvas.drawCentredString(A4[0] / 2, 30, f"— {document.page} —")

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story, onFirstPage=number, onLaterPages=number)
    return buffer.getvalue()


def blank_pdf_bytes() -> bytes:
    """A PDF with a drawn rectangle and no text layer, like a scan."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.rect(100, 100, 300, 400, fill=1)
    page.showPage()
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="session")
def build() -> SimpleNamespace:
    """Builders of plan files: html_page, docx_bytes, pdf_bytes, blank_pdf_bytes."""
    return SimpleNamespace(
        html_page=html_page,
        docx_bytes=docx_bytes,
        pdf_bytes=pdf_bytes,
        blank_pdf_bytes=blank_pdf_bytes,
    )


# -- the web platform ------------------------------------------------------------------


@pytest.fixture
def world(db):
    """A small organisation with one plan and a person of every role.

    Measure 1 is led by the 司法局 and carried by the 教育局; measure 2 only by the
    公安局. A second organisation exists to prove nobody sees across the boundary."""
    from taizhang.accounts.models import Role
    from taizhang.plans.models import Assignment
    from tests import factories as f

    organisation = f.OrganisationFactory(name="测试州")
    home = f.RegionFactory(organisation=organisation, name="测试州")
    county = f.CountyFactory(organisation=organisation, name="甲县")
    plan = f.PlanFactory(organisation=organisation, region=home)
    justice = f.UnitFactory(organisation=organisation, region=home, name="州司法局")
    education = f.UnitFactory(organisation=organisation, region=home, name="州教育局")
    police = f.UnitFactory(organisation=organisation, region=home, name="州公安局")
    county_government = f.UnitFactory(
        organisation=organisation, region=county, name="甲县人民政府", level="county"
    )
    first = f.MeasureFactory(plan=plan, number=1)
    second = f.MeasureFactory(plan=plan, number=2)
    f.AssignmentFactory(measure=first, unit=justice, role=Assignment.Role.LEAD)
    f.AssignmentFactory(measure=first, unit=education, role=Assignment.Role.RESPONSIBLE)
    f.AssignmentFactory(measure=first, unit=county_government, role=Assignment.Role.RESPONSIBLE)
    f.AssignmentFactory(measure=second, unit=police, role=Assignment.Role.LEAD)
    period = f.PeriodFactory(plan=plan)
    people = {
        "office": f.UserFactory(organisation=organisation, role=Role.OFFICE_ADMIN),
        "liaison": f.UserFactory(organisation=organisation, role=Role.LIAISON, unit=education),
        "reviewer": f.UserFactory(organisation=organisation, role=Role.REVIEWER, unit=justice),
        "county": f.UserFactory(organisation=organisation, role=Role.COUNTY_OFFICE, region=county),
        "leader": f.UserFactory(organisation=organisation, role=Role.LEADER),
        "sysadmin": f.UserFactory(organisation=None, role=Role.SYSTEM_ADMIN, is_staff=True),
    }
    other = f.OrganisationFactory(name="另一市")
    other_plan = f.PlanFactory(organisation=other)
    people["outsider"] = f.UserFactory(organisation=other, role=Role.OFFICE_ADMIN)
    return SimpleNamespace(
        organisation=organisation,
        home=home,
        county=county,
        plan=plan,
        first=first,
        second=second,
        justice=justice,
        education=education,
        police=police,
        county_government=county_government,
        period=period,
        people=people,
        other=other,
        other_plan=other_plan,
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that create people use a fast hasher instead.
    (tests/accounts checks that the real setting is Argon2.)"""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_in_process(settings):
    """Background tasks run at once, in the test's own process and transaction (the
    database backend and its worker are tested once, in tests/jobs)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    # Uploads are parsed in the request unless a test is about parsing in the background
    # (tests/jobs): the import tests read the upload page's answer.
    settings.TAIZHANG_BACKGROUND_PARSE = {"INLINE_MAX_BYTES": 50 * 1024 * 1024, "PDF": False}


@pytest.fixture(autouse=True)
def _pages_drawn_afresh(request):
    """Kept pages (taizhang.freshness) are keyed on the organisation's latest audit entry.
    Factories write rows without one, and a rolled-back test's ids come back in the next
    test: each test starts with nothing kept in this process, nor (where rows are really
    committed: the live server) in the shared cache table."""
    forget_local()
    yield
    forget_local()
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        cache.clear()


@pytest.fixture
def zip_opens(monkeypatch) -> list:
    """Every reading of an in-memory ZIP's central directory from here on, ours and the
    libraries': each zipfile.ZipFile opened to read a stream and each zipfile.is_zipfile
    asked of one, one item each (the stream). Files on disk (Python's own zip of the
    standard library, a template) are not counted. Clear it after building the files."""
    import zipfile

    opened: list = []
    open_zip = zipfile.ZipFile.__init__
    is_zip = zipfile.is_zipfile

    def counted_open(self, file, mode="r", *args, **kwargs):
        if mode == "r" and not isinstance(file, str | os.PathLike):
            opened.append(file)
        open_zip(self, file, mode, *args, **kwargs)

    def counted_is_zip(file):
        if not isinstance(file, str | os.PathLike):
            opened.append(file)
        return is_zip(file)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", counted_open)
    monkeypatch.setattr(zipfile, "is_zipfile", counted_is_zip)
    return opened


@pytest.fixture
def pages_not_kept(settings):
    """Every request computes its page afresh: for tests of what computing a page costs."""
    settings.TAIZHANG_KEEP_PAGES = False


# -- the PostgreSQL pass -----------------------------------------------------------------

# The fixtures through which a test reaches the suite's database (pytest-django refuses
# database access to a test that has none of them).
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "django_db_setup",
    "live_server",
}


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "database_url: the test reads DATABASE_URL itself (a subprocess, a second database) "
        "and so depends on the database of the pass without Django's test database",
    )


def pytest_collection_modifyitems(config, items):
    """CI runs the suite twice, on SQLite and then on PostgreSQL (make test). A test that
    never reaches the database (the pure core's 1,300, the sites the backup and serving
    tests run on SQLite in subprocesses) runs the same in both: the PostgreSQL pass leaves
    it to the SQLite pass. TAIZHANG_TEST_ALL=1 keeps every test."""
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if not postgres or os.environ.get("TAIZHANG_TEST_ALL"):
        return
    kept, left = [], []
    for item in items:
        reaches = (
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
            or item.get_closest_marker("django_db")
            or item.get_closest_marker("database_url")
        )
        (kept if reaches else left).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept
