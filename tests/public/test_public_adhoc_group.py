"""The office's 督办事项 stand on the public page under a group of their own, 督办事项, after
the last chapter (plans.grouping, as on the ledger), with what the office chose to make
public of any measure and nothing of their source (the instruction or meeting they come
from is internal)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.public.disclosure import public_plan
from taizhang.public.models import Publication
from tests import factories as f
from tests.public.scenes import FIRST_TEXT, SECOND_TEXT, build, publish

pytestmark = pytest.mark.django_db

ITEM_TEXT = "开展校园周边治安秩序专项整治，6月底前完成。"
SOURCE_TITLE = "州委主要领导批示件（州委办批〔2025〕15号）"


@pytest.fixture
def scene(world):
    scene = build(world)
    scene.item = f.supervised_item(world, scene.plan)
    return scene


def page_of(client, plan) -> str:
    response = client.get(reverse("public:plan", kwargs={"plan_id": plan.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_items_stand_under_their_own_group_after_the_last_chapter(client, scene):
    publish(scene.plan, scene.world.people["office"])
    html = page_of(client, scene.plan)
    second_chapter = html.index("<h2>三、健全社会领域制度规范</h2>")
    group = html.index("<h2>督办事项</h2>")
    assert html.index(FIRST_TEXT) < second_chapter < html.index(SECOND_TEXT) < group
    assert group < html.index(ITEM_TEXT)
    assert 'href="#chapter-3">督办事项</a>' in html
    assert SOURCE_TITLE not in html


def test_the_groups_of_the_page(scene):
    publication = publish(scene.plan, scene.world.people["office"])
    page = public_plan(Publication.objects.get(pk=publication.pk))
    assert [(c.label, [m.number for m in c.measures]) for c in page.chapters] == [
        ("二、增强全社会法治观念", [scene.world.first.number]),
        ("三、健全社会领域制度规范", [scene.world.second.number]),
        ("督办事项", [scene.item.number]),
    ]
    assert page.total == 3


def test_a_plan_without_chapters_still_labels_its_items(client, world):
    item = f.supervised_item(world, world.plan)
    publication = publish(world.plan, world.people["office"])
    page = public_plan(Publication.objects.get(pk=publication.pk))
    assert [(c.label, [m.number for m in c.measures]) for c in page.chapters] == [
        ("", [world.first.number, world.second.number]),
        ("督办事项", [item.number]),
    ]


def test_the_office_chooses_what_is_public_of_an_item_as_of_any_measure(client, scene):
    publish(scene.plan, scene.world.people["office"], show_text=False)
    html = page_of(client, scene.plan)
    assert "<h2>督办事项</h2>" in html
    assert ITEM_TEXT not in html
    assert SOURCE_TITLE not in html
