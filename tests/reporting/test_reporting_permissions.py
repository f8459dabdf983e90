"""Who may open, edit and review which report."""

import pytest
from django.urls import reverse

from taizhang.reporting import services
from tests.reporting.conftest import report_form


def _submitted(world, assignment, person="liaison"):
    report = services.start_report(assignment, world.period)
    report = services.save_draft(report, world.people[person], {"narrative": "进展"}, 0)
    return services.submit(report, world.people[person], report.version)


def test_a_liaison_cannot_edit_another_units_report(client, world, assignments, form_url):
    client.force_login(world.people["liaison"])
    url = form_url(assignments.police, world.period)
    assert client.get(url).status_code == 403
    assert client.post(url, report_form()).status_code == 403


def test_a_liaison_cannot_review(client, world, assignments):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["liaison"])
    url = reverse("reporting:review", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 403


def test_a_reviewer_reviews_responsible_reports_on_measures_the_unit_leads(
    client, world, assignments
):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["reviewer"])
    url = reverse("reporting:review", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 200


def test_a_reviewer_cannot_review_measures_another_unit_leads(client, world):
    from tests.factories import AssignmentFactory, UnitFactory

    other = UnitFactory(organisation=world.organisation, region=world.home, name="州民政局")
    assignment = AssignmentFactory(measure=world.second, unit=other)
    report = _submitted(world, assignment, person="office")  # authorship is not the point
    client.force_login(world.people["reviewer"])
    url = reverse("reporting:review", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 403


def test_the_office_cannot_edit_a_units_report(client, world, assignments, form_url):
    client.force_login(world.people["office"])
    url = form_url(assignments.education, world.period)
    assert client.post(url, report_form()).status_code == 403
    assert 'name="narrative"' not in client.get(url).content.decode()


def test_the_office_may_settle_a_responsible_units_report(client, world, assignments):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["office"])
    url = reverse("reporting:review", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 200


def test_the_county_office_edits_its_countys_units_reports(client, world, assignments, form_url):
    client.force_login(world.people["county"])
    response = client.post(form_url(assignments.county, world.period), report_form())
    assert response.status_code == 302


def test_the_county_office_cannot_edit_a_prefecture_units_report(
    client, world, assignments, form_url
):
    client.force_login(world.people["county"])
    assert (
        client.post(form_url(assignments.education, world.period), report_form()).status_code == 403
    )


@pytest.mark.parametrize("name", ["report_detail", "report_versions", "review"])
def test_an_outsider_gets_404_for_a_report(client, world, assignments, name):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["outsider"])
    assert (
        client.get(reverse(f"reporting:{name}", kwargs={"report_id": report.pk})).status_code == 404
    )


def test_an_outsider_gets_404_for_the_form(client, world, assignments, form_url):
    client.force_login(world.people["outsider"])
    assert client.get(form_url(assignments.education, world.period)).status_code == 404


def test_an_outsider_gets_404_for_evidence(client, world, assignments, files):
    report = services.start_report(assignments.education, world.period)
    evidence = services.add_evidence(report, world.people["liaison"], files.pdf("总结.pdf"))
    client.force_login(world.people["outsider"])
    url = reverse("reporting:evidence", kwargs={"evidence_id": evidence.pk})
    assert client.get(url).status_code == 404


def test_a_period_of_another_plan_is_404(client, world, assignments):
    from tests.factories import PeriodFactory

    foreign = PeriodFactory(plan=world.other_plan)
    client.force_login(world.people["liaison"])
    url = reverse(
        "reporting:report",
        kwargs={"assignment_id": assignments.education.pk, "period_id": foreign.pk},
    )
    assert client.get(url).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, world, assignments, form_url):
    response = client.get(form_url(assignments.education, world.period))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["leader", "office"])
def test_org_wide_readers_see_a_report_read_only(client, world, assignments, role):
    report = _submitted(world, assignments.education)
    client.force_login(world.people[role])
    url = reverse("reporting:report_detail", kwargs={"report_id": report.pk})
    response = client.get(url)
    assert response.status_code == 200 and "修改报告" not in response.content.decode()


def test_another_units_liaison_cannot_read_a_report(client, world, assignments):
    from tests.factories import UserFactory

    report = _submitted(world, assignments.education)
    police = UserFactory(organisation=world.organisation, role="liaison", unit=world.police)
    client.force_login(police)
    url = reverse("reporting:report_detail", kwargs={"report_id": report.pk})
    assert client.get(url).status_code == 403
