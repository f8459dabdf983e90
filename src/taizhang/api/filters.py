"""Query-string filters of the list endpoints, checked before they reach the database."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from taizhang.plans.grouping import ADHOC_GROUP, NO_CHAPTER_NAME, group_expression
from taizhang.reporting.models import ProgressReport


def _id(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.INT, description=description)


PLAN = _id("plan", "实施方案 id")
UNIT = _id("unit", "单位 id（牵头或责任）")
CHAPTER = OpenApiParameter(
    "chapter",
    OpenApiTypes.STR,
    description=(
        f"分组（/api/plans/{{plan_id}}/progress/ 的 group）：章 id，{ADHOC_GROUP} 督办事项，"
        f"{NO_CHAPTER_NAME} 未分章节"
    ),
)
PERIOD = _id("period", "报送周期 id")
MEASURE = _id("measure", "任务 id")
STATE = OpenApiParameter(
    "state",
    OpenApiTypes.STR,
    enum=ProgressReport.State.values,
    description="流程状态：draft 草稿、submitted 已报送、returned 已退回、accepted 已审核通过",
)

MEASURE_FILTERS = {"plan": "plan_id", "unit": "assignments__unit_id"}
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


def apply_group(queryset, params):
    """Measures of one group (plans.grouping, in SQL by ``group_expression``), named as the
    progress endpoint's ``group`` names it: a chapter's id, ``adhoc`` or ``none``."""
    raw = params.get("chapter")
    if raw is None:
        return queryset
    if raw == NO_CHAPTER_NAME:
        name = None
    elif raw == ADHOC_GROUP:
        name = ADHOC_GROUP
    else:
        try:
            name = str(int(raw))
        except ValueError:
            message = {
                "detail": f"参数 chapter 必须是章 id、{ADHOC_GROUP}（督办事项）或 "
                f"{NO_CHAPTER_NAME}（未分章节）。",
                "code": "invalid",
            }
            raise ValidationError(message) from None
    queryset = queryset.annotate(measure_group=group_expression())
    if name is None:
        return queryset.filter(measure_group__isnull=True)
    return queryset.filter(measure_group=name)
