"""The target, duty, deadline and population pages: who reads, who writes, and that
every write is audited."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.supervision.models import DutyFulfilment, TargetReading, TargetTracking
from tests import factories as f
from tests.supervision.helpers import pdf

NOW = time_machine.travel(date(2024, 6, 30), tick=False)


@pytest.fixture
def target(world):
    return f.TargetFactory(measure=world.first, value=95, year=2025, quote="覆盖率达到95%以上")


@pytest.fixture
def duty(world):
    return f.RecurringDutyFactory(measure=world.first, times_per_year=2)


def test_targets_page_shows_status_and_projection(client, world, target):
    f.TargetReadingFactory(target=target, measured_on=date(2023, 12, 31), value=60)
    TargetTracking.objects.create(target=target, baseline=40, baseline_on=date(2022, 1, 1))
    client.force_login(world.people["leader"])
    with NOW:
        page = client.get(reverse("supervision:targets", kwargs={"plan_id": world.plan.pk}))
    text = page.content.decode()
    assert page.status_code == 200
    assert "覆盖率达到95%以上" in text and "进度滞后" in text


def test_targets_page_lists_only_targets_of_measures_the_unit_carries(client, world):
    f.TargetFactory(measure=world.second, quote="公安目标达到90%")
    client.force_login(world.people["liaison"])
    page = client.get(reverse("supervision:targets", kwargs={"plan_id": world.plan.pk}))
    assert "公安目标达到90%" not in page.content.decode()


def test_target_page_draws_the_trajectory_as_inline_svg(client, world, target):
    TargetTracking.objects.create(target=target, baseline=40, baseline_on=date(2022, 1, 1))
    f.TargetReadingFactory(target=target, measured_on=date(2023, 12, 31), value=60)
    client.force_login(world.people["liaison"])
    with NOW:
        page = client.get(reverse("supervision:target", kwargs={"target_id": target.pk}))
    assert b"<svg" in page.content and b"<polyline" in page.content


def test_office_saves_tracking_with_milestones_and_it_is_audited(client, world, target):
    client.force_login(world.people["office"])
    url = reverse("supervision:target_tracking", kwargs={"target_id": target.pk})
    data = {
        "baseline": "40",
        "baseline_on": "2022-01-01",
        "deadline": "2025-12-31",
        "trajectory": "milestones",
        "milestone_2023": "70",
        "milestone_2024": "85",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    tracking = TargetTracking.objects.get(target=target)
    assert (tracking.baseline, tracking.trajectory) == (40, "milestones")
    assert dict(target.milestones.values_list("year", "value")) == {2023: 70, 2024: 85}
    assert AuditEntry.objects.filter(object_type="targettracking", action="update").exists()


def test_milestone_trajectory_without_milestones_is_refused_with_one_message(client, world, target):
    client.force_login(world.people["office"])
    url = reverse("supervision:target_tracking", kwargs={"target_id": target.pk})
    response = client.post(url, {"trajectory": "milestones"})
    assert response.status_code == 400
    assert "请至少填写一个年度节点值" in response.content.decode()
    assert not TargetTracking.objects.exists()


def test_office_adds_and_deletes_a_reading(client, world, target):
    client.force_login(world.people["office"])
    url = reverse("supervision:target_reading_add", kwargs={"target_id": target.pk})
    client.post(url, {"measured_on": "2024-03-31", "value": "88", "source": "统计公报"})
    reading = TargetReading.objects.get(target=target)
    assert (reading.value, reading.source) == (88, "统计公报")
    delete = "supervision:target_reading_delete"
    client.post(reverse(delete, kwargs={"target_id": target.pk, "reading_id": reading.pk}))
    assert not TargetReading.objects.exists()
    readings = AuditEntry.objects.filter(object_type="targetreading")
    actions = set(readings.values_list("action", flat=True))
    assert actions == {"add_reading", "delete_reading"}


def test_a_liaison_may_not_change_a_target(client, world, target):
    client.force_login(world.people["liaison"])
    url = reverse("supervision:target_reading_add", kwargs={"target_id": target.pk})
    response = client.post(url, {"measured_on": "2024-03-31", "value": "88", "source": "x"})
    assert response.status_code == 403
    assert not TargetReading.objects.exists()


def test_office_enters_population_and_it_is_audited(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("supervision:population"),
        {f"population_{world.home.pk}": "3490000", f"population_{world.county.pk}": ""},
    )
    assert response.status_code == 302
    world.home.refresh_from_db()
    assert world.home.population == 3_490_000
    assert AuditEntry.objects.filter(object_type="region").count() == 1


def test_bad_population_is_refused_and_nothing_saved(client, world):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("supervision:population"),
        {f"population_{world.home.pk}": "100", f"population_{world.county.pk}": "很多"},
    )
    assert response.status_code == 400
    world.home.refresh_from_db()
    assert world.home.population is None


def test_office_changes_a_measure_deadline_and_the_printed_text_stays(client, world):
    client.force_login(world.people["office"])
    url = reverse("supervision:measure_deadline", kwargs={"measure_id": world.first.pk})
    response = client.post(url, {"deadline": "2024-06-30", "reason": "州委要求提前完成"})
    assert response.status_code == 302
    world.first.refresh_from_db()
    assert world.first.deadline == date(2024, 6, 30)
    assert world.first.deadline_text == "到2025年"
    entry = AuditEntry.objects.get(object_type="measure", object_id=str(world.first.pk))
    assert entry.changes == {"deadline": ["2025-12-31", "2024-06-30"]}
    assert entry.reason == "州委要求提前完成"


def test_liaison_records_a_fulfilment_of_its_unit_with_evidence(
    client, world, duty, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.people["liaison"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    response = client.post(
        url,
        {
            "unit": world.education.pk,
            "happened_on": "2024-05-10",
            "note": "开展宪法宣传",
            "evidence": pdf(),
        },
    )
    assert response.status_code == 302
    fulfilment = DutyFulfilment.objects.get()
    assert (fulfilment.unit, fulfilment.evidence_name) == (world.education, "照片.pdf")
    assert AuditEntry.objects.filter(action="record_fulfilment").exists()


def test_a_fake_evidence_file_is_refused_and_nothing_recorded(
    client, world, duty, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.people["liaison"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 not a pdf at all")
    response = client.post(
        url,
        {"unit": world.education.pk, "happened_on": "2024-05-10", "note": "x", "evidence": fake},
    )
    assert response.status_code == 400
    assert not DutyFulfilment.objects.exists()


def test_liaison_cannot_record_for_another_unit(client, world, duty):
    client.force_login(world.people["liaison"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    response = client.post(
        url, {"unit": world.justice.pk, "happened_on": "2024-05-10", "note": "x"}
    )
    assert response.status_code == 400
    assert not DutyFulfilment.objects.exists()


def test_county_office_records_for_its_county_unit(client, world, duty):
    client.force_login(world.people["county"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    response = client.post(
        url, {"unit": world.county_government.pk, "happened_on": "2024-05-10", "note": "乡镇评查"}
    )
    assert response.status_code == 302
    assert DutyFulfilment.objects.get().unit == world.county_government


def test_office_only_reads_duties(client, world, duty):
    client.force_login(world.people["office"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    response = client.post(
        url, {"unit": world.education.pk, "happened_on": "2024-05-10", "note": "x"}
    )
    assert response.status_code == 403


def test_duties_page_counts_done_against_expected_per_unit(client, world, duty):
    f.DutyFulfilmentFactory(duty=duty, unit=world.education, happened_on=date(2024, 3, 1))
    client.force_login(world.people["liaison"])
    with NOW:
        page = client.get(
            reverse("supervision:duties", kwargs={"plan_id": world.plan.pk}) + "?year=2024"
        )
    text = page.content.decode()
    assert "1 / 2" in text
    assert "州司法局" not in text  # a liaison sees its own unit's row only


def test_a_future_date_is_refused(client, world, duty):
    client.force_login(world.people["liaison"])
    url = reverse("supervision:duty", kwargs={"duty_id": duty.pk})
    with NOW:
        response = client.post(
            url, {"unit": world.education.pk, "happened_on": "2024-07-10", "note": "x"}
        )
    assert "开展日期不能晚于今天" in response.content.decode()


def test_a_rate_reading_carries_its_base_and_a_bad_base_is_refused(client, world, target):
    target.unit = "%"
    target.save()
    client.force_login(world.people["office"])
    url = reverse("supervision:target_reading_add", kwargs={"target_id": target.pk})
    page = client.get(reverse("supervision:target", kwargs={"target_id": target.pk}))
    assert "基数（分母）" in page.content.decode()
    refused = client.post(
        url, {"measured_on": "2024-03-31", "value": "88", "denominator": "0", "source": "统计"}
    )
    assert refused.status_code == 400
    assert "基数（分母）应大于0" in refused.content.decode()
    data = {"measured_on": "2024-03-31", "value": "88", "denominator": "250", "source": "统计"}
    client.post(url, data)
    reading = TargetReading.objects.get(target=target)
    assert reading.denominator == 250
    entry = AuditEntry.objects.get(object_type="targetreading", action="add_reading")
    assert "denominator" in entry.changes
