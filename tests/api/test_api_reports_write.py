"""Filing reports through the API: draft, update with optimistic locking, submit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.reporting.models import IndicatorValue, ProgressReport
from tests import factories as f

pytestmark = pytest.mark.django_db


def create(client, world, **body):
    payload = {"measure": world.first.pk, "period": world.period.pk, **body}
    return client.post(reverse("api:report-list"), payload, format="json")


def patch(client, report, **body):
    url = reverse("api:report-detail", kwargs={"report_id": report.pk})
    return client.patch(url, body, format="json")


def submit(client, report, version):
    url = reverse("api:report-submit", kwargs={"report_id": report.pk})
    return client.post(url, {"version": version}, format="json")


# -- creating a draft -------------------------------------------------------------------


def test_liaison_creates_a_draft_for_its_unit(api, world):
    response = create(api("liaison"), world, narrative="开展普法宣传3次", status="in_progress")
    assert response.status_code == 201
    body = response.json()
    assert (body["unit"]["name"], body["state"], body["status"]) == (
        "州教育局",
        "draft",
        "in_progress",
    )
    assert ProgressReport.objects.get(pk=body["id"]).narrative == "开展普法宣传3次"


def test_creating_a_draft_is_audited(api, world):
    report_id = create(api("liaison"), world, narrative="已部署").json()["id"]
    assert AuditEntry.objects.filter(object_type="progressreport", object_id=str(report_id))


def test_liaison_may_not_create_a_report_for_another_unit(api, world):
    response = create(api("liaison"), world, unit=world.justice.pk, narrative="代填")
    assert response.status_code == 403
    assert not ProgressReport.objects.exists()


def test_leader_may_not_create_a_report(api, world):
    response = create(api("leader"), world, unit=world.justice.pk, narrative="代填")
    assert response.status_code == 403


def test_county_office_files_for_its_countys_unit(api, world):
    response = create(api("county"), world, unit=world.county_government.pk, narrative="已部署")
    assert response.status_code == 201


def test_creating_a_second_report_for_the_same_period_is_409(api, world, reports):
    response = create(api("liaison"), world, narrative="再报一次")
    assert response.status_code == 409
    assert response.json()["report"] == reports["education"].pk


def test_creating_on_another_organisations_measure_is_refused(api, world):
    foreign = f.MeasureFactory(plan=world.other_plan)
    response = create(api("liaison"), world, measure=foreign.pk, narrative="越界")
    assert response.status_code == 400
    assert response.json()["detail"] == "找不到该任务。"


def test_indicator_values_of_the_measure_are_saved(api, world):
    target = f.TargetFactory(measure=world.first)
    values = [{"target": target.pk, "value": 96.5, "source": "统计年报"}]
    response = create(api("liaison"), world, narrative="达标", values=values)
    assert response.status_code == 201
    assert IndicatorValue.objects.get(target=target).value == 96.5


def test_a_target_of_another_measure_is_400(api, world):
    target = f.TargetFactory(measure=world.second)
    values = [{"target": target.pk, "value": 1}]
    response = create(api("liaison"), world, narrative="达标", values=values)
    assert response.status_code == 400
    assert not ProgressReport.objects.exists()


# -- updating a draft -------------------------------------------------------------------


def test_liaison_saves_its_draft_with_the_current_version(api, reports):
    report = reports["education"]
    response = patch(api("liaison"), report, version=1, narrative="新进展")
    assert response.status_code == 200
    assert response.json()["version"] == 2
    report.refresh_from_db()
    assert report.narrative == "新进展"


def test_a_stale_version_is_409_and_changes_nothing(api, reports):
    report = reports["education"]
    patch(api("liaison"), report, version=1, narrative="第一次")
    response = patch(api("liaison"), report, version=1, narrative="覆盖")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale_version"
    assert body["current_version"] == 2
    assert "已被他人修改" in body["detail"]
    report.refresh_from_db()
    assert report.narrative == "第一次"


def test_saving_without_a_version_is_400(api, reports):
    response = patch(api("liaison"), reports["education"], narrative="无版本")
    assert response.status_code == 400
    assert "version" in response.json()["fields"]


def test_an_unknown_status_is_400(api, reports):
    response = patch(api("liaison"), reports["education"], version=1, status="finished")
    assert response.status_code == 400


def test_leader_may_not_edit_a_report(api, reports):
    assert patch(api("leader"), reports["education"], version=1, narrative="x").status_code == 403


def test_reviewer_may_not_edit_a_responsible_units_report(api, reports):
    response = patch(api("reviewer"), reports["education"], version=1, narrative="x")
    assert response.status_code == 403


def test_system_administrator_may_not_edit_a_report(api, reports):
    response = patch(api("sysadmin"), reports["education"], version=1, narrative="x")
    assert response.status_code == 403


def test_outsider_gets_404_when_editing(api, reports):
    response = patch(api("outsider"), reports["education"], version=1, narrative="x")
    assert response.status_code == 404


# -- submitting -------------------------------------------------------------------------


def test_liaison_submits_its_report(api, reports):
    response = submit(api("liaison"), reports["education"], 1)
    assert response.status_code == 200
    assert response.json()["state"] == "submitted"


def test_submitting_without_a_narrative_is_400_with_the_reason(api, reports):
    response = submit(api("reviewer"), reports["justice"], 1)
    assert response.status_code == 400
    assert "请填写进展情况" in response.json()["detail"]


def test_submitting_a_stale_version_is_409(api, reports):
    patch(api("liaison"), reports["education"], version=1, narrative="改过")
    response = submit(api("liaison"), reports["education"], 1)
    assert response.status_code == 409
    assert response.json()["code"] == "stale_version"


def test_a_submitted_report_can_no_longer_be_edited(api, reports):
    submit(api("liaison"), reports["education"], 1)
    response = patch(api("liaison"), reports["education"], version=2, narrative="补充")
    assert response.status_code == 409
    assert response.json()["code"] == "invalid_state"


def test_a_null_value_removes_the_reported_value(api, world, reports):
    target = f.TargetFactory(measure=world.first)
    client = api("liaison")
    patch(client, reports["education"], version=1, values=[{"target": target.pk, "value": 80}])
    response = patch(
        client, reports["education"], version=2, values=[{"target": target.pk, "value": None}]
    )
    assert response.status_code == 200
    assert not IndicatorValue.objects.filter(target=target).exists()
