"""Throughput and latency of the pages people use, under gunicorn, against a bare view.

Starts gunicorn on a free loopback port (the project's configuration: 2 workers x 4
threads) serving the demo deployment, with one extra URL: a bare Django view that answers
"ok" through the same middleware, the ceiling every page is compared with in the same run.
Then, for each page and for 1, 5 and 20 concurrent users (threads with keep-alive
connections, each signed in as the person who uses that page), it sends requests for a
fixed time (the bare view before and after the pages, the better of the two kept) and
prints one line per page and level, the ceiling's own line first:

    page=<name> users=<n> rps=<x> ratio=<page rps / ceiling rps> p50_ms=<y> p95_ms=<z>

SQLite (the demo's default) in a throwaway var/ directory; PostgreSQL when DATABASE_URL is
set (scripts/with-postgres.sh .venv/bin/python benchmarks/load.py). Loopback only; every
loop is bounded in time.

    .venv/bin/python benchmarks/load.py [--seconds 5] [--users 1,5,20] [--pages ledger,…]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PASSWORD = "taizhang-demo-2025"  # load_demo's
CEILING = "/__ceiling__/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per page and level")
    parser.add_argument("--users", default="1,5,20")
    parser.add_argument("--pages", default="", help="comma-separated names (default: all)")
    args = parser.parse_args()
    levels = [int(n) for n in args.users.split(",")]

    with tempfile.TemporaryDirectory(prefix="taizhang-load-") as var:
        env = prepare(Path(var))
        pages = page_addresses(env)
        if args.pages:
            pages = {name: pages[name] for name in args.pages.split(",")}
        port = free_port()
        with serving(env, port):
            sessions = Sessions(port)
            for users in levels:
                # The ceiling before and after the pages, the better of the two: one noisy
                # moment on a shared machine must not flatter every ratio of the level.
                before = measure(port, sessions, None, CEILING, users, args.seconds)
                results = {
                    name: measure(port, sessions, person, path, users, args.seconds)
                    for name, (person, path) in pages.items()
                }
                after = measure(port, sessions, None, CEILING, users, args.seconds)
                ceiling = max(before, after, key=lambda result: result["rps"])
                report("ceiling", users, ceiling, ceiling)
                for name, result in results.items():
                    report(name, users, result, ceiling)


# -- the deployment ---------------------------------------------------------------------


def prepare(var: Path) -> dict[str, str]:
    """Migrate and load the demo into ``var`` (and DATABASE_URL's database when set)."""
    env = {**os.environ, "TAIZHANG_VAR_DIR": str(var), "PYTHONPATH": str(REPO / "benchmarks")}
    env["DJANGO_SETTINGS_MODULE"] = "load_settings"
    started = time.monotonic()
    for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run(
            [sys.executable, str(REPO / "manage.py"), *command],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    database = "postgresql" if env.get("DATABASE_URL") else "sqlite"
    print(f"# demo loaded on {database} in {time.monotonic() - started:.0f} s", flush=True)
    return env


def page_addresses(env: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    """page name -> (who asks for it, its path), by URL name against the loaded demo."""
    script = """
import json
from django.urls import reverse
from taizhang.accounts.models import User
from taizhang.assessment.models import Scheme
from taizhang.plans.models import Plan
office = User.objects.get(username="qn_office")
liaison = User.objects.get(username="qn_liaison")
plan = Plan.objects.filter(organisation=office.organisation).order_by("pk").first()
scheme = Scheme.objects.filter(plan=plan).order_by("pk").first()
from django.db import transaction
from taizhang.public.services import save_publication
with transaction.atomic():  # the demo publishes nothing; the public page needs a plan
    save_publication(plan, office, published=True, shown={})
print(json.dumps({
    "login": [None, reverse("accounts:login")],
    "todo": ["qn_liaison", reverse("workspace:todo")],
    "ledger": ["qn_office", reverse("ledger:ledger", kwargs={"plan_id": plan.pk})],
    "responsibilities": ["qn_office", reverse("ledger:responsibilities",
        kwargs={"plan_id": plan.pk, "unit_id": liaison.unit_id})],
    "board": ["qn_office", reverse("supervision:board", kwargs={"plan_id": plan.pk})],
    "dashboard": ["qn_office", reverse("dashboards:plan", kwargs={"plan_id": plan.pk})],
    "ranking": ["qn_office", reverse("assessment:ranking", kwargs={"scheme_id": scheme.pk})],
    "export": ["qn_office", reverse("ledger:export", kwargs={"plan_id": plan.pk})],
    "public": [None, reverse("public:plan", kwargs={"plan_id": plan.pk})],
    "api": ["qn_office", reverse("api:report-list") + f"?plan={plan.pk}"],
}))
"""
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "shell", "-c", script],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    last = result.stdout.strip().splitlines()[-1]  # (after anything the shell printed)
    return {name: tuple(value) for name, value in json.loads(last).items()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class serving:
    """gunicorn with the project's configuration, until the block ends."""

    def __init__(self, env, port):
        self.env, self.port = env, port

    def __enter__(self):
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", str(REPO / "src/taizhang/config/gunicorn_conf.py"),
             "--bind", f"127.0.0.1:{self.port}", "--access-logfile", "/dev/null"],
            env=self.env, cwd=REPO, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _, _ = request(connect(self.port), "GET", CEILING)
                if status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        raise SystemExit("load: gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(30)


# -- the client ---------------------------------------------------------------------------


def connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120)


def request(connection, method, path, body=None, headers=None):
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.getheaders(), response.read()


class Sessions:
    """One signed-in session cookie per (person, user slot), made once and reused."""

    def __init__(self, port: int):
        self.port, self.cookies, self.lock = port, {}, threading.Lock()

    def cookie(self, person: str | None, slot: int) -> str:
        if person is None:
            return ""
        with self.lock:
            if (person, slot) not in self.cookies:
                self.cookies[(person, slot)] = self._sign_in(person)
            return self.cookies[(person, slot)]

    def _sign_in(self, person: str) -> str:
        connection = connect(self.port)
        _, headers, body = request(connection, "GET", "/accounts/login/")
        csrf = _cookies(headers)["csrftoken"]
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
        form = urllib.parse.urlencode(
            {"username": person, "password": PASSWORD, "csrfmiddlewaretoken": token.decode()}
        )
        status, headers, _ = request(
            connection, "POST", "/accounts/login/", form,
            {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}",
             "Referer": f"http://127.0.0.1:{self.port}/accounts/login/"},
        )  # fmt: skip
        if status != 302:
            raise SystemExit(f"load: {person} could not sign in ({status})")
        return f"sessionid={_cookies(headers)['sessionid']}"


def _cookies(headers) -> dict[str, str]:
    found = {}
    for name, value in headers:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            found[key] = rest.split(";", 1)[0]
    return found


def measure(port, sessions, person, path, users, seconds) -> dict:
    """Requests from ``users`` threads for ``seconds``: throughput and latencies."""
    cookies = [sessions.cookie(person, slot) for slot in range(users)]
    stop_at = time.monotonic() + seconds

    def user(slot: int) -> tuple[list[float], int]:
        connection, timings, failures = connect(port), [], 0
        headers = {"Cookie": cookies[slot]} if cookies[slot] else {}
        while time.monotonic() < stop_at:
            began = time.perf_counter()
            try:
                status, _, _ = request(connection, "GET", path, headers=headers)
            except (OSError, http.client.HTTPException):
                connection, status = connect(port), 0
            timings.append(time.perf_counter() - began)
            failures += status != 200
        return timings, failures

    began = time.monotonic()
    with ThreadPoolExecutor(users) as pool:
        results = list(pool.map(user, range(users)))
    elapsed = time.monotonic() - began
    timings = sorted(t for result, _ in results for t in result)
    return {
        "rps": len(timings) / elapsed,
        "p50": statistics.median(timings) * 1000,
        "p95": timings[min(len(timings) - 1, int(len(timings) * 0.95))] * 1000,
        "failures": sum(failures for _, failures in results),
    }


def report(name, users, result, ceiling) -> None:
    failures = f" failures={result['failures']}" if result["failures"] else ""
    print(
        f"page={name} users={users} rps={result['rps']:.1f} "
        f"ratio={result['rps'] / ceiling['rps']:.3f} "
        f"p50_ms={result['p50']:.0f} p95_ms={result['p95']:.0f}{failures}",
        flush=True,
    )


if __name__ == "__main__":
    main()
