"""From similarities to one score per pair of measures.

A raw cosine means little on its own: a long measure full of common words resembles
everything a bit, a short precise one resembles its counterpart and nothing else. So each
similarity is standardised twice, against the child's similarities to every parent
measure (its row) and against the parent's similarities to every child measure (its
column), and the two z-scores are averaged. A pair scores high when it stands out for both
measures. This is the hubness correction of cross-lingual retrieval (CSLS) in its
simplest form.

The score of a pair is the weighted mean of the standardised views: "how many standard
deviations above what these two measures usually score".
"""

from __future__ import annotations

import numpy as np

from taizhang.matching.settings import Settings

# Fewer measures than this on one side give no population to standardise against; that
# side's z-score is left out (a county office matching a single new measure still gets
# its row standardised against the whole parent plan).
MIN_POPULATION = 5
# Below this a spread is rounding error, not variation.
_NO_SPREAD = 1e-9


def standardise(similarity: np.ndarray) -> np.ndarray:
    """Mean of the row and column z-scores of each entry (one of them if the other side is
    too small; zeros if both are)."""
    parts = [_z(similarity, axis) for axis in (1, 0) if similarity.shape[axis] >= MIN_POPULATION]
    if not parts:
        return np.zeros_like(similarity)
    return sum(parts) / len(parts)


def combine(text: np.ndarray, heading: np.ndarray, sentences: np.ndarray, settings: Settings):
    """Weighted mean of the standardised views: the score matrix, children × parents."""
    weights = (1.0, settings.heading_weight, settings.sentence_weight)
    views = (standardise(text), standardise(heading), standardise(sentences))
    return sum(w * v for w, v in zip(weights, views, strict=True)) / sum(weights)


def _z(similarity: np.ndarray, axis: int) -> np.ndarray:
    """Each entry against the entries of its row (axis=1) or column (axis=0).

    The entry itself is part of its yardstick, which bounds the z-score of n values by
    sqrt(n - 1): a pair cannot stand out of a tiny plan by much. Leaving it out was tried
    and rejected: plans with nothing in common but one pair then score in the hundreds,
    and on the seeds it did worse (docs/matching.md)."""
    mean = similarity.mean(axis=axis, keepdims=True)
    spread = similarity.std(axis=axis, keepdims=True)
    # A measure with no text has no spread: it stands out nowhere.
    return np.divide(
        similarity - mean, spread, out=np.zeros_like(similarity), where=spread > _NO_SPREAD
    )
