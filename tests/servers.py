"""Real processes for tests that need them: manage.py commands against a var/ directory of
their own (an SQLite file, media), and gunicorn serving it on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


def environment(var_dir: Path, **extra: str) -> dict[str, str]:
    """This machine's environment for a project process on ``var_dir``: the suite's own
    settings (a PostgreSQL DATABASE_URL among them) left out, so it runs on SQLite."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TAIZHANG_", "DJANGO_", "DATABASE_URL"))
    }
    env.update(TAIZHANG_VAR_DIR=str(var_dir), **extra)
    return env


def manage(env: dict[str, str], *args: str, timeout: int = 300, check: bool = True):
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=check,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int = 2, threads: int = 4):
    """gunicorn with the project's configuration; yields its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "-c",
            str(REPO / "src/taizhang/config/gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--access-logfile",
            "/dev/null",
        ],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(url + "/accounts/login/", timeout=5)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read().decode()[-2000:]) from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(30)
