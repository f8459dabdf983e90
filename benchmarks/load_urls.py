"""The project's URLs and the ceiling: a Django view that does nothing but answer, behind
the same middleware, served by the same gunicorn (benchmarks/load.py)."""

from django.http import HttpResponse
from django.urls import include, path


def ceiling(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("__ceiling__/", ceiling),
    path("", include("taizhang.config.urls")),
]
