"""The text as the metadata rules see it, and the way back to the printed characters.

Rules match on a *view*: the folded text (``normalize.fold``: full-width forms, dashes,
traditional characters) with pinyin inserts such as ``設(shè)`` taken out, so that
``建設(shè)`` matches ``建设``. The view keeps, for each of its characters, where it sits in
the source, so every string the rules return is cut from the source as printed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from taizhang.parsing.normalize import fold

# A reading in brackets with at least one tone mark, as some sites print after each word.
_PINYIN_INSERT = re.compile(r"\([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6}\)")

# Indentation, bullets and dashes in front of a line's content.
_LINE_LEAD = " \t\u3000\u2002\u2003•·●▪◆■□-"
# Trailing blanks, and the cell separators of a page table flattened into text.
_LINE_TAIL = " \t\u3000|"

# The body's first chapter or section heading, "一、" or "(一)": the front matter ends there.
CHAPTER_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\(\s*[一二三四五六七八九十]{1,3}\s*\))"
)
# Sentence punctuation and page separators: a line holding one is prose or a page caption,
# not a heading.
PROSE_MARK = re.compile(r"[,。;!?|>»]")
# A document title in book-title marks, its content in group 1.
BOOK_TITLE = re.compile(r"《([^《》\n]{2,120})》")

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class View:
    """Folded text without pinyin inserts, and where each of its characters sits in the source."""

    text: str
    source: str
    folded: str  # fold(source), inserts still in
    positions: tuple[int, ...]  # text[k] is folded[positions[k]]

    @classmethod
    def of(cls, source: str) -> View:
        folded = fold(source)
        pieces: list[str] = []
        positions: list[int] = []
        kept_from = 0
        for insert in _PINYIN_INSERT.finditer(folded):
            pieces.append(folded[kept_from : insert.start()])
            positions.extend(range(kept_from, insert.start()))
            kept_from = insert.end()
        pieces.append(folded[kept_from:])
        positions.extend(range(kept_from, len(folded)))
        return cls("".join(pieces), source, folded, tuple(positions))

    def at_source(self, source_offset: int) -> int:
        """The view offset of a source offset (of the first character kept at or after it)."""
        return bisect_left(self.positions, source_offset)

    def original(self, start: int, end: int) -> str:
        """The source characters behind view[start:end], inserts included."""
        if end <= start:
            return ""
        stop = self.positions[end - 1] + 1
        # The last character's reading belongs to it, so it is printed too.
        insert = _PINYIN_INSERT.match(self.folded, stop)
        return self.source[self.positions[start] : insert.end() if insert else stop]


@dataclass(frozen=True)
class Line:
    """A line's content without its indentation, bullets and trailing blanks."""

    start: int  # view offsets of the content
    end: int
    text: str


def split_lines(view: View) -> list[Line]:
    lines = []
    offset = 0
    for raw in view.text.split("\n"):
        lead = len(raw) - len(raw.lstrip(_LINE_LEAD))
        content = raw[lead:].rstrip(_LINE_TAIL)
        lines.append(Line(offset + lead, offset + lead + len(content), content))
        offset += len(raw) + 1
    return lines


def front_lines(lines: list[Line]) -> list[Line]:
    """Lines before the body's first chapter heading: where titles, notices and signatures sit."""
    for i, line in enumerate(lines):
        if CHAPTER_HEADING.match(line.text):
            return lines[:i]
    return lines


def compact(text: str) -> str:
    """``text`` without whitespace: PDF and page copies break and space titles at random."""
    return _WHITESPACE.sub("", text)
