"""The directory pages: who may see and change them, and what they do."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans.models import Assignment, MeasureCollective
from taizhang.units.models import Unit, UnitAlias
from tests import factories as f

VIEWERS = ["office", "leader"]
NON_VIEWERS = ["liaison", "reviewer", "sysadmin"]  # the sysadmin sees no plan data


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


# -- permissions -----------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client, world):
    response = client.get(reverse("directory:directory"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("role", VIEWERS)
def test_directory_is_open_to_office_and_leader(client, world, role):
    assert _get(client, world.people[role], reverse("directory:directory")).status_code == 200


@pytest.mark.parametrize("role", NON_VIEWERS)
def test_directory_is_closed_to_other_roles(client, world, role):
    assert _get(client, world.people[role], reverse("directory:directory")).status_code == 403


@pytest.mark.parametrize("role", VIEWERS)
def test_unit_page_is_open_to_viewers(client, world, role):
    url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    assert _get(client, world.people[role], url).status_code == 200


@pytest.mark.parametrize("role", NON_VIEWERS)
def test_unit_page_is_closed_to_other_roles(client, world, role):
    url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    assert _get(client, world.people[role], url).status_code == 403


def test_outsider_gets_404_for_another_organisations_unit(client, world):
    url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    assert _get(client, world.people["outsider"], url).status_code == 404


def test_outsider_gets_404_for_another_organisations_collective(client, world):
    collective = f.CollectiveFactory(organisation=world.organisation)
    url = reverse("directory:collective", kwargs={"collective_id": collective.pk})
    assert _get(client, world.people["outsider"], url).status_code == 404


def test_outsider_cannot_merge_into_another_organisations_unit(client, world):
    client.force_login(world.people["outsider"])
    url = reverse("directory:unit_merge", kwargs={"unit_id": world.justice.pk})
    response = client.post(url, {"duplicate": world.police.pk, "reason": "x", "confirm": "on"})
    assert response.status_code == 404
    assert Unit.objects.filter(pk=world.police.pk).exists()


@pytest.mark.parametrize("role", ["leader", "sysadmin"])
def test_readers_cannot_change_a_unit(client, world, role):
    client.force_login(world.people[role])
    url = reverse("directory:unit_update", kwargs={"unit_id": world.justice.pk})
    response = client.post(
        url,
        {"category": "party", "level": "prefecture", "region": world.home.pk},
    )
    assert response.status_code == 403
    world.justice.refresh_from_db()
    assert world.justice.category == "government"


@pytest.mark.parametrize("role", ["leader", "sysadmin"])
def test_readers_cannot_open_merge_or_create(client, world, role):
    client.force_login(world.people[role])
    merge = reverse("directory:unit_merge", kwargs={"unit_id": world.justice.pk})
    assert client.get(merge).status_code == 403
    assert client.get(reverse("directory:unit_create")).status_code == 403


@pytest.mark.parametrize("role", ["leader", "sysadmin"])
def test_readers_cannot_change_a_collective(client, world, role):
    collective = f.CollectiveFactory(organisation=world.organisation)
    client.force_login(world.people[role])
    url = reverse("directory:collective", kwargs={"collective_id": collective.pk})
    assert client.post(url, {"members": [world.police.pk]}).status_code == 403
    assert not collective.members.exists()


def test_readers_see_no_edit_forms(client, world):
    url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    page = _get(client, world.people["leader"], url).content.decode()
    assert "修改单位信息" not in page and "添加别名" not in page


# -- the directory -----------------------------------------------------------------------


def test_directory_groups_units_by_level_and_category(client, world):
    page = _get(client, world.people["office"], reverse("directory:directory")).content.decode()
    assert page.index("州(市)级 · 政府部门") < page.index("县(市、区)级 · 政府部门")
    assert (
        page.index("州司法局") < page.index("县(市、区)级 · 政府部门") < page.index("甲县人民政府")
    )


def test_directory_counts_measures_led_and_shared(client, world):
    response = _get(client, world.people["office"], reverse("directory:directory"))
    units = {u.name: u for g in response.context["groups"] for u in g.units}
    assert (units["州司法局"].led, units["州司法局"].shared) == (1, 0)
    assert (units["州教育局"].led, units["州教育局"].shared) == (0, 1)


def test_directory_shows_aliases(client, world):
    UnitAlias.objects.create(
        unit=world.justice, organisation=world.organisation, name="州司法行政局"
    )
    page = _get(client, world.people["office"], reverse("directory:directory")).content.decode()
    assert "州司法行政局" in page


def test_directory_search_by_name(client, world):
    response = _get(client, world.people["office"], reverse("directory:directory") + "?q=教育")
    names = [u.name for g in response.context["groups"] for u in g.units]
    assert names == ["州教育局"]


def test_directory_search_finds_alias(client, world):
    UnitAlias.objects.create(
        unit=world.justice, organisation=world.organisation, name="州司法行政局"
    )
    response = _get(client, world.people["office"], reverse("directory:directory") + "?q=司法行政")
    assert [u.name for g in response.context["groups"] for u in g.units] == ["州司法局"]


def test_directory_filters_by_level_and_region(client, world):
    url = reverse("directory:directory") + f"?level=county&region={world.county.pk}"
    response = _get(client, world.people["office"], url)
    assert [u.name for g in response.context["groups"] for u in g.units] == ["甲县人民政府"]


def test_directory_filters_by_category(client, world):
    f.UnitFactory(
        organisation=world.organisation, region=world.home, name="州法院", category="court"
    )
    response = _get(
        client, world.people["office"], reverse("directory:directory") + "?category=court"
    )
    assert [u.name for g in response.context["groups"] for u in g.units] == ["州法院"]


def test_directory_never_lists_another_organisations_units(client, world):
    f.UnitFactory(organisation=world.other, name="别处司法局")
    page = _get(client, world.people["office"], reverse("directory:directory")).content.decode()
    assert "别处司法局" not in page


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _grow(world, n=25):
    """Many more units, measures, assignments, aliases and collectives."""
    for i in range(n):
        unit = f.UnitFactory(organisation=world.organisation, region=world.home, name=f"州大{i}局")
        UnitAlias.objects.create(unit=unit, organisation=world.organisation, name=f"州大{i}办")
        measure = f.MeasureFactory(plan=world.plan)
        f.AssignmentFactory(measure=measure, unit=unit, role="lead")
        f.AssignmentFactory(measure=measure, unit=world.justice)
        collective = f.CollectiveFactory(organisation=world.organisation)
        collective.members.add(unit)
        MeasureCollective.objects.create(measure=measure, collective=collective, role="responsible")


@pytest.mark.parametrize("name", ["directory:directory", "directory:collectives"])
def test_list_page_queries_do_not_grow_with_data(client, world, name):
    client.force_login(world.people["office"])
    f.CollectiveFactory(organisation=world.organisation)
    small = _queries(client, reverse(name))
    _grow(world)
    assert _queries(client, reverse(name)) == small


def test_unit_and_collective_pages_queries_do_not_grow(client, world):
    client.force_login(world.people["office"])
    collective = f.CollectiveFactory(organisation=world.organisation)
    MeasureCollective.objects.create(measure=world.first, collective=collective, role="responsible")
    unit_url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    collective_url = reverse("directory:collective", kwargs={"collective_id": collective.pk})
    small = (_queries(client, unit_url), _queries(client, collective_url))
    _grow(world)
    for measure in world.plan.measures.all():
        MeasureCollective.objects.get_or_create(
            measure=measure, collective=collective, defaults={"role": "responsible"}
        )
    assert (_queries(client, unit_url), _queries(client, collective_url)) == small


# -- changing a unit -------------------------------------------------------------------


def test_office_changes_category_level_and_region(client, world):
    client.force_login(world.people["office"])
    url = reverse("directory:unit_update", kwargs={"unit_id": world.police.pk})
    data = {
        "category": "party",
        "level": "county",
        "region": world.county.pk,
        "reason": "机构改革",
    }
    assert client.post(url, data).status_code == 302
    world.police.refresh_from_db()
    assert (world.police.category, world.police.level, world.police.region) == (
        "party",
        "county",
        world.county,
    )


def test_unit_change_is_audited_with_reason(client, world):
    client.force_login(world.people["office"])
    url = reverse("directory:unit_update", kwargs={"unit_id": world.police.pk})
    client.post(
        url,
        {
            "category": "party",
            "level": "prefecture",
            "region": world.home.pk,
            "reason": "机构改革",
        },
    )
    entry = AuditEntry.objects.get(action="update")
    assert (entry.actor, entry.reason, entry.changes) == (
        world.people["office"],
        "机构改革",
        {"category": ["政府部门", "党委部门"]},
    )


def test_region_of_another_organisation_is_refused(client, world):
    client.force_login(world.people["office"])
    foreign = f.RegionFactory(organisation=world.other)
    url = reverse("directory:unit_update", kwargs={"unit_id": world.police.pk})
    response = client.post(
        url,
        {"category": "government", "level": "prefecture", "region": foreign.pk},
    )
    assert response.status_code == 400 and "请选择本组织的区域。" in response.content.decode()
    world.police.refresh_from_db()
    assert world.police.region == world.home


def test_office_adds_an_alias(client, world):
    client.force_login(world.people["office"])
    url = reverse("directory:unit_alias", kwargs={"unit_id": world.justice.pk})
    client.post(url, {"alias": "州司法行政局", "reason": "简称"})
    assert UnitAlias.objects.get(name="州司法行政局").unit == world.justice


def test_alias_taken_by_another_unit_shows_one_message(client, world):
    client.force_login(world.people["office"])
    url = reverse("directory:unit_alias", kwargs={"unit_id": world.justice.pk})
    response = client.post(url, {"alias": "州教育局"})
    assert "已被单位“州教育局”使用" in response.content.decode()
    assert not UnitAlias.objects.exists()


def _rename(client, unit, name, reason="名称录入有误，按编制文件更正。"):
    url = reverse("directory:unit_rename", kwargs={"unit_id": unit.pk})
    return client.post(url, {"name": name, "reason": reason}, follow=True)


def test_office_corrects_a_unit_s_name_and_keeps_the_old_one_as_an_alias(client, world):
    """A typo in a unit's name is corrected with a reason; plans printed with the old name
    still find the unit, and the ledger shows the new name at once."""
    client.force_login(world.people["office"])
    page = _rename(client, world.justice, "州司法行政局").content.decode()
    assert "已将“州司法局”更正为“州司法行政局”" in page
    world.justice.refresh_from_db()
    assert world.justice.name == "州司法行政局"
    assert UnitAlias.objects.get(name="州司法局").unit == world.justice
    entry = AuditEntry.objects.get(action="rename", object_id=str(world.justice.pk))
    assert entry.changes["name"] == ["州司法局", "州司法行政局"]
    assert entry.reason == "名称录入有误，按编制文件更正。"
    ledger = client.get(reverse("ledger:ledger", kwargs={"plan_id": world.plan.pk}))
    assert "州司法行政局" in ledger.content.decode()
    # Back to the old name: the alias becomes the name again, the other name an alias.
    _rename(client, world.justice, "州司法局")
    world.justice.refresh_from_db()
    assert world.justice.name == "州司法局"
    assert list(world.justice.aliases.values_list("name", flat=True)) == ["州司法行政局"]


@pytest.mark.parametrize(
    ("name", "reason", "message"),
    [
        ("州教育局", "更正", "已被单位“州教育局”使用"),
        ("州司法行政局", "", "请填写更正名称的原因"),
        ("州司法局", "更正", "新名称与现名称相同"),
    ],
)
def test_a_unit_s_name_is_not_corrected_wrongly(client, world, name, reason, message):
    client.force_login(world.people["office"])
    response = _rename(client, world.justice, name, reason)
    assert response.status_code == 400 and message in response.content.decode()
    world.justice.refresh_from_db()
    assert world.justice.name == "州司法局"
    assert not AuditEntry.objects.filter(action="rename").exists()


def test_office_creates_a_unit(client, world):
    client.force_login(world.people["office"])
    data = {"name": "州档案馆", "category": "other", "level": "prefecture", "region": world.home.pk}
    response = client.post(reverse("directory:unit_create"), data)
    unit = Unit.objects.get(name="州档案馆")
    assert response.url == reverse("directory:unit", kwargs={"unit_id": unit.pk})
    assert AuditEntry.objects.filter(action="create", object_id=str(unit.pk)).exists()


def test_creating_a_duplicate_unit_is_refused(client, world):
    client.force_login(world.people["office"])
    data = {
        "name": "州司法局",
        "category": "government",
        "level": "prefecture",
        "region": world.home.pk,
    }
    response = client.post(reverse("directory:unit_create"), data)
    assert "已被单位“州司法局”使用" in response.content.decode()
    assert Unit.objects.filter(name="州司法局").count() == 1


# -- merging -----------------------------------------------------------------------------


def _merge(client, world, keep, duplicate, **extra):
    client.force_login(world.people["office"])
    data = {"duplicate": duplicate.pk, "reason": "同一单位", "confirm": "on", **extra}
    return client.post(reverse("directory:unit_merge", kwargs={"unit_id": keep.pk}), data)


def test_merge_page_folds_the_duplicate_into_the_unit(client, world):
    keep = f.UnitFactory(organisation=world.organisation, region=world.home, name="州委宣传部")
    dup = f.UnitFactory(
        organisation=world.organisation, region=world.home, name="州委宣传部(州精神文明办)"
    )
    f.AssignmentFactory(measure=world.second, unit=dup)
    response = _merge(client, world, keep, dup)
    assert response.status_code == 302
    assert Assignment.objects.get(measure=world.second, unit=keep)
    assert UnitAlias.objects.get(name="州委宣传部(州精神文明办)").unit == keep


def test_merge_without_confirmation_changes_nothing(client, world):
    response = _merge(client, world, world.justice, world.police, confirm="")
    assert "请勾选确认后再合并。" in response.content.decode()
    assert Unit.objects.filter(pk=world.police.pk).exists()


def test_merge_without_reason_changes_nothing(client, world):
    response = _merge(client, world, world.justice, world.police, reason="")
    assert "请填写合并原因。" in response.content.decode()
    assert Unit.objects.filter(pk=world.police.pk).exists()


def test_merge_page_cannot_pick_another_organisations_unit(client, world):
    stranger = f.UnitFactory(organisation=world.other)
    response = _merge(client, world, world.justice, stranger)
    assert "请选择本组织的另一个单位。" in response.content.decode()
    assert Unit.objects.filter(pk=stranger.pk).exists()


# -- collectives -------------------------------------------------------------------------


@pytest.fixture
def counties(world):
    collective = f.CollectiveFactory(organisation=world.organisation, phrase="各县(市)")
    MeasureCollective.objects.create(
        measure=world.second, collective=collective, role="responsible"
    )
    return collective


def test_collectives_list_shows_measure_count(client, world, counties):
    response = _get(client, world.people["office"], reverse("directory:collectives"))
    (collective,) = response.context["collectives"]
    assert (collective.phrase, collective.measure_count) == ("各县(市)", 1)


def test_saving_members_syncs_assignments(client, world, counties):
    client.force_login(world.people["office"])
    url = reverse("directory:collective", kwargs={"collective_id": counties.pk})
    client.post(url, {"members": [world.county_government.pk], "reason": "本州各县", "save": "1"})
    assignment = Assignment.objects.get(measure=world.second, unit=world.county_government)
    assert assignment.via == counties
    assert AuditEntry.objects.get(action="members").reason == "本州各县"


def test_quick_pick_ticks_county_units_without_saving(client, world, counties):
    client.force_login(world.people["office"])
    url = reverse("directory:collective", kwargs={"collective_id": counties.pk})
    response = client.post(url, {"pick": "county"})
    assert response.context["selected"] == {world.county_government.pk}
    assert not counties.members.exists()


def test_quick_pick_by_category_adds_to_the_ticked_units(client, world, counties):
    court = f.UnitFactory(
        organisation=world.organisation, region=world.home, name="州法院", category="court"
    )
    client.force_login(world.people["office"])
    url = reverse("directory:collective", kwargs={"collective_id": counties.pk})
    response = client.post(url, {"pick": "category:court", "members": [world.police.pk]})
    assert response.context["selected"] == {world.police.pk, court.pk}


def test_unit_page_form_fields_have_unique_ids(client, world):
    url = reverse("directory:unit", kwargs={"unit_id": world.justice.pk})
    page = _get(client, world.people["office"], url).content.decode()
    assert page.count('id="id_reason"') == 1 and page.count('id="alias_reason"') == 1
