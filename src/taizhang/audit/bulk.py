"""Bulk writes that keep the times the rows carry, for the write paths' bulk variants.

A history replayed or brought in at once (the demo's year) must be stamped when each thing
happened, not when it was loaded; ``bulk_create`` would overwrite every ``auto_now`` field
with the current time. ``create_as_of`` inserts the objects exactly as built, many to a
statement, and gives them their ids back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from django.db import connections, models, router

M = TypeVar("M", bound=models.Model)
MAX_PARAMETERS = 65_535


def create_as_of(objs: Sequence[M]) -> Sequence[M]:
    """Insert ``objs`` (new objects of one model, every timestamp set) as they are."""
    if not objs:
        return objs
    model = type(objs[0])
    opts = model._meta
    using = router.db_for_write(model)
    connection = connections[using]
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="create_as_of")
    fields = [f for f in opts.concrete_fields if not f.generated and f is not opts.auto_field]
    returning = opts.db_returning_fields
    size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
    plain = connection.features.can_return_rows_from_bulk_insert and not any(
        hasattr(field, "get_placeholder") for field in fields
    )
    if plain:  # one statement's parameters: PostgreSQL takes at most 65,535
        size = max(1, min(size, MAX_PARAMETERS // len(fields)))
    for start in range(0, len(objs), size):
        batch = objs[start : start + size]
        if plain:
            rows = _insert_returning(connection, opts, fields, returning, batch)
        else:
            # raw: the values as they are (the auto_now fields are not stamped with now()),
            # the path Model.save_base takes for raw saves
            rows = model._base_manager.using(using)._insert(
                batch, fields=fields, returning_fields=returning, raw=True
            )
        for obj, row in zip(batch, rows, strict=True):
            for field, value in zip(returning, row, strict=True):
                setattr(obj, field.attname, value)
            obj._state.adding, obj._state.db = False, using
    return objs


def _insert_returning(connection, opts, fields, returning, batch) -> list:
    """One INSERT … VALUES (…), (…) RETURNING of ``batch``, each value prepared as the
    insert compiler prepares a raw save's (``get_db_prep_save`` of the attribute as it is),
    without the compiler's work per value: a third of a bulk load's time went there."""
    quote = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    params = [
        field.get_db_prep_save(getattr(obj, field.attname), connection)
        for obj in batch
        for field in fields
    ]
    sql = (
        f"{_insert_into(connection, opts, fields)} VALUES {', '.join([row] * len(batch))}"
        f" RETURNING {', '.join(quote(field.column) for field in returning)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def update_as_of(objs: Sequence[models.Model], field_names: Sequence[str]) -> None:
    """Write ``field_names`` of ``objs`` (saved objects of one model) as they are, one
    prepared statement run for all (bulk_update's CASE per field grows with the batch)."""
    if not objs:
        return
    model = type(objs[0])
    opts = model._meta
    using = router.db_for_write(model)
    connection = connections[using]
    fields = [opts.get_field(name) for name in field_names]
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = f"UPDATE {quote(opts.db_table)} SET {assignments} WHERE {quote(opts.pk.column)} = %s"
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def insert_rows(model: type[models.Model], field_names: Sequence[str], rows) -> None:
    """Insert ``rows`` of ``model`` (tuples of values for ``field_names``, as the database
    stores them: ids, text, numbers) in one prepared statement run for all, no object
    built and no id read back: many small rows nothing reads again in the same breath
    (the demo's thirty thousand survey answers; bulk_create spends longer preparing each
    value than the database spends storing it)."""
    opts = model._meta
    connection = connections[router.db_for_write(model)]
    fields = [opts.get_field(name) for name in field_names]
    marks = ", ".join(["%s"] * len(fields))
    sql = f"{_insert_into(connection, opts, fields)} VALUES ({marks})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, list(rows))


def _insert_into(connection, opts, fields) -> str:
    """``INSERT INTO table (columns)`` of ``fields`` of the model ``opts`` describes."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    return f"INSERT INTO {quote(opts.db_table)} ({columns})"
