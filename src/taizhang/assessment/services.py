"""The write path of the assessment: schemes, their indicators and bonus/penalty items,
and publishing. Every change is audited; a published scheme is never changed again."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from taizhang.assessment import results
from taizhang.assessment.models import (
    Adjustment,
    AuditAction,
    Indicator,
    PublishedScore,
    Scheme,
)
from taizhang.assessment.scoring import params_in_words
from taizhang.audit.log import record
from taizhang.reporting.evidence import check_upload, name_for_type

# A scheme the office can start from: 100 points over the rules the plans call for.
DEFAULT_INDICATORS = (
    (Indicator.Kind.REPORT_TIMELINESS, "按时报送", 20, {}),
    (Indicator.Kind.MEASURE_COMPLETION, "任务完成", 30, {}),
    (Indicator.Kind.TARGET_ATTAINMENT, "目标达成", 15, {}),
    (Indicator.Kind.REVIEW_OUTCOMES, "报告质量", 10, {}),
    (Indicator.Kind.DUTY_FULFILMENT, "经常性任务落实", 10, {}),
    (Indicator.Kind.SURVEY_RESULTS, "群众满意度", 15, {"target": 90, "rates": {}}),
)


def _draft(scheme: Scheme) -> Scheme:
    """The scheme locked for a change; a published one refuses."""
    locked = Scheme.objects.select_for_update().get(pk=scheme.pk)
    if locked.state != Scheme.State.DRAFT:
        raise ValidationError("该考核方案已发布，不能再修改。")
    return locked


@transaction.atomic
def create_scheme(user, plan, year: int, name: str, with_defaults: bool = True) -> Scheme:
    if Scheme.objects.filter(plan=plan, year=year).exists():
        raise ValidationError(f"该实施方案已有{year}年度的考核方案。")
    try:
        with transaction.atomic():
            scheme = Scheme.objects.create(
                organisation=plan.organisation, plan=plan, year=year, name=name.strip()
            )
    except IntegrityError as error:  # created by someone else a moment ago
        raise ValidationError(f"该实施方案已有{year}年度的考核方案。") from error
    if with_defaults:
        for position, (kind, label, weight, params) in enumerate(DEFAULT_INDICATORS, start=1):
            Indicator.objects.create(
                scheme=scheme,
                kind=kind,
                name=label,
                weight=weight,
                params=dict(params),
                position=position,
            )
    record(
        user,
        AuditAction.CREATE,
        scheme,
        {"year": year, "plan": plan.title, "indicators": [str(i) for i in scheme.indicators.all()]},
        organisation=scheme.organisation_id,
    )
    return scheme


@transaction.atomic
def save_indicator(scheme, user, data: dict, indicator: Indicator | None = None) -> Indicator:
    """Add an indicator, or change one: ``data`` has kind, name, weight, params and
    optionally position."""
    scheme = _draft(scheme)
    if data.get("weight") is not None and data["weight"] <= 0:
        raise ValidationError("分值须大于 0。")
    before = None
    if indicator is None:
        last = scheme.indicators.order_by("-position").values_list("position", flat=True).first()
        indicator = Indicator(scheme=scheme, position=(last or 0) + 1)
    else:
        indicator = Indicator.objects.select_for_update().get(pk=indicator.pk, scheme=scheme)
        before = _described(indicator)
    for name in ("kind", "name", "weight", "params", "position"):
        if name in data and data[name] is not None:
            setattr(indicator, name, data[name])
    indicator.save()
    changes = {"indicator": [before, _described(indicator)]}
    record(user, AuditAction.UPDATE, scheme, changes, organisation=scheme.organisation_id)
    return indicator


@transaction.atomic
def delete_indicator(scheme, user, indicator: Indicator) -> None:
    scheme = _draft(scheme)
    indicator = Indicator.objects.get(pk=indicator.pk, scheme=scheme)
    described = _described(indicator)
    indicator.delete()
    changes = {"indicator": [described, None]}
    record(user, AuditAction.UPDATE, scheme, changes, organisation=scheme.organisation_id)


def _described(indicator: Indicator) -> dict:
    return {
        "名称": indicator.name,
        "规则": indicator.get_kind_display(),
        "分值": indicator.weight,
        "参数": "；".join(params_in_words(indicator)) or "按比例计分",
    }


@transaction.atomic
def add_adjustment(scheme, user, unit, points: float, reason: str, upload=None) -> Adjustment:
    """A bonus (points > 0) or penalty (points < 0) with its reason and, optionally, a
    file proving it (checked by its content like any evidence)."""
    scheme = _draft(scheme)
    if unit.organisation_id != scheme.organisation_id:
        raise ValidationError("请选择本单位名录中的单位。")
    if not points:
        raise ValidationError("加减分不能为 0。")
    if not reason.strip():
        raise ValidationError("请填写加减分事由。")
    adjustment = Adjustment(
        scheme=scheme, unit=unit, points=points, reason=reason.strip(), created_by=user
    )
    if upload is not None:
        content_type = check_upload(upload)
        adjustment.evidence_name = name_for_type(upload.name, content_type)
        # On disk the file gets a name of ours, as report evidence does.
        upload.name = (
            uuid.uuid4().hex + adjustment.evidence_name[adjustment.evidence_name.rfind(".") :]
        )
        adjustment.evidence = upload
    adjustment.save()
    record(
        user,
        AuditAction.CREATE,
        adjustment,
        {
            "unit": unit.name,
            "points": points,
            "reason": adjustment.reason,
            "evidence": adjustment.evidence_name,
        },
        reason=adjustment.reason,
        organisation=scheme.organisation_id,
    )
    return adjustment


@transaction.atomic
def delete_adjustment(adjustment: Adjustment, user, reason: str = "") -> None:
    _draft(adjustment.scheme)
    adjustment = Adjustment.objects.select_related("unit").get(pk=adjustment.pk)
    storage, path = adjustment.evidence.storage, adjustment.evidence.name
    record(
        user,
        AuditAction.DELETE,
        adjustment,
        {"unit": adjustment.unit.name, "points": adjustment.points, "reason": adjustment.reason},
        reason=reason,
        organisation=adjustment.unit.organisation_id,
    )
    adjustment.delete()
    if path:  # the file goes only once the deletion is committed
        transaction.on_commit(lambda: storage.delete(path))


@transaction.atomic
def publish(scheme, user, today=None) -> Scheme:
    """Freeze every score as it stands: later reports, reviews or rule edits no longer
    change what was published."""
    scheme = _draft(scheme)
    indicators = list(scheme.indicators.all())
    if not indicators:
        raise ValidationError("请先设置考核指标，再发布考核结果。")
    units, counties = results.compute(scheme, indicators, today)
    PublishedScore.objects.filter(scheme=scheme).delete()
    PublishedScore.objects.bulk_create(results.frozen_rows(scheme, units + counties))
    scheme.state = Scheme.State.PUBLISHED
    scheme.published_at = timezone.now()
    scheme.published_by = user
    scheme.save(update_fields=["state", "published_at", "published_by"])
    record(
        user,
        AuditAction.PUBLISH,
        scheme,
        {"state": scheme.state, "units_scored": len(units), "counties_scored": len(counties)},
        organisation=scheme.organisation_id,
    )
    return scheme
