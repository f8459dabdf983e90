"""The demo's offices have set up every collective phrase their plans name (demo/
organisations.toml ``collectives``): as a real office running its plan for a year would
have at import, no measure waits on a phrase without members, and no office's to-do says
so (plans.assignments.unreached_collectives)."""

import pytest
from django.urls import reverse

from taizhang.plans.assignments import members_for, unreached_collectives
from taizhang.plans.models import MeasureCollective, Plan

pytestmark = pytest.mark.django_db


def test_every_collective_of_the_demos_plans_reaches_units(demo, client):
    plans = list(Plan.objects.select_related("region"))
    assert {p.region.name for p in plans} >= {"黔南州", "银川市", "都匀市"}
    for plan in plans:
        unreached = unreached_collectives([plan])
        assert not unreached, (plan.region.name, [c.phrase for c in unreached.collectives])
        # and in a county's plan, to units of that county
        for link in MeasureCollective.objects.filter(measure__plan=plan).select_related(
            "collective"
        ):
            assert members_for(link.collective, plan).exists(), link.collective.phrase
    for username in ("yc_office", "qn_office", "qn_county"):
        client.force_login(demo[username])
        page = client.get(reverse("workspace:todo")).content.decode()
        assert "尚未设定成员的集合单位" not in page, username
