"""progress_of_targets: readings from the office and from filed reports, per-capita
targets, deadlines, and a fixed number of queries."""

from datetime import date

import pytest

from taizhang.plans.models import Assignment
from taizhang.supervision.models import TargetTracking
from taizhang.supervision.progress import Status, progress_of_targets
from tests import factories as f
from tests.supervision.helpers import filed

TODAY = date(2024, 6, 30)


@pytest.fixture
def target(world):
    return f.TargetFactory(measure=world.first, value=95, year=2025)


def test_a_target_without_readings_has_no_data(world, target):
    assert progress_of_targets([target], TODAY)[target.pk].status == Status.NO_DATA


def test_the_deadline_defaults_to_the_end_of_the_target_year(world, target):
    assert progress_of_targets([target], TODAY)[target.pk].deadline == date(2025, 12, 31)


def test_the_deadline_falls_back_to_the_plan_end_year(world):
    target = f.TargetFactory(measure=world.first, year=None)
    assert progress_of_targets([target], TODAY)[target.pk].deadline == date(2025, 12, 31)


def test_a_tracking_deadline_wins(world, target):
    TargetTracking.objects.create(target=target, deadline=date(2024, 12, 31))
    assert progress_of_targets([target], TODAY)[target.pk].deadline == date(2024, 12, 31)


def test_office_readings_count(world, target):
    f.TargetReadingFactory(target=target, measured_on=date(2024, 3, 31), value=96)
    progress = progress_of_targets([target], TODAY)[target.pk]
    assert (progress.status, progress.latest) == (Status.MET, 96)


def test_values_of_submitted_reports_count_at_the_period_end(world, target):
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    filed(mine, world.period, world.people["liaison"], values={target: (97.0, "台账")})
    progress = progress_of_targets([target], date(2025, 6, 30))[target.pk]
    assert (progress.latest, progress.latest_on) == (97, world.period.ends_on)


def test_values_of_draft_reports_do_not_count(world, target):
    from taizhang.reporting import services

    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    report = services.start_report(mine, world.period)
    services.save_draft(
        report, world.people["liaison"], {"narrative": "草稿"}, 0, {target: (97.0, "")}
    )
    assert progress_of_targets([target], TODAY)[target.pk].latest is None


def test_per_capita_target_without_population_has_no_data_and_says_why(world):
    target = f.TargetFactory(measure=world.first, value=2.3, unit="人", per="万人")
    f.TargetReadingFactory(target=target, measured_on=date(2024, 3, 31), value=900)
    progress = progress_of_targets([target], TODAY)[target.pk]
    assert progress.status == Status.NO_DATA
    assert "常住人口" in progress.reason


def test_per_capita_readings_are_counts_turned_into_rates(world):
    world.home.population = 3_000_000
    world.home.save()
    target = f.TargetFactory(measure=world.first, value=2.3, unit="人", per="万人")
    f.TargetReadingFactory(target=target, measured_on=date(2024, 3, 31), value=900)
    progress = progress_of_targets([target], TODAY)[target.pk]
    assert progress.latest == pytest.approx(3.0)
    assert progress.status == Status.MET


def test_milestones_apply_only_with_the_milestone_trajectory(world, target):
    from taizhang.supervision.models import Milestone

    TargetTracking.objects.create(
        target=target, baseline=0, baseline_on=date(2022, 1, 1), trajectory="milestones"
    )
    Milestone.objects.create(target=target, year=2023, value=90)
    f.TargetReadingFactory(target=target, measured_on=date(2023, 12, 31), value=50)
    progress = progress_of_targets([target], date(2024, 1, 1))[target.pk]
    assert progress.expected_now == pytest.approx(90, abs=0.1)


def _targets(world, n):
    made = []
    for i in range(n):
        target = f.TargetFactory(measure=world.first, value=100, year=2025)
        f.TargetReadingFactory(target=target, measured_on=date(2023, 1, 1), value=10 + i)
        TargetTracking.objects.create(target=target, baseline=0, baseline_on=date(2022, 1, 1))
        made.append(target)
    return made


def test_the_query_count_does_not_grow_with_the_targets(world, django_assert_num_queries):
    few = _targets(world, 2)
    many = few + _targets(world, 30)
    with django_assert_num_queries(4):
        progress_of_targets(few, TODAY)
    with django_assert_num_queries(4):
        result = progress_of_targets(many, TODAY)
    assert len(result) == 32
