"""The assessment pages: schemes, indicators and adjustments through the audited write
path, drafts recomputed, publishing freezing the scores, who sees which breakdown, the
export, and the ranking page's query count."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from taizhang.assessment.models import Adjustment, Indicator, PublishedScore, Scheme
from taizhang.audit.models import AuditEntry
from taizhang.reporting import services
from taizhang.reporting.status import ON_TIME_RULE, UNIT_COMPLETION_RULE
from tests import factories as f
from tests.assessment.conftest import assignment_of, at, file

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def office(client, world):
    client.force_login(world.people["office"])
    return client


def url(name, **kwargs):
    return reverse(f"assessment:{name}", kwargs=kwargs)


def unit_page(client, scheme, unit):
    return client.get(url("unit_score", scheme_id=scheme.pk, unit_id=unit.pk))


# -- schemes ---------------------------------------------------------------------------


def test_the_office_creates_a_scheme_with_the_usual_indicators(office, world):
    response = office.post(
        url("schemes"), {"plan": world.plan.pk, "year": 2025, "with_defaults": "on"}
    )
    scheme = Scheme.objects.get(plan=world.plan, year=2025)
    assert response.status_code == 302
    assert scheme.name == "2025年度法治社会建设考核方案"
    assert sum(i.weight for i in scheme.indicators.all()) == 100
    assert AuditEntry.objects.filter(object_type="scheme", action="create").exists()


def test_a_second_scheme_for_the_same_year_is_refused(office, world, scheme):
    response = office.post(url("schemes"), {"plan": world.plan.pk, "year": 2025})
    assert response.status_code == 400
    assert "已有2025年度的考核方案" in response.content.decode()
    assert Scheme.objects.filter(plan=world.plan).count() == 1


def test_a_liaison_may_not_create_a_scheme(client, world):
    client.force_login(world.people["liaison"])
    response = client.post(url("schemes"), {"plan": world.plan.pk, "year": 2025})
    assert response.status_code == 403


def test_a_liaison_finds_the_link_to_the_units_own_score(client, world, scheme):
    client.force_login(world.people["liaison"])
    page = client.get(url("schemes")).content.decode()
    assert url("unit_score", scheme_id=scheme.pk, unit_id=world.education.pk) in page
    assert url("ranking", scheme_id=scheme.pk) not in page


# -- indicators: a changed rule changes a draft ----------------------------------------


def test_an_added_indicator_is_audited_and_opens_for_its_parameters(office, world, scheme):
    response = office.post(
        url("indicator_add", scheme_id=scheme.pk),
        {"kind": "report_timeliness", "name": "报送质量", "weight": 5},
    )
    indicator = scheme.indicators.get(name="报送质量")
    assert response["Location"].endswith(f"?indicator={indicator.pk}#edit")
    entry = AuditEntry.objects.filter(object_type="scheme", action="update").latest("pk")
    assert entry.changes["indicator"][1]["名称"] == "报送质量"


def test_a_bad_weight_gets_one_clear_message(office, scheme):
    response = office.post(
        url("indicator_add", scheme_id=scheme.pk),
        {"kind": "report_timeliness", "name": "报送", "weight": 0},
    )
    assert response.status_code == 400
    assert "分值须大于 0。" in response.content.decode()


def test_changing_a_rule_changes_the_draft_scores(office, world, scheme):
    file(assignment_of(world, world.education), world.period, None)  # missing
    timeliness = scheme.indicators.get(kind="report_timeliness")
    before = unit_page(office, scheme, world.education).context["entry"].points_of(timeliness.pk)
    office.post(
        url("indicator_edit", indicator_id=timeliness.pk),
        {
            "name": "按时报送",
            "weight": 20,
            "position": 0,
            "missing_deduction": 5,
            "when_none": "full",
        },
    )
    after = unit_page(office, scheme, world.education).context["entry"]
    assert (before, after.points_of(timeliness.pk)) == (0, 15)
    assert "− 5 × 1（未报）" in after.lines[0]["text"]


def test_survey_rates_are_entered_by_name(office, world, scheme):
    survey = scheme.indicators.get(kind="survey_results")
    office.post(
        url("indicator_edit", indicator_id=survey.pk),
        {
            "name": "群众满意度",
            "weight": 10,
            "target": 90,
            "when_none": "full",
            "rates": "甲县 81\n州教育局：99%",
        },
    )
    survey.refresh_from_db()
    assert survey.params["rates"] == {
        f"region:{world.county.pk}": 81,
        f"unit:{world.education.pk}": 99,
    }
    page = office.get(url("ranking", scheme_id=scheme.pk) + "?tab=counties")
    assert page.context["results"].counties[0].points_of(survey.pk) == 9


def test_an_unknown_name_in_the_survey_rates_is_refused(office, scheme):
    survey = scheme.indicators.get(kind="survey_results")
    response = office.post(
        url("indicator_edit", indicator_id=survey.pk),
        {
            "name": "群众满意度",
            "weight": 10,
            "when_none": "full",
            "rates": "乙县 90",
        },
    )
    assert response.status_code == 400
    assert "找不到县(市、区)或单位“乙县”" in response.content.decode()


def test_an_indicator_is_deleted_while_draft(office, scheme):
    survey = scheme.indicators.get(kind="survey_results")
    office.post(url("indicator_delete", indicator_id=survey.pk))
    assert not Indicator.objects.filter(pk=survey.pk).exists()


# -- adjustments -----------------------------------------------------------------------


def test_an_adjustment_with_evidence_adds_to_the_unit_score(office, world, scheme):
    before = unit_page(office, scheme, world.education).context["entry"].total
    office.post(
        url("adjustment_add", scheme_id=scheme.pk),
        {
            "unit": world.education.pk,
            "points": "2.5",
            "reason": "经验被省级推广",
            "evidence": SimpleUploadedFile("推广文件.pdf", PDF),
        },
    )
    adjustment = Adjustment.objects.get(scheme=scheme)
    assert adjustment.evidence_name == "推广文件.pdf"
    entry = unit_page(office, scheme, world.education).context["entry"]
    assert entry.total == before + 2.5
    assert entry.lines[-1]["text"] == "加分：经验被省级推广（+2.5 分）"
    download = office.get(url("adjustment_evidence", adjustment_id=adjustment.pk))
    assert b"".join(download.streaming_content) == PDF


def test_an_evidence_file_that_is_not_a_document_is_refused(office, world, scheme):
    response = office.post(
        url("adjustment_add", scheme_id=scheme.pk),
        {
            "unit": world.education.pk,
            "points": "-1",
            "reason": "被通报",
            "evidence": SimpleUploadedFile("通报.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert response.status_code == 400
    assert "不是有效的 PDF" in response.content.decode()
    assert not Adjustment.objects.exists()


def test_an_adjustment_is_deleted_and_audited(office, world, scheme):
    adjustment = f.AdjustmentFactory(
        scheme=scheme, unit=world.education, created_by=world.people["office"]
    )
    office.post(url("adjustment_delete", adjustment_id=adjustment.pk))
    assert not Adjustment.objects.exists()
    assert AuditEntry.objects.filter(object_type="adjustment", action="delete").exists()


# -- publishing ------------------------------------------------------------------------


def test_publishing_freezes_the_scores(office, world, scheme):
    mine = assignment_of(world, world.education)
    report = file(mine, world.period, None)
    office.post(url("publish", scheme_id=scheme.pk))
    scheme.refresh_from_db()
    assert scheme.state == "published"
    published = unit_page(office, scheme, world.education).context["entry"].total
    # the unit files late afterwards: the published score stays
    report.__class__.objects.filter(pk=report.pk).update(
        state="submitted", submitted_at=at(2025, 4, 9), first_submitted_at=at(2025, 4, 9)
    )
    entry = unit_page(office, scheme, world.education).context["entry"]
    assert entry.total == published
    assert PublishedScore.objects.filter(scheme=scheme, subject="unit").count() == 4
    assert PublishedScore.objects.filter(scheme=scheme, subject="county").count() == 1


def test_a_draft_follows_the_reports(office, world, scheme):
    """The draft's scores are cached, and a report submitted through reporting's write
    path shows at once all the same."""
    report = file(assignment_of(world, world.education), world.period, None)
    before = unit_page(office, scheme, world.education).context["entry"].total
    with time_machine.travel(at(2025, 4, 9), tick=False):
        services.submit(report, world.people["office"], report.version)
    after = unit_page(office, scheme, world.education).context["entry"]
    timeliness = next(line for line in after.lines if line["kind"] == "report_timeliness")
    quality = next(line for line in after.lines if line["kind"] == "review_outcomes")
    assert timeliness["points"] == 10  # on time now
    # filed and awaiting review: no longer the 0 of silence, judged by the other results
    assert "已报送的报告尚未审核" in quality["text"] and after.total > before


def test_an_unchanged_draft_ranking_is_not_computed_again(office, world, scheme):
    file(assignment_of(world, world.education), world.period, at(2025, 4, 1), status="done")
    first = _ranking_queries(office, scheme)
    assert _ranking_queries(office, scheme) < first - 5


def test_a_published_scheme_cannot_be_changed(office, world, scheme):
    office.post(url("publish", scheme_id=scheme.pk))
    response = office.post(
        url("indicator_add", scheme_id=scheme.pk),
        {"kind": "report_timeliness", "name": "新指标", "weight": 5},
        follow=True,
    )
    assert "该考核方案已发布，不能再修改。" in response.content.decode()
    assert not scheme.indicators.filter(name="新指标").exists()


def test_the_breakdown_shown_adds_up_to_the_total(office, world, scheme):
    file(assignment_of(world, world.education), world.period, at(2025, 4, 1), status="done")
    f.AdjustmentFactory(scheme=scheme, unit=world.education, points=-1.5)
    entry = unit_page(office, scheme, world.education).context["entry"]
    assert sum(line["points"] for line in entry.lines) == pytest.approx(entry.total)
    assert float(entry.exact_total) == entry.total


def test_the_breakdown_states_the_counting_rules_of_its_rates(office, world, scheme):
    page = unit_page(office, scheme, world.education).content.decode()
    assert f"口径：{UNIT_COMPLETION_RULE}" in page and f"口径：{ON_TIME_RULE}" in page


# -- who sees what ---------------------------------------------------------------------


def test_a_liaison_reads_the_units_own_breakdown(client, world, scheme):
    file(assignment_of(world, world.education), world.period, at(2025, 4, 1))
    client.force_login(world.people["liaison"])
    page = unit_page(client, scheme, world.education).content.decode()
    assert "应报 1 次，按时 1 次，逾期 0 次，未报 0 次；得分 = 10 × 1/1 = 10" in page


def test_a_liaison_may_not_read_another_units_breakdown(client, world, scheme):
    client.force_login(world.people["liaison"])
    assert unit_page(client, scheme, world.justice).status_code == 403


def test_another_organisation_gets_404(client, world, scheme):
    client.force_login(world.people["outsider"])
    assert unit_page(client, scheme, world.education).status_code == 404


def test_a_county_office_reads_its_countys_score(client, world, scheme):
    client.force_login(world.people["county"])
    response = client.get(
        url("county_score", scheme_id=scheme.pk, unit_id=world.county_government.pk)
    )
    assert response.status_code == 200
    assert response.context["entry"].name == "甲县"


def test_a_unit_that_carries_nothing_has_no_score(office, world, scheme):
    idle = f.UnitFactory(organisation=world.organisation, region=world.home)
    assert unit_page(office, scheme, idle).status_code == 404


# -- export ----------------------------------------------------------------------------


def test_the_ranking_exports_with_a_column_per_indicator_and_the_breakdown(office, world, scheme):
    f.AdjustmentFactory(scheme=scheme, unit=world.education, points=2, reason="经验推广")
    response = office.get(url("ranking_export", scheme_id=scheme.pk))
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["单位得分"]
    header = [cell.value for cell in sheet[2]]
    assert header[:3] == ["名次", "单位", "report_timeliness（10分）"]
    assert header[-3:] == ["加减分", "总分", "得分明细"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["州教育局"][-3] == 2
    assert "加分：经验推广（+2 分）" in rows["州教育局"][-1]
    assert "县(市、区)得分" in workbook.sheetnames


def test_every_indicator_has_its_basis_on_the_pages_and_in_the_workbook(office, world, scheme):
    from taizhang.assessment.scoring import TIE_RULE

    indicators = list(scheme.indicators.all())
    scheme_page = office.get(url("scheme", scheme_id=scheme.pk)).content.decode()
    ranking_page = office.get(url("ranking", scheme_id=scheme.pk)).content.decode()
    workbook = load_workbook(
        io.BytesIO(office.get(url("ranking_export", scheme_id=scheme.pk)).content)
    )
    notes = [row[0] for row in workbook["单位得分"].iter_rows(values_only=True) if row[0]]
    for indicator in indicators:
        assert (
            indicator.basis and indicator.basis in scheme_page and indicator.basis in ranking_page
        )
        assert f"口径·{indicator.name}：{indicator.basis}" in notes
    assert "应报而未报送任何报告的计 0 分" in ranking_page
    assert TIE_RULE in ranking_page and TIE_RULE in notes


def test_subjects_equal_on_everything_are_marked_as_sharing_their_rank(office, world, scheme):
    # no reports at all: the units carrying measure 1 tie on every indicator
    page = office.get(url("ranking", scheme_id=scheme.pk))
    entries = page.context["results"].units
    assert len({e.rank for e in entries}) < len(entries)
    assert "并列" in page.content.decode()


# -- the ranking page's queries --------------------------------------------------------


def _ranking_queries(client, scheme, computed=False):
    """Queries of the ranking page; ``computed``: with the cached scores dropped first."""
    if computed:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url("ranking", scheme_id=scheme.pk))
    assert response.status_code == 200
    return len(captured)


@pytest.mark.usefixtures("pages_not_kept")  # what computing it costs
def test_the_ranking_page_query_count_does_not_grow(office, world, scheme):
    f.TargetFactory(measure=world.first)
    f.RecurringDutyFactory(measure=world.first)
    f.AdjustmentFactory(scheme=scheme, unit=world.education)
    small = _ranking_queries(office, scheme, computed=True)
    for number in range(3, 33):
        measure = f.MeasureFactory(plan=world.plan, number=number)
        f.TargetFactory(measure=measure)
        f.RecurringDutyFactory(measure=measure)
        for _ in range(2):
            unit = f.UnitFactory(organisation=world.organisation, region=world.county)
            mine = f.AssignmentFactory(measure=measure, unit=unit, role="lead")
            file(mine, world.period, at(2025, 4, 1), status="done")
            f.AdjustmentFactory(scheme=scheme, unit=unit)
    assert _ranking_queries(office, scheme, computed=True) == small


@pytest.mark.usefixtures("pages_not_kept")  # what computing it costs
def test_the_published_ranking_page_query_count_does_not_grow(office, world, scheme):
    office.post(url("publish", scheme_id=scheme.pk))
    small = _ranking_queries(office, scheme)
    PublishedScore.objects.bulk_create(
        PublishedScore(
            scheme=scheme,
            subject="unit",
            unit=f.UnitFactory(organisation=world.organisation),
            total=1,
            rank=9,
            breakdown={"lines": []},
        )
        for _ in range(30)
    )
    assert _ranking_queries(office, scheme) == small
