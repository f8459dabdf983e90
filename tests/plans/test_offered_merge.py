"""A merge of the previous import joined a measure to the next: where the revised document
deletes that next measure, the merge is not offered again (it would join the first measure
to another); where the two still stand side by side, it is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.plans import import_corrections, importing
from tests.plans.test_import_revisions import HEAD, ORIGINAL

# measure 3 deleted, 4 moved up; measures 1 and 2 printed as before
DELETED = (
    HEAD
    + "".join(line + "\n" for line in ORIGINAL.splitlines()[2:4])
    + ("3.加强人民调解组织建设，规范调解工作流程。〔牵头单位：州司法局〕\n")
)
# measure 4 deleted: 2 and 3 still stand side by side
KEPT = HEAD + "".join(line + "\n" for line in ORIGINAL.splitlines()[2:5])


@pytest.fixture
def plan(world):
    """Imported with measures 2 and 3 merged (the office read them as one)."""
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    second = staged.document["tasks"][1]["key"]
    import_corrections.correct(staged, office, {"action": "merge", "key": second})
    return importing.confirm(staged, office, {})


def preview_of(office, world, plan, text):
    staged = importing.stage(
        world.organisation, world.people["office"], plan.region, "v2.txt", text.encode(), plan
    )
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    return staged, office.get(url).content.decode()


def test_a_merge_with_a_measure_the_revision_deletes_is_not_offered(office, world, plan):
    staged, page = preview_of(office, world, plan, DELETED)
    assert staged.offered == []
    assert "采用这些更正" not in page and "上次导入时的更正（" not in page
    # not dropped silently: listed under 不再适用, with why
    assert "不再适用（1）" in page and "与下一项合并为一项" in page
    assert import_corrections.DROPPED_NEXT in page


def test_a_merge_whose_two_measures_still_stand_is_offered(office, world, plan):
    staged, page = preview_of(office, world, plan, KEPT)
    assert [c["action"] for c in staged.offered] == ["merge"]
    assert "上次导入时的更正（1）" in page and "与下一项合并为一项" in page


def test_an_upload_made_a_revision_afterwards_is_offered_the_same(world, plan):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v2.txt", KEPT.encode())
    assert staged.offered == []  # a new plan, as far as the upload knew
    staged = importing.stage_as_revision(staged, plan, office)
    assert [c["action"] for c in staged.offered] == ["merge"]
