"""Plans: the ledger pages and the import of plan files (two url modules, one app)."""

from django.urls import include, path

app_name = "plans"
urlpatterns = [
    path("", include("taizhang.plans.ledger_urls")),
    path("import/", include("taizhang.plans.import_urls")),
]
