"""One place says which group a measure stands in (plans.grouping), asked by the ledger,
the public page and the supervision board: its chapter; a 督办事项 without one in the group
督办事项 after the last chapter; any other measure without a chapter under no heading."""

from __future__ import annotations

import pytest

from taizhang.plans.grouping import (
    ADHOC_GROUP,
    ADHOC_LABEL,
    Group,
    group_expression,
    group_of,
    in_order,
)
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


def test_the_groups_are_listed_in_one_order_each_with_a_label_and_a_key(world):
    # The dashboard and the API list the groups holding a measure: the chapters in their
    # order (not the order they were made in), then 督办事项, then the measures under none;
    # a chapter holding no measure is left out.
    later = f.ChapterFactory(plan=world.plan, number="三", title="保障措施", position=2)
    first = f.ChapterFactory(plan=world.plan, number="二", title="主要任务", position=1)
    empty = f.ChapterFactory(plan=world.plan, number="四", title="附则", position=3)
    chapters = world.plan.chapters.order_by("position")
    groups = in_order(chapters, {None, ADHOC_GROUP, later.pk, first.pk})
    assert groups == [
        Group(first.pk, "二、主要任务"),
        Group(later.pk, "三、保障措施"),
        Group(ADHOC_GROUP, "督办事项"),
        Group(None, "未分章节"),
    ]
    assert [g.name for g in groups] == [str(first.pk), str(later.pk), "adhoc", "none"]
    assert [g.chapter_id for g in groups] == [first.pk, later.pk, None, None]
    assert empty.pk not in [g.key for g in groups]  # a chapter holding no measure
    assert in_order(chapters, {None}) == [Group(None, "未分章节")]
