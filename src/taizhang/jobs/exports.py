"""Exports written by the task worker for an app below the jobs layer: the audit log. Its
page sends a long export here (the audit app cannot start jobs itself: jobs stand above
it); the file is the page's, with the same filters and the person's own scope."""

from __future__ import annotations

from django.http import QueryDict
from django.utils import timezone
from django_tasks import task

from taizhang.audit.export import workbook_bytes
from taizhang.audit.filters import export_title, filtered_log
from taizhang.jobs import progress
from taizhang.jobs.models import Job


def audit_log_later(user, query: str) -> Job:
    job = progress.start(
        Job.Kind.EXPORT,
        user,
        user.organisation,
        "导出操作日志",
        {"query": query},
    )
    progress.enqueue_on_commit(export_audit_log, job)
    return job


@task()
def export_audit_log(job_id: int) -> None:
    with progress.running(job_id) as job:
        if not job.owner.has_perm("accounts.view_audit_log"):
            raise progress.JobFailed("您已无权查看操作日志。")
        progress.step(job, 20, "正在汇总操作日志")
        found = filtered_log(job.owner, QueryDict(job.params.get("query", "")))
        progress.step(job, 50, "正在写入 Excel")
        content = workbook_bytes(found.entries, export_title(found.organisation))
        stamp = timezone.localtime().strftime("%Y%m%d")
        progress.finish(
            job,
            content=content,
            filename=f"操作日志-{stamp}.xlsx",
            message="操作日志已导出，请下载。",
        )
