"""The write path of urging notices: the escalation ladder, numbering, what is stored and
audited, and what is refused. What the unit owes is fixed here (late_items_for_unit is
replaced), so each test controls exactly the items."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from taizhang.audit.models import AuditEntry
from taizhang.notices import services as notices
from taizhang.notices.models import UrgeNotice
from taizhang.supervision import overdue
from tests import factories as f

TODAY = date(2025, 4, 21)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def late(measure, unit, days=11, detail="2025年第1期进展报告逾期未报送"):
    return overdue.LateItem(
        kind="report_overdue",
        unit_id=unit.pk,
        unit_name=unit.name,
        region_id=unit.region_id,
        measure_id=measure.pk,
        measure_number=measure.number,
        measure_text=measure.text,
        chapter="",
        days_late=days,
        detail=detail,
        due_on=date(2025, 4, 10),
    )


@pytest.fixture
def owes(monkeypatch):
    """owes(unit, [LateItem...]): what late_items_for_unit answers for the unit."""
    table = {}
    monkeypatch.setattr(overdue, "late_items_for_unit", lambda unit, today: table.get(unit.pk, []))

    def set_items(unit, items):
        table[unit.pk] = items

    return set_items


def issue(world, level, unit=None, day=TODAY, keys=None):
    unit = unit or world.education
    return notices.issue(
        unit, world.plan, world.people["office"], day, level, "关于督促的通知", "请按时报送。", keys
    )


def test_first_notice_on_a_measure_is_a_reminder(world, owes):
    owes(world.education, [late(world.first, world.education)])
    assert notices.draft(world.education, world.plan, TODAY).level == "reminder"


def test_after_a_reminder_comes_an_urge(world, owes):
    owes(world.education, [late(world.first, world.education)])
    issue(world, "reminder")
    assert notices.draft(world.education, world.plan, TODAY).level == "urge"


def test_after_an_urge_comes_a_circular_addressed_to_all_units(world, owes):
    owes(world.education, [late(world.first, world.education)])
    issue(world, "reminder")
    issue(world, "urge")
    draft = notices.draft(world.education, world.plan, TODAY)
    assert draft.level == "circular"
    assert draft.addressee == "各县（市、区）人民政府，州直各有关单位"
    assert "州教育局" in draft.title


def test_ladder_is_counted_per_unit(world, owes):
    owes(world.education, [late(world.first, world.education)])
    owes(world.justice, [late(world.first, world.justice)])
    issue(world, "reminder", unit=world.education)
    assert notices.draft(world.justice, world.plan, TODAY).level == "reminder"


def test_a_notice_takes_the_highest_rung_of_its_measures(world, owes):
    owes(world.education, [late(world.first, world.education)])
    issue(world, "reminder")
    owes(world.education, [late(world.first, world.education), late(world.second, world.education)])
    assert notices.draft(world.education, world.plan, TODAY).level == "urge"


def test_office_may_override_the_level(world, owes):
    owes(world.education, [late(world.first, world.education)])
    draft = notices.draft(world.education, world.plan, TODAY, level="circular")
    assert (draft.suggested_level, draft.level) == ("reminder", "circular")


def test_numbers_run_per_organisation_and_year(world, owes):
    owes(world.education, [late(world.first, world.education)])
    numbers = [issue(world, "reminder").number, issue(world, "urge").number]
    numbers.append(issue(world, "urge", day=date(2026, 1, 5)).number)
    assert numbers == [
        "依法治州办督〔2025〕1号",
        "依法治州办督〔2025〕2号",
        "依法治州办督〔2026〕1号",
    ]


def test_another_organisation_numbers_from_one(world, owes):
    owes(world.education, [late(world.first, world.education)])
    issue(world, "reminder")
    unit = f.UnitFactory(organisation=world.other, region=world.other_plan.region)
    measure = f.MeasureFactory(plan=world.other_plan)
    owes(unit, [late(measure, unit)])
    notice = notices.issue(
        unit, world.other_plan, world.people["outsider"], TODAY, "reminder", "通知", "正文"
    )
    assert notice.number.endswith("〔2025〕1号")


def test_issuing_snapshots_the_items_and_cites_the_measures(world, owes):
    owes(world.education, [late(world.first, world.education, days=11)])
    notice = issue(world, "reminder")
    assert [(i["measure_number"], i["days_late"]) for i in notice.items] == [(1, 11)]
    assert list(notice.measures.all()) == [world.first]
    assert notice.issued_on == TODAY


def test_issuing_stores_the_docx(world, owes):
    owes(world.education, [late(world.first, world.education)])
    notice = issue(world, "reminder")
    with notice.document.open("rb") as stored:
        document = Document(io.BytesIO(stored.read()))
    texts = [p.text for p in document.paragraphs]
    assert "关于督促的通知" in texts and "州教育局：" in texts and "2025年4月21日" in texts


def test_issuing_is_audited(world, owes):
    owes(world.education, [late(world.first, world.education)])
    notice = issue(world, "reminder")
    entry = AuditEntry.objects.get(object_type="urgenotice", object_id=str(notice.pk))
    assert entry.action == "urge" and entry.organisation == world.organisation
    assert entry.changes["number"] == notice.number


def test_only_the_chosen_items_are_cited(world, owes):
    owes(world.education, [late(world.first, world.education), late(world.second, world.education)])
    keys = [i["key"] for i in notices.owed_items(world.education, world.plan, TODAY)]
    notice = issue(world, "reminder", keys=keys[1:])
    assert len(notice.items) == 1


def test_nothing_owed_is_refused_and_nothing_written(world, owes):
    owes(world.education, [])
    with pytest.raises(ValidationError, match="没有逾期事项"):
        issue(world, "reminder")
    assert not UrgeNotice.objects.exists()


def test_items_of_other_plans_are_left_out(world, owes):
    other_plan = f.PlanFactory(organisation=world.organisation, region=world.home)
    elsewhere = f.MeasureFactory(plan=other_plan)
    owes(world.education, [late(elsewhere, world.education)])
    assert notices.owed_items(world.education, world.plan, TODAY) == []


def test_empty_title_is_refused(world, owes):
    owes(world.education, [late(world.first, world.education)])
    with pytest.raises(ValidationError, match="标题"):
        notices.issue(world.education, world.plan, world.people["office"], TODAY, "urge", " ", "x")


def test_urge_body_recalls_the_reminder(world, owes):
    owes(world.education, [late(world.first, world.education)])
    reminder = issue(world, "reminder")
    body = notices.draft(world.education, world.plan, date(2025, 5, 21)).body
    assert f"2025年4月21日（{reminder.number}）" in body


def test_reply_deadline_counts_working_days_over_may_day(world, owes):
    owes(world.education, [late(world.first, world.education)])
    # 5 working days from 2025-04-29: 4-30, then the 5-1..5-5 holiday, 5-6, 5-7, 5-8, 5-9
    body = notices.draft(world.education, world.plan, date(2025, 4, 29)).body
    assert "于2025年5月9日前" in body


def test_office_short_name_drops_the_party_committee():
    organisation = f.OrganisationFactory.build(office_name="州委依法治州办", prefix="州")
    assert notices.office_short_name(organisation) == "依法治州办"


def test_document_table_has_one_row_per_task(world, owes):
    owes(
        world.education,
        [
            late(world.first, world.education, 41, "2025年第1期进展报告逾期未报送"),
            late(world.first, world.education, 11, "2025年第2期进展报告逾期未报送"),
        ],
    )
    rows = notices.document_text(issue(world, "urge")).rows
    assert [(r.problem, r.days_late) for r in rows] == [
        ("2025年第1期进展报告逾期未报送；2025年第2期进展报告逾期未报送", 41)
    ]


def test_a_task_with_many_problems_keeps_a_short_cell(world, owes):
    owes(
        world.education,
        [
            late(world.first, world.education, 10 + n, f"{2022 + n}年进展报告逾期未报送")
            for n in range(5)
        ],
    )
    (row,) = notices.document_text(issue(world, "urge")).rows
    assert row.problem.count("；") == 1 and row.problem.endswith("等5项")
