"""A revised plan's version and its import time come from the same place: every page that
prints them asks ``Plan.version`` (the version in force, confirmed when and by whom)."""

from __future__ import annotations

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.plans import importing
from tests import factories as f
from tests.plans.test_import_revisions import ORIGINAL, REVISED


def at(month: int, day: int, hour: int) -> datetime:
    return timezone.make_aware(datetime(2026, month, day, hour))


@pytest.fixture
def revised(world):
    office = world.people["office"]
    with time_machine.travel(at(7, 6, 10), tick=False):
        text = ORIGINAL.encode()
        staged = importing.stage(world.organisation, office, world.home, "v1.txt", text)
        plan = importing.confirm(staged, office, {})
    deputy = f.UserFactory(
        organisation=world.organisation, role=Role.OFFICE_ADMIN, display_name="李副主任"
    )
    with time_machine.travel(at(8, 3, 15), tick=False):
        staged = importing.stage(
            world.organisation, deputy, plan.region, "v2.txt", REVISED.encode(), plan
        )
        return importing.confirm(staged, deputy, {})


def test_the_version_in_force_is_the_revisions(revised):
    version = revised.version
    assert (version.number, version.at.date().isoformat()) == (2, "2026-08-03")
    assert revised.version_line == "第2版，2026年8月3日 15:00导入（李副主任）"
    assert revised.source_name == "v2.txt"


@pytest.mark.parametrize(
    "url",
    [
        lambda plan: reverse("ledger:ledger", kwargs={"plan_id": plan.pk}),
        lambda plan: reverse("ledger:list"),
        lambda plan: reverse("editing:measure_add", kwargs={"plan_id": plan.pk}),
        lambda plan: reverse("plans:import_revise", kwargs={"plan_id": plan.pk}),
    ],
    ids=["ledger", "plan-list", "plan-page", "revise-page"],
)
def test_every_page_prints_the_version_with_its_own_date(office, revised, url):
    page = office.get(url(revised)).content.decode()
    assert "第2版，2026年8月3日 15:00导入" in page
    assert "7月6日" not in page


def test_the_ledger_export_says_the_version_in_its_title(office, revised):
    import io

    import openpyxl

    response = office.get(reverse("ledger:export", kwargs={"plan_id": revised.pk}))
    title = openpyxl.load_workbook(io.BytesIO(response.content)).active["A1"].value
    assert title.endswith("任务分工台账（第2版，2026年8月3日 15:00导入）")


@pytest.mark.django_db(transaction=True)
def test_the_migration_dates_a_plan_imported_before_by_its_log(world):
    """A database of the previous release: each plan's version is dated by its latest
    导入方案/修订方案 entry, and a plan with none by its creation."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from taizhang.audit.models import AuditEntry
    from taizhang.plans.models import Plan

    office = world.people["office"]
    text = ORIGINAL.encode()
    plan = importing.confirm(
        importing.stage(world.organisation, office, world.home, "v1.txt", text), office, {}
    )
    staged = importing.stage(
        world.organisation, office, world.home, "v2.txt", REVISED.encode(), plan
    )
    importing.confirm(staged, office, {})
    for target in (
        "0008_measure_schedule_and_outcome",
        "0009_plan_version_in_force",
        "0010_broken_down_plans_maker",
    ):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("plans", target)])
    revised = Plan.objects.get(pk=plan.pk)
    entry = AuditEntry.objects.filter(action="revise", object_id=str(plan.pk)).get()
    assert (revised.version_at, revised.version_by_id) == (entry.at, office.pk)
    other = Plan.objects.get(pk=world.plan.pk)
    assert (other.version_at, other.version_by_id) == (other.created_at, None)


@pytest.mark.django_db(transaction=True)
def test_the_migration_names_the_maker_of_a_plan_broken_down_before(world):
    """A plan made by 分解制定本级方案 before its maker was kept has its 按上级方案分解制定方案
    entry's actor and time as its version's; one with no such entry keeps its creation time
    and no maker. Rolled back and applied again, the answer is the same."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from taizhang.audit.models import AuditEntry
    from taizhang.plans import breakdown
    from taizhang.plans.models import Plan

    county = world.people["county"]
    justice = f.UnitFactory(
        organisation=world.organisation, region=world.county, name="县司法局", level="county"
    )
    with time_machine.travel(at(9, 1, 9), tick=False):
        made = breakdown.create_county_plan(
            world.plan,
            world.county,
            county,
            "甲县法治社会建设实施方案",
            [breakdown.Pick(world.first, [justice], [], "每年12月底前总结。", "年度总结。")],
        )
    unlogged = f.PlanFactory(
        organisation=world.organisation,
        region=world.county,
        parent=world.plan,
        source_name=f"分解自《{world.plan.title}》",
    )
    # as a release before product26 left them: 0009 dated them by their creation, no maker
    for plan in (made, unlogged):
        Plan.objects.filter(pk=plan.pk).update(version_by=None, version_at=plan.created_at)
    Plan.objects.filter(pk=made.pk).update(created_at=at(9, 2, 9), version_at=at(9, 2, 9))
    assert Plan.objects.get(pk=made.pk).version_line == "第1版，2026年9月2日 09:00分解制定"

    entry = AuditEntry.objects.get(action="break_down", object_id=str(made.pk))
    for target in ("0009_plan_version_in_force", "0010_broken_down_plans_maker") * 2:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("plans", target)])
        if target.startswith("0010"):
            plan = Plan.objects.get(pk=made.pk)
            assert (plan.version_at, plan.version_by_id) == (entry.at, county.pk)
            assert plan.version_line == f"第1版，2026年9月1日 09:00分解制定（{county}）"
            other = Plan.objects.get(pk=unlogged.pk)
            assert (other.version_at, other.version_by_id) == (other.created_at, None)
