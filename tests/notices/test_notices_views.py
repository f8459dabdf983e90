"""The notice pages: drafting and issuing, the download, the lists and the ladder of a
measure, as each role sees them. The date is frozen after the world's period fell due
(2025-04-10), so 州教育局 really owes its report on measure 1."""

from __future__ import annotations

import datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.notices.models import UrgeNotice
from tests import factories as f

LATE = datetime.datetime(2025, 4, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(LATE, tick=False):
        yield


def create_url(world, unit=None):
    unit = unit or world.education
    return reverse("notices:create", kwargs={"plan_id": world.plan.pk, "unit_id": unit.pk})


def office(client, world):
    client.force_login(world.people["office"])
    return client


def issue_form(client, world, **changes):
    data = {
        "level": "reminder",
        "title": "关于及时完成逾期任务事项的提醒通知",
        "body": "请按时报送。",
    }
    data.update(changes)
    page = office(client, world).get(create_url(world))
    data.setdefault("items", [i["key"] for i in page.context["draft"].items])
    return client.post(create_url(world), data)


def notice_to(unit, world, level="reminder", measures=(), day=datetime.date(2025, 4, 21)):
    notice = f.UrgeNoticeFactory(
        unit=unit, level=level, issued_on=day, created_by=world.people["office"]
    )
    notice.measures.set(measures)
    return notice


def test_draft_lists_what_the_unit_owes(client, world):
    page = office(client, world).get(create_url(world))
    assert page.status_code == 200
    assert [i["measure_number"] for i in page.context["draft"].items] == [1]
    assert "逾期未报送" in page.content.decode()


def test_first_draft_suggests_a_reminder(client, world):
    page = office(client, world).get(create_url(world))
    assert page.context["draft"].level == "reminder"


def test_confirming_issues_the_notice_and_offers_the_download(client, world):
    response = issue_form(client, world)
    notice = UrgeNotice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("notices:detail", kwargs={"notice_id": notice.pk})
    page = client.get(response["Location"])
    assert reverse("notices:document", kwargs={"notice_id": notice.pk}) in page.content.decode()


def test_office_text_is_what_is_issued(client, world):
    issue_form(client, world, title="关于尽快报送第一季度进展的通知", body="第一段。\n第二段。")
    notice = UrgeNotice.objects.get()
    assert (notice.title, notice.body) == ("关于尽快报送第一季度进展的通知", "第一段。\n第二段。")


def test_refresh_rewrites_the_text_for_the_chosen_level_without_saving(client, world):
    redraft = reverse(
        "notices:redraft", kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk}
    )
    response = office(client, world).post(redraft, {"level": "circular", "title": "x", "body": "y"})
    assert response.context["form"]["title"].value() == "关于州教育局任务逾期未完成情况的通报"
    assert not UrgeNotice.objects.exists()


def test_blank_title_is_refused_with_one_message(client, world):
    response = issue_form(client, world, title="")
    assert response.status_code == 400
    assert [str(m) for m in response.context["messages"]] == ["请填写通知标题。"]
    assert not UrgeNotice.objects.exists()


def test_unit_that_owes_nothing_gets_no_confirm_button(client, world):
    idle = f.UnitFactory(organisation=world.organisation, region=world.home, name="州统计局")
    page = office(client, world).get(create_url(world, idle))
    assert page.context["draft"].items == []
    assert "确认发出" not in page.content.decode()


def test_unit_of_another_organisation_is_not_found(client, world):
    stranger = f.UnitFactory(organisation=world.other, region=world.other_plan.region)
    assert office(client, world).get(create_url(world, stranger)).status_code == 404


def test_download_is_the_stored_docx_with_a_chinese_filename(client, world):
    issue_form(client, world)
    notice = UrgeNotice.objects.get()
    response = client.get(reverse("notices:document", kwargs={"notice_id": notice.pk}))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    disposition = response["Content-Disposition"]
    assert f'filename="notice-{notice.pk}.docx"' in disposition
    assert f"filename*=UTF-8''{quote(notice.number + notice.title + '.docx')}" in disposition
    with notice.document.open("rb") as stored:
        assert response.content == stored.read()


def test_liaison_lists_only_its_units_notices(client, world):
    mine = notice_to(world.education, world)
    notice_to(world.police, world)
    client.force_login(world.people["liaison"])
    page = client.get(reverse("notices:list"))
    assert list(page.context["notices"]) == [mine]


def test_county_office_lists_its_countys_units_notices(client, world):
    theirs = notice_to(world.county_government, world)
    notice_to(world.education, world)
    client.force_login(world.people["county"])
    page = client.get(reverse("notices:list"))
    assert list(page.context["notices"]) == [theirs]


def test_list_filters_by_level(client, world):
    notice_to(world.education, world, "reminder")
    urge = notice_to(world.education, world, "urge")
    page = office(client, world).get(reverse("notices:list"), {"level": "urge"})
    assert list(page.context["notices"]) == [urge]


def test_unit_page_offers_the_office_a_new_notice(client, world):
    page = office(client, world).get(
        reverse("notices:unit", kwargs={"unit_id": world.education.pk})
    )
    assert create_url(world) in page.content.decode()


def test_measure_ladder_shows_the_notices_in_order(client, world):
    notice_to(world.education, world, "urge", [world.first], datetime.date(2025, 5, 21))
    notice_to(world.education, world, "reminder", [world.first], datetime.date(2025, 4, 21))
    page = office(client, world).get(
        reverse("notices:measure", kwargs={"measure_id": world.first.pk})
    )
    (ladder,) = page.context["ladders"]
    assert [n.level for n in ladder.notices] == ["reminder", "urge"]


def test_measure_ladder_shows_unit_staff_their_units_notices_only(client, world):
    notice_to(world.education, world, "reminder", [world.first])
    notice_to(world.justice, world, "reminder", [world.first])
    client.force_login(world.people["liaison"])
    page = client.get(reverse("notices:measure", kwargs={"measure_id": world.first.pk}))
    assert [ladder.unit for ladder in page.context["ladders"]] == [world.education]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _many_notices(world, count):
    measures = [f.MeasureFactory(plan=world.plan) for _ in range(count)]
    units = [
        f.UnitFactory(organisation=world.organisation, region=world.home) for _ in range(count)
    ]
    for unit, measure in zip(units, measures, strict=True):
        notice_to(unit, world, "reminder", [measure, world.first])
        notice_to(unit, world, "urge", [measure, world.first])


@pytest.mark.parametrize("name", ["notices:list", "notices:measure"], ids=["list", "ladder"])
def test_page_queries_do_not_grow_with_the_notices(client, world, name):
    kwargs = {"measure_id": world.first.pk} if name == "notices:measure" else {}
    url = reverse(name, kwargs=kwargs)
    office(client, world)
    _many_notices(world, 2)
    small = _queries(client, url)
    _many_notices(world, 20)
    assert _queries(client, url) == small


def test_draft_page_queries_do_not_grow_with_what_the_unit_owes(client, world):
    url = create_url(world)
    office(client, world)
    small = _queries(client, url)
    for _ in range(15):
        f.AssignmentFactory(measure=f.MeasureFactory(plan=world.plan), unit=world.education)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url)
    assert len(page.context["draft"].items) == 16
    assert len(captured) == small


def test_a_notice_s_items_are_called_overdue_items_never_the_office_s_adhoc_items(client, world):
    """督办事项 names the leader's instructions the office adds to a plan (plans.adhoc); a
    notice lists 逾期事项 (the detail page and the .docx said so, the form, the list and the
    unit's message said 督办事项). The list says how they are counted."""
    from taizhang.notifications.models import Notification

    draft = office(client, world).get(create_url(world))
    assert '<h2 id="owed">逾期事项</h2>' in draft.content.decode()
    assert issue_form(client, world).status_code == 302
    told = Notification.objects.get(event="notice_issued")
    assert "涉及1个逾期事项" in told.body and "督办事项" not in told.body
    listed = client.get(reverse("notices:list")).content.decode()
    assert "<th>逾期事项</th>" in listed and "口径：逾期事项为通知发出时所列的事项" in listed
    assert "督办事项" not in listed
