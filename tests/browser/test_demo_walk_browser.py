"""Each demo person's day, begun as a new user would: the to-do they land on leads only to
pages they may open (a to-do item that ends in 没有权限 is a dead end), and signing out
and in as someone else in the same browser shows the new person's pages."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import click_and_wait, log_in, screenshot
from tests.factories import PASSWORD

# One link of each kind is enough: the same view with another id answers by the same rule.
KIND = re.compile(r"\d+")


def _to_do_links(page) -> dict[str, str]:
    kinds: dict[str, str] = {}
    for link in page.locator("main a[href^='/']").all():
        href = link.get_attribute("href")
        kinds.setdefault(KIND.sub("N", href.split("?")[0]), href)
    return kinds


def test_every_link_on_each_demo_person_s_to_do_opens(page, demo):
    dead = []
    for username, person in sorted(demo.items()):
        if not person.is_active or not person.organisation_id:
            continue
        log_in(page, person, PASSWORD)
        assert page.url.endswith("/todo/"), username
        for href in _to_do_links(page).values():
            status = page.request.get(href).status
            if status != 200:
                dead.append((username, href, status))
        page.context.clear_cookies()
    assert not dead, "\n".join(map(str, dead))


def test_signing_in_as_someone_else_never_shows_the_previous_person(page, demo):
    log_in(page, demo["qn_county"], PASSWORD)
    assert "陈刚" in page.locator(".who").inner_text()
    click_and_wait(page, page.locator(".who button", has_text="退出"))
    log_in(page, demo["qn_office"], PASSWORD)
    who = page.locator(".who").inner_text()
    assert "王敏" in who and "陈刚" not in who


def test_a_visitor_finds_each_demo_organisation_s_plan_published(page, demo):
    """The public visitor's walk: each demo office publishes its plan (it used to open on
    暂无公开的实施方案), and the page's completion rate is the one every page counts."""
    from django.utils import timezone

    from taizhang.plans.models import Plan
    from taizhang.reporting.status import progress

    page.goto("/public/")
    main = page.locator("main")
    published = list(Plan.objects.filter(publication__published=True))
    assert {plan.organisation_id for plan in published} == {
        person.organisation_id for person in demo.values() if person.organisation_id
    }
    for plan in published:
        rate = progress(plan, timezone.localdate()).completion().percent
        entry = main.locator("li, article, .card, div", has_text=plan.title).last
        assert f"完成率{rate}" in entry.inner_text(), plan
    click_and_wait(page, main.locator("a[href^='/public/plans/']").first)
    assert page.locator("main table").count() >= 1


# -- the daily work the first walk left out, on both demo organisations ---------------------

ORGANISATIONS = ["qn", "yc"]


def _section(page, title_id: str):
    return page.locator(f"#{title_id}").locator("xpath=..")


def _late_by_its_deadline(demo, org, today):
    """A demo person of ``org`` whose unit leads a measure that stands 滞后 only because its
    完成时限 has passed (the unit's own word is not 滞后), and the period open for reports
    now: what a unit would ask a later date for."""
    from taizhang.plans.models import Assignment, Measure
    from taizhang.reporting.models import Period, ProgressReport
    from taizhang.reporting.status import measure_statuses

    people = [p for name, p in sorted(demo.items()) if name.startswith(org) and p.unit_id]
    plan = people[0].organisation.plans.get(parent__isnull=True)
    period = Period.objects.filter(plan=plan, due_on__gte=today).order_by("due_on").first()
    for person in people:
        led = Assignment.objects.filter(
            unit=person.unit, role="lead", measure__plan=plan, measure__deadline__lt=today
        ).order_by("measure__position")
        statuses = measure_statuses(Measure.objects.filter(assignments__in=led), today)
        said_late = set(
            ProgressReport.objects.accepted()
            .filter(assignment__in=led, status="lagging")
            .values_list("assignment_id", flat=True)
        )
        for assignment in led:
            if statuses[assignment.measure_id] == "lagging" and assignment.pk not in said_late:
                return person, assignment, period
    raise AssertionError(f"no measure of {org} is late by its deadline alone")


def _unasked(person, period):
    """An assignment of ``person``'s unit that has neither filed nor asked a later date
    for ``period``."""
    from taizhang.plans.models import Assignment

    return (
        Assignment.objects.owing()
        .filter(unit=person.unit, measure__plan=period.plan)
        .exclude(reports__period=period, reports__first_submitted_at__isnull=False)
        .exclude(extensions__period=period)
        .order_by("measure__position")
        .first()
    )


def _row_of(page, number: int):
    """The table row of measure ``number`` (its 序号 cell exactly)."""
    no = page.locator("td.no", has_text=re.compile(rf"^\s*{number}\s*$"))
    return page.locator("main tbody tr").filter(has=no)


def _cells(workbook: bytes) -> list[str]:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(workbook), read_only=True).active
    return [str(value) for row in sheet.iter_rows(values_only=True) for value in row if value]


def _messages(page) -> str:
    page.goto("/messages/")
    return page.locator("main").inner_text()


@pytest.mark.parametrize("org", ORGANISATIONS)
def test_an_extension_from_the_unit_to_the_office_and_back(new_page, demo, org):
    """延期: the liaison asks a later 完成时限 for a measure it leads and a later due date
    for another report; the office finds both on its to-do and in its messages, approves
    one and refuses the other with a reason; the unit is told, and the new deadline is
    what the ledger, the 责任清单, the export and the API show, the status judged by it."""
    import datetime

    from django.utils import timezone

    from taizhang.documents.official import written_date
    from taizhang.reporting.models import Extension

    today = timezone.localdate()
    office_person = demo[f"{org}_office"]
    liaison_person, first, period = _late_by_its_deadline(demo, org, today)
    second = _unasked(liaison_person, period)
    later = today + datetime.timedelta(days=120)

    liaison = new_page()
    log_in(liaison, liaison_person, PASSWORD)
    liaison.goto(f"/reporting/assignments/{first.pk}/periods/{period.pk}/")
    liaison.select_option("#extension-period", label="任务完成时限")
    liaison.fill("#extension-due", later.isoformat())
    liaison.fill("#extension-reason", "配套经费下半年才到位，申请顺延完成时限。")
    click_and_wait(liaison, liaison.get_by_role("button", name="申请延期"))
    assert "延期申请已提交" in liaison.inner_text(".messages")
    liaison.goto(f"/reporting/assignments/{second.pk}/periods/{period.pk}/")
    liaison.fill("#extension-due", (period.due_on + datetime.timedelta(days=20)).isoformat())
    liaison.fill("#extension-reason", "年度统计数据须待省厅反馈后汇总。")
    click_and_wait(liaison, liaison.get_by_role("button", name="申请延期"))
    assert "延期申请已提交" in liaison.inner_text(".messages")

    office = new_page()
    log_in(office, office_person, PASSWORD)
    waiting = _section(office, "extensions-title")
    unit_name = liaison_person.unit.name
    asked = {
        n: waiting.locator("tbody tr").filter(has_text=unit_name).filter(has_text=what)
        for n, what in ((first, "任务完成时限"), (second, f"{period.name}进展报告报送期限"))
    }
    assert all(row.count() == 1 for row in asked.values()), waiting.inner_text()
    told = _messages(office)
    for assignment in (first, second):
        assert f"延期申请：{unit_name} · 任务{assignment.measure.number}" in told, told
    office.goto("/")
    row = _section(office, "extensions-title").locator("tbody tr").filter(has_text="任务完成时限")
    row = row.filter(has_text=unit_name)
    click_and_wait(office, row.get_by_role("button", name="同意", exact=True))
    assert "已同意延期" in office.inner_text(".messages")
    row = _section(office, "extensions-title").locator("tbody tr").filter(has_text=unit_name)
    row = row.filter(has_text=f"{period.name}进展报告报送期限")
    row.locator("input[name=comment]").fill("统计数据可先报初步数，不同意延期。")
    click_and_wait(office, row.get_by_role("button", name="不同意"))
    assert Extension.objects.get(assignment=first, period=None).state == "approved"
    assert Extension.objects.get(assignment=second, period=period).state == "refused"

    told = _messages(liaison)
    assert f"延期申请审批结果：任务{first.measure.number}（同意）" in told, told
    assert f"延期申请审批结果：任务{second.measure.number}（不同意）" in told, told
    assert "统计数据可先报初步数" in told

    # The new deadline, wherever the measure's deadline shows, and the status judged by it.
    shown = f"经批准延期至{written_date(later)}"
    plan, number = first.measure.plan, first.measure.number
    liaison.goto(f"/plans/{plan.pk}/")
    ledger_row = _row_of(liaison, number)
    assert shown in ledger_row.locator("td.deadline").inner_text()
    assert "滞后" not in ledger_row.locator("td.progress-cell").inner_text()
    liaison.goto(f"/plans/{plan.pk}/measures/{first.measure_id}/")
    facts = liaison.locator("dl.facts").first.inner_text()
    assert shown in facts and f"（{first.measure.deadline:%Y年}" not in facts, facts
    liaison.goto(f"/reporting/assignments/{first.pk}/periods/{period.pk}/")
    facts = liaison.locator("section[aria-labelledby=measure-title] dl.facts").inner_text()
    assert shown in facts, facts
    liaison.goto(f"/plans/{plan.pk}/units/{liaison_person.unit_id}/")
    listed = _row_of(liaison, number)
    assert shown in listed.locator("td.deadline").inner_text()
    # The on-time figures: the office's to-do per period and the board agree (the demo's
    # approved 延期 of a third-quarter report counts it on time on both).
    office.goto("/")
    due = plan.periods.filter(due_on__lt=today).get()
    counted = _section(office, "summary-title").locator("tbody tr").filter(has_text=plan.label)
    counted = counted.filter(has_text=due.name)
    on_time = counted.locator("td[data-label=按时报送]").inner_text().strip()
    expected = counted.locator("td[data-label=应报]").inner_text().strip()
    office.goto(f"/supervision/plans/{plan.pk}/board/")
    board = office.locator("main .stats").first.inner_text()
    assert f"（{on_time}/{expected}份）" in board, (on_time, expected, board)
    office.goto(f"/plans/{plan.pk}/measures/{first.measure_id}/")
    click_and_wait(office, office.get_by_role("link", name="修改截止日期"))
    assert f"经批准延期至\n{written_date(later)}" in office.locator("dl.facts").inner_text()
    office.goto(f"/units/{liaison_person.unit_id}/")  # the units directory's page
    carried = _row_of(office, number).filter(has_text=plan.label).first
    assert shown in carried.locator("td.deadline").inner_text()
    workbook = liaison.request.get(f"/plans/{plan.pk}/export.xlsx").body()
    assert any(shown in cell for cell in _cells(workbook)), "the export shows the old deadline"
    api = liaison.request.get(f"/api/measures/{first.measure_id}/").json()
    assert api["deadline_in_force"] == later.isoformat(), api


def _units_owing(organisation, today, count: int):
    """``count`` units of the prefecture plan with late items and no notice waiting for
    their signature: whom an office would urge today."""
    from taizhang.notices.models import UrgeNotice
    from taizhang.supervision.overdue import late_items

    plan = organisation.plans.get(parent__isnull=True)
    waiting = set(
        UrgeNotice.objects.filter(organisation=organisation, state="issued").values_list(
            "unit_id", flat=True
        )
    )
    units = []
    for item in late_items(organisation, today, plan):
        if item.unit_id not in waiting and item.unit_id not in units:
            units.append(item.unit_id)
    return plan, units[:count]


@pytest.mark.parametrize("org", ORGANISATIONS)
def test_a_notice_is_signed_for_and_an_unsigned_one_reminds(new_page, demo, org):
    """签收: the office sends urging notices to two units; each unit's people find theirs
    on the to-do and in their messages; one signs; the office's list shows who has signed
    and who has not; the reminder scan, a few working days on, tells the unit that has
    not signed again and then the office."""
    from django.db import transaction
    from django.utils import timezone

    from taizhang.accounts.models import User
    from taizhang.notices.models import UrgeNotice
    from taizhang.supervision.reminders import due_reminders, setting
    from taizhang.units.models import Unit
    from taizhang.workdays import add_working_days
    from tests.factories import UserFactory

    today = timezone.localdate()
    office_person = demo[f"{org}_office"]
    organisation = office_person.organisation
    plan, (signing_id, silent_id) = _units_owing(organisation, today, 2)
    signing, silent = Unit.objects.get(pk=signing_id), Unit.objects.get(pk=silent_id)
    liaisons = {
        unit.pk: User.objects.filter(unit=unit, role="liaison", is_active=True).first()
        or UserFactory(organisation=organisation, unit=unit, role="liaison")
        for unit in (signing, silent)
    }

    office = new_page()
    log_in(office, office_person, PASSWORD)
    for unit in (signing, silent):
        office.goto(f"/supervision/plans/{plan.pk}/units/{unit.pk}/notices/new/")
        click_and_wait(office, office.locator("form button.primary", has_text="确认发出"))
        assert "已发出" in office.inner_text(".messages")
    issued = UrgeNotice.objects.filter(issued_on=today, unit__in=[signing, silent])
    notices = {notice.unit_id: notice for notice in issued}

    for unit in (signing, silent):
        person = new_page()
        log_in(person, liaisons[unit.pk], PASSWORD)
        row = _section(person, "notices-title").locator("tbody tr")
        row = row.filter(has_text=notices[unit.pk].number)
        assert row.count() == 1, person.locator("main").inner_text()
        assert f"{notices[unit.pk].number}" in _messages(person)
        if unit == signing:
            person.goto("/")
            row = _section(person, "notices-title").locator("tbody tr")
            row = row.filter(has_text=notices[unit.pk].number)
            click_and_wait(person, row.get_by_role("link", name="签收"))
            click_and_wait(person, person.get_by_role("button", name="签收"))
            assert "已签收" in person.inner_text(".messages")

    def states():
        office.goto("/supervision/notices/")
        listed = office.locator("main tbody tr")
        return {
            unit: listed.filter(has_text=notices[unit.pk].number)
            .locator("td[data-label=办理状态]")
            .inner_text()
            for unit in (signing, silent)
        }

    # each addressee's state as it is (未签收 / 已签收 with the time), never 已催办
    signed_at = timezone.localtime(UrgeNotice.objects.get(pk=notices[signing.pk].pk).signed_at)
    state_of = states()
    assert "已签收" in state_of[signing] and f"{signed_at:%H:%M}" in state_of[signing]
    assert "未签收" in state_of[silent] and "已催办" not in str(state_of), state_of
    assert "已提醒" not in str(state_of), state_of

    later = add_working_days(today, 2 * setting("NOTICE_UNSIGNED_WORKING_DAYS"))
    with transaction.atomic():
        for reminder in due_reminders(later, [organisation]):
            reminder.send()
    told = _messages(new_page_for(new_page, liaisons[silent.pk]))
    assert f"催办通知未签收：{notices[silent.pk].number}" in told, told
    told = _messages(office)
    assert f"催办通知逾期未签收：{silent.name}" in told, told
    assert f"催办通知逾期未签收：{signing.name}" not in told
    # the reminder is a fact of its own beside the state
    state_of = states()
    assert "未签收" in state_of[silent] and "已提醒1次" in state_of[silent], state_of
    assert "已提醒" not in state_of[signing], state_of
    if org == "qn":
        screenshot(office, "notice-list-states", full_page=False)


def new_page_for(new_page, person):
    page = new_page()
    log_in(page, person, PASSWORD)
    return page


def _accepted_by_mistake(demo, org):
    """A demo person of ``org`` and an accepted report of their unit's that makes a measure
    it leads 已完成 (no other lead unit's word would, not closed): the acceptance an office
    would find was a mistake, and whose undoing shows on the ledger."""
    from taizhang.reporting.models import Closure, ProgressReport

    people = [p for name, p in sorted(demo.items()) if name.startswith(org) and p.unit_id]
    for person in people:
        accepted = ProgressReport.objects.accepted().filter(
            assignment__unit=person.unit,
            assignment__role="lead",
            assignment__measure__plan__parent__isnull=True,
            status="done",
        )
        for report in accepted.select_related("assignment__measure").order_by("pk"):
            measure = report.assignment.measure
            # the lead units' word is their latest accepted report: this one, and without
            # it one that does not say 已完成 (or none)
            words = ProgressReport.objects.accepted().filter(
                assignment__measure=measure, assignment__role="lead"
            )
            words = list(words.order_by("-period__ends_on", "-pk")[:2])
            instead = words[1].status if len(words) > 1 else None
            if (
                words[0] == report
                and instead != "done"
                and not Closure.objects.filter(measure=measure).exists()
            ):
                return person, report
    raise AssertionError(f"no accepted report of {org} alone makes its measure done")


@pytest.mark.parametrize("org", ORGANISATIONS)
def test_the_office_corrects_its_mistakes(new_page, demo, org):
    """A year's corrections: the office undoes a wrongly accepted report, corrects a unit's
    name and archives a measure, each with a reason; the audit log says so in Chinese and
    the people concerned see each change at once."""
    from taizhang.plans.models import Measure

    office_person = demo[f"{org}_office"]
    person, report = _accepted_by_mistake(demo, org)
    measure = report.assignment.measure
    plan, unit = measure.plan, person.unit
    unit_page = new_page()
    log_in(unit_page, person, PASSWORD)
    unit_page.goto(f"/plans/{plan.pk}/")
    assert "已完成" in _row_of(unit_page, measure.number).locator("td.progress-cell").inner_text()

    office = new_page()
    log_in(office, office_person, PASSWORD)
    office.goto(f"/reporting/reports/{report.pk}/")
    office.fill("#reopen-reason", "佐证材料与报告所述不符，审核通过有误。")
    click_and_wait(office, office.get_by_role("button", name="撤销审核通过"))
    assert "已撤销审核通过" in office.inner_text(".messages")
    assert office.get_by_role("button", name="撤销审核通过").count() == 0
    assert "撤销原因：佐证材料与报告所述不符" in office.locator("main").inner_text()
    screenshot(office, f"report-reopened-{org}", full_page=False)

    told = _messages(unit_page)
    assert f"审核通过已撤销：任务{measure.number}（{report.period.name}）" in told, told
    assert "佐证材料与报告所述不符" in told
    unit_page.goto(f"/plans/{plan.pk}/")
    status = _row_of(unit_page, measure.number).locator("td.progress-cell").inner_text()
    assert "已完成" not in status, status
    assert f"报告重新待审核：任务{measure.number}" in _messages(office)

    # A unit's name corrected: the old name stays an alias; its people see the new one.
    corrected = f"{unit.name}（更正）"
    office.goto(f"/units/{unit.pk}/")
    office.fill("#rename_name", corrected)
    office.fill("#rename_reason", "名称录入有误，按机构编制文件更正。")
    click_and_wait(office, office.get_by_role("button", name="更正名称"))
    assert f"已将“{unit.name}”更正为“{corrected}”" in office.inner_text(".messages")
    assert unit.name in office.locator("main").inner_text()  # kept as an alias
    screenshot(office, f"unit-renamed-{org}", full_page=False)
    unit_page.goto(f"/plans/{plan.pk}/units/{unit.pk}/")
    assert f"{corrected}责任清单" in unit_page.inner_text("h1")
    assert corrected in unit_page.locator(".who").inner_text()

    # A measure archived: it leaves the ledger of everyone concerned at once.
    archived = Measure.objects.filter(plan=plan, withdrawn=False, assignments__unit=unit).last()
    office.goto(f"/plans/{plan.pk}/measures/{archived.pk}/")
    click_and_wait(office, office.get_by_role("link", name="归档", exact=True))
    office.get_by_label("原因").fill("该项任务已并入第一项统一推进，归档。")
    click_and_wait(office, office.get_by_role("button", name="归档", exact=True))
    assert "已归档该任务" in office.inner_text(".messages")
    unit_page.goto(f"/plans/{plan.pk}/units/{unit.pk}/")
    assert _row_of(unit_page, archived.number).count() == 0

    office.goto("/audit/")
    log = office.locator("main table").inner_text()
    for action, reason in (
        ("撤销审核通过", "佐证材料与报告所述不符"),
        ("更正单位名称", "名称录入有误"),
        ("归档", "该项任务已并入第一项"),
    ):
        assert action in log and reason in log, (action, log[:2000])
