"""The skeleton of a plan: chapters, sections and measures with their attribution text.

The genre numbers its levels 一、 / (一) / 1. / (1) / 第一条, but which level holds the
measures differs between documents, so we first find every marker, drop the ones that
are not real structure (page-chunk markers, numbers out of sequence), and then decide per
document which kind of marker starts a measure.

All matching happens on ``fold(text)``; all output is sliced from the original ``text``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from taizhang.parsing import markers as mk
from taizhang.parsing.attribution_text import find_attribution, starts_with_label
from taizhang.parsing.model import Chapter, Diagnostic, Section
from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import vocabulary

_TERMINAL = "。;!?:]〕】)”\"'"
_MAX_HEADING = 60
_LINE_INDENT = " \t\u2002\u2003\u3000\ufeff"


@dataclass
class Found:
    """A marker accepted as structure, with the span of text it governs."""

    marker: mk.Marker
    start: int  # offset of the marker in the text
    line: int  # 1-based line number
    run_in: bool = False
    end: int = 0  # offset where the next structural marker starts


@dataclass
class RawMeasure:
    no: int
    chapter: str | None
    section: str | None
    text: str
    attribution_raw: str | None
    line: int
    unnumbered: bool = False  # its number was inferred
    deadline: str | None = None  # from a table's 完成时限 column


@dataclass
class Skeleton:
    chapters: list[Chapter] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    measures: list[RawMeasure] = field(default_factory=list)
    goal_texts: list[str] = field(default_factory=list)  # 总体目标 paragraphs
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parse_skeleton(text: str) -> Skeleton:
    folded = fold(text)
    line_starts = _line_starts(text)
    found = _candidates(folded, line_starts)
    found = _drop_chunk_markers(found, folded)
    found = _keep_in_sequence(found)
    found = _skip_table_of_contents(found, folded)
    found = _skip_notice_items(found)
    _set_ends(found, len(text))
    measure_kind, heading_kinds = _measure_level(found, text, folded)
    # markers below the measure level are sub-points inside a measure's text
    found = [f for f in found if f.marker.kind in heading_kinds | {measure_kind}]
    _set_ends(found, len(text))
    return _assemble(found, measure_kind, heading_kinds, text, folded)


# -- finding markers ------------------------------------------------------------------


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def _line_number(line_starts: list[int], offset: int) -> int:
    low, high = 0, len(line_starts) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_starts[middle] <= offset:
            low = middle
        else:
            high = middle - 1
    return low + 1


def _candidates(folded: str, line_starts: list[int]) -> list[Found]:
    found: list[Found] = []
    for number, start in enumerate(line_starts, 1):
        end = folded.find("\n", start)
        end = len(folded) if end < 0 else end
        pos = start
        while pos < end and folded[pos] in _LINE_INDENT:
            pos += 1
        marker = mk.match_marker(folded, pos)
        if marker:
            found.append(Found(marker, pos, number))
        for inner in mk.run_in_positions(folded[start:end]):
            marker = mk.match_marker(folded, start + inner)
            if marker and start + inner > pos:
                found.append(Found(marker, start + inner, number, run_in=True))
        found.extend(_heading_children(folded, pos, end, number, marker))
    return found


def _heading_children(folded, pos, end, line, marker) -> list[Found]:
    """A chapter heading run into its first child: 一、推动…观念(一)把学习…"""
    if not marker or marker.kind != mk.CHAPTER:
        return []
    window = folded[marker.end : min(end, marker.end + 40)]
    stop = window.find("。")
    window = window if stop < 0 else window[:stop]
    for child in (r"\(\s*一\s*\)", r"1[.、](?!\d)"):
        hit = re.search(child, window)
        if hit and hit.start() > 1:
            child_marker = mk.match_marker(folded, marker.end + hit.start())
            if child_marker:
                return [Found(child_marker, marker.end + hit.start(), line, run_in=True)]
    return []


def _ends_sentence(folded: str, before: int) -> bool:
    """Whether the text before ``before`` ends a sentence or a paragraph."""
    pos = before - 1
    newlines = 0
    while pos >= 0 and folded[pos] in _LINE_INDENT + "\n\r":
        newlines += folded[pos] == "\n"
        pos -= 1
    if pos < 0 or newlines > 1 or folded[pos] in _TERMINAL:
        return True
    line_start = folded.rfind("\n", 0, pos) + 1
    return starts_with_label(folded[line_start:pos].strip())


def _drop_chunk_markers(found: list[Found], folded: str) -> list[Found]:
    """Document-sharing sites number their page chunks "1、 2、 3、" mid-sentence.

    A family of arabic markers (same separator) most of which interrupt a sentence is
    such a chunk numbering, not structure.
    """
    interrupted: Counter = Counter()
    total: Counter = Counter()
    for item in found:
        if item.marker.kind != mk.ARABIC or item.run_in:
            continue
        total[item.marker.style] += 1
        if not _ends_sentence(folded, item.start) and not _after_heading(found, item, folded):
            interrupted[item.marker.style] += 1
    chunk_styles = {style for style, n in interrupted.items() if n >= 2 and n * 2 >= total[style]}
    return [f for f in found if not (f.marker.kind == mk.ARABIC and f.marker.style in chunk_styles)]


def _after_heading(found: list[Found], item: Found, folded: str) -> bool:
    """Whether the previous line is a numbered heading: short, no 。."""
    for other in found:
        if other.line == item.line - 1 and not other.run_in:
            line = folded[other.start : folded.find("\n", other.start)]
            return "。" not in line and len(line) <= _MAX_HEADING
    return False


_ORDER = [mk.CHAPTER, mk.SECTION, mk.ARABIC, mk.PAREN_ARABIC, mk.ARTICLE]


def _keep_in_sequence(found: list[Found]) -> list[Found]:
    """Drop run-in markers that are not the next number of their kind.

    A marker at the start of a line is trusted (a gap becomes a diagnostic later); one in
    the middle of a line only when it continues the numbering, so "。2、" inside a
    sentence about two things does not start a measure.
    """
    last: dict[str, int] = {}
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: f.start):
        kind, number = item.marker.kind, item.marker.number
        if kept and kept[-1].start == item.start:
            continue
        if item.run_in and number != last.get(kind, 0) + 1:
            continue
        kept.append(item)
        last[kind] = number
        if kind in _ORDER:
            for lower in _ORDER[_ORDER.index(kind) + 1 :]:
                if lower != mk.ARTICLE:
                    last.pop(lower, None)
    return kept


def _skip_table_of_contents(found: list[Found], folded: str) -> list[Found]:
    """A table of contents lists the chapters once before the body lists them again.

    When chapter 一 comes back and nothing between the two carried a sentence, the first
    run was the table of contents."""
    first_chapters = [
        i for i, f in enumerate(found) if f.marker.kind == mk.CHAPTER and f.marker.number == 1
    ]
    if len(first_chapters) < 2:
        return found
    restart = first_chapters[1]
    contents = folded[found[first_chapters[0]].start : found[restart].start]
    return found[restart:] if "。" not in contents else found


def _skip_notice_items(found: list[Found]) -> list[Found]:
    """Numbered items before the first chapter belong to the covering notice (请于…报送),
    not to the plan, when the plan itself is organised in chapters."""
    chapters = [i for i, f in enumerate(found) if f.marker.kind == mk.CHAPTER]
    if not chapters:
        return found
    return found[chapters[0] :]


def _set_ends(found: list[Found], length: int) -> None:
    for item, following in itertools.pairwise(found):
        item.end = following.start
    if found:
        found[-1].end = length


# -- deciding which level holds the measures -----------------------------------------


def _measure_level(found: list[Found], text: str, folded: str) -> tuple[str | None, set[str]]:
    """Which marker kind starts a measure, and which kinds are headings above it."""
    kinds = Counter(f.marker.kind for f in found)
    if kinds[mk.ARTICLE] >= 2:
        return mk.ARTICLE, {mk.CHAPTER, mk.SECTION}
    arabic = [f for f in found if f.marker.kind == mk.ARABIC]
    paren = [f for f in found if f.marker.kind == mk.PAREN_ARABIC]
    if paren and _mostly_content(paren, folded) and not _mostly_content(arabic, folded):
        return mk.PAREN_ARABIC, {mk.CHAPTER, mk.SECTION, mk.ARABIC}
    if arabic:
        return mk.ARABIC, {mk.CHAPTER, mk.SECTION}
    working = [
        f for f in _sections_in_working_chapters(found, folded) if _is_section_task(f, folded)
    ]
    if working:
        return mk.SECTION, {mk.CHAPTER}
    return None, {mk.CHAPTER, mk.SECTION}


def _mostly_content(items: list[Found], folded: str) -> bool:
    if not items:
        return False
    return sum(_is_content(f, folded) for f in items) * 2 > len(items)


def _is_content(item: Found, folded: str) -> bool:
    """A numbered item that carries work: a sentence or an attribution, not a bare heading
    (headings over tables, or over sub-items cut off by the end of the copy)."""
    body = folded[item.marker.end : item.end]
    return "。" in body or find_attribution(body) is not None


def _is_section_task(item: Found, folded: str) -> bool:
    """A (一) item that is a measure: a heading followed by more text, or an attribution."""
    body = folded[item.marker.end : item.end].strip()
    if find_attribution(body) is not None:
        return True
    first_line, _, rest = body.partition("\n")
    _heading_sentence, _stop, after = first_line.partition("。")
    return bool(after.strip() or (rest.strip() and "。" in rest))


def _is_measure(item: Found, folded: str) -> bool:
    if item.marker.kind == mk.SECTION:
        return _is_section_task(item, folded)
    return _is_content(item, folded)


def _sections_in_working_chapters(found: list[Found], folded: str) -> list[Found]:
    front = vocabulary()["front_matter_headings"]
    chapter_title = ""
    out = []
    for item in found:
        if item.marker.kind == mk.CHAPTER:
            chapter_title = _heading(folded, item)
        elif (
            item.marker.kind == mk.SECTION
            and not _is_front_matter(chapter_title, front)
            and not _is_front_matter(_heading(folded, item), front)
        ):
            out.append(item)
    return out


def _is_front_matter(title: str, words: list[str]) -> bool:
    return any(word in title for word in words)


def _heading(text: str, item: Found) -> str:
    """The heading of a numbered line: its text up to the first 。 or the end of line."""
    start = item.marker.end
    line_end = text.find("\n", start)
    line_end = min(len(text) if line_end < 0 else line_end, item.end or len(text))
    stop = fold(text[start:line_end]).find("。")
    end = line_end if stop < 0 else start + stop
    return text[start:end].strip()


# -- assembling the skeleton ---------------------------------------------------------


def _assemble(found, measure_kind, heading_kinds, text, folded) -> Skeleton:
    skeleton = Skeleton()
    goal_words = vocabulary()["goal_headings"]
    front = vocabulary()["front_matter_headings"]
    chapter = section = None
    in_front_matter = True
    lists = _list_families(found, folded, front)
    for item in found:
        kind = item.marker.kind
        if kind == mk.CHAPTER and kind != measure_kind:
            chapter, section = _number_label(item), None
            title = _heading(text, item)
            in_front_matter = _is_front_matter(title, front)
            skeleton.chapters.append(Chapter(chapter, title, item.line))
            _collect_goal(skeleton, item, text, goal_words)
        elif kind == mk.SECTION and kind != measure_kind and mk.SECTION in heading_kinds:
            if id(item) in lists:
                continue
            section = _number_label(item)
            title = _section_title(_heading(text, item), front)
            skeleton.sections.append(Section(section, chapter, title, item.line))
            _collect_goal(skeleton, item, text, goal_words)
        elif kind == measure_kind and _is_measure(item, folded):
            skeleton.measures.append(_measure(item, chapter, section, text))
            continue
        if not in_front_matter:
            skeleton.measures += _unnumbered_measures(item, chapter, section, text, skeleton)
    return skeleton


def _unnumbered_measures(item: Found, chapter, section, text: str, skeleton) -> list[RawMeasure]:
    """Paragraphs under a heading that end with an attribution are measures even when
    their number was lost (a copy that starts mid-way, a damaged marker)."""
    out = []
    body_start = text.find("\n", item.marker.end)
    if body_start < 0 or body_start >= item.end:
        return out
    offset = body_start + 1
    for paragraph in text[body_start + 1 : item.end].split("\n"):
        folded = fold(paragraph).rstrip()
        located = find_attribution(folded)
        if located and located.raw_end >= len(folded) - 2 and located.text_end > 0:
            previous = (skeleton.measures or out or [None])[-1]
            number = previous.no + 1 if previous else 1
            line = text.count("\n", 0, offset) + 1
            out.append(
                RawMeasure(
                    no=number,
                    chapter=chapter,
                    section=section,
                    text=paragraph[: located.text_end].strip(_LINE_INDENT),
                    attribution_raw=paragraph[located.raw_start : located.raw_end],
                    line=line,
                    unnumbered=True,
                )
            )
        offset += len(paragraph) + 1
    return out


def _list_families(found: list[Found], folded: str, front: list[str]) -> set[int]:
    """(一) items of a principle or duty list are clauses, not section headings.

    Decided per chapter: when most of its (一) items read like clauses, all of them are.
    Returns the ids of the Found items to leave out.
    """
    families: list[list[Found]] = [[]]
    for item in found:
        if item.marker.kind == mk.CHAPTER:
            families.append([])
        elif item.marker.kind == mk.SECTION:
            families[-1].append(item)
    out: set[int] = set()
    for family in families:
        clauses = sum(_reads_like_clause(item, folded, front) for item in family)
        if family and clauses * 2 > len(family):
            out.update(id(item) for item in family)
    return out


def _reads_like_clause(item: Found, folded: str, front: list[str]) -> bool:
    line_end = folded.find("\n", item.marker.end)
    line = folded[item.marker.end : line_end if 0 <= line_end < item.end else item.end].strip()
    if any(line.startswith(word) for word in front):
        return False
    return line.endswith((";", ",", "、")) or (len(line) > 40 and "。" not in line[:40])


def _section_title(heading: str, front_matter_words: list[str]) -> str:
    """ "指导思想高举…旗帜" (heading run into its paragraph) -> "指导思想"."""
    if len(heading) > 30:
        for word in front_matter_words:
            if fold(heading).startswith(word):
                return heading[: len(word)]
    return heading


def _collect_goal(skeleton: Skeleton, item: Found, text: str, goal_words: list[str]) -> None:
    if _is_front_matter(_heading(text, item), goal_words):
        skeleton.goal_texts.append(text[item.marker.end : item.end])


def _number_label(item: Found) -> str:
    return item.marker.label


def _measure(item: Found, chapter, section, text: str) -> RawMeasure:
    body = text[item.marker.end : item.end]
    located = find_attribution(fold(body))
    if located is None:
        measure_text, raw = body, None
    else:
        measure_text = body[: located.text_end]
        raw = body[located.raw_start : located.raw_end]
    return RawMeasure(
        no=item.marker.number,
        chapter=chapter,
        section=section,
        text=measure_text.strip(_LINE_INDENT + "\n\r"),
        attribution_raw=raw,
        line=item.line,
    )
