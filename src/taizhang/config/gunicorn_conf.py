"""gunicorn's configuration for `make run` and `make serve` (gunicorn -c this file).

Threads serve concurrent requests within a worker (the pages wait on the database more
than on Python); workers use both cores. Behind nginx in production (docs/deploy.md)."""

import os

bind = os.environ.get("TAIZHANG_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("TAIZHANG_WEB_WORKERS", "2"))
threads = int(os.environ.get("TAIZHANG_WEB_THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("TAIZHANG_WEB_TIMEOUT", "120"))  # a large export may take long
graceful_timeout = 30
# Recycle workers now and then, so no leak grows without bound. Not too often: a worker
# starts in ~3 s of CPU (imports, scikit-learn for the links page's scores) and with an
# empty memory of kept pages; at 2,000 requests two busy workers restarted together every
# few seconds under load, and the requests caught then set the p95 (docs/performance.md).
max_requests = int(os.environ.get("TAIZHANG_WEB_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
wsgi_app = "taizhang.config.wsgi:application"


def post_worker_init(worker):
    """Import every view (the URLconf, and what the views import) before the worker takes
    its first request: Django would do it on that request, which then waited seconds —
    the first look after every start or recycle of a worker."""
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 (populating it is the point)
