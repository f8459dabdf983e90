"""Upload -> preview -> confirm or abandon, as the coordinating office does it."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from taizhang.parsing.errors import refusal_message
from taizhang.plans import importing
from taizhang.plans.import_views import _ledger_url
from taizhang.plans.models import Assignment, Measure, Plan, PlanImport, RecurringDuty, Target
from taizhang.units.models import Unit, UnitAlias

SMALL_PLAN = """测试州法治示范建设实施方案(2023—2025年)

为贯彻落实《法治社会建设实施纲要(2020—2025年)》，制定本方案。

一、总体要求
二、主要任务
（一）加强宪法宣传
1.开展宪法宣传周活动。每年至少开展2次宪法宣传活动。〔牵头单位：州司法局；责任单位：州教育局、州公安局〕
2.推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。〔牵头单位：州民政局；责任单位：各县(市)〕
（二）完善法律服务
3.完善公共法律服务体系，2024年底前建成服务平台。〔牵头单位：州法律援助中心；责任单位：州司法局〕
5.加强人民调解工作。
"""


def upload(client, world, text=SMALL_PLAN, name="plan.txt", **fields):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(
        reverse("plans:import"),
        {"file": SimpleUploadedFile(name, data), "region": world.home.pk, **fields},
    )


@pytest.fixture
def staged(office, world):
    upload(office, world)
    return PlanImport.objects.get()


def confirm_url(plan_import):
    return reverse("plans:import_preview", kwargs={"import_id": plan_import.pk})


def test_upload_stages_an_import_and_shows_its_preview(office, world):
    plans_before = Plan.objects.count()
    response = upload(office, world)
    plan_import = PlanImport.objects.get()
    assert response.status_code == 302
    assert response.url == confirm_url(plan_import)
    assert Plan.objects.count() == plans_before


def test_upload_page_offers_the_organisations_regions_only(office, world):
    response = office.get(reverse("plans:import"))
    regions = list(response.context["form"].fields["region"].queryset)
    assert set(regions) == {world.home, world.county}


def test_preview_shows_the_ledger_and_translated_diagnostics(office, staged):
    response = office.get(confirm_url(staged))
    page = response.content.decode()
    assert response.status_code == 200
    assert "开展宪法宣传周活动" in page
    assert "未标注牵头/责任单位" in page
    assert "编号不连续" in page
    assert "第5项排在第3项之后" in page


def test_preview_attaches_diagnostics_to_their_measure(office, staged):
    rows = office.get(confirm_url(staged)).context["rows"]
    flagged = {row["task"]["no"]: row["diagnostics"] for row in rows if row.get("diagnostics")}
    assert list(flagged) == [5]
    assert {d["code"] for d in flagged[5]} == {"no-attribution", "numbering-gap"}


def test_preview_lists_unknown_names_with_drafts(office, staged, world):
    response = office.get(confirm_url(staged))
    names = [row["choice"].name for row in response.context["name_rows"]]
    assert names == ["州民政局", "州法律援助中心"]
    draft = response.context["name_rows"][0]["choice"].draft
    assert draft.region == world.home


def test_preview_suggests_a_similar_existing_unit(office, world):
    upload(office, world, SMALL_PLAN.replace("州公安局", "州公安局交警支队"))
    response = office.get(confirm_url(PlanImport.objects.get()))
    rows = {row["choice"].name: row for row in response.context["name_rows"]}
    assert rows["州公安局交警支队"]["suggested"] == world.police


def test_confirm_creates_plan_measures_assignments_and_units(office, staged, world):
    response = office.post(confirm_url(staged))
    plan = Plan.objects.get(title="测试州法治示范建设实施方案(2023—2025年)")
    assert response.status_code == 302
    assert response.url == _ledger_url(plan)  # the plan's ledger, or the list without one
    assert list(plan.measures.values_list("number", flat=True)) == [1, 2, 3, 5]
    created = Unit.objects.filter(
        organisation=world.organisation, name__in=["州民政局", "州法律援助中心"]
    )
    assert created.count() == 2
    first = plan.measures.get(number=1)
    assert {(a.unit.name, a.role) for a in first.assignments.all()} == {
        ("州司法局", "lead"),
        ("州教育局", "responsible"),
        ("州公安局", "responsible"),
    }
    assert not PlanImport.objects.exists()


def test_confirm_keeps_targets_duties_and_deadlines(office, staged):
    office.post(confirm_url(staged))
    plan = Plan.objects.get(title__startswith="测试州法治示范")
    assert Target.objects.get(measure__plan=plan).value == 50
    assert RecurringDuty.objects.get(measure__plan=plan).times_per_year == 2
    assert str(plan.measures.get(number=3).deadline) == "2024-12-31"


def test_confirm_uses_the_corrected_draft(office, staged, world):
    office.post(
        confirm_url(staged),
        {
            "n1-action": "create",
            "n1-category": "other",
            "n1-level": "county",
            "n1-region": world.county.pk,
        },
    )
    unit = Unit.objects.get(organisation=world.organisation, name="州法律援助中心")
    assert (unit.category, unit.level, unit.region) == ("other", "county", world.county)


def test_mapping_a_name_to_an_existing_unit_adds_an_alias_not_a_unit(office, staged, world):
    units_before = Unit.objects.count()
    office.post(
        confirm_url(staged),
        {"n1-action": "map", "n1-unit": world.justice.pk},
    )
    assert Unit.objects.count() == units_before + 1  # only 州民政局 is new
    alias = UnitAlias.objects.get(name="州法律援助中心")
    assert alias.unit == world.justice
    measure = Measure.objects.get(plan__title__startswith="测试州法治示范", number=3)
    assert list(measure.assignments.values_list("unit__name", "role")) == [("州司法局", "lead")]


def test_mapping_without_a_unit_is_refused_with_one_message(office, staged):
    response = office.post(confirm_url(staged), {"n0-action": "map"})
    assert response.status_code == 400
    assert "请为以下名称选择对应的已有单位" in response.content.decode()
    assert PlanImport.objects.filter(pk=staged.pk).exists()


def test_parent_plan_is_kept(office, world):
    upload(office, world, parent=world.plan.pk)
    office.post(confirm_url(PlanImport.objects.get()))
    assert Plan.objects.get(title__startswith="测试州法治示范").parent == world.plan


def test_abandon_leaves_nothing_behind(office, staged, world):
    counts = (Plan.objects.count(), Measure.objects.count(), Unit.objects.count())
    abandon = reverse("plans:import_abandon", kwargs={"import_id": staged.pk})
    response = office.post(abandon)
    assert response.status_code == 302
    assert not PlanImport.objects.exists()
    assert (Plan.objects.count(), Measure.objects.count(), Unit.objects.count()) == counts


def test_a_failure_midway_through_confirm_writes_nothing(office, staged, monkeypatch):
    counts = (
        Plan.objects.count(),
        Measure.objects.count(),
        Unit.objects.count(),
        Assignment.objects.count(),
    )
    written = []

    def fail_after_the_measures(plan, measures, *args, **kwargs):
        written.append((Measure.objects.filter(plan=plan).count(), len(measures)))
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "_attach_new", fail_after_the_measures)
    response = office.post(confirm_url(staged), follow=True)
    # it failed midway: the plan and its measures were written by then
    [(measures, expected)] = written
    assert measures == expected > 0
    assert "导入未完成，未写入任何数据" in response.content.decode()
    assert (
        Plan.objects.count(),
        Measure.objects.count(),
        Unit.objects.count(),
        Assignment.objects.count(),
    ) == counts
    assert PlanImport.objects.filter(pk=staged.pk).exists()


def test_confirm_service_rolls_back_on_error(staged, world, monkeypatch):
    monkeypatch.setattr(importing, "_sync_targets", lambda *a: 1 / 0)
    units = Unit.objects.count()
    with pytest.raises(ZeroDivisionError):
        importing.confirm(staged, world.people["office"], {})
    assert Unit.objects.count() == units
    assert not Plan.objects.filter(title__startswith="测试州法治示范").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.txt", bytes(range(256)) * 20, refusal_message("binary")),
        ("plan.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, refusal_message("legacy_office")),
        (
            "plan.txt",
            "这是一份通知，没有任何编号任务。".encode(),
            refusal_message("no_measures"),
        ),
        ("plan.xlsx", b"PK\x03\x04", refusal_message("zip")),
        ("plan.pptx", b"PK\x03\x04", "仅支持 .txt、.html、.docx、.xlsx、.pdf 格式的方案文件。"),
        ("plan.pdf", b"not a pdf at all", refusal_message("not_pdf")),
    ],
)
def test_a_bad_file_gets_one_chinese_message_and_nothing_is_written(
    office, world, name, data, message
):
    response = upload(office, world, data, name=name)
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    assert not PlanImport.objects.exists()


def test_a_file_over_20_mb_is_refused(office, world):
    response = upload(office, world, b"1." + b"a" * (20 * 1024 * 1024), name="plan.txt")
    assert response.context["form"].errors["file"] == [refusal_message("too_large")]
    assert not PlanImport.objects.exists()


def test_the_demo_plan_imports_in_the_browser_flow(office, world):
    from tests.conftest import DEMO

    upload(office, world, (DEMO / "yinchuan-fazhi-shehui-2022-2025.txt").read_bytes())
    plan_import = PlanImport.objects.get()
    assert office.get(confirm_url(plan_import)).status_code == 200
    office.post(confirm_url(plan_import))
    plan = Plan.objects.get(source_name="plan.txt")
    assert plan.measures.count() == 87


def test_purge_imports_removes_only_stale_uploads(staged, world):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    fresh = importing.stage(
        world.organisation, world.people["office"], world.home, "new.txt", SMALL_PLAN.encode()
    )
    PlanImport.objects.filter(pk=staged.pk).update(created_at=timezone.now() - timedelta(days=2))
    call_command("purge_imports")
    assert list(PlanImport.objects.values_list("pk", flat=True)) == [fresh.pk]


def test_a_chapter_attribution_is_shown_with_the_line_it_came_from():
    # the parser's chapter-attribution (以下任务由X牵头… under a chapter heading) in Chinese,
    # naming the measure and the line of the chapter's own attribution
    from taizhang.plans.import_views import translate

    shown = translate(
        {
            "code": "chapter-attribution",
            "message": "Measure 4 has no units of its own; it was given those its chapter "
            "names on line 17.",
            "line": 19,
            "level": "info",
        }
    )
    assert (shown["label"], shown["detail"]) == (
        "沿用本章统一的分工",
        "第4项沿用原文第17行本章统一的分工",
    )


SCORED_ITEMS = """某县安全生产工作考核评分细则

一、责任落实（20分）
1.成立安全生产委员会，每季度召开一次会议。（10分）
评分标准：未成立的扣5分。
2.签订安全生产责任书。（10分）
评分标准：未签订的每人扣1分。
"""


def test_scored_items_are_staged_for_the_office_but_an_import_without_measures_is_not_confirmed(
    office, world
):
    """A file whose numbered items all carry scores is shown in the preview with the
    diagnostic (the office may make a line a measure), not refused; confirming it while it
    still has no measure is refused with one message and writes nothing."""
    upload(office, world, SCORED_ITEMS)
    staged = PlanImport.objects.get()
    assert staged.document["tasks"] == []
    assert "indicators-not-measures" in {d["code"] for d in staged.document["diagnostics"]}
    with pytest.raises(importing.ImportRejected, match="预览中没有任务"):
        importing.confirm(staged, world.people["office"], {})
    assert not Plan.objects.filter(title__contains="考核评分细则").exists()
    assert PlanImport.objects.filter(pk=staged.pk).exists()


TWO_NAMES = """测试州平安建设工作方案

一、主要任务
1.健全社会治安防控体系。（牵头单位：州发改委）
2.推进重大项目风险评估。（牵头单位：州发展和改革委员会）
"""


def test_two_new_names_of_one_body_become_one_unit_and_its_alias(office, world):
    """州发改委 and 州发展和改革委员会 in one plan: the office maps the short name to the
    other new name; one unit is made, the short name is its alias, both measures lead
    with it."""
    upload(office, world, TWO_NAMES)
    staged = PlanImport.objects.get()
    names = [choice.name for choice in importing.preview(staged).unknown]
    short, full = names.index("州发改委"), names.index("州发展和改革委员会")
    units_before = Unit.objects.count()
    response = office.post(
        confirm_url(staged), {f"n{short}-action": "map", f"n{short}-unit": f"new-{full}"}
    )
    assert response.status_code == 302
    assert Unit.objects.count() == units_before + 1
    unit = Unit.objects.get(name="州发展和改革委员会")
    assert UnitAlias.objects.get(name="州发改委").unit == unit
    plan = Plan.objects.get(title__startswith="测试州平安建设")
    leads = Assignment.objects.filter(measure__plan=plan, role="lead")
    assert {a.unit_id for a in leads} == {unit.pk} and leads.count() == 2


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        (lambda s, f: {f"n{s}-action": "map", f"n{s}-unit": f"new-{s}"}, "不能对应到它自己"),
        (
            lambda s, f: {
                f"n{s}-action": "map",
                f"n{s}-unit": f"new-{f}",
                f"n{f}-action": "map",
                f"n{f}-unit": f"new-{s}",
            },
            "本身也对应到了其他单位",
        ),
    ],
)
def test_a_name_mapped_to_itself_or_round_in_a_circle_is_refused(office, world, choices, message):
    upload(office, world, TWO_NAMES)
    staged = PlanImport.objects.get()
    names = [choice.name for choice in importing.preview(staged).unknown]
    short, full = names.index("州发改委"), names.index("州发展和改革委员会")
    response = office.post(confirm_url(staged), choices(short, full))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Plan.objects.filter(title__startswith="测试州平安建设").exists()


def test_a_short_name_is_hinted_as_the_same_body_as_a_longer_new_name():
    from taizhang.plans.import_forms import abbreviations

    names = ["市发改委", "市发展和改革委员会", "市人社局", "市人力资源和社会保障局", "市财政局"]
    assert abbreviations(names) == {
        "市发改委": "市发展和改革委员会",
        "市人社局": "市人力资源和社会保障局",
    }
    # another prefix or another order is no abbreviation
    assert abbreviations(["县发改委", "市发展和改革委员会", "市委改发"]) == {}


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_an_office_upload_reads_its_zip_directory_once_for_the_limits_and_once_to_read(
    office, world, zip_opens, kind
):
    """The kind, the ZIP-bomb limits and the reading ask one member list (ours, read once);
    the library that reads the parts (python-docx, openpyxl) opens the same bytes once
    more. Before, the kind, the limits, an is_zipfile and the reader each read it: 4."""
    from tests.conftest import docx_bytes
    from tests.parsing.workbooks import ROWS, task_table

    data = docx_bytes(SMALL_PLAN) if kind == "docx" else task_table(*ROWS)
    zip_opens.clear()
    response = upload(office, world, data, name=f"plan.{kind}")
    assert response.status_code == 302, response.content.decode()
    assert len(zip_opens) == 2


def test_a_body_of_another_level_is_not_suggested_for_a_new_name(office, world):
    """区司法局 (a district's bureau in an unseen plan) was offered as 可能是：州司法局,
    the prefecture's, and preselected in 对应已有单位."""
    plan = SMALL_PLAN.replace("州教育局、州公安局", "区司法局、州公安局交警支队")
    upload(office, world, plan)
    response = office.get(confirm_url(PlanImport.objects.get()))
    rows = {row["choice"].name: row for row in response.context["name_rows"]}
    assert rows["区司法局"]["suggested"] is None
    assert rows["州公安局交警支队"]["suggested"] == world.police
