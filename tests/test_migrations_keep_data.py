"""Migrations keep what a database of the previous release holds.

Models that moved app keep their rows: going back to before the move leaves the old tables
with their rows, as such a database has them; migrating forward again must adopt them.
Reports filed before first_submitted_at existed get it from their versions."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from taizhang.annual_reports import services as annual_reports
from taizhang.annual_reports.models import AnnualReport
from taizhang.notices.models import UrgeNotice
from tests import factories as f

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(*targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(list(targets))


def _latest(app: str):
    executor = MigrationExecutor(connection)
    return next(key for key in executor.loader.graph.leaf_nodes() if key[0] == app)


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


def test_annual_reports_adopt_the_outputs_tables_and_their_rows(world):
    office = world.people["office"]
    report = annual_reports.create(office, world.plan, "government", 2025, region=world.home)[0]
    _migrate(("annual_reports", None))
    assert {"outputs_annualreport", "outputs_annualreportversion"} <= _tables()
    _migrate(_latest("annual_reports"))
    assert "outputs_annualreport" not in _tables()
    kept = AnnualReport.objects.get(pk=report.pk)
    assert (kept.title, kept.versions.count()) == (report.title, 1)


def test_notices_adopt_the_supervision_table_and_the_measures_cited(world):
    notice = f.UrgeNoticeFactory(unit=world.education, created_by=world.people["office"])
    notice.measures.add(world.first, world.second)
    _migrate(("notices", None))
    assert {"supervision_urgenotice", "supervision_urgenotice_measures"} <= _tables()
    _migrate(_latest("notices"))
    kept = UrgeNotice.objects.get(pk=notice.pk)
    assert (kept.number, set(kept.measures.all())) == (notice.number, {world.first, world.second})


def test_first_submissions_are_backfilled_from_the_versions(world):
    from datetime import UTC, datetime

    from taizhang.reporting.models import ProgressReport, ReportVersion

    report = f.ReportFactory(
        assignment=world.first.assignments.first(),
        period=world.period,
        state="submitted",
        submitted_at=datetime(2025, 5, 2, tzinfo=UTC),
    )
    for number, (action, day) in enumerate([("submit", 1), ("return", 1), ("submit", 2)], 1):
        version = ReportVersion.objects.create(
            report=report, number=number, action=action, snapshot={}
        )
        ReportVersion.objects.filter(pk=version.pk).update(
            created_at=datetime(2025, 4, day, tzinfo=UTC)
        )
    _migrate(("reporting", "0002_names_in_chinese"))
    _migrate(_latest("reporting"))
    assert ProgressReport.objects.get().first_submitted_at == datetime(2025, 4, 1, tzinfo=UTC)
