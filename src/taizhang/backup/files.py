"""Every file in the default storage (evidence, notices, annual reports…), listed and put
back through Django's storage API, so a backup works the same on the local disk and on
S3-compatible object storage."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from django.core.files import File
from django.core.files.storage import default_storage


def stored_names(folder: str = "") -> Iterator[str]:
    try:
        folders, names = default_storage.listdir(folder)
    except FileNotFoundError:  # nothing stored yet
        return
    for name in sorted(names):
        yield posixpath.join(folder, name) if folder else name
    for child in sorted(folders):
        yield from stored_names(posixpath.join(folder, child) if folder else child)


def put_back(name: str, stream) -> None:
    saved = default_storage.save(name, File(stream, name=posixpath.basename(name)))
    if saved != name:  # the storage chose another name: the database would not find it
        raise OSError(f"storage saved {name} as {saved}")
