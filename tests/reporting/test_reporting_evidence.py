"""Evidence files are checked by their content; a lying name does not get through."""

import pytest
from django.core.exceptions import ValidationError

from taizhang.reporting import services
from taizhang.reporting.evidence import MAX_EVIDENCE_BYTES, check_upload
from taizhang.reporting.models import Evidence


@pytest.mark.parametrize(
    ("kind", "name", "mime"),
    [
        ("pdf", "总结.pdf", "application/pdf"),
        ("png", "照片.png", "image/png"),
        ("jpg", "照片.jpg", "image/jpeg"),
        (
            "docx",
            "材料.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("xlsx", "统计.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_each_allowed_kind_is_recognised_by_content(files, kind, name, mime):
    assert check_upload(getattr(files, kind)(name)) == mime


def test_an_exe_renamed_pdf_is_refused(files):
    with pytest.raises(ValidationError, match="不是有效的 PDF"):
        check_upload(files.exe("报告.pdf"))


def test_a_zip_that_is_no_office_document_is_refused(files):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError):
        check_upload(files.raw("表格.xlsx", buffer.getvalue()))


def test_a_file_over_ten_megabytes_is_refused(files):
    big = files.raw("扫描件.pdf", b"%PDF-1.4\n" + b"0" * MAX_EVIDENCE_BYTES)
    with pytest.raises(ValidationError, match="超过 10 MB"):
        check_upload(big)


def test_an_empty_file_is_refused(files):
    with pytest.raises(ValidationError, match="空文件"):
        check_upload(files.raw("空.pdf", b""))


def test_a_pdf_renamed_png_is_stored_as_a_pdf(world, assignments, files):
    report = services.start_report(assignments.education, world.period)
    evidence = services.add_evidence(report, world.people["liaison"], files.pdf("照片.png"))
    assert evidence.content_type == "application/pdf"
    assert evidence.original_name == "照片.pdf"


def test_the_stored_file_name_does_not_come_from_the_user(world, assignments, files):
    report = services.start_report(assignments.education, world.period)
    evidence = services.add_evidence(
        report, world.people["liaison"], files.pdf("../../etc/总结.pdf")
    )
    assert evidence.original_name == "总结.pdf"
    assert "总结" not in evidence.file.name and ".." not in evidence.file.name


def test_an_evidence_upload_is_audited(world, assignments, files):
    from taizhang.audit.models import AuditEntry

    report = services.start_report(assignments.education, world.period)
    services.add_evidence(report, world.people["liaison"], files.pdf("总结.pdf"))
    assert AuditEntry.objects.filter(action="evidence", object_id=str(report.pk)).exists()


def test_the_form_refuses_a_disguised_exe_and_saves_nothing(
    client, world, assignments, files, form_url
):
    from tests.reporting.conftest import report_form

    client.force_login(world.people["liaison"])
    response = client.post(
        form_url(assignments.education, world.period),
        report_form(files=files.exe("通知.pdf")),
    )
    assert response.status_code == 400
    assert "不是有效的 PDF" in response.content.decode()
    assert not Evidence.objects.exists()
    assert not world.period.reports.exists()


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_an_office_evidence_file_is_read_once_per_upload(
    client, world, assignments, files, form_url, zip_opens, kind
):
    """The form, the report's write path and the evidence store share one check of the
    upload: one reading of the ZIP's directory, where each read it again (3)."""
    from tests.reporting.conftest import report_form

    upload = getattr(files, kind)(f"材料.{kind}")
    client.force_login(world.people["liaison"])
    zip_opens.clear()
    response = client.post(form_url(assignments.education, world.period), report_form(files=upload))
    assert response.status_code == 302, response.content.decode()
    assert Evidence.objects.get().content_type.endswith("document" if kind == "docx" else "sheet")
    assert len(zip_opens) == 1
