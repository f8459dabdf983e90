"""Backup and restore, as the commands run them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files.storage import default_storage

from taizhang.backup import archive, database, files

FILES = "files/"
DATABASE = "database/"


def back_up(destination: Path) -> dict:
    """Write the archive; returns what it holds (counts for the command to print)."""
    with tempfile.TemporaryDirectory(prefix="taizhang-backup-") as scratch:
        dump = database.dump(Path(scratch))
        described = {"vendor": database.vendor(), "member": DATABASE + dump.name}
        with archive.writing(destination, described) as writer:
            writer.add_path(DATABASE + dump.name, dump)
            count = 0
            for name in files.stored_names():
                try:
                    size = default_storage.size(name)
                    with default_storage.open(name, "rb") as stream:
                        writer.add(FILES + name, stream, size)
                except FileNotFoundError:  # removed while the backup ran
                    continue
                count += 1
    return {"files": count, "database": database.vendor()}


def check(path: Path) -> dict:
    return archive.verify(path)


def restore(path: Path) -> dict:
    """Verify everything first, then refuse to overwrite anything, then restore."""
    with archive.reading(path) as (manifest, tar):
        described = manifest["database"]
        if described["vendor"] != database.vendor():
            raise database.RestoreRefused(
                f"the backup holds a {described['vendor']} database, "
                f"but this site is configured for {database.vendor()}"
            )
        names = [
            m["name"][len(FILES) :] for m in manifest["members"] if m["name"].startswith(FILES)
        ]
        present = [name for name in names if default_storage.exists(name)]
        if present:
            raise database.RestoreRefused(
                f"file storage already holds {present[0]}: restore needs empty storage"
            )
        database.ensure_empty()
        with tempfile.TemporaryDirectory(prefix="taizhang-restore-") as scratch:
            dump = Path(scratch) / Path(described["member"]).name
            with tar.extractfile(described["member"]) as source, dump.open("wb") as target:
                while chunk := source.read(archive.CHUNK):
                    target.write(chunk)
            database.load(dump)
        for name in names:
            with tar.extractfile(FILES + name) as stream:
                files.put_back(name, stream)
    return {"files": len(names), "database": described["vendor"], "created": manifest["created"]}
