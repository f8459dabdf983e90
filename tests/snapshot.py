"""A copy of every Django table's rows, taken once and put back in well under a second, so
tests that need a big data set (the demo: ~51,000 rows) load it once per session.

PostgreSQL copies each table with COPY in its text format (no type conversions either
way) and resets the id sequences after; SQLite reads the rows and inserts them back
(AUTOINCREMENT follows the largest id by itself). Foreign keys are checked at commit on
both, so the order of the tables does not matter inside the one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass
class Snapshot:
    tables: dict[str, object]  # table -> COPY text (PostgreSQL) or (columns, rows) (SQLite)


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def take() -> Snapshot:
    tables = {}
    with connection.cursor() as cursor:
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {quoted} TO STDOUT") as copy:
                    tables[table] = b"".join(bytes(chunk) for chunk in copy)
            else:
                cursor.execute(f"SELECT * FROM {quoted}")
                columns = [column[0] for column in cursor.description]
                tables[table] = (columns, cursor.fetchall())
    return Snapshot(tables)


def restore(snapshot: Snapshot) -> None:
    """Replace every table's rows with the snapshot's (a flush leaves content types and
    permissions behind; the append-only audit table is unlocked as flush does it)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO audit_maintenance (id) VALUES (1)")
        for statement in connection.ops.sql_flush(no_style(), list(snapshot.tables)):
            cursor.execute(statement)
        for table, data in snapshot.tables.items():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                if data:
                    with cursor.cursor.copy(f"COPY {quoted} FROM STDIN") as copy:
                        copy.write(data)
                continue
            columns, rows = data
            if rows:
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", rows)
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in snapshot.tables
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        cursor.execute("DELETE FROM audit_maintenance")
