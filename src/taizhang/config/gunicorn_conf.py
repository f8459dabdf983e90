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
max_requests = 2000  # recycle workers now and then, so no leak grows without bound
max_requests_jitter = 200
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
wsgi_app = "taizhang.config.wsgi:application"
