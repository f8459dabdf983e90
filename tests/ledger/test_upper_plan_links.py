"""A county office sees the prefecture's plan, in which its county's units carry tasks, but
runs only its own: the plan list, the prefecture plan's ledger and a county unit's notices
page offer it no link it may not follow (the demo's 都匀市 and 兴庆区 offices met 归档,
督查督办 and 生成催办通知 there, each answered 403)."""

from __future__ import annotations

import re

from django.urls import reverse

from tests import factories as f

HREF = re.compile(r'href="(/[^"#]*)"')


def _links(page: str) -> set[str]:
    main = page.split("<main", 1)[-1]
    return {href.replace("&amp;", "&") for href in HREF.findall(main)}


def _dead_ends(client, url: str) -> list[tuple[str, int]]:
    page = client.get(url)
    assert page.status_code == 200, url
    answers = (
        (href, client.get(href).status_code) for href in sorted(_links(page.content.decode()))
    )
    return [(href, status) for href, status in answers if status in (403, 404)]


def test_the_county_office_meets_no_dead_end_on_the_prefecture_s_plan(client, world):
    own = f.PlanFactory(organisation=world.organisation, region=world.county)
    f.AssignmentFactory(measure=f.MeasureFactory(plan=own, number=1), unit=world.county_government)
    client.force_login(world.people["county"])

    plans = client.get(reverse("ledger:list")).content.decode()
    archive = reverse("editing:plan_archive", kwargs={"plan_id": world.plan.pk})
    assert archive not in plans
    assert reverse("editing:plan_archive", kwargs={"plan_id": own.pk}) in plans
    ledger = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}))
    assert (
        reverse("supervision:board", kwargs={"plan_id": world.plan.pk})
        not in ledger.content.decode()
    )
    unit_notices = reverse("notices:unit", kwargs={"unit_id": world.county_government.pk})
    create = reverse(
        "notices:create", kwargs={"plan_id": world.plan.pk, "unit_id": world.county_government.pk}
    )
    assert create not in client.get(unit_notices).content.decode()

    for url in (
        reverse("ledger:list"),
        reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}),
        reverse("ledger:ledger", kwargs={"plan_id": own.pk}),
        unit_notices,
    ):
        assert _dead_ends(client, url) == [], url


def test_the_prefecture_office_keeps_its_links(client, world):
    client.force_login(world.people["office"])
    plans = client.get(reverse("ledger:list")).content.decode()
    assert reverse("editing:plan_archive", kwargs={"plan_id": world.plan.pk}) in plans
    ledger = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}))
    assert (
        reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) in ledger.content.decode()
    )
    page = client.get(reverse("notices:unit", kwargs={"unit_id": world.county_government.pk}))
    assert (
        reverse(
            "notices:create",
            kwargs={"plan_id": world.plan.pk, "unit_id": world.county_government.pk},
        )
        in page.content.decode()
    )
