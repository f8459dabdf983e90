"""Responsibility lists (责任清单): what one unit leads and shares, and who may open it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from taizhang.plans.models import MeasureCollective
from tests import factories as f

pytestmark = pytest.mark.django_db


def list_url(plan, unit):
    return reverse("ledger:responsibilities", kwargs={"plan_id": plan.pk, "unit_id": unit.pk})


def get(client, user, url):
    client.force_login(user)
    return client.get(url)


def numbers(response) -> list[int]:
    return [item.measure.number for item in response.context["items"]]


def test_liaison_opens_their_own_units_list(client, world):
    response = get(client, world.people["liaison"], list_url(world.plan, world.education))
    assert response.status_code == 200
    assert numbers(response) == [1]


def test_liaison_may_not_open_another_units_list(client, world):
    response = get(client, world.people["liaison"], list_url(world.plan, world.police))
    assert response.status_code == 403


def test_office_opens_any_units_list(client, world):
    response = get(client, world.people["office"], list_url(world.plan, world.police))
    assert numbers(response) == [2]


def test_leader_opens_any_units_list(client, world):
    response = get(client, world.people["leader"], list_url(world.plan, world.justice))
    assert numbers(response) == [1]


def test_county_office_opens_the_lists_of_its_county(client, world):
    response = get(client, world.people["county"], list_url(world.plan, world.county_government))
    assert numbers(response) == [1]


def test_county_office_may_not_open_a_prefecture_units_list(client, world):
    response = get(client, world.people["county"], list_url(world.plan, world.police))
    assert response.status_code == 403


def test_outsider_gets_404(client, world):
    response = get(client, world.people["outsider"], list_url(world.plan, world.education))
    assert response.status_code == 404


def test_a_unit_of_another_organisation_is_404(client, world):
    stranger = f.UnitFactory(organisation=world.other)
    response = get(client, world.people["office"], list_url(world.plan, stranger))
    assert response.status_code == 404


def test_measures_carried_through_a_collective_are_listed_and_marked(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="州有关部门")
    MeasureCollective.objects.create(
        measure=world.second, collective=collective, role="responsible"
    )
    f.AssignmentFactory(measure=world.second, unit=world.education, via=collective)
    response = get(client, world.people["liaison"], list_url(world.plan, world.education))
    assert numbers(response) == [1, 2]
    assert "通过“州有关部门”" in response.content.decode()
    assert response.context["via_count"] == 1


def test_lead_and_shared_measures_are_counted(client, world):
    f.AssignmentFactory(measure=world.second, unit=world.justice)
    response = get(client, world.people["reviewer"], list_url(world.plan, world.justice))
    assert (response.context["lead_count"], response.context["responsible_count"]) == (1, 1)


def test_sorted_by_deadline_with_open_ended_measures_last(client, world):
    third = f.MeasureFactory(plan=world.plan, number=3, deadline=None, deadline_text="")
    fourth = f.MeasureFactory(plan=world.plan, number=4, deadline=datetime.date(2023, 12, 31))
    for measure in (third, fourth, world.second):
        f.AssignmentFactory(measure=measure, unit=world.education)
    response = get(client, world.people["liaison"], list_url(world.plan, world.education))
    assert numbers(response) == [4, 1, 2, 3]
    assert "长期坚持" in response.content.decode()


def test_withdrawn_measures_are_left_out(client, world):
    world.first.withdrawn = True
    world.first.save()
    response = get(client, world.people["office"], list_url(world.plan, world.education))
    assert numbers(response) == []


def test_my_responsibilities_takes_a_liaison_to_their_units_list(client, world):
    url = reverse("ledger:my_responsibilities", kwargs={"plan_id": world.plan.pk})
    response = get(client, world.people["liaison"], url)
    assert response.status_code == 302
    assert response.url == list_url(world.plan, world.education)


def test_my_responsibilities_takes_the_office_to_the_ledger(client, world):
    url = reverse("ledger:my_responsibilities", kwargs={"plan_id": world.plan.pk})
    response = get(client, world.people["office"], url)
    assert response.url == reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})


def test_my_responsibilities_of_another_organisations_plan_is_404(client, world):
    url = reverse("ledger:my_responsibilities", kwargs={"plan_id": world.plan.pk})
    assert get(client, world.people["outsider"], url).status_code == 404


def test_an_offices_item_carries_its_source_badge_as_on_the_ledger(client, world):
    # The ledger marks a 督办事项 with its source (领导批示 / 会议议定事项); the unit's list
    # once showed it as one of the plan's own measures.
    item = f.supervised_item(world, world.plan)
    meeting = f.supervised_item(world, world.plan, kind="meeting", title="州委依法治州委第5次会议")
    badge = '<span class="badge in_progress" title="{}">{}</span>'
    ledger = get(
        client, world.people["office"], reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    ).content.decode()
    page = get(client, world.people["office"], list_url(world.plan, world.police))
    assert sorted(numbers(page)) == [2, item.number, meeting.number]
    html = page.content.decode()
    for measure, label in ((item, "领导批示"), (meeting, "会议议定事项")):
        expected = badge.format(measure.source.title, label)
        assert expected in ledger and html.count(expected) == 1
    assert html.count('<span class="badge in_progress" title=') == 2  # not measure 2
