"""Queries asked on every request, compiled to SQL once per process.

Building a queryset and compiling it costs Django ten times what SQLite takes to answer a
lookup by key: the signed-in person (with their unit, region, organisation and unread
count) and the organisation's version stamp (taizhang.freshness) are asked on every page,
so each is built once, for sentinel values no row has, and compiled once per process and
database; each request runs that SQL with its own values in the sentinels' places.

It lives here because the person's load (accounts.backends) is the lowest layer that asks
it; freshness uses it for the stamp."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Ids no row has (primary keys count up from 1); one per value of the query. A value of
# another type (a session key) brings its own.
SENTINELS = (-7_340_033, -7_340_047, -7_340_059)


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple
    slots: tuple[tuple[int, int], ...]  # (position in params, which value)
    model: type[Model]
    init_list: tuple[str, ...]
    fields: tuple[int, int]  # the model's own columns: [start, end)
    related: tuple  # Django's populators of select_related models
    annotations: tuple[tuple[str, int], ...]
    converters: dict


class Prepared:
    """``build(*values)`` (a queryset of ``model`` filtered by ``values``: ids, unless
    other ``sentinels`` say their type), compiled once per process and database.
    ``first(*values)`` answers the first model instance as the queryset would
    (select_related models and annotations included); ``first_row(*values)`` the first
    row of a ``values_list`` query as the database gives it (ids: nothing to convert)."""

    def __init__(
        self,
        model: type[Model],
        build: Callable[..., QuerySet],
        arity: int = 1,
        sentinels: tuple | None = None,
    ):
        self.sentinels = SENTINELS[:arity] if sentinels is None else sentinels
        if len(self.sentinels) != arity:
            raise ValueError("Prepared: one sentinel per value")
        self.model, self.build, self.arity = model, build, arity
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def first(self, *values: int) -> Any:
        using, compiled, row = self._run(values)
        if row is None:
            return None
        if compiled.converters:
            row = list(row)
            connection = connections[using]
            for position, (converters, expression) in compiled.converters.items():
                value = row[position]
                for convert in converters:
                    value = convert(value, expression, connection)
                row[position] = value
        start, end = compiled.fields
        found = compiled.model.from_db(using, compiled.init_list, row[start:end])
        for populator in compiled.related:
            populator.populate(row, found)
        for name, position in compiled.annotations:
            setattr(found, name, row[position])
        return found

    def first_row(self, *values: int) -> tuple | None:
        return self._run(values)[2]

    def _run(self, values: tuple[int, ...]) -> tuple[str, _Compiled, tuple | None]:
        if len(values) != self.arity:
            raise TypeError(f"Prepared: {self.arity} values expected")
        using = router.db_for_read(self.model)
        compiled = self._compiled.get(using) or self._compile(using)
        params = list(compiled.params)
        for position, which in compiled.slots:
            params[position] = values[which]
        with connections[using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return using, compiled, cursor.fetchone()

    def _compile(self, using: str) -> _Compiled:
        with self._lock:
            if using in self._compiled:
                return self._compiled[using]
            sentinels = self.sentinels
            query = self.build(*sentinels).using(using).query
            compiler = query.get_compiler(using)
            sql, params = compiler.as_sql()  # fills select, klass_info, annotation_col_map
            slots = tuple(
                (position, which)
                for position, value in enumerate(params)
                for which, sentinel in enumerate(sentinels)
                if type(value) is type(sentinel) and value == sentinel
            )
            if {which for _, which in slots} != set(range(self.arity)):
                raise ValueError("Prepared: a value went into the SQL, not its parameters")
            compiled = self._describe(compiler, sql, tuple(params), slots, using)
            self._compiled[using] = compiled
            return compiled

    @staticmethod
    def _describe(compiler, sql, params, slots, using) -> _Compiled:
        """What Django's ModelIterable reads from a compiler to build each instance."""
        select, info = compiler.select, compiler.klass_info
        if info is None:  # values_list(): rows only
            return _Compiled(sql, params, slots, Model, (), (0, 0), (), (), {})
        fields = info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        return _Compiled(
            sql=sql,
            params=params,
            slots=slots,
            model=info["model"],
            init_list=tuple(column[0].target.attname for column in select[start:end]),
            fields=(start, end),
            related=tuple(get_related_populators(info, select, using)),
            annotations=tuple(compiler.annotation_col_map.items()),
            converters=compiler.get_converters(
                [column[0] for column in select[: compiler.col_count]]
            ),
        )
