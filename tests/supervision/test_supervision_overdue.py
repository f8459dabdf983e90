"""late_items and the board: what is late, by how many days, in a fixed number of
queries; fulfilment_counts for the assessment."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from taizhang.plans.models import Assignment, Measure
from taizhang.reporting import services
from taizhang.supervision.duties import fulfilment_counts
from taizhang.supervision.models import TargetTracking
from taizhang.supervision.overdue import late_items, late_items_for_unit
from tests import factories as f
from tests.supervision.helpers import filed, grow

# The world's period is 2025 Q1, due 2025-04-10.
AFTER_DUE = date(2025, 4, 20)


def kinds(items, unit=None):
    return sorted(i.kind for i in items if unit is None or i.unit_id == unit.pk)


def test_nothing_is_late_before_the_due_date(world):
    assert late_items(world.organisation, date(2025, 4, 10)) == []


def test_every_assignment_without_a_filed_report_is_overdue_after_the_due_date(world):
    items = late_items(world.organisation, AFTER_DUE)
    assert len(items) == 4
    assert {i.days_late for i in items} == {10}
    assert items[0].detail.endswith("进展报告逾期未报送")


def test_a_submitted_report_is_not_overdue(world):
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    filed(mine, world.period, world.people["liaison"])
    assert kinds(late_items(world.organisation, AFTER_DUE), world.education) == []


def test_a_draft_report_is_still_overdue(world):
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    services.save_draft(
        services.start_report(mine, world.period), world.people["liaison"], {"narrative": "x"}, 0
    )
    assert kinds(late_items(world.organisation, AFTER_DUE), world.education) == ["report_overdue"]


def test_a_returned_report_counts_days_since_the_return(world):
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    with time_machine.travel(date(2025, 4, 5), tick=False):
        report = filed(mine, world.period, world.people["liaison"])
        services.review(report, world.people["reviewer"], "return", "请补充数据", report.version)
    items = [
        i for i in late_items(world.organisation, AFTER_DUE) if i.unit_id == world.education.pk
    ]
    assert [(i.kind, i.days_late) for i in items] == [("report_returned", 15)]


def test_a_period_not_yet_started_is_never_overdue(world):
    f.PeriodFactory(
        plan=world.plan,
        name="未来",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 3, 31),
        due_on=date(2025, 4, 1),
    )
    assert len(late_items(world.organisation, AFTER_DUE)) == 4


def test_an_off_track_target_is_owed_by_the_lead_unit(world):
    target = f.TargetFactory(measure=world.first, value=100, year=2025)
    TargetTracking.objects.create(target=target, baseline=0, baseline_on=date(2022, 1, 1))
    f.TargetReadingFactory(target=target, measured_on=date(2024, 12, 31), value=20)
    items = late_items(world.organisation, AFTER_DUE)
    off = [i for i in items if i.kind == "target_off_track"]
    assert [(i.unit_id, i.days_late) for i in off] == [
        (world.justice.pk, (AFTER_DUE - date(2024, 12, 31)).days)
    ]


def test_a_target_past_its_deadline_is_late_since_the_deadline_not_since_it_slipped(world):
    # Off its trajectory since a reading at the end of 2023, due at the end of 2024: on
    # 2025-04-20 it is 110 days late (since the deadline), and that deadline is the date
    # shown beside the days — not 2024-12-31 beside the 476 days since 2023.
    target = f.TargetFactory(measure=world.first, value=100, year=2024)
    TargetTracking.objects.create(target=target, baseline=0, baseline_on=date(2022, 1, 1))
    f.TargetReadingFactory(target=target, measured_on=date(2023, 12, 31), value=5)
    [item] = [i for i in late_items(world.organisation, AFTER_DUE) if i.kind == "target_off_track"]
    assert (item.due_on, item.days_late) == (date(2024, 12, 31), 110)


def test_every_late_item_counts_its_days_from_the_date_it_shows(world):
    target = f.TargetFactory(measure=world.first, value=100, year=2026)
    TargetTracking.objects.create(target=target, baseline=0, baseline_on=date(2022, 1, 1))
    f.TargetReadingFactory(target=target, measured_on=date(2023, 12, 31), value=5)
    f.RecurringDutyFactory(measure=world.second, times_per_year=2)
    items = late_items(world.organisation, AFTER_DUE)
    assert {"report_overdue", "target_off_track", "duty_missed"} <= {i.kind for i in items}
    for item in items:
        assert item.days_late == (AFTER_DUE - item.due_on).days, item


def test_a_duty_short_at_year_end_is_missed_since_new_year(world):
    duty = f.RecurringDutyFactory(measure=world.second, times_per_year=2)
    f.DutyFulfilmentFactory(duty=duty, unit=world.police, happened_on=date(2024, 5, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.police, happened_on=date(2023, 5, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.police, happened_on=date(2023, 9, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.police, happened_on=date(2022, 9, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.police, happened_on=date(2022, 10, 1))
    missed = [i for i in late_items(world.organisation, AFTER_DUE) if i.kind == "duty_missed"]
    assert [(i.detail[:6], i.days_late) for i in missed] == [
        ("2024年“", (AFTER_DUE - date(2025, 1, 1)).days)
    ]


def test_late_items_for_unit_keeps_that_unit(world):
    items = late_items_for_unit(world.police, AFTER_DUE)
    assert [i.unit_name for i in items] == ["州公安局"]


def test_late_items_carry_the_chapter(world):
    chapter = f.ChapterFactory(plan=world.plan)
    world.second.chapter = chapter
    world.second.save()
    item = late_items_for_unit(world.police, AFTER_DUE)[0]
    assert item.chapter == "二、增强全社会法治观念"


def test_late_items_query_count_does_not_grow(world, django_assert_max_num_queries):
    grow(world, 2)
    with django_assert_max_num_queries(16) as small:  # one: the approved 延期 dates
        late_items(world.organisation, AFTER_DUE)
    grow(world, 25, start=100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        items = late_items(world.organisation, AFTER_DUE)
    assert len(items) > 100


def test_fulfilment_counts_per_duty_and_unit(world):
    duty = f.RecurringDutyFactory(measure=world.first, times_per_year=2)
    f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=date(2024, 5, 1))
    f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=date(2023, 5, 1))
    counts = fulfilment_counts(world.plan, 2024)
    assert counts[(duty.pk, world.education.pk)] == (1, 2)
    assert counts[(duty.pk, world.justice.pk)] == (0, 2)
    assert counts[(duty.pk, world.county_government.pk)] == (0, 2)


# -- the board ----------------------------------------------------------------------------


def board(client, world, query=""):
    url = reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + query
    with time_machine.travel(AFTER_DUE, tick=False):
        return client.get(url)


def test_board_lists_units_worst_first_with_days_late(client, world):
    mine = Assignment.objects.get(measure=world.first, unit=world.education)
    with time_machine.travel(date(2025, 4, 1), tick=False):
        report = filed(mine, world.period, world.people["liaison"])
        services.review(report, world.people["reviewer"], "return", "请补充", report.version)
    client.force_login(world.people["office"])
    text = board(client, world).content.decode()
    assert "逾期19天" in text and "逾期10天" in text
    assert text.index("州教育局") < text.index("州公安局")


def test_board_filters_by_county(client, world):
    client.force_login(world.people["office"])
    text = board(client, world, f"?region={world.county.pk}").content.decode()
    assert "甲县人民政府" in text and "州公安局" not in text


def test_board_groups_by_chapter_and_by_county(client, world):
    client.force_login(world.people["leader"])
    assert "未分篇章" in board(client, world, "?view=chapter").content.decode()
    assert "甲县" in board(client, world, "?view=county").content.decode()


def test_board_is_for_the_office_and_leaders(client, world):
    client.force_login(world.people["liaison"])
    assert board(client, world).status_code == 403


def _board_queries(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert board(client, world).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.usefixtures("pages_not_kept")  # what computing it costs
def test_board_query_count_is_the_same_for_small_and_large_plans(client, world):
    client.force_login(world.people["office"])
    grow(world, 2)
    small = _board_queries(client, world)
    grow(world, 30, start=100)
    assert _board_queries(client, world) == small


def test_the_board_list_pages_every_item_once_longest_overdue_first(client, world):
    from taizhang.supervision.views import board as board_module

    client.force_login(world.people["office"])
    grow(world, 30, start=100)
    with time_machine.travel(AFTER_DUE, tick=False):
        everything = late_items(world.organisation, AFTER_DUE, world.plan)
    shown, page = [], 1
    while True:
        context = board(client, world, f"?view=list&page={page}").context
        shown += [(i.kind, i.unit_id, i.measure_id, i.detail) for i in context["page"].items]
        assert len(context["page"].items) <= board_module.PAGE_SIZE
        if not context["page"].next:
            break
        page += 1
    assert page > 1
    assert shown == [(i.kind, i.unit_id, i.measure_id, i.detail) for i in everything]


def test_a_group_shows_its_worst_items_and_links_to_all_of_them(client, world):
    grow(world, 8, start=100)
    unit = world.education
    for measure in Measure.objects.filter(plan=world.plan, number__gte=100):
        f.AssignmentFactory(measure=measure, unit=unit)
    client.force_login(world.people["office"])
    (group,) = [g for g in board(client, world).context["groups"] if g.key == unit.pk]
    # only its worst few are loaded (the rest counted in SQL): the list shows them all
    assert group.total > len(group.shown) == 5
    listed = board(client, world, group.list_url).context["page"].items
    assert len(listed) == group.total
    assert listed[:5] == group.shown
