"""The pages at province scale, on PostgreSQL: 100 plans of 90 measures (9,000), 3,000
units, ~121,500 assignments and 16 quarterly periods each, so ~1.94 million reports.

The rows are written with bulk_create and, for the reports, PostgreSQL's COPY, so the build
takes minutes, not hours. Then each page is requested in this process (Django's test
client, signed in as the person who uses it) and its median time over RUNS requests after
one warm-up is printed twice: computed on every request (as right after a write) and kept
by taizhang.freshness (as while nothing changes); a page slower than SLOW seconds is timed
once. Target: < 300 ms both ways.

    scripts/with-postgres.sh .venv/bin/python benchmarks/province.py [--scale 0.05]

--scale shrinks the province (plans and units) for a quick run (`make bench`); --pages
board,plan_list times only those pages.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
PLANS, MEASURES, UNITS_PER_PLAN, RESPONSIBLE = 100, 90, 30, 12.5
YEARS = (2022, 2023, 2024, 2025)
RUNS, SLOW, TARGET_MS = 5, 10.0, 300
CHINA = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 12, 20, 10, 0, tzinfo=CHINA)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--pages", default="", help="only these pages, e.g. board,plan_list")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("province: needs PostgreSQL (scripts/with-postgres.sh)")
    sys.path[:0] = [str(REPO / "src"), str(REPO)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    started = time.monotonic()
    world = build(max(1, round(PLANS * args.scale)))
    print(f"# province built in {time.monotonic() - started:.0f} s: {world['counts']}", flush=True)
    wanted = {name for name in args.pages.split(",") if name}
    for name, (user, path) in pages(world).items():
        if wanted and name not in wanted:
            continue
        print(both_ways(name, user, path), flush=True)


# -- the province -------------------------------------------------------------------------


def build(plan_count: int) -> dict:
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction

    from taizhang.accounts.models import Role, User
    from taizhang.plans.models import Assignment, Chapter, Measure, Plan
    from taizhang.reporting.models import Period, ProgressReport
    from taizhang.units.models import Organisation, Region, Unit

    rng = random.Random(2025)
    with transaction.atomic():
        province = Organisation.objects.create(
            name="某省", prefix="省", office_name="省委依法治省办"
        )
        regions = Region.objects.bulk_create(
            Region(organisation=province, name=f"第{i}市", level=Region.Level.PREFECTURE)
            for i in range(plan_count)
        )
        units = Unit.objects.bulk_create(
            Unit(organisation=province, region=region, name=f"{region.name}第{j}局",
                 category=Unit.Category.GOVERNMENT, level=Region.Level.PREFECTURE)
            for region in regions for j in range(UNITS_PER_PLAN)
        )  # fmt: skip
        plans = Plan.objects.bulk_create(
            Plan(organisation=province, region=region, title=f"{region.name}法治社会建设实施方案",
                 start_year=YEARS[0], end_year=YEARS[-1])
            for region in regions
        )  # fmt: skip
        chapters = Chapter.objects.bulk_create(
            Chapter(plan=plan, number=n, title=f"第{n}部分", position=p)
            for plan in plans for p, n in enumerate("二三四五六七", start=1)
        )  # fmt: skip
        measures = Measure.objects.bulk_create(
            Measure(plan=plan, chapter=chapters[i * 6 + m % 6], number=m + 1, position=m + 1,
                    text=f"开展第{m + 1}项法治宣传活动，到2025年覆盖率达到95%以上。")
            for i, plan in enumerate(plans) for m in range(MEASURES)
        )  # fmt: skip
        assignments = []
        for index, measure in enumerate(measures):
            local = units[(index // MEASURES) * UNITS_PER_PLAN :][:UNITS_PER_PLAN]
            chosen = rng.sample(local, int(RESPONSIBLE) + 1 + (index % 2))
            assignments.append(Assignment(measure=measure, unit=chosen[0], role="lead"))
            assignments += [
                Assignment(measure=measure, unit=u, role="responsible") for u in chosen[1:]
            ]
        assignments = Assignment.objects.bulk_create(assignments, batch_size=5000)
        periods = Period.objects.bulk_create(
            Period(plan=plan, name=f"{year}年第{q}季度", kind="quarterly",
                   starts_on=date(year, 3 * q - 2, 1), ends_on=_quarter_end(year, q),
                   due_on=_quarter_end(year, q))
            for plan in plans for year in YEARS for q in (1, 2, 3, 4)
        )  # fmt: skip
        by_plan = {}
        for period in periods:
            by_plan.setdefault(period.plan_id, []).append(period)
        reports = copy_reports(connection, ProgressReport, assignments, by_plan, rng)
        office = User.objects.create(
            username="province_office", password=make_password("x"), organisation=province,
            role=Role.OFFICE_ADMIN,
        )  # fmt: skip
        liaison = User.objects.create(
            username="province_liaison", password=make_password("x"), organisation=province,
            role=Role.LIAISON, unit=units[0],
        )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = {
        "plans": len(plans), "measures": len(measures), "units": len(units),
        "assignments": len(assignments), "reports": reports,
    }  # fmt: skip
    return {"office": office, "liaison": liaison, "plan": plans[0], "unit": units[0],
            "counts": counts}  # fmt: skip


def _quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, 3 * quarter + 1, 1) - timedelta(days=1)


def copy_reports(connection, model, assignments, periods_by_plan, rng) -> int:
    """One report per assignment and period, written with COPY; the columns this script
    does not set take their model defaults, so new columns with defaults need no change."""
    plan_of = {}
    from taizhang.plans.models import Measure

    for measure_id, plan_id in Measure.objects.values_list("pk", "plan_id"):
        plan_of[measure_id] = plan_id
    given = {"assignment_id", "period_id", "status", "state", "narrative", "updated_at",
             "submitted_at", "first_submitted_at", "version"}  # fmt: skip
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    defaults = {f.column: f.get_default() for f in fields if f.column not in given}
    columns = [f.column for f in fields]
    statuses, count = ["in_progress", "done", "lagging", "not_started"], 0
    sql = f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for assignment in assignments:
            for period in periods_by_plan[plan_of[assignment.measure_id]]:
                filed = period.ends_on < NOW.date()
                moment = datetime.combine(period.ends_on, datetime.min.time(), CHINA)
                row = {
                    "assignment_id": assignment.pk, "period_id": period.pk,
                    "status": rng.choice(statuses), "state": "accepted" if filed else "draft",
                    "narrative": "按计划推进，开展宣传活动。", "updated_at": moment,
                    "submitted_at": moment if filed else None, "version": 2,
                    # on time is decided by the first submission (reporting's rule)
                    "first_submitted_at": moment if filed else None,
                    **defaults,
                }  # fmt: skip
                copy.write_row([row[c] for c in columns])
                count += 1
    return count


# -- the pages ------------------------------------------------------------------------------


def pages(world) -> dict:
    from django.urls import reverse

    office, liaison, plan = world["office"], world["liaison"], world["plan"].pk
    return {
        "plan_list": (office, reverse("ledger:list")),
        "ledger": (office, reverse("ledger:ledger", kwargs={"plan_id": plan})),
        "responsibilities": (office, reverse("ledger:responsibilities",
                             kwargs={"plan_id": plan, "unit_id": world["unit"].pk})),
        "todo": (liaison, reverse("workspace:todo")),
        "board": (office, reverse("supervision:board", kwargs={"plan_id": plan})),
        "dashboard": (office, reverse("dashboards:plan", kwargs={"plan_id": plan})),
        "api_reports": (office, reverse("api:report-list")),
        "api_measures": (office, reverse("api:measure-list")),
    }  # fmt: skip


def both_ways(name, user, path) -> str:
    """The page computed on every request (as right after a change to the organisation's
    data) and kept (taizhang.freshness: as while nothing has changed)."""
    from django.test import override_settings

    with override_settings(TAIZHANG_KEEP_PAGES=False):
        status, computed = time_page(user, path)
    _, kept = time_page(user, path)
    verdict = "ok" if max(computed, kept) < TARGET_MS else "SLOW"
    return f"page={name} status={status} computed_ms={computed:.0f} kept_ms={kept:.0f} {verdict}"


def time_page(user, path) -> tuple[int, float]:
    """The median milliseconds of RUNS requests after a warm-up one (a page slower than
    SLOW is timed once)."""
    import time_machine
    from django.test import Client

    client = Client()
    client.force_login(user)
    timings = []
    with time_machine.travel(NOW, tick=True):
        for run in range(RUNS + 1):
            began = time.perf_counter()
            status = client.get(path).status_code
            took = time.perf_counter() - began
            if run or took > SLOW:
                timings.append(took)
            if took > SLOW:
                break
    return status, statistics.median(timings) * 1000


if __name__ == "__main__":
    main()
