"""The production switch and the headers every page carries."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "src" / "taizhang"
PRODUCTION = {
    "TAIZHANG_ENV": "production",
    "TAIZHANG_SECRET_KEY": "k9#Qz!7vL2@xW4$pR8^mN1&bT6*cY3(hJ5)fG0-sD9+aE2=uI7_oK4~lP1",
    "TAIZHANG_ALLOWED_HOSTS": "taizhang.example.gov.cn",
    "TAIZHANG_CSRF_TRUSTED_ORIGINS": "https://taizhang.example.gov.cn",
}

# The production checks run in subprocesses on the pass's own DATABASE_URL.
pytestmark = pytest.mark.database_url


def manage(tmp_path, *args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TAIZHANG_", "DJANGO_"))
    }
    environment.update(TAIZHANG_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_checks_pass_in_production_mode(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_demo_settings_would_fail_the_deployment_checks(tmp_path):
    """(So the test above proves the production switch, not a lenient check.)"""
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


def test_production_without_a_secret_key_stops_with_one_clear_line(tmp_path):
    settings = {**PRODUCTION, "TAIZHANG_SECRET_KEY": ""}
    result = manage(tmp_path, "check", **settings)
    assert result.returncode != 0
    assert "TAIZHANG_ENV=production needs TAIZHANG_SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_every_page_carries_the_content_security_policy(client):
    policy = client.get(reverse("accounts:login")).headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def test_no_template_has_an_inline_script_or_event_handler():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, JAVASCRIPT_URL):
            offenders += [
                f"{template.relative_to(REPO)}: {m.group(0)}" for m in pattern.finditer(text)
            ]
    assert offenders == []
