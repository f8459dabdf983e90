"""The annual report's PDF, and its finalising, done by the task worker: LibreOffice takes
seconds to minutes and would hold a web worker and the person's browser. The person is
sent to the job's page (progress, then the download or the final report) and told in
their messages when it is ready."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from taizhang.annual_reports import document as annual_document
from taizhang.annual_reports import services
from taizhang.annual_reports.models import AnnualReport
from taizhang.documents import pdf
from taizhang.jobs import progress
from taizhang.jobs.models import Job


def pdf_filename(report: AnnualReport) -> str:
    state = "" if report.is_final else "（草稿）"
    return f"{report.title}{state}.pdf"


def pdf_later(user, report: AnnualReport) -> Job:
    job = progress.start(
        Job.Kind.ANNUAL_PDF,
        user,
        report.plan.organisation,
        f"生成《{pdf_filename(report)}》",
        {"report": report.pk},
    )
    progress.enqueue_on_commit(make_pdf, job)
    return job


def _report_of(job: Job) -> AnnualReport:
    report = AnnualReport.objects.filter(pk=job.params["report"]).first()
    if report is None:
        raise progress.JobFailed("该年度报告已不存在。")
    return report


def _documents(job: Job, report: AnnualReport, failed: str = "") -> tuple[bytes, bytes]:
    """The report's .docx and its PDF, with the job's progress; a conversion that fails
    ends the job with the reason (and ``failed``, what it means for the report)."""
    progress.step(job, 20, "正在生成 Word 文档")
    docx = annual_document.render(report, timezone.localdate())
    progress.step(job, 50, "正在转换为 PDF（LibreOffice）")
    try:
        return docx, pdf.to_pdf(docx, f"annual-{report.pk}")
    except pdf.ConversionError as error:
        raise progress.JobFailed(f"{error}{failed}") from error


@task()
def make_pdf(job_id: int) -> None:
    with progress.running(job_id) as job:
        report = _report_of(job)
        _docx, content = _documents(job, report)
        progress.finish(
            job, content=content, filename=pdf_filename(report), message="PDF 已生成，请下载。"
        )


def finalise_later(user, report: AnnualReport, version: int) -> Job:
    """Finalise in the background; refused at once (WorkflowError, ConcurrentEdit) when
    the report is already final or was changed since the person read it."""
    services.check_finalisable(report, version)
    job = progress.start(
        Job.Kind.FINALISE_ANNUAL,
        user,
        report.plan.organisation,
        f"《{report.title}》定稿",
        {"report": report.pk, "version": version},
    )
    progress.enqueue_on_commit(finalise_report, job)
    return job


@task()
def finalise_report(job_id: int) -> None:
    with progress.running(job_id) as job:
        report = _report_of(job)
        version = job.params["version"]
        try:
            services.check_finalisable(report, version)
            docx, content = _documents(job, report, failed="报告仍为草稿。")
            services.freeze(report, job.owner, version, docx, content)
        except services.ConcurrentEdit as clash:
            raise progress.JobFailed(f"{clash}报告未定稿。") from clash
        except services.WorkflowError as refused:  # e.g. finalised meanwhile by another job
            raise progress.JobFailed(str(refused)) from refused
        progress.finish(
            job,
            result_url=reverse("annual_reports:detail", kwargs={"annual_report_id": report.pk}),
            message="报告已定稿，Word 和 PDF 文件已存档。",
        )
