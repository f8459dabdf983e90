"""A measure's text as the matcher compares it.

Folded (full-width, traditional and dash variants to one form), without its attribution
bracket, its number, figures and punctuation: what is left is the work itself. Punctuation
becomes a space so that the n-grams of ``char_wb`` stay inside a clause.
"""

from __future__ import annotations

import re

from taizhang.parsing.attribution_text import find_attribution
from taizhang.parsing.normalize import fold

# A measure number printed before the text: "3." "3、" "(3)" "三、" "(三)".
_NUMBERING = re.compile(
    r"^\s*(?:[0-9]+\s*[.、]|\(\s*[0-9]+\s*\)|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))"
)
# Years, quantities and percentages: 2025年 and 95% say when and how much, not what.
_FIGURES = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_PUNCTUATION = re.compile(r"[^\w]+|_")
_SENTENCE_ENDS = re.compile(r"[。;!?\n]")
# A sentence shorter than this (after cleaning) is a fragment, not a task.
_MIN_SENTENCE = 4


def body(text: str) -> str:
    """The folded text without a trailing attribution and a leading number."""
    folded = fold(text)
    located = find_attribution(folded)
    if located is not None:
        folded = folded[: located.text_end]
    return _NUMBERING.sub("", folded, count=1)


def clean(text: str) -> str:
    """Folded text reduced to its words, clauses separated by single spaces."""
    return " ".join(_PUNCTUATION.sub(" ", _FIGURES.sub(" ", text)).split())


def heading(text: str, title: str | None = None) -> str:
    """The title when the plan gives one, else the first sentence: what the measure is about."""
    if title:
        return clean(fold(title))
    first = _SENTENCE_ENDS.split(body(text), maxsplit=1)[0]
    return clean(first)


def pieces(text: str) -> list[str]:
    """The measure's sentences, each cleaned, empty ones left out. Their words together are
    exactly the words of ``clean(body(text))``: sentence ends are punctuation."""
    return [piece for piece in map(clean, _SENTENCE_ENDS.split(body(text))) if piece]


def is_sentence(piece: str) -> bool:
    """Whether a cleaned piece is long enough to be a task rather than a fragment."""
    return len(piece.replace(" ", "")) >= _MIN_SENTENCE
