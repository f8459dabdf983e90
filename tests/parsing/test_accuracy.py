"""The parser against hand-made gold: both seeds and the corpus of real plans.

The figures are the scorer's own (shared/tools/score_plan.py), run as a separate program on
the JSON this parser writes, exactly as the acceptance check runs it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from taizhang.parsing import parse_path
from tests.parsing.scoring import score_plan

SEED_BAR = 0.999  # the seeds are read perfectly (the scorer prints three decimals)
CORPUS_MEAN_BAR = 0.98


def score(shared: Path, gold: Path, source: Path, tmp_path: Path) -> dict[str, float]:
    return score_plan(shared, gold, parse_path(source), tmp_path)


SEEDS = ["000_d647a90b60f1f79c", "001_2a401f32e917c985"]


@pytest.fixture(scope="module")
def seed_scores(shared_dir, tmp_path_factory) -> dict[str, dict[str, float]]:
    tmp_path = tmp_path_factory.mktemp("seeds")
    return {
        seed: score(
            shared_dir,
            shared_dir / "gold" / f"{seed}.json",
            shared_dir / "seeds" / f"{seed}.txt",
            tmp_path,
        )
        for seed in SEEDS
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_scores_at_least_the_bar(seed_scores, seed):
    assert seed_scores[seed]["overall"] >= SEED_BAR, seed_scores[seed]


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_units_score_at_least_the_bar(seed_scores, seed):
    figures = seed_scores[seed]
    assert min(figures["lead"], figures["responsible"]) >= SEED_BAR, figures


def test_corpus_mean_scores_at_least_the_bar(shared_dir, tmp_path):
    golds = sorted((shared_dir / "corpus" / "gold").glob("*.json"))
    overall = [
        score(shared_dir, gold, shared_dir / "corpus" / "raw" / f"{gold.stem}.txt", tmp_path)[
            "overall"
        ]
        for gold in golds
    ]
    assert len(overall) == 55
    assert sum(overall) / len(overall) >= CORPUS_MEAN_BAR
