"""Two plans side by side: which measures do the same work, what only one has, where the
same work has different lead units, and which targets one plan sets that the other lacks.

Works for peers (黔南 and 银川) and for a county beside its prefecture alike. A pair is
matched when either plan's measure would be proposed as a link to the other's (the
matcher's decision taken both ways), so neither plan is favoured.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from taizhang.matching.items import Item
from taizhang.matching.linking import proposed_pairs, score
from taizhang.matching.settings import DEFAULT, Settings
from taizhang.matching.targets import same_metric, same_value
from taizhang.matching.units import unit_keys
from taizhang.parsing.model import Target

LEFT, RIGHT = "left", "right"


@dataclass(frozen=True)
class Match:
    left: Hashable
    right: Hashable
    score: float
    similarity: float


@dataclass(frozen=True)
class LeadDifference:
    """A matched pair whose lead units have nothing in common (compared across levels)."""

    left: Hashable
    right: Hashable
    left_lead: tuple[str, ...]
    right_lead: tuple[str, ...]


@dataclass(frozen=True)
class TargetGap:
    """A target of one plan that the other plan does not set for the same work.

    ``other`` is the counterpart's target on the same metric when it exists with another
    value; None when the other plan has no such target. ``counterparts`` are the matched
    measures of the other plan (empty: the work itself is only in this plan)."""

    side: str  # LEFT or RIGHT: the plan that has the target
    key: Hashable
    target: Target
    counterparts: tuple[Hashable, ...]
    other: Target | None = None


@dataclass(frozen=True)
class Comparison:
    matches: tuple[Match, ...]
    only_left: tuple[Hashable, ...]
    only_right: tuple[Hashable, ...]
    lead_differences: tuple[LeadDifference, ...]
    target_gaps: tuple[TargetGap, ...]


def compare_plans(
    left: Sequence[Item], right: Sequence[Item], settings: Settings = DEFAULT
) -> Comparison:
    computed = score(left, right, settings)
    pairs = proposed_pairs(computed.score, settings) | {
        (row, column) for column, row in proposed_pairs(computed.score.T, settings)
    }
    matches = tuple(
        Match(
            left=left[row].key,
            right=right[column].key,
            score=float(computed.score[row, column]),
            similarity=float(computed.similarity[row, column]),
        )
        for row, column in sorted(pairs)
    )
    matched_left = {row for row, _ in pairs}
    matched_right = {column for _, column in pairs}
    return Comparison(
        matches=matches,
        only_left=tuple(item.key for i, item in enumerate(left) if i not in matched_left),
        only_right=tuple(item.key for i, item in enumerate(right) if i not in matched_right),
        lead_differences=tuple(_lead_differences(left, right, sorted(pairs))),
        target_gaps=tuple(_target_gaps(left, right, pairs)),
    )


def _lead_differences(left, right, pairs):
    for row, column in pairs:
        mine, theirs = left[row].lead, right[column].lead
        if mine and theirs and not unit_keys(mine) & unit_keys(theirs):
            yield LeadDifference(left[row].key, right[column].key, mine, theirs)


def _target_gaps(left, right, pairs):
    yield from _gaps(LEFT, left, right, pairs)
    yield from _gaps(RIGHT, right, left, {(column, row) for row, column in pairs})


def _gaps(side, mine: Sequence[Item], theirs: Sequence[Item], pairs):
    for row, item in enumerate(mine):
        counterparts = sorted(column for r, column in pairs if r == row)
        their_targets = [t for column in counterparts for t in theirs[column].targets]
        for target in item.targets:
            same = [t for t in their_targets if same_metric(target, t)]
            if any(same_value(target, t) for t in same):
                continue
            yield TargetGap(
                side=side,
                key=item.key,
                target=target,
                counterparts=tuple(theirs[column].key for column in counterparts),
                other=same[0] if same else None,
            )
