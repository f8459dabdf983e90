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
    for target in ("0008_measure_schedule_and_outcome", "0009_plan_version_in_force"):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate([("plans", target)])
    revised = Plan.objects.get(pk=plan.pk)
    entry = AuditEntry.objects.filter(action="revise", object_id=str(plan.pk)).get()
    assert (revised.version_at, revised.version_by_id) == (entry.at, office.pk)
    other = Plan.objects.get(pk=world.plan.pk)
    assert (other.version_at, other.version_by_id) == (other.created_at, None)
