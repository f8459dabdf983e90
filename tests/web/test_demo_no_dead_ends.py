"""No link a person may not follow, for every demo person: on each one's main pages (the
to-do, the plan list, a plan's ledger and 承接情况, a measure with its 县级汇总, a report
(a lead unit's, with its responsible units' rows, where there is one), the notices and,
for the office, the review backlog) every link in <main> answers 200. A link or button
that answers 403/404 to the person it was shown to is a dead end (the demo's 黔南 office
met 查看并审核 on its counties' reports in the backlog; 市教育局's liaison 查看 on other
units' reports; 州教育局's liaison the counties' measures of a 县级汇总 and the counties
of 承接情况). One link of each shape is followed, its first id kept
(/reporting/reports/1570/review/ and …/1630/review/ are two), as the demo crawl does."""

from __future__ import annotations

import re

from django.urls import reverse

from taizhang.plans.models import Measure, MeasureLink, Plan
from taizhang.reporting.models import ProgressReport
from tests.browser.conftest import demo, demo_snapshot  # noqa: F401 (fixtures)

HREF = re.compile(r'href="(/[^"#]*)"')
NUMBER = re.compile(r"\d+")
# Files and downloads answer by the same rules as their pages and cost the most to make.
SKIP = re.compile(r"logout|export|download|\.xlsx|\.docx|\.pdf|/file/|/evidence/|document")


def _links(page: str) -> list[str]:
    main = page.split("<main", 1)[-1].split("</main>", 1)[0]
    return [href.replace("&amp;", "&") for href in HREF.findall(main)]


def _kind(href: str) -> str:
    """The link's shape: its path with every number after the first as N."""
    path = href.split("?")[0]
    head = NUMBER.search(path)
    return path if head is None else path[: head.end()] + NUMBER.sub("N", path[head.end() :])


def _main_pages(person) -> list[str]:
    pages = [reverse("workspace:todo"), reverse("ledger:list"), reverse("notices:list")]
    plan = Plan.objects.for_user(person).order_by("pk").first()
    if plan is not None:
        pages.append(reverse("ledger:ledger", kwargs={"plan_id": plan.pk}))
        pages.append(reverse("nesting:coverage", kwargs={"plan_id": plan.pk}))
    measures = Measure.objects.for_user(person).filter(withdrawn=False).order_by("pk")
    rolled_up = measures.filter(
        pk__in=MeasureLink.objects.values("parent_id"), plan__parent__isnull=True
    ).first()
    for measure in (rolled_up, measures.first()):
        if measure is not None:
            pages.append(
                reverse(
                    "ledger:measure", kwargs={"plan_id": measure.plan_id, "measure_id": measure.pk}
                )
            )
    reports = ProgressReport.objects.for_user(person).order_by("pk")
    report = reports.filter(assignment__role="lead").first() or reports.first()
    if report is not None:
        pages.append(reverse("reporting:report_detail", kwargs={"report_id": report.pk}))
    if person.has_perm("reporting.view_review_backlog"):
        pages.append(reverse("reporting:review_backlog"))
    return pages


def test_no_demo_person_meets_a_dead_end_on_their_main_pages(client, demo):  # noqa: F811
    dead, opened = [], 0
    for username, person in sorted(demo.items()):
        if not person.is_active or not person.organisation_id:
            continue
        client.force_login(person)
        seen: set[str] = set()
        for url in _main_pages(person):
            page = client.get(url)
            assert page.status_code == 200, (username, url)
            for href in _links(page.content.decode()):
                kind = _kind(href)
                if kind in seen or SKIP.search(href) or href.startswith("/accounts/"):
                    continue
                seen.add(kind)
                status = client.get(href).status_code
                opened += 1
                if status in (403, 404):
                    dead.append((username, url, href, status))
        client.logout()
    assert opened > 100  # the walk went somewhere
    assert not dead, "\n".join(map(str, dead))
