"""How well the matcher's proposed links agree with hand-checked alignments.

    .venv/bin/python benchmarks/align.py            # precision=<p> recall=<r> f1=<f>
    .venv/bin/python benchmarks/align.py --details  # also the county plan, held-out halves, time

Parses the two seeds from the repository's demo/ copies (demo/yinchuan-*.txt carries out
demo/qiannan-*.txt's work, both implementing the national 纲要), proposes links for every
银川 measure with the settings the UI uses (taizhang.matching.DEFAULT) and scores them
against benchmarks/data/seed_alignment.tsv. A link is a pair (child measure, parent
measure): precision = proposed pairs that are in the alignment / proposed pairs, recall =
alignment pairs that were proposed / alignment pairs. A child measure the alignment leaves
unlinked ("-") and the matcher leaves unlinked costs nothing; a link proposed for it is a
false positive.

--details adds: the demo county plan (demo/duyun-*.txt) against its own alignment
(demo/duyun-*.links.tsv); a held-out check in which the global parameters (threshold, links
per measure, view weights) are chosen on half the 银川 measures and scored on the other
half; and the time the matcher takes for the two seeds.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path

from taizhang.matching import DEFAULT, Settings, items_from_plan, propose_links
from taizhang.matching.linking import proposed_pairs
from taizhang.matching.scoring import combine
from taizhang.matching.similarity import views
from taizhang.parsing import parse_path

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "demo"
SEED_ALIGNMENT = REPO / "benchmarks" / "data" / "seed_alignment.tsv"

# The grid of the held-out check: every global parameter, nothing per measure.
THRESHOLDS = [round(1.5 + 0.1 * i, 1) for i in range(31)]
MAX_LINKS = (1, 2, 3)
VIEW_WEIGHTS = (0.0, 0.3, 0.6)
RANDOM_HALVES = 20
TIMING_RUNS = 5


@dataclass(frozen=True)
class Figures:
    true_positives: int
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.proposed if self.proposed else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, prefix: str = "") -> str:
        return f"{prefix}precision={self.precision:.3f} recall={self.recall:.3f} f1={self.f1:.3f}"


def read_alignment(path: Path) -> tuple[set[tuple[int, int]], list[int]]:
    """The alignment's link pairs and its child measure numbers."""
    pairs, children = set(), []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    for child, parents, *_ in rows[1:]:  # rows[0] is the column header
        children.append(int(child))
        if parents.strip() != "-":
            pairs |= {(int(child), int(parent)) for parent in parents.split(",")}
    return pairs, children


def figures(proposed: set, expected: set) -> Figures:
    return Figures(len(proposed & expected), len(proposed), len(expected))


def proposed_links(children, parents, settings: Settings = DEFAULT) -> set[tuple[int, int]]:
    return {
        (p.child, c.parent) for p in propose_links(children, parents, settings) for c in p.links
    }


def one_plan(name: str) -> Path:
    found = sorted(p for p in DEMO.glob(f"{name}-*.txt"))
    if len(found) != 1:
        raise SystemExit(f"expected one demo/{name}-*.txt, found {len(found)}")
    return found[0]


class HeldOut:
    """Choose the global parameters on some child measures, score them on the others."""

    def __init__(self, children, parents, expected):
        self.children, self.parents, self.expected = children, parents, expected
        self.seen = views(children, parents, DEFAULT)
        self.candidates = [
            replace(DEFAULT, heading_weight=h, sentence_weight=s, threshold=t, max_links=k)
            for h in VIEW_WEIGHTS
            for s in VIEW_WEIGHTS
            for k in MAX_LINKS
            for t in THRESHOLDS
        ]
        self._links = {}

    def links(self, settings: Settings) -> set[tuple[int, int]]:
        if settings not in self._links:
            scores = combine(self.seen.text, self.seen.heading, self.seen.sentences, settings)
            self._links[settings] = {
                (self.children[row].key, self.parents[column].key)
                for row, column in proposed_pairs(scores, settings)
            }
        return self._links[settings]

    def on(self, settings: Settings, keys: set[int]) -> Figures:
        proposed = {pair for pair in self.links(settings) if pair[0] in keys}
        return figures(proposed, {pair for pair in self.expected if pair[0] in keys})

    def best(self, keys: set[int]) -> Settings:
        return max(self.candidates, key=lambda s: (round(self.on(s, keys).f1, 6), s == DEFAULT))

    def split(self, train: set[int], test: set[int]) -> tuple[Settings, Figures]:
        chosen = self.best(train)
        return chosen, self.on(chosen, test)


def details(children, parents, expected) -> None:
    runs = []
    for _ in range(TIMING_RUNS):
        started = time.perf_counter()
        propose_links(children, parents)
        runs.append((time.perf_counter() - started) * 1000)
    print(
        f"seeds: {len(children)} x {len(parents)} measures matched in "
        f"{statistics.median(runs):.0f} ms (median of {TIMING_RUNS})"
    )

    county = one_plan("duyun")
    county_expected, _ = read_alignment(county.with_suffix(".links.tsv"))
    county_items = items_from_plan(parse_path(county))
    print(figures(proposed_links(county_items, parents), county_expected).line("county: "))

    held_out = HeldOut(children, parents, expected)
    keys = [item.key for item in children]
    odd, even = {k for k in keys if k % 2}, {k for k in keys if not k % 2}
    pooled = [0, 0, 0]
    for name, train, test in (("odd", odd, even), ("even", even, odd)):
        chosen, scored = held_out.split(train, test)
        pooled = [
            a + b
            for a, b in zip(
                pooled, (scored.true_positives, scored.proposed, scored.expected), strict=True
            )
        ]
        print(
            f"held-out: tuned on {name} numbers ({_settings(chosen)}) -> "
            + scored.line("other half ")
        )
    print(Figures(*pooled).line("held-out pooled: "))
    f1s = []
    rng = random.Random(13)
    for _ in range(RANDOM_HALVES):
        train = set(rng.sample(keys, len(keys) // 2))
        f1s.append(held_out.split(train, set(keys) - train)[1].f1)
    print(
        f"held-out random halves x{RANDOM_HALVES}: f1 mean={statistics.mean(f1s):.3f} "
        f"min={min(f1s):.3f} max={max(f1s):.3f}"
    )


def _settings(s: Settings) -> str:
    return (
        f"threshold={s.threshold} max_links={s.max_links} "
        f"heading={s.heading_weight} sentence={s.sentence_weight}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="county plan, held-out check, time")
    args = parser.parse_args(argv)
    parents = items_from_plan(parse_path(one_plan("qiannan")))
    children = items_from_plan(parse_path(one_plan("yinchuan")))
    expected, _ = read_alignment(SEED_ALIGNMENT)
    print(figures(proposed_links(children, parents), expected).line())
    if args.details:
        details(children, parents, expected)
    return 0


if __name__ == "__main__":
    sys.exit(main())
