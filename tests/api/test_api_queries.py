"""List endpoints make the same number of queries for a small plan and a large one."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.plans.models import Assignment, MeasureCollective, RecurringDuty
from taizhang.reporting import services
from taizhang.reporting.models import Evidence
from tests import factories as f

pytestmark = pytest.mark.django_db


def grow(world, count: int) -> None:
    """Add ``count`` measures carried by the 教育局 (and 甲县), each with everything a
    measure and its reports can show."""
    collective = f.CollectiveFactory(organisation=world.organisation)
    liaison = world.people["liaison"]
    for _ in range(count):
        measure = f.MeasureFactory(plan=world.plan)
        f.AssignmentFactory(measure=measure, unit=world.justice, role=Assignment.Role.LEAD)
        mine = f.AssignmentFactory(measure=measure, unit=world.education)
        f.AssignmentFactory(measure=measure, unit=world.county_government, via=collective)
        MeasureCollective.objects.create(measure=measure, collective=collective, role="responsible")
        target = f.TargetFactory(measure=measure)
        RecurringDuty.objects.create(measure=measure, quote="每年至少一次")
        report = f.ReportFactory(assignment=mine, period=world.period, narrative="进展")
        services.save_draft(report, liaison, {"status": "in_progress"}, 1, {target: (90, "")})
        Evidence.objects.create(
            report=report,
            file=ContentFile(b"%PDF", name="e.pdf"),
            original_name="材料.pdf",
            content_type="application/pdf",
            size=4,
            uploaded_by=liaison,
        )
        services.submit(report, liaison, 2)
        services.review(report, world.people["reviewer"], "return", "请补充", 3)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize("role", ["office", "liaison", "county", "reviewer"])
@pytest.mark.parametrize("name", ["measure-list", "report-list", "plan-list", "unit-list"])
def test_list_queries_do_not_grow_with_the_plan(api, world, role, name):
    client = api(role)
    url = reverse(f"api:{name}")
    grow(world, 1)
    small = queries(client, url)
    grow(world, 20)
    assert queries(client, url) == small


def test_measure_list_of_one_plan_stays_flat(api, world, django_assert_num_queries):
    client = api("office")
    url = reverse("api:measure-list") + f"?plan={world.plan.pk}"
    grow(world, 1)
    small = queries(client, url)
    grow(world, 20)
    with django_assert_num_queries(small):
        client.get(url)
