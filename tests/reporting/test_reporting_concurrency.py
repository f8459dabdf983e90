"""Two people editing the same report: the later save never silently overwrites."""

import pytest
from django.test import Client

from taizhang.reporting import services
from taizhang.reporting.models import ProgressReport
from tests.factories import UserFactory
from tests.reporting.conftest import report_form


@pytest.fixture
def two_editors(world):
    """The education liaison and a colleague of the same unit, each in their browser."""
    colleague = UserFactory(
        organisation=world.organisation, role="liaison", unit=world.education, display_name="王芳"
    )
    first, second = Client(), Client()
    first.force_login(world.people["liaison"])
    second.force_login(colleague)
    return first, second


def test_the_second_save_on_a_stale_version_is_refused(two_editors, world, assignments, form_url):
    first, second = two_editors
    url = form_url(assignments.education, world.period)
    first.get(url)
    second.get(url)  # both loaded version 0
    assert first.post(url, report_form(narrative="甲的内容")).status_code == 302
    response = second.post(url, report_form(narrative="乙的内容"))
    assert response.status_code == 409
    page = response.content.decode()
    assert "该报告已被他人修改" in page
    assert "甲的内容" in page  # the other person's version is shown
    assert "乙的内容" in page  # and what this person typed is kept in the form
    report = ProgressReport.objects.get()
    assert report.narrative == "甲的内容" and report.version == 1


def test_after_seeing_the_conflict_saving_again_is_a_deliberate_overwrite(
    two_editors, world, assignments, form_url
):
    first, second = two_editors
    url = form_url(assignments.education, world.period)
    first.post(url, report_form(narrative="甲的内容"))
    response = second.post(url, report_form(narrative="乙的内容"))
    assert response.context["form"]["version"].value() == 1
    second.post(url, report_form(version=1, narrative="乙的内容"))
    report = ProgressReport.objects.get()
    assert report.narrative == "乙的内容" and report.version == 2
    assert [v.snapshot["narrative"] for v in report.versions.all()] == ["甲的内容", "乙的内容"]


def test_a_stale_submit_is_refused_too(two_editors, world, assignments, form_url):
    first, second = two_editors
    url = form_url(assignments.education, world.period)
    first.post(url, report_form(narrative="甲的内容"))
    response = second.post(url, report_form(narrative="乙的内容", submit=True))
    assert response.status_code == 409
    assert ProgressReport.objects.get().state == "draft"


def test_the_service_raises_with_the_current_report(world, assignments):
    report = services.start_report(assignments.education, world.period)
    services.save_draft(report, world.people["liaison"], {"narrative": "一"}, 0)
    with pytest.raises(services.ConcurrentEdit) as clash:
        services.save_draft(report, world.people["liaison"], {"narrative": "二"}, 0)
    assert clash.value.current.version == 1 and clash.value.current.narrative == "一"


def test_a_stale_review_is_refused(world, assignments):
    report = services.start_report(assignments.education, world.period)
    report = services.save_draft(report, world.people["liaison"], {"narrative": "进展"}, 0)
    report = services.submit(report, world.people["liaison"], report.version)
    services.review(report, world.people["reviewer"], "accept", "", report.version)
    with pytest.raises(services.ConcurrentEdit):
        services.review(report, world.people["reviewer"], "return", "再看看", report.version)
