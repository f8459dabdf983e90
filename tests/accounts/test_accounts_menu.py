"""The main menu offers each person only the work they may do."""

import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_the_system_administrator_is_not_offered_the_offices_import(client, world):
    client.force_login(world.people["sysadmin"])
    page = client.get(reverse("ledger:list")).content.decode()
    assert reverse("plans:import") not in page


@pytest.mark.django_db
def test_the_office_is_offered_the_import_on_the_plan_list(client, world):
    client.force_login(world.people["office"])
    page = client.get(reverse("ledger:list")).content.decode()
    assert reverse("plans:import") in page


@pytest.mark.django_db
def test_a_liaison_reaches_the_units_responsibility_list_from_the_menu(client, world):
    client.force_login(world.people["liaison"])
    response = client.get(reverse("ledger:my_current_responsibilities"), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "ledger:responsibilities",
        kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk},
    )
