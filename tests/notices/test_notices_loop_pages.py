"""The closed loop on the pages: the unit signs and answers on the notice's page, the
office closes or sends back; the to-do lists what each owes; the supervision board shows
where each late item's notice stands; the notice's text counts what its table lists."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from taizhang.notices import handling
from taizhang.notices import services as notices
from taizhang.notices.models import UrgeNotice
from tests import factories as f

State = UrgeNotice.State
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
LATE = datetime.datetime(2025, 4, 21, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(LATE, tick=False):
        yield


@pytest.fixture
def notice(world):
    """A notice issued through the write path for what 州教育局 owes on measure 1."""
    today = LATE.date()
    draft = notices.draft(world.education, world.plan, today)
    return notices.issue(
        world.education, world.plan, world.people["office"], today, draft.level,
        draft.title, draft.body,
    )  # fmt: skip


def url(name, notice, **kwargs):
    return reverse(f"notices:{name}", kwargs={"notice_id": notice.pk, **kwargs})


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_unit_signs_and_answers_on_the_notice_page(client, world, notice):
    client.force_login(world.people["liaison"])
    page = client.get(url("detail", notice)).content.decode()
    assert url("sign", notice) in page and "尚未签收" in page
    assert f"<title>{notice.number} · 台账</title>" in page
    assert page.count('id="handling"') == 1

    assert client.post(url("sign", notice))["Location"] == url("detail", notice)
    page = client.get(url("detail", notice)).content.decode()
    assert "已签收" in page and url("sign", notice) not in page
    assert url("answer", notice) in page

    upload = SimpleUploadedFile("整改情况.pdf", PDF)
    response = client.post(url("answer", notice), {"text": "已补报第一季度报告。", "file": upload})
    assert response["Location"] == url("detail", notice)
    notice.refresh_from_db()
    assert notice.state == State.ANSWERED
    reply = notice.replies.get()
    download = client.get(url("reply_file", notice, reply_id=reply.pk))
    assert download.status_code == 200 and download.content == PDF
    assert "filename*=UTF-8''%E6%95%B4%E6%94%B9" in download["Content-Disposition"]


def test_an_empty_answer_shows_the_page_again_with_one_message(client, world, notice):
    client.force_login(world.people["liaison"])
    response = client.post(url("answer", notice), {"text": ""})
    assert response.status_code == 400
    assert messages_of(response) == ["请填写落实情况。"]
    assert response.context["notice"].pk == notice.pk


def test_a_file_that_is_not_what_it_says_is_refused_on_the_page(client, world, notice):
    client.force_login(world.people["liaison"])
    fake = SimpleUploadedFile("整改情况.pdf", b"<script>alert(1)</script>")
    response = client.post(url("answer", notice), {"text": "已办理。", "file": fake})
    assert response.status_code == 400
    assert "不是有效的" in messages_of(response)[0]
    assert not notice.replies.exists()


def test_the_office_closes_or_sends_back_on_the_page(client, world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    client.force_login(world.people["office"])
    page = client.get(url("detail", notice)).content.decode()
    assert url("close", notice) in page and url("send_back", notice) in page

    response = client.post(url("send_back", notice), {"comment": ""})
    assert response.status_code == 400 and messages_of(response) == ["请填写退回意见。"]

    client.post(url("send_back", notice), {"comment": "请附截图。"})
    notice.refresh_from_db()
    assert notice.state == State.RETURNED
    client.force_login(world.people["liaison"])
    page = client.get(url("detail", notice)).content.decode()
    assert "请附截图。" in page and "按退回意见重新反馈" in page


def test_the_to_do_lists_notices_until_they_are_answered(client, world, notice):
    client.force_login(world.people["liaison"])
    assert list(client.get(reverse("workspace:todo")).context["todo"].notices) == [notice]
    handling.answer(notice, world.people["liaison"], "已办理。")
    assert client.get(reverse("workspace:todo")).context["todo"].notices == []

    client.force_login(world.people["office"])
    todo = client.get(reverse("workspace:todo")).context["todo"]
    assert todo.notices_to_settle == [notice]
    handling.close(notice, world.people["office"])
    assert client.get(reverse("workspace:todo")).context["todo"].notices_to_settle == []


def test_only_who_settles_answers_has_them_on_the_to_do(client, world, notice):
    """A county office issues notices on its own plan but settles no answer (the office
    does): an answered notice on its to-do was a link to a page it may not open."""
    handling.answer(notice, world.people["liaison"], "已办理。")
    client.force_login(world.people["county"])
    assert client.get(reverse("workspace:todo")).context["todo"].notices_to_settle == []
    assert client.get(url("detail", notice)).status_code == 403
    client.force_login(world.people["office"])
    assert client.get(reverse("workspace:todo")).context["todo"].notices_to_settle == [notice]


def test_a_notice_sent_back_returns_to_the_unit_to_do(client, world, notice):
    handling.answer(notice, world.people["liaison"], "已办理。")
    handling.send_back(notice, world.people["office"], "请补充。")
    client.force_login(world.people["liaison"])
    page = client.get(reverse("workspace:todo"))
    assert page.context["todo"].notices == [notice]
    assert "退回重办" in page.content.decode()


def test_other_units_do_not_see_the_notice_on_their_to_do(client, world, notice):
    client.force_login(world.people["reviewer"])
    assert client.get(reverse("workspace:todo")).context["todo"].notices == []


@pytest.mark.usefixtures("pages_not_kept")  # reads the computed context (tests/freshness: kept)
def test_the_board_shows_where_each_item_notice_stands(client, world, notice):
    board = reverse("supervision:board", kwargs={"plan_id": world.plan.pk}) + "?view=list"
    client.force_login(world.people["office"])

    def follow_up(unit):
        items = client.get(board).context["page"].items
        return [
            i.follow_up.label if i.follow_up else "未催办" for i in items if i.unit_id == unit.pk
        ]

    assert follow_up(world.education) == ["未签收"]
    assert follow_up(world.police) == ["未催办"]
    handling.sign(notice, world.people["liaison"])
    assert follow_up(world.education) == ["已签收"]
    handling.answer(notice, world.people["liaison"], "已办理。")
    assert follow_up(world.education) == ["已反馈"]
    handling.close(notice, world.people["office"])
    assert follow_up(world.education) == ["已办结"]
    assert "已办结" in client.get(board).content.decode()


def test_each_page_reads_the_addressee_s_state_and_the_reminders_apart(client, world, notice):
    """Not signed for: 未签收 (never 已催办, which says only that it was sent) on the
    office's list, the unit's list, the notice page and the unit's to-do; the reminder
    the scan sends is a fact of its own (已提醒1次), kept after the unit signs; signed:
    已签收 with its time."""
    from taizhang.supervision.reminders import due_reminders, setting
    from taizhang.workdays import add_working_days

    def state_on(page_url, person) -> str:
        client.force_login(world.people[person])
        page = client.get(page_url).content.decode()
        row = next(r for r in page.split("<tr") if notice.number in r or "办理状态</dt>" in r)
        return row.split('data-label="办理状态">', 1)[-1].split("</td>", 1)[0]

    office_list = reverse("notices:list")
    unit_list = reverse("notices:unit", kwargs={"unit_id": world.education.pk})
    todo = reverse("workspace:todo")
    for page_url, person in [(office_list, "office"), (unit_list, "office"), (todo, "liaison")]:
        shown = state_on(page_url, person)
        assert "未签收" in shown and "已催办" not in shown and "已提醒" not in shown, page_url
    client.force_login(world.people["office"])
    page = client.get(url("detail", notice)).content.decode()
    assert "未签收" in page and "已催办" not in page and "未提醒" in page

    later = add_working_days(LATE.date(), setting("NOTICE_UNSIGNED_WORKING_DAYS"))
    for reminder in due_reminders(later, [world.organisation]):
        reminder.send()
    assert "未签收" in state_on(office_list, "office")
    assert "已提醒1次" in state_on(office_list, "office")
    client.force_login(world.people["office"])
    assert "已提醒1次" in client.get(url("detail", notice)).content.decode()

    handling.sign(notice, world.people["liaison"])
    notice.refresh_from_db()
    signed_at = timezone.localtime(notice.signed_at)
    shown = state_on(office_list, "office")
    assert "已签收" in shown and "未签收" not in shown and "已提醒1次" in shown
    assert f"{signed_at.month}月{signed_at.day}日 {signed_at:%H:%M}</span>" in shown


# -- the text counts what the table lists --------------------------------------------------


@pytest.fixture
def two_measures_late(world):
    """州教育局 late on measures 1 and 2 (two items, two tasks)."""
    from taizhang.plans.models import Assignment

    f.AssignmentFactory(
        measure=world.second, unit=world.education, role=Assignment.Role.RESPONSIBLE
    )
    return notices.draft(world.education, world.plan, LATE.date())


def test_keeping_fewer_items_recounts_the_drafted_body(world, two_measures_late):
    draft = two_measures_late
    assert "有2项事项逾期未完成" in draft.body
    kept = [draft.items[0]["key"]]
    notice = notices.issue(
        world.education, world.plan, world.people["office"], LATE.date(), draft.level,
        draft.title, draft.body, kept,
    )  # fmt: skip
    assert "有1项事项逾期未完成" in notice.body and "2项事项" not in notice.body
    assert len(notices.rows_of(notice.items)) == 1


def test_a_count_the_office_wrote_that_disagrees_with_the_table_is_refused(
    world, two_measures_late
):
    draft = two_measures_late
    with pytest.raises(Exception, match="正文写的是“32项任务的34个事项”，而通知所列为1项事项"):
        notices.issue(
            world.education, world.plan, world.people["office"], LATE.date(), draft.level,
            draft.title, "你单位有32项任务的34个事项逾期未完成。", [draft.items[0]["key"]],
        )  # fmt: skip
    assert not UrgeNotice.objects.exists()


def test_redrafting_counts_the_ticked_items(client, world, two_measures_late):
    draft = two_measures_late
    client.force_login(world.people["office"])
    redraft = reverse(
        "notices:redraft", kwargs={"plan_id": world.plan.pk, "unit_id": world.education.pk}
    )
    response = client.post(redraft, {"level": "reminder", "items": [draft.items[1]["key"]]})
    assert "有1项事项逾期未完成" in response.context["form"]["body"].value()


def test_nothing_ticked_is_refused_with_its_own_message(world, two_measures_late):
    draft = two_measures_late
    with pytest.raises(Exception, match="请至少勾选一个逾期事项"):
        notices.issue(
            world.education, world.plan, world.people["office"], LATE.date(), draft.level,
            draft.title, draft.body, [],
        )  # fmt: skip
