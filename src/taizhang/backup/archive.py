"""The backup archive: one tar file holding the database dump (database/…), every stored
file (files/<its storage name>) and, last, manifest.json with the SHA-256 and size of each.

It is written under a temporary name beside its destination and renamed into place only
when complete and flushed to disk, so a backup killed halfway leaves the previous archive
as it was. Reading checks every member against the manifest before anything is used."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import posixpath
import tarfile
from datetime import UTC, datetime
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class CorruptArchive(Exception):
    """The archive cannot be trusted; the message is one English sentence."""


class _Hashing:
    """A stream that hashes exactly what is read from it (tarfile reads ``size`` bytes)."""

    def __init__(self, stream):
        self.stream, self.sha256 = stream, hashlib.sha256()

    def read(self, size=-1):
        data = self.stream.read(size)
        self.sha256.update(data)
        return data


class Writer:
    """Adds members to a temporary tar file and records each one's checksum."""

    def __init__(self, tar: tarfile.TarFile):
        self.tar = tar
        self.members: list[dict] = []

    def add(self, name: str, stream, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(datetime.now(UTC).timestamp()), 0o600
        hashing = _Hashing(stream)
        self.tar.addfile(info, hashing)
        self.members.append({"name": name, "size": size, "sha256": hashing.sha256.hexdigest()})

    def add_path(self, name: str, path: Path) -> None:
        with path.open("rb") as stream:
            self.add(name, stream, path.stat().st_size)


@contextlib.contextmanager
def writing(destination: Path, database: dict):
    """Yields a Writer; on a clean exit the manifest is added and the archive is renamed
    to ``destination`` atomically. On any failure the temporary file is removed."""
    destination = destination.resolve()
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.partial")
    try:
        with temporary.open("wb") as handle:
            with tarfile.open(fileobj=handle, mode="w", format=tarfile.PAX_FORMAT) as tar:
                writer = Writer(tar)
                yield writer
                manifest = json.dumps(
                    {
                        "format": FORMAT,
                        "created": datetime.now(UTC).isoformat(timespec="seconds"),
                        "database": database,
                        "members": writer.members,
                    },
                    ensure_ascii=False,
                    indent=1,
                ).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(manifest)
                tar.addfile(info, io.BytesIO(manifest))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, destination)
        _sync_directory(destination.parent)
    finally:
        temporary.unlink(missing_ok=True)


def _sync_directory(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def safe_name(name: str) -> bool:
    """A member name that stays inside where it is extracted."""
    normal = posixpath.normpath(name)
    return not (name.startswith("/") or normal.startswith("..") or normal != name)


def verify(path: Path) -> dict:
    """The manifest, once every member's size and checksum match it; CorruptArchive else."""
    try:
        with tarfile.open(path, mode="r:") as tar:
            members = {m.name: m for m in tar.getmembers()}
            if MANIFEST not in members:
                raise CorruptArchive(f"{path} has no manifest (not a Taizhang backup?)")
            manifest = json.loads(tar.extractfile(members[MANIFEST]).read())
            if manifest.get("format") != FORMAT:
                raise CorruptArchive(f"{path} is a backup of an unknown format")
            listed = {entry["name"] for entry in manifest["members"]}
            extra = set(members) - listed - {MANIFEST}
            if extra:
                raise CorruptArchive(f"{path} holds files its manifest does not list")
            for entry in manifest["members"]:
                _check(tar, members, entry)
            return manifest
    except (tarfile.TarError, EOFError, OSError, ValueError, KeyError, TypeError) as error:
        raise CorruptArchive(f"{path} cannot be read as a backup archive ({error})") from error


def _check(tar, members, entry) -> None:
    name = entry["name"]
    member = members.get(name)
    if member is None or not member.isfile() or not safe_name(name):
        raise CorruptArchive(f"the backup lacks {name} or holds it unsafely")
    digest = hashlib.sha256()
    stream = tar.extractfile(member)
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
    if member.size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise CorruptArchive(f"checksum mismatch for {name}: the backup is corrupt")


@contextlib.contextmanager
def reading(path: Path):
    """The verified manifest and an open tar to read members from."""
    manifest = verify(path)
    with tarfile.open(path, mode="r:") as tar:
        yield manifest, tar
