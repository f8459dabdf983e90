"""The write path of 不涉及: a unit carried in by a collective declares that a measure does
not concern it; the office approves (the assignment owes no reports: Assignment.not_concerned,
which AssignmentQuerySet.owing() leaves out) or refuses with a comment. Each step is
audited and tells the other side (notifications.notify)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from taizhang.audit.log import record
from taizhang.notifications.api import Message, notify, said
from taizhang.notifications.events import Event
from taizhang.notifications.recipients import Duty, for_unit, office
from taizhang.plans.models import Assignment, AuditAction, Exemption

MAX_REASON = Exemption.MAX_REASON


class ExemptionRefused(Exception):
    """The request or decision does not fit the assignment's or the request's state."""


@transaction.atomic
def request(assignment, user, reason: str) -> Exemption:
    reason = Exemption.checked_reason(reason, "请填写不涉及的理由。")
    assignment = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("unit", "measure__plan", "via")
        .get(pk=assignment.pk)
    )
    if assignment.via_id is None:
        raise ExemptionRefused(
            "只有以“各县（市）”等统称列入的单位可以申请不涉及；本单位为方案直接列名的单位，"
            "如有异议请与依法治理办联系。"
        )
    if assignment.not_concerned:
        raise ExemptionRefused("该任务已同意本单位不涉及。")
    if assignment.exemptions.filter(state=Exemption.State.PENDING).exists():
        raise ExemptionRefused("本单位已提交该任务的不涉及申请，正在等待依法治理办审批。")
    exemption = Exemption.objects.create(assignment=assignment, reason=reason, requested_by=user)
    organisation = assignment.measure.plan.organisation
    record(
        user,
        AuditAction.EXEMPTION_REQUEST,
        assignment,
        {},
        reason[:500],
        organisation=organisation.pk,
    )
    unit, measure = assignment.unit, assignment.measure
    notify(
        organisation,
        Message(
            Event.EXEMPTION_REQUESTED,
            f"exemption_requested:{exemption.pk}",
            f"不涉及申请：{unit.name} · 任务{measure.number}",
            f"{unit.name}（经“{assignment.via.phrase}”列入）申请任务{measure.number}不涉及本单位，"
            f"理由：{reason}。请审批。",
            reverse("workspace:todo"),
        ),
        users=office(organisation.pk),
    )
    return exemption


@transaction.atomic
def decide(exemption, user, approve: bool, comment: str = "") -> Exemption:
    comment = (comment or "").strip()
    exemption = (
        Exemption.objects.select_for_update(of=("self",))
        .select_related("assignment__unit", "assignment__measure__plan__organisation")
        .get(pk=exemption.pk)
    )
    exemption.settle(user, approve, comment)
    assignment = exemption.assignment
    if approve:
        assignment.not_concerned = True
        assignment.save(update_fields=["not_concerned"])
    organisation = assignment.measure.plan.organisation
    action = AuditAction.EXEMPTION_APPROVE if approve else AuditAction.EXEMPTION_REFUSE
    changes = {"not_concerned": [False, True]} if approve else {}
    record(user, action, assignment, changes, comment[:500], organisation=organisation.pk)
    unit, measure = assignment.unit, assignment.measure
    verdict = "同意" if approve else "不同意"
    outcome = "本单位不再报送该任务的进展报告。" if approve else "请继续按期报送该任务的进展报告。"
    notify(
        organisation,
        Message(
            Event.EXEMPTION_DECIDED,
            f"exemption_decided:{exemption.pk}",
            f"不涉及申请审批结果：任务{measure.number}（{verdict}）",
            f"依法治理办{verdict}{unit.name}关于任务{measure.number}不涉及本单位的申请"
            + (f"，意见：{said(comment)}" if comment else "")
            + f"。{outcome}",
            reverse("workspace:todo"),
        ),
        users=for_unit(unit, Duty.FILE),
        units=[unit],
    )
    return exemption
