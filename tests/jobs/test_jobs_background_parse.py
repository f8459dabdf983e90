"""A PDF (or a large file) is parsed by the task worker: the office is sent to the job's
page, which shows the progress and leads on to the preview; a file that cannot be
imported ends the job with the reason in Chinese and writes nothing. Once, the real
database backend and its worker (manage.py db_worker --batch) run the job."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from taizhang.jobs.models import Job
from taizhang.plans.models import PlanImport

PLAN = "测试方案\n一、主要任务\n1.开展普法宣传。〔牵头单位：州司法局；责任单位：州教育局〕\n"


@pytest.fixture
def in_background(settings, tmp_path):
    settings.TAIZHANG_BACKGROUND_PARSE = {"INLINE_MAX_BYTES": 256 * 1024, "PDF": True}
    settings.MEDIA_ROOT = tmp_path


def _upload(client, world, name, data):
    client.force_login(world.people["office"])
    return client.post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile(name, data), "region": world.home.pk},
    )


@pytest.mark.django_db
def test_a_pdf_is_parsed_in_the_background_and_leads_to_the_preview(
    client, world, build, in_background, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, world, "方案.pdf", build.pdf_bytes(PLAN))
    job = Job.objects.get()
    assert response.headers["Location"] == reverse("jobs:job", kwargs={"job_id": job.pk})
    assert job.status == Job.Status.DONE and job.progress == 100
    staged = PlanImport.objects.get()
    page = client.get(response.headers["Location"])
    assert page.headers["Location"] == reverse(
        "plans:import_preview", kwargs={"import_id": staged.pk}
    )
    assert not default_storage.exists(job.params["path"])  # the upload is not kept


@pytest.mark.django_db
def test_a_file_that_cannot_be_a_plan_ends_the_job_with_a_reason(
    client, world, in_background, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, world, "方案.pdf", b"not a pdf at all")
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    page = client.get(reverse("jobs:job", kwargs={"job_id": job.pk})).content.decode()
    assert "文件不是有效的 PDF" in page and "返回重新操作" in page
    assert not PlanImport.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_database_backend_and_its_worker_run_the_job(
    client, world, build, settings, in_background
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = _upload(client, world, "方案.pdf", build.pdf_bytes(PLAN))
    job = Job.objects.get()
    waiting = client.get(response.headers["Location"]).content.decode()
    assert job.status == Job.Status.QUEUED and "排队中" in waiting
    assert 'hx-trigger="every 2s"' in waiting  # the page refreshes itself meanwhile
    call_command("db_worker", "--batch", "--interval", "0", "--no-startup-delay")
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    assert PlanImport.objects.filter(source_name="方案.pdf").exists()
