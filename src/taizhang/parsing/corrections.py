"""The office's corrections to a parse, applied in order: pure Python, no Django.

An import preview shows the parse; the office corrects it and the corrections are kept with
the import (as JSON, ``Correction.to_dict``) and applied on confirm:

    >>> fixed, stale = apply_corrections(plan, [
    ...     {"action": "split", "key": key, "offset": 42},
    ...     {"action": "set", "key": key, "field": "lead", "value": ["市司法局"]},
    ... ], text)

Measures are named by ``measure_key``: a hash of their text, normalised (folded, NFKC,
without spaces and pinyin readings), so a correction names the same measure in a revised
document wherever its text is unchanged; ``reoffer`` keeps the corrections of a previous
import whose measures are still there. Corrections that name no measure of the plan come
back as ``stale``; nothing raises on a bad correction.

Actions:

- ``split``  key, offset: cut the measure's text at ``offset``; the part after it becomes
  a new measure right below, and keeps the attribution (it was printed after the text).
- ``merge``  key: join the measure with the next one.
- ``set``    key, field, value: ``lead`` / ``responsible`` / ``collectives`` (lists of
  names), ``deadline`` (text or null), ``targets`` (list of target objects), ``title``.
- ``measure``  line: make the source line (1-based) a measure (a line the parser missed);
  with ``offset``, the sentence of that line starting there (``sentences``: a plan pasted
  run in, every measure on line 1, is made measures of sentence by sentence).
- ``not_measure``  key: the item is no measure (a notice item, a heading).
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from operator import itemgetter

from taizhang.parsing.attribution_text import find_attribution
from taizhang.parsing.model import Measure, PlanDocument, Target
from taizhang.parsing.normalize import fold
from taizhang.parsing.targets import find_deadline, find_recurring, find_targets
from taizhang.parsing.units import load_gazetteer, split_attribution

ACTIONS = ("split", "merge", "set", "measure", "not_measure")
FIELDS = ("lead", "responsible", "collectives", "deadline", "targets", "title")
_PINYIN = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")


@dataclass(frozen=True)
class Correction:
    action: str
    key: str | None = None
    offset: int | None = None
    field: str | None = None
    value: object = None
    line: int | None = None
    reason: str = ""  # the office's reason, for the audit

    @classmethod
    def of(cls, data: dict | Correction) -> Correction:
        if isinstance(data, Correction):
            return data
        known = {name: data.get(name) for name in cls.__dataclass_fields__ if name in data}
        return cls(**known)

    def to_dict(self) -> dict:
        return {name: value for name, value in asdict(self).items() if value not in (None, "")}


def normalised(text: str, folded: str | None = None) -> str:
    """The text as compared: folded, NFKC, without blanks and pinyin readings (``folded``:
    ``fold(text)`` when the caller has it)."""
    folded = fold(text) if folded is None else folded
    text = _PINYIN.sub("", folded) if "(" in folded else folded  # （ folds to (
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return "".join(text.split())  # every blank, U+3000 included


def measure_key(text: str, occurrence: int = 0) -> str:
    """A stable name for a measure: the hash of its normalised text (and, for a text
    printed twice, which occurrence it is)."""
    return _numbered(_digest(text), occurrence)


def _digest(text: str, folded: str | None = None) -> str:
    return hashlib.sha1(normalised(text, folded).encode("utf-8")).hexdigest()[:16]


def _numbered(digest: str, occurrence: int) -> str:
    return digest if occurrence == 0 else f"{digest}-{occurrence + 1}"


def assign_keys(plan: PlanDocument, folded: list[str] | None = None) -> None:
    """Give each measure its key (``folded``: the measures' texts folded, when the caller
    has them)."""
    seen: dict[str, int] = {}  # a Counter looks up every new key twice, in Python
    texts = _all_normalised([m.text for m in plan.tasks], folded)
    # each text's _digest, read by map in C (no bytecode per text for the hash: speed27)
    digests = map(_KEY, map(_HEX, map(hashlib.sha1, map(str.encode, texts))))
    for measure, base in zip(plan.tasks, digests, strict=True):
        occurrence = seen.get(base, 0)
        measure.key = _numbered(base, occurrence)
        seen[base] = occurrence + 1


_HEX = type(hashlib.sha1()).hexdigest  # (str.encode's default is UTF-8, as _digest's)
_KEY = itemgetter(slice(16))  # a key is a digest's first 16 hex digits


def _all_normalised(texts: list[str], folded: list[str] | None) -> list[str]:
    """``normalised`` of each text, read in one pass over the list (no call per text). (NFKC
    asked once of the texts joined by NUL saved nothing: the check's scan is its cost, and
    the join copied every measure's text on a long document.)"""
    forms = folded if folded is not None else list(map(fold, texts))
    # (（ folds to (: no pinyin reading without one)
    forms = [_PINYIN.sub("", form) if "(" in form else form for form in forms]
    forms = [
        form if unicodedata.is_normalized("NFKC", form) else unicodedata.normalize("NFKC", form)
        for form in forms
    ]
    return ["".join(form.split()) for form in forms]  # every blank, U+3000 included


@dataclass
class Outcome:
    plan: PlanDocument
    applied: list[Correction] = field(default_factory=list)
    stale: list[Correction] = field(default_factory=list)


def apply_corrections(
    plan: PlanDocument, corrections: list, text: str | None = None, *, gazetteer=None
) -> Outcome:
    """A corrected copy of ``plan`` (the original is left as it is)."""
    plan = copy.deepcopy(plan)
    assign_keys(plan)
    outcome = Outcome(plan)
    for raw in corrections:
        correction = Correction.of(raw)
        done = _apply(plan, correction, text, gazetteer)
        (outcome.applied if done else outcome.stale).append(correction)
        assign_keys(plan)
    return outcome


def reoffer(corrections: list, plan: PlanDocument) -> list[Correction]:
    """The corrections of a previous import that still name a measure of ``plan``."""
    assign_keys(plan)
    keys = {m.key for m in plan.tasks}
    kept = []
    for raw in corrections:
        correction = Correction.of(raw)
        if correction.key in keys or (correction.action == "measure" and correction.line):
            kept.append(correction)
    return kept


def _apply(plan: PlanDocument, correction: Correction, text: str | None, gazetteer) -> bool:
    if correction.action == "measure":
        return _make_measure(plan, correction.line, text, gazetteer, correction.offset)
    at = next((i for i, m in enumerate(plan.tasks) if m.key == correction.key), None)
    if at is None or correction.action not in ACTIONS:
        return False
    if correction.action == "split":
        return _split(plan, at, correction.offset)
    if correction.action == "merge":
        return _merge(plan, at)
    if correction.action == "not_measure":
        _renumber(plan, at + 1, plan.tasks[at].no + 1, -1)
        del plan.tasks[at]
        return True
    return _set(plan.tasks[at], correction.field, correction.value)


def _split(plan: PlanDocument, at: int, offset: int | None) -> bool:
    measure = plan.tasks[at]
    if offset is None or not 0 < offset < len(measure.text):
        return False
    first, second = copy.deepcopy(measure), copy.deepcopy(measure)
    first.text, second.text = measure.text[:offset].strip(), measure.text[offset:].strip()
    first.attribution_raw, first.lead, first.responsible, first.collectives = None, [], [], []
    second.no = measure.no + 1
    for part in (first, second):
        _reread(part)
    _renumber(plan, at + 1, measure.no + 1, +1)
    plan.tasks[at : at + 1] = [first, second]
    return True


def _merge(plan: PlanDocument, at: int) -> bool:
    if at + 1 >= len(plan.tasks):
        return False
    first, second = plan.tasks[at], plan.tasks[at + 1]
    first.text = f"{first.text}{second.text}"
    first.attribution_raw = first.attribution_raw or second.attribution_raw
    for name in ("lead", "responsible", "collectives"):
        names = getattr(first, name)
        names += [n for n in getattr(second, name) if n not in names]
    _reread(first)
    del plan.tasks[at + 1]
    _renumber(plan, at + 1, second.no + 1, -1)
    return True


def _set(measure: Measure, name: str | None, value: object) -> bool:
    if name not in FIELDS:
        return False
    if name in ("lead", "responsible", "collectives"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return False
        value = [v.strip() for v in value if v.strip()]
    elif name == "targets":
        if not isinstance(value, list):
            return False
        try:
            value = [Target(**t) if isinstance(t, dict) else t for t in value]
        except TypeError:
            return False
    elif value is not None and not isinstance(value, str):
        return False
    setattr(measure, name, value)
    return True


def _make_measure(
    plan: PlanDocument, line: int | None, text: str | None, gazetteer, offset: int | None = None
) -> bool:
    lines = (text or "").split("\n")
    if line is None or not 1 <= line <= len(lines) or not lines[line - 1].strip():
        return False
    on_line = [m for m in plan.tasks if m.line == line]
    if offset is None:
        if on_line:
            return False
        printed, before = lines[line - 1].strip(), 0
    else:
        printed = sentence_at(lines[line - 1], offset)
        if printed is None or any(_within(printed, m) for m in on_line):
            return False  # no sentence starts there, or it is part of a measure already
        printed = _ITEM_START.sub("", printed, count=1).strip() or printed
        starts = [s for s in measure_starts(lines[line - 1], on_line) if s is not None]
        before = sum(1 for start in starts if start < offset)
    located = find_attribution(fold(printed))
    body, raw = printed, None
    if located is not None:
        body, raw = (
            printed[: located.text_end].strip(),
            printed[located.raw_start : located.raw_end],
        )
    attribution = split_attribution(raw, gazetteer=gazetteer or load_gazetteer()) if raw else None
    at = sum(1 for m in plan.tasks if (m.line or 0) < line) + before
    neighbour = plan.tasks[at - 1] if at else None
    following = plan.tasks[at] if at < len(plan.tasks) else None
    chapter, section = _heading_of(plan, line, neighbour)
    if offset is not None:  # the headings printed on the line before the sentence
        after = max((start for start in starts if start < offset), default=0)
        chapter, section = _heading_on_line(
            plan, line, lines[line - 1], (after, offset), chapter, section
        )
    if following is not None and (following.chapter, following.section) == (chapter, section):
        no = following.no  # it takes the place of the measure printed after it
    else:
        no = (neighbour.no + 1) if neighbour else 1
    measure = Measure(
        no=no,
        chapter=chapter,
        section=section,
        title=None,
        text=body,
        attribution_raw=raw,
        lead=attribution.lead if attribution else [],
        responsible=attribution.responsible if attribution else [],
        collectives=attribution.collectives if attribution else [],
        line=line,
    )
    _reread(measure)
    _renumber(plan, at, no, +1)
    plan.tasks.insert(at, measure)
    return True


# -- the sentences of a line printed run in ------------------------------------------------

_SENTENCE_ENDS = "。；;！!？?"
_OPENING, _CLOSING = "〔（(【[《", "〕）)】]》"
_ATTRIBUTION_WORDS = ("牵头", "责任", "负责", "配合", "单位")
# an item's number where a new one starts (2. （二） 三、), not inside a figure (第1、2项, 2.5%)
_ITEM = re.compile(
    r"(?<![\d第.．])(?:\d{1,2}[.．、](?![\d.．])|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}、)"
)
_ITEM_START = re.compile(
    r"^\s*(?:\d{1,2}[.．、](?![\d.．])|[（(][一二三四五六七八九十\d]{1,3}[)）])"
)
_DEEPEST = 200  # a bracket left open this long was no bracket: sentences end again


def sentences(line: str) -> list[tuple[int, int]]:
    """The sentences of a line as (start, end) offsets: cut after each sentence end
    (。；;！？) outside brackets, with a bracketed attribution printed right after it
    (…工作。〔牵头单位：…；责任单位：…〕), and before an item's number printed glued to
    what precedes (…服务平台。（二）完善…3.完善…). Blank stretches are left out. How the
    source page shows a line a plan pasted run in printed whole, and what a ``measure``
    correction's ``offset`` names."""
    cuts, depth, opened = {0, len(line)}, 0, 0
    for found in _ITEM.finditer(line):
        cuts.add(found.start())
    inside: set[int] = set()
    at = 0
    while at < len(line):
        char = line[at]
        if depth:  # a bracket's own opening is outside it: （二） may start an item
            inside.add(at)
        if char in _OPENING:
            depth, opened = depth + 1, opened if depth else at
        elif char in _CLOSING and depth:
            depth -= 1
        elif depth and at - opened > _DEEPEST:
            depth = 0
        if not depth and char in _SENTENCE_ENDS:
            cuts.add(_after_attribution(line, at + 1))
        at += 1
    cuts = sorted(cut for cut in cuts if cut not in inside or cut in (0, len(line)))
    spans = []
    for start, end in itertools.pairwise(cuts):
        while start < end and line[start].isspace():
            start += 1
        if line[start:end].strip():
            spans.append((start, end))
    return spans


def _after_attribution(line: str, at: int) -> int:
    """Where the sentence ending at ``at`` ends: after the bracketed attribution printed
    right after it, if one is."""
    start = at
    while start < len(line) and line[start].isspace():
        start += 1
    if start >= len(line) or line[start] not in _OPENING:
        return at
    close = _CLOSING[_OPENING.index(line[start])]
    end = line.find(close, start + 1, start + _DEEPEST)
    if end < 0 or not any(word in line[start:end] for word in _ATTRIBUTION_WORDS):
        return at
    return end + 1


def sentence_at(line: str, offset: int) -> str | None:
    """The sentence of ``line`` starting at ``offset`` (``sentences``), stripped."""
    for start, end in sentences(line):
        if start == offset:
            return line[start:end].strip()
    return None


def measure_starts(line: str, measures: list[Measure]) -> list[int | None]:
    """Where each of ``measures`` (in order, all on ``line``) starts in the line: its text's
    first characters found after the one before's (folded alike); None where not found."""
    folded, starts, after = fold(line), [], 0
    for measure in measures:
        head = "".join(fold(measure.text).split())[:12]
        at = folded.find(head, after) if head else -1
        starts.append(at if at >= 0 else None)
        after = at + 1 if at >= 0 else after
    return starts


def _within(sentence: str, measure: Measure) -> bool:
    """A sentence that stands in a measure's text and attribution, words only."""
    words = _words(_ITEM_START.sub("", sentence, count=1))
    return bool(words) and words in _words(f"{measure.text}{measure.attribution_raw or ''}")


def _words(text: str) -> str:
    return re.sub(r"[\W_]+", "", fold(text))


def _heading_on_line(plan: PlanDocument, line: int, printed: str, span, chapter, section):
    """The chapter and section a sentence of a run-in line stands under: the last heading
    whose title is printed on the line within ``span`` (after the measure before it and
    before the sentence), else those given."""
    folded, (start, end) = fold(printed), span
    found = [
        (at, heading)
        for heading in plan.chapters
        if heading.line == line and (at := folded.rfind(fold(heading.title), start, end)) >= 0
    ]
    if found:
        start, heading = max(found, key=lambda pair: pair[0])
        chapter, section = heading.no, None
    found = [
        (at, heading)
        for heading in plan.sections
        if heading.line == line
        and heading.chapter == chapter
        and (at := folded.rfind(fold(heading.title), start, end)) >= 0
    ]
    if found:
        section = max(found, key=lambda pair: pair[0])[1].no
    return chapter, section


def _heading_of(plan: PlanDocument, line: int, neighbour: Measure | None):
    """The chapter and section a line stands under: the last heading printed above it, else
    the measure before it's (a plan whose headings carry no line)."""
    chapter = neighbour.chapter if neighbour else None
    section = neighbour.section if neighbour else None
    above = [c for c in plan.chapters if c.line is not None and c.line < line]
    if above:
        heading = max(above, key=lambda c: c.line)
        if neighbour is None or (neighbour.line or 0) < heading.line:
            chapter, section = heading.no, None
    sections = [
        s for s in plan.sections if s.line is not None and s.line < line and s.chapter == chapter
    ]
    if sections:
        heading = max(sections, key=lambda s: s.line)
        if neighbour is None or (neighbour.line or 0) < heading.line:
            section = heading.no
    return chapter, section


def _reread(measure: Measure) -> None:
    """Targets, duties and the deadline follow the measure's (new) text."""
    measure.targets = find_targets(measure.text)
    measure.recurring = find_recurring(measure.text)
    measure.deadline = find_deadline(measure.text) or measure.deadline


def _renumber(plan: PlanDocument, start: int, first: int, step: int) -> None:
    """Shift the numbers of the measures from ``start`` on that continue a numbering run
    from ``first`` (first, first + 1, …): the rest of a list numbered through the whole
    plan, or of a chapter's or section's list where the numbers restart under each heading
    (the run ends where the numbers restart or jump)."""
    expected = first
    for measure in plan.tasks[start:]:
        if measure.no != expected:
            break
        measure.no += step
        expected += 1
