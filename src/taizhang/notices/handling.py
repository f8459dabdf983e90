"""The write path of a notice's handling by the unit it was sent to (the closed loop):

    未签收 --签收--> 已签收 --反馈--> 已反馈 --办结--> 已办结
                                   ^            |
                                   +--退回重办 <-+  (the office sends the reply back)

The unit's staff (or its county office, which files for a county unit without people of
its own) sign for the notice and answer it with what they did and an optional evidence
file; the office closes it or sends the answer back with a comment. Answering an
unsigned notice signs it too (the reply shows it was received). Each step locks the
notice, checks the rule and the state, records a declared audit action and tells whoever
acts next."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.notices.models import AuditAction, NoticeReply, UrgeNotice
from taizhang.notifications.api import Message, notify, said
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit, office
from taizhang.reporting.evidence import checked_for_storing

State = UrgeNotice.State
MAX_REPLY_TEXT = 2000
MAX_COMMENT_TEXT = 500


class HandlingError(ValidationError):
    """The step does not fit where the notice stands (e.g. closing an unanswered one)."""


@transaction.atomic
def sign(notice: UrgeNotice, actor) -> UrgeNotice:
    """签收: the unit confirms it received the notice (time and person recorded)."""
    notice = _locked(notice, actor, "notices.handle_notice")
    if notice.state != State.ISSUED:
        raise HandlingError(f"该通知已于{_when(notice.signed_at)}签收，无需重复签收。")
    _sign(notice, actor)
    notice.save(update_fields=["state", "signed_at", "signed_by"])
    _record(actor, AuditAction.SIGN, notice, {"state": [State.ISSUED, notice.state]})
    return notice


@transaction.atomic
def answer(notice: UrgeNotice, actor, text: str, upload=None) -> NoticeReply:
    """反馈: what the unit did, with an optional evidence file (checked by its content,
    bounded as report evidence is). Allowed once signed (or signing it now) and after
    the office sent the last answer back."""
    notice = _locked(notice, actor, "notices.handle_notice")
    text = (text or "").strip()
    if notice.state in (State.ANSWERED, State.CLOSED):
        raise HandlingError(
            "该通知已办结，不能再反馈。"
            if notice.state == State.CLOSED
            else "已反馈的落实情况正在等待依法治理办办结，请勿重复反馈。"
        )
    if not text:
        raise ValidationError("请填写落实情况。")
    if len(text) > MAX_REPLY_TEXT:
        raise ValidationError(f"落实情况请精简到{MAX_REPLY_TEXT}字以内。")
    before = notice.state
    if notice.state == State.ISSUED:
        _sign(notice, actor)
    reply = NoticeReply(notice=notice, text=text, by=actor)
    changes = {"state": [before, State.ANSWERED]}
    if upload is not None:
        checked = checked_for_storing(upload)
        reply.content_type, reply.original_name = checked.content_type, checked.original_name
        reply.size, reply.file = checked.size, upload
        changes["evidence"] = reply.original_name
    reply.save()
    notice.state = State.ANSWERED
    notice.save(update_fields=["state", "signed_at", "signed_by"])
    _record(actor, AuditAction.ANSWER, notice, changes)
    notify(
        notice.organisation,
        Message(
            Event.NOTICE_ANSWERED,
            f"notice_answered:{reply.pk}",
            f"催办反馈待办结：{notice.unit.name}",
            f"{notice.unit.name}已就{notice.get_level_display()}（{notice.number}）反馈落实情况，"
            "请审核后办结或退回。",
            _link(notice),
        ),
        users=office(notice.organisation_id),
    )
    return reply


@transaction.atomic
def close(notice: UrgeNotice, actor, comment: str = "") -> UrgeNotice:
    """办结: the office accepts the unit's answer; the notice asks nothing more."""
    notice = _locked(notice, actor, "notices.settle_notice")
    reply = _awaiting(notice)
    comment = _comment(comment, required=False)
    _decide(reply, actor, NoticeReply.Decision.CLOSED, comment)
    notice.state, notice.closed_at = State.CLOSED, reply.decided_at
    notice.save(update_fields=["state", "closed_at"])
    changes = {"state": [State.ANSWERED, State.CLOSED]}
    if comment:
        changes["comment"] = comment
    _record(actor, AuditAction.CLOSE, notice, changes)
    _tell_unit(
        notice,
        Event.NOTICE_CLOSED,
        f"notice_closed:{reply.pk}",
        f"催办事项已办结：{notice.number}",
        f"依法治理办已对{notice.get_level_display()}（{notice.number}）的落实情况予以办结。"
        + (f"意见：{comment}" if comment else ""),
    )
    return notice


@transaction.atomic
def send_back(notice: UrgeNotice, actor, comment: str) -> UrgeNotice:
    """退回: the office finds the answer wanting and says why; the unit answers again."""
    notice = _locked(notice, actor, "notices.settle_notice")
    reply = _awaiting(notice)
    comment = _comment(comment, required=True)
    _decide(reply, actor, NoticeReply.Decision.RETURNED, comment)
    notice.state = State.RETURNED
    notice.save(update_fields=["state"])
    changes = {"state": [State.ANSWERED, State.RETURNED], "comment": comment}
    _record(actor, AuditAction.SEND_BACK, notice, changes)
    _tell_unit(
        notice,
        Event.NOTICE_RETURNED,
        f"notice_returned:{reply.pk}",
        f"催办反馈被退回：{notice.number}",
        f"依法治理办退回了{notice.unit.name}就{notice.number}反馈的落实情况，"
        f"意见：{said(comment)}。请按意见办理后重新反馈。",
    )
    return notice


# -- the pieces ------------------------------------------------------------------------------


def _locked(notice: UrgeNotice, actor, perm: str) -> UrgeNotice:
    """The notice as it stands now, locked for the step (two people clicking at once
    get one step, and the second a refusal), after checking the rule."""
    current = (
        UrgeNotice.objects.select_for_update(of=("self",))
        .select_related("organisation", "unit")
        .get(pk=notice.pk)
    )
    if not actor.has_perm(perm, current):
        raise PermissionDenied("您无权办理该通知。")
    return current


def _sign(notice: UrgeNotice, actor) -> None:
    notice.state = State.SIGNED
    notice.signed_at = timezone.now()
    notice.signed_by = actor


def _awaiting(notice: UrgeNotice) -> NoticeReply:
    if notice.state != State.ANSWERED:
        raise HandlingError(
            {
                State.CLOSED: "该通知已办结。",
                State.RETURNED: "该通知的反馈已退回，请等待单位重新反馈。",
            }.get(notice.state, "单位尚未反馈落实情况，不能办结或退回。")
        )
    return notice.replies.select_for_update().filter(decision="").latest("at", "pk")


def _comment(comment: str, required: bool) -> str:
    comment = (comment or "").strip()
    if required and not comment:
        raise ValidationError("请填写退回意见。")
    if len(comment) > MAX_COMMENT_TEXT:
        raise ValidationError(f"意见请精简到{MAX_COMMENT_TEXT}字以内。")
    return comment


def _decide(reply: NoticeReply, actor, decision: str, comment: str) -> None:
    reply.decision, reply.comment = decision, comment
    reply.decided_by, reply.decided_at = actor, timezone.now()
    reply.save(update_fields=["decision", "comment", "decided_by", "decided_at"])


def _record(actor, action, notice: UrgeNotice, changes: dict) -> None:
    record(actor, action, notice, changes, organisation=notice.organisation_id)


def _link(notice: UrgeNotice) -> str:
    return reverse("notices:detail", kwargs={"notice_id": notice.pk})


def _tell_unit(notice: UrgeNotice, event, key: str, title: str, body: str) -> None:
    notify(
        notice.organisation,
        Message(event, key, title, body, _link(notice)),
        users=for_unit(notice.unit, Duty.FILE),
        units=[notice.unit],
    )


def _when(moment) -> str:
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{local.year}年{local.month}月{local.day}日{local:%H:%M}"
