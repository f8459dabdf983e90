"""One place says which group a measure stands in (plans.grouping), asked by the ledger,
the public page and the supervision board: its chapter; a 督办事项 without one in the group
督办事项 after the last chapter; any other measure without a chapter under no heading."""

from __future__ import annotations

import pytest

from taizhang.plans.grouping import ADHOC_GROUP, ADHOC_LABEL, group_expression, group_of
from taizhang.plans.models import Measure
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_measure_stands_in_its_chapter_an_item_in_the_adhoc_group(world):
    chapter = f.ChapterFactory(plan=world.plan, number="一", title="主要任务")
    world.first.chapter = chapter
    world.first.save()
    item = f.supervised_item(world, world.plan)
    assert ADHOC_LABEL == "督办事项"
    assert group_of(world.first) == chapter.pk
    assert group_of(item) == ADHOC_GROUP
    assert group_of(world.second) is None


def test_the_rule_in_sql_says_the_same(world):
    chapter = f.ChapterFactory(plan=world.plan, number="一", title="主要任务")
    world.first.chapter = chapter
    world.first.save()
    item = f.supervised_item(world, world.plan)
    groups = dict(
        Measure.objects.filter(plan=world.plan)
        .annotate(group=group_expression())
        .values_list("pk", "group")
    )
    assert groups == {world.first.pk: str(chapter.pk), world.second.pk: None, item.pk: ADHOC_GROUP}
    for measure in Measure.objects.filter(plan=world.plan).select_related("source"):
        expected = group_of(measure)
        assert groups[measure.pk] == (None if expected is None else str(expected))
