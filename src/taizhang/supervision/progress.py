"""Where a target stands: expected value today, latest actual, projection at the deadline,
and a status. (Interface fixed; the supervision helper implements it.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


class Status:
    MET = "met"  # 已达标
    ON_TRACK = "on_track"  # 进度正常
    AT_RISK = "at_risk"  # 存在风险
    OFF_TRACK = "off_track"  # 进度滞后
    NO_DATA = "no_data"  # 暂无数据

    LABELS = {
        MET: "已达标",
        ON_TRACK: "进度正常",
        AT_RISK: "存在风险",
        OFF_TRACK: "进度滞后",
        NO_DATA: "暂无数据",
    }


@dataclass(frozen=True)
class TargetProgress:
    target_id: int
    status: str
    expected_now: float | None
    latest: float | None
    latest_on: date | None
    projected: float | None  # the value expected at the deadline at the current pace
    deadline: date | None


def progress_of_targets(targets, today: date) -> dict[int, TargetProgress]:
    """Progress of many targets at once (a fixed number of queries): target id -> progress."""
    return {}
