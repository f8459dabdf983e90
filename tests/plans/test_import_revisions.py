"""Importing a revised version of a plan keeps what was filed against it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.plans import importing
from taizhang.plans.models import Assignment, Measure, PlanImport, Target
from taizhang.reporting.models import ProgressReport
from tests import factories as f

HEAD = "测试州法治督察实施方案(2023—2025年)\n一、主要任务\n"
ORIGINAL = HEAD + (
    "1.开展宪法宣传周活动，组织机关干部学习宪法。〔牵头单位：州司法局；责任单位：州教育局、州公安局〕\n"
    "2.推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。〔牵头单位：州民政局〕\n"
    "3.完善公共法律服务体系，建成覆盖城乡的服务网络。〔牵头单位：州法律援助中心〕\n"
    "4.加强人民调解组织建设，规范调解工作流程。〔牵头单位：州司法局〕\n"
)
REVISED = HEAD + (
    "1.开展宪法宣传周活动，组织机关干部学习宪法。〔牵头单位：州司法局；责任单位：州公安局〕\n"
    "2.推进法治乡村建设，到2025年民主法治示范村比例达到60%以上。〔牵头单位：州民政局〕\n"
    "3.加强人民调解组织建设，规范调解工作流程。〔牵头单位：州司法局〕\n"
    "4.建立法治督察工作制度，每年开展一次专项督察。〔牵头单位：州委依法治州办〕\n"
)


@pytest.fixture
def plan(world):
    office = world.people["office"]
    staged = importing.stage(world.organisation, office, world.home, "v1.txt", ORIGINAL.encode())
    return importing.confirm(staged, office, {})


def measure(plan, number, text_start=""):
    return plan.measures.get(number=number, text__startswith=text_start)


def education_assignment(plan):
    return measure(plan, 1).assignments.get(unit__name="州教育局")


@pytest.fixture
def report(plan):
    period = f.PeriodFactory(plan=plan)
    return f.ReportFactory(assignment=education_assignment(plan), period=period)


def stage_revision(world, plan, text=REVISED):
    return importing.stage(
        world.organisation, world.people["office"], plan.region, "v2.txt", text.encode(), plan
    )


def revise(world, plan, text=REVISED):
    return importing.confirm(stage_revision(world, plan, text), world.people["office"], {})


def test_revise_page_stages_a_revision_and_shows_what_changed(client, world, plan):
    client.force_login(world.people["office"])
    response = client.post(
        reverse("plans:import_revise", kwargs={"plan_id": plan.pk}),
        {"file": SimpleUploadedFile("v2.txt", REVISED.encode())},
    )
    staged = PlanImport.objects.get(revises=plan)
    assert response.url == reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    page = client.get(response.url)
    kinds = [(c.kind, c.number) for c in page.context["changes"]]
    assert kinds == [("changed", 1), ("changed", 2), ("added", 4), ("withdrawn", 3)]
    assert "修订对比" in page.content.decode()


def test_preview_shows_before_and_after_of_a_changed_measure(world, plan):
    preview = importing.preview(stage_revision(world, plan))
    changed = {c.number: c for c in preview.changes if c.kind == "changed"}
    assert "50%" in changed[2].text_before
    assert "60%" in changed[2].text_after
    assert changed[1].units_removed == ["州教育局"]
    assert not changed[1].text_changed


def test_preview_says_an_assignment_with_reports_is_kept(client, world, plan, report):
    preview = importing.preview(stage_revision(world, plan))
    assert [(k.measure_number, k.unit_name, k.reports) for k in preview.kept] == [
        (1, "州教育局", 1)
    ]
    client.force_login(world.people["office"])
    url = reverse("plans:import_preview", kwargs={"import_id": preview.plan_import.pk})
    assert "其分工记录予以保留" in client.get(url).content.decode()


def test_unchanged_and_moved_measures_keep_their_ids(world, plan):
    before = {n: measure(plan, n).pk for n in (1, 2, 4)}
    revise(world, plan)
    assert measure(plan, 1).pk == before[1]
    assert measure(plan, 2).pk == before[2]
    assert measure(plan, 3, "加强人民调解").pk == before[4]


def test_dropped_measures_are_marked_withdrawn_not_deleted(world, plan):
    dropped = measure(plan, 3, "完善公共法律服务")
    revise(world, plan)
    dropped.refresh_from_db()
    assert dropped.withdrawn
    assert plan.measures.filter(withdrawn=False).count() == 4


def test_reports_are_kept_and_their_assignment_row_survives(world, plan, report):
    assignment_id = report.assignment_id
    revise(world, plan)
    report.refresh_from_db()
    assert report.assignment_id == assignment_id
    assert Assignment.objects.filter(pk=assignment_id).exists()


def test_assignments_of_units_that_remain_keep_their_rows(world, plan, report):
    police = measure(plan, 1).assignments.get(unit__name="州公安局").pk
    lead = measure(plan, 1).assignments.get(unit__name="州司法局").pk
    revise(world, plan)
    assert set(measure(plan, 1).assignments.values_list("pk", flat=True)) >= {police, lead}


def test_a_dropped_assignment_without_reports_is_removed(world, plan):
    revise(world, plan)
    names = set(measure(plan, 1).assignments.values_list("unit__name", flat=True))
    assert names == {"州司法局", "州公安局"}


def test_a_changed_target_keeps_its_row(world, plan):
    target = Target.objects.get(measure=measure(plan, 2))
    revise(world, plan)
    target.refresh_from_db()
    assert target.value == 60


def test_revision_counts_up_and_adds_the_new_measure(world, plan):
    revise(world, plan)
    plan.refresh_from_db()
    assert plan.revision == 2
    assert measure(plan, 4).text.startswith("建立法治督察工作制度")
    assert not PlanImport.objects.exists()


def test_revising_twice_with_the_same_text_changes_nothing(world, plan, report):
    revise(world, plan)
    ids = set(Measure.objects.filter(plan=plan).values_list("pk", flat=True))
    assignments = set(Assignment.objects.filter(measure__plan=plan).values_list("pk", flat=True))
    preview = importing.preview(stage_revision(world, plan))
    assert not preview.diff.added
    assert not preview.diff.withdrawn
    importing.confirm(preview.plan_import, world.people["office"], {})
    assert set(Measure.objects.filter(plan=plan).values_list("pk", flat=True)) == ids
    assert (
        set(Assignment.objects.filter(measure__plan=plan).values_list("pk", flat=True))
        == assignments
    )
    assert ProgressReport.objects.filter(pk=report.pk).exists()


def test_a_revision_leaves_the_offices_supervised_items_alone(world, plan):
    """A 督办事项 (a leader's instruction the office added) is in no printed document: the
    revision's comparison does not list it as 删除 and the confirm keeps it live, after the
    plan's own measures."""
    added = f.supervised_item(world, plan)
    staged = stage_revision(
        world, plan, REVISED + "5.新增一项任务，完善工作机制。〔牵头单位：州司法局〕\n"
    )
    preview = importing.preview(staged)
    assert added.pk not in preview.diff.withdrawn
    assert added.pk not in preview.diff.matches.values()
    importing.confirm(staged, world.people["office"], {})
    added.refresh_from_db()
    assert not added.withdrawn
    positions = list(plan.measures.filter(withdrawn=False).values_list("pk", flat=True))
    assert positions[-1] == added.pk


def test_a_collective_printed_with_a_space_is_no_unit_dropped(world, plan):
    """各县 (市) in the revision is the 各县(市) the plan names: the preview does not list its
    members as units the revision drops."""
    from taizhang.units.models import Collective

    text = ORIGINAL.replace("〔牵头单位：州民政局〕", "〔牵头单位：州民政局；责任单位：各县(市)〕")
    plan = revise(world, plan, text)
    collective = Collective.objects.get(phrase="各县(市)")
    from taizhang.plans.assignments import set_collective_members

    set_collective_members(collective, [world.county_government], world.people["office"], "")
    assignment = measure(plan, 2).assignments.get(unit=world.county_government)
    f.ReportFactory(assignment=assignment, period=f.PeriodFactory(plan=plan))
    staged = stage_revision(world, plan, text.replace("各县(市)", "各县 (市)"))
    assert importing.preview(staged).kept == []


def test_the_confirm_message_counts_as_the_preview_and_names_the_supervised_items(
    client, world, plan
):
    f.supervised_item(
        world,
        plan,
        kind="meeting",
        title="州委全面依法治州委员会会议纪要〔2025〕3号",
        text="开展法治进校园巡回宣讲。",
        lead=[world.education],
        responsible=[],
    )
    staged = stage_revision(world, plan)
    client.force_login(world.people["office"])
    url = reverse("plans:import_preview", kwargs={"import_id": staged.pk})
    response = client.post(url, follow=True)
    told = [str(m) for m in response.context["messages"]]
    kept = "另有督办事项 1 项，不受修订影响，编号接在方案任务之后（第5项）"
    assert f"已修订《{plan.title}》，共 4 项任务；{kept}。" in told
