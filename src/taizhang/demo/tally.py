"""What the loader did, counted as it does it (a report filed, accepted, returned …), so
that load_demo can state it and a test can hold the database to it (tests/browser/
test_demo_counts.py): counted from the story's own decisions, not from the rows written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_counts: ContextVar[Counter | None] = ContextVar("demo_tally", default=None)

# What each count means, in the order load_demo states them.
LABELS = {
    "filed": "进展报告（份）",
    "accepted": "审核通过（次）",
    "returned": "退回（次）",
    "refiled": "退回后重新报送（次）",
    "fulfilments": "常态化任务履职记录（条）",
}


@contextmanager
def counting(counts: Counter) -> Iterator[Counter]:
    """Count into ``counts`` what the loader does inside."""
    token = _counts.set(counts)
    try:
        yield counts
    finally:
        _counts.reset(token)


def add(what: str, n: int = 1) -> None:
    counts = _counts.get()
    if counts is not None:
        counts[what] += n


def statement(counts: Counter) -> list[str]:
    return [f"{LABELS.get(what, what)}：{counts[what]}" for what in LABELS if what in counts]
