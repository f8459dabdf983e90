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
    "django_tasks",
    "django_tasks_db",
    "taizhang.web",
    "taizhang.accounts",
    "taizhang.audit",
    "taizhang.units",
    "taizhang.notifications",
    "taizhang.jobs",
    "taizhang.people",
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
    "taizhang.nesting",
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
    "taizhang.accounts.middleware.IdleSessionMiddleware",
    "taizhang.accounts.middleware.PasswordChangeRequiredMiddleware",
    "taizhang.accounts.middleware.SystemAdminBoundary",
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
                "taizhang.notifications.context_processors.unread",
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
# 等保 level 3 (GB/T 22239-2019 8.1.4.1): at least 10 characters of three of the four
# classes (upper, lower, digit, symbol), unlike the user's own names, not a common password.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "taizhang.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "taizhang.accounts.passwords.CharacterClassesValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("username", "display_name", "email", "phone")},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    # Passwords as Django's ModelBackend, no model permissions (every permission is a
    # rule), the person loaded with what each page's frame shows of them.
    "taizhang.notifications.backends.PersonBackend",
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
AXES_RESET_ON_SUCCESS = True

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
# Django's database sessions, read with a statement compiled once per process (why the
# database and not signed cookies: accounts/sessions.py).
SESSION_ENGINE = "taizhang.accounts.sessions"
# Idle sessions end: a session not used for this long needs a new login (等保: 登录超时).
# IdleSessionMiddleware renews the expiry at most once a minute, so reading pages does not
# write the session on every request.
SESSION_COOKIE_AGE = int(os.environ.get("TAIZHANG_SESSION_IDLE_MINUTES", "120")) * 60
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
CONTENT_SECURITY_POLICY = deployment.CONTENT_SECURITY_POLICY

# Background work: Django's Tasks framework (the django-tasks backport until Django 6.0) on
# its database backend, run by `manage.py db_worker`. A larger deployment points
# TAIZHANG_TASKS_BACKEND at another backend (RQ, Celery) without a code change;
# docs/background.md explains.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TAIZHANG_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# Uploads parsed by the task worker rather than in the request: larger than this, or PDFs
# (reading a PDF's text layer is slow whatever its size).
TAIZHANG_BACKGROUND_PARSE = {"INLINE_MAX_BYTES": 256 * 1024, "PDF": True}
# Exports written by the task worker: a ledger of more measures, an audit log of more
# entries than this.
TAIZHANG_BACKGROUND_EXPORT = {"LEDGER_MEASURES": 150, "AUDIT_ENTRIES": 5000}

# What the scheduler (manage.py run_scheduler) runs, and every how many seconds.
TAIZHANG_SCHEDULE = [
    ("send_reminders", 600),
    ("retry_notifications", 60),
    ("prune_db_task_results", 86400, "--min-age-days", "30"),
]
# Reminders (supervision/reminders.py): 黄灯 N working days before a due date, 红灯 every M
# working days after it at most K times, reviews waiting more than N working days, and
# each working day from the hour REVIEW_ARRIVED_HOUR the reviewers' digest of the reports
# that reached them since the previous working day's (新报送待审核).
TAIZHANG_REMINDERS = {
    "DUE_WORKING_DAYS": 3,
    "OVERDUE_EVERY_WORKING_DAYS": 3,
    "OVERDUE_TIMES": 3,
    "REVIEW_WAITING_WORKING_DAYS": 5,
    "REVIEW_ARRIVED_HOUR": 17,
    # An urging notice unsigned N working days after issue: the unit is reminded; after
    # 2N, the office (notices/reminders.py).
    "NOTICE_UNSIGNED_WORKING_DAYS": 2,
}

# Mail: SMTP when TAIZHANG_SMTP_HOST is set, else written to files in var/mail (the demo
# shows there what would have been sent).
EMAIL_HOST = os.environ.get("TAIZHANG_SMTP_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("TAIZHANG_SMTP_PORT", "465"))
    EMAIL_HOST_USER = os.environ.get("TAIZHANG_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("TAIZHANG_SMTP_PASSWORD", "")
    EMAIL_USE_SSL = os.environ.get("TAIZHANG_SMTP_SECURITY", "ssl") == "ssl"
    EMAIL_USE_TLS = os.environ.get("TAIZHANG_SMTP_SECURITY", "ssl") == "starttls"
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("TAIZHANG_MAIL_FROM", "台账 <taizhang@localhost>")

# Notifications (taizhang.notifications): the address people follow from a message, the
# hosts group-robot webhooks may point at (nothing else is ever posted to), and the SMS
# gateway (none unless configured; docs/notifications.md).
TAIZHANG_SITE_URL = os.environ.get("TAIZHANG_SITE_URL", "http://127.0.0.1:8000")
TAIZHANG_WEBHOOK_HOSTS = {
    "wecom": ["qyapi.weixin.qq.com"],
    "dingtalk": ["oapi.dingtalk.com"],
}
TAIZHANG_SMS_GATEWAY = {
    "URL": os.environ.get("TAIZHANG_SMS_URL", ""),
    "TOKEN": os.environ.get("TAIZHANG_SMS_TOKEN", ""),
    "SIGN": os.environ.get("TAIZHANG_SMS_SIGN", ""),
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "taizhang.api.tokens.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["taizhang.api.gate.WorksOnPlans"],
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
