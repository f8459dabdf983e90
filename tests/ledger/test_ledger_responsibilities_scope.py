"""A responsibility list shows its plan only to those who may see the plan: a unit with no
part in a plan gets 403, as on the ledger (found by tests/test_permission_matrix.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncarried_plan(world):
    """A plan of the organisation in which only 州公安局 has work."""
    plan = f.PlanFactory(organisation=world.organisation, region=world.home)
    f.AssignmentFactory(measure=f.MeasureFactory(plan=plan, number=1), unit=world.police)
    return plan


def list_url(plan, unit):
    return reverse("ledger:responsibilities", kwargs={"plan_id": plan.pk, "unit_id": unit.pk})


def test_a_liaison_cannot_open_their_list_in_a_plan_the_unit_has_no_part_in(
    client, world, uncarried_plan
):
    client.force_login(world.people["liaison"])
    assert client.get(list_url(uncarried_plan, world.education)).status_code == 403


def test_the_office_still_opens_any_units_list_in_that_plan(client, world, uncarried_plan):
    client.force_login(world.people["office"])
    assert client.get(list_url(uncarried_plan, world.education)).status_code == 200
