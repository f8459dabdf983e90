"""The links write path: the office's decisions stored, audited, refused outside the plans."""

import pytest
from django.core.exceptions import ValidationError

from taizhang.audit.models import AuditEntry
from taizhang.plans import linking
from taizhang.plans.models import MeasureLink


def test_confirmed_links_are_stored_and_audited(world, nest):
    county = world.people["county"]
    first, second, third = nest.children
    decisions = {first.pk: [nest.parents[0].pk], second.pk: [nest.parents[1].pk], third.pk: []}
    scores = {(first.pk, nest.parents[0].pk): 4.2}
    assert linking.set_links(nest.county_plan, county, decisions, scores) == 3
    links = {(link.child_id, link.parent_id): link for link in MeasureLink.objects.all()}
    assert set(links) == {(first.pk, nest.parents[0].pk), (second.pk, nest.parents[1].pk)}
    assert links[(first.pk, nest.parents[0].pk)].score == 4.2
    assert links[(first.pk, nest.parents[0].pk)].confirmed_by == county
    third.refresh_from_db()
    assert third.links_checked  # checked: answers to nothing above
    entries = AuditEntry.objects.filter(action="link")
    assert entries.count() == 3
    entry = entries.get(object_id=str(first.pk))
    assert entry.changes == {"parents": ["无", "第3项"]}
    assert entry.organisation_id == world.organisation.pk


def test_changing_a_link_is_audited_and_an_unchanged_one_is_not(world, nest):
    county = world.people["county"]
    first = nest.children[0]
    linking.set_links(nest.county_plan, county, {first.pk: [nest.parents[0].pk]})
    assert linking.set_links(nest.county_plan, county, {first.pk: [nest.parents[0].pk]}) == 0
    linking.set_links(nest.county_plan, county, {first.pk: [nest.parents[2].pk]})
    assert list(MeasureLink.objects.values_list("parent_id", flat=True)) == [nest.parents[2].pk]
    latest = AuditEntry.objects.filter(action="link").order_by("-pk").first()
    assert latest.changes == {"parents": ["第3项", "第5项"]}
    assert AuditEntry.objects.filter(action="link").count() == 2


def test_a_parent_outside_the_parent_plan_is_refused(world, nest):
    with pytest.raises(ValidationError, match="不属于上级方案"):
        linking.set_links(
            nest.county_plan, world.people["county"], {nest.children[0].pk: [world.second.pk + 999]}
        )
    with pytest.raises(ValidationError, match="不属于上级方案"):
        linking.set_links(
            nest.county_plan, world.people["county"], {nest.children[0].pk: [nest.second_child.pk]}
        )
    assert not MeasureLink.objects.exists()


def test_a_measure_of_another_plan_is_refused(world, nest):
    with pytest.raises(ValidationError, match="不属于本方案"):
        linking.set_links(nest.county_plan, world.people["county"], {nest.second_child.pk: []})


def test_a_plan_without_a_parent_has_nothing_to_link(world, nest):
    with pytest.raises(ValidationError, match="没有上级方案"):
        linking.set_links(world.plan, world.people["office"], {world.first.pk: []})


def test_proposals_are_ticked_until_the_office_decides(world, nest):
    rows = {row.measure.pk: row for row in linking.proposals(nest.county_plan)}
    assert set(rows) == {m.pk for m in nest.children}
    for row in rows.values():
        assert not row.checked
        scores = [c.score for c in row.choices]
        assert scores == sorted(scores, reverse=True)  # best first
        assert all(c.chosen == c.proposed for c in row.choices)
    first = nest.children[0]
    linking.set_links(nest.county_plan, world.people["county"], {first.pk: [nest.parents[2].pk]})
    row = next(r for r in linking.proposals(nest.county_plan) if r.measure.pk == first.pk)
    assert row.checked
    assert [c.parent.pk for c in row.choices if c.chosen] == [nest.parents[2].pk]
