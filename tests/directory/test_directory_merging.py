"""The units directory's writes: merges (directory/merging.py), aliases, new units
(units/services.py) and collectives (plans/assignments.py), each audited."""

import pytest

from taizhang.audit.models import AuditEntry
from taizhang.directory.merging import merge_units
from taizhang.plans import importing
from taizhang.plans.assignments import set_collective_members
from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.reporting import services as reporting
from taizhang.units import services as directory
from taizhang.units.models import Unit, UnitAlias
from tests import factories as f

PLAN_TEXT = """测试州法治社会建设实施方案
一、加强法治宣传
1.开展法治宣传教育活动，推动法治文化建设。[牵头单位:州精神文明办;责任单位:州司法局]
"""


@pytest.fixture
def duplicate(world):
    """州精神文明办, a second name of 州委宣传部 that an import made into its own unit."""
    keep = f.UnitFactory(organisation=world.organisation, region=world.home, name="州委宣传部")
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州精神文明办")
    f.AssignmentFactory(measure=world.second, unit=dup, role=Assignment.Role.RESPONSIBLE)
    return keep, dup


def test_merge_moves_assignments(world, duplicate):
    keep, dup = duplicate
    merge_units(keep, dup, world.people["office"], "同一单位")
    assert list(Assignment.objects.filter(unit=keep).values_list("measure", flat=True)) == [
        world.second.pk
    ]


def test_merge_deletes_duplicate_and_keeps_its_name_as_alias(world, duplicate):
    keep, dup = duplicate
    merge_units(keep, dup, world.people["office"], "同一单位")
    assert not Unit.objects.filter(pk=dup.pk).exists()
    assert UnitAlias.objects.get(name="州精神文明办").unit == keep


def test_merge_moves_people_and_aliases(world, duplicate):
    keep, dup = duplicate
    liaison = f.UserFactory(organisation=world.organisation, role="liaison", unit=dup)
    UnitAlias.objects.create(unit=dup, organisation=world.organisation, name="州文明办")
    merge_units(keep, dup, world.people["office"], "同一单位")
    liaison.refresh_from_db()
    assert liaison.unit == keep
    assert UnitAlias.objects.get(name="州文明办").unit == keep


def test_merge_keeps_lead_role_where_both_carry_a_measure(world):
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州司法局(重复)")
    f.AssignmentFactory(measure=world.second, unit=dup, role=Assignment.Role.LEAD)
    f.AssignmentFactory(measure=world.second, unit=world.justice, role="responsible")
    merge_units(world.justice, dup, world.people["office"], "重复")
    assert Assignment.objects.get(measure=world.second, unit=world.justice).role == "lead"


def test_merge_moves_reports_of_a_shared_measure(world):
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州司法局(重复)")
    dup_assignment = f.AssignmentFactory(measure=world.first, unit=dup)
    report = f.ReportFactory(assignment=dup_assignment, period=world.period)
    merge_units(world.justice, dup, world.people["office"], "重复")
    report.refresh_from_db()
    assert report.assignment.unit == world.justice


def test_a_moved_report_gets_a_version_and_an_audit_entry_through_reporting(world):
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州司法局(重复)")
    report = reporting.start_report(
        f.AssignmentFactory(measure=world.first, unit=dup), world.period
    )
    report = reporting.save_draft(report, world.people["office"], {"narrative": "已开展"}, 0)
    merge_units(world.justice, dup, world.people["office"], "重复")
    report.refresh_from_db()
    latest = report.versions.order_by("-number").first()
    entry = AuditEntry.objects.get(action="move", object_id=str(report.pk))
    assert (report.version, latest.number, latest.action) == (2, 2, "move")
    assert (entry.changes, entry.reason) == ({"unit": ["州司法局(重复)", "州司法局"]}, "重复")
    assert AuditEntry.objects.get(action="merge").changes["reports"] == 1


def test_merge_refuses_what_it_cannot_move_and_leaves_everything_as_it_was(world, duplicate):
    keep, dup = duplicate
    f.UrgeNoticeFactory(unit=dup, created_by=world.people["office"])
    with pytest.raises(directory.DirectoryError, match="催办通知"):
        merge_units(keep, dup, world.people["office"], "同一单位")
    assert Assignment.objects.filter(unit=dup).exists()
    assert not AuditEntry.objects.filter(action="merge").exists()


def test_merge_refuses_when_both_reported_the_same_period(world):
    dup = f.UnitFactory(organisation=world.organisation, region=world.home, name="州司法局(重复)")
    f.ReportFactory(
        assignment=f.AssignmentFactory(measure=world.first, unit=dup), period=world.period
    )
    f.ReportFactory(assignment=world.first.assignments.get(unit=world.justice), period=world.period)
    with pytest.raises(directory.DirectoryError, match="都已有进展报告"):
        merge_units(world.justice, dup, world.people["office"], "重复")
    assert Unit.objects.filter(pk=dup.pk).exists()


def test_merge_refuses_units_of_two_organisations(world):
    stranger = f.UnitFactory(organisation=world.other, name="州司法局")
    with pytest.raises(directory.DirectoryError):
        merge_units(world.justice, stranger, world.people["office"], "误操作")


def test_merge_is_audited_with_reason(world, duplicate):
    keep, dup = duplicate
    merge_units(keep, dup, world.people["office"], "州精神文明办即州委宣传部")
    entry = AuditEntry.objects.get(action="merge")
    assert (entry.object_id, entry.changes["merged"], entry.reason) == (
        str(keep.pk),
        "州精神文明办",
        "州精神文明办即州委宣传部",
    )


def test_merged_name_matches_the_kept_unit(world, duplicate):
    keep, dup = duplicate
    merge_units(keep, dup, world.people["office"], "同一单位")
    assert directory.match_names(world.organisation, ["州精神文明办"]) == {"州精神文明办": keep}


def test_later_import_of_the_merged_name_lands_on_the_kept_unit(world, duplicate):
    keep, dup = duplicate
    office = world.people["office"]
    merge_units(keep, dup, office, "同一单位")
    staged = importing.stage(world.organisation, office, world.home, "new.txt", PLAN_TEXT.encode())
    plan = importing.confirm(staged, office, {})
    measure = plan.measures.get()
    assert measure.assignments.get(role="lead").unit == keep
    assert not Unit.objects.filter(name="州精神文明办").exists()


def test_add_alias_refuses_a_name_of_another_unit(world):
    with pytest.raises(directory.DirectoryError, match="州教育局"):
        directory.add_alias(world.justice, "州教育局", world.people["office"])


def test_add_alias_refuses_a_folded_variant_of_an_alias(world):
    directory.add_alias(world.justice, "州司法行政局", world.people["office"])
    with pytest.raises(directory.DirectoryError):
        directory.add_alias(world.police, "州司法行政局 ", world.people["office"])


def test_create_unit_refuses_an_existing_name(world):
    draft = directory.UnitDraft("州司法局", "government", "prefecture", world.home)
    with pytest.raises(directory.DirectoryError, match="已被"):
        directory.create_unit(world.organisation, draft, world.people["office"])


def test_create_unit_refuses_a_region_of_another_organisation(world):
    region = f.RegionFactory(organisation=world.other)
    draft = directory.UnitDraft("州档案馆", "other", "prefecture", region)
    with pytest.raises(directory.DirectoryError, match="区域"):
        directory.create_unit(world.organisation, draft, world.people["office"])


def test_update_unit_records_labels_not_codes(world):
    directory.update_unit(world.justice, world.people["office"], "核对", category="party")
    entry = AuditEntry.objects.get(action="update")
    assert entry.changes == {"category": ["政府部门", "党委部门"]}


def test_update_unit_without_change_records_nothing(world):
    directory.update_unit(world.justice, world.people["office"], category="government")
    assert not AuditEntry.objects.filter(action="update").exists()


# -- collectives ---------------------------------------------------------------------


@pytest.fixture
def counties(world):
    """各县(市) named as responsible on measure 2, with a second county government."""
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    MeasureCollective.objects.create(
        measure=world.second, collective=collective, role="responsible"
    )
    second_county = f.CountyFactory(organisation=world.organisation, name="乙县")
    other_government = f.UnitFactory(
        organisation=world.organisation, region=second_county, name="乙县人民政府", level="county"
    )
    return collective, other_government


def test_member_added_gets_the_collectives_measures(world, counties):
    collective, other_government = counties
    set_collective_members(collective, [other_government], world.people["office"])
    assignment = Assignment.objects.get(measure=world.second, unit=other_government)
    assert (assignment.role, assignment.via) == ("responsible", collective)


def test_member_removed_loses_the_collectives_measures(world, counties):
    collective, other_government = counties
    office = world.people["office"]
    set_collective_members(collective, [other_government], office)
    set_collective_members(collective, [], office)
    assert not Assignment.objects.filter(measure=world.second, unit=other_government).exists()


def test_member_removed_keeps_work_it_is_named_for_directly(world, counties):
    collective, _ = counties
    office = world.people["office"]
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    set_collective_members(collective, [world.county_government], office)
    set_collective_members(collective, [], office)
    assert Assignment.objects.filter(measure=world.first, unit=world.county_government).exists()


def test_member_removed_keeps_work_of_another_collective_naming_the_measure(world, counties):
    collective, other_government = counties
    office = world.people["office"]
    second = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市、区)")
    MeasureCollective.objects.create(measure=world.second, collective=second, role="responsible")
    set_collective_members(collective, [other_government], office)
    set_collective_members(second, [other_government], office)
    set_collective_members(collective, [], office)
    assert Assignment.objects.get(measure=world.second, unit=other_government).via == second


def test_membership_change_is_audited(world, counties):
    collective, other_government = counties
    set_collective_members(collective, [other_government], world.people["office"], "定义")
    entry = AuditEntry.objects.get(action="members")
    assert (entry.changes, entry.reason) == (
        {"members_added": ["乙县人民政府"], "members_removed": []},
        "定义",
    )


def test_collective_refuses_units_of_another_organisation(world, counties):
    collective, _ = counties
    stranger = f.UnitFactory(organisation=world.other)
    with pytest.raises(directory.DirectoryError):
        set_collective_members(collective, [stranger], world.people["office"])
