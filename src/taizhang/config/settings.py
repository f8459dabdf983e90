"""Django settings for Taizhang.

Defaults suit the demo (`make run`): an embedded SQLite database in var/ and debug off.
A deployment sets DATABASE_URL (PostgreSQL), TAIZHANG_SECRET_KEY and TAIZHANG_ALLOWED_HOSTS.
"""

import os
from pathlib import Path

from taizhang.config import deployment

BASE_DIR = Path(__file__).resolve().parent.parent  # src/taizhang
DEMO_DIR = Path(os.environ.get("TAIZHANG_DEMO_DIR", BASE_DIR.parent.parent / "demo"))
VAR_DIR = Path(os.environ.get("TAIZHANG_VAR_DIR", BASE_DIR.parent.parent / "var"))

SECRET_KEY = deployment.required("TAIZHANG_SECRET_KEY", "taizhang-demo-key-not-for-production")
DEBUG = os.environ.get("TAIZHANG_DEBUG", "") == "1"
ALLOWED_HOSTS = deployment.required(
    "TAIZHANG_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver"
).split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "taizhang.web",
    "taizhang.accounts",
    "taizhang.audit",
    "taizhang.units",
    "taizhang.plans",
    "taizhang.reporting",
    "taizhang.ledger",
    "taizhang.workspace",
    "taizhang.supervision",
    "taizhang.notices",
    "taizhang.assessment",
    "taizhang.dashboards",
    "taizhang.surveys",
    "taizhang.public",
    "taizhang.directory",
    "taizhang.api",
    "taizhang.annual_reports",
    "taizhang.demo",
    "taizhang.backup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
    "taizhang.web.middleware.CleanInputMiddleware",
]

ROOT_URLCONF = "taizhang.config.urls"
WSGI_APPLICATION = "taizhang.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "taizhang.accounts.context_processors.menu",
            ],
        },
    },
]

(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # database, uploads, static files
DATABASES = {"default": deployment.database(VAR_DIR)}
CACHES = {"default": deployment.cache()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:todo"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock an account (per user name and address) after repeated failed logins.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "taizhang.web.client.client_address"
AXES_ENABLE_ADMIN = False  # shown in Chinese by taizhang/web/admin.py

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]  # what Django and its apps leave untranslated
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]  # the site's own CSS and vendored htmx
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": deployment.default_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

# Uploads: plan files and evidence. Larger files are refused with a clear message.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600  # one working day, not Django's two weeks
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
CONTENT_SECURITY_POLICY = deployment.CONTENT_SECURITY_POLICY

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "taizhang.api.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "taizhang.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "taizhang.api.errors.exception_handler",
    "DEFAULT_PARSER_CLASSES": ["taizhang.web.parsers.CleanJSONParser"],  # JSON bodies only
    "DEFAULT_PAGINATION_CLASS": "taizhang.api.pagination.CheckedPageNumberPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Taizhang API",
    "DESCRIPTION": "Plans, measures, units and progress reports of an implementation plan.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The client address that lockouts and survey limits count: REMOTE_ADDR, or behind a proxy
# only the header the proxy sets (production: X-Real-IP).
TAIZHANG_CLIENT_ADDRESS_HEADER = ""
if deployment.PRODUCTION:
    globals().update(deployment.production_settings())
