"""Three views of how alike two measures are, each a cosine of character n-gram TF-IDF.

One vectoriser is fitted on the whole texts of both plans (nothing is downloaded or
shipped), so an n-gram common to the genre (加强, 建设, 机制) weighs little and one that
names a piece of work (宪法宣誓, 法律明白人) weighs much. The views:

- ``text``: the two whole measures;
- ``heading``: their headings (title or first sentence);
- ``sentences``: sentence against sentence, standardised (see scoring.standardise) and
  then the best pair kept, because a measure often carries out one sentence of a longer
  one. Standardising first keeps a long sentence that resembles everything from winning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from taizhang.matching import text
from taizhang.matching.items import Item
from taizhang.matching.scoring import standardise
from taizhang.matching.settings import Settings


@dataclass(frozen=True)
class Views:
    """Similarity matrices, children × parents."""

    text: np.ndarray
    heading: np.ndarray
    sentences: np.ndarray


def views(children: Sequence[Item], parents: Sequence[Item], settings: Settings) -> Views:
    child_texts = [text.clean(text.body(item.text)) for item in children]
    parent_texts = [text.clean(text.body(item.text)) for item in parents]
    vectoriser = TfidfVectorizer(
        analyzer="char_wb", ngram_range=settings.ngram_range, sublinear_tf=True
    )
    texts = vectoriser.fit_transform(child_texts + parent_texts)

    def cosine(left: list[str], right: list[str]) -> np.ndarray:
        return (vectoriser.transform(left) @ vectoriser.transform(right).T).toarray()

    return Views(
        text=(texts[: len(children)] @ texts[len(children) :].T).toarray(),
        heading=cosine(
            [text.heading(item.text, item.title) for item in children],
            [text.heading(item.text, item.title) for item in parents],
        ),
        sentences=_best_sentence_pairs(children, parents, cosine),
    )


def _best_sentence_pairs(children, parents, cosine) -> np.ndarray:
    child_sentences = [text.sentences(item.text) for item in children]
    parent_sentences = [text.sentences(item.text) for item in parents]
    pairs = standardise(
        cosine(
            [s for group in child_sentences for s in group],
            [s for group in parent_sentences for s in group],
        )
    )
    # Reduce the sentence × sentence matrix to measure × measure by the maximum of each block.
    by_parent = np.maximum.reduceat(pairs, _starts(parent_sentences), axis=1)
    return np.maximum.reduceat(by_parent, _starts(child_sentences), axis=0)


def _starts(groups: list[list[str]]) -> np.ndarray:
    return np.concatenate(([0], np.cumsum([len(g) for g in groups])[:-1])).astype(int)
