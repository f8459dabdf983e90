"""What a second look at a kept page costs: the session, the person (loaded with their
unit, region, organisation and unread count), the page's own object where it has one, and
the organisation's stamp — no permission tables, whatever the menu asks."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.notifications.models import Channel, Delivery, Event, Notification
from taizhang.plans.models import Assignment
from taizhang.reporting import services
from tests import factories as f

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
        notification = Notification.objects.create(
            organisation=world.organisation,
            event=Event.values[0],
            key=key,
            title="催报",
            body="请报送",
        )
        Delivery.objects.create(
            notification=notification, recipient=person, channel=Channel.IN_APP, target=key
        )
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
