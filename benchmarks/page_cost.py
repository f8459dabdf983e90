"""What each page costs in this process, on a loaded demo: CPU milliseconds (median of five
requests after a warm-up) and the number of queries. CPU time of the one process is what a
busy shared machine disturbs least, so two versions of the code can be compared on the same
database even while others work (docs/performance.md).

    TAIZHANG_VAR_DIR=/tmp/demo .venv/bin/python manage.py migrate
    TAIZHANG_VAR_DIR=/tmp/demo .venv/bin/python manage.py load_demo
    TAIZHANG_VAR_DIR=/tmp/demo .venv/bin/python benchmarks/page_cost.py [page ...]

The public page needs a published plan: load.py publishes the first one, as this does.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RUNS = 5


def main() -> None:
    if not os.environ.get("TAIZHANG_VAR_DIR"):
        raise SystemExit("page_cost: set TAIZHANG_VAR_DIR to a directory with the demo loaded")
    sys.path[:0] = [str(REPO / "src")]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "taizhang.config.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = ["*"]
    pages = addresses()
    for name in sys.argv[1:] or list(pages):
        person, path = pages[name]
        client = Client()
        if person is not None:
            client.force_login(person)
        assert client.get(path).status_code == 200, name
        cpu = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.process_time()
                response = client.get(path)
                if response.streaming:
                    b"".join(response.streaming_content)
                cpu.append(time.process_time() - started)
        median = statistics.median(cpu) * 1000
        print(f"page={name} cpu_ms={median:.1f} queries={len(queries)}", flush=True)


def addresses() -> dict:
    from django.db import transaction
    from django.urls import reverse

    from taizhang.accounts.models import User
    from taizhang.assessment.models import Scheme
    from taizhang.plans.models import Plan
    from taizhang.public.models import Publication
    from taizhang.public.services import save_publication

    office = User.objects.get(username="qn_office")
    liaison = User.objects.get(username="qn_liaison")
    plan = Plan.objects.filter(organisation=office.organisation).order_by("pk").first()
    scheme = Scheme.objects.filter(plan=plan).order_by("pk").first()
    if not Publication.objects.filter(plan=plan, published=True).exists():
        with transaction.atomic():
            save_publication(plan, office, published=True, shown={})
    on_plan = {"plan_id": plan.pk}
    return {
        "todo": (liaison, reverse("workspace:todo")),
        "plan_list": (office, reverse("ledger:list")),
        "ledger": (office, reverse("ledger:ledger", kwargs=on_plan)),
        "responsibilities": (
            office,
            reverse("ledger:responsibilities", kwargs={**on_plan, "unit_id": liaison.unit_id}),
        ),
        "board": (office, reverse("supervision:board", kwargs=on_plan)),
        "dashboard": (office, reverse("dashboards:plan", kwargs=on_plan)),
        "ranking": (office, reverse("assessment:ranking", kwargs={"scheme_id": scheme.pk})),
        "export": (office, reverse("ledger:export", kwargs=on_plan)),
        "public": (None, reverse("public:plan", kwargs=on_plan)),
        "api": (office, reverse("api:report-list") + f"?plan={plan.pk}"),
    }


if __name__ == "__main__":
    main()
