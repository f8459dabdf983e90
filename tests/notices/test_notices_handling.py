"""The closed loop of a notice (notices/handling.py): 签收, 反馈, 办结 or 退回 — who may,
from which state, what each writes, the audit entry, who is told, and the refusals."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from taizhang.audit.models import AuditEntry
from taizhang.notices import handling
from taizhang.notices.models import NoticeReply, UrgeNotice
from taizhang.notifications.models import Channel, Delivery
from tests import factories as f

State = UrgeNotice.State
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def notice(world):
    notice = f.UrgeNoticeFactory(unit=world.education, created_by=world.people["office"])
    notice.measures.set([world.first])
    return notice


def told(user, event: str) -> list[str]:
    """The titles of the messages ``user`` received in the message centre for ``event``."""
    return list(
        Delivery.objects.filter(
            recipient=user, channel=Channel.IN_APP, notification__event=event
        ).values_list("notification__title", flat=True)
    )


def entries(notice, action: str) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(object_type="urgenotice", object_id=str(notice.pk), action=action)
    )


# -- 签收 --------------------------------------------------------------------------------------


def test_the_unit_signs_and_the_time_and_person_are_recorded(world, notice):
    liaison = world.people["liaison"]
    signed = handling.sign(notice, liaison)
    assert signed.state == State.SIGNED
    assert signed.signed_by == liaison and signed.signed_at is not None
    [entry] = entries(notice, "sign")
    assert entry.actor == liaison and entry.organisation_id == world.organisation.pk
    assert entry.changes == {"state": ["issued", "signed"]}


def test_signing_twice_is_refused_with_when_it_was_signed(world, notice):
    handling.sign(notice, world.people["liaison"])
    with pytest.raises(ValidationError, match="签收，无需重复签收"):
        handling.sign(notice, world.people["liaison"])
    assert len(entries(notice, "sign")) == 1


@pytest.mark.parametrize("role", ["office", "reviewer", "leader", "county", "outsider"])
def test_only_the_unit_it_was_sent_to_signs(world, notice, role):
    with pytest.raises(PermissionDenied):
        handling.sign(notice, world.people[role])
    notice.refresh_from_db()
    assert notice.state == State.ISSUED


def test_a_county_office_signs_for_its_county_unit(world):
    notice = f.UrgeNoticeFactory(unit=world.county_government, created_by=world.people["office"])
    assert handling.sign(notice, world.people["county"]).state == State.SIGNED


# -- 反馈 --------------------------------------------------------------------------------------


def test_answering_with_evidence_stores_the_file_under_its_real_type_and_tells_the_office(
    world, notice
):
    handling.sign(notice, world.people["liaison"])
    upload = SimpleUploadedFile("整改报告.png", PDF)  # a PDF named .png
    reply = handling.answer(notice, world.people["liaison"], "已补报第一季度报告。", upload)
    notice.refresh_from_db()
    assert notice.state == State.ANSWERED
    assert (reply.text, reply.original_name, reply.content_type) == (
        "已补报第一季度报告。",
        "整改报告.pdf",
        "application/pdf",
    )
    assert "整改报告" not in reply.file.name  # our name on disk, never theirs
    [entry] = entries(notice, "answer")
    assert entry.changes == {"state": ["signed", "answered"], "evidence": "整改报告.pdf"}
    assert told(world.people["office"], "notice_answered") == ["催办反馈待办结：州教育局"]
    assert told(world.people["liaison"], "notice_answered") == []


def test_answering_an_unsigned_notice_signs_it_too(world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    notice.refresh_from_db()
    assert notice.state == State.ANSWERED
    assert notice.signed_by == world.people["liaison"]
    assert entries(notice, "answer")[0].changes == {"state": ["issued", "answered"]}


@pytest.mark.parametrize(
    ("text", "upload", "message"),
    [
        ("   ", None, "请填写落实情况。"),
        ("字" * 2001, None, "2000字以内"),
        ("已办理。", SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf"), "不是有效的"),
        ("已办理。", SimpleUploadedFile("a.pdf", b""), "空文件"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(world, notice, text, upload, message):
    with pytest.raises(ValidationError, match=message):
        handling.answer(notice, world.people["liaison"], text, upload)
    notice.refresh_from_db()
    assert notice.state == State.ISSUED
    assert not NoticeReply.objects.exists()


def test_an_oversized_file_is_refused(world, notice, monkeypatch):
    monkeypatch.setattr("taizhang.reporting.evidence.MAX_EVIDENCE_BYTES", 10)
    with pytest.raises(ValidationError, match="超过 10 MB"):
        handling.answer(
            notice, world.people["liaison"], "已办理。", SimpleUploadedFile("a.pdf", PDF)
        )


def test_answering_again_while_the_office_decides_is_refused(world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    with pytest.raises(ValidationError, match="请勿重复反馈"):
        handling.answer(notice, world.people["liaison"], "再次反馈。")
    assert NoticeReply.objects.count() == 1


def test_the_office_does_not_answer_for_the_unit(world, notice):
    with pytest.raises(PermissionDenied):
        handling.answer(notice, world.people["office"], "代为反馈。")


# -- 办结 and 退回 ------------------------------------------------------------------------------


def test_the_office_closes_an_answer_and_the_unit_is_told(world, notice):
    reply = handling.answer(notice, world.people["liaison"], "已办理。")
    closed = handling.close(notice, world.people["office"], "同意办结。")
    reply.refresh_from_db()
    assert closed.state == State.CLOSED and closed.closed_at is not None
    assert (reply.decision, reply.comment, reply.decided_by) == (
        "closed",
        "同意办结。",
        world.people["office"],
    )
    [entry] = entries(notice, "close")
    assert entry.changes == {"state": ["answered", "closed"], "comment": "同意办结。"}
    assert told(world.people["liaison"], "notice_closed") == [f"催办事项已办结：{notice.number}"]


def test_the_office_sends_back_with_a_comment_and_the_unit_answers_again(world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    with pytest.raises(ValidationError, match="请填写退回意见"):
        handling.send_back(notice, world.people["office"], " ")
    returned = handling.send_back(notice, world.people["office"], "请附报送截图。")
    assert returned.state == State.RETURNED
    assert entries(notice, "send_back")[0].changes["comment"] == "请附报送截图。"
    assert told(world.people["liaison"], "notice_returned") == [f"催办反馈被退回：{notice.number}"]
    handling.answer(
        notice, world.people["liaison"], "已补充截图。", SimpleUploadedFile("截图.pdf", PDF)
    )
    notice.refresh_from_db()
    assert notice.state == State.ANSWERED
    assert [r.decision for r in notice.replies.all()] == ["returned", ""]
    # The office hears of each answer (one message per reply, not one per notice).
    assert len(told(world.people["office"], "notice_answered")) == 2


@pytest.mark.parametrize("step", ["close", "send_back"])
def test_nothing_to_settle_before_an_answer(world, notice, step):
    with pytest.raises(ValidationError, match="尚未反馈"):
        getattr(handling, step)(notice, world.people["office"], "意见")


def test_a_closed_notice_takes_no_more_steps(world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    handling.close(notice, world.people["office"])
    with pytest.raises(ValidationError, match="已办结"):
        handling.answer(notice, world.people["liaison"], "补充。")
    with pytest.raises(ValidationError, match="已办结"):
        handling.close(notice, world.people["office"])
    with pytest.raises(ValidationError, match="无需重复签收"):
        handling.sign(notice, world.people["liaison"])


@pytest.mark.parametrize("role", ["liaison", "reviewer", "leader", "outsider"])
def test_only_the_office_settles(world, notice, role):
    handling.answer(notice, world.people["liaison"], "已办理。")
    for step in (handling.close, handling.send_back):
        with pytest.raises(PermissionDenied):
            step(notice, world.people[role], "意见")
    notice.refresh_from_db()
    assert notice.state == State.ANSWERED
