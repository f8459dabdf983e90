"""Cut bracket text into clauses, each with the role its label or marker gives its units.

"牵头单位:A、B;责任单位:C" has two labelled fields. "由A牵头,B配合" has none: the marker
after each list (牵头, 配合, 负责 …) closes a clause and tells the role of its units.
All positions index the folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from taizhang.parsing.units.gazetteer import LEAD, RESPONSIBLE, Gazetteer

# Punctuation around names, stripped from items; a line break after it separates.
PUNCTUATION = frozenset(" \t\r\n:.。、,;")
_LINE_BREAK = re.compile(r"[ \t\r]*\n[ \t\r\n]*")


def unwrap(raw: str, folded: str, gaz: Gazetteer) -> tuple[str, str]:
    """Remove line breaks that wrap a name ("市司\n法局"), as PDF text and table cells do.

    The same characters are removed from the printed and the folded text, which thus
    keep the same length.
    """
    if "\n" not in folded:  # most brackets are one line (the pattern opens with a repeat,
        return raw, folded  # which the engine tries at every character)
    raw_parts, folded_parts, kept_from = [], [], 0
    for line_break in _LINE_BREAK.finditer(folded):
        if _wraps_a_name(folded, line_break, gaz):
            start, end = line_break.span()
            raw_parts.append(raw[kept_from:start])
            folded_parts.append(folded[kept_from:start])
            kept_from = end
    raw_parts.append(raw[kept_from:])
    folded_parts.append(folded[kept_from:])
    return "".join(raw_parts), "".join(folded_parts)


def _wraps_a_name(folded: str, line_break: re.Match[str], gaz: Gazetteer) -> bool:
    """A single line break inside a name; after punctuation or a complete name
    ("区发改局\n\n责任单位") it separates, and a blank line always separates."""
    start, end = line_break.span()
    return (
        line_break.group().count("\n") == 1
        and start > 0
        and end < len(folded)
        and folded[start - 1] not in PUNCTUATION
        and not folded.endswith(gaz.name_endings, 0, start)
    )


def clauses(folded: str, gaz: Gazetteer) -> Iterator[tuple[str, int, int]]:
    """(role, start, end) spans of unit lists; a label sets the role of its whole field."""
    for label, start, end in _fields(folded, gaz):
        lead_named, clause_start = False, start
        for marker in gaz.markers.finditer(folded, start, end):
            kind = marker.lastgroup
            if kind == "lead" and _tags_a_name(folded, marker.start(), marker.end()):
                # "县应急管理局(牵头)、县委办公室": the tag makes the one name before it a
                # lead, whatever the label says of the list (tests/parsing/documents d13
                # and d14, in 责任单位 lists and in bare ones)
                paren = marker.start() - 1
                name_start = _name_start(folded, clause_start, paren)
                yield label or RESPONSIBLE, clause_start, name_start
                yield LEAD, name_start, paren
                lead_named, clause_start = True, marker.end() + 1
                continue
            role = label or _marker_role(kind, lead_named)
            if kind == "lead" and label == RESPONSIBLE:
                # "责任单位：X牵头，Y配合，Z负责落实": the verb names the lead inside a field
                # the label calls responsible (tests/parsing/documents d67, fixture
                # styles/huanbao_tabnonumber.txt, its 责任单位 column)
                role = LEAD
            yield role, clause_start, marker.start()
            lead_named = lead_named or kind == "lead"
            clause_start = marker.end()
            if kind == "support":
                clause_start = _named_after_support(folded, marker, end, gaz)
        # A bare list with no label and no marker (a table cell) names responsible units.
        yield label or RESPONSIBLE, clause_start, end


def _named_after_support(folded: str, marker: re.Match[str], end: int, gaz: Gazetteer) -> int:
    """Where the units after a support marker start: after its verb phrase, unless what the
    phrase took ends as a name does ("配合青山县司法局" names 青山县司法局; the phrase took
    青山县司 and left 法局: tests/parsing/test_units_shapes.py, fixture styles/peihe_place.txt).
    A phrase opening with a verb is cut whole when it ends as no name ("配合推进县城建设工作"
    leaves no 建设工作: styles/peihe_phrase.txt) and up to its verb when it ends as one."""
    word_end = marker.start() + _support_word_length(marker.group(), gaz)
    if word_end == marker.end():
        return word_end
    stop = word_end
    while stop < end and folded[stop] not in PUNCTUATION and folded[stop] not in "()":
        stop += 1
    rest = folded[word_end:stop]
    if rest.startswith(gaz.support_phrase_verbs):
        if not rest.endswith(gaz.name_endings):
            # the whole phrase, not its first four characters: "配合做好全县工作" names no 工作
            # (round 16; gazetteer.toml support_phrase_verbs names its documents)
            return stop
        # the verb before a name: "配合推进县司法局" names 县司法局, no 推进县司法局, and
        # "协助做好市场监管局" the elided 市场监管局 (round 17: fixtures styles/peihe_tail.txt
        # and styles/xiezhu_verbunit.txt)
        return word_end + _phrase_verb_length(rest, gaz)
    if rest.endswith(gaz.name_endings) and not gaz.is_not_unit(rest):
        # a name right after the marker, with its prefix ("配合青山县司法局") or elided
        # ("配合市场监管局", "配合司法局": not 市局 or nothing; round 17, the same fixtures)
        return word_end
    return marker.end()


def _phrase_verb_length(phrase: str, gaz: Gazetteer) -> int:
    """The length of the support phrase verb a verb phrase opens with."""
    return max(len(v) for v in gaz.support_phrase_verbs if phrase.startswith(v))


def _support_word_length(marker: str, gaz: Gazetteer) -> int:
    """The length of the support word a support marker's text opens with."""
    return max(len(w) for w in gaz.data["phrases"]["support_markers"] if marker.startswith(w))


def _tags_a_name(folded: str, start: int, end: int) -> bool:
    """Whether a marker stands alone in brackets right after a name: "X(牵头)"."""
    return (
        start > 1
        and folded[start - 1] == "("
        and folded[end : end + 1] == ")"
        and folded[start - 2] not in PUNCTUATION
    )


def _name_start(folded: str, start: int, end: int) -> int:
    """Where the last name before ``end`` starts: after the last separator."""
    for i in range(end - 1, start - 1, -1):
        if folded[i] in "、,;:":
            return i + 1
    return start


def _fields(folded: str, gaz: Gazetteer) -> Iterator[tuple[str | None, int, int]]:
    """(label role or None, start, end) for the text governed by each label."""
    role, start = None, 0
    for label in gaz.labels.finditer(folded):
        yield role, start, label.start()
        role, start = label.lastgroup, label.end()
    yield role, start, len(folded)


def _marker_role(kind: str | None, lead_named: bool) -> str:
    """The role of the units before a marker of this kind."""
    if kind == "lead":
        return LEAD
    if kind == "support":
        return RESPONSIBLE
    # "X负责" / "X按职责分工负责": X leads, unless a lead was named already.
    return RESPONSIBLE if lead_named else LEAD
