"""What is late: the items the supervision board lists and urging notices cite.

(Interface fixed; the supervision helper fills in the queries.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class LateItem:
    """One thing a unit owes: an overdue report, a returned report not resubmitted, a
    target off track, a recurring duty missed."""

    kind: str  # "report_overdue" | "report_returned" | "target_off_track" | "duty_missed"
    unit_id: int
    unit_name: str
    region_id: int  # the unit's region (its county for county-level units)
    measure_id: int
    measure_number: int
    measure_text: str
    chapter: str  # "二、增强全社会法治观念" or ""
    days_late: int
    detail: str  # one line in Chinese: "2026年第三季度进展报告逾期未报送"
    due_on: date | None = None


def late_items(organisation, today: date, plan=None) -> list[LateItem]:
    """Everything late in the organisation (optionally one plan) as of ``today``."""
    return []


def late_items_for_unit(unit, today: date) -> list[LateItem]:
    """What one unit owes as of ``today`` (the content of its urging notice)."""
    return [item for item in late_items(unit.organisation, today) if item.unit_id == unit.pk]
