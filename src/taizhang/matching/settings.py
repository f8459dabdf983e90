"""The matcher's global parameters: one set for every pair of plans, none for a single measure.

They were chosen on the seed alignment (benchmarks/data/seed_alignment.tsv) and checked on
held-out halves of it and on the demo county plan; docs/matching.md gives the figures.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # Character n-grams within clauses (punctuation splits clauses): bigrams and trigrams
    # carry the words of Chinese officialese (普法, 宪法, 调解, 诉源治理) without a segmenter.
    ngram_range: tuple[int, int] = (2, 3)
    # Weights of the three views of a pair, relative to the whole-text view (1.0): the two
    # measures' headings, and their best-matching pair of sentences (a measure often carries
    # out one sentence of a longer one).
    heading_weight: float = 0.3
    sentence_weight: float = 0.3
    # A candidate among the child's best `max_links` whose score reaches `threshold` is
    # proposed as a link. The score is in standard deviations (see scoring.py).
    threshold: float = 2.8
    max_links: int = 3
    # How many ranked candidates each child measure shows for the office to choose from.
    top_k: int = 5


DEFAULT = Settings()
