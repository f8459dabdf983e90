"""Starting a job and reporting how it goes, for the tasks that do the work.

    job = progress.start(Job.Kind.PARSE_UPLOAD, user, organisation, "解析《…》", params)
    parse_upload.enqueue(job.pk)             # on commit: see ``enqueue_on_commit``

    @task()
    def parse_upload(job_id):
        with progress.running(job_id) as job:  # failures end the job with a message
            progress.step(job, 30, "正在识别任务")
            ...
            progress.finish(job, result_url=...)

A JobFailed carries the message for the person; any other exception is a bug: the job
ends with a general message and the traceback goes to the log (and the task result)."""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from taizhang.jobs.models import Job
from taizhang.notifications.api import Message, notify
from taizhang.notifications.events import Event

log = logging.getLogger(__name__)
GENERAL_FAILURE = "处理过程中出现错误，未写入任何数据。请稍后重试；如仍失败，请联系系统管理员。"


class JobFailed(Exception):
    """The work cannot be done; the message says why, in Chinese."""


def start(kind: str, owner, organisation, title: str, params: dict | None = None) -> Job:
    return Job.objects.create(
        kind=kind,
        owner=owner,
        organisation=organisation,
        title=title[:200],
        params=params or {},
        stage="排队等待处理",
    )


def enqueue_on_commit(task, job: Job) -> None:
    """Hand the job to the worker once the job row is committed. Should the queue be
    unreachable the job fails at once, with a message, instead of waiting forever."""

    def hand_over():
        try:
            task.enqueue(job.pk)
        except Exception:
            log.exception("could not enqueue job %s", job.pk)
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.FAILED, message="后台任务服务暂不可用，请稍后重试。"
            )

    transaction.on_commit(hand_over)


@contextmanager
def running(job_id: int):
    job = Job.objects.get(pk=job_id)
    job.status, job.started_at, job.stage = Job.Status.RUNNING, timezone.now(), "开始处理"
    job.save(update_fields=["status", "started_at", "stage"])
    try:
        yield job
    except JobFailed as failure:
        _end(job, Job.Status.FAILED, str(failure))
    except Exception:
        log.exception("job %s (%s) failed", job.pk, job.kind)
        _end(job, Job.Status.FAILED, GENERAL_FAILURE)
        raise
    else:
        if job.status != Job.Status.DONE:
            _end(job, Job.Status.DONE, job.message)


def step(job: Job, percent: int, stage: str) -> None:
    job.progress, job.stage = max(0, min(100, percent)), stage[:100]
    job.save(update_fields=["progress", "stage"])


def finish(
    job: Job, result_url: str = "", content: bytes | None = None, filename: str = "", message=""
) -> None:
    if content is not None:
        job.file.save(
            f"job-{job.pk}-{filename.rsplit('.', 1)[-1] if '.' in filename else 'bin'}",
            ContentFile(content),
            save=False,
        )
        job.filename = filename[:200]
    job.result_url = result_url[:300]
    job.message = message[:500]
    _end(job, Job.Status.DONE, job.message)


def _end(job: Job, status: str, message: str) -> None:
    job.status, job.message, job.finished_at = status, message[:500], timezone.now()
    if status == Job.Status.DONE:
        job.progress, job.stage = 100, "已完成"
    else:
        job.stage = "未完成"
    job.save()
    tell_owner(job)


def tell_owner(job: Job) -> None:
    """The person who started a job is told in their messages when it ends, done or not,
    with a link to its page: nobody waits unknowingly on a page they closed."""
    if not job.organisation_id:
        return
    done = job.status == Job.Status.DONE
    body = job.message or ("已完成，请在任务页面查看或下载。" if done else "未完成。")
    notify(
        job.organisation,
        Message(
            Event.JOB_FINISHED,
            f"job_finished:{job.pk}",
            f"{job.title}：{'已完成' if done else '未完成'}",
            body,
            reverse("jobs:job", kwargs={"job_id": job.pk}),
        ),
        users=[job.owner],
    )
