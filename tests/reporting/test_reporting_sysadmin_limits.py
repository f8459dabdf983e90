"""The system administrator manages accounts and sees no plan data: it neither reads nor
files, reviews, highlights or sets periods anywhere. It is staff, not a superuser, so
`has_perm` is the rules' answer (see also tests/test_permission_matrix.py)."""

from __future__ import annotations

import datetime

from django.urls import reverse

from taizhang.reporting import services
from taizhang.reporting.models import Period, ProgressReport, Review
from tests.reporting.conftest import report_form


def _submitted(world, assignment):
    liaison = world.people["liaison"]
    report = services.start_report(assignment, world.period)
    report = services.save_draft(report, liaison, {"narrative": "宪法宣传进社区12场"}, 0)
    return services.submit(report, liaison, report.version)


def test_the_system_admin_does_not_read_a_report(client, world, assignments):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["sysadmin"])
    url = reverse("reporting:report_detail", kwargs={"report_id": report.pk})
    response = client.get(url)
    assert response.status_code == 403
    assert "宪法宣传进社区" not in response.content.decode()


def test_no_report_is_in_the_system_admins_scope(world, assignments):
    _submitted(world, assignments.education)
    assert not ProgressReport.objects.for_user(world.people["sysadmin"]).exists()


def test_the_system_admin_cannot_file_a_units_report(client, world, assignments, form_url):
    client.force_login(world.people["sysadmin"])
    url = form_url(assignments.education, world.period)
    assert client.post(url, report_form()).status_code == 403
    assert not ProgressReport.objects.exists()


def test_the_report_form_is_closed_to_the_system_admin(client, world, assignments, form_url):
    client.force_login(world.people["sysadmin"])
    assert client.get(form_url(assignments.education, world.period)).status_code == 403


def test_the_system_admin_cannot_review(client, world, assignments):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["sysadmin"])
    url = reverse("reporting:review", kwargs={"report_id": report.pk})
    data = {"decision": "accept", "comment": "", "version": report.version}
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    assert not Review.objects.exists()


def test_the_system_admin_cannot_mark_a_typical_practice(client, world, assignments):
    report = _submitted(world, assignments.education)
    client.force_login(world.people["sysadmin"])
    url = reverse("reporting:highlight", kwargs={"report_id": report.pk})
    assert client.post(url, {"highlight": "1"}).status_code == 403
    report.refresh_from_db()
    assert not report.highlight


def test_the_system_admin_cannot_set_periods(client, world):
    client.force_login(world.people["sysadmin"])
    data = {
        "plan": world.plan.pk,
        "name": "2026年第一季度",
        "kind": "quarterly",
        "starts_on": "2026-01-01",
        "ends_on": "2026-03-31",
        "due_on": "2026-04-10",
    }
    assert client.get(reverse("reporting:periods")).status_code == 403
    assert client.post(reverse("reporting:periods"), data).status_code == 403
    assert not Period.objects.filter(starts_on=datetime.date(2026, 1, 1)).exists()


def test_the_system_admin_cannot_edit_a_period(client, world):
    client.force_login(world.people["sysadmin"])
    url = reverse("reporting:period_edit", kwargs={"period_id": world.period.pk})
    assert client.get(url).status_code == 403
