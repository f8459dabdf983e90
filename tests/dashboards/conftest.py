"""A small plan whose dashboard figures are worked out by hand (see test_dashboards_figures),
and a builder of plans of any size for the query-count tests.

Today is 2024-08-01. Periods: 2024 Q1 (due 04-10) and Q2 (due 07-10) are past due, Q3 has
begun (due 10-15), Q4 has not begun.

  measure  chapter  deadline    lead     responsible
  m1       C1       2025-12-31  州司法局  州教育局, 甲县人民政府
  m2       C1       2024-06-30  州教育局  甲县城关镇人民政府 (a township of 甲县)
  m3       C2       2025-12-31  州司法局  乙县人民政府
  m4       —        2025-12-31  乙县人民政府
  m6       C2       2025-12-31  州教育局
  m5       C2       withdrawn   州司法局   (its report must count nowhere)
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

TODAY = datetime.date(2024, 8, 1)
CHINA = ZoneInfo("Asia/Shanghai")


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 12, tzinfo=CHINA)


@pytest.fixture
def small(world):
    """The hand-computed plan, in the world's organisation (so its people can open it)."""
    from taizhang.plans.models import Assignment
    from taizhang.units.models import Region
    from tests import factories as f

    lead, resp = Assignment.Role.LEAD, Assignment.Role.RESPONSIBLE
    org = world.organisation
    home = world.home
    county_a = world.county  # 甲县
    county_b = f.CountyFactory(organisation=org, name="乙县")
    township = f.RegionFactory(
        organisation=org, name="城关镇", level=Region.Level.TOWNSHIP, parent=county_a
    )
    plan = f.PlanFactory(organisation=org, region=home, start_year=2022, end_year=2025)
    c1 = f.ChapterFactory(plan=plan, number="二", title="增强全社会法治观念", position=1)
    c2 = f.ChapterFactory(plan=plan, number="三", title="健全社会领域制度规范", position=2)
    justice, education = world.justice, world.education
    county_gov = world.county_government  # 甲县人民政府
    town_gov = f.UnitFactory(
        organisation=org, region=township, name="甲县城关镇人民政府", level="township"
    )
    county_b_gov = f.UnitFactory(
        organisation=org, region=county_b, name="乙县人民政府", level="county"
    )

    def measure(number, chapter, deadline=datetime.date(2025, 12, 31), **extra):
        return f.MeasureFactory(
            plan=plan, number=number, position=number, chapter=chapter, deadline=deadline, **extra
        )

    m1, m2 = measure(1, c1), measure(2, c1, datetime.date(2024, 6, 30))
    m3, m4, m5, m6 = (
        measure(3, c2),
        measure(4, None),
        measure(5, c2, withdrawn=True),
        measure(6, c2),
    )
    a = {}
    for key, m, unit, role in [
        ("J1", m1, justice, lead),
        ("E1", m1, education, resp),
        ("GA1", m1, county_gov, resp),
        ("E2", m2, education, lead),
        ("GT2", m2, town_gov, resp),
        ("J3", m3, justice, lead),
        ("GB3", m3, county_b_gov, resp),
        ("GB4", m4, county_b_gov, lead),
        ("J5", m5, justice, lead),
        ("E6", m6, education, lead),
    ]:
        a[key] = f.AssignmentFactory(measure=m, unit=unit, role=role)

    def quarter(n, start, end, due):
        return f.PeriodFactory(
            plan=plan, name=f"2024年第{n}季度", starts_on=start, ends_on=end, due_on=due
        )

    d = datetime.date
    p1 = quarter("一", d(2024, 1, 1), d(2024, 3, 31), d(2024, 4, 10))
    p2 = quarter("二", d(2024, 4, 1), d(2024, 6, 30), d(2024, 7, 10))
    p3 = quarter("三", d(2024, 7, 1), d(2024, 9, 30), d(2024, 10, 15))
    quarter("四", d(2024, 10, 1), d(2024, 12, 31), d(2025, 1, 15))

    def report(key, period, state, status, sent=None):
        f.ReportFactory(
            assignment=a[key],
            period=period,
            state=state,
            status=status,
            submitted_at=at_noon(sent) if sent else None,
        )

    report("J1", p1, "accepted", "in_progress", d(2024, 4, 8))
    report("E1", p1, "submitted", "in_progress", d(2024, 4, 12))  # late
    report("E2", p1, "submitted", "done", d(2024, 4, 9))
    report("J3", p1, "draft", "in_progress")
    report("J5", p1, "submitted", "done", d(2024, 4, 1))  # withdrawn measure
    report("J1", p2, "accepted", "done", d(2024, 7, 5))
    report("GA1", p2, "returned", "in_progress", d(2024, 7, 1))
    report("GB3", p2, "accepted", "done", d(2024, 7, 9))
    report("GB4", p2, "accepted", "lagging", d(2024, 7, 20))  # late
    report("E2", p3, "accepted", "done", d(2024, 7, 25))
    targets = SimpleNamespace(
        measure=f.TargetFactory(measure=m1, quote="普法覆盖率达到95%以上"),
        plan_level=f.TargetFactory(
            measure=None, plan=plan, quote="法治宣传教育基地达100个", value=100, unit="个"
        ),
    )
    return SimpleNamespace(plan=plan, world=world, targets=targets, periods=(p1, p2, p3))


def build_plan(world, measures: int, units: int, periods: int):
    """A plan of ``measures`` measures spread over 3 chapters, each led by one of ``units``
    units (half of them in counties) and carried by two more, with every report of every
    period sent (alternately on time and late) and one target per measure."""
    from taizhang.plans.models import Assignment
    from tests import factories as f

    org = world.organisation
    plan = f.PlanFactory(organisation=org, region=world.home, start_year=2022, end_year=2025)
    chapters = [f.ChapterFactory(plan=plan, position=i) for i in range(3)]
    counties = [f.CountyFactory(organisation=org) for _ in range(max(1, units // 4))]
    pool = [
        f.UnitFactory(
            organisation=org,
            region=counties[i % len(counties)] if i % 2 else world.home,
            level="county" if i % 2 else "prefecture",
        )
        for i in range(units)
    ]
    rounds = [
        f.PeriodFactory(
            plan=plan,
            starts_on=datetime.date(2023, 1, 1) + datetime.timedelta(days=91 * i),
            ends_on=datetime.date(2023, 3, 31) + datetime.timedelta(days=91 * i),
            due_on=datetime.date(2023, 4, 10) + datetime.timedelta(days=91 * i),
        )
        for i in range(periods)
    ]
    for n in range(measures):
        m = f.MeasureFactory(plan=plan, number=n + 1, chapter=chapters[n % 3])
        f.TargetFactory(measure=m)
        for k in range(3):
            assignment = f.AssignmentFactory(
                measure=m,
                unit=pool[(n + k) % units],
                role=Assignment.Role.LEAD if k == 0 else Assignment.Role.RESPONSIBLE,
            )
            for i, period in enumerate(rounds):
                sent = period.due_on + datetime.timedelta(days=(n + i) % 2 * 5)
                f.ReportFactory(
                    assignment=assignment,
                    period=period,
                    state="submitted",
                    status=("in_progress", "done", "lagging")[(n + i) % 3],
                    submitted_at=at_noon(sent),
                )
    return plan
