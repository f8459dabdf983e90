"""The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE
(and TRUNCATE on PostgreSQL) on its table, whoever issues them, raw SQL included.

The one way past them is a row in audit_maintenance inside the same transaction, which
only `manage.py flush` (taizhang/audit/management/commands/flush.py: an operator wiping
the whole database, as the test suite does between tests) writes and removes again. A
database owner can always drop a trigger; docs/deploy.md says how to run the site as a
role that owns nothing."""

from django.db import migrations

REFUSED = "audit log is append-only"

SQLITE = [
    "CREATE TABLE audit_maintenance (id integer NOT NULL PRIMARY KEY)",
    f"""CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_auditentry
        WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: UPDATE refused'); END""",
    f"""CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_auditentry
        WHEN NOT EXISTS (SELECT 1 FROM audit_maintenance)
        BEGIN SELECT RAISE(ABORT, '{REFUSED}: DELETE refused'); END""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER audit_entry_no_delete",
    "DROP TRIGGER audit_entry_no_update",
    "DROP TABLE audit_maintenance",
]

POSTGRESQL = [
    "CREATE TABLE audit_maintenance (id integer NOT NULL PRIMARY KEY)",
    f"""CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM audit_maintenance) THEN
                RETURN CASE WHEN TG_OP = 'UPDATE' THEN NEW ELSE OLD END;
            END IF;
            RAISE EXCEPTION '{REFUSED}: % refused', TG_OP;
        END $$""",
    """CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_auditentry
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()""",
    """CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_auditentry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()""",
]
POSTGRESQL_REVERSE = [
    "DROP TRIGGER audit_entry_no_truncate ON audit_auditentry",
    "DROP TRIGGER audit_entry_no_change ON audit_auditentry",
    "DROP FUNCTION audit_refuse_change()",
    "DROP TABLE audit_maintenance",
]


def run(statements):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        chosen = statements.get(vendor)
        if chosen is None:
            raise NotImplementedError(f"no append-only triggers for {vendor}")
        for statement in chosen:
            schema_editor.execute(statement, params=None)

    return operation


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]
    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRESQL_REVERSE}),
        )
    ]
