"""The board counts the missing reports per group in SQL and loads only the items it
shows; what it shows is what late_items (everything, in Python) says, in every view,
filter and page, and its queries do not grow with the number of late items."""

from collections import Counter
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.plans.models import Measure
from taizhang.supervision.overdue import late_items
from taizhang.supervision.views import board as board_view
from tests import factories as f
from tests.supervision.helpers import grow

pytestmark = pytest.mark.django_db
AFTER_DUE = date(2025, 4, 20)


def _board(client, world, query=""):
    url = reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + query
    with time_machine.travel(AFTER_DUE, tick=False):
        return client.get(url)


def _key(item, view):
    return {"unit": item.unit_id, "county": item.region_id, "chapter": item.group}[view]


@pytest.fixture
def grown(world, pages_not_kept):
    grow(world, 6, start=100)
    chapter = f.ChapterFactory(plan=world.plan)
    Measure.objects.filter(plan=world.plan, number__gte=103).update(chapter=chapter)
    for number in range(110, 110 + 4):
        f.PeriodFactory(
            plan=world.plan,
            name=f"第{number}期",
            starts_on=date(2024, 1, 1),
            ends_on=date(2024, 3, 31),
            due_on=date(2024, 4, number - 100),
        )
    return world


@pytest.mark.parametrize("view", ["unit", "county", "chapter"])
def test_each_group_counts_what_late_items_says(client, grown, view):
    everything = late_items(grown.organisation, AFTER_DUE, grown.plan)
    client.force_login(grown.people["office"])
    page = _board(client, grown, f"?view={view}")
    expected = Counter((_key(i, view), i.kind) for i in everything)
    got = Counter()
    for group in page.context["groups"]:
        for kind, n in group.counts.items():
            got[group.key, kind] += n
        mine = sorted(
            (i for i in everything if _key(i, view) == group.key),
            key=board_view._worst_first,
        )
        assert group.shown == mine[: board_view.MAX_ITEMS_PER_GROUP]
        assert group.worst == mine[0].days_late
    assert +got == expected
    kinds = {kind: n for kind, _label, n in page.context["kinds"]}
    assert kinds == {k: sum(1 for i in everything if i.kind == k) for k in kinds}


def test_the_list_pages_what_late_items_says(client, grown, monkeypatch):
    monkeypatch.setattr(board_view, "PAGE_SIZE", 7)
    everything = sorted(
        late_items(grown.organisation, AFTER_DUE, grown.plan), key=board_view._worst_first
    )
    assert len(everything) > 14
    client.force_login(grown.people["office"])
    listed = []
    for number in range(1, -(-len(everything) // 7) + 1):
        listed += _board(client, grown, f"?view=list&page={number}").context["page"].items
    assert [(i.kind, i.unit_id, i.measure_id, i.detail) for i in listed] == [
        (i.kind, i.unit_id, i.measure_id, i.detail) for i in everything
    ]
    only = _board(client, grown, f"?view=list&kind=report_overdue&unit={grown.education.pk}")
    assert [i.detail for i in only.context["page"].items] == [
        i.detail
        for i in everything
        if i.kind == "report_overdue" and i.unit_id == grown.education.pk
    ]


def test_its_queries_do_not_grow_with_the_late_items(client, world, pages_not_kept):
    client.force_login(world.people["office"])

    def queries():
        with CaptureQueriesContext(connection) as seen:
            assert _board(client, world).status_code == 200
        return len(seen)

    grow(world, 2, start=200)
    before = queries()
    grow(world, 6, start=300)
    assert queries() == before
