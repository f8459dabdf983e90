"""Server time and query count of the office's heavy pages on a synthetic prefecture.

Builds, in a throwaway SQLite database, a prefecture of 12 counties with 60 units and a
plan of 90 measures reported on quarterly for 4 years (2022-2025), plus the same at half
size in a second organisation. Then, with Django's test client, the date frozen at
2025-12-01 (mid-plan, the last quarter not yet due), it measures for each page the median
time to answer over RUNS requests after a warm-up, and the number of queries, for both
sizes. One line per page; target under 200 ms, and the same query count at both sizes.

    .venv/bin/python benchmarks/bench_supervision.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

RUNS = 7
TARGET_MS = 200.0
TODAY = datetime(2025, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
YEARS = (2022, 2023, 2024, 2025)
CHINA = ZoneInfo("Asia/Shanghai")
CHAPTERS = [
    ("二", "增强全社会法治观念"),
    ("三", "健全社会领域制度规范"),
    ("四", "加强权利保护"),
    ("五", "推进社会治理法治化"),
    ("六", "依法治理网络空间"),
    ("七", "加强组织保障"),
]
# URL name -> the kwarg it needs ("plan" or "scheme").
PAGES = {
    "dashboards:plan": "plan",
    "supervision:board": "plan",
    "assessment:ranking": "scheme",
}


@dataclass(frozen=True)
class Size:
    counties: int
    measures: int
    departments: int  # prefecture-level units; each county adds its government
    years: tuple[int, ...]

    @property
    def units(self) -> int:
        return self.departments + self.counties


FULL = Size(counties=12, measures=90, departments=48, years=YEARS)
# Half of everything but the years, so that both plans have reports in the same periods.
HALF = Size(counties=6, measures=45, departments=24, years=YEARS)


def setup_django() -> None:
    """A fresh SQLite database in a temporary folder, whatever DATABASE_URL says."""
    folder = tempfile.mkdtemp(prefix="taizhang-bench-")
    os.environ["TAIZHANG_VAR_DIR"] = folder
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.config.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def build(name: str, size: Size, seed: int):
    """One organisation with its prefecture, counties, units, people, plan, periods,
    reports, targets with readings, recurring duties and a draft assessment scheme."""
    from taizhang.accounts.models import Role, User
    from taizhang.assessment.models import Indicator, Scheme
    from taizhang.plans.models import Assignment, Chapter, Measure, Plan, RecurringDuty, Target
    from taizhang.reporting.models import Period, ProgressReport, Review
    from taizhang.supervision.models import DutyFulfilment, TargetReading, TargetTracking
    from taizhang.units.models import Organisation, Region, Unit

    rng = random.Random(seed)
    org = Organisation.objects.create(name=name, prefix="州", office_name=f"{name}委依法治州办")
    home = Region.objects.create(
        organisation=org, name=name, level=Region.Level.PREFECTURE, population=3_500_000
    )
    counties = Region.objects.bulk_create(
        Region(organisation=org, name=f"第{i + 1}县", level=Region.Level.COUNTY, parent=home)
        for i in range(size.counties)
    )
    departments = Unit.objects.bulk_create(
        Unit(
            organisation=org,
            name=f"{name}第{i + 1}局",
            category=Unit.Category.GOVERNMENT,
            level=Region.Level.PREFECTURE,
            region=home,
        )
        for i in range(size.departments)
    )
    governments = Unit.objects.bulk_create(
        Unit(
            organisation=org,
            name=f"{county.name}人民政府",
            category=Unit.Category.GOVERNMENT,
            level=Region.Level.COUNTY,
            region=county,
        )
        for county in counties
    )
    office = User.objects.create(
        username=f"office-{seed}", organisation=org, role=Role.OFFICE_ADMIN
    )
    plan = Plan.objects.create(
        organisation=org,
        region=home,
        title=f"{name}法治社会建设实施方案（2022—2025年）",
        start_year=YEARS[0],
        end_year=YEARS[-1],
    )
    chapters = Chapter.objects.bulk_create(
        Chapter(plan=plan, number=number, title=title, position=i)
        for i, (number, title) in enumerate(CHAPTERS)
    )
    deadlines = [date(2023, 12, 31), date(2024, 12, 31), date(2025, 12, 31), None]
    measures = Measure.objects.bulk_create(
        Measure(
            plan=plan,
            chapter=chapters[n % len(chapters)],
            number=n + 1,
            position=n,
            text=f"开展第{n + 1}项法治建设工作，到2025年覆盖率达到95%以上。",
            deadline=deadlines[n % len(deadlines)],
            deadline_text="长期坚持" if n % 4 == 3 else "到2025年",
        )
        for n in range(size.measures)
    )
    assignments = []
    for n, measure in enumerate(measures):
        lead = departments[n % len(departments)]
        assignments.append(Assignment(measure=measure, unit=lead, role="lead"))
        for k in (1, 2):
            unit = departments[(n + 7 * k) % len(departments)]
            assignments.append(Assignment(measure=measure, unit=unit, role="responsible"))
        if n % 5 == 0:  # 各县(市)
            assignments += [
                Assignment(measure=measure, unit=gov, role="responsible") for gov in governments
            ]
    assignments = Assignment.objects.bulk_create(assignments)
    periods = []
    for year in size.years:
        for q in range(4):
            starts = date(year, 3 * q + 1, 1)
            ends = (date(year + (q == 3), (3 * q + 3) % 12 + 1, 1)) - timedelta(days=1)
            periods.append(
                Period(
                    plan=plan,
                    name=f"{year}年第{'一二三四'[q]}季度",
                    kind=Period.Kind.QUARTERLY,
                    starts_on=starts,
                    ends_on=ends,
                    due_on=ends + timedelta(days=10),
                    due_rule="期末后10日",
                )
            )
    periods = Period.objects.bulk_create(periods)
    today = TODAY.date()
    reports = []
    for index, period in enumerate(periods):
        if period.starts_on > today:
            continue
        for assignment in assignments:
            if rng.random() < 0.1:
                continue  # never reported
            state = rng.choice(["submitted", "accepted", "accepted", "returned", "draft"])
            sent = period.due_on + timedelta(days=rng.choice([-5, -2, 0, 0, 3, 12]))
            progress = index / len(periods) + rng.random() * 0.5
            status = (
                "done"
                if progress > 0.9
                else "lagging"
                if rng.random() < 0.1
                else "in_progress"
                if progress > 0.2
                else "not_started"
            )
            filed = None if state == "draft" else datetime(*sent.timetuple()[:3], 12, tzinfo=CHINA)
            reports.append(
                ProgressReport(
                    assignment=assignment,
                    period=period,
                    state=state,
                    status=status,
                    narrative="按计划推进。",
                    updated_by=office,
                    submitted_at=filed,
                    first_submitted_at=filed,  # set once by reporting's write path
                )
            )
    reports = ProgressReport.objects.bulk_create(reports, batch_size=2000)
    Review.objects.bulk_create(
        (
            Review(report=r, reviewer=office, stage="office", decision="accept")
            for r in reports
            if r.state == "accepted"
        ),
        batch_size=2000,
    )
    targets = Target.objects.bulk_create(
        Target(
            plan=plan,
            measure=measure if n % 10 else None,
            quote=f"指标{n + 1}覆盖率达到95%以上",
            value=95,
            unit="%",
            comparator=">=",
            year=2025,
        )
        for n, measure in enumerate(measures[: size.measures * 2 // 3])
    )
    TargetTracking.objects.bulk_create(
        TargetTracking(target=t, baseline=40 + n % 30, baseline_on=date(2021, 12, 31))
        for n, t in enumerate(targets)
    )
    TargetReading.objects.bulk_create(
        TargetReading(
            target=t,
            measured_on=date(year, 12, 31),
            value=min(100, 40 + (year - 2021) * rng.uniform(5, 18)),
            source="统计年报",
            recorded_by=office,
        )
        for t in targets
        for year in size.years
        if year < today.year
    )
    duties = RecurringDuty.objects.bulk_create(
        RecurringDuty(measure=m, quote="每年至少开展2次评查抽查", times_per_year=2)
        for m in measures[::4]
    )
    DutyFulfilment.objects.bulk_create(
        DutyFulfilment(
            duty=duty,
            unit=departments[n % len(departments)],
            happened_on=date(year, 6, 1),
            note="开展评查",
            recorded_by=office,
        )
        for n, duty in enumerate(duties)
        for year in size.years
        if n % 3
    )
    scheme = Scheme.objects.create(
        organisation=org, plan=plan, year=2025, name="2025年度法治社会建设考核方案"
    )
    kinds = [
        ("report_timeliness", "按时报送", 30),
        ("measure_completion", "任务完成", 40),
        ("target_attainment", "目标达成", 20),
        ("review_outcomes", "审核结果", 10),
    ]
    Indicator.objects.bulk_create(
        Indicator(scheme=scheme, kind=kind, name=label, weight=weight, position=i)
        for i, (kind, label, weight) in enumerate(kinds)
    )
    counts = (len(counties), len(measures), len(departments) + len(governments), len(reports))
    return office, {"plan": plan, "scheme": scheme}, counts


def measure_page(client, url: str) -> tuple[float, int]:
    """Median milliseconds over RUNS requests after a warm-up, and the query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return statistics.median(times), len(captured)


def main() -> int:
    setup_django()
    import time_machine
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    with time_machine.travel(TODAY, tick=True):
        started = time.perf_counter()
        full_office, full_objects, full_counts = build("基准州", FULL, seed=1)
        half_office, half_objects, half_counts = build("半规模州", HALF, seed=2)
        print(
            f"synthetic prefecture: {full_counts[0]} counties, {full_counts[1]} measures, "
            f"{full_counts[2]} units, {full_counts[3]} reports over {len(FULL.years)} years "
            f"(half size: {half_counts[1]} measures, {half_counts[2]} units, "
            f"{half_counts[3]} reports); built in {time.perf_counter() - started:.1f} s"
        )
        full_client, half_client = Client(), Client()
        full_client.force_login(full_office)
        half_client.force_login(half_office)
        failures = 0
        for name, kind in PAGES.items():
            try:
                full_url = reverse(name, kwargs={f"{kind}_id": full_objects[kind].pk})
                half_url = reverse(name, kwargs={f"{kind}_id": half_objects[kind].pk})
            except NoReverseMatch:
                print(f"{name:<22} skipped: no URL named {name} (or not with {kind}_id) yet")
                continue
            ms, queries = measure_page(full_client, full_url)
            _, half_queries = measure_page(half_client, half_url)
            fast = ms < TARGET_MS
            steady = queries == half_queries
            failures += not (fast and steady)
            print(
                f"{name:<22} median {ms:7.1f} ms  queries {queries:3d} "
                f"(half-size data: {half_queries:3d}, {'same' if steady else 'GROWS'})  "
                f"under {TARGET_MS:.0f} ms: {'yes' if fast else 'NO'}"
            )
    if failures:
        print("some page is over target or its query count grows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
