"""The public questionnaire: no login, one response per device, strict checking, nothing
half-saved."""

import datetime

import pytest
from django.urls import reverse

from taizhang.surveys import responding
from taizhang.surveys.models import Answer, Response
from taizhang.surveys.tokens import cookie_name
from tests.surveys.builders import survey_with


@pytest.fixture
def survey(world):
    return survey_with(
        world.organisation, world.plan, kinds=("satisfaction", "multiple", "awareness", "text")
    )


def url(survey):
    return reverse("surveys:answer", kwargs={"survey_token": survey.token})


def choice(survey, number, label):
    question = survey.questions.order_by("position")[number - 1]
    return str(question.choices.get(label=label).pk)


def field(survey, number):
    return f"q{survey.questions.order_by('position')[number - 1].pk}"


def answers(survey, world, **overrides):
    data = {
        "region": str(world.county.pk),
        "township": "某某镇",
        "age_band": "30_44",
        field(survey, 1): choice(survey, 1, "满意"),
        field(survey, 2): [choice(survey, 2, "甲"), choice(survey, 2, "丙")],
        field(survey, 3): choice(survey, 3, "知道"),
        field(survey, 4): "希望多开展送法进村活动。",
    }
    data.update(overrides)
    return data


def test_the_form_is_served_without_login_with_a_signed_token_cookie(client, survey):
    page = client.get(url(survey))
    assert page.status_code == 200
    token = page.cookies[cookie_name(survey)]
    assert token["httponly"] and token.value.count(":") >= 2  # signed, timestamped


def test_the_form_has_stable_field_ids_for_people_and_browser_tests(client, survey):
    html = client.get(url(survey)).content.decode()
    for element in (
        'id="id_region"',
        'id="id_township"',
        'id="question-1"',
        'id="question-1-choice-2"',
        'id="question-2-choice-1" value=',
        'id="question-4-text"',
        'id="submit-survey"',
    ):
        assert element in html


def test_a_valid_response_is_saved_whole_and_thanked(client, survey, world):
    client.get(url(survey))
    sent = client.post(url(survey), answers(survey, world))
    assert sent.status_code == 302
    assert sent["Location"] == reverse("surveys:thanks", kwargs={"survey_token": survey.token})
    response = Response.objects.get(survey=survey)
    assert (response.region, response.township, response.age_band) == (
        world.county,
        "某某镇",
        "30_44",
    )
    saved = sorted(a.choice.label if a.choice else a.text for a in response.answers.all())
    assert saved == sorted(["满意", "甲", "丙", "知道", "希望多开展送法进村活动。"])


def test_a_replayed_submission_is_refused(client, survey, world):
    client.get(url(survey))
    client.post(url(survey), answers(survey, world))
    again = client.post(url(survey), answers(survey, world))
    assert again.status_code == 409
    assert "每台设备只能提交一次" in again.content.decode()
    assert Response.objects.count() == 1


def test_the_device_that_answered_is_not_served_the_form_again(client, survey, world):
    client.get(url(survey))
    client.post(url(survey), answers(survey, world))
    page = client.get(url(survey))
    assert "您已参与本次测评" in page.content.decode()
    assert 'id="survey-form"' not in page.content.decode()


def test_a_missing_required_answer_is_named_and_nothing_saved(client, survey, world):
    client.get(url(survey))
    data = answers(survey, world)
    del data[field(survey, 3)]
    page = client.post(url(survey), data)
    assert page.status_code == 400
    assert "提交未成功：第3题为必答题，请选择。" in page.content.decode()
    assert Response.objects.count() == 0 and Answer.objects.count() == 0


def test_a_rejected_form_keeps_what_was_ticked(client, survey, world):
    client.get(url(survey))
    data = answers(survey, world)
    del data[field(survey, 3)]
    html = client.post(url(survey), data).content.decode()
    assert f'value="{choice(survey, 1, "满意")}" checked' in html
    assert "希望多开展送法进村活动。" in html


def test_an_option_of_another_question_is_refused(client, survey, world):
    client.get(url(survey))
    page = client.post(
        url(survey), answers(survey, world, **{field(survey, 1): choice(survey, 3, "知道")})
    )
    assert page.status_code == 400
    assert "第1题的选项无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_text_where_an_option_is_expected_is_refused(client, survey, world):
    client.get(url(survey))
    page = client.post(url(survey), answers(survey, world, **{field(survey, 1): "很满意"}))
    assert "第1题的选项无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_two_options_for_a_single_choice_question_are_refused(client, survey, world):
    client.get(url(survey))
    both = [choice(survey, 1, "满意"), choice(survey, 1, "一般")]
    page = client.post(url(survey), answers(survey, world, **{field(survey, 1): both}))
    assert "第1题只能选择一项" in page.content.decode()
    assert Response.objects.count() == 0


def test_a_county_of_another_organisation_is_refused(client, survey, world):
    from tests.factories import CountyFactory

    elsewhere = CountyFactory(organisation=world.other)
    client.get(url(survey))
    page = client.post(url(survey), answers(survey, world, region=str(elsewhere.pk)))
    assert "所选县(市、区)无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_an_unknown_demographic_value_is_refused(client, survey, world):
    client.get(url(survey))
    page = client.post(url(survey), answers(survey, world, gender="unknown"))
    assert "个人情况的选项无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_the_honeypot_field_gives_bots_away(client, survey, world):
    client.get(url(survey))
    page = client.post(url(survey), answers(survey, world, website="http://spam.example"))
    assert page.status_code == 400
    assert "提交未通过校验" in page.content.decode()
    assert Response.objects.count() == 0


def test_a_submission_without_the_cookie_is_refused_and_given_a_token(client, survey, world):
    page = client.post(url(survey), answers(survey, world))
    assert page.status_code == 400
    assert "Cookie" in page.content.decode()
    assert cookie_name(survey) in page.cookies
    assert Response.objects.count() == 0


def test_a_forged_token_is_refused(client, survey, world):
    client.cookies[cookie_name(survey)] = "forged:token:value"
    page = client.post(url(survey), answers(survey, world))
    assert "答卷凭证无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_a_token_served_for_another_survey_is_refused(client, survey, world):
    other = survey_with(world.organisation, world.plan, title="另一份问卷")
    served = client.get(url(other)).cookies[cookie_name(other)].value
    client.cookies[cookie_name(survey)] = served
    page = client.post(url(survey), answers(survey, world))
    assert "答卷凭证无效" in page.content.decode()
    assert Response.objects.count() == 0


def test_a_token_older_than_a_day_is_refused(client, survey, world, time_machine):
    time_machine.move_to(datetime.datetime(2025, 5, 1, 9, tzinfo=datetime.UTC))
    client.get(url(survey))
    time_machine.move_to(datetime.datetime(2025, 5, 2, 10, tzinfo=datetime.UTC))
    page = client.post(url(survey), answers(survey, world))
    assert "超过24小时" in page.content.decode()
    assert Response.objects.count() == 0


def test_responses_from_one_address_are_rate_limited(client, survey, world, settings):
    settings.TAIZHANG_SURVEY_RESPONSES_PER_HOUR = 1
    client.get(url(survey))
    assert client.post(url(survey), answers(survey, world)).status_code == 302
    client.cookies.clear()
    client.get(url(survey))  # a fresh token, as after clearing cookies
    page = client.post(url(survey), answers(survey, world))
    assert page.status_code == 429
    assert "提交过于频繁" in page.content.decode()
    assert Response.objects.count() == 1


def test_attempts_from_one_address_are_rate_limited(client, survey, world, settings):
    settings.TAIZHANG_SURVEY_ATTEMPTS_PER_HOUR = 2
    for _ in range(2):
        client.post(url(survey), {"region": ""})
    assert client.post(url(survey), answers(survey, world)).status_code == 429


def test_a_closed_survey_takes_no_responses(client, world):
    closed = survey_with(world.organisation, world.plan, state="closed")
    assert "本次测评已结束" in client.get(url(closed)).content.decode()
    assert client.post(url(closed), {}).status_code == 409


def test_a_survey_past_its_closing_date_takes_no_responses(client, world):
    late = survey_with(world.organisation, world.plan, closes_on=datetime.date(2020, 1, 1))
    assert "本次测评已结束" in client.get(url(late)).content.decode()


def test_a_draft_survey_is_not_found(client, world):
    draft = survey_with(world.organisation, world.plan, state="draft")
    assert client.get(url(draft)).status_code == 404


def test_nothing_is_kept_when_saving_the_answers_fails(survey, world, monkeypatch):
    submission = responding.Submission(region=world.county, answers=[])

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Answer.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        responding.submit(survey, "device-x", submission)
    assert Response.objects.count() == 0


def test_the_respondent_picks_among_the_organisations_counties(client, survey, world):
    html = client.get(url(survey)).content.decode()
    assert f'<option value="{world.county.pk}">甲县</option>' in html
    assert f'<option value="{world.home.pk}">' not in html


def test_clearing_cookies_gets_no_more_forms_than_the_hourly_issue_limit(client, survey, settings):
    settings.TAIZHANG_SURVEY_FORMS_PER_HOUR = 3
    served = []
    for _ in range(5):
        client.cookies.clear()  # a cookie reset before every visit
        page = client.get(url(survey))
        served.append((page.status_code, cookie_name(survey) in page.cookies))
    assert served == [(200, True)] * 3 + [(429, False)] * 2


def test_a_token_only_works_from_the_address_it_was_served_to(client, survey, world, settings):
    settings.TAIZHANG_CLIENT_ADDRESS_HEADER = "HTTP_X_REAL_IP"
    client.get(url(survey), HTTP_X_REAL_IP="203.0.113.9")
    moved = client.post(url(survey), answers(survey, world), HTTP_X_REAL_IP="198.51.100.4")
    assert moved.status_code == 400
    assert "答卷凭证已更新" in moved.content.decode()
    assert Response.objects.count() == 0
    again = client.post(url(survey), answers(survey, world), HTTP_X_REAL_IP="198.51.100.4")
    assert again.status_code == 302  # the re-served form carried a token for the new address
