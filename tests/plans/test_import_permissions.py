"""Only the organisation's coordinating office imports (and a county office its own
county's plan: tests/plans/test_county_plans.py); others get 403, another organisation's
imports and plans do not exist (404), anonymous people log in first."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.plans import importing
from taizhang.plans.models import PlanImport

TEXT = "测试方案\n一、主要任务\n1.开展普法宣传。〔牵头单位：州司法局；责任单位：州教育局〕\n"


@pytest.fixture
def staged(world):
    return importing.stage(
        world.organisation, world.people["office"], world.home, "p.txt", TEXT.encode()
    )


def urls(world, staged):
    return [
        reverse("plans:import"),
        reverse("plans:import_preview", kwargs={"import_id": staged.pk}),
        reverse("plans:import_revise", kwargs={"plan_id": world.plan.pk}),
    ]


def test_anonymous_people_are_sent_to_log_in(client, world, staged):
    for url in urls(world, staged):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("role", ["liaison", "reviewer", "leader", "sysadmin"])
def test_everyone_but_the_office_is_refused(client, world, staged, role):
    client.force_login(world.people[role])
    for url in urls(world, staged):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("role", ["liaison", "leader"])
def test_others_cannot_confirm_or_abandon(client, world, staged, role):
    client.force_login(world.people[role])
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    abandon = reverse("plans:import_abandon", kwargs={"import_id": staged.pk})
    assert client.post(abandon).status_code == 403
    assert client.post(url).status_code == 403
    assert PlanImport.objects.filter(pk=staged.pk).exists()


def test_the_office_may_use_every_import_page(client, world, staged):
    client.force_login(world.people["office"])
    for url in urls(world, staged):
        assert client.get(url).status_code == 200, url


def test_another_organisations_office_sees_no_import_of_ours(client, world, staged):
    client.force_login(world.people["outsider"])
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    assert client.get(url).status_code == 404
    abandon = reverse("plans:import_abandon", kwargs={"import_id": staged.pk})
    assert client.post(abandon).status_code == 404
    assert PlanImport.objects.filter(pk=staged.pk).exists()


def test_another_organisations_office_cannot_revise_our_plan(client, world):
    client.force_login(world.people["outsider"])
    url = reverse("plans:import_revise", kwargs={"plan_id": world.plan.pk})
    assert client.get(url).status_code == 404


def test_the_upload_form_offers_only_our_plans_as_parent(client, world):
    client.force_login(world.people["office"])
    form = client.get(reverse("plans:import")).context["form"]
    assert list(form.fields["parent"].queryset) == [world.plan]


def test_a_parent_plan_of_another_organisation_is_refused(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.people["office"])
    response = client.post(
        reverse("plans:import"),
        {
            "file": SimpleUploadedFile("p.txt", TEXT.encode()),
            "region": world.home.pk,
            "parent": world.other_plan.pk,
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    assert not PlanImport.objects.exists()
