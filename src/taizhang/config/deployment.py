"""How Taizhang is served, read from the environment: the database, the shared cache, file
storage, the content security policy and the production switch.

`make run` (the demo) needs none of it. A deployment sets TAIZHANG_ENV=production and the
variables docs/deploy.md lists; then `manage.py check --deploy --fail-level WARNING` passes.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

PRODUCTION = os.environ.get("TAIZHANG_ENV", "") == "production"
SQLITE_ENGINE = "taizhang.config.sqlite"


def required(name: str, default: str = "") -> str:
    """A variable production cannot run without; the demo falls back to ``default``."""
    value = os.environ.get(name, "")
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"TAIZHANG_ENV=production needs {name} (see docs/deploy.md).")
    return default


def listed(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database(var_dir: Path) -> dict:
    """DATABASE_URL (PostgreSQL in production), else the embedded SQLite file in var/.

    SQLite runs in WAL mode (readers never wait for the writer) and every transaction takes
    the write lock when it begins (IMMEDIATE), so concurrent writers queue on the busy
    timeout instead of failing with "database is locked" when a read lock cannot be
    upgraded. Its operations know the 64-bit integer range (taizhang/config/sqlite)."""
    config = dj_database_url.config(
        default=f"sqlite:///{var_dir / 'taizhang.sqlite3'}", conn_max_age=60
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["ENGINE"] = SQLITE_ENGINE
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            **config.get("OPTIONS", {}),
        }
    return config


def cache() -> dict:
    """One cache for every worker process (rate limits, survey form issuance): Redis when
    TAIZHANG_REDIS_URL is set, else a table in the database (`manage.py migrate` creates it
    through the web app's migration)."""
    redis = os.environ.get("TAIZHANG_REDIS_URL", "")
    if redis:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis}
    return {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "taizhang_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }


def default_storage() -> dict:
    """Evidence and generated documents: the local disk (MEDIA_ROOT), or S3-compatible
    object storage when TAIZHANG_S3_BUCKET is set (django-storages, `pip install
    taizhang[s3]`; credentials from the usual AWS_* variables or the instance role)."""
    bucket = os.environ.get("TAIZHANG_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    }
    endpoint = os.environ.get("TAIZHANG_S3_ENDPOINT_URL", "")
    if endpoint:
        options["endpoint_url"] = endpoint
    region = os.environ.get("TAIZHANG_S3_REGION", "")
    if region:
        options["region_name"] = region
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Scripts only from the site itself and no inline script anywhere (event handlers included):
# data reaches the page's JavaScript through json_script, never as markup. Inline style
# attributes stay allowed (progress bars and the survey poster set widths).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}


def production_settings() -> dict:
    """The settings TAIZHANG_ENV=production turns on (nginx terminates TLS in front)."""
    hsts = int(os.environ.get("TAIZHANG_HSTS_SECONDS", str(365 * 24 * 3600)))
    return {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": os.environ.get("TAIZHANG_SSL_REDIRECT", "1") == "1",
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
        "SECURE_HSTS_SECONDS": hsts,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_TRUSTED_ORIGINS": listed("TAIZHANG_CSRF_TRUSTED_ORIGINS"),
        # nginx sets X-Real-IP to the address it saw; nothing else is trusted for lockouts
        # and survey limits (taizhang/web/client.py).
        "TAIZHANG_CLIENT_ADDRESS_HEADER": os.environ.get(
            "TAIZHANG_CLIENT_ADDRESS_HEADER", "HTTP_X_REAL_IP"
        ),
    }
