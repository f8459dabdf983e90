"""The office corrects the parse in the import preview: each kind of correction through its
page, the audit entry it leaves, the one message when it does not apply, the corrected
result on confirm, and the corrections offered again for a revised document."""

from __future__ import annotations

import pytest
from django.urls import reverse

from taizhang.audit.models import AuditEntry
from taizhang.plans.models import Plan, PlanImport
from tests.plans.test_import_flow import upload

# Measure 1 runs two measures together (the second starts at 推进法治乡村建设); its
# attribution, printed after both, belongs to the second.
MERGED = """测试州法治示范建设实施方案

一、主要任务
1.开展宪法宣传周活动，每年至少开展2次宪法宣传活动。推进法治乡村建设，到2025年民主法治示范村比例达到50%以上。〔牵头单位：州司法局；责任单位：州教育局、州公安局〕
2.完善公共法律服务体系，2024年底前建成服务平台。〔牵头单位：州法律援助中心；责任单位：州司法局〕
3.加强人民调解工作。〔牵头单位：州司法局〕
各单位要按时报送进展情况。
"""
SECOND_STARTS = "推进法治乡村建设"


@pytest.fixture
def staged(office, world):
    upload(office, world, MERGED)
    return PlanImport.objects.get()


def url(name, plan_import):
    return reverse(f"plans:{name}", kwargs={"import_id": plan_import.pk})


def tasks(office, plan_import) -> list[dict]:
    """The measures as the preview shows them now (the corrected document)."""
    response = office.get(url("import_preview", plan_import))
    assert response.status_code == 200
    return response.context["preview"].tasks


def key_of(office, plan_import, number: int) -> str:
    return next(t["key"] for t in tasks(office, plan_import) if t["no"] == number)


def messages_of(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def audit(action: str) -> list[dict]:
    return [e.changes for e in AuditEntry.objects.filter(action=action).order_by("pk")]


def split(office, plan_import, number=1, **data):
    data = data or {"starts_with": SECOND_STARTS}
    key = key_of(office, plan_import, number)
    return office.post(url("import_split", plan_import), {"key": key, **data})


def test_splitting_at_the_words_the_next_measure_starts_with(office, staged):
    response = split(office, staged)
    assert response.status_code == 302
    assert response.url.endswith("#m-0")
    measures = tasks(office, staged)
    assert [t["no"] for t in measures] == [1, 2, 3, 4]
    assert measures[0]["text"] == "开展宪法宣传周活动，每年至少开展2次宪法宣传活动。"
    assert measures[1]["text"].startswith(SECOND_STARTS)
    assert measures[1]["lead"] == ["州司法局"] and measures[0]["lead"] == []
    assert measures[1]["targets"][0]["value"] == 50
    [entry] = audit("correct")
    assert entry["correction"].startswith("任务“开展宪法宣传周活动")
    assert f"后一项从“{SECOND_STARTS}" in entry["correction"]


def test_splitting_at_a_point_the_page_offers(office, staged):
    key = key_of(office, staged, 1)
    page = office.get(url("import_measure", staged), {"key": key})
    points = page.context["points"]
    offset = next(o for o, _before, after in points if after.startswith(SECOND_STARTS))
    split(office, staged, offset=offset)
    assert tasks(office, staged)[1]["text"].startswith(SECOND_STARTS)


def test_the_split_measure_shows_what_to_check_in_chinese(office, staged):
    split(office, staged)
    response = office.get(url("import_preview", staged))
    page = response.content.decode()
    assert "未标注牵头/责任单位" in page  # the first part has no units of its own
    [(code, line)] = [(d["code"], d["line"]) for d in response.context["rows"][1]["diagnostics"]]
    assert (code, line) == ("no-attribution", 4)  # about the first part, not the second
    assert "原文第4行" in page
    assert "已更正" in page
    assert "no-attribution" not in page and "target-unread" not in page
    legend = [item["label"] for item in office.get(url("import_preview", staged)).context["legend"]]
    assert "未标注牵头/责任单位" in legend


def test_units_written_for_a_measure_settle_its_missing_attribution(office, staged):
    split(office, staged)
    first = tasks(office, staged)[0]
    office.post(url("import_units", staged), {"key": first["key"], "lead": "州司法局"})
    preview = office.get(url("import_preview", staged)).context["preview"]
    assert not preview.diagnostics_by_task.get(0)


def test_a_split_that_does_not_apply_gets_one_message(office, staged):
    response = split(office, staged, starts_with="没有这句话")
    assert messages_of(response) == [
        "该任务内容中（开头除外）找不到“没有这句话”，请从原文中复制后一项任务开头的文字。"
    ]
    assert len(tasks(office, staged)) == 3
    assert not audit("correct")


def test_merging_with_the_next_measure(office, staged):
    key = key_of(office, staged, 2)
    office.post(url("import_merge", staged), {"key": key})
    measures = tasks(office, staged)
    assert [t["no"] for t in measures] == [1, 2]
    assert measures[1]["text"] == "完善公共法律服务体系，2024年底前建成服务平台。加强人民调解工作。"
    assert "与下一项合并为一项" in audit("correct")[0]["correction"]


def test_the_last_measure_cannot_be_merged(office, staged):
    response = office.post(url("import_merge", staged), {"key": key_of(office, staged, 3)})
    assert messages_of(response) == ["这是最后一项任务，没有可以合并的下一项。"]
    assert not PlanImport.objects.get().corrections


def test_setting_units_records_one_correction_per_field_changed(office, staged):
    key = key_of(office, staged, 3)
    office.post(
        url("import_units", staged),
        {"key": key, "lead": "州民政局", "responsible": "州司法局，州公安局", "collectives": ""},
    )
    measure = tasks(office, staged)[2]
    assert measure["lead"] == ["州民政局"]
    assert measure["responsible"] == ["州司法局", "州公安局"]
    labels = [changes["correction"] for changes in audit("correct")]
    assert labels == [
        "任务“加强人民调解工作。”的牵头单位改为：州民政局",
        "任务“加强人民调解工作。”的责任单位改为：州司法局、州公安局",
    ]


def test_setting_the_same_units_again_changes_nothing(office, staged):
    key = key_of(office, staged, 3)
    response = office.post(url("import_units", staged), {"key": key, "lead": "州司法局"})
    assert messages_of(response) == ["填写的内容与当前相同，未作更正。"]


def test_setting_a_deadline(office, staged):
    key = key_of(office, staged, 3)
    office.post(url("import_deadline", staged), {"key": key, "deadline": "2024年6月底前"})
    assert tasks(office, staged)[2]["deadline"] == "2024年6月底前"


def test_setting_targets_reads_each_line(office, staged):
    key = key_of(office, staged, 3)
    office.post(
        url("import_targets", staged),
        {"key": key, "targets": "到2025年调解成功率达到95%以上\n"},
    )
    [target] = tasks(office, staged)[2]["targets"]
    assert (target["value"], target["unit"], target["year"]) == (95, "%", 2025)


def test_a_target_left_as_shown_keeps_what_was_read_from_the_whole_measure(office, staged):
    first = tasks(office, staged)[0]
    [target] = first["targets"]
    lines = f"{target['quote']}\n到2026年宪法宣传覆盖率达到90%"
    office.post(url("import_targets", staged), {"key": first["key"], "targets": lines})
    kept, added = tasks(office, staged)[0]["targets"]
    assert kept == target and target["year"] == 2025 and str(2025) not in target["quote"]
    assert (added["value"], added["year"]) == (90, 2026)


def test_a_target_line_without_a_quantity_is_refused(office, staged):
    key = key_of(office, staged, 3)
    response = office.post(url("import_targets", staged), {"key": key, "targets": "做好调解"})
    assert messages_of(response) == [
        "未能从“做好调解”中识别出量化目标，请写明数值和计量单位，如“到2025年覆盖率达到95%以上”。"
    ]
    assert not PlanImport.objects.get().corrections


def test_marking_an_item_as_no_measure(office, staged):
    office.post(url("import_not_measure", staged), {"key": key_of(office, staged, 2)})
    assert [t["text"][:4] for t in tasks(office, staged)] == ["开展宪法", "加强人民"]
    assert "不作为任务" in audit("correct")[0]["correction"]


def test_making_a_line_a_measure(office, staged):
    response = office.post(url("import_make_measure", staged), {"line": 7})
    assert response.url.endswith("#m-3")
    measures = tasks(office, staged)
    assert measures[-1]["text"] == "各单位要按时报送进展情况。" and measures[-1]["no"] == 4
    assert audit("correct") == [{"correction": "原文第7行设为任务：“各单位要按时报送进展情况。”"}]


def test_an_empty_line_cannot_be_made_a_measure(office, staged):
    response = office.post(url("import_make_measure", staged), {"line": 2})
    assert messages_of(response) == ["原文第2行是空行、不存在或已是一项任务，不能设为任务。"]


def test_a_correction_naming_a_measure_no_longer_there_gets_one_message(office, staged):
    key = key_of(office, staged, 1)
    split(office, staged)  # measure 1 is now two other measures
    tasks(office, staged)
    response = office.post(url("import_merge", staged), {"key": key})
    assert messages_of(response) == ["该任务已因其他更正或修订而改变，请刷新预览后重试。"]


def test_undoing_a_correction(office, staged):
    split(office, staged)
    response = office.post(url("import_undo", staged), {"index": 0})
    assert response.url.endswith("#corrections")
    assert len(tasks(office, staged)) == 3
    assert audit("undo_correction")[0]["correction"].startswith("任务“开展宪法宣传周活动")


def test_the_source_page_numbers_the_lines_and_links_the_measures(office, staged):
    page = office.get(url("import_source", staged), {"line": 4})
    rows = {r["number"]: r for r in page.context["rows"]}
    assert [m["no"] for m in rows[4]["measures"]] == [1] and rows[4]["current"]
    assert rows[7]["measures"] == []
    assert 'id="l-7"' in page.content.decode()


def test_the_measure_page_offers_each_correction(office, staged):
    key = key_of(office, staged, 1)
    page = office.get(url("import_measure", staged), {"key": key}).content.decode()
    for button in ("拆分为两项", "保存分工", "保存时限", "保存目标", "与下一项合并", "不是任务"):
        assert button in page
    gone = office.get(url("import_measure", staged), {"key": "nothing"})
    assert gone.status_code == 302


def test_confirm_applies_the_corrections_and_audits_them(office, staged, world):
    split(office, staged)
    first, second = tasks(office, staged)[:2]
    office.post(url("import_units", staged), {"key": first["key"], "lead": "州司法局"})
    office.post(
        url("import_units", staged),
        {"key": second["key"], "lead": "州民政局", "responsible": "州教育局"},
    )
    response = office.post(url("import_preview", staged), {})
    assert response.status_code == 302, response.context and response.context["form"].errors
    plan = Plan.objects.get(title="测试州法治示范建设实施方案")
    measures = list(plan.measures.order_by("position"))
    assert [m.number for m in measures] == [1, 2, 3, 4]
    assert measures[1].text.startswith(SECOND_STARTS)
    roles = {(a.unit.name, a.role) for a in measures[1].assignments.all()}
    assert roles == {("州民政局", "lead"), ("州教育局", "responsible")}
    assert {a.unit.name for a in measures[0].assignments.all()} == {"州司法局"}
    [entry] = AuditEntry.objects.filter(action="import")
    # the split, measure 1's lead, measure 2's lead and responsible units
    assert entry.changes["corrections"].count("；") == 3
    assert len(plan.import_corrections) == 4


def test_a_revised_document_is_offered_the_corrections_where_its_text_is_unchanged(
    office, staged, world
):
    split(office, staged)
    second = tasks(office, staged)[1]
    office.post(
        url("import_units", staged),
        {"key": second["key"], "lead": "州民政局", "responsible": "州教育局、州公安局"},
    )
    third = tasks(office, staged)[3]
    office.post(url("import_deadline", staged), {"key": third["key"], "deadline": "2023年底前"})
    office.post(url("import_preview", staged), {})
    plan = Plan.objects.get(title="测试州法治示范建设实施方案")

    revised = MERGED.replace("加强人民调解工作。", "加强人民调解和行政调解工作。")
    office.post(
        reverse("plans:import_revise", kwargs={"plan_id": plan.pk}),
        {"file": _file(revised)},
    )
    revision = PlanImport.objects.get()
    # the split and the unit fixed on its second part still apply; measure 3 was rewritten
    assert [c["action"] for c in revision.offered] == ["split", "set"], revision.offered
    page = office.get(url("import_preview", revision)).content.decode()
    assert "上次导入时的更正（2）" in page
    assert len(tasks(office, revision)) == 3  # offered, not applied

    office.post(url("import_adopt", revision))
    measures = tasks(office, revision)
    assert len(measures) == 4 and measures[1]["lead"] == ["州民政局"]
    assert audit("adopt_corrections")
    assert not PlanImport.objects.get().offered


def _file(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("修订.txt", text.encode("utf-8"))


def test_the_audit_log_shows_each_correction_in_chinese(office, staged):
    split(office, staged)
    office.post(url("import_undo", staged), {"index": 0})
    page = office.get(reverse("audit:log")).content.decode()
    assert "更正解析结果" in page and "撤销解析更正" in page
    assert "更正内容" in page and f"后一项从“{SECOND_STARTS}" in page
    assert ">undo_correction<" not in page and ">correct<" not in page  # no raw codes shown


def test_undoing_a_correction_already_undone_gets_one_message(office, staged):
    split(office, staged)
    office.post(url("import_undo", staged), {"index": 0})
    tasks(office, staged)  # the page read the message of the first undo
    response = office.post(url("import_undo", staged), {"index": 0})
    assert messages_of(response) == ["该更正已撤销，请刷新预览。"]
    assert len(audit("undo_correction")) == 1


def test_adopting_when_nothing_is_offered_gets_one_message(office, staged):
    response = office.post(url("import_adopt", staged))
    assert messages_of(response) == ["没有可沿用的更正，请刷新预览。"]
    assert not audit("adopt_corrections")


def test_a_correction_left_without_its_measure_by_an_undo_is_shown_as_not_applied(office, staged):
    split(office, staged)
    second = tasks(office, staged)[1]
    office.post(url("import_deadline", staged), {"key": second["key"], "deadline": "2023年底前"})
    office.post(url("import_undo", staged), {"index": 0})
    response = office.get(url("import_preview", staged))
    assert [c["stale"] for c in response.context["corrections"]] == [True]
    assert "未生效" in response.content.decode()
    assert response.context["preview"].tasks[0]["deadline"] == "到2025年"  # as parsed


def test_an_import_waiting_for_confirmation_is_on_the_offices_todo(office, staged, world):
    split(office, staged)
    page = office.get(reverse("workspace:todo")).content.decode()
    assert "待确认的导入（1）" in page and "plan.txt" in page and "1 条" in page
    assert url("import_preview", staged) in page
    office.force_login(world.people["liaison"])
    assert "待确认的导入" not in office.get(reverse("workspace:todo")).content.decode()


# Printed run in (every line break removed, as tests/parsing/documents d10 arrives): every
# measure starts on line 1; measure 2 names no units and its number 4 skips one.
RUN_IN = (
    "测试州营商环境任务清单一、主要任务"
    "1.推行企业开办一窗通办。〔牵头单位：州市场监管局；责任单位：州税务局〕"
    "2.实施证照分离改革全覆盖。"
    "4.建立企业服务专员制度。〔牵头单位：州发展改革委〕"
)


def test_the_page_of_a_measure_printed_run_in_shows_its_own_diagnostics(office, world):
    upload(office, world, RUN_IN)
    plan_import = PlanImport.objects.get()
    rows = {t["no"]: t for t in tasks(office, plan_import)}
    assert {t["line"] for t in rows.values()} == {1}

    def shown(number):
        page = office.get(url("import_measure", plan_import), {"key": rows[number]["key"]})
        return [d["label"] for d in page.context["diagnostics"]]

    assert shown(1) == []
    assert shown(2) == ["未标注牵头/责任单位"]
    assert shown(4) == ["编号不连续"]
    preview = office.get(url("import_preview", plan_import)).context["rows"]
    by_number = {
        r["task"]["no"]: [d["label"] for d in r["diagnostics"]] for r in preview if "task" in r
    }
    assert by_number == {1: [], 2: ["未标注牵头/责任单位"], 4: ["编号不连续"]}


# Units printed as a second numbered list after the measures (tests/parsing/documents d216).
BY_NUMBER = """测试州法治宣传教育行动方案

一、主要措施
1.深化宪法宣传教育，组织开展宪法进机关活动。
2.加强民法典宣传，每个街道每年至少举办专题讲座2场。

二、责任分工
1.州委宣传部、州司法局；2.州司法局、州民政局。
"""


def test_a_diagnostic_says_where_the_units_were_taken_from(office, world):
    upload(office, world, BY_NUMBER)
    plan_import = PlanImport.objects.get()
    response = office.get(url("import_preview", plan_import))
    details = [d["detail"] for r in response.context["rows"] for d in r.get("diagnostics", [])]
    assert "单位取自任务之后按编号列出的分工：“州委宣传部、州司法局”" in details
    assert "所列单位均记为责任单位，请在“更正”中指定牵头单位" in details
    assert "单位取自任务之后按编号列出的分工：“州司法局、州民政局”" in response.content.decode()


def test_a_target_the_parser_does_not_read_is_kept_as_the_office_typed_it(office, staged):
    """The office's own wording of a ceiling (压缩至2个工作日) was refused as having no
    quantity: a dead end on the measure page."""
    key = key_of(office, staged, 3)
    response = office.post(
        url("import_targets", staged),
        {"key": key, "targets": "到2024年底调解办理时限压缩至2个工作日"},
    )
    assert messages_of(response) == ["已更正，请核对更正后的任务。"]
    [target] = tasks(office, staged)[2]["targets"]
    assert (target["value"], target["unit"], target["comparator"], target["year"]) == (
        2,
        "个工作日",
        "<=",
        2024,
    )
    assert target["quote"] == "到2024年底调解办理时限压缩至2个工作日"


# An unlabelled bracket (read as responsible units) and a labelled lead, each naming a
# collective (tests/parsing/documents d216 prints 区司法局，各街道办事处 so).
COLLECTIVES = """测试州法治宣传教育行动方案

一、主要措施
1.深化宪法宣传教育，组织开展宪法进机关活动。（州司法局，各县(市)人民政府）
2.加强人民调解工作，推进调解组织规范化建设。（牵头单位：各县(市)人民政府；责任单位：州司法局）
"""


def test_a_collective_stands_in_the_same_column_in_the_preview_and_the_ledger(office, world):
    """The preview showed every collective as responsible; the confirm made the one of an
    unlabelled bracket a lead (the ledger showed 各街道办事处 under 牵头单位)."""
    upload(office, world, COLLECTIVES)
    plan_import = PlanImport.objects.get()
    rows = [
        r for r in office.get(url("import_preview", plan_import)).context["rows"] if "task" in r
    ]
    assert [(r["lead_collectives"], r["responsible_collectives"]) for r in rows] == [
        ([], ["各县(市)人民政府"]),
        (["各县(市)人民政府"], []),
    ]
    response = office.post(url("import_preview", plan_import), {})
    assert response.status_code == 302, response.context and response.context["form"].errors
    plan = Plan.objects.get(title="测试州法治宣传教育行动方案")
    roles = [
        [link.role for link in measure.collectives.all()]
        for measure in plan.measures.order_by("position")
    ]
    assert roles == [["responsible"], ["lead"]]


def test_naming_the_lead_or_setting_an_item_aside_ends_what_the_preview_said_of_it(office, world):
    """After the office named the lead of an unlabelled list, the row still asked it to;
    the diagnostics of an item marked 不是任务 moved to the measure above it."""
    upload(office, world, BY_NUMBER)
    plan_import = PlanImport.objects.get()
    first, second = tasks(office, plan_import)
    office.post(url("import_units", plan_import), {"key": first["key"], "lead": "州委宣传部"})
    office.post(url("import_not_measure", plan_import), {"key": second["key"]})
    [row] = [
        r for r in office.get(url("import_preview", plan_import)).context["rows"] if "task" in r
    ]
    assert [d["label"] for d in row["diagnostics"]] == []


# Hard-wrapped every ~25 characters (tests/parsing/documents d03, d05), with a page number.
WRAPPED = """测试州乡村振兴重点工作

一、重点任务
1.落实粮食安全党政同责，确保2024年粮食产量稳定
在18万吨以上。（牵头单位：州农业农村局；责任单位：州
发展改革委、州财政局）
- 2 -
2.新改建农村公路50公里。（牵头单位：州交通运输局）
"""


def test_the_source_page_marks_the_wrapped_lines_of_a_measure(office, world):
    """Each wrapped half-line offered 设为任务, which would make half a measure a measure."""
    upload(office, world, WRAPPED)
    plan_import = PlanImport.objects.get()
    response = office.get(url("import_source", plan_import), {"line": 4})
    rows = {row["number"]: row for row in response.context["rows"]}
    assert [m["no"] for m in rows[4]["measures"]] == [1]
    assert [rows[n]["continues"]["no"] for n in (5, 6)] == [1, 1]
    assert rows[7]["continues"] is None  # the page number can still be looked at
    page = response.content.decode()
    assert page.count("第1项（续）") == 2
    assert "将第5行设为任务" not in page and "将第7行设为任务" in page


def test_the_revision_preview_puts_the_offered_corrections_before_the_comparison(
    office, staged, world
):
    """Before adopting, the comparison listed the split as a changed and a withdrawn
    measure, with the offer to adopt below it: confirming there would undo the split."""
    split(office, staged)
    office.post(url("import_preview", staged), {})
    plan = Plan.objects.get(title="测试州法治示范建设实施方案")
    revised = MERGED.replace("加强人民调解工作。", "加强人民调解和行政调解工作。")
    office.post(
        reverse("plans:import_revise", kwargs={"plan_id": plan.pk}), {"file": _file(revised)}
    )
    revision = PlanImport.objects.get()
    page = office.get(url("import_preview", revision)).content.decode()
    assert page.index('id="offered"') < page.index('id="changes"')
    assert "上次导入时的 1 条更正尚未采用" in page
    office.post(url("import_adopt", revision))
    assert "尚未采用" not in office.get(url("import_preview", revision)).content.decode()


def test_a_correction_is_labelled_by_its_measure_s_text_not_a_number_a_split_changes(
    office, staged
):
    key = key_of(office, staged, 3)
    office.post(url("import_deadline", staged), {"key": key, "deadline": "2023年底前"})
    split(office, staged)  # 加强人民调解工作 is now the fourth measure
    assert [t["no"] for t in tasks(office, staged) if t["text"].startswith("加强")] == [4]
    labels = [c["label"] for c in office.get(url("import_preview", staged)).context["corrections"]]
    assert labels[0].startswith("任务“加强人民调解工作。”的完成时限改为")
    assert not any(label.startswith("第") for label in labels)


def test_a_label_stored_with_the_number_of_then_is_shown_without_it(office, staged):
    split(office, staged)
    staged.refresh_from_db()
    stored = staged.corrections
    stored[0]["label"] = stored[0]["label"].replace("任务“", "第9项“", 1)
    PlanImport.objects.filter(pk=staged.pk).update(corrections=stored)
    response = office.get(url("import_preview", staged))
    assert response.context["corrections"][0]["label"].startswith("任务“开展宪法宣传周活动")
    assert "第9项" not in response.content.decode()


def test_a_unit_typed_twice_is_named_once(office, staged):
    key = key_of(office, staged, 2)
    office.post(url("import_units", staged), {"key": key, "lead": "州司法局、州司法局，州民政局"})
    measure = next(t for t in tasks(office, staged) if t["key"] == key)
    assert measure["lead"] == ["州司法局", "州民政局"]
    assert audit("correct")[0]["correction"].endswith("牵头单位改为：州司法局、州民政局")
