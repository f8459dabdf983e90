"""Models that moved app keep their rows: a database made before the move (the tables under
their old names, with rows) migrates to the new apps without losing anything.

Going back to before the move leaves the old tables with their rows, as a database of the
previous release has them; migrating forward again must adopt them."""

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
