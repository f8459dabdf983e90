"""Reviewing reports through the API: the lead unit reviews responsible units' reports,
the office the lead unit's own report."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.reporting import services
from taizhang.reporting.models import Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(world, reports):
    """The 教育局's report (responsible) and the 司法局's (lead), both submitted."""
    services.submit(reports["education"], world.people["liaison"], 1)
    services.save_draft(reports["justice"], world.people["reviewer"], {"narrative": "汇总"}, 1)
    services.submit(reports["justice"], world.people["reviewer"], 2)
    return reports


def review(client, report, version, decision="accept", comment=""):
    url = reverse("api:report-review", kwargs={"report_id": report.pk})
    body = {"version": version, "decision": decision, "comment": comment}
    return client.post(url, body, format="json")


def test_lead_unit_reviewer_accepts_a_responsible_units_report(api, submitted):
    response = review(api("reviewer"), submitted["education"], 2)
    assert response.status_code == 200
    assert response.json()["state"] == "accepted"
    assert Review.objects.get().stage == "lead"


def test_lead_unit_reviewer_returns_with_a_comment(api, submitted):
    response = review(api("reviewer"), submitted["education"], 2, "return", "请补充佐证材料")
    assert response.json()["state"] == "returned"
    assert response.json()["reviews"][0]["comment"] == "请补充佐证材料"


def test_returning_without_a_comment_is_400(api, submitted):
    response = review(api("reviewer"), submitted["education"], 2, "return")
    assert response.status_code == 400
    assert response.json()["detail"] == "退回时请填写退回意见。"


def test_office_reviews_the_lead_units_report(api, submitted):
    response = review(api("office"), submitted["justice"], 3)
    assert response.status_code == 200
    assert Review.objects.get().stage == "office"


def test_office_may_settle_a_responsible_units_report(api, submitted):
    assert review(api("office"), submitted["education"], 2).status_code == 200


def test_liaison_may_not_review(api, submitted):
    assert review(api("liaison"), submitted["education"], 2).status_code == 403


def test_leader_may_not_review(api, submitted):
    assert review(api("leader"), submitted["justice"], 3).status_code == 403


def test_reviewer_may_not_review_its_own_lead_report(api, submitted):
    assert review(api("reviewer"), submitted["justice"], 3).status_code == 403


def test_outsider_gets_404_when_reviewing(api, submitted):
    assert review(api("outsider"), submitted["education"], 2).status_code == 404


def test_reviewing_a_draft_is_409(api, reports):
    response = review(api("reviewer"), reports["county"], 1)
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_state"


def test_reviewing_a_stale_version_is_409(api, submitted):
    response = review(api("reviewer"), submitted["education"], 1)
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"


def test_an_unknown_decision_is_400(api, submitted):
    assert review(api("reviewer"), submitted["education"], 2, "maybe").status_code == 400
