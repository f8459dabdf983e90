"""A draft's PDF is made by the task worker: the person is sent to the job's page, which
offers the file once made, and is told in their messages; a conversion that fails ends the
job with the reason in Chinese, and they are told that too."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.documents import pdf
from taizhang.jobs.models import Job
from taizhang.notifications.models import Delivery
from tests.annual_reports.conftest import TODAY, YEAR

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


def draft(world):
    from taizhang.annual_reports import services

    office = world.people["office"]
    return services.create(office, world.plan, "government", YEAR, region=world.home, today=TODAY)[
        0
    ]


def ask_pdf(client, world, report, capture):
    client.force_login(world.people["office"])
    with capture(execute=True):
        return client.get(reverse("annual_reports:pdf", kwargs={"annual_report_id": report.pk}))


def told(user, job) -> Delivery | None:
    return Delivery.objects.filter(
        recipient=user, channel="in_app", notification__key=f"job_finished:{job.pk}"
    ).first()


def test_a_drafts_pdf_is_made_in_the_background_and_the_person_told(
    client, world, work, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(pdf, "to_pdf", lambda docx, name="report": PDF)
    report = draft(world)
    response = ask_pdf(client, world, report, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.ANNUAL_PDF)
    assert response.headers["Location"] == reverse("jobs:job", kwargs={"job_id": job.pk})
    assert job.status == Job.Status.DONE and job.filename.endswith("（草稿）.pdf")
    download = client.get(reverse("jobs:download", kwargs={"job_id": job.pk}))
    assert b"".join(download.streaming_content) == PDF
    message = told(world.people["office"], job)
    assert message is not None and "已完成" in message.notification.title
    assert message.notification.link == reverse("jobs:job", kwargs={"job_id": job.pk})


def test_a_conversion_that_fails_says_why_and_the_person_is_told(
    client, world, work, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(docx, name="report"):
        raise pdf.ConversionError("服务器未安装 LibreOffice，暂时无法生成 PDF，请下载 Word 版本。")

    monkeypatch.setattr(pdf, "to_pdf", refuse)
    ask_pdf(client, world, draft(world), django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.ANNUAL_PDF)
    assert job.status == Job.Status.FAILED and "LibreOffice" in job.message
    page = client.get(reverse("jobs:job", kwargs={"job_id": job.pk})).content.decode()
    assert "请下载 Word 版本" in page
    message = told(world.people["office"], job)
    assert message is not None and "未完成" in message.notification.title


def test_nothing_is_converted_inside_the_request(client, world, work, monkeypatch):
    called = []
    monkeypatch.setattr(pdf, "to_pdf", lambda docx, name="report": called.append(1) or PDF)
    client.force_login(world.people["office"])
    response = client.get(
        reverse("annual_reports:pdf", kwargs={"annual_report_id": draft(world).pk})
    )
    assert response.status_code == 302 and not called  # the worker does it, after commit


def finalise(client, world, report, capture, version=None):
    client.force_login(world.people["office"])
    url = reverse("annual_reports:finalise", kwargs={"annual_report_id": report.pk})
    with capture(execute=True):
        return client.post(url, {"version": report.version if version is None else version})


def test_finalising_runs_in_the_background_and_the_person_is_told(
    client, world, work, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(pdf, "to_pdf", lambda docx, name="report": PDF)
    report = draft(world)
    response = finalise(client, world, report, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.FINALISE_ANNUAL)
    assert response.headers["Location"] == reverse("jobs:job", kwargs={"job_id": job.pk})
    report.refresh_from_db()
    assert job.status == Job.Status.DONE and report.state == "final"
    assert report.pdf.open("rb").read() == PDF and report.docx.open("rb").read()[:2] == b"PK"
    detail = reverse("annual_reports:detail", kwargs={"annual_report_id": report.pk})
    assert job.result_url == detail
    assert "已定稿" in told(world.people["office"], job).notification.body


def test_a_failed_conversion_leaves_the_report_a_draft(
    client, world, work, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(docx, name="report"):
        raise pdf.ConversionError("PDF 转换超时。")

    monkeypatch.setattr(pdf, "to_pdf", refuse)
    report = draft(world)
    finalise(client, world, report, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.FINALISE_ANNUAL)
    report.refresh_from_db()
    assert job.status == Job.Status.FAILED and "仍为草稿" in job.message
    assert report.state == "draft" and not report.pdf


def test_an_edit_made_while_the_files_are_made_is_not_lost(
    client, world, work, monkeypatch, django_capture_on_commit_callbacks
):
    """The version is checked again under the lock when the files are stored."""
    from taizhang.annual_reports import services

    report = draft(world)

    def edit_meanwhile(docx, name="report"):
        services.save(report, world.people["office"], {}, {"problems": "新的问题"}, 1)
        return PDF

    monkeypatch.setattr(pdf, "to_pdf", edit_meanwhile)
    finalise(client, world, report, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.FINALISE_ANNUAL)
    report.refresh_from_db()
    assert job.status == Job.Status.FAILED and "未定稿" in job.message
    assert report.state == "draft" and report.version == 2


def test_a_stale_version_is_refused_at_once(
    client, world, work, django_capture_on_commit_callbacks
):
    report = draft(world)
    response = finalise(client, world, report, django_capture_on_commit_callbacks, version=7)
    assert response.status_code == 409 and not Job.objects.exists()
