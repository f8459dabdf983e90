"""The read pages: detail with reviews, every version, evidence downloads."""

from urllib.parse import quote

from django.urls import reverse

from taizhang.reporting import services


def _filed(world, assignments, files):
    liaison = world.people["liaison"]
    report = services.start_report(assignments.education, world.period)
    services.add_evidence(report, liaison, files.pdf("宣传活动总结.pdf"))
    report = services.save_draft(report, liaison, {"narrative": "第一稿"}, 0)
    report = services.save_draft(report, liaison, {"narrative": "第二稿"}, report.version)
    report = services.submit(report, liaison, report.version)
    return services.review(report, world.people["reviewer"], "return", "请补充数据", report.version)


def test_the_detail_page_shows_reviews_and_versions(client, world, assignments, files):
    report = _filed(world, assignments, files)
    client.force_login(world.people["liaison"])
    page = client.get(reverse("reporting:report_detail", kwargs={"report_id": report.pk}))
    text = page.content.decode()
    assert "请补充数据" in text and "牵头单位审核" in text
    assert "第 4 版" in text and "宣传活动总结.pdf" in text


def test_the_versions_page_shows_every_saved_state(client, world, assignments, files):
    report = _filed(world, assignments, files)
    client.force_login(world.people["office"])
    text = client.get(
        reverse("reporting:report_versions", kwargs={"report_id": report.pk})
    ).content.decode()
    assert "第一稿" in text and "第二稿" in text
    assert all(f"第 {n} 版" in text for n in (1, 2, 3, 4))


def test_evidence_downloads_under_its_original_name(client, world, assignments, files):
    report = _filed(world, assignments, files)
    evidence = report.evidence.get()
    client.force_login(world.people["reviewer"])
    response = client.get(reverse("reporting:evidence", kwargs={"evidence_id": evidence.pk}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"filename*=utf-8''{quote('宣传活动总结.pdf')}" in disposition
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_another_units_liaison_cannot_download_evidence(client, world, assignments, files):
    from tests.factories import UserFactory

    report = _filed(world, assignments, files)
    police = UserFactory(organisation=world.organisation, role="liaison", unit=world.police)
    client.force_login(police)
    url = reverse("reporting:evidence", kwargs={"evidence_id": report.evidence.get().pk})
    assert client.get(url).status_code == 403


def test_the_form_query_count_does_not_grow_with_targets_and_evidence(
    client, world, assignments, files, form_url, django_assert_max_num_queries
):
    from tests.factories import TargetFactory

    liaison = world.people["liaison"]
    report = services.start_report(assignments.education, world.period)
    client.force_login(liaison)
    url = form_url(assignments.education, world.period)
    client.get(url)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for n in range(5):
        TargetFactory(measure=world.first, quote=f"指标{n}")
        services.add_evidence(report, liaison, files.pdf(f"材料{n}.pdf"))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_the_lead_report_links_only_the_responsible_reports_the_person_may_open(
    client, world, assignments
):
    """The lead unit's liaison reads the responsible units' progress to sum it up, but may
    not open their reports (reporting.view_report): no 查看 link that answers 403."""
    from taizhang.accounts.models import Role
    from tests.factories import UserFactory

    lead_liaison = UserFactory(
        organisation=world.organisation, role=Role.LIAISON, unit=world.justice
    )
    liaison = world.people["liaison"]
    theirs = services.start_report(assignments.education, world.period)
    theirs = services.save_draft(theirs, liaison, {"narrative": "教育局开展普法进校园"}, 0)
    theirs = services.submit(theirs, liaison, theirs.version)
    ours = services.start_report(assignments.lead, world.period)
    ours = services.save_draft(ours, lead_liaison, {"narrative": "司法局汇总"}, 0)
    theirs_url = reverse("reporting:report_detail", kwargs={"report_id": theirs.pk})
    for person, may_open in ((lead_liaison, False), (world.people["office"], True)):
        client.force_login(person)
        page = client.get(reverse("reporting:report_detail", kwargs={"report_id": ours.pk}))
        text = page.content.decode()
        assert "教育局开展普法进校园" in text  # the row's facts stay
        assert (theirs_url in text) is may_open
        assert (client.get(theirs_url).status_code == 200) is may_open
