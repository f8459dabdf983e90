"""Fixtures of the annual-report tests: files go to a temporary folder, and a year of work
on the `world` plan (chapters, filed reports with highlights, problems and next steps,
targets with readings)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

# The report is on 2025, written in February 2026 (before the 1 March deadline).
YEAR = 2025
TODAY = datetime.date(2026, 2, 20)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def file_report(assignment, period, user, status, narrative, problems="", next_steps=""):
    from taizhang.reporting import services

    return services.file_report(
        assignment,
        period,
        user,
        {
            "status": status,
            "narrative": narrative,
            "problems": problems,
            "next_steps": next_steps,
        },
        0,
        submit_after=True,
    )


def year_of_work(world) -> SimpleNamespace:
    """Measure 1 (chapter 一) done by its lead unit and marked a typical practice; measure 2
    (chapter 二) lagging; measure 3 (chapter 二) never reported on; two targets."""
    from taizhang.accounts.models import Role
    from taizhang.plans.models import Assignment
    from taizhang.reporting import services
    from tests import factories as f

    plan, office = world.plan, world.people["office"]
    first_chapter = f.ChapterFactory(plan=plan, number="一", title="增强全社会法治观念")
    second_chapter = f.ChapterFactory(plan=plan, number="二", title="推进社会治理法治化")
    for measure, chapter in ((world.first, first_chapter), (world.second, second_chapter)):
        measure.chapter = chapter
        measure.save()
    third = f.MeasureFactory(plan=plan, number=3, chapter=second_chapter)
    f.AssignmentFactory(measure=third, unit=world.justice, role=Assignment.Role.LEAD)

    justice_user = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.justice
    )
    police_user = f.UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.police
    )
    lead = Assignment.objects.get(measure=world.first, unit=world.justice)
    practice = file_report(
        lead,
        world.period,
        justice_user,
        "done",
        "建成州级法治宣传教育基地3个，开展宪法进机关活动42场。",
        problems="基层普法经费保障不足。",
        next_steps="推动法治宣传阵地向乡镇延伸。",
    )
    practice = services.review(practice, office, "accept", "", practice.version)
    services.mark_highlight(practice, office, True)
    file_report(
        Assignment.objects.get(measure=world.first, unit=world.education),
        world.period,
        world.people["liaison"],
        "in_progress",
        "组织开展青少年法治教育。",
        problems="专职法治副校长配备不足。",
    )
    file_report(
        Assignment.objects.get(measure=world.second, unit=world.police),
        world.period,
        police_user,
        "lagging",
        "矛盾纠纷排查化解推进缓慢。",
        next_steps="年内完成四级调解平台建设。",
    )
    file_report(
        Assignment.objects.get(measure=world.first, unit=world.county_government),
        world.period,
        world.people["county"],
        "done",
        "甲县完成全部村（社区）法律顾问全覆盖。",
    )
    met = f.TargetFactory(measure=world.first, quote="法治宣传覆盖率达到95%以上", value=95)
    f.TargetReadingFactory(target=met, measured_on=datetime.date(2025, 12, 31), value=97)
    behind = f.TargetFactory(
        measure=world.second, quote="调解成功率达到98%以上", value=98, baseline=60
    )
    f.TargetReadingFactory(target=behind, measured_on=datetime.date(2025, 6, 30), value=61)
    return SimpleNamespace(
        chapters=[first_chapter, second_chapter], third=third, targets=[met, behind]
    )


@pytest.fixture
def work(world, media):
    return year_of_work(world)
