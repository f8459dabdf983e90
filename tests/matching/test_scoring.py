"""Standardising similarities: a pair scores by how much it stands out for both measures."""

import numpy as np
import pytest

from taizhang.matching.scoring import MIN_POPULATION, combine, standardise
from taizhang.matching.settings import Settings


def test_a_pair_that_stands_out_for_both_measures_beats_a_measure_like_everything():
    rng = np.random.default_rng(0)
    similarity = rng.uniform(0.0, 0.1, size=(10, 12))
    similarity[4, :] = rng.uniform(0.28, 0.34, size=12)  # resembles every parent measure
    similarity[2, 5] = 0.3  # far above what measure 2 and parent 5 usually score
    assert similarity[4].max() > similarity[2, 5]  # on raw cosine the generic measure wins
    scores = standardise(similarity)
    assert np.unravel_index(scores.argmax(), scores.shape) == (2, 5)


def test_a_side_too_small_to_standardise_against_is_left_out():
    one_child = np.array([[0.1, 0.2, 0.3, 0.4, 0.5, 0.6]])
    row = one_child[0]
    expected = (row - row.mean()) / row.std()
    assert standardise(one_child) == pytest.approx(expected[None, :])
    tiny = np.ones((MIN_POPULATION - 1, MIN_POPULATION - 1))
    assert not standardise(tiny).any()


def test_a_measure_without_text_never_stands_out():
    similarity = np.zeros((6, 6))
    similarity[1:, :] = np.arange(6) / 10
    assert (standardise(similarity)[0] <= 0).all()


def test_combine_is_the_weighted_mean_of_the_standardised_views():
    rng = np.random.default_rng(1)
    text, heading, sentences = (rng.uniform(size=(6, 7)) for _ in range(3))
    settings = Settings(heading_weight=0.5, sentence_weight=0.0)
    expected = (standardise(text) + 0.5 * standardise(heading)) / 1.5
    assert combine(text, heading, sentences, settings) == pytest.approx(expected)
