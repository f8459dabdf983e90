"""Propose, for each measure of a child plan, the parent measures it carries out."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np

from taizhang.matching import scoring, similarity
from taizhang.matching.items import Item
from taizhang.matching.settings import DEFAULT, Settings
from taizhang.matching.units import unit_keys


@dataclass(frozen=True)
class Candidate:
    parent: Hashable
    score: float  # standard deviations above usual (scoring.py); proposed from the threshold up
    similarity: float  # plain cosine of the two texts, 0-1, for display beside the score
    shared_units: tuple[str, ...]  # unit keys both measures name: a hint for the reviewer
    proposed: bool


@dataclass(frozen=True)
class Proposal:
    child: Hashable
    candidates: tuple[Candidate, ...]  # best first, at most settings.top_k

    @property
    def links(self) -> tuple[Candidate, ...]:
        """The candidates proposed as links (possibly none: the measure answers to nothing)."""
        return tuple(c for c in self.candidates if c.proposed)


@dataclass(frozen=True)
class Scores:
    """Everything the matcher computed for two plans, children × parents."""

    score: np.ndarray
    similarity: np.ndarray


def score(children: Sequence[Item], parents: Sequence[Item], settings: Settings) -> Scores:
    if not children or not parents:
        empty = np.zeros((len(children), len(parents)))
        return Scores(empty, empty)
    seen = similarity.views(children, parents, settings)
    return Scores(
        score=scoring.combine(seen.text, seen.heading, seen.sentences, settings),
        similarity=seen.text,
    )


def proposed_pairs(scores: np.ndarray, settings: Settings) -> set[tuple[int, int]]:
    """(child index, parent index) of every proposed link: among each child's best
    ``max_links`` parents, those scoring at least the threshold."""
    pairs = set()
    for row, parent_scores in enumerate(scores):
        for column in _ranked(parent_scores)[: settings.max_links]:
            if parent_scores[column] >= settings.threshold:
                pairs.add((row, int(column)))
    return pairs


def propose_links(
    children: Sequence[Item], parents: Sequence[Item], settings: Settings = DEFAULT
) -> list[Proposal]:
    """One proposal per child measure, in the children's order."""
    computed = score(children, parents, settings)
    proposed = proposed_pairs(computed.score, settings)
    proposals = []
    for row, child in enumerate(children):
        child_units = unit_keys(child.lead + child.responsible)
        candidates = []
        for column in _ranked(computed.score[row])[: settings.top_k]:
            parent = parents[column]
            shared = child_units & unit_keys(parent.lead + parent.responsible)
            candidates.append(
                Candidate(
                    parent=parent.key,
                    score=float(computed.score[row, column]),
                    similarity=float(computed.similarity[row, column]),
                    shared_units=tuple(sorted(shared)),
                    proposed=(row, int(column)) in proposed,
                )
            )
        proposals.append(Proposal(child=child.key, candidates=tuple(candidates)))
    return proposals


def _ranked(values: np.ndarray) -> np.ndarray:
    # A stable sort keeps plan order among equal scores, so results never depend on chance.
    return np.argsort(-values, kind="stable")
