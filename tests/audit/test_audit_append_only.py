"""The audit log is append-only in the database: raw SQL cannot change or remove an entry
(triggers of migration audit/0002); only a deliberate flush of the whole database can."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from taizhang.audit.log import record
from taizhang.audit.models import AuditEntry

REFUSED = "append-only"


@pytest.fixture
def entry(world):
    return record(
        world.people["office"],
        "import",
        world.plan,
        {"measures_added": 2},
        organisation=world.organisation,
    )


def refused(sql: str, params=()) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)
    return str(error.value)


@pytest.mark.django_db
def test_raw_sql_cannot_delete_an_entry(entry):
    assert REFUSED in refused("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert REFUSED in refused("DELETE FROM audit_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_raw_sql_cannot_change_an_entry(entry):
    assert REFUSED in refused(
        "UPDATE audit_auditentry SET reason = 'forged' WHERE id = %s", [entry.pk]
    )
    entry.refresh_from_db()
    assert entry.reason == ""


@pytest.mark.django_db
def test_raw_sql_cannot_truncate_the_log_on_postgresql(entry):
    if connection.vendor != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL's (SQLite has only DELETE)")
    with connection.cursor() as cursor:  # (else the test's own pending FK checks refuse it)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    assert REFUSED in refused("TRUNCATE audit_auditentry")


@pytest.mark.django_db
def test_the_unlock_row_cannot_be_left_behind_by_a_session(entry):
    """Unlocking is only ever in flush's own transaction: an unlock row written and
    committed by someone else would open the log, so none exists after migrations."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM audit_maintenance")
        assert cursor.fetchone()[0] == 0


@pytest.mark.django_db(transaction=True)
def test_flushing_the_whole_database_empties_it_and_locks_it_again(world):
    record(world.people["office"], "import", world.plan, {}, organisation=world.organisation)
    call_command("flush", interactive=False, verbosity=0)
    assert not AuditEntry.objects.exists()
    entry = AuditEntry.objects.create(action="x", object_type="x", object_id="1", object_label="x")
    assert REFUSED in refused("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
