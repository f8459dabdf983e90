"""Django's SQLite backend, made to answer an integer beyond 64 bits as PostgreSQL does.

sqlite3 cannot bind an integer outside the 64-bit range: ``?plan=99999999999999999999``
(or the same number in a URL) reached it and failed with OverflowError, a 500, where
PostgreSQL compares the number as a numeric and simply finds no row. Here such a number
is bound as a float for comparisons, which orders it beyond every stored id exactly as
PostgreSQL does, and the operations report the 64-bit range so Django's own integer
lookups and model-form validators know it too. One place, every query."""

from collections.abc import Mapping

from django.db.backends.sqlite3 import base, operations

LOW, HIGH = -(2**63), 2**63 - 1


def _bindable(value):
    if type(value) is int and not LOW <= value <= HIGH:
        return float(value)
    return value


class DatabaseOperations(operations.DatabaseOperations):
    def integer_field_range(self, internal_type):
        low, high = super().integer_field_range(internal_type)
        return (LOW if low is None else low, HIGH if high is None else high)


class CursorWrapper(base.SQLiteCursorWrapper):
    def execute(self, query, params=None):
        if isinstance(params, Mapping):
            params = {name: _bindable(value) for name, value in params.items()}
        elif params is not None:
            params = [_bindable(value) for value in params]
        return super().execute(query, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations

    def create_cursor(self, name=None):
        return self.connection.cursor(factory=CursorWrapper)
