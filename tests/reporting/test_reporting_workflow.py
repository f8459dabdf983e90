"""The reporting workflow through the pages: draft, submit, lead review with return and
resubmit, the lead unit's report to the office, typical practices."""

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport, Review
from tests.reporting.conftest import report_form


def _report(assignment, period):
    return ProgressReport.objects.get(assignment=assignment, period=period)


def _review(client, report, decision, comment=""):
    return client.post(
        reverse("reporting:review", kwargs={"report_id": report.pk}),
        {"version": report.version, "decision": decision, "comment": comment},
    )


def test_saving_a_draft_creates_version_one(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    response = client.post(form_url(assignments.education, world.period), report_form())
    assert response.status_code == 302
    report = _report(assignments.education, world.period)
    assert (report.state, report.version, report.narrative) == (
        "draft",
        1,
        "开展宪法宣传活动12场。",
    )
    assert [v.number for v in report.versions.all()] == [1]


def test_submitting_saves_the_form_and_submits(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    client.post(form_url(assignments.education, world.period), report_form(submit=True))
    report = _report(assignments.education, world.period)
    assert report.state == "submitted" and report.submitted_at is not None
    assert [v.action for v in report.versions.all()] == ["save", "submit"]


def test_submitting_without_a_narrative_is_refused_with_a_message(
    client, world, assignments, form_url
):
    client.force_login(world.people["liaison"])
    response = client.post(
        form_url(assignments.education, world.period), report_form(narrative="", submit=True)
    )
    assert response.status_code == 400
    assert "请填写进展情况后再提交审核" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_values_and_evidence_are_saved_with_the_report(client, world, assignments, form_url, files):
    from tests.factories import TargetFactory

    target = TargetFactory(measure=world.first)
    client.force_login(world.people["liaison"])
    data = report_form(**{f"value_{target.pk}": "96.5", f"source_{target.pk}": "州教育局统计"})
    data["files"] = [files.pdf("宣传活动总结.pdf"), files.png("现场照片.png")]
    client.post(form_url(assignments.education, world.period), data)
    report = _report(assignments.education, world.period)
    value = report.values.get()
    assert (value.value, value.source) == (96.5, "州教育局统计")
    assert sorted(e.original_name for e in report.evidence.all()) == [
        "宣传活动总结.pdf",
        "现场照片.png",
    ]
    assert report.versions.get().snapshot["evidence"]


def test_a_value_that_is_not_a_number_gets_a_chinese_message(client, world, assignments, form_url):
    from tests.factories import TargetFactory

    target = TargetFactory(measure=world.first)
    client.force_login(world.people["liaison"])
    response = client.post(
        form_url(assignments.education, world.period),
        report_form(**{f"value_{target.pk}": "九十"}),
    )
    assert response.status_code == 400
    assert "的实际值请填写数字" in response.content.decode()


def test_a_submitted_report_is_shown_read_only_to_the_unit(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    url = form_url(assignments.education, world.period)
    client.post(url, report_form(submit=True))
    page = client.get(url).content.decode()
    assert "等待审核期间不能修改" in page and 'name="narrative"' not in page
    assert client.post(url, report_form(version=2)).status_code == 403


def test_full_lead_review_cycle_return_fix_resubmit_accept(client, world, assignments, form_url):
    liaison, reviewer = world.people["liaison"], world.people["reviewer"]
    url = form_url(assignments.education, world.period)
    client.force_login(liaison)
    client.post(url, report_form(submit=True))
    report = _report(assignments.education, world.period)

    client.force_login(reviewer)
    assert _review(client, report, "return", "请补充宣传活动的覆盖人数。").status_code == 302
    report.refresh_from_db()
    assert report.state == "returned"

    client.force_login(liaison)
    page = client.get(url).content.decode()
    assert "请补充宣传活动的覆盖人数。" in page and 'name="narrative"' in page
    client.post(url, report_form(version=report.version, narrative="覆盖2万人。", submit=True))
    report.refresh_from_db()
    assert report.state == "submitted" and report.narrative == "覆盖2万人。"

    client.force_login(reviewer)
    _review(client, report, "accept")
    report.refresh_from_db()
    assert report.state == "accepted"
    assert [r.decision for r in report.reviews.all()] == ["return", "accept"]
    assert {r.stage for r in report.reviews.all()} == {"lead"}


def test_returning_without_a_comment_is_refused(client, world, assignments):
    report = services.start_report(assignments.education, world.period)
    report = services.save_draft(report, world.people["liaison"], {"narrative": "进展"}, 0)
    report = services.submit(report, world.people["liaison"], report.version)
    client.force_login(world.people["reviewer"])
    response = _review(client, report, "return", "  ")
    assert response.status_code == 400
    assert "退回时请填写退回意见" in response.content.decode()
    report.refresh_from_db()
    assert report.state == "submitted" and not Review.objects.exists()


def test_reviewing_a_draft_is_refused(world, assignments):
    report = services.start_report(assignments.education, world.period)
    report = services.save_draft(report, world.people["liaison"], {"narrative": "进展"}, 0)
    with pytest.raises(services.WorkflowError):
        services.review(report, world.people["reviewer"], "accept", "", report.version)


def _lead_report_submitted(world, assignments):
    reviewer = world.people["reviewer"]  # a 司法局 person also files the 司法局's report
    report = services.start_report(assignments.lead, world.period)
    report = services.save_draft(report, reviewer, {"narrative": "汇总：全州开展活动30场。"}, 0)
    return services.submit(report, reviewer, report.version)


def test_the_office_accepts_the_lead_units_report(client, world, assignments):
    report = _lead_report_submitted(world, assignments)
    client.force_login(world.people["office"])
    _review(client, report, "accept")
    report.refresh_from_db()
    assert report.state == "accepted" and report.reviews.get().stage == "office"


def test_the_office_returns_the_lead_units_report_with_a_comment(client, world, assignments):
    report = _lead_report_submitted(world, assignments)
    client.force_login(world.people["office"])
    _review(client, report, "return", "请汇总甲县的情况。")
    report.refresh_from_db()
    assert report.state == "returned"
    assert report.reviews.get().comment == "请汇总甲县的情况。"


def test_the_lead_reviewer_cannot_review_its_own_units_report(client, world, assignments):
    report = _lead_report_submitted(world, assignments)
    client.force_login(world.people["reviewer"])
    assert _review(client, report, "accept").status_code == 403


def test_the_lead_units_form_shows_the_responsible_units_reports(
    client, world, assignments, form_url
):
    report = services.start_report(assignments.education, world.period)
    services.save_draft(
        report, world.people["liaison"], {"narrative": "教育局开展进校园活动", "status": "done"}, 0
    )
    client.force_login(world.people["reviewer"])
    page = client.get(form_url(assignments.lead, world.period)).content.decode()
    assert "责任单位报送情况" in page
    assert "教育局开展进校园活动" in page
    assert "甲县人民政府" in page and "尚未填报" in page


def test_the_office_marks_an_accepted_report_as_typical_practice(client, world, assignments):
    report = _lead_report_submitted(world, assignments)
    client.force_login(world.people["office"])
    response = client.post(
        reverse("reporting:highlight", kwargs={"report_id": report.pk}), {"highlight": "1"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.highlight
    assert AuditEntry.objects.filter(action="highlight", object_id=str(report.pk)).exists()


def test_a_reviewer_cannot_mark_typical_practice(client, world, assignments):
    report = _lead_report_submitted(world, assignments)
    client.force_login(world.people["reviewer"])
    response = client.post(
        reverse("reporting:highlight", kwargs={"report_id": report.pk}), {"highlight": "1"}
    )
    assert response.status_code == 403


def test_every_save_is_audited(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    client.post(form_url(assignments.education, world.period), report_form(submit=True))
    report = _report(assignments.education, world.period)
    actions = set(
        AuditEntry.objects.filter(
            object_type="progressreport", object_id=str(report.pk)
        ).values_list("action", flat=True)
    )
    assert {"save", "submit"} <= actions


def test_removing_evidence_from_a_draft(client, world, assignments, form_url, files):
    client.force_login(world.people["liaison"])
    url = form_url(assignments.education, world.period)
    data = report_form()
    data["files"] = files.pdf("旧材料.pdf")
    client.post(url, data)
    report = _report(assignments.education, world.period)
    evidence = report.evidence.get()
    client.post(url, report_form(version=report.version, remove_evidence=[evidence.pk]))
    assert not report.evidence.exists()


def test_report_audit_entries_belong_to_the_organisation(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    client.post(form_url(assignments.education, world.period), report_form())
    entry = AuditEntry.objects.get(object_type="progressreport", action="save")
    assert entry.organisation == world.organisation
