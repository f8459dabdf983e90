"""Units given to a range of measures by number: "以上第1至3项由县住建局牵头，县水务局、县城管局
配合。" after a chapter's measures names the units of measures 1, 2 and 3 (round 24: tests/
parsing/documents d323, two such lines closing one chapter; fixture styles/fanwei_xiangci.txt,
"上述第…项" and 、 between the numbers).

The line stands below the last measure it covers, so that measure's reading took it as its
own attribution; here it goes to the measures it names instead. Its units are read from 由
on (the gazetteer's opener), the words before naming only the measures.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from taizhang.parsing.markers import CHINESE_DIGITS, chinese_number
from taizhang.parsing.model import Diagnostic
from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import branches, word_list

_MAX_SPAN = 60  # measures one range names at most (a hostile 第1至99999项 is no range)


@lru_cache(maxsize=1)
def _range_line() -> re.Pattern[str]:
    """(opener)第 numbers 项由 units, to the sentence's end: the numbers in group 1, the
    clause from 由 in group 2 (matched where _hits finds an opener)."""
    openers = "|".join(branches(word_list("range_attribution_openers")))
    number = rf"[\d{CHINESE_DIGITS}]{{1,3}}"
    numbers = rf"({number}(?:(?:至|到|-|、|,)第?{number}){{0,8}})"
    return re.compile(rf"(?:{openers}){numbers}项(由[^。;\n]{{2,200}})")


@lru_cache(maxsize=1)
def _next_clause() -> re.Pattern[str]:
    """A range line's next clause after its ";": "；第11项由县司法局负责" (round 39:
    tests/parsing/documents d413, fixture styles/fanwei_fenju.txt), numbers and units as
    in _range_line, the opener's 以上 said once for the line."""
    number = rf"[\d{CHINESE_DIGITS}]{{1,3}}"
    numbers = rf"({number}(?:(?:至|到|-|、|,)第?{number}){{0,8}})"
    return re.compile(rf";第{numbers}项(由[^。;\n]{{2,200}})")


# 项由 is in every range line: one search of the text (most have none) finds them all; the
# engine's literal search scans at about half the cost of ``in`` on a text that has none
_CUE = re.compile("项由")
_REACH = 64  # characters from an opener to its 项由, at most (eight numbers and their 至)


def _hits(folded: str, openers: tuple[str, ...]) -> list[re.Match[str]]:
    """The range lines of ``folded``: at each 项由, the opener nearest before it."""
    out = []
    for cue in _CUE.finditer(folded):
        at = cue.start()
        start = max(folded.rfind(opener, max(0, at - _REACH), at) for opener in openers)
        hit = _range_line().match(folded, start) if start >= 0 else None
        if hit is not None and hit.start(2) == at + 1:
            out.append(hit)
    for hit in list(out):
        while (hit := _next_clause().match(folded, hit.end())) is not None:
            out.append(hit)
    return sorted(out, key=lambda hit: hit.start())


def _numbers(spec: str) -> list[int]:
    """ "1至3" -> [1, 2, 3]; "4、5" -> [4, 5]; "一至三" -> [1, 2, 3]; [] for a bad range."""
    out: list[int] = []
    for part in re.split("[、,]", spec):
        ends = [_value(p.lstrip("第")) for p in re.split("至|到|-", part)]
        if any(e is None for e in ends) or len(ends) > 2:
            return []
        low, high = ends[0], ends[-1]
        if high < low or high - low > _MAX_SPAN:
            return []
        out += range(low, high + 1)
    return out


def _value(raw: str) -> int | None:
    return int(raw) if raw.isdecimal() else chinese_number(raw)


def range_attributions(skeleton, text: str, folded: str) -> None:
    """Give each measure named by a range line the line's units (see the module). A range
    line belongs to the last measure that starts before it: run in, it ends that measure's
    text, and a measure that took it as its own attribution loses it. A
    `chapter-attribution` diagnostic names the line, so the office checks it."""
    if not skeleton.measures or _CUE.search(folded) is None:
        return  # (most plans: one search)
    openers = word_list("range_attribution_openers")
    hits = [(hit, _numbers(hit.group(1))) for hit in _hits(folded, openers)]
    hits = [(hit, numbers) for hit, numbers in hits if numbers]
    if not hits:
        return
    measures = skeleton.measures
    starts = _starts(measures, folded)
    for measure in measures:
        _drop_range_lines(measure, openers)
    for hit, numbers in hits:
        anchor = bisect_right(starts, hit.start()) - 1
        raw = text[hit.start(2) : hit.end(2)]
        line = folded.count("\n", 0, hit.start()) + 1
        for number in numbers:
            measure = _last_numbered(measures[: anchor + 1], number)
            if measure is not None and measure.attribution_raw is None:
                _give(skeleton, measure, raw, line)


def _starts(measures, folded: str) -> list[int]:
    """Where each measure's text starts in ``folded`` (found in turn: they are in order)."""
    out, cursor = [], 0
    for measure in measures:
        at = folded.find(measure.folded[:_PROBE], cursor)
        cursor = cursor if at < 0 else at
        out.append(cursor)
    return out


_PROBE = 12  # characters of a measure's text looked for


def _drop_range_lines(measure, openers: tuple[str, ...]) -> None:
    """A range line run into a measure's text (a copy printed run-in) ends it; one read as
    its attribution is none of its own."""
    inside = _range_line().search(measure.folded)
    if inside is not None:
        measure.text = measure.text[: inside.start()].rstrip()
    if fold(measure.attribution_raw or "").lstrip().startswith(openers):
        measure.attribution_raw, measure.own_line = None, False


def _last_numbered(measures, number: int):
    """The last of ``measures`` numbered ``number``, or None."""
    return next((m for m in reversed(measures) if m.no == number), None)


def _give(skeleton, measure, raw: str, line: int) -> None:
    measure.attribution_raw, measure.shared_from = raw, line
    skeleton.diagnostics.append(
        Diagnostic(
            "chapter-attribution",
            f"Measure {measure.no} has no units of its own; it was given those a line "
            f"naming its number names, on line {line}.",
            measure.line,
            level="info",
        )
    )
