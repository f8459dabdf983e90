"""Searching and filtering the ledger, and the status each measure shows."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.urls import reverse

from taizhang.ledger.queries import ledger_rows
from taizhang.reporting.status import status_of
from tests import factories as f

pytestmark = pytest.mark.django_db

BEFORE_DEADLINES = datetime.datetime(2025, 6, 1, 10, tzinfo=datetime.UTC)
TODAY = datetime.date(2025, 6, 1)


def numbers(client, world, **query) -> list[int]:
    client.force_login(world.people["office"])
    response = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}), query)
    assert response.status_code == 200
    return [item.measure.number for item in response.context["items"] if hasattr(item, "measure")]


@pytest.fixture
def texts(world):
    world.first.text = "推进法治宣传教育，深入开展宪法学习宣传。"
    world.first.save()
    world.second.text = "建设公共法律服务平台，覆盖率达到95%以上。"
    world.second.title = "公共法律服务"
    world.second.save()
    return world


# -- search ------------------------------------------------------------------------------


def test_search_matches_measure_text(client, texts):
    assert numbers(client, texts, q="宪法学习") == [1]


def test_search_matches_a_unit_name(client, texts):
    assert numbers(client, texts, q="公安局") == [2]


def test_search_matches_the_measure_number(client, texts):
    assert numbers(client, texts, q="2") == [2]


def test_search_accepts_traditional_characters(client, texts):
    assert numbers(client, texts, q="憲法學習") == [1]


def test_search_accepts_full_width_digits_and_punctuation(client, texts):
    assert numbers(client, texts, q="９５％") == [2]


def test_every_search_word_must_match(client, texts):
    assert numbers(client, texts, q="法治 公安局") == []


def test_no_match_says_so(client, texts):
    client.force_login(texts.people["office"])
    response = client.get(reverse("ledger:ledger", kwargs={"plan_id": texts.plan.pk}), {"q": "无"})
    assert "没有符合条件的任务。" in response.content.decode()


# -- filters -----------------------------------------------------------------------------


def test_unit_filter_keeps_the_measures_the_unit_carries(client, world):
    assert numbers(client, world, unit=world.police.pk) == [2]


def test_unit_filter_includes_measures_carried_through_a_collective(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="州有关部门")
    f.AssignmentFactory(measure=world.second, unit=world.education, via=collective)
    assert numbers(client, world, unit=world.education.pk) == [1, 2]


def test_chapter_filter(client, world):
    chapter = f.ChapterFactory(plan=world.plan)
    world.second.chapter = chapter
    world.second.save()
    assert numbers(client, world, chapter=chapter.pk) == [2]


def test_section_filter(client, world):
    section = f.SectionFactory(plan=world.plan)
    world.first.chapter, world.first.section = section.chapter, section
    world.first.save()
    assert numbers(client, world, section=section.pk) == [1]


@time_machine.travel(BEFORE_DEADLINES)
def test_status_filter(client, world):
    lead = world.second.assignments.get(role="lead")
    f.ReportFactory(assignment=lead, period=world.period, state="accepted", status="done")
    assert numbers(client, world, status="done") == [2]
    assert numbers(client, world, status="not_started") == [1]


def test_an_invalid_filter_is_dropped_with_one_message(client, world):
    client.force_login(world.people["office"])
    url = reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk})
    response = client.get(url, {"unit": "abc"}, follow=True)
    assert [item.measure.number for item in response.context["items"] if hasattr(item, "measure")]
    assert "筛选条件无效，已忽略：单位" in response.content.decode()


def test_tabs_count_the_measures_of_each_chapter(client, world):
    chapter = f.ChapterFactory(plan=world.plan, number="三", title="健全社会领域制度规范")
    world.second.chapter = chapter
    world.second.save()
    client.force_login(world.people["office"])
    response = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}))
    tabs = [(tab["label"], tab["count"]) for tab in response.context["tabs"]]
    assert tabs == [("全部", 2), ("三、健全社会领域制度规范", 1)]


# -- status ------------------------------------------------------------------------------


def test_no_report_means_not_started():
    assert status_of(None, None, False, TODAY) == "not_started"


def test_a_report_by_any_unit_means_in_progress():
    assert status_of(None, None, True, TODAY) == "in_progress"


def test_the_lead_units_report_decides():
    assert status_of(None, "done", True, TODAY) == "done"


def test_unfinished_past_the_deadline_is_lagging():
    assert status_of(datetime.date(2025, 5, 31), "in_progress", True, TODAY) == "lagging"


def test_done_past_the_deadline_stays_done():
    assert status_of(datetime.date(2024, 12, 31), "done", True, TODAY) == "done"


def test_a_draft_does_not_count(world):
    lead = world.first.assignments.get(role="lead")
    f.ReportFactory(assignment=lead, period=world.period, state="draft", status="done")
    rows = ledger_rows(world.people["office"], world.plan, today=TODAY)
    assert (rows[0].status, rows[0].report) == ("not_started", None)


def _lead_and_a_later_period(world):
    later = f.PeriodFactory(
        plan=world.plan, starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2025, 6, 30)
    )
    return world.first.assignments.get(role="lead"), later


def test_the_latest_accepted_period_wins(world):
    lead, later = _lead_and_a_later_period(world)
    f.ReportFactory(assignment=lead, period=world.period, state="accepted", status="lagging")
    f.ReportFactory(assignment=lead, period=later, state="accepted", status="in_progress")
    rows = ledger_rows(world.people["office"], world.plan, today=TODAY)
    assert (rows[0].status, rows[0].report.period_id) == ("in_progress", later.pk)


def test_a_later_report_not_yet_reviewed_shows_but_does_not_change_the_status(world):
    lead, later = _lead_and_a_later_period(world)
    f.ReportFactory(assignment=lead, period=world.period, state="accepted", status="in_progress")
    f.ReportFactory(assignment=lead, period=later, state="submitted", status="done")
    rows = ledger_rows(world.people["office"], world.plan, today=TODAY)
    assert (rows[0].status, rows[0].report.period_id) == ("in_progress", later.pk)
