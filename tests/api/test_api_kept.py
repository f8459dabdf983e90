"""The report list's JSON page is kept (taizhang.freshness) — and nobody is ever shown a
page kept for someone who sees other rows, and a write shows on the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from taizhang.api.tokens import issue_token

pytestmark = pytest.mark.django_db
LIST = reverse("api:report-list")


def ids(client, **params) -> list[int]:
    response = client.get(LIST, params)
    assert response.status_code == 200
    return [report["id"] for report in response.json()["results"]]


def drawn_afresh(settings, client, **params) -> list[int]:
    settings.TAIZHANG_KEEP_PAGES = False
    try:
        return ids(client, **params)
    finally:
        settings.TAIZHANG_KEEP_PAGES = True


def test_people_of_other_scopes_and_organisations_never_share_a_kept_page(
    api, world, reports, settings
):
    clients = {role: api(role) for role in ("office", "liaison", "county", "outsider")}
    own = {role: drawn_afresh(settings, client) for role, client in clients.items()}
    assert set(own["liaison"]) == {reports["education"].pk}
    assert set(own["county"]) == {reports["county"].pk}
    assert set(own["office"]) == {r.pk for r in reports.values()}
    assert own["outsider"] == []
    for _ in range(2):  # drawn, then kept: each sees only their own rows, in every order
        for role, client in clients.items():
            assert ids(client) == own[role], role
            assert ids(client, plan=world.plan.pk) == own[role], role


def test_a_token_and_a_session_of_the_same_person_see_the_same_kept_page(api, world, reports):
    session = api("liaison")
    token = APIClient()
    token.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(world.people['liaison'])}")
    assert ids(session) == ids(token) == [reports["education"].pk]
    stranger = APIClient()
    stranger.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert stranger.get(LIST).status_code == 401  # kept pages are behind authentication


def test_a_write_through_the_api_shows_on_the_next_request(api, reports):
    office, liaison = api("office"), api("liaison")
    report = reports["education"]

    def narrative(client):
        found = {r["id"]: r for r in client.get(LIST).json()["results"]}
        return found[report.pk]["narrative"]

    assert narrative(office) == narrative(liaison) == "已开展宣传"
    saved = liaison.patch(
        reverse("api:report-detail", kwargs={"report_id": report.pk}),
        {"narrative": "已完成培训", "version": report.version},
        format="json",
    )
    assert saved.status_code == 200, saved.content
    assert narrative(office) == narrative(liaison) == "已完成培训"


def test_a_kept_page_costs_the_sign_in_and_the_stamp(api, reports):
    client = api("office")
    first = client.get(LIST)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(LIST)
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    # the session, the person (with their unread count), the organisation's stamp
    assert len(captured) == 3
    assert not any("reporting_progressreport" in q["sql"] for q in captured)


def test_a_bad_cursor_is_refused_before_and_after_a_page_is_kept(api, reports):
    client = api("office")
    for _ in range(2):
        assert client.get(LIST, {"cursor": "bz14"}).status_code == 400
        assert client.get(LIST).status_code == 200
