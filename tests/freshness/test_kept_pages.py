"""Kept pages (taizhang.freshness): a change through a write path shows on the next
request, and nobody is ever shown a page kept for someone who sees other rows."""

from datetime import date, datetime, time

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from taizhang.accounts.models import Role
from taizhang.freshness import kept as kept_module
from taizhang.notices import handling
from taizhang.plans import editing
from taizhang.plans.models import Assignment
from taizhang.reporting import extensions, services
from taizhang.reporting.models import Extension
from tests import factories as f

pytestmark = pytest.mark.django_db
TODO = reverse("workspace:todo")


def at(day):
    return time_machine.travel(timezone.make_aware(datetime.combine(day, time(9))), tick=False)


def page(person, url) -> str:
    client = Client()
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def urls(world) -> dict[str, str]:
    on_plan = {"plan_id": world.plan.pk}
    return {
        "ledger": reverse("ledger:ledger", kwargs=on_plan),
        "responsibilities": reverse(
            "ledger:responsibilities", kwargs={**on_plan, "unit_id": world.justice.pk}
        ),
        "board": reverse("supervision:board", kwargs=on_plan),
        "dashboard": reverse("dashboards:plan", kwargs=on_plan),
    }


def report_of(world, unit, actor, **data):
    assignment = Assignment.objects.get(measure=world.first, unit=unit)
    report = services.start_report(assignment, world.period)
    return services.save_draft(report, actor, {"status": "in_progress", **data}, report.version)


def test_the_pages_are_kept_until_the_organisations_data_changes(
    world, django_assert_max_num_queries
):
    """The point of it: a second look costs a few queries, a write makes the next look
    compute again."""
    office = world.people["office"]
    client = Client()
    client.force_login(office)
    ledger = urls(world)["ledger"]
    client.get(ledger)
    with django_assert_max_num_queries(10):
        client.get(ledger)
    before = kept_module.stamp(world.organisation.pk)
    reviewer = world.people["reviewer"]
    report = report_of(world, world.justice, reviewer, narrative="已部署")
    services.submit(report, reviewer, report.version)
    assert kept_module.stamp(world.organisation.pk) > before
    assert "已部署" in client.get(ledger).content.decode()


def test_a_report_submitted_and_accepted_shows_at_once_on_every_page(world):
    liaison, office, reviewer = (world.people[k] for k in ("liaison", "office", "reviewer"))
    pages = urls(world)
    with at(date(2025, 4, 15)):  # the world's period was due on 10 April
        before = {name: page(office, url) for name, url in pages.items()}
        assert "州教育局" in before["board"]  # its report is overdue
        todo = page(liaison, TODO)
        assert "未填报" in todo

        education = report_of(world, world.education, liaison, narrative="教育局本季度进展")
        services.submit(education, liaison, education.version)
        assert "未填报" not in page(liaison, TODO)
        board = page(office, pages["board"])
        assert "州教育局" not in board  # nothing overdue any more

        assert "本单位尚未报送" in before["responsibilities"]
        lead = report_of(world, world.justice, reviewer, narrative="司法局牵头推进")
        lead = services.submit(lead, reviewer, lead.version)
        assert "司法局牵头推进" not in before["ledger"]
        assert "司法局牵头推进" in page(office, pages["ledger"])
        assert "本单位尚未报送" not in page(office, pages["responsibilities"])

        dashboard_before = page(office, pages["dashboard"])
        services.review(lead, office, "accept", "", lead.version)
        assert page(office, pages["dashboard"]) != dashboard_before
        assert "推进中" in page(office, pages["ledger"])


def test_a_measure_edit_shows_at_once(world):
    office = world.people["office"]
    pages = urls(world)
    assert "全面推行行政执法公示" not in page(office, pages["ledger"])
    page(office, pages["responsibilities"])
    editing.edit_measure(
        world.first, office, world.first.version, "文字有误", text="全面推行行政执法公示制度。"
    )
    assert "全面推行行政执法公示" in page(office, pages["ledger"])
    assert "全面推行行政执法公示" in page(office, pages["responsibilities"])


def test_an_approved_extension_moves_the_date_on_the_to_do_at_once(world):
    liaison, office = world.people["liaison"], world.people["office"]
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    with at(date(2025, 4, 8)):
        extension = extensions.request(
            assignment, world.period, liaison, date(2025, 4, 30), "数据汇总延迟"
        )
        assert "2025-04-10" in page(liaison, TODO)
        assert "数据汇总延迟" in page(office, TODO)  # the office decides
        extensions.decide(extension, office, True)
        todo = page(liaison, TODO)
        assert "2025-04-30" in todo and "已批准延期" in todo
        assert "数据汇总延迟" not in page(office, TODO)
    assert Extension.objects.get().state == Extension.State.APPROVED


def test_a_signed_notice_changes_the_to_do_at_once(world):
    liaison = world.people["liaison"]
    notice = f.UrgeNoticeFactory(
        unit=world.education, created_by=world.people["office"], title="关于督促报送的通知"
    )
    assert ">签收</a>" in page(liaison, TODO)
    handling.sign(notice, liaison)
    todo = page(liaison, TODO)
    assert ">签收</a>" not in todo and ">反馈</a>" in todo


def test_a_liaison_never_sees_the_offices_kept_ledger_nor_the_other_way(world):
    """The same address and query, people who see different rows: the office sees
    measure 2 (the 公安局's only), the 教育局's liaison does not, whoever looks first."""
    world.second.text = "公安机关专项整治行动"
    world.second.save()
    ledger = urls(world)["ledger"]
    liaison, office = world.people["liaison"], world.people["office"]
    assert "公安机关专项整治行动" in page(office, ledger)
    assert "公安机关专项整治行动" not in page(liaison, ledger)
    kept_module.forget_local()
    assert "公安机关专项整治行动" not in page(liaison, ledger + "?q=")
    assert "公安机关专项整治行动" in page(office, ledger + "?q=")


def test_one_address_kept_for_many_people_shows_each_their_own(world):
    """The to-do has one address for everyone: two organisations' offices, a liaison,
    a reviewer each get their own, the first look kept or not."""
    liaison, reviewer = world.people["liaison"], world.people["reviewer"]
    report = report_of(world, world.education, liaison, narrative="待审进展")
    services.submit(report, liaison, report.version)
    other_period = f.PeriodFactory(plan=world.other_plan, name="另一市2025年第一季度")
    with at(date(2025, 4, 5)):
        assert "待审进展" not in page(liaison, TODO)
        assert "州教育局" in page(reviewer, TODO)  # its report waits for the 司法局
        ours = page(world.people["office"], TODO)
        theirs = page(world.people["outsider"], TODO)
        same_role = f.UserFactory(organisation=world.other, role=Role.OFFICE_ADMIN)
        also_theirs = page(same_role, TODO)
    assert world.period.name in ours and other_period.name not in ours
    assert other_period.name in theirs and world.period.name not in theirs
    assert world.period.name not in also_theirs


def test_a_kept_body_carries_the_requesters_own_csrf_token(world):
    """The office's to-do holds decision forms; a second office session, served the kept
    body, posts with its own token and is not refused."""
    liaison, office = world.people["liaison"], world.people["office"]
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    with at(date(2025, 4, 8)):
        extension = extensions.request(
            assignment, world.period, liaison, date(2025, 4, 30), "数据汇总延迟"
        )
        first = Client(enforce_csrf_checks=True)
        first.force_login(office)
        first.get(TODO)
        second = Client(enforce_csrf_checks=True)
        second.force_login(office)
        body = second.get(TODO).content.decode()
        assert "freshness-csrf-placeholder" not in body
        token = body.split('name="csrfmiddlewaretoken" value="', 2)[2].split('"', 1)[0]
        url = reverse("reporting:extension_decide", kwargs={"extension_id": extension.pk})
        answer = second.post(url, {"decision": "approve", "csrfmiddlewaretoken": token})
    assert answer.status_code == 302
    assert Extension.objects.get().state == Extension.State.APPROVED


def test_the_plan_list_is_kept_per_person_and_shows_a_review_at_once(
    world, django_assert_max_num_queries
):
    """The office counts the whole plan, the 教育局's liaison only the measure it carries,
    whoever looks first; an accepted lead report (已完成) shows on the next look."""
    plans = reverse("ledger:list")
    liaison, office, reviewer = (world.people[k] for k in ("liaison", "office", "reviewer"))
    assert "（0/1）" in page(liaison, plans)
    before = page(office, plans)
    assert "（0/2）" in before
    assert "（0/1）" in page(liaison, plans)
    client = Client()
    client.force_login(office)
    client.get(plans)
    with django_assert_max_num_queries(10):
        client.get(plans)
    lead = report_of(world, world.justice, reviewer, status="done", narrative="已全部完成")
    lead = services.submit(lead, reviewer, lead.version)
    services.review(lead, office, "accept", "", lead.version)
    after = page(office, plans)
    assert "（1/2）" in after and "已完成 1" in after
    assert "（1/1）" in page(liaison, plans)
