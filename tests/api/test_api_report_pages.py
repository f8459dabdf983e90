"""The report list pages by cursor on the primary key: every report once, newest first, no
COUNT whatever the table holds, and a cursor the API did not issue refused with a reason."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.api.pagination import ReportCursorPagination
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_cursor_pages_list_every_report_once_newest_first(api, world, reports, monkeypatch):
    monkeypatch.setattr(ReportCursorPagination, "page_size", 3)
    client, url, seen = api("office"), reverse("api:report-list"), []
    while url:
        with CaptureQueriesContext(connection) as captured:
            body = client.get(url).json()
        assert not any('"__COUNT"' in q["sql"].upper() for q in captured)
        assert "count" not in body
        seen += [r["id"] for r in body["results"]]
        url = body["next"]
    assert seen == sorted((r.pk for r in reports.values()), reverse=True)


def test_the_report_list_costs_the_same_queries_for_any_number_of_reports(
    api, world, reports, django_assert_max_num_queries, pages_not_kept
):
    """What computing the page costs (factories write no audit entry: a kept page would
    not be drawn again)."""
    client = api("office")
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("api:report-list"))
    for number in range(3, 15):
        measure = f.MeasureFactory(plan=world.plan, number=number)
        assignment = f.AssignmentFactory(measure=measure, unit=world.education, role="lead")
        f.ReportFactory(assignment=assignment, period=world.period)
    with django_assert_max_num_queries(len(small)):
        assert len(client.get(reverse("api:report-list")).json()["results"]) == 16


def test_a_made_up_cursor_is_refused(api, reports):
    response = api("office").get(reverse("api:report-list"), {"cursor": "bz14"})
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]
