"""A collective without members reaches nobody: the office is told in the preview, after
the confirm and in its to-do, each time led to the page where the members are set."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from taizhang.plans.assignments import set_collective_members, unreached_collectives
from taizhang.plans.models import Plan, PlanImport
from taizhang.units.models import Collective
from tests.plans.test_import_flow import SMALL_PLAN, confirm_url, upload

TODO = reverse("workspace:todo")


@pytest.fixture
def staged(office, world):
    upload(office, world)  # measure 2 names 各县(市), which the world has not defined
    return PlanImport.objects.get()


def test_the_preview_names_a_collective_without_members_and_where_to_set_them(office, staged):
    response = office.get(confirm_url(staged))
    row = next(c for c in response.context["collectives"] if c["phrase"] == "各县(市)")
    assert (row["reached"], row["measures"]) == (False, 1)
    page = response.content.decode()
    assert "尚未设定成员</span>，这些任务确认后不会进入任何单位的待办" in page
    assert f'href="{reverse("directory:collectives")}"' in page


def test_the_preview_links_a_defined_collective_without_members_to_its_page(office, staged, world):
    collective = Collective.objects.create(organisation=world.organisation, phrase="各县(市)")
    page = office.get(confirm_url(staged)).content.decode()
    assert f'href="{reverse("directory:collective", args=[collective.pk])}">设定成员单位' in page


def test_a_collective_with_members_is_shown_as_reached(office, staged, world):
    collective = Collective.objects.create(organisation=world.organisation, phrase="各县(市)")
    collective.members.set([world.county_government])
    response = office.get(confirm_url(staged))
    row = next(c for c in response.context["collectives"] if c["phrase"] == "各县(市)")
    assert (row["reached"], row["members"]) == (True, 1)
    assert "尚未设定成员</span>" not in response.content.decode()


def test_the_confirm_tells_the_office_which_collectives_reach_nobody(office, staged):
    response = office.post(confirm_url(staged))
    collective = Collective.objects.get(phrase="各县(市)")
    told = [str(m) for m in get_messages(response.wsgi_request)]
    link = reverse("directory:collective", args=[collective.pk])
    assert any(
        m.startswith("1 项任务分配给尚未设定成员的统称：") and f'<a href="{link}">各县(市)</a>' in m
        for m in told
    )


def test_the_todo_lists_them_until_the_members_are_set(office, staged, world):
    office.post(confirm_url(staged))
    collective = Collective.objects.get(phrase="各县(市)")
    page = office.get(TODO).content.decode()
    assert "1 项任务分配给尚未设定成员的集合单位" in page
    assert reverse("directory:collective", args=[collective.pk]) in page

    set_collective_members(collective, [world.county_government], world.people["office"], "")
    assert "尚未设定成员的集合单位" not in office.get(TODO).content.decode()


def test_unreached_counts_each_measure_once_and_leaves_other_plans_out(world, office, staged):
    office.post(confirm_url(staged))
    plan = Plan.objects.get(title__startswith="测试州法治示范")
    second = Collective.objects.create(organisation=world.organisation, phrase="州有关部门")
    measure = plan.measures.get(number=2)
    measure.collectives.create(collective=second, role="responsible")
    unreached = unreached_collectives([plan])
    assert [c.phrase for c in unreached.collectives] == ["各县(市)", "州有关部门"]
    assert unreached.measure_count == 1
    assert not unreached_collectives([world.plan])


def test_in_a_county_plan_a_collective_of_another_countys_units_reaches_nobody(world):
    """What a collective means in a plan is members_for's rule: in a county's plan, its
    members in that county only."""
    from tests import factories as f

    plan = f.PlanFactory(organisation=world.organisation, region=world.county)
    measure = f.MeasureFactory(plan=plan, number=1)
    collective = Collective.objects.create(organisation=world.organisation, phrase="各镇")
    measure.collectives.create(collective=collective, role="responsible")
    elsewhere = f.CountyFactory(organisation=world.organisation, name="乙县")
    other_town = f.UnitFactory(
        organisation=world.organisation, region=elsewhere, name="乙县某镇", level="township"
    )
    collective.members.set([other_town])
    unreached = unreached_collectives([plan])
    assert [(c.phrase, c.measure_count) for c in unreached.collectives] == [("各镇", 1)]
    assert unreached.measure_count == 1

    town = f.UnitFactory(
        organisation=world.organisation, region=world.county, name="甲县某镇", level="township"
    )
    collective.members.add(town)
    assert not unreached_collectives([plan])


def test_in_the_organisations_plan_any_member_of_the_organisation_reaches(world):
    collective = Collective.objects.create(organisation=world.organisation, phrase="各县(市)")
    world.second.collectives.create(collective=collective, role="responsible")
    assert [c.phrase for c in unreached_collectives([world.plan]).collectives] == ["各县(市)"]
    collective.members.set([world.county_government])
    assert not unreached_collectives([world.plan])


def _elsewhere(world, level="county", name="乙县人民政府"):
    """A unit of 乙县, the organisation's other county."""
    from tests import factories as f

    county = f.CountyFactory(organisation=world.organisation, name="乙县")
    return f.UnitFactory(organisation=world.organisation, region=county, name=name, level=level)


def test_a_county_plans_preview_and_confirm_agree_on_another_countys_members(office, world):
    """One truth: 各县(市) whose only member sits in 乙县 reaches nobody in 甲县's plan, in
    the preview's 统称 list as in the message after the confirm."""
    collective = Collective.objects.create(organisation=world.organisation, phrase="各县(市)")
    collective.members.set([_elsewhere(world)])
    upload(office, world, region=world.county.pk)
    staged = PlanImport.objects.get()
    response = office.get(confirm_url(staged))
    row = next(c for c in response.context["collectives"] if c["phrase"] == "各县(市)")
    assert (row["reached"], row["members"], row["elsewhere"]) == (False, 0, 1)
    page = response.content.decode()
    assert "已设定的 1 个成员单位都不属于甲县" in page

    response = office.post(confirm_url(staged))
    told = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(m.startswith("1 项任务分配给尚未设定成员的统称：") for m in told)


def test_the_same_collective_reaches_its_member_in_the_prefectures_plan(office, world):
    collective = Collective.objects.create(organisation=world.organisation, phrase="各县(市)")
    collective.members.set([_elsewhere(world)])
    upload(office, world)
    staged = PlanImport.objects.get()
    response = office.get(confirm_url(staged))
    row = next(c for c in response.context["collectives"] if c["phrase"] == "各县(市)")
    assert (row["reached"], row["members"]) == (True, 1)
    response = office.post(confirm_url(staged))
    assert not any("尚未设定成员" in str(m) for m in get_messages(response.wsgi_request))


def test_a_level_phrase_in_a_county_plan_counts_that_countys_units_of_the_level(office, world):
    """各镇 not yet defined: the confirm makes every township a member, and the county's
    plan reaches its own only; 乙县's township is none of 甲县's."""
    _elsewhere(world, level="township", name="乙县某镇")
    upload(office, world, SMALL_PLAN.replace("各县(市)", "各镇"), region=world.county.pk)
    staged = PlanImport.objects.get()
    response = office.get(confirm_url(staged))
    row = next(c for c in response.context["collectives"] if c["phrase"] == "各镇")
    assert (row["known"], row["reached"], row["members"]) == (False, False, 0)
    response = office.post(confirm_url(staged))
    told = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(m.startswith("1 项任务分配给尚未设定成员的统称：") for m in told)


def test_one_collective_printed_two_ways_is_listed_once(office, world):
    text = SMALL_PLAN.replace("责任单位：州司法局〕", "责任单位：州司法局、各县 (市)〕")
    upload(office, world, text)
    rows = office.get(confirm_url(PlanImport.objects.get())).context["collectives"]
    assert [(row["phrase"], row["measures"]) for row in rows] == [("各县(市)", 2)]


def test_the_preview_asks_each_phrases_level_once(office, world, monkeypatch):
    """phrase_reach asks units.services.level_of_phrase once per phrase, not again for a
    phrase no collective defines."""
    from taizhang.plans import assignments
    from taizhang.units import services

    asked = []
    level_of_phrase = services.level_of_phrase
    monkeypatch.setattr(
        services, "level_of_phrase", lambda phrase: asked.append(phrase) or level_of_phrase(phrase)
    )
    phrases = ["各镇", "各县(市)", "州有关部门"]
    reach = assignments.phrase_reach(phrases, world.organisation.pk, world.county)
    assert [r.phrase for r in reach] == phrases
    assert sorted(asked) == sorted(phrases)
