"""The write path from an uploaded file to a plan in the ledger.

stage()    read and parse the upload; nothing but a PlanImport row is written
preview()  what the office checks: the ledger, the diagnostics, unknown unit names and,
           for a revision, what changed
confirm()  one transaction: units created or matched, the plan built or revised,
           the audit entry written, the PlanImport removed
abandon()  the PlanImport removed; nothing else was ever written
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from taizhang.audit.log import record
from taizhang.parsing import InputError, parse_text
from taizhang.parsing.attribution_text import collective_role
from taizhang.parsing.markers import chinese_number
from taizhang.parsing.reading import read_bytes
from taizhang.plans.assignments import sync_collective
from taizhang.plans.models import (
    Assignment,
    Chapter,
    Measure,
    MeasureCollective,
    Plan,
    PlanImport,
    RecurringDuty,
    Section,
    Target,
)
from taizhang.plans.revisions import MeasureDiff, diff_measures
from taizhang.units import directory
from taizhang.units.models import Region

# What the office reads when a file cannot be imported (InputError.reason -> message).
REJECTIONS = {
    "empty": "文件是空的，请上传包含方案正文的文件。",
    "too_large": "文件超过 20 MB，请只上传方案本身。",
    "binary": "文件不是文本，请上传 .txt、.html、.docx 或 .pdf 格式的方案。",
    "legacy_office": "这是旧版 Word/Excel 文件，请在 Word 或 WPS 中另存为 .docx 后上传。",
    "zip": "压缩包不是 Word 文档，请解压后上传方案文件。",
    "not_pdf": "文件不是有效的 PDF，请重新导出为 PDF 或上传 .docx。",
    "pdf_no_text": "该 PDF 没有文字层（可能是扫描件），请先进行文字识别或上传 .docx。",
    "damaged": "文件已损坏，无法读取，请重新保存后上传。",
    "no_text": "文件中没有可读取的文字。",
    "no_measures": "未在文件中识别出任何编号任务，请确认上传的是实施方案或任务分工方案。",
}
DEFAULT_REJECTION = "无法读取该文件，请检查文件格式后重新上传。"


class ImportRejected(Exception):
    """The upload cannot become a plan; the message is for the office, in Chinese."""


def stage(organisation, user, region: Region, filename: str, data: bytes, revises=None):
    try:
        text = read_bytes(data, filename).text
    except InputError as error:
        raise ImportRejected(REJECTIONS.get(error.reason, DEFAULT_REJECTION)) from error
    document = parse_text(text).to_dict()
    if not document["tasks"]:
        raise ImportRejected(REJECTIONS["no_measures"])
    return PlanImport.objects.create(
        organisation=organisation,
        uploaded_by=user,
        source_name=filename[:300],
        document=document,
        region=region,
        revises=revises,
    )


@dataclass
class NameChoice:
    """An attribution name and what it will become: an existing unit or a new one."""

    name: str
    unit: object | None
    draft: directory.UnitDraft | None = None


@dataclass
class Preview:
    plan_import: PlanImport
    names: list[NameChoice]
    unknown: list[NameChoice]
    collectives: list[str]
    diagnostics_by_line: dict[int, list[dict]]
    diff: MeasureDiff | None = None
    tasks: list[dict] = field(default_factory=list)


def preview(plan_import: PlanImport) -> Preview:
    document = plan_import.document
    names = attribution_names(document)
    matches = directory.match_names(plan_import.organisation, names)
    regions = list(plan_import.organisation.regions.all())
    choices = [
        NameChoice(name, unit, None if unit else directory.draft_unit(name, regions))
        for name, unit in matches.items()
    ]
    by_line: dict[int, list[dict]] = {}
    for diagnostic in document["diagnostics"]:
        by_line.setdefault(diagnostic["line"] or 0, []).append(diagnostic)
    diff = None
    if plan_import.revises_id:
        diff = diff_measures(_existing_measures(plan_import.revises), document["tasks"])
    return Preview(
        plan_import=plan_import,
        names=choices,
        unknown=[c for c in choices if c.unit is None],
        collectives=sorted({c for t in document["tasks"] for c in t["collectives"]}),
        diagnostics_by_line=by_line,
        diff=diff,
        tasks=document["tasks"],
    )


def attribution_names(document: dict) -> list[str]:
    """The distinct unit names the document assigns, in order of appearance."""
    seen: dict[str, None] = {}
    for task in document["tasks"]:
        for name in (*task["lead"], *task["responsible"]):
            seen.setdefault(name, None)
    return list(seen)


@transaction.atomic
def confirm(plan_import: PlanImport, actor, mapping: dict[str, int | None]) -> Plan:
    """Turn the staged import into a plan. ``mapping``: name -> existing unit id, or None
    to create the unit the preview drafted. Names left out are created too."""
    preview_ = preview(plan_import)
    units = _resolve_units(plan_import, preview_, mapping, actor)
    document = plan_import.document
    if plan_import.revises_id:
        plan = _revise(plan_import.revises, document, units, preview_.diff, actor)
    else:
        plan = _create_plan(plan_import, document, units, actor)
    for collective in plan.organisation.collectives.filter(measures__measure__plan=plan).distinct():
        sync_collective(collective)
    plan_import.delete()
    return plan


def abandon(plan_import: PlanImport, actor) -> None:
    plan_import.delete()


# -- building ------------------------------------------------------------------------


def _resolve_units(plan_import, preview_: Preview, mapping, actor) -> dict[str, object]:
    organisation = plan_import.organisation
    existing = {u.pk: u for u in organisation.units.all()}
    units = {}
    for choice in preview_.names:
        chosen = mapping.get(choice.name)
        if chosen is not None and chosen in existing:
            units[choice.name] = existing[chosen]
            if choice.unit is None or choice.unit.pk != chosen:
                directory.add_alias(existing[chosen], choice.name, actor, "导入时匹配")
        elif choice.unit is not None and choice.name not in mapping:
            units[choice.name] = choice.unit
        else:
            units[choice.name] = directory.create_unit(
                organisation, choice.draft, actor, f"导入《{plan_import.source_name}》"
            )
    return units


def _create_plan(plan_import: PlanImport, document: dict, units: dict, actor) -> Plan:
    plan = Plan.objects.create(
        organisation=plan_import.organisation,
        region=plan_import.region,
        title=document["title"] or plan_import.source_name,
        issuer=document["issuer"] or "",
        issued_on=_parse_date(document["date"]),
        start_year=(document["period"] or [None, None])[0],
        end_year=(document["period"] or [None, None])[1],
        parent_documents=document["parents"],
        source_name=plan_import.source_name,
    )
    chapters, sections = _build_outline(plan, document)
    for position, task in enumerate(document["tasks"]):
        measure = Measure.objects.create(
            plan=plan, position=position, **_measure_fields(task, chapters, sections)
        )
        _attach(measure, task, units, actor)
    _plan_targets(plan, document)
    record(actor, "import", plan, {"measures": len(document["tasks"])}, plan.source_name)
    return plan


def _revise(plan: Plan, document: dict, units: dict, diff: MeasureDiff, actor) -> Plan:
    plan.chapters.all().delete()
    chapters, sections = _build_outline(plan, document)
    for position, task in enumerate(document["tasks"]):
        fields = _measure_fields(task, chapters, sections)
        if position in diff.matches:
            measure = Measure.objects.get(pk=diff.matches[position])
            for name, value in fields.items():
                setattr(measure, name, value)
            measure.position, measure.withdrawn = position, False
            measure.save()
            measure.targets.all().delete()
            measure.duties.all().delete()
            measure.collectives.all().delete()
            measure.assignments.exclude(unit__in=_task_units(task, units)).delete()
        else:
            measure = Measure.objects.create(plan=plan, position=position, **fields)
        _attach(measure, task, units, actor)
    Measure.objects.filter(pk__in=diff.withdrawn).update(withdrawn=True)
    Target.objects.filter(plan=plan, measure__isnull=True).delete()
    _plan_targets(plan, document)
    plan.revision += 1
    plan.title = document["title"] or plan.title
    plan.save()
    record(
        actor,
        "revise",
        plan,
        {
            "added": len(diff.added),
            "changed": len(diff.changed),
            "withdrawn": len(diff.withdrawn),
        },
    )
    return plan


def _build_outline(plan: Plan, document: dict):
    chapters = {
        c["no"]: Chapter.objects.create(plan=plan, number=c["no"], title=c["title"], position=i)
        for i, c in enumerate(document["chapters"])
    }
    sections = {
        (s["chapter"], s["no"]): Section.objects.create(
            plan=plan,
            chapter=chapters.get(s["chapter"]),
            number=s["no"],
            title=s["title"],
            position=i,
        )
        for i, s in enumerate(document["sections"])
    }
    return chapters, sections


def _measure_fields(task: dict, chapters: dict, sections: dict) -> dict:
    return {
        "number": task["no"],
        "chapter": chapters.get(task["chapter"]),
        "section": sections.get((task["chapter"], task["section"])),
        "title": task["title"] or "",
        "text": task["text"],
        "attribution_raw": task["attribution_raw"] or "",
        "deadline_text": task.get("deadline") or "",
        "deadline": deadline_date(task.get("deadline")),
    }


def _task_units(task: dict, units: dict) -> list:
    return [units[name] for name in (*task["lead"], *task["responsible"]) if name in units]


def _attach(measure: Measure, task: dict, units: dict, actor) -> None:
    """Assignments, collectives, targets and duties of one measure."""
    existing = {a.unit_id: a for a in measure.assignments.all()}
    for role, names in (("lead", task["lead"]), ("responsible", task["responsible"])):
        for name in names:
            unit = units[name]
            assignment = existing.get(unit.pk)
            if assignment is None:
                existing[unit.pk] = Assignment.objects.create(measure=measure, unit=unit, role=role)
            elif assignment.role != role or assignment.via_id:
                assignment.role, assignment.via = role, None
                assignment.save(update_fields=["role", "via"])
    for phrase in task["collectives"]:
        collective = directory.get_or_create_collective(measure.plan.organisation, phrase, actor)
        role = collective_role(task["attribution_raw"] or "", phrase)
        MeasureCollective.objects.get_or_create(
            measure=measure, collective=collective, defaults={"role": role}
        )
    for target in task["targets"]:
        Target.objects.create(plan=measure.plan, measure=measure, **_target_fields(target))
    for quote in task["recurring"]:
        RecurringDuty.objects.create(measure=measure, quote=quote, times_per_year=times(quote))


def _plan_targets(plan: Plan, document: dict) -> None:
    for target in document["targets"]:
        Target.objects.create(plan=plan, **_target_fields(target))


def _target_fields(target: dict) -> dict:
    return {
        "quote": target["quote"][:300],
        "value": target["value"],
        "unit": target["unit"],
        "comparator": target["comparator"],
        "year": target["year"],
        "per": target.get("per") or "",
    }


def _existing_measures(plan: Plan) -> list[dict]:
    measures = plan.measures.filter(withdrawn=False).prefetch_related("assignments__unit")
    return [
        {
            "id": m.pk,
            "number": m.number,
            "text": m.text,
            "units": [a.unit.name for a in m.assignments.all() if a.via_id is None],
        }
        for m in measures
    ]


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


_COUNT = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*(?:次|期|场|轮|回)")


def times(quote: str) -> int:
    """How many times a year a duty asks for: "每年至少开展2次" -> 2, "每年一次" -> 1."""
    found = _COUNT.search(quote)
    if not found:
        return 1
    number = found.group(1)
    return int(number) if number.isdigit() else chinese_number(number.replace("两", "二")) or 1


_DEADLINE = re.compile(r"(20\d{2})\s*年(?:\s*(\d{1,2})\s*月)?")


def deadline_date(text: str | None) -> date | None:
    """ "2023年底前" -> 2023-12-31; "2025年6月底前" -> 2025-06-30."""
    found = _DEADLINE.search(text or "")
    if not found:
        return None
    year = int(found.group(1))
    month = int(found.group(2)) if found.group(2) else 12
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])
