"""The views equal plain TfidfVectorizer cosines: reading each sentence once and hashing
the n-grams change the speed, not the numbers."""

import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from taizhang.matching import DEFAULT, text
from taizhang.matching.similarity import views
from tests.matching.plans import COUNTY, qiannan


@pytest.fixture(scope="module")
def parents():
    return qiannan()[:20]


def test_the_text_and_heading_views_are_tf_idf_cosines_fitted_on_both_plans(parents):
    items = [*COUNTY, *parents]
    reference = TfidfVectorizer(
        analyzer="char_wb", ngram_range=DEFAULT.ngram_range, sublinear_tf=True
    ).fit([text.clean(text.body(item.text)) for item in items])

    def cosine(strings):
        vectors = reference.transform(strings)
        return (vectors[: len(COUNTY)] @ vectors[len(COUNTY) :].T).toarray()

    seen = views(COUNTY, parents, DEFAULT)
    assert seen.text == pytest.approx(cosine([text.clean(text.body(i.text)) for i in items]))
    assert seen.heading == pytest.approx(cosine([text.heading(i.text, i.title) for i in items]))


def test_the_sentence_view_keeps_the_best_pair_of_sentences(parents):
    seen = views(COUNTY, parents, DEFAULT)
    assert seen.sentences.shape == (len(COUNTY), len(parents))
    # County 1 (宪法学习, 宪法宣誓) finds its best sentence pair in 黔南 4, which does both.
    assert parents[seen.sentences[0].argmax()].key == 4
