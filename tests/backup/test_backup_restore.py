"""Backup and restore as an operator runs them (manage.py in its own process): the round
trip gives back identical rows and files; a corrupt archive restores nothing, with one
English line and exit 2; a backup killed with SIGKILL halfway leaves the previous archive
intact. On SQLite always, and on PostgreSQL when the suite runs there."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.servers import REPO, environment, manage

DATA = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from taizhang.audit.log import record
from tests import factories as f

office = f.UserFactory(username="office")
world = f.ReportFactory(narrative="开展宪法宣传12场")
record(office, "save", world, {"narrative": "开展宪法宣传12场"}, organisation=office.organisation)
default_storage.save("evidence/1/会议纪要.pdf", ContentFile(b"%PDF-1.4 minutes"))
default_storage.save("notices/2/notice-2.docx", ContentFile(os.urandom(200_000)))
"""


def postgres_databases(count: int) -> list[str]:
    """URLs of ``count`` new, empty databases in the suite's PostgreSQL cluster."""
    import psycopg

    base = os.environ["DATABASE_URL"]
    urls = []
    with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as server:
        for _ in range(count):
            name = f"restore_{uuid.uuid4().hex[:10]}"
            server.execute(f'CREATE DATABASE "{name}"')
            urls.append(base.rsplit("/", 1)[0] + "/" + name)
    return urls


VENDORS = ["sqlite"]
if os.environ.get("DATABASE_URL", "").startswith("postgres"):
    VENDORS.append(pytest.param("postgresql", marks=pytest.mark.database_url))


@pytest.fixture(scope="module", params=VENDORS)
def backed_up(request, tmp_path_factory):
    """A site with data, its backup archive, and the environment of a fresh site."""
    extra = [{}, {}]
    if request.param == "postgresql":
        extra = [{"DATABASE_URL": url} for url in postgres_databases(2)]
    folder = tmp_path_factory.mktemp(request.param)
    source = environment(folder / "source", **extra[0])
    manage(source, "migrate", "--noinput", "-v0")
    manage(source, "shell", "-c", "import os\n" + DATA)
    archive = folder / "taizhang.tar"
    made = manage(source, "backup", str(archive))
    assert "and 2 files" in made.stdout
    return source, archive, environment(folder / "fresh", **extra[1])


def stored_files(env) -> dict[str, str]:
    media = Path(env["TAIZHANG_VAR_DIR"]) / "media"
    return {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


def rows(env) -> str:
    return manage(env, "dumpdata", "--indent", "0").stdout


def test_a_round_trip_gives_back_every_row_and_file(backed_up):
    source, archive, fresh = backed_up
    restored = manage(fresh, "restore", str(archive))
    assert "restored" in restored.stdout
    assert rows(fresh) == rows(source)
    assert "开展宪法宣传12场" in rows(fresh)
    assert stored_files(fresh) == stored_files(source) and len(stored_files(fresh)) == 2
    again = manage(fresh, "restore", str(archive), check=False)
    assert again.returncode == 2
    assert "restore needs" in again.stderr


def corrupt_copy(archive: Path, tmp_path: Path, change) -> Path:
    copy = tmp_path / "damaged.tar"
    copy.write_bytes(change(bytearray(archive.read_bytes())))
    return copy


def flip_a_byte_of_the_evidence(data: bytearray) -> bytes:
    data[data.index(b"%PDF-1.4 minutes") + 5] ^= 0xFF
    return bytes(data)


def test_a_corrupt_archive_is_refused_with_one_line_and_restores_nothing(backed_up, tmp_path):
    _, archive, _ = backed_up
    damaged = corrupt_copy(archive, tmp_path, flip_a_byte_of_the_evidence)
    fresh = environment(tmp_path / "fresh")
    result = manage(fresh, "restore", str(damaged), check=False)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "CommandError: checksum mismatch for files/evidence/1/会议纪要.pdf: the backup is corrupt"
    ]
    assert stored_files(fresh) == {}
    assert not (tmp_path / "fresh" / "taizhang.sqlite3").exists()


def test_a_truncated_archive_is_refused_with_one_line(backed_up, tmp_path):
    _, archive, _ = backed_up
    damaged = corrupt_copy(archive, tmp_path, lambda data: bytes(data[:5000]))
    result = manage(
        environment(tmp_path / "fresh"), "restore", "--check", str(damaged), check=False
    )
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_a_backup_killed_halfway_leaves_the_previous_archive_valid(tmp_path):
    env = environment(tmp_path / "site")
    manage(env, "migrate", "--noinput", "-v0")
    big = Path(env["TAIZHANG_VAR_DIR"]) / "media" / "evidence" / "scan.pdf"
    big.parent.mkdir(parents=True)
    with big.open("wb") as handle:  # large enough that copying it takes a while
        handle.truncate(128 * 1024 * 1024)
    archive = tmp_path / "nightly.tar"
    manage(env, "backup", str(archive))
    before = hashlib.sha256(archive.read_bytes()).hexdigest()

    process = subprocess.Popen(
        [sys.executable, str(REPO / "manage.py"), "backup", str(archive)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    partial = tmp_path / f".nightly.tar.{process.pid}.partial"
    deadline = time.monotonic() + 60
    while not (partial.exists() and partial.stat().st_size > 0):
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    assert process.wait(30) == -signal.SIGKILL
    assert hashlib.sha256(archive.read_bytes()).hexdigest() == before
    assert "is intact" in manage(env, "restore", "--check", str(archive)).stdout
