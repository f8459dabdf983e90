"""Importing a document the organisation already has: the preview warns, and offers to
import it as a revision of that plan instead."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans import importing
from taizhang.plans.models import Plan, PlanImport

TEXT = "测试州法治督察实施方案(2023—2025年)\n一、主要任务\n" + (
    "1.开展宪法宣传周活动，组织机关干部学习宪法。〔牵头单位：州司法局；责任单位：州教育局〕\n"
    "2.推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。〔牵头单位：州民政局〕\n"
    "3.加强人民调解组织建设，规范调解工作流程。〔牵头单位：州司法局〕\n"
)
OTHER = "测试州普法规划(2023—2025年)\n一、主要任务\n" + (
    "1.建立普法责任清单制度。〔牵头单位：州司法局〕\n2.开展法律进乡村活动。〔牵头单位：州司法局〕\n"
)


@pytest.fixture
def first(world):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "a.txt", TEXT.encode())
    return importing.confirm(staged, office, {})


def test_a_repeated_upload_is_found(world, first):
    office = world.people["office"]
    again = importing.stage(world.organisation, office, world.home, "b.txt", TEXT.encode())
    (similar,) = importing.similar_plans(again)
    assert similar.plan == first
    assert (similar.same_title, similar.matching, similar.total) == (True, 3, 3)
    other = importing.stage(world.organisation, office, world.home, "c.txt", OTHER.encode())
    assert importing.similar_plans(other) == []


def test_an_archived_plan_is_not_offered(world, first):
    office = world.people["office"]
    Plan.objects.filter(pk=first.pk).update(archived_at="2026-01-01T00:00Z")
    again = importing.stage(world.organisation, office, world.home, "b.txt", TEXT.encode())
    assert importing.similar_plans(again) == []


def test_the_preview_warns_and_imports_as_a_revision(client, world, first):
    office = world.people["office"]
    client.force_login(office)
    again = importing.stage(world.organisation, office, world.home, "b.txt", TEXT.encode())
    preview = reverse("plans:import_preview", kwargs={"import_id": again.pk})
    page = client.get(preview).content.decode()
    assert "本组织已有相同或相近的方案" in page and "3/3项任务原文一致" in page
    url = reverse("plans:import_as_revision", kwargs={"import_id": again.pk, "plan_id": first.pk})
    assert client.post(url)["Location"] == preview
    again.refresh_from_db()
    assert again.revises == first
    assert AuditEntry.objects.filter(object_id=str(again.pk), reason__contains="修订版").exists()
    assert "本组织已有相同或相近的方案" not in client.get(preview).content.decode()


def test_a_plan_of_another_organisation_is_refused(client, world, first):
    office = world.people["office"]
    client.force_login(office)
    again = importing.stage(world.organisation, office, world.home, "b.txt", TEXT.encode())
    url = reverse(
        "plans:import_as_revision", kwargs={"import_id": again.pk, "plan_id": world.other_plan.pk}
    )
    client.post(url)
    assert PlanImport.objects.get(pk=again.pk).revises is None
