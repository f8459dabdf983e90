"""Read endpoints honour the web pages' permissions for every role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.accounts.models import Role
from tests import factories as f

pytestmark = pytest.mark.django_db

LISTS = ["plan-list", "period-list", "measure-list", "unit-list", "report-list"]


def get(client, name, query=None, **kwargs):
    return client.get(reverse(f"api:{name}", kwargs=kwargs), query or {})


def numbers(response):
    return sorted(item["number"] for item in response.json()["results"])


def names(response):
    return sorted(item["name"] for item in response.json()["results"])


@pytest.mark.parametrize("name", LISTS)
def test_anonymous_gets_401(api, name):
    assert get(api(None), name).status_code == 401


def test_anonymous_gets_401_on_a_detail(api, world):
    assert get(api(None), "measure-detail", measure_id=world.first.pk).status_code == 401


# -- plans ---------------------------------------------------------------------------------


def test_office_lists_only_its_organisations_plans(api, world):
    response = get(api("office"), "plan-list")
    assert [p["id"] for p in response.json()["results"]] == [world.plan.pk]


def test_plan_shows_its_measure_count(api, world):
    f.MeasureFactory(plan=world.plan, withdrawn=True)
    response = get(api("leader"), "plan-detail", plan_id=world.plan.pk)
    assert response.json()["measures_count"] == 2


def test_the_system_admin_sees_no_plan_data(api, world):
    # it manages organisations and office administrators; plans are not its to read
    for name, kwargs in (("plan-list", {}), ("plan-detail", {"plan_id": world.plan.pk})):
        response = get(api("sysadmin"), name, **kwargs)
        assert response.status_code == 403
        assert "不查看实施方案数据" in response.json()["detail"]


def test_liaison_sees_the_plan_its_unit_carries(api, world):
    assert get(api("liaison"), "plan-detail", plan_id=world.plan.pk).status_code == 200


def test_outsider_gets_404_for_another_organisations_plan(api, world):
    assert get(api("outsider"), "plan-detail", plan_id=world.plan.pk).status_code == 404


def test_unit_staff_of_an_uninvolved_unit_gets_403_for_the_plan(api, world):
    idle = f.UnitFactory(organisation=world.organisation, region=world.home, name="州统计局")
    person = f.UserFactory(organisation=world.organisation, role=Role.LIAISON, unit=idle)
    client = api(None)
    client.force_login(person)
    assert get(client, "plan-detail", plan_id=world.plan.pk).status_code == 403


# -- measures ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("office", [1, 2]),
        ("leader", [1, 2]),
        ("liaison", [1]),
        ("reviewer", [1]),
        ("county", [1]),
        ("outsider", []),
    ],
)
def test_measure_list_per_role(api, role, expected):
    assert numbers(get(api(role), "measure-list")) == expected


def test_liaison_gets_403_for_a_measure_its_unit_does_not_carry(api, world):
    assert get(api("liaison"), "measure-detail", measure_id=world.second.pk).status_code == 403


def test_outsider_gets_404_for_a_measure(api, world):
    assert get(api("outsider"), "measure-detail", measure_id=world.first.pk).status_code == 404


def test_withdrawn_measure_is_not_found(api, world):
    gone = f.MeasureFactory(plan=world.plan, withdrawn=True)
    assert get(api("office"), "measure-detail", measure_id=gone.pk).status_code == 404


def test_measure_shows_its_units_collectives_targets_duties_and_deadline(api, world):
    from taizhang.plans.models import MeasureCollective, RecurringDuty

    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    f.TargetFactory(measure=world.first, quote="覆盖率达到95%以上")
    RecurringDuty.objects.create(measure=world.first, quote="每年至少开展2次", times_per_year=2)

    body = get(api("liaison"), "measure-detail", measure_id=world.first.pk).json()

    assert [u["name"] for u in body["lead_units"]] == ["州司法局"]
    assert sorted(u["name"] for u in body["responsible_units"]) == ["州教育局", "甲县人民政府"]
    assert body["collectives"] == [
        {"id": collective.pk, "phrase": "各县(市)", "role": "responsible"}
    ]
    assert body["targets"][0]["quote"] == "覆盖率达到95%以上"
    assert body["duties"][0]["times_per_year"] == 2
    assert (body["deadline"], body["deadline_text"]) == ("2025-12-31", "到2025年")


def test_measures_filter_by_unit(api, world):
    response = get(api("office"), "measure-list", {"unit": world.police.pk})
    assert numbers(response) == [2]


def test_measures_filter_by_plan_of_another_organisation_is_empty(api, world):
    response = get(api("office"), "measure-list", {"plan": world.other_plan.pk})
    assert numbers(response) == []


def test_measures_filter_by_chapter(api, world):
    chapter = f.ChapterFactory(plan=world.plan)
    f.MeasureFactory(plan=world.plan, chapter=chapter, number=3)
    response = get(api("office"), "measure-list", {"chapter": chapter.pk})
    assert numbers(response) == [3]


def test_measures_filter_by_each_group_the_progress_endpoint_names(api, world):
    # ?chapter= takes every `group` of /api/plans/{id}/progress/ (plans.grouping): a
    # chapter's id, `adhoc` for the office's 督办事项, `none` for the measures under no
    # chapter; it once took chapter ids only (400 for `adhoc` and `none`).
    chapter = f.ChapterFactory(plan=world.plan)
    f.MeasureFactory(plan=world.plan, chapter=chapter, number=3)
    item = f.supervised_item(world, world.plan)
    office = api("office")
    progress = office.get(reverse("api:plan-progress", kwargs={"plan_id": world.plan.pk})).json()
    found = {
        group["group"]: numbers(get(office, "measure-list", {"chapter": group["group"]}))
        for group in progress["chapters"]
    }
    assert found == {str(chapter.pk): [3], "adhoc": [item.number], "none": [1, 2]}
    assert [g["total"] for g in progress["chapters"]] == [len(n) for n in found.values()]


def test_a_chapter_filter_naming_no_group_is_400(api):
    response = get(api("office"), "measure-list", {"chapter": "other"})
    assert response.status_code == 400
    assert response.json()["detail"] == (
        "参数 chapter 必须是章 id、adhoc（督办事项）或 none（未分章节）。"
    )


def test_malformed_filter_is_400_with_one_message(api):
    response = get(api("office"), "measure-list", {"plan": "abc"})
    assert response.status_code == 400
    assert response.json()["detail"] == "参数 plan 必须是整数 id。"


def test_measure_list_is_paginated(api):
    body = get(api("office"), "measure-list").json()
    assert set(body) >= {"count", "next", "previous", "results"}


# -- units and periods ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("office", ["州公安局", "州司法局", "州教育局", "甲县人民政府"]),
        ("leader", ["州公安局", "州司法局", "州教育局", "甲县人民政府"]),
        ("liaison", ["州教育局"]),
        ("county", ["甲县人民政府"]),
        ("outsider", []),
    ],
)
def test_unit_list_per_role(api, role, expected):
    assert names(get(api(role), "unit-list")) == expected


def test_liaison_gets_403_for_another_unit(api, world):
    assert get(api("liaison"), "unit-detail", unit_id=world.justice.pk).status_code == 403


def test_outsider_gets_404_for_a_unit(api, world):
    assert get(api("outsider"), "unit-detail", unit_id=world.justice.pk).status_code == 404


def test_office_lists_its_periods(api, world):
    body = get(api("office"), "period-list").json()
    assert [p["id"] for p in body["results"]] == [world.period.pk]


def test_outsider_gets_404_for_a_period(api, world):
    assert get(api("outsider"), "period-detail", period_id=world.period.pk).status_code == 404


def test_periods_filter_by_plan(api, world):
    other = f.PlanFactory(organisation=world.organisation, region=world.home)
    f.PeriodFactory(plan=other)
    body = get(api("office"), "period-list", {"plan": world.plan.pk}).json()
    assert [p["id"] for p in body["results"]] == [world.period.pk]


def test_a_404_says_nothing_about_the_object(api, world):
    response = get(api("outsider"), "measure-detail", measure_id=world.first.pk)
    assert response.json() == {"detail": "没有找到该记录。", "code": "not_found"}


def test_the_system_admin_is_refused_with_a_token_too(world):
    from rest_framework.test import APIClient

    from taizhang.api.tokens import issue_token

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(world.people['sysadmin'])}")
    assert get(client, "plan-list").status_code == 403
    assert get(client, "report-list").status_code == 403
