"""The office's corrections to a parse, kept with the import (write path).

The parse as read stays in ``PlanImport.document``; the corrections, in the order made, in
``PlanImport.corrections``; the preview and the confirm see the corrected document
(``corrected``), computed by the parser's ``apply_corrections``. Each correction and each
undo is audited. On confirm the plan keeps the corrections (``Plan.import_corrections``),
so that importing a revised document offers them again where its text is unchanged.

A stored correction is the parser's ``Correction.to_dict()`` plus ``label``: what it does,
in Chinese, as the preview and the audit log show it (and, for ``measure``, ``line_text``:
the line as printed, so that it is offered again only where that line is unchanged).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction

from taizhang.audit.log import record
from taizhang.parsing.corrections import (
    Correction,
    apply_corrections,
    measure_starts,
    sentence_at,
    sentences,
)
from taizhang.parsing.diagnostics import MEASURE_CHECKS, check_measures
from taizhang.parsing.model import Measure, PlanDocument, Target
from taizhang.parsing.normalize import fold, printed_run_in
from taizhang.parsing.targets import find_targets
from taizhang.plans.models import AuditAction, AuditDetail, PlanImport

ATTRIBUTION_FIELDS = {"lead": "牵头单位", "responsible": "责任单位", "collectives": "统称"}
FIELD_LABELS = {**ATTRIBUTION_FIELDS, "deadline": "完成时限", "targets": "量化目标"}
# Diagnostics about a measure's attribution, settled once the office has written its units.
_SETTLED_BY_UNITS = (
    "unknown-unit",
    "attribution-unsplit",
    "shared-attribution",
    "chapter-attribution",
    "attribution-by-number",
    "attribution-by-footnote",
    "unlabelled-units",
    "units-in-text",
)

STALE = "该任务已因其他更正或修订而改变，请刷新预览后重试。"
REFUSALS = {
    "split": "无法在该处拆分：拆分处须在任务内容之中，前后都要留有文字。",
    "merge": "这是最后一项任务，没有可以合并的下一项。",
    "not_measure": STALE,
    "set": "填写的内容无法识别，请检查后重试。",
    "measure": "原文第{line}行是空行、不存在或已是一项任务，不能设为任务。",
    "sentence": "原文第{line}行的这一句不存在或已是任务的一部分，不能设为任务。",
}


class CorrectionRefused(Exception):
    """The correction does not apply; the message is for the office, in Chinese."""


@dataclass
class Corrected:
    """The corrected document (JSON form) and what became of each stored correction."""

    document: dict
    applied: list[dict] = field(default_factory=list)
    stale: list[dict] = field(default_factory=list)
    changed_keys: set[str] = field(default_factory=set)  # measures the office changed


def corrected(plan_import: PlanImport) -> Corrected:
    """The import's document with its corrections applied, diagnostics checked again."""
    stored = list(plan_import.corrections or [])
    if not stored:
        return Corrected(plan_import.document)
    plan = PlanDocument.from_dict(plan_import.document)
    outcome = apply_corrections(plan, stored, plan_import.source_text)
    applied, stale = _sort_out(stored, outcome.applied)
    document = outcome.plan.to_dict()
    document["diagnostics"] = _diagnostics(plan_import.document, outcome.plan, applied)
    return Corrected(document, applied, stale, _changed_keys(plan_import.document, document))


def _sort_out(stored: list[dict], applied: list[Correction]) -> tuple[list[dict], list[dict]]:
    """Split the stored corrections into those applied and those that named nothing
    (``applied`` keeps their order)."""
    done, stale, at = [], [], 0
    for raw in stored:
        if at < len(applied) and Correction.of(raw) == applied[at]:
            done.append(raw)
            at += 1
        else:
            stale.append(raw)
    return done, stale


def _diagnostics(original: dict, plan: PlanDocument, applied: list[dict]) -> list[dict]:
    """The parser's diagnostics about the file, and those about the measures checked
    again on the corrected measures; an attribution the office wrote is settled."""
    settled = [m for m in plan.tasks if any(_names(raw, m) for raw in applied) and m.line]
    dropped = _set_aside(original, applied)
    kept = [
        d
        for d in original["diagnostics"]
        if d["code"] not in MEASURE_CHECKS
        and not (d["code"] in _SETTLED_BY_UNITS and _about(d, settled, plan.tasks))
        and not _about(d, dropped, plan.tasks)
    ]
    again = [
        {
            "code": d.code,
            "message": d.message,
            "line": d.line,
            "level": d.level,
            "measure": _measure_of(d, plan.tasks),
        }
        for d in check_measures(plan.tasks)
    ]
    again = [d for d in again if not (d["code"] == "no-attribution" and _has_units(d, plan))]
    return sorted(kept + again, key=lambda d: (d["line"] or 0, d["code"]))


def _set_aside(original: dict, applied: list[dict]) -> list[SimpleNamespace]:
    """The measures of the parse the office marked 不是任务: what the parser said of them
    no longer concerns the plan (it showed under the measure before)."""
    keys = {raw.get("key") for raw in applied if raw.get("action") == "not_measure"}
    return [
        SimpleNamespace(line=t["line"], no=t["no"]) for t in original["tasks"] if t["key"] in keys
    ]


_NAMED = re.compile(r"\b[Mm]easures? (\d+)")


def named_number(diagnostic: dict) -> int | None:
    """The measure number a diagnostic's message names ("measure 3", "Measures 4 and 5":
    the first), which tells apart measures that start on one line (a copy printed run in);
    the preview's rows (plans.importing.diagnostics_by_task) and the corrected diagnostics
    both ask it."""
    named = _NAMED.search(diagnostic.get("message") or "")
    return int(named.group(1)) if named else None


def _about(diagnostic: dict, measures: list, tasks: list[Measure]) -> bool:
    """Whether a diagnostic of the parse is about one of ``measures``: it stands on its
    line and, where several measures start on that line (a copy printed run in), names its
    number."""
    for measure in measures:
        if diagnostic["line"] != measure.line:
            continue
        sharing = sum(1 for task in tasks if task.line == measure.line)
        named = named_number(diagnostic)
        if sharing <= 1 or named is None or named == measure.no:
            return True
    return False


def _has_units(diagnostic: dict, plan: PlanDocument) -> bool:
    """Units the office wrote for a measure that printed none answer "no attribution"."""
    index = diagnostic["measure"]
    measure = plan.tasks[index] if index is not None else None
    return bool(measure and (measure.lead or measure.responsible or measure.collectives))


def _measure_of(diagnostic, tasks: list[Measure]) -> int | None:
    """Which measure a diagnostic is about, where the two parts of a split share a line:
    the one whose number the diagnostic names."""
    at = [i for i, m in enumerate(tasks) if m.line == diagnostic.line]
    if len(at) > 1:
        named = re.search(r"Measure (\d+)", diagnostic.message)
        at = [i for i in at if named and tasks[i].no == int(named.group(1))] or at
    return at[0] if at else None


def _names(raw: dict, measure: Measure) -> bool:
    return raw.get("field") in ATTRIBUTION_FIELDS and raw.get("key") == measure.key


def _changed_keys(original: dict, document: dict) -> set[str]:
    """Measures that differ from the parse (numbers aside): new or edited."""
    before = {t["key"]: {**t, "no": None} for t in original["tasks"]}
    return {t["key"] for t in document["tasks"] if before.get(t["key"]) != {**t, "no": None}}


# -- the write path -----------------------------------------------------------------------


@transaction.atomic
def correct(plan_import: PlanImport, actor, correction: dict) -> dict:
    """Add one correction, if it applies to the corrected document as it stands now;
    else refuse with one message (nothing is stored)."""
    plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    current = corrected(plan_import)
    new = Correction.of(correction)
    plan = PlanDocument.from_dict(current.document)
    measure = next((m for m in plan.tasks if m.key == new.key), None)
    if new.action != "measure" and measure is None:
        raise CorrectionRefused(STALE)
    if not apply_corrections(plan, [new], plan_import.source_text).applied:
        refusal = "sentence" if new.action == "measure" and new.offset is not None else new.action
        raise CorrectionRefused(REFUSALS[refusal].format(line=new.line))
    stored = {**new.to_dict(), "label": describe(new, measure, plan_import.source_text)}
    if new.action == "merge":  # whom it joined: a revision may delete or rewrite that one
        stored["next"] = plan.tasks[plan.tasks.index(measure) + 1].key
    if new.action == "measure":
        stored["line_text"] = _printed(plan_import.source_text, new.line, new.offset)
    plan_import.corrections = [*plan_import.corrections, stored]
    plan_import.save(update_fields=["corrections"])
    record(
        actor,
        AuditAction.CORRECT,
        plan_import,
        {AuditDetail.CORRECTION: stored["label"]},
        new.reason,
        organisation=plan_import.organisation_id,
    )
    return stored


def find(document: dict, key: str | None) -> tuple[int, dict | None]:
    """The position and the measure of ``key`` in a (corrected) document."""
    for index, task in enumerate(document["tasks"]):
        if task["key"] == key:
            return index, task
    return -1, None


def split(plan_import: PlanImport, actor, key: str, offset=None, starts_with="") -> dict:
    """Cut a measure where the office chose: at ``offset``, or before the words the
    next measure starts with."""
    _index, task = find(corrected(plan_import).document, key)
    if task is None:
        raise CorrectionRefused(STALE)
    if starts_with.strip():
        offset = task["text"].find(starts_with.strip())
        if offset <= 0:
            raise CorrectionRefused(
                f"该任务内容中（开头除外）找不到“{_excerpt(starts_with.strip())}”，"
                "请从原文中复制后一项任务开头的文字。"
            )
    return correct(plan_import, actor, {"action": "split", "key": key, "offset": offset})


@transaction.atomic
def set_fields(plan_import: PlanImport, actor, key: str, values: dict) -> list[dict]:
    """Set a measure's fields (lead, responsible, collectives, deadline, targets); one
    correction for each that changes."""
    _index, task = find(corrected(plan_import).document, key)
    if task is None:
        raise CorrectionRefused(STALE)
    changed = {name: value for name, value in values.items() if task[name] != value}
    if not changed:
        raise CorrectionRefused("填写的内容与当前相同，未作更正。")
    return [
        correct(plan_import, actor, {"action": "set", "key": key, "field": name, "value": value})
        for name, value in changed.items()
    ]


@transaction.atomic
def undo(plan_import: PlanImport, actor, index: int) -> dict:
    """Withdraw the correction at ``index`` (0-based, in the order made)."""
    plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    if not 0 <= index < len(plan_import.corrections):
        raise CorrectionRefused("该更正已撤销，请刷新预览。")
    removed = plan_import.corrections[index]
    plan_import.corrections = [c for i, c in enumerate(plan_import.corrections) if i != index]
    plan_import.save(update_fields=["corrections"])
    record(
        actor,
        AuditAction.UNDO_CORRECTION,
        plan_import,
        {AuditDetail.CORRECTION: removed.get("label", "")},
        organisation=plan_import.organisation_id,
    )
    return removed


@transaction.atomic
def adopt(plan_import: PlanImport, actor) -> int:
    """Apply the corrections offered from the previous import; returns how many."""
    plan_import = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    offered = list(plan_import.offered)
    if not offered:
        raise CorrectionRefused("没有可沿用的更正，请刷新预览。")
    plan_import.corrections = [*plan_import.corrections, *offered]
    plan_import.offered = []
    plan_import.save(update_fields=["corrections", "offered"])
    record(
        actor,
        AuditAction.ADOPT_CORRECTIONS,
        plan_import,
        {AuditDetail.CORRECTION: "；".join(c.get("label", "") for c in offered)},
        organisation=plan_import.organisation_id,
    )
    return len(offered)


def offered_again(previous: list[dict], document: dict, text: str) -> list[dict]:
    """The previous import's corrections that still apply to a revised document: those
    whose measure's text is unchanged (a measure is named by its normalised text), taken
    in order so that a correction of a measure an earlier one made is kept with it; a line
    made a measure only where that line reads as before."""
    return sort_offer(previous, document, text).kept


def no_longer_applying(previous: list[dict], document: dict, text: str) -> list[dict]:
    """The previous import's corrections the revised document leaves out of the offer, in
    their order, each with ``reason``: what the office reads under 不再适用 (they are not
    applied; the preview shows them so that nothing is dropped silently)."""
    return sort_offer(previous, document, text).dropped


# Why a correction of the previous import is not offered for the revised document.
DROPPED_LINE = "原文已删除或改写该句"
DROPPED_LINE_MOVED = (
    "该句在修订版中移到了原文第{line}行，未再设为任务；如仍需要，请在原文中重新设为任务"
)
DROPPED_ALREADY = "修订版已将该句识别为任务（或任务的一部分），无需再设"
DROPPED_MEASURE = "该任务已删除，或其文字在修订版中已修改"
DROPPED_NEXT = "与之合并的下一项任务已删除，或其文字在修订版中已修改"
DROPPED_OTHER = "修订版中该更正已无法应用"


@dataclass
class Offer:
    """The previous import's corrections sorted for a revised document: those offered
    again (``kept``, applied in order) and those that no longer apply (``dropped``, each a
    ``{"label", "reason"}``)."""

    kept: list[dict] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)


def sort_offer(previous: list[dict], document: dict, text: str) -> Offer:
    """One reading of the previous corrections against a revised document, for both the
    offer (PlanImport.offered) and the preview's 不再适用 list."""
    reasons: dict[int, str] = {}  # id of a previous correction -> why it is dropped
    candidates, origin = [], {}
    for raw in previous:
        found = raw if raw.get("action") != "measure" else _relocated(raw, text)
        if found is None:
            reasons[id(raw)] = _line_reason(raw, document, text)
            continue
        candidates.append(found)
        origin[id(found)] = raw
    joined, unjoined = _merging_as_before(candidates, document, text)
    for raw, reason in unjoined:
        reasons[id(origin[id(raw)])] = reason
    kept = []
    if joined:
        outcome = apply_corrections(PlanDocument.from_dict(document), joined, text)
        kept, stale = _sort_out(joined, outcome.applied)
        # the measures a correction could name: the revised parse's, and those the kept
        # corrections made (the second part of a split)
        known = {t.get("key") for t in document["tasks"]} | {m.key for m in outcome.plan.tasks}
        for raw in stale:
            reasons[id(origin[id(raw)])] = _stale_reason(raw, known)
    dropped = [
        {"label": shown_label(raw), "reason": reasons[id(raw)]}
        for raw in previous
        if id(raw) in reasons
    ]
    return Offer(kept, dropped)


def _line_reason(raw: dict, document: dict, text: str) -> str:
    """Why a line (or a sentence) made a measure is not offered: the revised parse reads
    its words as (part of) a measure already, they stand on another line now, or they are
    gone from the revised text."""
    printed = (raw.get("line_text") or "").strip()
    if not printed:
        return DROPPED_LINE
    if any(printed in task["text"] for task in document["tasks"]):
        return DROPPED_ALREADY
    for number, line in enumerate((text or "").split("\n"), start=1):
        if printed in line and number != raw.get("line"):
            return DROPPED_LINE_MOVED.format(line=number)
    return DROPPED_LINE


def _stale_reason(raw: dict, known: set) -> str:
    """Why an offered correction did not apply to the revised parse: a line the parser now
    reads as a measure, a measure the revision no longer has, or one it has but that the
    correction no longer fits."""
    if raw.get("action") == "measure":
        return DROPPED_ALREADY
    return DROPPED_MEASURE if raw.get("key") not in known else DROPPED_OTHER


def _merging_as_before(
    candidates: list[dict], document: dict, text: str
) -> tuple[list[dict], list[tuple[dict, str]]]:
    """A merge is named by its first measure but changes the next one too: it is offered
    again only where the measure after it is still the one it joined (``next``), so a
    revision that deletes or rewrites that measure does not invite the office to join the
    first to another. (A merge stored before ``next`` was kept is offered as before.)
    Returns the corrections kept and those left out, each with why."""
    kept, left = [], []
    for raw in candidates:
        if raw.get("action") == "merge" and raw.get("next"):
            tasks = apply_corrections(PlanDocument.from_dict(document), kept, text).plan.tasks
            at = next((i for i, m in enumerate(tasks) if m.key == raw.get("key")), None)
            if at is None:
                left.append((raw, DROPPED_MEASURE))
                continue
            if at + 1 >= len(tasks) or tasks[at + 1].key != raw["next"]:
                left.append((raw, DROPPED_NEXT))
                continue
        kept.append(raw)
    return kept, left


def _line(text: str, number: int | None) -> str | None:
    lines = (text or "").split("\n")
    return lines[number - 1].strip() if number and 1 <= number <= len(lines) else None


def _printed(text: str, number: int | None, offset: int | None) -> str | None:
    """What a ``measure`` correction made a measure of: the line, or its sentence at
    ``offset``."""
    if offset is None:
        return _line(text, number)
    line = _line_raw(text, number)
    return sentence_at(line, offset) if line is not None else None


def _line_raw(text: str, number: int | None) -> str | None:
    lines = (text or "").split("\n")
    return lines[number - 1] if number and 1 <= number <= len(lines) else None


def _relocated(raw: dict, text: str) -> dict | None:
    """A ``measure`` correction of a previous import, offered again where its line reads as
    before; one of a sentence (``offset``) where the same sentence stands on that line of the
    revised text, at the offset it now has (a revised run-in copy moves every sentence)."""
    if raw.get("offset") is None:
        return raw if _line(text, raw.get("line")) == raw.get("line_text") else None
    line = _line_raw(text, raw.get("line"))
    if line is None:
        return None
    for start, end in sentences(line):
        if line[start:end].strip() == raw.get("line_text"):
            return raw if start == raw["offset"] else {**raw, "offset": start}
    return None


# -- what a correction says ---------------------------------------------------------------


def describe(correction: Correction, measure: Measure | None, text: str) -> str:
    """One sentence, in Chinese, for the preview and the audit log."""
    if correction.action == "measure":
        printed = _excerpt(_printed(text, correction.line, correction.offset))
        if correction.offset is not None:
            return f"原文第{correction.line}行中的一句设为任务：“{printed}”"
        return f"原文第{correction.line}行设为任务：“{printed}”"
    # by the measure's text, not its number: a split, a merge or an undo renumbers the
    # measures after it, and the label is shown long after (shown_label)
    name = f"任务“{_excerpt(measure.text)}”"
    if correction.action == "split":
        rest = measure.text[correction.offset :].strip()
        return f"{name}拆分为两项，后一项从“{_excerpt(rest)}”开始"
    if correction.action == "merge":
        return f"{name}与下一项合并为一项"
    if correction.action == "not_measure":
        return f"{name}不作为任务"
    label = FIELD_LABELS.get(correction.field, correction.field)
    return f"{name}的{label}改为：{_shown(correction.field, correction.value)}"


# Labels stored before they were by text opened with the measure's number then.
_NUMBERED = re.compile(r"^第\d+项(?=“)")


def shown_label(stored: dict) -> str:
    """A stored correction's label as the preview shows it now: by the measure's text (a
    label stored with the number the measure had then is shown without it)."""
    return _NUMBERED.sub("任务", stored.get("label", ""))


def _shown(name: str | None, value) -> str:
    if name == "targets":
        return "；".join(t["quote"] for t in value) if value else "（无）"
    if isinstance(value, list):
        return "、".join(value) if value else "（无）"
    return value or "（无，长期坚持）"


def _excerpt(text: str | None, size: int = 20) -> str:
    text = (text or "").strip()
    return text if len(text) <= size else f"{text[:size]}…"


def continued_lines(document: dict, lines: list[str]) -> dict[int, dict]:
    """Line number -> the measure a line carries on (a text hard-wrapped every ~30
    characters, a ragged PDF layer: 在18万吨以上。【牵头单位】… under 2.1.1 落实…): a line
    after a measure's first whose words all stand in that measure's text and attribution.
    The source page marks it 第N项（续） and offers no 设为任务 for half a measure."""
    starts = sorted(
        ((task["line"], task) for task in document["tasks"] if task["line"]), key=lambda p: p[0]
    )
    carried: dict[int, dict] = {}
    for at, (start, task) in enumerate(starts):
        end = starts[at + 1][0] if at + 1 < len(starts) else len(lines) + 1
        whole = _compact(f"{task['text']}{task['attribution_raw'] or ''}")
        for number in range(start + 1, min(end, len(lines) + 1)):
            words = _compact(lines[number - 1])
            if len(words) > 1 and words in whole:  # a page number between is no part
                carried[number] = task
    return carried


def sentence_lines(plan_import: PlanImport) -> set[int]:
    """The lines the source page shows sentence by sentence (``sentences``): every line of
    a text printed run in (a plan pasted with no line breaks), and any line on which the
    parse as read starts several measures (not the two parts of a split the office made).
    Any other line is shown whole, as before."""
    document, text = plan_import.document, plan_import.source_text
    lines = text.split("\n")
    if printed_run_in(text):
        return {number for number, line in enumerate(lines, 1) if line.strip()}
    starting: dict[int, int] = {}
    for task in document["tasks"]:
        if task["line"]:
            starting[task["line"]] = starting.get(task["line"], 0) + 1
    return {number for number, count in starting.items() if count > 1}


@dataclass
class Place:
    """Where a measure starts in a line shown sentence by sentence: the line, the offset
    of its sentence in the line and that sentence's number (1-based)."""

    line: int
    at: int
    sentence: int

    @property
    def label(self) -> str:
        return f"原文第{self.line}行第{self.sentence}句"


def source_rows(document: dict, text: str, split: set[int]) -> list[dict]:
    """The source page's rows in order: a line, or a sentence of a line shown sentence by
    sentence (``number``, ``sentence`` and ``at``: its offset, what 设为任务 sends), each
    with the measures starting in it (``measures``) or the measure it carries on
    (``continues``: no 设为任务 for half a measure). ``split``: `sentence_lines`."""
    lines = text.split("\n")
    starts: dict[int, list[dict]] = {}  # both parts of a split start on one line
    for task in document["tasks"]:
        starts.setdefault(task["line"], []).append(task)
    carried = continued_lines(document, lines)
    rows = []
    for number, line in enumerate(lines, 1):
        measures = starts.get(number, [])
        if number not in split:
            rows.append(
                {
                    "number": number,
                    "text": line,
                    "measures": measures,
                    "continues": carried.get(number),
                }
            )
            continue
        rows.extend(_sentence_rows(number, line, measures))
    return rows


def _sentence_rows(number: int, line: str, measures: list[dict]) -> list[dict]:
    positions = measure_starts(line, [_measure(task) for task in measures])
    rows, current = [], None
    for index, (start, end) in enumerate(sentences(line), 1):
        here = [
            task
            for task, at in zip(measures, positions, strict=True)
            if at is not None and start <= at < end
        ]
        printed = line[start:end]
        continues = None
        if not here and current is not None and _carries(printed, current):
            continues = current
        current = here[-1] if here else current
        rows.append(
            {
                "number": number,
                "sentence": index,
                "at": start,
                "text": printed,
                "measures": here,
                "continues": continues,
            }
        )
    return rows


def _carries(printed: str, task: dict) -> bool:
    words = _compact(printed)
    return len(words) > 1 and words in _compact(f"{task['text']}{task['attribution_raw'] or ''}")


def _measure(task: dict) -> SimpleNamespace:
    """What ``measure_starts`` reads of a measure."""
    return SimpleNamespace(text=task["text"])


def places(document: dict, text: str, split: set[int]) -> dict[int, Place]:
    """Task index -> where the measure starts, for the measures on a line shown sentence
    by sentence: the preview's diagnostics and the measure's page name the sentence, not
    原文第1行 for every measure of a run-in copy. ``split``: `sentence_lines`."""
    if not split:
        return {}
    lines = text.split("\n")
    by_line: dict[int, list[int]] = {}
    for index, task in enumerate(document["tasks"]):
        if task["line"] in split:
            by_line.setdefault(task["line"], []).append(index)
    found = {}
    for number, indexes in by_line.items():
        line = lines[number - 1]
        spans = sentences(line)
        tasks = [_measure(document["tasks"][i]) for i in indexes]
        for index, at in zip(indexes, measure_starts(line, tasks), strict=True):
            for sentence, (start, end) in enumerate(spans, 1):
                if at is not None and start <= at < end:
                    found[index] = Place(number, start, sentence)
    return found


def _compact(text: str) -> str:
    """Words only: no blanks, punctuation or brackets (the attribution as stored may have
    lost the bracket the line prints)."""
    return re.sub(r"[\W_]+", "", fold(text))


# -- reading the office's input -----------------------------------------------------------


def names(text: str) -> list[str]:
    """Unit names as the office types them: separated by 、，, ; or new lines, each once."""
    for separator in "，,；;\n\r ":
        text = text.replace(separator, "、")
    # a name typed twice is one unit (州司法局、州司法局)
    return list(dict.fromkeys(name.strip() for name in text.split("、") if name.strip()))


def targets(text: str, kept: list[dict] = ()) -> list[dict]:
    """Targets as the office types them, one quotation per line; a line that reads as no
    target is refused. A line left as the page showed it keeps its target as read from the
    whole measure (its year may stand outside the quotation)."""
    found = []
    as_read = {t["quote"]: t for t in kept}
    for line in filter(None, (line.strip() for line in text.splitlines())):
        if line in as_read:
            found.append(as_read[line])
            continue
        read = find_targets(line) or typed_target(line)
        if not read:
            raise CorrectionRefused(
                f"未能从“{_excerpt(line)}”中识别出量化目标，"
                "请写明数值和计量单位，如“到2025年覆盖率达到95%以上”。"
            )
        found += [
            {
                "quote": t.quote,
                "value": t.value,
                "unit": t.unit,
                "comparator": t.comparator,
                "year": t.year,
                "per": t.per,
            }
            for t in read
        ]
    return found


# A quantity as the office writes it: a number and the measure word after it (2个工作日,
# 500亩, 95%), not a year; the words before it say whether it is a floor or a ceiling.
_QUANTITY = re.compile(
    r"(\d+(?:\.\d+)?)\s*(%|‰|[\u4e00-\u9fff]{1,4}?)(?=以上|以下|以内|[，。；;,]|$)"
)
_YEAR = re.compile(r"(20\d\d)\s*年")
_CEILING = (
    *("以下", "以内", "不超过", "不高于", "低于"),
    *("压缩至", "压缩到", "控制在", "缩短至", "缩短到"),
)
_FLOOR = ("以上", "不少于", "不低于", "至少", "超过")


def typed_target(line: str) -> list[Target]:
    """A target the office typed in a shape the parser's vocabulary does not read
    (办理时限压缩至2个工作日): its last quantity that is not a year, with the year it
    names; the office says it is a target, the page does not second-guess the wording."""
    years = {m.start(1) for m in _YEAR.finditer(line)}
    found = [m for m in _QUANTITY.finditer(line) if m.start(1) not in years]
    found = [m for m in found if not m.group(2).startswith("年")]
    if not found:
        return []
    quantity = found[-1]
    comparator = "="
    if any(word in line for word in _CEILING):
        comparator = "<="
    elif any(word in line for word in _FLOOR):
        comparator = ">="
    year = _YEAR.search(line)
    return [
        Target(
            quote=line,
            value=float(quantity.group(1)),
            unit=quantity.group(2),
            comparator=comparator,
            year=int(year.group(1)) if year else None,
        )
    ]


_SENTENCE_END = re.compile(r"[。；;！!]")
_NUMBER = re.compile(r"\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]")


def split_points(text: str) -> list[tuple[int, str, str]]:
    """Where a measure's text may be cut: after each sentence (。；;！) and before a number
    printed inside it (a measure glued to the one before: "…工作。2.加强…"). Each point as
    (offset, the text before it, the text after it), both shortened."""
    points = set()
    for found in _SENTENCE_END.finditer(text):
        points.add(found.end())
    for found in _NUMBER.finditer(text):
        points.add(found.start())
    return [
        (offset, _tail(text[:offset]), _excerpt(text[offset:].strip(), 24))
        for offset in sorted(points)
        if 0 < offset < len(text) and text[offset:].strip() and text[:offset].strip()
    ]


def _tail(text: str, size: int = 16) -> str:
    text = text.strip()
    return text if len(text) <= size else f"…{text[-size:]}"
