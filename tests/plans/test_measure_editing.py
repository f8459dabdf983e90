"""The office edits the ledger: add, edit, move, set units, archive and restore a measure,
each with a reason, an audit entry with before/after, and a version check."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from taizhang.audit.models import AuditEntry
from taizhang.plans import editing
from taizhang.plans.models import Assignment, AuditAction, Measure, MeasureCollective
from taizhang.reporting.models import ProgressReport
from tests import factories as f


def entry(action, measure):
    return AuditEntry.objects.get(action=action, object_id=str(measure.pk))


def test_edit_text_records_before_and_after(world):
    office, measure = world.people["office"], world.first
    old_text = measure.text
    editing.edit_measure(measure, office, 1, "原文解析有误", text="修正后的任务内容。")
    measure.refresh_from_db()
    assert measure.text == "修正后的任务内容。"
    assert measure.version == 2
    logged = entry(AuditAction.EDIT_MEASURE, measure)
    assert logged.changes == {"text": [old_text, "修正后的任务内容。"]}
    assert logged.reason == "原文解析有误"
    assert logged.organisation_id == world.organisation.pk


def test_a_stale_form_is_refused(world):
    office, measure = world.people["office"], world.first
    editing.edit_measure(measure, office, 1, "第一次修改", title="甲")
    with pytest.raises(ValidationError, match="已被他人修改"):
        editing.edit_measure(measure, office, 1, "第二次修改（旧页面）", title="乙")
    measure.refresh_from_db()
    assert measure.title == "甲"


@pytest.mark.parametrize(
    "reason, fields, message",
    [
        ("", {"title": "甲"}, "请填写修改原因"),
        ("原因", {"text": "  "}, "任务内容不能为空"),
        ("原因", {"deadline": datetime.date(2001, 1, 1)}, "不能早于方案起始年份"),
        ("原因", {}, "没有变化"),
    ],
)
def test_edit_refusals(world, reason, fields, message):
    with pytest.raises(ValidationError, match=message):
        editing.edit_measure(world.first, world.people["office"], 1, reason, **fields)
    assert not AuditEntry.objects.filter(action=AuditAction.EDIT_MEASURE).exists()


def test_add_measure_closes_its_chapter_with_units(world):
    """Numbered after the last measure in force (3), it closes the chapter it belongs to
    (after 任务1, before 任务2 of the next chapter), not after the last chapter: the ledger
    reads by position and prints each chapter's heading once (plans.adhoc.place_before)."""
    office = world.people["office"]
    chapter = f.ChapterFactory(plan=world.plan, position=0)
    other = f.ChapterFactory(plan=world.plan, position=1, number="三", title="其他")
    Measure.objects.filter(pk=world.first.pk).update(chapter=chapter, position=0)
    Measure.objects.filter(pk=world.second.pk).update(chapter=other, position=1)
    measure = editing.add_measure(
        world.plan,
        office,
        "州委会议新增",
        chapter=chapter,
        text="新增的任务。",
        lead_units=[world.police],
        responsible_units=[world.education],
    )
    assert measure.number == 3
    order = list(Measure.objects.filter(plan=world.plan).values_list("pk", flat=True))
    assert order == [world.first.pk, measure.pk, world.second.pk]
    assert measure.chapter == chapter
    roles = dict(Assignment.objects.filter(measure=measure).values_list("unit__name", "role"))
    assert roles == {"州公安局": "lead", "州教育局": "responsible"}
    logged = entry(AuditAction.ADD_MEASURE, measure)
    assert logged.changes["lead_units"] == [[], ["州公安局"]]
    assert logged.changes["text"] == [None, "新增的任务。"]


def test_setting_units_ends_an_assignment_with_reports_and_deletes_one_without(world):
    office, measure = world.people["office"], world.first
    education = Assignment.objects.get(measure=measure, unit=world.education)
    report = f.ReportFactory(assignment=education, period=world.period)
    editing.set_measure_units(
        measure, office, 1, "分工调整", lead_units=[world.police], responsible_units=[]
    )
    assert list(
        Assignment.objects.filter(measure=measure).values_list("unit__name", flat=True)
    ) == ["州公安局"]
    ended = Assignment.all_objects.get(pk=education.pk)
    assert ended.ended_at is not None
    assert ProgressReport.objects.filter(pk=report.pk).exists()
    assert not Assignment.all_objects.filter(measure=measure, unit=world.county_government).exists()
    logged = entry(AuditAction.SET_UNITS, measure)
    assert logged.changes["lead_units"] == [["州司法局"], ["州公安局"]]
    assert logged.changes["responsible_units"] == [["州教育局", "甲县人民政府"], []]
    assert logged.changes["ended_with_reports"] == "州教育局"

    # named again, the ended assignment comes back with its report
    editing.set_measure_units(
        measure, office, 2, "恢复", lead_units=[world.police], responsible_units=[world.education]
    )
    assert Assignment.objects.get(measure=measure, unit=world.education).pk == education.pk


def test_units_through_a_collective(world):
    office, measure = world.people["office"], world.second
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    collective.members.add(world.county_government)
    editing.set_measure_units(
        measure,
        office,
        1,
        "补列县级",
        lead_units=[world.police],
        responsible_collectives=[collective],
    )
    county = Assignment.objects.get(measure=measure, unit=world.county_government)
    assert (county.role, county.via_id) == ("responsible", collective.pk)
    assert MeasureCollective.objects.filter(measure=measure, collective=collective).exists()


@pytest.mark.parametrize(
    "choice, message",
    [
        ({"lead_units": ["justice"], "responsible_units": ["justice"]}, "既是牵头单位又是责任单位"),
        ({}, "至少指定一个"),
        ({"lead_units": ["foreign"]}, "不属于本组织"),
    ],
)
def test_unit_refusals(world, choice, message):
    foreign = f.UnitFactory(organisation=world.other)
    pick = {"justice": world.justice, "foreign": foreign}
    kwargs = {key: [pick[name] for name in names] for key, names in choice.items()}
    with pytest.raises(ValidationError, match=message):
        editing.set_measure_units(world.first, world.people["office"], 1, "原因", **kwargs)
    assert Assignment.objects.filter(measure=world.first).count() == 3


def test_move_to_another_chapter(world):
    office = world.people["office"]
    first_chapter = f.ChapterFactory(plan=world.plan, position=0)
    second_chapter = f.ChapterFactory(plan=world.plan, position=1, number="三", title="其他")
    Measure.objects.filter(pk=world.first.pk).update(chapter=first_chapter, position=0)
    Measure.objects.filter(pk=world.second.pk).update(chapter=second_chapter, position=1)
    editing.move_measure(
        world.first, office, 1, "归入第三章", second_chapter, None, before=world.second
    )
    order = list(Measure.objects.filter(plan=world.plan).values_list("pk", "chapter"))
    assert order == [(world.first.pk, second_chapter.pk), (world.second.pk, second_chapter.pk)]
    logged = entry(AuditAction.MOVE_MEASURE, world.first)
    assert "二、" in logged.changes["place"][0] and "三、" in logged.changes["place"][1]


def test_archive_keeps_reports_and_restores(world):
    office, measure = world.people["office"], world.first
    report = f.ReportFactory(assignment=measure.assignments.first(), period=world.period)
    editing.archive_measure(measure, office, 1, "重复任务")
    measure.refresh_from_db()
    assert measure.withdrawn
    assert ProgressReport.objects.filter(pk=report.pk).exists()
    with pytest.raises(ValidationError, match="已归档"):
        editing.archive_measure(measure, office, 2, "再次归档")
    editing.restore_measure(measure, office, 2, "误操作")
    measure.refresh_from_db()
    assert not measure.withdrawn
    assert entry(AuditAction.ARCHIVE_MEASURE, measure).changes == {"withdrawn": [False, True]}
    assert entry(AuditAction.RESTORE_MEASURE, measure).reason == "误操作"


def test_the_audit_log_reads_a_change_of_units(world):
    from taizhang.audit.display import change_lines

    office, measure = world.people["office"], world.first
    f.ReportFactory(
        assignment=Assignment.objects.get(measure=measure, unit=world.education),
        period=world.period,
    )
    editing.set_measure_units(measure, office, 1, "调整", lead_units=[world.police])
    logged = entry(AuditAction.SET_UNITS, measure)
    lines = change_lines(logged.action, logged.changes, logged.object_type)
    assert "牵头单位：州司法局 → 州公安局" in lines
    assert "结束分工（保留报告）：州教育局" in lines


def test_a_collective_losing_a_member_ends_its_assignment_with_reports(world):
    from taizhang.plans import assignments

    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    collective.members.add(world.county_government)
    editing.set_measure_units(
        world.second,
        world.people["office"],
        1,
        "补列县级",
        lead_units=[world.police],
        responsible_collectives=[collective],
    )
    county = Assignment.objects.get(measure=world.second, unit=world.county_government)
    f.ReportFactory(assignment=county, period=world.period)
    assignments.set_collective_members(collective, [], world.people["office"], "调整成员")
    assert not Assignment.objects.filter(pk=county.pk).exists()
    assert Assignment.all_objects.get(pk=county.pk).ended_at is not None
    assignments.set_collective_members(
        collective, [world.county_government], world.people["office"], "恢复成员"
    )
    assert Assignment.objects.filter(pk=county.pk).exists()
