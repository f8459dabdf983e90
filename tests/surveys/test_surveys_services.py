"""The questionnaire write path: template, questions and options, order, quotas, state;
every change audited; the questions frozen once the public has answered."""

import pytest
from django.core.exceptions import ValidationError

from taizhang.audit.models import AuditEntry
from taizhang.surveys import services
from taizhang.surveys.models import Question, Survey
from tests import factories as f
from tests.surveys.builders import respond, survey_with


@pytest.fixture
def office(world):
    return world.people["office"]


def new_survey(world, office, start_from=None, **data):
    values = {"title": "2025年度法治社会建设满意度测评", "plan": world.plan, **data}
    return services.create_survey(office, world.organisation, values, start_from)


def texts(survey):
    return list(survey.questions.order_by("position").values_list("text", flat=True))


def test_the_template_gives_the_fazhi_shehui_questionnaire(world, office):
    survey = new_survey(world, office, "template")
    kinds = list(survey.questions.values_list("kind", flat=True))
    assert kinds.count("satisfaction") >= 5 and kinds.count("awareness") >= 4
    assert "text" in kinds
    assert any("公共法律服务" in text for text in texts(survey))
    assert "匿名" in survey.intro


def test_the_template_is_not_about_one_city(world, office):
    survey = new_survey(world, office, "template")
    assert not any(city in " ".join(texts(survey)) for city in ("黔南", "银川", "都匀"))


def test_template_questions_are_tied_to_the_plans_chapters_by_title(world, office):
    chapter = f.ChapterFactory(plan=world.plan, title="增强全社会法治观念")
    survey = new_survey(world, office, "template")
    linked = survey.questions.filter(chapter=chapter)
    assert linked.exists()
    assert all("法" in q.text for q in linked)


def test_scale_questions_get_the_fixed_options(world, office):
    survey = new_survey(world, office, "template")
    scale = survey.questions.filter(kind="satisfaction").first()
    assert [(c.key, c.label) for c in scale.choices.all()] == [
        ("very_satisfied", "非常满意"),
        ("satisfied", "满意"),
        ("neutral", "一般"),
        ("dissatisfied", "不满意"),
        ("very_dissatisfied", "非常不满意"),
    ]
    aware = survey.questions.filter(kind="awareness").first()
    assert [c.label for c in aware.choices.all()] == ["知道", "不知道"]


def test_creating_a_survey_is_audited(world, office):
    survey = new_survey(world, office, "template")
    entry = AuditEntry.objects.get(object_type="survey", object_id=str(survey.pk))
    assert (entry.action, entry.actor, entry.organisation) == ("create", office, world.organisation)
    assert entry.changes["source"] == "法治社会满意度和知晓率测评模板"


def test_a_new_wave_copies_the_questions_of_an_earlier_survey(world, office):
    first = new_survey(world, office, "template", wave="2024年度")
    second = new_survey(world, office, first, wave="2025年度")
    assert texts(second) == texts(first)
    assert second.questions.filter(kind="satisfaction").first().choices.count() == 5


def test_a_plan_of_another_organisation_is_refused(world, office):
    with pytest.raises(ValidationError, match="不属于本组织"):
        new_survey(world, office, plan=world.other_plan)


def test_a_choice_question_needs_two_options(world, office):
    survey = new_survey(world, office)
    with pytest.raises(ValidationError, match="至少需要两个选项"):
        services.add_question(survey, office, {"kind": "single", "text": "问", "choices": ["甲"]})


def test_repeated_options_are_refused(world, office):
    survey = new_survey(world, office)
    with pytest.raises(ValidationError, match="选项不能重复"):
        services.add_question(
            survey, office, {"kind": "multiple", "text": "问", "choices": ["甲", "甲 "]}
        )


def test_a_chapter_of_another_plan_is_refused(world, office):
    survey = new_survey(world, office)
    elsewhere = f.ChapterFactory(plan=world.other_plan)
    with pytest.raises(ValidationError, match="章节不属于"):
        services.add_question(
            survey, office, {"kind": "awareness", "text": "问", "chapter": elsewhere}
        )


def test_adding_a_question_is_audited_on_the_question(world, office):
    survey = new_survey(world, office)
    services.add_question(
        survey, office, {"kind": "single", "text": "您的看法？", "choices": ["好", "不好"]}
    )
    entry = AuditEntry.objects.get(action="add_question")
    assert (entry.object_type, entry.changes["options"]) == ("question", ["好", "不好"])


def test_editing_a_question_records_what_changed(world, office):
    survey = survey_with(world.organisation, world.plan, kinds=("single",), state="draft")
    question = survey.questions.get()
    data = {"kind": "single", "text": "问题1", "required": True, "choices": ["甲", "乙", "丁"]}
    services.update_question(question, office, data)
    entry = AuditEntry.objects.get(action="update_question")
    assert entry.changes == {"number": 1, "options": [["甲", "乙", "丙"], ["甲", "乙", "丁"]]}


def test_moving_a_question_up_swaps_it_with_the_one_above(world, office):
    survey = survey_with(world.organisation, kinds=("text", "awareness", "single"), state="draft")
    third = survey.questions.get(text="问题3")
    services.move_question(third, office, "up")
    assert texts(survey) == ["问题1", "问题3", "问题2"]
    assert AuditEntry.objects.filter(action="move_question").count() == 1


def test_the_first_question_cannot_move_up(world, office):
    survey = survey_with(world.organisation, kinds=("text", "awareness"), state="draft")
    services.move_question(survey.questions.get(text="问题1"), office, "up")
    assert texts(survey) == ["问题1", "问题2"]


def test_deleting_a_question_closes_the_gap(world, office):
    survey = survey_with(world.organisation, kinds=("text", "awareness", "single"), state="draft")
    services.delete_question(survey.questions.get(text="问题2"), office)
    assert list(survey.questions.values_list("position", flat=True)) == [1, 2]


def test_questions_are_frozen_once_the_public_has_answered(world, office):
    survey = survey_with(world.organisation, world.plan, kinds=("satisfaction", "text"))
    respond(survey, world.county, {1: "satisfied"})
    question = survey.questions.first()
    with pytest.raises(ValidationError, match="不能再修改"):
        services.add_question(survey, office, {"kind": "text", "text": "新题"})
    with pytest.raises(ValidationError, match="不能再修改"):
        services.delete_question(question, office)
    with pytest.raises(ValidationError, match="不能再修改"):
        services.move_question(question, office, "down")
    assert survey.questions.count() == 2


def test_quotas_are_set_changed_and_removed(world, office):
    survey = survey_with(world.organisation)
    regions = [world.county]
    services.set_quotas(survey, office, {world.county.pk: 200}, regions)
    services.set_quotas(survey, office, {world.county.pk: 150}, regions)
    assert survey.quotas.get().target == 150
    services.set_quotas(survey, office, {world.county.pk: None}, regions)
    assert not survey.quotas.exists()
    changes = [e.changes for e in AuditEntry.objects.filter(action="set_quotas").order_by("pk")]
    assert changes == [{"quotas": {"甲县": c}} for c in ([0, 200], [200, 150], [150, 0])]


def test_a_quota_for_a_region_outside_the_survey_is_refused(world, office):
    survey = survey_with(world.organisation)
    with pytest.raises(ValidationError):
        services.set_quotas(survey, office, {world.home.pk: 10}, [world.county])


def test_an_empty_questionnaire_cannot_be_opened(world, office):
    survey = new_survey(world, office)
    with pytest.raises(ValidationError, match="还没有题目"):
        services.set_state(survey, office, Survey.State.OPEN)


def test_a_survey_opens_closes_and_reopens(world, office):
    survey = survey_with(world.organisation, state="draft")
    for state in ("open", "closed", "open"):
        survey = services.set_state(survey, office, state)
    assert survey.state == "open"
    assert AuditEntry.objects.filter(action="set_state").count() == 3


def test_a_draft_cannot_be_closed(world, office):
    survey = survey_with(world.organisation, state="draft")
    with pytest.raises(ValidationError, match="不能进行该操作"):
        services.set_state(survey, office, Survey.State.CLOSED)


def test_the_plan_cannot_change_under_questions_tied_to_its_chapters(world, office):
    chapter = f.ChapterFactory(plan=world.plan)
    survey = new_survey(world, office)
    services.add_question(survey, office, {"kind": "awareness", "text": "问", "chapter": chapter})
    other_plan = f.PlanFactory(organisation=world.organisation, region=world.home)
    with pytest.raises(ValidationError, match="章节"):
        services.update_survey(survey, office, {"title": survey.title, "plan": other_plan})


def test_the_text_question_kind_has_no_options(world, office):
    survey = new_survey(world, office)
    question = services.add_question(
        survey, office, {"kind": "text", "text": "建议", "choices": ["忽略"]}
    )
    assert question.kind == Question.Kind.TEXT and not question.choices.exists()
