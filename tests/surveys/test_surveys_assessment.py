"""The assessment's survey indicator scores counties by a survey's satisfaction rates when
it names the survey (params {"survey_id": N})."""

import pytest

from taizhang.assessment.results import results
from tests import factories as f
from tests.surveys.builders import respond, survey_with


@pytest.fixture
def answered(world):
    """甲县: 3 of 4 satisfaction answers satisfied = 75 %."""
    survey = survey_with(world.organisation, world.plan, kinds=("satisfaction", "satisfaction"))
    respond(survey, world.county, {1: "very_satisfied", 2: "satisfied"})
    respond(survey, world.county, {1: "satisfied", 2: "neutral"})
    return survey


def scheme_with(world, params):
    scheme = f.SchemeFactory(plan=world.plan, year=2025)
    indicator = f.IndicatorFactory(
        scheme=scheme, kind="survey_results", name="群众满意度", weight=10, params=params
    )
    return scheme, indicator


def test_a_survey_indicator_scores_counties_by_the_surveys_satisfaction(world, answered):
    scheme, indicator = scheme_with(world, {"survey_id": answered.pk, "target": 90})
    county = results(scheme).county(world.county.pk)
    assert county.points_of(indicator.pk) == pytest.approx(10 * 75 / 90)
    assert "测评结果 75%" in county.lines[0]["text"]


def test_a_survey_of_another_organisation_is_not_read(world, answered):
    foreign = survey_with(world.other, kinds=("satisfaction",))
    respond(foreign, f.CountyFactory(organisation=world.other), {1: "satisfied"})
    rates = {f"region:{world.county.pk}": 60}
    scheme, indicator = scheme_with(world, {"survey_id": foreign.pk, "rates": rates})
    assert results(scheme).county(world.county.pk).points_of(indicator.pk) == pytest.approx(
        10 * 60 / 90
    )


def test_the_office_picks_the_survey_on_the_indicator_form(world, answered):
    from taizhang.assessment.forms import IndicatorForm

    form = IndicatorForm(
        {
            "kind": "survey_results",
            "name": "群众满意度",
            "weight": "10",
            "survey": answered.pk,
            "when_none": "full",
        },
        initial={"kind": "survey_results"},
        organisation=world.organisation,
        kind="survey_results",
    )
    assert form.is_valid(), form.errors
    assert form.values()["params"]["survey_id"] == answered.pk
