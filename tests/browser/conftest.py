"""Browser tests: the real pages in headless Chromium (Debian's package), via Playwright.

Each test gets a fresh page on the live server. Screenshots of the pages a person sees are
written to docs/screenshots/ so the README can show them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# to set up data are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# The browser's own labels (the file input's 选择文件) follow LANGUAGE, in Chinese where
# Debian's chromium-l10n is installed; without it they stay English and nothing else changes.
CHROMIUM_ENV = {**os.environ, "LANGUAGE": "zh_CN:zh"}
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
DEMO = REPO / "demo"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.skip(
            "Chromium is not installed (make test installs it: scripts/ensure-system-packages.sh)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=CHROMIUM_ENV
        )
        yield browser
        browser.close()


def refused_by_policy(page) -> list[str]:
    """What the content security policy refused on this page, as Chromium reports it: a
    page with an inline script or handler fails the test that opened it."""
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(viewport=DESKTOP, locale="zh-CN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(90_000)  # a hang guard: CI machines are slow
    refused = refused_by_policy(page)
    yield page
    context.close()
    assert not refused, refused


@pytest.fixture
def phone_page(chromium, live_server):
    context = chromium.new_context(
        viewport=PHONE, locale="zh-CN", base_url=live_server.url, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.set_default_navigation_timeout(90_000)  # a hang guard: CI machines are slow
    refused = refused_by_policy(page)
    yield page
    context.close()
    assert not refused, refused


def log_in(page, user, password):
    page.goto("/accounts/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save what the page shows; ``full_page=False`` keeps just the window (1366x768 on
    the desktop), for long pages whose whole length would be unreadable when shrunk."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def click_and_wait(page, locator) -> None:
    """Click a link or submit button and wait until the next page has loaded (the pages
    are rendered on the server; nothing arrives after the load event)."""
    with page.expect_navigation():
        locator.click()


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    """Evidence and plan files uploaded through the pages land in the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def new_page(chromium, live_server):
    """Fresh desktop pages, one browser context each, so several people can be signed in
    side by side in one test (the office, the liaison, the reviewer)."""
    contexts, refused = [], []

    def make():
        context = chromium.new_context(viewport=DESKTOP, locale="zh-CN", base_url=live_server.url)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.set_default_navigation_timeout(90_000)  # a hang guard: CI machines are slow
        refused.append(refused_by_policy(page))
        return page

    yield make
    for context in contexts:
        context.close()
    assert not any(refused), refused


@pytest.fixture(scope="session")
def demo_snapshot(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo deployment, loaded once per session: its rows and its stored files. The
    load runs in a transaction that is rolled back after the copy is taken, so the tests
    that do not ask for the demo never see it. With them, what the loader said it did
    (demo/tally.py)."""
    from collections import Counter

    from django.db import transaction
    from django.test import override_settings

    from taizhang.demo.loading import load
    from tests import snapshot
    from tests.factories import PASSWORD

    media = tmp_path_factory.mktemp("demo-media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast),
        transaction.atomic(),
    ):
        counts = Counter()
        load(DEMO, PASSWORD, counts)
        taken = snapshot.take()
        transaction.set_rollback(True)
    return taken, media, counts


@pytest.fixture
def demo(db, demo_snapshot, settings):
    """The demo deployment (make run's data): both seed plans imported through
    plans.importing, 2026 quarterly periods and sample reports filed through
    reporting.services, and the demo people (yc_office, qn_liaison …) with PASSWORD.
    Loaded once per session and copied in for each test (tests/snapshot.py)."""
    from taizhang.accounts.models import User
    from tests import snapshot

    rows, media, _ = demo_snapshot
    snapshot.restore(rows)
    shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return {user.username: user for user in User.objects.all()}
