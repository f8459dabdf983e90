"""The ledger export of a big plan is made by the task worker, with the page's filters and
the person's own scope; the person is sent to the job's page and told in their messages.
A plan under the threshold downloads at once, as before."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.jobs.models import Job
from taizhang.notifications.models import Delivery

pytestmark = pytest.mark.django_db


def export(client, user, plan, capture, query=""):
    client.force_login(user)
    with capture(execute=True):
        return client.get(reverse("ledger:export", kwargs={"plan_id": plan.pk}) + query)


def texts(content: bytes) -> str:
    sheet = load_workbook(io.BytesIO(content)).active
    return " ".join(str(c) for row in sheet.iter_rows(values_only=True) for c in row if c)


def test_a_big_plans_ledger_is_exported_in_the_background(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.TAIZHANG_BACKGROUND_EXPORT = {"LEDGER_MEASURES": 1}  # the world's plan has 3
    office = world.people["office"]
    response = export(client, office, world.plan, django_capture_on_commit_callbacks)
    job = Job.objects.get(kind=Job.Kind.EXPORT)
    assert response.headers["Location"] == reverse("jobs:job", kwargs={"job_id": job.pk})
    assert job.status == Job.Status.DONE and job.filename.endswith(".xlsx")
    download = client.get(reverse("jobs:download", kwargs={"job_id": job.pk}))
    text = texts(b"".join(download.streaming_content))
    assert world.first.text in text and world.second.text in text
    told = Delivery.objects.get(recipient=office, notification__key=f"job_finished:{job.pk}")
    assert "任务分工台账" in told.notification.title and "已完成" in told.notification.title


def test_the_background_export_keeps_the_filters_and_the_persons_scope(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.TAIZHANG_BACKGROUND_EXPORT = {"LEDGER_MEASURES": 1}
    liaison = world.people["liaison"]  # 州教育局 carries measure 1, not measure 2
    export(client, liaison, world.plan, django_capture_on_commit_callbacks)
    job = Job.objects.get(owner=liaison)
    text = texts(job.file.open("rb").read())
    assert world.first.text in text and world.second.text not in text
    # the job is its owner's alone
    client.force_login(world.people["office"])
    assert client.get(reverse("jobs:job", kwargs={"job_id": job.pk})).status_code == 404


def test_a_small_plans_ledger_downloads_at_once(client, world, django_capture_on_commit_callbacks):
    response = export(
        client, world.people["office"], world.plan, django_capture_on_commit_callbacks
    )
    assert response.status_code == 200 and not Job.objects.exists()
    assert world.first.text in texts(response.content)
