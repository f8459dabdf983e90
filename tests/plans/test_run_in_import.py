"""A plan pasted run in (no line breaks: every measure on line 1): the source page shows
the line sentence by sentence, each addressable; the preview's diagnostics name the
sentence; 设为任务 makes one sentence a measure, applied on confirm and offered again for a
revised copy where the sentence reads as before."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from taizhang.plans.models import Plan, PlanImport
from tests.plans.test_import_corrections import _file, audit, messages_of, tasks, url
from tests.plans.test_import_flow import SMALL_PLAN, upload

MISSED = "各级党委要把法治社会建设纳入工作全局，每年听取一次工作汇报。"
RUN_IN = SMALL_PLAN.replace("\n", "").replace(
    "5.加强人民调解工作。",
    f"5.加强人民调解工作。三、保障措施（一）加强组织领导。{MISSED}（二）建立工作台账制度。",
)


@pytest.fixture
def staged(office, world):
    upload(office, world, RUN_IN)
    return PlanImport.objects.get()


def sentence_row(office, plan_import, starts: str) -> dict:
    rows = office.get(url("import_source", plan_import)).context["rows"]
    return next(r for r in rows if r["text"].startswith(starts))


def test_the_source_page_shows_a_run_in_line_sentence_by_sentence(office, staged):
    response = office.get(url("import_source", staged))
    rows = response.context["rows"]
    assert {r["number"] for r in rows} == {1} and len(rows) > 10
    first = next(r for r in rows if r["measures"])
    assert first["text"] == "1.开展宪法宣传周活动。" and first["measures"][0]["no"] == 1
    carried = next(r for r in rows if r["text"].startswith("每年至少开展2次"))
    assert carried["continues"]["no"] == 1  # half a measure: no 设为任务
    missed = sentence_row(office, staged, "各级党委")
    assert missed["text"] == MISSED and not missed["measures"] and not missed["continues"]
    page = response.content.decode()
    assert f'id="l-1-{missed["sentence"]}"' in page
    assert f'name="at" value="{missed["at"]}"' in page
    assert "按句号、分号逐句列出" in page

    here = office.get(url("import_source", staged), {"line": 1, "at": missed["at"] + 3})
    [current] = [r for r in here.context["rows"] if r["current"]]
    assert current["at"] == missed["at"]


def test_the_preview_names_the_sentence_of_a_measures_diagnostic(office, staged):
    response = office.get(url("import_preview", staged))
    row = next(r for r in response.context["rows"] if r.get("task", {}).get("no") == 5)
    place = row["diagnostics"][0]["place"]
    assert place.line == 1 and RUN_IN[place.at :].startswith("5.加强人民调解工作")
    page = response.content.decode()
    assert f"?line=1&amp;at={place.at}#l-1-{place.sentence}" in page
    assert f"（原文第1行第{place.sentence}句）" in page
    assert "原文页按句列出" in page


def test_a_sentence_made_a_measure_is_confirmed_into_the_ledger(office, staged):
    missed = sentence_row(office, staged, "各级党委")
    response = office.post(url("import_make_measure", staged), {"line": 1, "at": missed["at"]})
    assert messages_of(response) == ["已将该句设为任务，请核对其单位和时限。"]
    made = tasks(office, staged)[-1]
    assert (made["no"], made["text"]) == (6, MISSED)
    assert response.url.endswith(f"#m-{len(tasks(office, staged)) - 1}")
    assert audit("correct") == [
        {"correction": "原文第1行中的一句设为任务：“各级党委要把法治社会建设纳入工作全局，每…”"}
    ]
    again = sentence_row(office, staged, "各级党委")
    assert [m["no"] for m in again["measures"]] == [6]
    office.post(url("import_units", staged), {"key": made["key"], "lead": "州司法局"})
    office.post(url("import_preview", staged), {})
    plan = Plan.objects.get(title__startswith="测试州法治示范")
    measure = plan.measures.get(text=MISSED)
    assert [a.unit.name for a in measure.assignments.all()] == ["州司法局"]


def test_a_sentence_of_a_measure_or_no_sentence_start_is_refused(office, staged):
    carried = sentence_row(office, staged, "每年至少开展2次")
    response = office.post(url("import_make_measure", staged), {"line": 1, "at": carried["at"]})
    refused = "原文第1行的这一句不存在或已是任务的一部分，不能设为任务。"
    assert messages_of(response) == [refused]
    response = office.post(url("import_make_measure", staged), {"line": 1, "at": 3})
    assert messages_of(response)[-1] == refused  # no sentence starts there
    assert not audit("correct")


def test_a_revised_run_in_copy_is_offered_the_sentence_where_it_reads_as_before(office, staged):
    missed = sentence_row(office, staged, "各级党委")
    office.post(url("import_make_measure", staged), {"line": 1, "at": missed["at"]})
    office.post(url("import_preview", staged), {})
    plan = Plan.objects.get(title__startswith="测试州法治示范")

    revised = RUN_IN.replace("开展宪法宣传周活动。", "开展宪法宣传周和宪法进万家活动。")
    office.post(
        reverse("plans:import_revise", kwargs={"plan_id": plan.pk}), {"file": _file(revised)}
    )
    revision = PlanImport.objects.get()
    [offered] = revision.offered
    assert revised[offered["offset"] :].startswith(MISSED) and offered["offset"] > missed["at"]
    office.post(url("import_adopt", revision))
    assert tasks(office, revision)[-1]["text"] == MISSED


def test_a_normal_upload_keeps_the_line_form(office, world):
    upload(office, world)
    response = office.get(url("import_source", PlanImport.objects.get()))
    assert not any("sentence" in r for r in response.context["rows"])
    assert 'name="at"' not in response.content.decode()


def test_a_sentence_made_a_measure_stands_under_the_heading_printed_before_it(office, staged):
    missed = sentence_row(office, staged, "各级党委")
    office.post(url("import_make_measure", staged), {"line": 1, "at": missed["at"]})
    made = tasks(office, staged)[-1]
    assert (made["chapter"], made["section"]) == ("三", "一")


def test_the_two_parts_of_a_split_keep_their_line_whole(office, world):
    """A split the office made starts two measures on one line: still the line form."""
    from tests.plans.test_import_corrections import MERGED, split

    upload(office, world, MERGED)
    plan_import = PlanImport.objects.get()
    split(office, plan_import)
    rows = office.get(url("import_source", plan_import)).context["rows"]
    line = next(r for r in rows if r["number"] == 4)
    assert "sentence" not in line and [m["no"] for m in line["measures"]] == [1, 2]


def test_the_measure_page_names_the_sentence_the_measure_starts_in(office, staged):
    task = next(t for t in tasks(office, staged) if t["no"] == 5)
    response = office.get(url("import_measure", staged), {"key": task["key"]})
    place = response.context["place"]
    page = response.content.decode()
    assert f"?line=1&amp;at={place.at}#l-1-{place.sentence}" in page
    assert f"原文第1行第{place.sentence}句" in page


def test_a_diagnostic_about_the_whole_file_names_the_sentence_it_points_at(office, world):
    """A run-in copy whose measures name no units: 未标注单位 concerns the whole file and
    points at the first measure, which is a sentence of line 1, not the line."""
    bare = RUN_IN
    for bracket in re.findall(r"〔[^〕]*〕", RUN_IN):
        bare = bare.replace(bracket, "")
    upload(office, world, bare)
    staged = PlanImport.objects.get()
    response = office.get(url("import_preview", staged))
    [general] = [d for d in response.context["general_diagnostics"] if d["line"] == 1]
    place = general["place"]
    assert bare[place.at :].startswith("1.开展宪法宣传周活动")
    page = response.content.decode()
    assert f"（原文第1行第{place.sentence}句）" in page and "（原文第1行）" not in page
