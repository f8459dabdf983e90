"""Parsing a large upload in the background (a task, with a Job the office watches).

Reading a PDF's text layer takes seconds per page, a long .docx or text file less; both
would hold a web worker and the office's browser. An upload larger than
TAIZHANG_BACKGROUND_PARSE["INLINE_MAX_BYTES"], or any PDF, is stored privately, parsed by the
task worker into a PlanImport (importing.stage: one transaction, nothing half-written), and
removed; the job's page then leads to the usual preview."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django_tasks import task

from taizhang.jobs import progress
from taizhang.jobs.models import Job
from taizhang.plans import importing
from taizhang.plans.models import Plan
from taizhang.units.models import Region


def parse_in_background(upload) -> bool:
    rule = settings.TAIZHANG_BACKGROUND_PARSE
    is_pdf = PurePath(upload.name).suffix.lower() == ".pdf"
    return upload.size > rule["INLINE_MAX_BYTES"] or (is_pdf and rule["PDF"])


def parse_later(request, upload, region, parent, revises) -> Job:
    name = PurePath(upload.name).name
    stored = default_storage.save(
        f"jobs/uploads/{uuid.uuid4().hex}{PurePath(name).suffix.lower()[:10]}",
        ContentFile(upload.read()),
    )
    back = reverse("plans:import_revise", kwargs={"plan_id": revises.pk}) if revises else None
    job = progress.start(
        Job.Kind.PARSE_UPLOAD,
        request.user,
        request.user.organisation,
        f"解析《{name}》",
        {
            "path": stored,
            "filename": name,
            "region": region.pk,
            "parent": parent.pk if parent else None,
            "revises": revises.pk if revises else None,
            "back": back or reverse("plans:import"),
        },
    )
    progress.enqueue_on_commit(parse_upload, job)
    return job


@task()
def parse_upload(job_id: int) -> None:
    with progress.running(job_id) as job:
        params = job.params
        try:
            progress.step(job, 10, "正在读取文件")
            data = default_storage.open(params["path"]).read()
            progress.step(job, 30, "正在识别章节、任务和责任单位")
            organisation = job.organisation
            region = Region.objects.get(pk=params["region"], organisation=organisation)
            plans = Plan.objects.filter(organisation=organisation)
            parent = plans.filter(pk=params["parent"]).first() if params["parent"] else None
            revises = plans.filter(pk=params["revises"]).first() if params["revises"] else None
            try:
                staged = importing.stage(
                    organisation,
                    job.owner,
                    region,
                    params["filename"],
                    data,
                    revises=revises,
                    parent=parent,
                )
            except importing.ImportRejected as rejected:
                raise progress.JobFailed(str(rejected)) from rejected
            progress.finish(
                job,
                result_url=reverse("plans:import_preview", kwargs={"import_id": staged.pk}),
                message="解析完成，请核对预览后确认导入。",
            )
        finally:
            default_storage.delete(params["path"])
