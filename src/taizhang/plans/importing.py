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
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from taizhang.audit.log import record
from taizhang.parsing import InputError, parse_text
from taizhang.parsing.attribution_text import collective_role, is_attribution
from taizhang.parsing.errors import refusal_message
from taizhang.parsing.markers import chinese_number
from taizhang.parsing.normalize import fold
from taizhang.parsing.reading import read_bytes
from taizhang.plans import adhoc, import_corrections
from taizhang.plans.assignments import sync_collective
from taizhang.plans.models import (
    Assignment,
    AuditAction,
    AuditDetail,
    Chapter,
    Measure,
    MeasureCollective,
    Plan,
    PlanImport,
    RecurringDuty,
    Section,
    Target,
)
from taizhang.plans.revisions import Change, MeasureDiff, describe, diff_measures
from taizhang.units import services as directory
from taizhang.units.models import Region, Unit

# What the office reads when a file cannot be imported (InputError.reason -> message).


class ImportRejected(Exception):
    """The upload cannot become a plan; the message is for the office, in Chinese."""


NOTHING_TO_CONFIRM = (
    "预览中没有任务，不能确认导入：请在原文中将任务所在的行“设为任务”，或放弃导入。"
)


def _set_aside(document: dict) -> bool:
    """Whether the parser found numbered items and set them aside as scored indicators
    (a 考核评分细则): the office is shown them in the preview, where a line that is a
    measure after all can be made one, rather than a refusal it cannot act on."""
    return any(d["code"] == "indicators-not-measures" for d in document["diagnostics"])


def stage(
    organisation, user, region: Region, filename: str, data: bytes, revises=None, parent=None
):
    """Parse an upload into a PlanImport. ``parent``: the plan this one carries out
    (kept in ``unit_choices["parent"]`` until confirm)."""
    try:
        text = read_bytes(data, filename).text
    except InputError as error:
        raise ImportRejected(refusal_message(error.reason)) from error
    document = parse_text(text).to_dict()
    if not document["tasks"] and not _set_aside(document):
        raise ImportRejected(refusal_message("no_measures"))
    previous = revises.import_corrections if revises is not None else []
    with transaction.atomic():
        plan_import = PlanImport.objects.create(
            organisation=organisation,
            uploaded_by=user,
            source_name=filename[:300],
            document=document,
            source_text=text,
            offered=import_corrections.offered_again(previous, document, text),
            region=region,
            revises=revises,
            unit_choices={"parent": parent.pk} if parent is not None else {},
        )
        record(
            user,
            AuditAction.STAGE,
            plan_import,
            {"source_name": plan_import.source_name, "measures": len(document["tasks"])},
            organisation=organisation,
        )
    return plan_import


@dataclass
class NameChoice:
    """An attribution name and what it will become: an existing unit or a new one."""

    name: str
    unit: object | None
    draft: directory.UnitDraft | None = None


@dataclass
class KeptAssignment:
    """An assignment a revision drops but that keeps its place because reports hang on it."""

    measure_number: int
    unit_name: str
    reports: int


@dataclass
class Preview:
    plan_import: PlanImport
    corrected: import_corrections.Corrected
    names: list[NameChoice]
    unknown: list[NameChoice]
    collectives: list[str]
    diagnostics_by_line: dict[int, list[dict]]
    diff: MeasureDiff | None = None
    tasks: list[dict] = field(default_factory=list)
    # task index -> the diagnostics about that measure; the rest concern the whole file
    diagnostics_by_task: dict[int, list[dict]] = field(default_factory=dict)
    general_diagnostics: list[dict] = field(default_factory=list)
    old_measures: dict[int, dict] = field(default_factory=dict)  # revision: id -> measure
    kept: list[KeptAssignment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    parent: Plan | None = None
    similar: list[SimilarPlan] = field(default_factory=list)
    # a revision: the previous import's corrections that no longer apply (不再适用)
    dropped: list[dict] = field(default_factory=list)


@dataclass
class SimilarPlan:
    """A plan of the organisation the upload repeats: same title, or most of its
    measures word for word (importing the same document twice)."""

    plan: Plan
    same_title: bool
    matching: int  # measures of the upload found word for word in the plan
    total: int


_SIMILAR_SHARE = 0.5  # half the measures word for word: the same document, or a revision


def similar_plans(plan_import: PlanImport) -> list[SimilarPlan]:
    """Plans of the organisation (not archived) that a new upload repeats; none for a
    revision, which means to repeat its plan."""
    if plan_import.revises_id:
        return []
    document = plan_import.document
    texts = {task["text"] for task in document["tasks"]}
    title = (document.get("title") or "").strip()
    plans = Plan.objects.filter(organisation_id=plan_import.organisation_id)
    matching = dict(
        Measure.objects.filter(plan__in=plans, withdrawn=False, text__in=texts)
        .values("plan")
        .annotate(n=Count("text", distinct=True))
        .values_list("plan", "n")
    )
    found = []
    for plan in plans.filter(Q(pk__in=matching) | Q(title=title) if title else Q(pk__in=matching)):
        count = matching.get(plan.pk, 0)
        same_title = bool(title) and plan.title == title
        if same_title or count >= _SIMILAR_SHARE * len(texts):
            found.append(SimilarPlan(plan, same_title, count, len(texts)))
    return sorted(found, key=lambda s: (-s.matching, -s.plan.created_at.timestamp()))


@transaction.atomic
def stage_as_revision(plan_import: PlanImport, plan: Plan, actor) -> PlanImport:
    """Turn a staged upload into a revision of ``plan`` (the office found it repeats it):
    the preview then compares it with the plan, and confirming revises the plan in place."""
    plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    if plan.organisation_id != plan_import.organisation_id or plan.archived_at:
        raise ImportRejected("所选方案不存在。")
    if plan_import.revises_id:
        raise ImportRejected("该导入已是修订版导入。")
    plan_import.revises, plan_import.region = plan, plan.region
    # offered as to a revision uploaded from the plan's page
    plan_import.offered = import_corrections.offered_again(
        plan.import_corrections, plan_import.document, plan_import.source_text
    )
    plan_import.save(update_fields=["revises", "region", "offered"])
    record(
        actor,
        AuditAction.STAGE,
        plan_import,
        {"revises": [None, plan.pk]},
        "作为已有方案的修订版导入",
        organisation=plan_import.organisation_id,
    )
    return plan_import


def preview(plan_import: PlanImport) -> Preview:
    """Everything the office checks, in a fixed number of queries whatever the size:
    the document as the office corrected it."""
    corrected = import_corrections.corrected(plan_import)
    document = corrected.document
    names = attribution_names(document)
    matches = _match(plan_import, names)
    regions = list(plan_import.organisation.regions.all())
    choices = [
        NameChoice(name, unit, None if unit else _draft(name, regions, plan_import.region))
        for name, unit in matches.items()
    ]
    by_line: dict[int, list[dict]] = {}
    for diagnostic in document["diagnostics"]:
        by_line.setdefault(diagnostic["line"] or 0, []).append(diagnostic)
    by_task, general = diagnostics_by_task(document)
    diff, old, kept, changes, dropped = None, {}, [], [], []
    if plan_import.revises_id:
        dropped = import_corrections.no_longer_applying(
            plan_import.revises.import_corrections, plan_import.document, plan_import.source_text
        )
        old_list, assignments = _existing(plan_import.revises)
        old = {m["id"]: m for m in old_list}
        # compare by directory name, so that an alias in the new text is no change
        canonical = {name: unit.name for name, unit in matches.items() if unit is not None}
        tasks = [_canonical_task(t, canonical) for t in document["tasks"]]
        diff = diff_measures(old_list, tasks)
        changes = describe(diff, old, tasks)
        kept = _kept_assignments(document["tasks"], diff, matches, assignments, old)
    parent_id = (plan_import.unit_choices or {}).get("parent")
    parent = (
        Plan.objects.filter(pk=parent_id, organisation_id=plan_import.organisation_id).first()
        if parent_id
        else None
    )
    return Preview(
        plan_import=plan_import,
        corrected=corrected,
        names=choices,
        unknown=[c for c in choices if c.unit is None],
        collectives=_phrases(document["tasks"]),
        diagnostics_by_line=by_line,
        diff=diff,
        tasks=document["tasks"],
        diagnostics_by_task=by_task,
        general_diagnostics=general,
        old_measures=old,
        kept=kept,
        changes=changes,
        regions=regions,
        parent=parent,
        similar=similar_plans(plan_import),
        dropped=dropped,
    )


def _phrases(tasks: list[dict]) -> list[str]:
    """The collective phrases of the measures, each collective once: 各县 (市) and 各县(市)
    are one (units.services.name_key, as the confirm finds the collective), shown as first
    printed."""
    found: dict[str, str] = {}
    for task in tasks:
        for phrase in task["collectives"]:
            found.setdefault(directory.name_key(phrase), phrase)
    return sorted(found.values())


def attribution_names(document: dict) -> list[str]:
    """The distinct unit names the document assigns, in order of appearance."""
    seen: dict[str, None] = {}
    for task in document["tasks"]:
        for name in (*task["lead"], *task["responsible"]):
            seen.setdefault(name, None)
    return list(seen)


# The level words of a county, by which a county's plan written from another county's
# template calls its own bodies: 县教育局 in the plan of 都匀市 (a county-level city).
_COUNTY_WORDS = ("县", "区", "旗")


def own_unit_name(name: str, region: Region) -> str:
    """The full name of a unit a plan names by its level word alone. A plan calls its own
    government's bodies 州司法局 (黔南) or 市司法局 (the 都匀 county plan, demo/): in a
    county's plan that is the county's body, 都匀市司法局, not any other county's. So is
    one named by another county's level word (县教育局 in 都匀市's plan, a county-level
    city: 都匀市教育局, as the directory names the city's units); the organisation's own
    prefix keeps its own reading (市司法局 in 永宁县's plan of 银川市: names_top)."""
    if _is_top(region) or name.startswith(region.name):
        return name
    if region.name and name.startswith(region.name[-1]):  # 市 of 都匀市, 县 of 荔波县
        return region.name + name[1:]
    county = region.level == Region.Level.COUNTY and region.name
    if county and name[:1] in _COUNTY_WORDS and len(name) > 1 and not names_top(name, region):
        return region.name + name[1:]
    return name


def names_top(name: str, county: Region) -> bool:
    """A county's plan names a body of the organisation's own (市司法局 in 永宁县's plan, of
    银川市): the name opens with the organisation's prefix, which is not the county's level
    word (own_unit_name has made 灵武市's 市司法局 灵武市司法局). The directory names those
    as the prefecture's own plan does (市司法局 beside 永宁县司法局): drafted in the
    county, 市司法局 would be listed as a second, indistinguishable 市司法局."""
    prefix = county.organisation.prefix
    return bool(prefix) and not _is_top(county) and name.startswith(prefix)


def county_body(name: str, county: Region) -> str:
    """The name the county's own body of a ``names_top`` name has: 市司法局 -> 永宁县司法局."""
    return f"{county.name}{name[len(county.organisation.prefix) :]}"


def _match(plan_import: PlanImport, names: list[str]) -> dict[str, Unit | None]:
    """Each printed name -> the unit it denotes, read as the plan's region reads it."""
    full = {name: own_unit_name(name, plan_import.region) for name in names}
    found = directory.match_names(plan_import.organisation, set(full.values()))
    return {name: found[full[name]] for name in names}


def _draft(name: str, regions: list[Region], home: Region) -> directory.UnitDraft:
    """The directory's guess, but a county plan's own units belong to the county."""
    name = own_unit_name(name, home)
    if not any(_is_top(r) for r in regions):  # draft_unit needs a prefecture-level home
        return directory.UnitDraft(name, Unit.Category.OTHER, home.level, home)
    draft = directory.draft_unit(name, regions)
    if not _is_top(home) and _is_top(draft.region) and not names_top(name, home):
        # in the county, at the county's level unless the name says a township's (镇…)
        below = draft.level in (Region.Level.TOWNSHIP, Region.Level.VILLAGE)
        draft.region, draft.level = home, draft.level if below else home.level
    return draft


def _is_top(region: Region) -> bool:
    return region.level == Region.Level.PREFECTURE


def diagnostics_by_task(document: dict) -> tuple[dict[int, list[dict]], list[dict]]:
    """Attach each diagnostic to the measure whose text holds its line; where several
    measures start on that line (a copy printed run in, every measure on line 1; the two
    parts of a split), to the one whose number the diagnostic names. The rest concern the
    whole file. The preview's rows and the page of one measure both read this."""
    tasks = document["tasks"]
    starts = [task["line"] or 0 for task in tasks]
    by_task: dict[int, list[dict]] = {}
    general = []
    for diagnostic in document["diagnostics"]:
        line = diagnostic["line"]
        index = bisect_right(starts, line) - 1 if line else -1
        if diagnostic.get("measure") is not None:  # checked again after a correction
            index = diagnostic["measure"]
        elif index >= 0:
            index = _named_measure(tasks, diagnostic, index)
        if index < 0 or diagnostic["code"] == "no-attributions":
            general.append(diagnostic)
        else:
            by_task.setdefault(index, []).append(diagnostic)
    return by_task, general


def _named_measure(tasks: list[dict], diagnostic: dict, index: int) -> int:
    """Of the measures starting on the diagnostic's line, the first the message names by
    number; ``index`` (the last of them) where it names none of them."""
    same_line = [i for i, task in enumerate(tasks) if task["line"] == tasks[index]["line"]]
    number = import_corrections.named_number(diagnostic)
    if len(same_line) < 2 or number is None:
        return index
    return next((i for i in same_line if tasks[i]["no"] == number), index)


def task_collective_role(task: dict, phrase: str) -> str:
    """ "lead" or "responsible": the role a collective of the measure takes in the ledger,
    and the column the preview shows it in. By the label printed before it; in a bracket of
    bare names with no label or verb and no unit said to lead (区司法局，各街道办事处: the
    preview's 分工未标明牵头/责任), responsible, as the parse read the units beside it."""
    raw = task["attribution_raw"] or ""
    if raw and not task["lead"] and not is_attribution(fold(raw)):
        return "responsible"
    return collective_role(raw, phrase)


def _canonical_task(task: dict, canonical: dict[str, str]) -> dict:
    return {
        **task,
        "lead": [canonical.get(n, n) for n in task["lead"]],
        "responsible": [canonical.get(n, n) for n in task["responsible"]],
    }


def _kept_assignments(tasks, diff: MeasureDiff, matches, assignments, old) -> list:
    """Assignments with reports that the revision no longer names: they stay."""
    kept = []
    for index, measure_id in diff.matches.items():
        task = tasks[index]
        units = {matches[n].pk for n in (*task["lead"], *task["responsible"]) if matches.get(n)}
        # a phrase as the confirm finds its collective: 各县 (市) is 各县(市)
        collectives = {directory.name_key(phrase) for phrase in task["collectives"]}
        for assignment in assignments.get(measure_id, []):
            named = (
                assignment.unit_id in units
                if assignment.via_id is None
                else directory.name_key(assignment.via.phrase) in collectives
            )
            if not named and assignment.report_count:
                kept.append(
                    KeptAssignment(
                        old[measure_id]["number"], assignment.unit.name, assignment.report_count
                    )
                )
    return kept


@transaction.atomic
def confirm(
    plan_import: PlanImport,
    actor,
    mapping: dict[str, int | None],
    drafts: dict[str, dict] | None = None,
    same: dict[str, str] | None = None,
) -> Plan:
    """Turn the staged import into a plan, all or nothing. ``mapping``: name -> existing
    unit id, or None to create the unit the preview drafted. Names left out are created
    too. ``drafts``: name -> {"category", "level", "region"} corrections of a draft.
    ``same``: name -> another new name of this import that is the same body; one unit is
    made and this name becomes its alias."""
    # lock the row: a second click on confirm finds it gone instead of importing twice
    plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    preview_ = preview(plan_import)
    document = preview_.corrected.document
    if not document["tasks"]:
        raise ImportRejected(NOTHING_TO_CONFIRM)
    same = same or {}
    units = _resolve_units(plan_import, preview_, mapping, drafts or {}, actor, same)
    _same_bodies(units, same, actor)
    corrections = preview_.corrected.applied
    if plan_import.revises_id:
        plan = _revise(plan_import, document, units, preview_.diff, actor, corrections)
    else:
        plan = _create_plan(plan_import, document, units, actor, preview_.parent, corrections)
    for collective in plan.organisation.collectives.filter(measures__measure__plan=plan).distinct():
        sync_collective(collective)
    plan_import.delete()
    return plan


@transaction.atomic
def abandon(plan_import: PlanImport, actor) -> None:
    record(
        actor,
        AuditAction.ABANDON,
        plan_import,
        {"source_name": plan_import.source_name},
        organisation=plan_import.organisation_id,
    )
    plan_import.delete()


def purge(older_than: timedelta = timedelta(days=1)) -> int:
    """Remove imports left unconfirmed for longer than ``older_than``; returns how many.
    Each removal is audited like an abandon, with no actor."""
    stale = PlanImport.objects.filter(created_at__lt=timezone.now() - older_than)
    count = 0
    for plan_import in stale.select_related("organisation"):
        abandon(plan_import, None)
        count += 1
    return count


# -- building ------------------------------------------------------------------------


def _resolve_units(
    plan_import, preview_: Preview, mapping, drafts, actor, same=()
) -> dict[str, object]:
    """name -> unit for every name of the preview, creating the units drafted; a name in
    ``same`` (the same body as another new name) is left to _same_bodies."""
    organisation = plan_import.organisation
    existing = {u.pk: u for u in organisation.units.all()}
    regions = {r.pk: r for r in organisation.regions.all()}
    created: dict[str, object] = {}  # folded name -> unit made in this import
    units = {}
    for choice in preview_.names:
        chosen = mapping.get(choice.name)
        if choice.unit is None and chosen is None and choice.name in same:
            continue
        if chosen is not None and chosen in existing:
            units[choice.name] = existing[chosen]
            if choice.unit is None or choice.unit.pk != chosen:
                try:
                    directory.add_alias(existing[chosen], choice.name, actor, "导入时匹配")
                except directory.DirectoryError as error:
                    raise ImportRejected(f"“{choice.name}”不能对应到所选单位：{error}") from error
        elif choice.unit is not None:  # known (perhaps since the preview): never a duplicate
            units[choice.name] = choice.unit
        elif directory.name_key(choice.draft.name) in created:
            units[choice.name] = created[directory.name_key(choice.draft.name)]
        else:
            draft = _corrected(choice.draft, drafts.get(choice.name), regions, plan_import.region)
            unit = directory.create_unit(
                organisation, draft, actor, f"导入《{plan_import.source_name}》"
            )
            units[choice.name] = created[directory.name_key(draft.name)] = unit
    return units


def _same_bodies(units: dict, same: dict[str, str], actor) -> None:
    """Each name the office gave as the same body as another new name takes that name's
    unit and becomes its alias, so the next import matches it."""
    for name, other in same.items():
        if name in units:  # known since the preview: its unit stands
            continue
        if other not in units:  # not a name of this import, or itself mapped on
            raise ImportRejected(f"“{name}”对应的“{other}”不是本次新建的单位，请重新选择。")
        unit = units[other]
        try:
            directory.add_alias(unit, name, actor, "导入时确认为同一单位")
        except directory.DirectoryError as error:
            raise ImportRejected(f"“{name}”不能对应到“{other}”：{error}") from error
        units[name] = unit


def _corrected(draft, correction: dict | None, regions: dict, home: Region) -> directory.UnitDraft:
    if not correction:
        return draft
    region = regions.get(correction.get("region"), draft.region)
    name, level = draft.name, correction.get("level") or draft.level
    if _is_top(draft.region) and region == home and names_top(name, home):
        # the office chose the county for 市司法局 of a county's plan: the county's own body,
        # named and placed as the directory names a county's units (永宁县司法局)
        name = county_body(name, region)
        level = region.level if level == draft.level else level
    return directory.UnitDraft(name, correction.get("category") or draft.category, level, region)


def _create_plan(
    plan_import: PlanImport, document: dict, units: dict, actor, parent, corrections: list
) -> Plan:
    plan = Plan.objects.create(
        organisation=plan_import.organisation,
        region=plan_import.region,
        parent=parent,
        title=document["title"] or plan_import.source_name,
        issuer=document["issuer"] or "",
        issued_on=_parse_date(document["date"]),
        start_year=(document["period"] or [None, None])[0],
        end_year=(document["period"] or [None, None])[1],
        parent_documents=document["parents"],
        source_name=plan_import.source_name,
        import_corrections=corrections,
        version_at=timezone.now(),
        version_by=actor,
    )
    chapters, sections = _build_outline(plan, document)
    measures = Measure.objects.bulk_create(
        [
            Measure(plan=plan, position=position, **_measure_fields(task, chapters, sections))
            for position, task in enumerate(document["tasks"])
        ]
    )
    _attach_new(plan, list(zip(measures, document["tasks"], strict=True)), units, actor)
    _sync_targets(plan, None, document["targets"])
    record(
        actor,
        AuditAction.IMPORT,
        plan,
        {"measures": len(document["tasks"]), **_corrections_detail(corrections)},
        plan.source_name,
        organisation=plan.organisation_id,
    )
    return plan


def _corrections_detail(corrections: list[dict]) -> dict:
    """The audit detail of a confirm: what the office corrected, if anything."""
    if not corrections:
        return {}
    return {AuditDetail.CORRECTIONS: "；".join(c.get("label", "") for c in corrections)}


def _revise(
    plan_import: PlanImport, document: dict, units: dict, diff: MeasureDiff, actor, corrections
) -> Plan:
    """Update the plan in place. A kept measure keeps its row, and every assignment that
    still applies keeps its row too: progress reports hang on assignments."""
    plan = plan_import.revises
    plan.sections.all().delete()
    plan.chapters.all().delete()
    chapters, sections = _build_outline(plan, document)
    matched = Measure.objects.in_bulk(list(diff.matches.values()))
    kept = []
    for position, task in enumerate(document["tasks"]):
        fields = _measure_fields(task, chapters, sections)
        if position in diff.matches:
            measure = matched[diff.matches[position]]
            for name, value in fields.items():
                setattr(measure, name, value)
            measure.position, measure.withdrawn = position, False
            measure.save()
            measure.duties.all().delete()
            measure.collectives.all().delete()
            _attach(measure, task, units, actor, with_targets=False)
            _sync_targets(plan, measure, task["targets"])
            kept += _drop_assignments(measure, task, units)
        else:
            measure = Measure.objects.create(plan=plan, position=position, **fields)
            _attach(measure, task, units, actor)
    Measure.objects.filter(pk__in=diff.withdrawn).update(withdrawn=True)
    moved = adhoc.renumber(plan, len(document["tasks"]))
    _sync_targets(plan, None, document["targets"])
    plan.revision += 1
    # the version in force is this document's: its number, file, time and importer together
    plan.version_at, plan.version_by = timezone.now(), actor
    plan.source_name = plan_import.source_name
    plan.title = document["title"] or plan.title
    plan.import_corrections = corrections
    plan.save()
    record(
        actor,
        AuditAction.REVISE,
        plan,
        {
            "measures_added": len(diff.added),
            "measures_changed": len(diff.changed),
            "measures_withdrawn": len(diff.withdrawn),
            "kept_with_reports": kept,
            **_corrections_detail(corrections),
            **({AuditDetail.ADHOC_RENUMBERED: "、".join(moved)} if moved else {}),
        },
        organisation=plan.organisation_id,
    )
    return plan


def _drop_assignments(measure: Measure, task: dict, units: dict) -> list[str]:
    """Remove the assignments the revision no longer names, except those with reports
    (returned as "unit name" strings for the audit entry)."""
    direct = {unit.pk for unit in _task_units(task, units)}
    named = set(measure.collectives.values_list("collective_id", flat=True))
    kept = []
    for assignment in measure.assignments.select_related("unit").annotate(n=Count("reports")):
        applies = (
            assignment.unit_id in direct
            if assignment.via_id is None
            else assignment.via_id in named
        )
        if applies:
            continue
        if assignment.n:
            kept.append(f"{measure.number}. {assignment.unit.name}")
        else:
            assignment.delete()
    return kept


def _sync_targets(plan: Plan, measure: Measure | None, targets: list[dict]) -> None:
    """Make the targets match the document, updating rows in place: reported indicator
    values hang on them. A dropped target with values is kept."""
    old = list(Target.objects.filter(plan=plan, measure=measure).annotate(n=Count("values")))
    wanted = [_target_fields(t) for t in targets]
    pairs: list[tuple[dict, Target | None]] = []
    for fields in wanted:  # first the same wording, then the same kind of quantity
        same = next((t for t in old if t.quote == fields["quote"]), None)
        if same is not None:
            old.remove(same)
        pairs.append((fields, same))
    for i, (fields, same) in enumerate(pairs):
        if same is None:
            key = (fields["unit"], fields["year"], fields["per"])
            same = next((t for t in old if (t.unit, t.year, t.per) == key), None)
            if same is not None:
                old.remove(same)
                pairs[i] = (fields, same)
    for fields, same in pairs:
        if same is None:
            Target.objects.create(plan=plan, measure=measure, **fields)
        else:
            for name, value in fields.items():
                setattr(same, name, value)
            same.save()
    for target in old:
        if not target.n:
            target.delete()


def _build_outline(plan: Plan, document: dict):
    """The plan's chapters and sections, each level written in one statement (a number
    given twice makes two rows; the later one is the one its measures hang on)."""
    chapters = Chapter.objects.bulk_create(
        [
            Chapter(plan=plan, number=c["no"], title=c["title"], position=i)
            for i, c in enumerate(document["chapters"])
        ]
    )
    by_number = {
        c["no"]: chapter for c, chapter in zip(document["chapters"], chapters, strict=True)
    }
    sections = Section.objects.bulk_create(
        [
            Section(
                plan=plan,
                chapter=by_number.get(s["chapter"]),
                number=s["no"],
                title=s["title"],
                position=i,
            )
            for i, s in enumerate(document["sections"])
        ]
    )
    by_key = {
        (s["chapter"], s["no"]): section
        for s, section in zip(document["sections"], sections, strict=True)
    }
    return by_number, by_key


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


def _attach(measure: Measure, task: dict, units: dict, actor, with_targets=True) -> None:
    """Assignments, collectives, targets and duties of one measure."""
    # an assignment ended by the office (it has reports) comes back when named again
    existing = {a.unit_id: a for a in Assignment.all_objects.filter(measure=measure)}
    # one role per unit: a unit named as lead and as responsible (two names mapped to
    # one unit) leads
    roles: dict[int, tuple[object, str]] = {}
    for role, names in (("responsible", task["responsible"]), ("lead", task["lead"])):
        for name in names:
            roles[units[name].pk] = (units[name], role)
    for unit, role in roles.values():
        assignment = existing.get(unit.pk)
        if assignment is None:
            existing[unit.pk] = Assignment.objects.create(measure=measure, unit=unit, role=role)
        elif assignment.role != role or assignment.via_id or assignment.ended_at:
            assignment.role, assignment.via, assignment.ended_at = role, None, None
            assignment.save(update_fields=["role", "via", "ended_at"])
    for phrase in task["collectives"]:
        collective = directory.get_or_create_collective(measure.plan.organisation, phrase, actor)
        role = task_collective_role(task, phrase)
        MeasureCollective.objects.get_or_create(
            measure=measure, collective=collective, defaults={"role": role}
        )
    if with_targets:
        for target in task["targets"]:
            Target.objects.create(plan=measure.plan, measure=measure, **_target_fields(target))
    for quote in task["recurring"]:
        RecurringDuty.objects.create(measure=measure, quote=quote, times_per_year=times(quote))


def _attach_new(plan: Plan, measures: list[tuple[Measure, dict]], units: dict, actor) -> None:
    """What ``_attach`` gives each of a new plan's measures (it has nothing yet), written
    together: assignments, collectives, targets and duties, in the measures' order."""
    assignments, links, targets, duties = [], [], [], []
    collectives: dict[str, object] = {}
    for measure, task in measures:
        # one role per unit: a unit named as lead and as responsible leads
        roles: dict[int, tuple[object, str]] = {}
        for role, names in (("responsible", task["responsible"]), ("lead", task["lead"])):
            for name in names:
                roles[units[name].pk] = (units[name], role)
        assignments += [Assignment(measure=measure, unit=u, role=r) for u, r in roles.values()]
        linked = set()
        for phrase in task["collectives"]:
            collective = _collective(plan, phrase, actor, collectives)
            if collective.pk not in linked:
                linked.add(collective.pk)
                role = task_collective_role(task, phrase)
                links.append(MeasureCollective(measure=measure, collective=collective, role=role))
        targets += [
            Target(plan=plan, measure=measure, **_target_fields(target))
            for target in task["targets"]
        ]
        duties += [
            RecurringDuty(measure=measure, quote=quote, times_per_year=times(quote))
            for quote in task["recurring"]
        ]
    Assignment.objects.bulk_create(assignments)
    MeasureCollective.objects.bulk_create(links)
    Target.objects.bulk_create(targets)
    RecurringDuty.objects.bulk_create(duties)


def _collective(plan: Plan, phrase: str, actor, known: dict):
    """directory.get_or_create_collective, asked once per phrase of the import (it
    matches phrases by their name_key)."""
    key = directory.name_key(phrase)
    if key not in known:
        known[key] = directory.get_or_create_collective(plan.organisation, phrase, actor)
    return known[key]


def _target_fields(target: dict) -> dict:
    return {
        "quote": target["quote"][:300],
        "value": target["value"],
        "unit": target["unit"],
        "comparator": target["comparator"],
        "year": target["year"],
        "per": target.get("per") or "",
    }


def _existing(plan: Plan) -> tuple[list[dict], dict[int, list[Assignment]]]:
    """The plan's live measures as diff_measures wants them, and their assignments with
    a report count: two queries, whatever the size. The office's 督办事项 (a measure with a
    source, plans/adhoc.py) are no part of the printed document: a revision neither
    matches nor withdraws them."""
    measures = list(plan.measures.filter(withdrawn=False, source__isnull=True))
    assignments: dict[int, list[Assignment]] = {}
    rows = (
        Assignment.objects.filter(
            measure__plan=plan, measure__withdrawn=False, measure__source__isnull=True
        )
        .select_related("unit", "via")
        .annotate(report_count=Count("reports"))
        .order_by("measure_id", "role", "pk")
    )
    for assignment in rows:
        assignments.setdefault(assignment.measure_id, []).append(assignment)
    return [
        {
            "id": m.pk,
            "number": m.number,
            "text": m.text,
            "units": [a.unit.name for a in assignments.get(m.pk, []) if a.via_id is None],
            "lead": [
                a.unit.name
                for a in assignments.get(m.pk, [])
                if a.via_id is None and a.role == Assignment.Role.LEAD
            ],
            "responsible": [
                a.unit.name
                for a in assignments.get(m.pk, [])
                if a.via_id is None and a.role == Assignment.Role.RESPONSIBLE
            ],
        }
        for m in measures
    ], assignments


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


# A year, then a month, perhaps the end of a range of months: "2025年3月至6月", "2025年3—6月",
# "2025年3月—2026年6月" (the parser prints a range whole, taizhang.parsing.targets) end at the
# last month (and its year).
_DEADLINE = re.compile(
    r"(20\d{2})\s*年(?:\s*\d{1,2}\s*月?(?:\s*\d{1,2}\s*日)?\s*(?:[-—–－―~～]+|至|到)"
    r"\s*(?:(20\d{2})\s*年)?)?(?:\s*(\d{1,2})\s*月)?"
)


def deadline_date(text: str | None) -> date | None:
    """ "2023年底前" -> 2023-12-31; "2025年6月底前" -> 2025-06-30; "2025年3月至6月" ->
    2025-06-30 (a range ends at its last month)."""
    found = _DEADLINE.search(text or "")
    if not found:
        return None
    year = int(found.group(2) or found.group(1))
    month = int(found.group(3)) if found.group(3) else 12
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])
