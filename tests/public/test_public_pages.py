"""The public pages: no login, only the chosen fields, nothing internal, cacheable."""

import datetime

import pytest
from django.urls import reverse

from taizhang.plans.models import Measure
from taizhang.public import services
from tests import factories as f
from tests.public.scenes import (
    ACCEPTED_NARRATIVE,
    FIRST_TEXT,
    PLAN_TITLE,
    SECOND_TEXT,
    SECRETS,
    build,
    publish,
)

EVERYTHING = {
    "show_text": True,
    "show_lead_units": True,
    "show_responsible_units": True,
    "show_deadline": True,
    "show_status": True,
    "show_narrative": True,
    "show_targets": True,
    "show_updated": True,
}


@pytest.fixture
def scene(world):
    return build(world)


def page_of(client, plan) -> str:
    response = client.get(reverse("public:plan", kwargs={"plan_id": plan.pk}))
    assert response.status_code == 200
    return response.content.decode()


def published_page(client, scene, **shown) -> str:
    publish(scene.plan, scene.world.people["office"], **{**EVERYTHING, **shown})
    return page_of(client, scene.plan)


# -- who may read it -------------------------------------------------------------------


def test_anyone_reads_a_published_plan_without_logging_in(client, scene):
    html = published_page(client, scene)
    assert PLAN_TITLE in html
    assert FIRST_TEXT in html
    assert SECOND_TEXT in html


def test_a_plan_the_office_never_published_is_not_found(client, world):
    response = client.get(reverse("public:plan", kwargs={"plan_id": world.plan.pk}))
    assert response.status_code == 404


def test_a_plan_taken_off_the_public_page_is_not_found(client, world):
    office = world.people["office"]
    publish(world.plan, office)
    services.save_publication(world.plan, office, published=False, shown={})
    response = client.get(reverse("public:plan", kwargs={"plan_id": world.plan.pk}))
    assert response.status_code == 404


# -- nothing internal leaks ------------------------------------------------------------


@pytest.mark.parametrize("secret", sorted(SECRETS))
def test_nothing_internal_reaches_the_page_even_with_every_field_public(client, scene, secret):
    assert SECRETS[secret] not in published_page(client, scene)


def test_no_score_or_evidence_vocabulary_reaches_the_page(client, scene):
    html = published_page(client, scene)
    for word in ("得分", "考核", "佐证", "审核意见", "退回", "7.25", "/evidence/", "media/"):
        assert word not in html, word


def test_the_accepted_report_is_summarised_when_the_office_chooses(client, scene):
    assert ACCEPTED_NARRATIVE in published_page(client, scene, show_narrative=True)


def test_no_narrative_at_all_unless_the_office_chooses(client, scene):
    html = published_page(client, scene, show_narrative=False)
    assert ACCEPTED_NARRATIVE not in html
    assert "进展情况" not in html


def test_a_long_narrative_is_cut_to_a_summary(client, world):
    from taizhang.reporting.models import ProgressReport

    scene = build(world)
    ProgressReport.objects.filter(pk=scene.accepted.pk).update(narrative="宣" * 400)
    html = published_page(client, scene)
    assert "宣" * 149 + "…" in html
    assert "宣" * 150 not in html


# -- each field is the office's choice ------------------------------------------------


FIELD_CONTENT = {
    "show_text": [FIRST_TEXT, SECOND_TEXT],
    # the field's own heading (the 口径 line under the figures may name it in words)
    "show_lead_units": ["州司法局", "州公安局", "<dt>牵头单位</dt>"],
    "show_responsible_units": ["州教育局", "甲县人民政府", "<dt>责任单位</dt>"],
    "show_deadline": ["2025年底前", "长期坚持", "<dt>完成时限</dt>"],
    "show_status": ["已完成", "未启动", "完成率", "badge done"],
    "show_targets": ["宪法宣传覆盖率达到95%以上", "不低于95%", "目标指标"],
    "show_updated": ["更新时间"],
}


@pytest.mark.parametrize("field", sorted(FIELD_CONTENT))
def test_a_field_the_office_keeps_internal_is_absent(client, scene, field):
    html = published_page(client, scene, **{field: False})
    for text in FIELD_CONTENT[field]:
        assert text not in html, text


@pytest.mark.parametrize("field", sorted(FIELD_CONTENT))
def test_a_field_the_office_makes_public_is_shown(client, scene, field):
    html = published_page(client, scene, **{field: True})
    for text in FIELD_CONTENT[field]:
        assert text in html, text


def test_measures_are_grouped_by_chapter_in_plan_order(client, scene):
    html = published_page(client, scene)
    first_chapter = html.index("<h2>二、增强全社会法治观念</h2>")
    second_chapter = html.index("<h2>三、健全社会领域制度规范</h2>")
    assert first_chapter < html.index(FIRST_TEXT) < second_chapter < html.index(SECOND_TEXT)


def test_the_disclosure_head_names_issuer_period_and_update_time(client, scene):
    html = published_page(client, scene)
    assert "中共测试州委 测试州人民政府" in html
    assert "2022—2025年" in html
    assert "2022年9月21日" in html
    assert "更新时间" in html


def test_the_completion_figures_count_measures_by_status(client, scene):
    html = published_page(client, scene)
    assert '<div class="stat"><b>2</b>任务总数</div>' in html
    assert '<div class="stat done"><b>50%</b>完成率</div>' in html


def test_withdrawn_measures_are_not_shown(client, scene):
    Measure.objects.filter(pk=scene.world.second.pk).update(withdrawn=True)
    assert SECOND_TEXT not in published_page(client, scene)


# -- status and targets come from reviewed work only ----------------------------------


def test_a_report_not_yet_accepted_does_not_change_the_public_status(client, world):
    from taizhang.plans.models import Assignment
    from taizhang.reporting import services

    Measure.objects.filter(pk=world.second.pk).update(deadline=datetime.date(2099, 1, 1))
    police = Assignment.objects.get(measure=world.second, unit=world.police)
    liaison = f.UserFactory(organisation=world.organisation, role="liaison", unit=world.police)
    services.file_report(
        police,
        world.period,
        liaison,
        {"status": "done", "narrative": "已完成"},
        0,
        submit_after=True,
    )
    publish(world.plan, world.people["office"], show_status=True)
    html = page_of(client, world.plan)
    assert '<span class="badge not_started">未启动</span>' in html
    assert '<span class="badge done">' not in html


def test_a_target_shows_its_latest_value_and_status_but_not_its_source(client, scene):
    html = published_page(client, scene)
    assert "80%" in html
    assert "进度滞后" in html
    assert SECRETS["reading_source"] not in html


def test_a_plan_level_target_is_listed_as_an_overall_goal(client, scene):
    f.TargetFactory(plan=scene.plan, measure=None, quote="群众满意率达到90%以上", value=90)
    html = published_page(client, scene)
    assert "总体目标" in html
    assert "群众满意率达到90%以上" in html


# -- cacheable: the same bytes for everyone --------------------------------------------


def test_the_page_is_the_same_for_a_signed_in_person_and_sets_no_cookie(client, scene):
    anonymous = published_page(client, scene)
    client.force_login(scene.world.people["office"])
    response = client.get(reverse("public:plan", kwargs={"plan_id": scene.plan.pk}))
    assert response.content.decode() == anonymous
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "public" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" not in anonymous


def test_no_staff_chrome_on_the_public_page(client, scene):
    client.force_login(scene.world.people["office"])
    html = published_page(client, scene)
    assert "退出" not in html
    assert "/todo/" not in html


# -- the query count does not grow with the plan ---------------------------------------


def _grow(world, count):
    from taizhang.plans.models import Assignment

    chapter = f.ChapterFactory(plan=world.plan)
    for number in range(10, 10 + count):
        measure = f.MeasureFactory(plan=world.plan, number=number, chapter=chapter)
        f.AssignmentFactory(measure=measure, unit=world.justice, role=Assignment.Role.LEAD)
        f.AssignmentFactory(measure=measure, unit=world.education)
        f.TargetFactory(measure=measure)


def _queries_for(client, world, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        page_of(client, world.plan)


@pytest.mark.usefixtures("pages_not_kept")  # what computing it costs
@pytest.mark.parametrize("extra", [0, 25])
def test_the_plan_page_costs_the_same_queries_for_any_plan_size(
    client, world, django_assert_num_queries, extra
):
    build(world)
    _grow(world, extra)
    publish(world.plan, world.people["office"], **EVERYTHING)
    # publication; measures, assignments, each one's latest accepted report, collectives;
    # the statuses (reporting, two); the later deadlines the office approved (延期);
    # targets, then the supervision progress inputs (targets, milestones, unit values,
    # office readings)
    with django_assert_num_queries(13):
        page_of(client, world.plan)


@pytest.mark.parametrize("plans", [1, 6])
def test_the_index_costs_the_same_queries_for_any_number_of_plans(
    client, world, django_assert_num_queries, plans
):
    office = world.people["office"]
    publish(world.plan, office)
    for _ in range(plans - 1):
        plan = f.PlanFactory(organisation=world.organisation, region=world.home)
        f.MeasureFactory(plan=plan)
        publish(plan, office)
    # publications; the statuses counted per plan (two); the latest accepted report
    with django_assert_num_queries(4):
        assert client.get(reverse("public:index")).status_code == 200


# -- the list of published plans -------------------------------------------------------


def test_the_index_lists_published_plans_of_every_organisation(client, world):
    publish(world.plan, world.people["office"])
    publish(world.other_plan, world.people["outsider"])
    html = client.get(reverse("public:index")).content.decode()
    assert world.plan.title in html
    assert world.other_plan.title in html
    assert "测试州" in html and "另一市" in html


def test_the_index_leaves_out_unpublished_plans(client, world):
    publish(world.plan, world.people["office"])
    html = client.get(reverse("public:index")).content.decode()
    assert world.plan.title in html
    assert world.other_plan.title not in html


def test_the_index_keeps_one_organisation_when_asked(client, world):
    publish(world.plan, world.people["office"])
    publish(world.other_plan, world.people["outsider"])
    html = client.get(reverse("public:index"), {"org": world.other.pk}).content.decode()
    assert world.other_plan.title in html
    assert world.plan.title not in html


def test_an_unknown_organisation_gets_one_clear_message_and_the_full_list(client, world):
    publish(world.plan, world.people["office"])
    response = client.get(reverse("public:index"), {"org": "abc"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "没有找到该地区公开的实施方案" in html
    assert world.plan.title in html


def test_the_index_hides_completion_when_the_status_is_not_public(client, world):
    publish(world.plan, world.people["office"], show_status=False)
    html = client.get(reverse("public:index")).content.decode()
    assert "已完成" not in html
