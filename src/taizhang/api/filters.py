"""Query-string filters of the list endpoints, checked before they reach the database."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from taizhang.reporting.models import ProgressReport


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, description=description)


PLAN = _id("plan", "实施方案 id")
UNIT = _id("unit", "单位 id（牵头或责任）")
CHAPTER = _id("chapter", "章 id")
PERIOD = _id("period", "报送周期 id")
MEASURE = _id("measure", "任务 id")
STATE = OpenApiParameter(
    "state",
    OpenApiTypes.STR,
    enum=ProgressReport.State.values,
    description="流程状态：draft 草稿、submitted 已报送、returned 已退回、accepted 已审核通过",
)

MEASURE_FILTERS = {"plan": "plan_id", "unit": "assignments__unit_id", "chapter": "chapter_id"}
REPORT_FILTERS = {
    "plan": "period__plan_id",
    "period": "period_id",
    "unit": "assignment__unit_id",
    "measure": "assignment__measure_id",
}
PERIOD_FILTERS = {"plan": "plan_id"}


def apply(queryset, params, lookups: dict[str, str]):
    """Filter by each integer id parameter present; 400 with one message if malformed
    (empty included: a client that sends the parameter means a value)."""
    for name, lookup in lookups.items():
        raw = params.get(name)
        if raw is None:
            continue
        try:
            value = int(raw)
        except ValueError:
            message = {"detail": f"参数 {name} 必须是整数 id。", "code": "invalid"}
            raise ValidationError(message) from None
        queryset = queryset.filter(**{lookup: value})
    return queryset


def apply_state(queryset, params):
    state = params.get("state")
    if state is None:
        return queryset
    if state not in ProgressReport.State.values:
        allowed = "、".join(ProgressReport.State.values)
        raise ValidationError({"detail": f"参数 state 只能是 {allowed}。", "code": "invalid"})
    return queryset.filter(state=state)
