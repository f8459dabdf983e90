"""A consistent copy of the database, taken while the site runs, and putting it back.

SQLite: the online backup API copies a snapshot page by page (writers wait only for the
moments each step takes). PostgreSQL: pg_dump's custom format, one MVCC snapshot; pg_restore
puts it into an empty database. Both refuse to restore over a database that has tables."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from glob import glob
from pathlib import Path

from django.db import connection


class RestoreRefused(Exception):
    """Restoring would overwrite something; the message is one English sentence."""


def vendor() -> str:
    return connection.vendor


def dump(folder: Path) -> Path:
    """Write the database to a file in ``folder``; returns it."""
    if connection.vendor == "sqlite":
        target = folder / "taizhang.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)  # one step: one consistent snapshot
        copy.close()
        return target
    if connection.vendor == "postgresql":
        target = folder / "taizhang.pgdump"
        _run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}")
        return target
    raise RestoreRefused(f"backups of {connection.vendor} databases are not supported")


def ensure_empty() -> None:
    if connection.introspection.table_names():
        name = connection.settings_dict["NAME"]
        raise RestoreRefused(
            f"the database {name} already has tables: restore needs a fresh, empty database"
        )


def load(path: Path) -> None:
    """Put a dump taken by dump() into the configured, empty database."""
    ensure_empty()
    if connection.vendor == "sqlite":
        target = Path(connection.settings_dict["NAME"])
        connection.close()
        target.parent.mkdir(parents=True, exist_ok=True)
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)  # an empty file Django's check just created
        shutil.copyfile(path, target)
        return
    connection.close()
    _run("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
         f"--dbname={connection.settings_dict['NAME']}", str(path))  # fmt: skip


def _run(program: str, *args: str) -> None:
    settings = connection.settings_dict
    env = {**os.environ, "PGDATABASE": settings["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                          ("PASSWORD", "PGPASSWORD")):  # fmt: skip
        if settings.get(key):
            env[variable] = str(settings[key])
    result = subprocess.run(
        [_binary(program), *args], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        last = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise RestoreRefused(f"{program} failed: {last}")


def _binary(program: str) -> str:
    """The newest PostgreSQL client of that name (it must not be older than the server)."""
    versions = sorted(glob(f"/usr/lib/postgresql/*/bin/{program}"), key=_version)
    return versions[-1] if versions else (shutil.which(program) or program)


def _version(path: str) -> tuple[int, ...]:
    number = Path(path).parent.parent.name
    return tuple(int(part) for part in number.split(".") if part.isdigit())
