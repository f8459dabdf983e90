"""The write path of 办结 and 销号 of a measure:

    (open) --申请办结--> 待销号 --销号--> 已销号 --重新打开--> (open)
                           |
                           +--退回--> 已退回 (the lead unit may apply again)

The lead unit applies with a summary of what was done and an optional evidence file
(checked and bounded as report evidence is); the office confirms (销号) or returns the
application with a comment; a closed measure is 已完成 everywhere and owes no more reports
(reporting/status.py), until the office reopens it with a reason. Each step checks the
rule and the state, records a declared audit action and tells whoever acts next."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.notifications.api import Message, notify, said
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit, office
from taizhang.plans.models import Assignment, Measure
from taizhang.reporting.evidence import checked_for_storing
from taizhang.reporting.models import AuditAction, Closure

State = Closure.State
MAX_SUMMARY = 2000
MAX_COMMENT = 500


@transaction.atomic
def apply(measure: Measure, actor, summary: str, upload=None) -> Closure:
    """办结申请 by the lead unit."""
    measure = Measure.objects.select_for_update().select_related("plan").get(pk=measure.pk)
    if not actor.has_perm("reporting.apply_closure", measure):
        raise PermissionDenied("只有牵头单位可以申请办结。")
    current = latest(measure)
    if current is not None and current.state == State.APPLIED:
        raise ValidationError("该任务的办结申请正在等待依法治理办销号，请勿重复申请。")
    if current is not None and current.state == State.CLOSED:
        raise ValidationError("该任务已销号。")
    summary = _text(summary, MAX_SUMMARY, "请填写办结情况。", "办结情况")
    leads = Assignment.objects.filter(measure=measure, role=Assignment.Role.LEAD)
    lead = leads.filter(unit_id=actor.unit_id).first() or leads.first()
    closure = Closure(measure=measure, unit=lead.unit, summary=summary, applied_by=actor)
    changes = {"state": State.APPLIED}
    if upload is not None:
        checked = checked_for_storing(upload)
        closure.content_type, closure.original_name = checked.content_type, checked.original_name
        closure.size, closure.file = checked.size, upload
        changes["original_name"] = closure.original_name
    try:
        with transaction.atomic():
            closure.save()
    except IntegrityError as clash:  # another click got there first
        raise ValidationError("该任务已有办结申请。") from clash
    _record(actor, AuditAction.CLOSURE_APPLY, closure, changes)
    notify(
        measure.plan.organisation,
        Message(
            Event.CLOSURE_APPLIED,
            f"closure_applied:{closure.pk}",
            f"办结申请待销号：任务{measure.number}",
            f"{closure.unit.name}申请办结任务{measure.number}，请审核后销号或退回。",
            _link(measure),
        ),
        users=office(measure.plan.organisation_id),
    )
    return closure


@transaction.atomic
def confirm(closure: Closure, actor, comment: str = "") -> Closure:
    """销号: the office accepts the application; the measure is closed."""
    closure = _locked(closure, actor, State.APPLIED, "该办结申请不在待销号状态。")
    comment = _text(comment, MAX_COMMENT, "", "意见")
    _decide(closure, actor, State.CLOSED, comment)
    _record(actor, AuditAction.CLOSURE_CONFIRM, closure, _changes(State.CLOSED, comment))
    _tell_lead(
        closure,
        Event.CLOSURE_CONFIRMED,
        f"closure_confirmed:{closure.pk}",
        f"任务{closure.measure.number}已销号",
        f"依法治理办已同意任务{closure.measure.number}办结销号，此后无需再报送该任务的进展。"
        + (f"意见：{comment}" if comment else ""),
    )
    return closure


@transaction.atomic
def send_back(closure: Closure, actor, comment: str) -> Closure:
    """退回: the application falls short; the lead unit may apply again."""
    closure = _locked(closure, actor, State.APPLIED, "该办结申请不在待销号状态。")
    comment = _text(comment, MAX_COMMENT, "请填写退回意见。", "意见")
    _decide(closure, actor, State.RETURNED, comment)
    _record(actor, AuditAction.CLOSURE_RETURN, closure, _changes(State.RETURNED, comment))
    _tell_lead(
        closure,
        Event.CLOSURE_RETURNED,
        f"closure_returned:{closure.pk}",
        f"任务{closure.measure.number}办结申请被退回",
        f"依法治理办退回了任务{closure.measure.number}的办结申请，意见：{said(comment)}。"
        "请继续推进并按期报送进展。",
    )
    return closure


@transaction.atomic
def reopen(closure: Closure, actor, reason: str) -> Closure:
    """重新打开: a closed measure asks for reports again (a reason is required)."""
    closure = _locked(closure, actor, State.CLOSED, "只有已销号的任务可以重新打开。")
    reason = _text(reason, MAX_COMMENT, "请填写重新打开的原因。", "原因")
    closure.state = State.REOPENED
    closure.reopened_by, closure.reopened_at, closure.reopen_reason = actor, timezone.now(), reason
    closure.save(update_fields=["state", "reopened_by", "reopened_at", "reopen_reason"])
    _record(
        actor,
        AuditAction.CLOSURE_REOPEN,
        closure,
        {"state": [State.CLOSED, State.REOPENED]},
        reason=reason,
    )
    _tell_lead(
        closure,
        Event.CLOSURE_REOPENED,
        f"closure_reopened:{closure.pk}",
        f"任务{closure.measure.number}已重新打开",
        f"依法治理办重新打开了任务{closure.measure.number}，原因：{reason}。"
        "请恢复按期报送该任务的进展。",
    )
    return closure


def latest(measure) -> Closure | None:
    """The measure's latest application (None: never applied)."""
    return Closure.objects.filter(measure=measure).order_by("-applied_at", "-pk").first()


# -- the pieces ------------------------------------------------------------------------------


def _locked(closure: Closure, actor, state: str, refusal: str) -> Closure:
    current = (
        Closure.objects.select_for_update(of=("self",))
        .select_related("measure__plan__organisation", "unit")
        .get(pk=closure.pk)
    )
    if not actor.has_perm("reporting.settle_closure", current):
        raise PermissionDenied("只有依法治理办可以办理销号。")
    if current.state != state:
        raise ValidationError(refusal)
    return current


def _text(text: str, limit: int, missing: str, label: str) -> str:
    text = (text or "").strip()
    if missing and not text:
        raise ValidationError(missing)
    if len(text) > limit:
        raise ValidationError(f"{label}请精简到{limit}字以内。")
    return text


def _decide(closure: Closure, actor, state: str, comment: str) -> None:
    closure.state, closure.comment = state, comment
    closure.decided_by, closure.decided_at = actor, timezone.now()
    closure.save(update_fields=["state", "comment", "decided_by", "decided_at"])


def _changes(state: str, comment: str) -> dict:
    changes = {"state": [State.APPLIED, state]}
    if comment:
        changes["comment"] = comment
    return changes


def _record(actor, action, closure: Closure, changes: dict, reason: str = "") -> None:
    organisation = closure.measure.plan.organisation_id
    record(actor, action, closure, changes, reason, organisation=organisation)


def _link(measure) -> str:
    return reverse("reporting:closure", kwargs={"measure_id": measure.pk})


def _tell_lead(closure: Closure, event, key: str, title: str, body: str) -> None:
    notify(
        closure.measure.plan.organisation,
        Message(event, key, title, body, _link(closure.measure)),
        users=for_unit(closure.unit, Duty.FILE),
        units=[closure.unit],
    )
