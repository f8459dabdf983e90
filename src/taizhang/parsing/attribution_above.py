"""Attribution brackets printed on a line of their own ABOVE their measure.

Some plans print each measure's "（责任单位：…）" on the line before the measure, the first
right under its (一) heading: "（一）明确述法对象" / "（责任单位：X）" / "1.…" / "（责任单位：Y）" /
"2.…". Read line by line, each numbered measure takes the bracket below it (the next
measure's), the last measure of each group is left with none and the bracket under the
heading goes to no measure (or to one of no text). Whether a plan prints them so is a
property of the document: every group of measures under one heading has a bracket line
right above each of its measures and none below its last (round 26: tests/parsing/documents
d350, its groups under (一) sections, and d353, under 一、 chapters).
"""

from __future__ import annotations

from itertools import groupby

from taizhang.parsing.structure import RawMeasure

_MIN_GROUPS = 2  # groups showing the layout: one alone may be a heading's own units
_INDENT = " \t\u3000"


def attributions_above(measures: list[RawMeasure], text: str, folded: str) -> list[RawMeasure]:
    """``measures`` with each measure given the bracket line right above it, when every
    group of them is laid out so (see the module's docstring); else ``measures`` unchanged.
    ``text``/``folded``: the text the measures' lines count in, printed and folded."""
    if sum(not m.attribution_raw for m in measures) < _MIN_GROUPS:
        return measures
    kept = [m for m in measures if not _bracket_only(m)]
    groups = [list(g) for _, g in groupby(kept, key=lambda m: (m.chapter, m.section))]
    groups = [g for g in groups if any(m.attribution_raw for m in g)]
    if len(groups) < _MIN_GROUPS or not all(map(_attributed_so, groups)):
        return measures  # (most plans: no line is looked at)
    folded_lines = folded.split("\n")
    if not all(_bracket_line(folded_lines, m.line - 1) for m in kept):
        return measures
    lines = text.split("\n")
    for measure in kept:
        measure.attribution_raw = _content(lines[measure.line - 2])
        measure.own_line = False
    return kept


def _bracket_only(measure: RawMeasure) -> bool:
    return bool(measure.attribution_raw) and not measure.text.strip()


def _attributed_so(group: list[RawMeasure]) -> bool:
    """Each measure but the last with an attribution (the bracket above the next), the
    last with none."""
    return not group[-1].attribution_raw and all(m.attribution_raw for m in group[:-1])


def _bracket_line(folded_lines: list[str], number: int) -> bool:
    """Whether line ``number`` (1-based) is nothing but a bracket."""
    if not 0 < number <= len(folded_lines):
        return False
    line = folded_lines[number - 1].strip(_INDENT)
    return len(line) > 2 and line[0] in "([" and line[-1] in ")]"


def _content(line: str) -> str:
    return line.strip(_INDENT)[1:-1]
