"""What an office should check before confirming an import, with line numbers."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right

from taizhang.parsing.model import Diagnostic, Measure, PlanDocument
from taizhang.parsing.normalize import fold
from taizhang.parsing.structure import Skeleton

_DIGIT = re.compile("[0-9\uff10-\uff19]")  # ASCII or full-width: a quantity needs one
# A percentage or a count that reads like a goal; used to spot targets we could not read.
# A quantity a target should quote ("达到90%", "不少于3个"), searched one opening word at a
# time: a pattern that opens with one literal skips through Chinese text several times
# faster than one that opens with a set of first characters. No match of one word can
# start inside another's (a quantity holds none of the words' first characters after its
# word), so the matches of the words, in order of their start, are those of the one
# pattern of all words (tests/parsing/test_passes_io.py compares them).
_QUANTITY_TAIL = r"\s*\d+(?:\.\d+)?\s*(?:%|个|人|名|家|所|项)"
_QUANTITIES = tuple(
    re.compile(word + _QUANTITY_TAIL) for word in ("达到?", "提高到", "不(?:少|低)于", "至少")
)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def check(
    plan: PlanDocument,
    skeleton: Skeleton,
    *,
    unknown_units: dict,
    unsplit: dict | None = None,
    folded: list[str] | None = None,
) -> list[Diagnostic]:
    """``folded``: the measures' texts folded, when the caller has them."""
    found = list(skeleton.diagnostics)
    if not plan.tasks:
        found.append(Diagnostic("no-measures", "No numbered measures were found.", None))
        return found
    found += check_measures(plan.tasks, folded)
    for line, names in unknown_units.items():
        found.append(
            Diagnostic(
                "unknown-unit",
                f"Unit names not in the gazetteer: {'、'.join(names)}.",
                line,
            )
        )
    for line, pieces in (unsplit or {}).items():
        found.append(
            Diagnostic(
                "attribution-unsplit",
                f"Could not split into units: {'、'.join(pieces)}; check the units.",
                line,
            )
        )
    return sorted(found, key=lambda d: (d.line or 0, d.code))


# The checks that look at the measures alone, run again after the office corrects a parse.
MEASURE_CHECKS = (
    "numbering-gap",
    "numbering-repeat",
    "no-attribution",
    "no-attributions",
    "target-unread",
)


def check_measures(measures: list[Measure], folded: list[str] | None = None) -> list[Diagnostic]:
    """The diagnostics about the measures themselves (numbering, attributions, targets;
    ``folded``: their texts folded, when the caller has them)."""
    if not measures:
        return []
    return (
        _numbering(measures) + _missing_attributions(measures) + _unread_targets(measures, folded)
    )


def _numbering(measures: list[Measure]) -> list[Diagnostic]:
    out = []
    previous = None
    for measure in measures:
        if previous is not None:
            # 1 under a new heading restarts: 1 after 1 under another (一) (fixture
            # styles/weijian_halfparen.txt, d27's ① lists), and 1 after 2 in one section when
            # the heading is a numbered item above the measures that no section records
            # (d25: (1) measures under 1. items under (一); fixture styles/xumu_threelevels.txt)
            restarted = measure.no == 1 and (
                measure.chapter != previous.chapter
                or measure.section != previous.section
                or previous.no > 1
            )
            if measure.no == previous.no and not restarted:
                out.append(
                    Diagnostic(
                        "numbering-repeat", f"Measure {measure.no} is numbered twice.", measure.line
                    )
                )
            elif measure.no != previous.no + 1 and not restarted:
                out.append(
                    Diagnostic(
                        "numbering-gap",
                        f"Measure {measure.no} follows measure {previous.no}.",
                        measure.line,
                    )
                )
        previous = measure
    return out


def _missing_attributions(measures: list[Measure]) -> list[Diagnostic]:
    # units read from elsewhere (a heading that names a unit: tests/parsing/documents d23,
    # fixture styles/fazhi_byunit.txt) are units too
    without = [
        m for m in measures if not (m.attribution_raw or m.lead or m.responsible or m.collectives)
    ]
    if len(without) == len(measures):
        return [
            Diagnostic(
                "no-attributions",
                "No measure names its lead or responsible units; assign them after import.",
                measures[0].line,
                level="info",
            )
        ]
    return [
        Diagnostic("no-attribution", f"Measure {m.no} names no lead or responsible unit.", m.line)
        for m in without
    ]


_APART = "\x00"  # between the measures' texts searched together: no quantity holds it


def _unread_targets(measures: list[Measure], folded: list[str] | None = None) -> list[Diagnostic]:
    """A quantity no target of its measure quotes. The measures' folded texts are searched
    as one (one pass in C, not three a measure), each quantity given to the measure whose
    text holds it; a measure with no digit of its own (ASCII or full-width) is passed over,
    as the quantity's \\d also reads other scripts' digits."""
    texts = folded if folded is not None else [fold(measure.text) for measure in measures]
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    out = []
    at, quotes = None, []
    joined = _APART.join(texts)
    hits = sorted((hit for pattern in _QUANTITIES for hit in pattern.finditer(joined)), key=_start)
    for hit in hits:
        index = bisect_right(starts, hit.start()) - 1
        measure = measures[index]
        if index != at:
            at = index
            quotes = [fold(t.quote) for t in measure.targets]
            has_digit = _DIGIT.search(measure.text) is not None
        if not has_digit:
            continue
        number = _NUMBER.search(hit.group()).group()
        if not any(number in quote for quote in quotes) and not _is_recurring(measure, hit):
            out.append(
                Diagnostic(
                    "target-unread",
                    f"Measure {measure.no}: could not read a target from “{hit.group()}”.",
                    measure.line,
                    level="info",
                )
            )
    return out


def _start(hit: re.Match[str]) -> int:
    return hit.start()


def _is_recurring(measure: Measure, hit: re.Match) -> bool:
    return any(hit.group() in fold(quote) for quote in measure.recurring)
