"""The demo server under a handful of people at once: gunicorn on the embedded SQLite
file (WAL, a busy timeout, write locks taken when a transaction begins) never answers
"database is locked"; and the supervisor stops every process it started."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.servers import REPO, environment, gunicorn, manage

PEOPLE = 12
ROUNDS = 3
PASSWORD = "Taizhang-load-2026"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    var = tmp_path_factory.mktemp("var")
    env = environment(var)
    manage(env, "migrate", "--noinput", "-v0")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.hashers import make_password as m\n"
        "from taizhang.accounts.models import User\n"
        f"h = m({PASSWORD!r})\n"
        f"people = [User(username=f'p{{i}}', password=h) for i in range({PEOPLE})]\n"
        "User.objects.bulk_create(people)",
    )
    with gunicorn(env) as url:
        yield url


def sign_in(url: str, username: str) -> list[int]:
    """Sign in ROUNDS times as ``username`` and open the to-do page each time; the status
    of every sign-in and every page."""
    statuses = []
    for _ in range(ROUNDS):
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
        page = opener.open(url + "/accounts/login/", timeout=60).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode(
            {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token}
        ).encode()
        request = urllib.request.Request(
            url + "/accounts/login/", data=body, headers={"Referer": url + "/accounts/login/"}
        )
        try:
            statuses.append(opener.open(request, timeout=60).status)
        except urllib.error.HTTPError as answer:
            statuses.append(answer.code)
        statuses.append(opener.open(url + "/todo/", timeout=60).status)
    return statuses


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_dozen_people_signing_in_at_once_all_get_in(served):
    with ThreadPoolExecutor(PEOPLE) as pool:
        answers = list(pool.map(lambda i: sign_in(served, f"p{i}"), range(PEOPLE)))
    assert [s for person in answers for s in person] == [302, 200] * PEOPLE * ROUNDS


def test_the_supervisor_stops_every_process_on_ctrl_c(tmp_path):
    marker = tmp_path / "pids"
    script = f"import os, time; open('{marker}', 'a').write(f'{{os.getpid()}} '); time.sleep(60)"
    child = f'{sys.executable} -c "{script}"'
    process = subprocess.Popen(
        [sys.executable, str(REPO / "scripts/supervise.py"), f"a={child}", f"b={child}"],
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 20
    while not (marker.exists() and len(marker.read_text().split()) == 2):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    assert process.wait(20) == 0
    for pid in map(int, marker.read_text().split()):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_supervisor_stops_the_others_when_one_ends():
    process = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts/supervise.py"),
            "quick=false",
            f"slow={sys.executable} -c 'import time; time.sleep(60)'",
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert process.returncode == 1
    assert "quick exited with 1" in process.stdout
