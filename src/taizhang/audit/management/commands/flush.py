"""Django's flush, able to empty the append-only audit table too.

The triggers of migration audit/0002 refuse to delete audit entries unless a row sits in
audit_maintenance; this command puts one there for the length of its own transaction, so
no other connection ever sees the table unlocked. Deliberately wiping a whole database
(the test suite does it between tests) is the only case where history may go."""

from django.core.management.commands import flush
from django.db import connections, transaction


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("INSERT INTO audit_maintenance (id) VALUES (1)")
            super().handle(**options)
            cursor.execute("DELETE FROM audit_maintenance")
