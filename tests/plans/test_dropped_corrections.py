"""A correction of the previous import that the revised document leaves nothing to apply to
(its measure deleted or rewritten, the line it made a measure gone) is not offered again;
the preview lists it under 不再适用 with why, so the office sees what was dropped."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.plans import import_corrections, importing
from tests.plans.test_import_revisions import HEAD, ORIGINAL, REVISED

NOTE = "各有关单位要加强组织领导，确保各项任务落到实处。"
FIRST = ORIGINAL + NOTE + "\n"  # the note on line 7, made a measure by the office
# REVISED deletes measure 3 (完善公共法律服务体系…) and the note; 4 is printed as before
SECOND = REVISED


@pytest.fixture
def plan(world):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", FIRST.encode())
    keys = {t["no"]: t["key"] for t in staged.document["tasks"]}
    for number in (3, 4):  # the deadline of measure 3 (deleted) and of 4 (kept)
        import_corrections.set_fields(staged, office, keys[number], {"deadline": "2024年底前"})
    import_corrections.correct(staged, office, {"action": "measure", "line": 7})
    return importing.confirm(staged, office, {})


def preview(office, world, plan, text):
    staged = importing.stage(
        world.organisation, world.people["office"], plan.region, "v2.txt", text.encode(), plan
    )
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    response = office.get(url)
    assert response.status_code == 200
    return staged, response


def test_a_correction_of_a_deleted_measure_is_shown_as_no_longer_applying(office, world, plan):
    assert len(plan.import_corrections) == 3
    staged, response = preview(office, world, plan, SECOND)
    assert [c["label"] for c in staged.offered] == [plan.import_corrections[1]["label"]]
    dropped = response.context["dropped"]
    assert [c["reason"] for c in dropped] == [
        import_corrections.DROPPED_MEASURE,
        import_corrections.DROPPED_LINE,
    ]
    page = response.content.decode()
    assert "不再适用（2）" in page
    assert "任务“完善公共法律服务体系" in page and "该任务已删除" in page
    assert f"原文第7行设为任务：“{NOTE[:20]}…”" in page and "原文已删除或改写该句" in page
    assert page.index('id="dropped-title"') < page.index('id="changes"')


def test_what_no_longer_applies_is_not_applied_when_the_rest_is_adopted(office, world, plan):
    staged, _ = preview(office, world, plan, SECOND)
    office.post(reverse("plans:import_adopt", kwargs={"import_id": staged.pk}))
    staged.refresh_from_db()
    assert len(staged.corrections) == 1 and staged.offered == []
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    response = office.get(url)
    assert len(response.context["dropped"]) == 2  # still said after the adoption
    tasks = response.context["preview"].tasks
    assert len(tasks) == 4 and NOTE not in [t["text"] for t in tasks]


def test_a_line_made_a_measure_that_moved_says_where_it_stands_now(office, world, plan):
    moved = HEAD + "".join(line + "\n" for line in ORIGINAL.splitlines()[2:]) + "\n" + NOTE
    _, response = preview(office, world, plan, moved)
    [dropped] = response.context["dropped"]
    assert dropped["reason"].startswith("该句在修订版中移到了原文第8行")


def test_a_revision_that_keeps_every_measure_drops_nothing(office, world, plan):
    staged, response = preview(office, world, plan, FIRST)
    assert len(staged.offered) == 3
    assert response.context["dropped"] == []
    assert "不再适用" not in response.content.decode()


def test_a_line_the_revision_numbers_as_a_measure_is_already_one(office, world, plan):
    numbered = ORIGINAL + f"5.{NOTE}〔牵头单位：州司法局〕\n"
    staged, response = preview(office, world, plan, numbered)
    assert [c["action"] for c in staged.offered] == ["set", "set"]
    [dropped] = response.context["dropped"]
    assert dropped["reason"] == import_corrections.DROPPED_ALREADY
