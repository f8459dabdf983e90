"""The office's pages: building a questionnaire, the QR poster, results, export, and the
free-text answers."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.surveys.models import Survey
from tests import factories as f
from tests.surveys.builders import respond, survey_with


@pytest.fixture
def office(client, world):
    client.force_login(world.people["office"])
    return client


@pytest.fixture
def answered(world):
    survey = survey_with(
        world.organisation, world.plan, kinds=("satisfaction", "awareness", "text")
    )
    respond(survey, world.county, {1: "satisfied", 2: "aware", 3: "希望加强法律援助宣传"})
    respond(survey, world.county, {1: "neutral", 2: "unaware", 3: "调解员很耐心"})
    return survey


def page(survey, name, **kwargs):
    return reverse(f"surveys:{name}", kwargs={"survey_id": survey.pk, **kwargs})


def test_the_office_creates_a_survey_from_the_template(office, world):
    sent = office.post(
        reverse("surveys:list"),
        {
            "start_from": "template",
            "title": "2025年度测评",
            "wave": "2025年度",
            "plan": world.plan.pk,
        },
    )
    survey = Survey.objects.get()
    assert sent["Location"] == page(survey, "survey")
    assert survey.questions.count() == 16
    assert (survey.state, survey.wave, survey.plan) == ("draft", "2025年度", world.plan)


def test_a_survey_without_a_title_is_refused_with_a_message(office, world):
    sent = office.post(reverse("surveys:list"), {"start_from": "", "title": ""})
    assert sent.status_code == 400
    assert "请填写问卷标题。" in sent.content.decode()
    assert not Survey.objects.exists()


def test_leaders_read_the_list_without_the_creation_form(client, world):
    survey_with(world.organisation, title="满意度测评甲")
    client.force_login(world.people["leader"])
    html = client.get(reverse("surveys:list")).content.decode()
    assert "满意度测评甲" in html and "新建测评问卷" not in html


def test_the_list_shows_only_the_organisations_surveys(office, world):
    survey_with(world.other, title="别处的问卷")
    assert "别处的问卷" not in office.get(reverse("surveys:list")).content.decode()


def test_the_office_adds_a_question_with_its_options(office, world):
    survey = survey_with(world.organisation, world.plan, kinds=(), state="draft")
    data = {
        "kind": "single",
        "text": "您最常用的法律服务？",
        "choices": "热线\n窗口\n网站",
        "required": "on",
    }
    assert office.post(page(survey, "question_add"), data).status_code == 302
    question = survey.questions.get()
    assert [c.label for c in question.choices.all()] == ["热线", "窗口", "网站"]


def test_a_choice_question_without_options_is_refused_on_the_page(office, world):
    survey = survey_with(world.organisation, world.plan, kinds=(), state="draft")
    sent = office.post(
        page(survey, "question_add"), {"kind": "multiple", "text": "问", "choices": ""}
    )
    assert sent.status_code == 400
    assert "至少需要两个选项" in sent.content.decode()


def test_the_office_edits_a_question(office, world):
    survey = survey_with(world.organisation, world.plan, kinds=("awareness",), state="draft")
    question = survey.questions.get()
    url = page(survey, "question", question_id=question.pk)
    assert office.get(url).status_code == 200
    office.post(url, {"kind": "awareness", "text": "您是否知道12348热线？"})
    question.refresh_from_db()
    assert (question.text, question.required) == ("您是否知道12348热线？", False)


def test_the_office_reorders_questions(office, world):
    survey = survey_with(world.organisation, kinds=("text", "awareness"), state="draft")
    first = survey.questions.get(text="问题1")
    office.post(page(survey, "question_move", question_id=first.pk), {"direction": "down"})
    assert list(survey.questions.values_list("text", flat=True)) == ["问题2", "问题1"]


def test_a_bad_quota_is_refused_with_a_message(office, world):
    survey = survey_with(world.organisation, world.plan)
    sent = office.post(page(survey, "quotas"), {f"quota_{world.county.pk}": "很多"}, follow=True)
    assert "甲县的计划样本量须为不小于0的整数。" in sent.content.decode()
    assert not survey.quotas.exists()


def test_the_office_sets_quotas(office, world):
    survey = survey_with(world.organisation, world.plan)
    office.post(page(survey, "quotas"), {f"quota_{world.county.pk}": "300"})
    assert survey.quotas.get().target == 300


def test_the_office_opens_a_survey(office, world):
    survey = survey_with(world.organisation, world.plan, state="draft")
    office.post(page(survey, "state"), {"state": "open"})
    survey.refresh_from_db()
    assert survey.state == "open"


def test_the_builder_shows_the_frozen_notice_once_answered(office, answered):
    html = office.get(page(answered, "survey")).content.decode()
    assert "题目已锁定" in html and "添加题目" not in html


def test_the_poster_carries_the_qr_code_and_the_link(office, world):
    survey = survey_with(world.organisation, world.plan)
    html = office.get(page(survey, "poster")).content.decode()
    link = f"http://testserver/surveys/s/{survey.token}/"
    assert "<svg" in html and link in html


def test_the_qr_code_is_drawn_from_the_absolute_public_link(world, rf, settings):
    from taizhang.surveys import qr

    survey = survey_with(world.organisation)
    assert qr.public_url(rf.get("/"), survey) == f"http://testserver/surveys/s/{survey.token}/"
    settings.TAIZHANG_PUBLIC_BASE_URL = "https://fzsh.example.gov.cn/"
    url = qr.public_url(rf.get("/"), survey)
    assert url == f"https://fzsh.example.gov.cn/surveys/s/{survey.token}/"
    drawn = qr.svg(url)
    assert drawn.startswith("<svg") and "<title>问卷二维码</title>" in drawn
    assert drawn != qr.svg(url + "x")


def test_the_preview_cannot_be_submitted(office, world):
    survey = survey_with(world.organisation, world.plan, state="draft")
    html = office.get(page(survey, "preview")).content.decode()
    assert "这是问卷预览" in html and 'id="submit-survey" disabled' in html


def test_the_results_page_shows_the_rates(office, answered):
    html = office.get(page(answered, "results")).content.decode()
    assert "综合满意率" in html and "50.0%" in html
    assert "9.5%—90.5%" in html  # Wilson interval of 1 in 2


def test_the_results_page_queries_do_not_grow_with_the_answers(office, world):
    def queries(survey):
        with CaptureQueriesContext(connection) as captured:
            assert office.get(page(survey, "results")).status_code == 200
        return len(captured)

    small = survey_with(world.organisation, world.plan, kinds=("satisfaction", "awareness"))
    respond(small, world.county, {1: "satisfied"})
    large = survey_with(world.organisation, world.plan, kinds=("satisfaction", "awareness") * 4)
    for county in [f.CountyFactory(organisation=world.organisation) for _ in range(4)]:
        for key in ("satisfied", "neutral", "very_satisfied"):
            respond(large, county, {1: key, 2: "aware"}, occupation="farmer")
    assert queries(small) == queries(large)


def test_the_export_is_a_workbook_of_the_results(office, answered):
    sent = office.get(page(answered, "export"))
    assert sent["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(sent.content))
    assert book.sheetnames == ["总体情况", "分地区", "分题目", "分群体", "历次测评", "意见建议"]
    overview = {row[0]: row[1:] for row in book["总体情况"].iter_rows(min_row=3, values_only=True)}
    assert overview["综合满意率"][:3] == ("50.0%", "9.5%—90.5%", 2)
    suggestions = [row[4] for row in book["意见建议"].iter_rows(min_row=3, values_only=True)]
    assert sorted(suggestions) == sorted(["希望加强法律援助宣传", "调解员很耐心"])


def test_an_anonymous_answer_that_looks_like_a_formula_is_exported_as_text(office, world):
    survey = survey_with(world.organisation, world.plan, kinds=("satisfaction", "text"))
    link = '=HYPERLINK("http://evil.example","法律援助")'
    respond(survey, world.county, {1: "satisfied", 2: link})
    respond(survey, world.county, {1: "satisfied", 2: "调解\x1b员\x0b很耐心"})
    sent = office.get(page(survey, "export"))
    cells = [
        row[4] for row in load_workbook(io.BytesIO(sent.content))["意见建议"].iter_rows(min_row=3)
    ]
    assert sorted((c.value, c.data_type) for c in cells) == [(link, "s"), ("调解员很耐心", "s")]


def test_free_text_answers_are_searchable(office, answered):
    html = office.get(page(answered, "texts"), {"q": "调解"}).content.decode()
    assert "调解员很耐心" in html and "希望加强法律援助宣传" not in html


def test_free_text_answers_are_listed(office, answered):
    html = office.get(page(answered, "texts")).content.decode()
    assert "调解员很耐心" in html and "希望加强法律援助宣传" in html
