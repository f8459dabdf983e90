"""Evidence and generated documents go through Django's storage API, so a deployment can
keep them in S3-compatible object storage (TAIZHANG_S3_BUCKET): tested against a local
moto server on the loopback address. The backup reads them from the bucket like any
other storage and puts them back the same way."""

from __future__ import annotations

import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.config import deployment
from taizhang.plans.models import Assignment
from taizhang.reporting.models import Evidence
from tests.reporting.conftest import PDF, report_form
from tests.servers import VENV_BIN, free_port, wait_until_answering


@pytest.fixture(scope="module")
def moto():
    port = free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(url + "/moto-api/", process)
    yield url
    process.terminate()
    process.wait(10)


@pytest.fixture
def bucket(moto, monkeypatch, settings):
    """A new bucket, made the default storage exactly as TAIZHANG_S3_* would configure it."""
    import boto3

    name = f"taizhang-{free_port()}"
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "TAIZHANG_S3_BUCKET": name,
        "TAIZHANG_S3_ENDPOINT_URL": moto,
        "TAIZHANG_S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    client = boto3.client("s3", endpoint_url=moto, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    settings.STORAGES = {**settings.STORAGES, "default": deployment.default_storage()}
    return client, name


def test_evidence_uploaded_in_the_report_form_lands_in_the_bucket_and_comes_back(
    client, world, bucket
):
    s3, name = bucket
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    url = reverse(
        "reporting:report", kwargs={"assignment_id": assignment.pk, "period_id": world.period.pk}
    )
    client.force_login(world.people["liaison"])
    client.get(url)
    sent = client.post(url, report_form(files=SimpleUploadedFile("会议纪要.pdf", PDF)))
    assert sent.status_code == 302
    evidence = Evidence.objects.get()
    keys = [item["Key"] for item in s3.list_objects_v2(Bucket=name)["Contents"]]
    assert keys == [evidence.file.name]
    download = client.get(reverse("reporting:evidence", kwargs={"evidence_id": evidence.pk}))
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.django_db(transaction=True)  # (the backup reads committed data only)
def test_a_backup_reads_the_bucket_and_restore_fills_an_empty_one(bucket, tmp_path):
    import tarfile

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from taizhang.backup import files, service

    s3, name = bucket
    default_storage.save("notices/1/notice-1.docx", ContentFile(b"docx bytes"))
    default_storage.save("evidence/2/a.pdf", ContentFile(PDF))
    archive = tmp_path / "taizhang.tar"
    assert service.back_up(archive)["files"] == 2
    with tarfile.open(archive) as tar:
        assert tar.extractfile("files/evidence/2/a.pdf").read() == PDF

    s3.delete_objects(
        Bucket=name,
        Delete={"Objects": [{"Key": k} for k in ("notices/1/notice-1.docx", "evidence/2/a.pdf")]},
    )
    with tarfile.open(archive) as tar:
        for stored in ("notices/1/notice-1.docx", "evidence/2/a.pdf"):
            files.put_back(stored, tar.extractfile("files/" + stored))
    assert sorted(files.stored_names()) == ["evidence/2/a.pdf", "notices/1/notice-1.docx"]
    assert default_storage.open("notices/1/notice-1.docx").read() == b"docx bytes"
