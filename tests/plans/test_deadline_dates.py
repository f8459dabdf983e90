"""A measure's deadline as a date: the end of what the parser printed (a range's last month)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from taizhang.parsing import parse_path
from taizhang.plans.importing import deadline_date

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


@pytest.mark.parametrize(
    ("name", "ends"),
    [
        # a range in the measure's text: 2025年3月至6月完成…, 2025年4月—9月完成…, 2025年5—8月完成…
        ("yuefen_qujian", [(2025, 6), (2025, 9), (2025, 8), (2026, 3)]),
        # a range in a 完成时限 field: 完成时限：2025年3月—6月
        ("shixian_qujian", [(2025, 6), (2025, 11), (2025, 10)]),
    ],
)
def test_a_range_of_months_ends_at_its_last_month(name, ends):
    plan = parse_path(STYLES / f"{name}.txt")
    dates = [deadline_date(task.deadline) for task in plan.tasks]
    assert [(d.year, d.month) for d in dates] == ends
    assert all(d.day > 27 and (d + datetime.timedelta(days=1)).day == 1 for d in dates)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("2025年6月底前", datetime.date(2025, 6, 30)),
        ("2023年底前", datetime.date(2023, 12, 31)),
        ("2025年3月至6月", datetime.date(2025, 6, 30)),
        ("2025年3—6月", datetime.date(2025, 6, 30)),
        ("2025年3月1日至6月30日", datetime.date(2025, 6, 30)),
        ("2025年10月—2026年2月", datetime.date(2026, 2, 28)),
    ],
)
def test_deadline_dates(text, end):
    assert deadline_date(text) == end
