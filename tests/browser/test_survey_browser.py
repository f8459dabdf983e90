"""Answering the public satisfaction survey on a phone: someone opens the survey's public
link (no login), gives their county, answers every question with a thumb and submits; a
second visit from the same phone is told it has already answered; a form sent with a
question left out comes back with one clear message and the answers kept."""

import pytest
from django.core.cache import cache

from tests.browser.conftest import click_and_wait, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """The limits count per survey id and address in the cache; ids restart per test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def survey(world):
    """The 法治社会 template survey of the world's organisation, open to the public."""
    from taizhang.surveys import services

    office = world.people["office"]
    survey = services.create_survey(
        office,
        world.organisation,
        {
            "title": "测试州法治社会建设群众满意度测评",
            "intro": "",
            "wave": "2025年度",
            "plan": world.plan,
        },
        start_from="template",
    )
    return services.set_state(survey, office, "open")


def answer_every_choice_question(page) -> int:
    """Tick the first option of every single, multiple, satisfaction and awareness
    question; returns how many were answered."""
    questions = page.locator("fieldset.q:not([data-kind=text])")
    for index in range(questions.count()):
        questions.nth(index).locator("label.option").first.tap()
    return questions.count()


def test_answering_the_survey_on_a_phone(survey, world, phone_page):
    from taizhang.surveys.models import Answer, Response

    page = phone_page
    page.goto(f"/surveys/s/{survey.token}/")
    assert page.locator("h1").inner_text() == survey.title
    page.select_option("#id_region", label="甲县")
    page.fill("#id_township", "甲镇")
    answered = answer_every_choice_question(page)
    text = page.locator("fieldset.q[data-kind=text] textarea").first
    if text.count():
        text.fill("希望多在村里开展普法讲座。")

    # Readable on a phone: nothing wider than the screen, big enough to tap.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert page.locator("label.option").first.bounding_box()["height"] >= 40
    page.locator("#question-1").scroll_into_view_if_needed()
    screenshot(page, "survey-phone", full_page=False)

    click_and_wait(page, page.locator("#submit-survey"))
    assert "提交成功" in page.locator("body").inner_text()
    response = Response.objects.get(survey=survey)
    assert response.region == world.county
    assert response.township == "甲镇"
    choices = Answer.objects.filter(response=response, choice__isnull=False).count()
    assert choices == answered


def test_a_second_visit_from_the_same_phone_is_told_it_has_answered(survey, phone_page):
    page = phone_page
    page.goto(f"/surveys/s/{survey.token}/")
    page.select_option("#id_region", label="甲县")
    answer_every_choice_question(page)
    click_and_wait(page, page.locator("#submit-survey"))

    page.goto(f"/surveys/s/{survey.token}/")
    assert "每台设备只能提交一次" in page.locator("body").inner_text()
    assert page.locator("#survey-form").count() == 0


def test_a_question_left_out_comes_back_with_one_message_and_the_answers_kept(survey, phone_page):
    from taizhang.surveys.models import Response

    page = phone_page
    page.goto(f"/surveys/s/{survey.token}/")
    page.select_option("#id_region", label="甲县")
    answer_every_choice_question(page)
    # A radio cannot be unticked by hand: clear question 1 as a tampered form would.
    page.evaluate("document.querySelectorAll('#question-1 input').forEach(i => i.checked = false)")
    click_and_wait(page, page.locator("#submit-survey"))

    assert page.locator("#form-error").count() == 1
    assert "第1题" in page.locator("#question-1 .field-error").inner_text()
    assert page.locator("#question-2 input:checked").count() == 1
    assert page.locator("#id_region").input_value() != ""
    assert page.locator("#question-1 input:checked").count() == 0
    assert not Response.objects.exists()
