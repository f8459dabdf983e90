"""What a second look at a kept page costs: the session, the person (loaded with their
unit, region, organisation and unread count), the page's own object where it has one, and
the organisation's stamp — no permission tables, whatever the menu asks."""

import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.assessment.results import LATEST_RESPONSE
from taizhang.freshness import kept as kept_module
from taizhang.plans.models import Assignment
from taizhang.reporting import services
from taizhang.surveys.models import Survey
from tests import factories as f
from tests.notifications.builders import deliver
from tests.surveys.builders import respond, survey_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def written(world):
    """One change through a write path, so the organisation has a stamp."""
    assignment = Assignment.objects.get(measure=world.first, unit=world.education)
    report = services.start_report(assignment, world.period)
    services.save_draft(report, world.people["liaison"], {"narrative": "已部署"}, report.version)


def second_look(person, url) -> tuple[str, list[str]]:
    client = Client()
    client.force_login(person)
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in captured]


@pytest.mark.usefixtures("written")
def test_a_kept_to_do_costs_three_queries(world):
    _, queries = second_look(world.people["liaison"], reverse("workspace:todo"))
    assert len(queries) == 3, queries
    assert not any("auth_permission" in sql for sql in queries)


@pytest.mark.usefixtures("written")
def test_a_kept_ranking_costs_four_queries(world):
    scheme = f.SchemeFactory(plan=world.plan)
    f.IndicatorFactory(scheme=scheme)
    url = reverse("assessment:ranking", kwargs={"scheme_id": scheme.pk})
    _, queries = second_look(world.people["office"], url)
    # the session, the person, the scheme, the stamp with the latest survey response
    assert len(queries) == 4, queries
    assert "surveys_response" in queries[-1]


@pytest.mark.usefixtures("written")
def test_the_frame_still_shows_the_person_and_their_unread_count(world):
    liaison = world.people["liaison"]
    for key, person in (("a", liaison), ("b", liaison), ("c", world.people["office"])):
        deliver(person, key)
    page, _ = second_look(liaison, reverse("workspace:todo"))
    assert 'aria-label="2 条未读"' in page
    assert world.education.name in page and world.organisation.name in page


def test_passwords_still_sign_in_and_model_permissions_grant_nothing(world):
    liaison = world.people["liaison"]
    liaison.set_password("正确的密码1")
    liaison.save()
    login = reverse("accounts:login")
    client = Client()
    client.post(login, {"username": liaison.username, "password": "错误"})
    assert client.get(reverse("workspace:todo")).status_code == 302
    signed_in = client.post(login, {"username": liaison.username, "password": "正确的密码1"})
    assert signed_in.headers["Location"] == reverse("workspace:todo")
    assert client.get(reverse("workspace:todo")).status_code == 200
    # the rules answer; Django's model permissions (never granted) add nothing
    assert liaison.get_all_permissions() == set()
    assert not liaison.has_perm("reporting.manage_periods")
    assert world.people["office"].has_perm("reporting.manage_periods")


@pytest.mark.usefixtures("written")
def test_a_kept_page_shows_each_request_its_own_unread_count(world):
    """A message reaches the person without an audit entry: the kept page (the same
    stamp) still shows the new count on the next look."""
    liaison = world.people["liaison"]
    client = Client()
    client.force_login(liaison)
    todo = reverse("workspace:todo")
    assert "条未读" not in client.get(todo).content.decode()
    deliver(liaison, "a")
    assert 'aria-label="1 条未读"' in client.get(todo).content.decode()
    deliver(liaison, "b")
    assert 'aria-label="2 条未读"' in client.get(todo).content.decode()


def test_a_kept_page_shows_a_one_off_message_once(world):
    """The dashboards' menu entry, for an office without a plan, says why it landed on
    the (kept) plan list; the next look at the list does not say it again."""
    office = f.UserFactory(organisation=f.OrganisationFactory(), role=world.people["office"].role)
    client = Client()
    client.force_login(office)
    plans = reverse("ledger:list")
    said = "导入方案后即可查看数据看板"
    assert said not in client.get(plans).content.decode()  # kept now
    landed = client.get(reverse("dashboards:home"), follow=True)
    assert landed.redirect_chain[-1][0] == plans
    assert said in landed.content.decode()
    assert said not in client.get(plans).content.decode()


@pytest.mark.usefixtures("written")
def test_the_kept_frame_names_the_person_as_they_are_now(world):
    """The frame is kept with the page; a change of the person's name or unit made outside
    any write path (no new stamp) still shows on the next look."""
    liaison = world.people["liaison"]
    client = Client()
    client.force_login(liaison)
    todo = reverse("workspace:todo")
    before = client.get(todo).content.decode()
    assert str(liaison) in before and world.education.name in before
    User = type(liaison)
    User.objects.filter(pk=liaison.pk).update(display_name="改名后的联络员")
    assert "改名后的联络员" in client.get(todo).content.decode()
    User.objects.filter(pk=liaison.pk).update(unit=world.justice)
    after = client.get(todo).content.decode()
    assert world.justice.name in after.split("</header>")[0]


def without_tokens(html: str) -> str:
    """The page with each request's CSRF token taken out (the one thing that differs)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


@pytest.mark.usefixtures("written")
def test_a_kept_page_is_the_page_drawn_afresh(world, settings):
    """Frame and body: the kept page, served again, is byte for byte the page drawn
    without keeping (the menu's current section, the person, the unread count)."""
    scheme = f.SchemeFactory(plan=world.plan)
    f.IndicatorFactory(scheme=scheme)
    on_plan = {"plan_id": world.plan.pk}
    pages = [
        (world.people["liaison"], reverse("workspace:todo")),
        (world.people["office"], reverse("ledger:ledger", kwargs=on_plan)),
        (world.people["office"], reverse("dashboards:plan", kwargs=on_plan)),
        (world.people["office"], reverse("supervision:board", kwargs=on_plan)),
        (world.people["office"], reverse("assessment:ranking", kwargs={"scheme_id": scheme.pk})),
    ]
    deliver(world.people["liaison"], "a")
    for person, url in pages:
        client = Client()
        client.force_login(person)
        client.get(url)
        kept_page = client.get(url).content.decode()
        settings.TAIZHANG_KEEP_PAGES = False
        drawn = client.get(url).content.decode()
        settings.TAIZHANG_KEEP_PAGES = True
        assert 'class="active"' in drawn
        assert without_tokens(kept_page) == without_tokens(drawn), url


def test_the_rankings_key_follows_its_organisations_latest_survey_response(world):
    """Survey answers are anonymous (no audit entry): the ranking's key reads the
    organisation's newest response in the stamp's statement, and only its own."""
    ours = survey_with(world.organisation, world.plan)
    theirs = survey_with(world.other, world.other_plan)
    entry = kept_module.stamp(world.organisation.pk)
    assert kept_module.stamps(world.organisation.pk, [LATEST_RESPONSE]) == (entry, None)
    first = respond(ours, world.county)
    respond(ours, world.county)
    newest = respond(survey_with(world.organisation, title="第二份问卷"), world.county)
    entry = kept_module.stamp(world.organisation.pk)
    assert kept_module.stamps(world.organisation.pk, [LATEST_RESPONSE]) == (entry, newest.pk)
    respond(theirs, world.county)  # another organisation's answer changes nothing here
    assert kept_module.stamps(world.organisation.pk, [LATEST_RESPONSE]) == (entry, newest.pk)
    assert first.pk < newest.pk
    # an organisation with no audit entry yet still has its newest response read
    quiet = f.OrganisationFactory()
    assert kept_module.stamps(quiet.pk, [LATEST_RESPONSE]) == (0, None)
    unaudited = Survey.objects.create(organisation=quiet, title="未经写入路径的问卷")
    answer = respond(unaudited, world.county)
    assert kept_module.stamps(quiet.pk, [LATEST_RESPONSE]) == (0, answer.pk)


def test_many_asking_at_once_compute_a_page_once(monkeypatch, settings):
    """Requests for one key that arrive while it is being computed wait for that
    computation (one process's threads, as gunicorn's) instead of computing it again."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    asking = 6
    entered, computed = [], []
    monkeypatch.setattr(kept_module, "stamps", lambda *args: entered.append(1) or (1,))

    def compute():
        computed.append(1)
        # everyone has asked before the first computation ends
        deadline = time.monotonic() + 10
        while len(entered) < asking and time.monotonic() < deadline:
            time.sleep(0.001)
        return "页面"

    with ThreadPoolExecutor(asking) as pool:
        answers = list(pool.map(lambda _: kept_module.kept("p", 1, compute), range(asking)))
    assert answers == ["页面"] * asking and len(entered) == asking
    assert len(computed) == 1
