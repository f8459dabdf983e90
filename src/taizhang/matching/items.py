"""What the matcher needs to know about a measure, from a parse or from the database."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from taizhang.parsing.model import PlanDocument, Target


@dataclass(frozen=True)
class Item:
    """One measure. ``key`` is whatever identifies it to the caller (number, row id)."""

    key: Hashable
    text: str
    title: str | None = None  # the heading sentence, when the plan gives one
    lead: tuple[str, ...] = ()
    responsible: tuple[str, ...] = ()
    targets: tuple[Target, ...] = ()


def items_from_plan(plan: PlanDocument) -> list[Item]:
    """The measures of a parsed plan, keyed by their numbers."""
    return [
        Item(
            key=measure.no,
            text=measure.text,
            title=measure.title,
            lead=tuple(measure.lead),
            responsible=tuple(measure.responsible),
            targets=tuple(measure.targets),
        )
        for measure in plan.tasks
    ]
