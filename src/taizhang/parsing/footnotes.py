"""Units given by footnote: a measure closed by a circled number ("…挂床住院等行为。①") whose
units a note after the measures gives ("注：①市医保局牵头，市卫生健康委配合；②市医保局负责。").
Round 17: tests/parsing/documents d204, fixture styles/jiaozhu_danwei.txt.

The references and the note are blanked out of the folded text before the skeleton is read
(a circled number after a sentence end would open a ① item, the note read as the last
measure's units); each measure closed by a reference then takes its note's units."""

from __future__ import annotations

import re

from taizhang.parsing.markers import CIRCLED_DIGITS
from taizhang.parsing.model import Diagnostic
from taizhang.parsing.normalize import fold

_NOTE_OPENING = "注:"  # (folded: 注： reads 注:)
_ENTRY_END = "。\n"
_CIRCLED = re.compile(f"[{CIRCLED_DIGITS}]")
_SEPARATORS = ";；,，。 \t\u3000"


def _notes(folded: str) -> list[tuple[int, int, dict[str, tuple[int, int]]]]:
    """Each note: its span and its entries (circled number -> the span of its units)."""
    notes = []
    at = _note_at(folded, 0)
    while at >= 0:
        start = at + len(_NOTE_OPENING)
        end = _note_end(folded, start)
        notes.append((at, end, _entries(folded, start, end)))
        at = _note_at(folded, end + 1)
    return notes


def _note_at(folded: str, start: int) -> int:
    """Where the first note at or after ``start`` opens (注: and a circled number), or -1."""
    at = folded.find(_NOTE_OPENING, start)
    while at >= 0:
        after = at + len(_NOTE_OPENING)
        if folded[after : after + 1] and folded[after] in CIRCLED_DIGITS:
            return at
        at = folded.find(_NOTE_OPENING, at + 1)
    return -1


def _note_end(folded: str, start: int) -> int:
    """The note runs through its last entry, to the first sentence end or line break after
    the last circled number."""
    last = start
    for at in range(start, min(len(folded), start + 600)):
        if folded[at] in CIRCLED_DIGITS:
            last = at
        elif folded[at] == "\n":
            break
    end = min((e for e in (folded.find(c, last) for c in _ENTRY_END) if e >= 0), default=None)
    if end is None:
        return len(folded)
    return end + 1 if folded[end] == "。" else end


def _entries(folded: str, start: int, end: int) -> dict[str, tuple[int, int]]:
    marks = [at for at in range(start, end) if folded[at] in CIRCLED_DIGITS]
    return {
        folded[mark]: (mark + 1, stop)
        for mark, stop in reversed(list(zip(marks, [*marks[1:], end], strict=True)))
    }


def references_blanked(folded: str) -> tuple[str, list[tuple[str, tuple[int, int]]]]:
    """``folded`` with the footnote references and notes blanked (same length), and each
    reference in order with the span of its entry in the first note after it (numbers may
    restart in each chapter, its note at its end); the text unchanged when it has no note."""
    if _NOTE_OPENING not in folded:
        return folded, []
    notes = _notes(folded)
    if not notes:
        return folded, []
    chars = list(folded)
    references = []
    before = 0  # each note's references stand between the note before and itself
    for start, end, entries in notes:
        for found in _CIRCLED.finditer(folded, before, start):
            at, mark = found.start(), found.group()
            # a reference closes a sentence: right after its 。 (not a ① item opening a line)
            if mark in entries and folded[at - 1] == "。":
                references.append((mark, entries[mark]))
                chars[at] = " "
        before = end
    for start, end, _ in notes:
        chars[start:end] = " " * (end - start)
    return "".join(chars), references


def attributions_by_footnote(measures, text: str, references) -> list[Diagnostic]:
    """Each measure without units whose text ends with a note's circled number takes the
    note's entry (the number dropped from its text)."""
    out = []
    pending = iter(references)
    for measure in measures:
        _without_note(measure)
        closing = measure.text.rstrip()[-1:]
        if not closing or closing not in CIRCLED_DIGITS:
            continue
        found = next((span for mark, span in pending if mark == closing), None)
        if found is None:
            break
        if measure.attribution_raw:
            continue
        start, end = found
        measure.text = measure.text.rstrip()[:-1].rstrip()
        measure.attribution_raw = text[start:end].strip(_SEPARATORS)
        out.append(
            Diagnostic(
                "attribution-by-footnote",
                f"Measure {measure.no} takes its units from note {closing} after the "
                f"measures: {measure.attribution_raw}.",
                measure.line,
                level="info",
            )
        )
    return out


def _without_note(measure) -> None:
    """The last measure before a note runs on through it (the note's line is blank in the
    folded text, not in the printed): its text ends before the note. (Folded again: the
    measure's own folded text is cut from the blanked one.)"""
    if "注" not in measure.text:
        return
    at = _note_at(fold(measure.text), 0)
    if at >= 0:
        measure.text = measure.text[:at].rstrip()
