"""Fixtures for the reporting tests: uploads go to a temporary folder, and small files
of every kind the evidence check must tell apart."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Argon2 makes every user of the world fixture cost a second; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return settings.MEDIA_ROOT


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def _jpg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="JPEG")
    return buffer.getvalue()


def _docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("工作总结")
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active["A1"] = "覆盖率"
    book.save(buffer)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.fixture
def files():
    """Builders of uploads: files.pdf("名.pdf"), files.png(...), files.exe(...)..."""

    def maker(content):
        return lambda name, content=content: SimpleUploadedFile(name, content)

    return SimpleNamespace(
        pdf=maker(PDF),
        png=maker(_png()),
        jpg=maker(_jpg()),
        docx=maker(_docx()),
        xlsx=maker(_xlsx()),
        exe=maker(EXE),
        raw=lambda name, content: SimpleUploadedFile(name, content),
    )


@pytest.fixture
def form_url():
    def url(assignment, period):
        return reverse(
            "reporting:report", kwargs={"assignment_id": assignment.pk, "period_id": period.pk}
        )

    return url


@pytest.fixture
def assignments(world):
    """The world's assignments by name: lead (司法局, measure 1), education, county,
    police (lead of measure 2)."""
    from taizhang.plans.models import Assignment

    found = {a.unit_id: a for a in Assignment.objects.all()}
    return SimpleNamespace(
        lead=found[world.justice.pk],
        education=found[world.education.pk],
        county=found[world.county_government.pk],
        police=found[world.police.pk],
    )


def report_form(version=0, **fields):
    """POST data of the report form: a draft save unless submit=True."""
    data = {
        "version": version,
        "status": fields.pop("status", "in_progress"),
        "narrative": fields.pop("narrative", "开展宪法宣传活动12场。"),
        "actions": fields.pop("actions", ""),
        "problems": fields.pop("problems", ""),
        "next_steps": fields.pop("next_steps", ""),
    }
    if fields.pop("submit", False):
        data["submit"] = "1"
    else:
        data["save"] = "1"
    data.update(fields)
    return data
