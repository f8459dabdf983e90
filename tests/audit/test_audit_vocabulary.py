"""The audit log's vocabulary: every action a write path records is declared with a Chinese
label, every detail is a field of the audited model or declared, and every model the log
can name reads as Chinese (no "DutyFulfilment object (1055)", no "record_fulfilment")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from taizhang.audit import vocabulary
from taizhang.audit.display import change_lines
from taizhang.audit.log import record
from taizhang.audit.models import AuditEntry
from taizhang.supervision import duties
from tests import factories as f

SRC = Path(__file__).resolve().parents[2] / "src" / "taizhang"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The write paths' own helpers that pass an action on to record().
RECORDERS = {"record": 1, "_commit": 2, "_record": 1}


def _project_models():
    return [m for m in apps.get_models() if m.__module__.startswith("taizhang.")]


def test_an_undeclared_action_is_refused(world):
    with pytest.raises(vocabulary.UndeclaredAudit, match="set_colour"):
        record(world.people["office"], "set_colour", world.justice, organisation=world.organisation)
    assert not AuditEntry.objects.exists()


def test_a_detail_that_is_neither_a_field_nor_declared_is_refused(world):
    with pytest.raises(vocabulary.UndeclaredAudit, match="colour"):
        record(
            world.people["office"],
            "update",
            world.justice,
            {"colour": ["红", "蓝"]},
            organisation=world.organisation,
        )


def test_every_write_path_names_a_declared_action():
    """Each call that records (record, and the write paths' _commit/_record helpers) gives a
    member of its app's AuditAction, and that member is declared."""
    declared = vocabulary.actions()
    found = []
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            position = RECORDERS.get(node.func.id)
            if position is None or len(node.args) <= position:
                continue
            action = node.args[position]
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            if isinstance(action, ast.Constant):
                found.append(f"{where}: a string literal {action.value!r}, not an AuditAction")
            elif isinstance(action, ast.Attribute) and action.attr.lower() not in declared:
                found.append(f"{where}: {ast.unparse(action)} is not declared")
    assert not found, "\n".join(found)


def test_every_label_is_chinese():
    labels = {**vocabulary.actions(), **vocabulary._details}
    assert all(CHINESE.search(label) for label in labels.values()), labels


def test_model_names_are_unique_so_an_entry_finds_its_model():
    names = [m._meta.model_name for m in apps.get_models()]
    assert len(names) == len(set(names))


def test_every_model_of_the_project_reads_as_chinese():
    plain = [m._meta.label for m in _project_models() if m.__str__ is models.Model.__str__]
    english = [
        m._meta.label for m in _project_models() if not CHINESE.search(str(m._meta.verbose_name))
    ]
    assert (plain, english) == ([], [])


def test_the_log_shows_a_fulfilment_in_words(client, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    duty = f.RecurringDutyFactory(measure=world.first, quote="每年至少开展2次评查")
    duties.record_fulfilment(
        duty, world.education, world.people["liaison"], world.period.starts_on, "开展评查"
    )
    client.force_login(world.people["office"])
    html = client.get(reverse("audit:log")).content.decode()
    page = re.sub(r"<[^>]+>", " ", html)  # what a person reads, not the form's values
    assert "登记经常性任务落实情况" in page and "经常性任务落实记录" in page
    assert "州教育局·每年至少开展2次评查" in page and "开展日期：" in page
    assert not re.search(r"record_fulfilment|DutyFulfilment|object \(\d+\)|happened_on", page)


def test_a_list_of_names_is_a_value_and_two_lists_are_a_change():
    added = change_lines(
        "members", {"members_added": ["甲县人民政府", "乙县人民政府"]}, "collective"
    )
    edited = change_lines("update_question", {"options": [["甲", "乙"], ["甲", "丙"]]}, "question")
    assert (added, edited) == (["新增成员：甲县人民政府、乙县人民政府"], ["选项：甲、乙 → 甲、丙"])


def test_codes_of_a_choices_field_read_as_their_labels():
    lines = change_lines("set_state", {"state": ["draft", "open"]}, "survey")
    assert lines == ["状态：草稿 → 收集中"]


def test_a_unit_created_by_an_import_reads_its_region_in_chinese():
    """The import's new units are recorded with their region (units.services), a field
    with no verbose name of its own: the log showed "region：黔南州"."""
    lines = change_lines("create", {"name": "区司法局", "region": "黔南州"}, "unit")
    assert lines == ["单位名称：区司法局", "所属地区：黔南州"]
