"""A parent measure's roll-up from its counties' linked measures: statuses by the one
status rule, indicator values by the arithmetic of taizhang.rollup."""

import datetime

import pytest

from taizhang import rollup
from taizhang.plans.models import MeasureLink
from taizhang.reporting.models import ProgressReport
from taizhang.supervision.rollup import measure_rollup
from tests import factories as f

TODAY = datetime.date(2025, 6, 30)


def test_the_status_codes_are_the_reporting_apps():
    Status = ProgressReport.Status
    assert (rollup.NOT_STARTED, rollup.IN_PROGRESS, rollup.DONE, rollup.LAGGING) == (
        Status.NOT_STARTED,
        Status.IN_PROGRESS,
        Status.DONE,
        Status.LAGGING,
    )


@pytest.fixture
def counties(world):
    """Two counties' plans, each with a measure linked to measure 1 and its own targets."""
    world.county.population = 500_000
    world.county.save()
    second = f.CountyFactory(organisation=world.organisation, name="乙县", population=100_000)
    parent = world.first
    f.TargetFactory(measure=parent, quote="每万人拥有律师2.3人", value=2.3, unit="人", per="万人")
    f.TargetFactory(measure=parent, quote="创建示范村70个", value=70, unit="个")
    f.TargetFactory(measure=parent, quote="覆盖率达95%", value=95, unit="%")
    lines = []
    for region, lawyers, villages, rate, status in (
        (world.county, 150, 12, 90, "done"),
        (second, 10, 30, 60, "in_progress"),
    ):
        plan = f.PlanFactory(organisation=world.organisation, region=region, parent=world.plan)
        measure = f.MeasureFactory(plan=plan, number=1, deadline=datetime.date(2025, 12, 31))
        unit = f.UnitFactory(organisation=world.organisation, region=region)
        assignment = f.AssignmentFactory(measure=measure, unit=unit, role="lead")
        f.ReportFactory(assignment=assignment, status=status, state="accepted")
        MeasureLink.objects.create(
            child=measure, parent=parent, confirmed_at=datetime.datetime.now(datetime.UTC)
        )
        for quote, value, unit_name, per in (
            ("每万人拥有律师3人", lawyers, "人", "万人"),
            ("示范村", villages, "个", ""),
            ("覆盖率", rate, "%", ""),
        ):
            target = f.TargetFactory(measure=measure, quote=quote, unit=unit_name, per=per)
            f.TargetReadingFactory(target=target, value=value)
        lines.append(measure)
    return lines


def test_counts_add_rates_average_and_per_capita_weigh_by_population(world, counties):
    result = measure_rollup(world.first, TODAY)
    by_quote = {item.target.quote: item.result for item in result.targets}
    # 150 + 10 lawyers for 600,000 people: 2.67 per 10,000
    assert by_quote["每万人拥有律师2.3人"].value == pytest.approx(160 / 60)
    assert by_quote["创建示范村70个"].value == 42
    # no denominators are known: the two rates weigh equally, and the page says so
    assert by_quote["覆盖率达95%"].value == pytest.approx(75)
    assert by_quote["覆盖率达95%"].rule == rollup.RATE_EQUAL_RULE


def test_the_status_rolls_up_from_the_county_measures(world, counties):
    result = measure_rollup(world.first, TODAY)
    assert [(line.county, line.status) for line in result.lines] == [
        ("甲县", "done"),
        ("乙县", "in_progress"),
    ]
    assert result.status == rollup.IN_PROGRESS


def test_a_county_without_population_is_left_out_of_per_capita_figures(world, counties):
    world.county.population = None
    world.county.save()
    result = measure_rollup(world.first, TODAY)
    lawyers = next(i for i in result.targets if i.target.per == "万人").result
    # 甲县's 150 lawyers cannot become a rate without its population: named, not counted
    assert lawyers.left_out == ("甲县",)
    assert lawyers.used == ("乙县",)
    assert lawyers.value == pytest.approx(1.0)  # 10 lawyers for 100,000 people


def test_a_measure_nobody_links_has_no_rollup(world):
    result = measure_rollup(world.second, TODAY)
    assert result.lines == [] and result.status is None


def _rate_readings(counties):
    return [
        measure.targets.get(quote="覆盖率").readings.get()
        for measure in counties  # 甲县 90%, 乙县 60%
    ]


def test_a_rate_weighs_by_the_base_each_county_entered(world, counties):
    first, second = _rate_readings(counties)
    first.denominator, second.denominator = 100, 300
    first.save(), second.save()
    result = {i.target.quote: i.result for i in measure_rollup(world.first, TODAY).targets}
    rate = result["覆盖率达95%"]
    # 90 of 100 and 180 of 300: 270 of 400 = 67.5%
    assert rate.value == pytest.approx(67.5)
    assert rate.rule == rollup.RATE_WEIGHTED_RULE
    assert rate.bases == ("甲县按基数100", "乙县按基数300")


def test_a_county_without_a_base_weighs_as_the_average_and_the_line_says_which(world, counties):
    first, _ = _rate_readings(counties)
    first.denominator = 100
    first.save()
    rate = {i.target.quote: i.result for i in measure_rollup(world.first, TODAY).targets}[
        "覆盖率达95%"
    ]
    # 乙县 has no base: it weighs as the mean of the bases reported (100), equal to 甲县
    assert rate.value == pytest.approx(75)
    assert rate.rule == rollup.RATE_MIXED_RULE
    assert rate.bases == ("甲县按基数100", "乙县未填报基数，按平均基数100（等权）")


def test_the_measure_page_links_only_the_county_measures_the_person_may_open(
    client, world, counties
):
    """A unit's liaison sees the 县级汇总 of a measure its unit carries but may not open
    the counties' measures (plans.view_measure): their numbers stay, unlinked."""
    from django.urls import reverse

    page_url = reverse(
        "ledger:measure", kwargs={"plan_id": world.plan.pk, "measure_id": world.first.pk}
    )
    child = counties[0]
    child_url = reverse("ledger:measure", kwargs={"plan_id": child.plan_id, "measure_id": child.pk})
    for person, may_open in ((world.people["liaison"], False), (world.people["office"], True)):
        client.force_login(person)
        text = client.get(page_url).content.decode()
        assert "县级汇总" in text and "甲县" in text
        assert (child_url in text) is may_open
        assert (client.get(child_url).status_code == 200) is may_open
