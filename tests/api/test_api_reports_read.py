"""Reading progress reports: who sees which, filters, and what a report shows."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from taizhang.reporting import services
from taizhang.reporting.models import Evidence

pytestmark = pytest.mark.django_db


def listed(client, query=None):
    response = client.get(reverse("api:report-list"), query or {})
    assert response.status_code == 200
    return sorted(r["unit"]["name"] for r in response.json()["results"])


def detail(client, report):
    return client.get(reverse("api:report-detail", kwargs={"report_id": report.pk}))


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("office", ["州公安局", "州司法局", "州教育局", "甲县人民政府"]),
        ("leader", ["州公安局", "州司法局", "州教育局", "甲县人民政府"]),
        ("liaison", ["州教育局"]),
        # its own lead report and the responsible units' reports on the measure it leads
        ("reviewer", ["州司法局", "州教育局", "甲县人民政府"]),
        ("county", ["甲县人民政府"]),
        ("outsider", []),
    ],
)
def test_report_list_per_role(api, reports, role, expected):
    assert listed(api(role)) == expected


def test_liaison_gets_403_for_another_units_report(api, reports):
    assert detail(api("liaison"), reports["police"]).status_code == 403


def test_outsider_gets_404_for_a_report(api, reports):
    assert detail(api("outsider"), reports["education"]).status_code == 404


def test_reports_filter_by_state(api, reports):
    reports["police"].state = "submitted"
    reports["police"].save()
    assert listed(api("office"), {"state": "submitted"}) == ["州公安局"]


def test_reports_filter_by_unit(api, world, reports):
    assert listed(api("office"), {"unit": world.education.pk}) == ["州教育局"]


def test_reports_filter_by_period(api, world, reports):
    from tests import factories as f

    later = f.PeriodFactory(plan=world.plan)
    assert listed(api("office"), {"period": later.pk}) == []


def test_unknown_state_is_400(api, reports):
    response = api("office").get(reverse("api:report-list"), {"state": "lost"})
    assert response.status_code == 400
    assert "state" in response.json()["detail"]


def test_report_shows_status_state_narrative_and_versions_count(api, world, reports):
    report = reports["education"]
    services.save_draft(report, world.people["liaison"], {"status": "in_progress"}, 1)
    body = detail(api("leader"), report).json()
    assert body["status"] == "in_progress"
    assert body["status_display"] == "推进中"
    assert body["state"] == "draft"
    assert body["narrative"] == "已开展宣传"
    assert body["versions_count"] == 1
    assert body["version"] == 2


def test_report_shows_evidence_names_but_not_the_files(api, world, reports, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    Evidence.objects.create(
        report=reports["education"],
        file=ContentFile(b"%PDF-1.4", name="plan.pdf"),
        original_name="宣传活动照片.pdf",
        content_type="application/pdf",
        size=8,
        uploaded_by=world.people["liaison"],
    )
    body = detail(api("office"), reports["education"]).json()
    assert [e["name"] for e in body["evidence"]] == ["宣传活动照片.pdf"]
    assert "file" not in body["evidence"][0]
    assert "evidence/" not in str(body)


@pytest.fixture
def evidence(world, reports, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Evidence.objects.create(
        report=reports["education"],
        file=ContentFile(b"%PDF-1.4 evidence", name="proof.pdf"),
        original_name="台账.pdf",
        content_type="application/pdf",
        size=17,
        uploaded_by=world.people["liaison"],
    )


def download(client, evidence):
    return client.get(
        reverse(
            "api:evidence-download",
            kwargs={"report_id": evidence.report_id, "evidence_id": evidence.pk},
        )
    )


def test_who_may_read_the_report_downloads_its_evidence(api, evidence):
    response = download(api("reviewer"), evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 evidence"


def test_county_office_may_not_download_another_units_evidence(api, evidence):
    assert download(api("county"), evidence).status_code == 403


def test_outsider_gets_404_for_evidence(api, evidence):
    assert download(api("outsider"), evidence).status_code == 404
