"""Coverage: which parent measures every county, some or none picked up; a county plan's
measures that answer to nothing above."""

import io

from openpyxl import load_workbook

from taizhang.nesting.export import coverage_bytes
from taizhang.plans import coverage, linking


def test_the_matrix_counts_only_confirmed_links(world, nest):
    county = world.people["county"]
    first, second, third = nest.children
    linking.set_links(
        nest.county_plan,
        county,
        {first.pk: [nest.parents[0].pk], second.pk: [nest.parents[1].pk], third.pk: []},
    )
    linking.set_links(nest.second_plan, county, {nest.second_child.pk: [nest.parents[0].pk]})
    matrix = coverage.coverage(world.plan)
    assert [c.region.name for c in matrix.counties] == ["甲县", "乙县"]
    rows = {row.measure.number: row for row in matrix.rows}
    assert rows[3].reach == coverage.EVERY and rows[3].cells == ((1,), (1,))
    assert rows[4].reach == coverage.SOME and rows[4].cells == ((2,), ())
    assert rows[5].reach == coverage.NONE
    assert rows[1].reach == coverage.NONE  # world.first: nobody linked it
    assert (matrix.count("every"), matrix.count("some"), matrix.count("none")) == (1, 1, 3)


def test_a_county_plans_unanswered_measures(world, nest):
    first, second, third = nest.children
    linking.set_links(nest.county_plan, world.people["county"], {first.pk: [nest.parents[0].pk]})
    linking.set_links(nest.county_plan, world.people["county"], {third.pk: []})
    result = coverage.unanswered(nest.county_plan)
    assert result.answering_nothing == (third,)
    assert result.unchecked == (second,)


def test_the_matrix_exports_to_a_workbook(world, nest):
    linking.set_links(
        nest.county_plan, world.people["county"], {nest.children[0].pk: [nest.parents[0].pk]}
    )
    sheet = load_workbook(io.BytesIO(coverage_bytes(coverage.coverage(world.plan)))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1] == ["序号", "任务内容", "甲县", "乙县", "承接情况"]
    by_number = {row[0]: row for row in rows[2:] if isinstance(row[0], int)}
    assert by_number[3][2:] == ["第1项", "—", "部分县承接"]
    assert rows[-1][0].startswith("口径：")


def test_the_exports_title_says_the_plans_version_in_force(client, world, nest):
    """As the ledger export's title does: the version in force, from Plan.version."""
    from datetime import datetime

    from django.urls import reverse
    from django.utils import timezone

    plan = world.plan
    plan.revision, plan.version_at = 3, timezone.make_aware(datetime(2026, 8, 3, 15))
    plan.save(update_fields=["revision", "version_at"])
    client.force_login(world.people["office"])
    response = client.get(reverse("nesting:coverage_export", kwargs={"plan_id": plan.pk}))
    content = b"".join(response.streaming_content) if response.streaming else response.content
    title = load_workbook(io.BytesIO(content)).active["A1"].value
    assert title == f"{plan.title}县级承接情况（第3版，2026年8月3日 15:00导入）"


def test_the_matrix_links_only_the_county_plans_the_person_may_open(client, world, nest):
    """Whoever reads the prefecture plan's 承接情况 sees every county's column, but a county
    is a link only where the person may open its plan (plans.view_plan): a unit's liaison
    none, a county office its own."""
    from django.urls import reverse

    page = reverse("nesting:coverage", kwargs={"plan_id": world.plan.pk})
    first = reverse("nesting:coverage", kwargs={"plan_id": nest.county_plan.pk})
    second = reverse("nesting:coverage", kwargs={"plan_id": nest.second_plan.pk})
    for role, opens in (
        ("liaison", set()),
        ("county", {first}),
        ("office", {first, second}),
    ):
        client.force_login(world.people[role])
        text = client.get(page).content.decode()
        assert "甲县" in text and "乙县" in text, role
        assert {url for url in (first, second) if f'href="{url}"' in text} == opens, role
        for url in opens:
            assert client.get(url).status_code == 200, (role, url)
