"""Matching the measures of a revised plan to the measures already in the ledger.

A measure keeps its identity (and the reports filed against it) when the revision keeps
its number and most of its text, or moves it but keeps its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from taizhang.parsing.tables import similarity

_SAME_NUMBER = 0.5  # a renumbered-in-place measure may be reworded this much
_MOVED = 0.8  # a measure found under another number must be nearly the same text


@dataclass
class MeasureDiff:
    matches: dict[int, int] = field(default_factory=dict)  # new task index -> old measure id
    added: list[int] = field(default_factory=list)  # new task indexes
    changed: list[int] = field(default_factory=list)  # new task indexes whose text or units moved
    withdrawn: list[int] = field(default_factory=list)  # old measure ids


def diff_measures(old: list[dict], new: list[dict]) -> MeasureDiff:
    """``old``: [{"id", "number", "text", "units"}]; ``new``: tasks of a Plan document."""
    diff = MeasureDiff()
    unmatched = {m["id"]: m for m in old}
    by_number = {m["number"]: m for m in old}
    for index, task in enumerate(new):
        candidate = by_number.get(task["no"])
        if (
            candidate
            and candidate["id"] in unmatched
            and (similarity(candidate["text"], task["text"]) >= _SAME_NUMBER)
        ):
            match = candidate
        else:
            match = _best_moved(task, unmatched.values())
        if match is None:
            diff.added.append(index)
            continue
        del unmatched[match["id"]]
        diff.matches[index] = match["id"]
        if match["text"] != task["text"] or set(match["units"]) != _units(task):
            diff.changed.append(index)
    diff.withdrawn = list(unmatched)
    return diff


def _best_moved(task: dict, candidates) -> dict | None:
    scored = [(similarity(c["text"], task["text"]), c) for c in candidates]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= _MOVED else None


def _units(task: dict) -> set[str]:
    return set(task.get("lead", [])) | set(task.get("responsible", []))


@dataclass
class Change:
    """One line of the revision summary the office reads before confirming."""

    kind: str  # "added" | "changed" | "withdrawn"
    number: int
    text_before: str = ""
    text_after: str = ""
    units_before: list[str] = field(default_factory=list)
    units_after: list[str] = field(default_factory=list)

    @property
    def text_changed(self) -> bool:
        return self.text_before != self.text_after

    @property
    def units_removed(self) -> list[str]:
        return [u for u in self.units_before if u not in self.units_after]

    @property
    def units_added(self) -> list[str]:
        return [u for u in self.units_after if u not in self.units_before]


def describe(diff: MeasureDiff, old: dict[int, dict], new: list[dict]) -> list[Change]:
    """The diff as before/after lines: added and changed in the new order, then the
    withdrawn ones in their old order. ``old``: id -> measure as given to diff_measures."""
    changes = []
    for index, task in enumerate(new):
        after = [*task.get("lead", []), *task.get("responsible", [])]
        if index in diff.added:
            changes.append(Change("added", task["no"], "", task["text"], [], after))
        elif index in diff.changed:
            before = old[diff.matches[index]]
            changes.append(
                Change(
                    "changed",
                    task["no"],
                    before["text"],
                    task["text"],
                    list(before["units"]),
                    after,
                )
            )
    withdrawn = sorted((old[i] for i in diff.withdrawn), key=lambda m: m["number"])
    changes += [
        Change("withdrawn", m["number"], m["text"], "", list(m["units"]), []) for m in withdrawn
    ]
    return changes
