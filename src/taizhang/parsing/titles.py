"""Measure titles: "1.突出“关键少数”宪法教育。抓住…" has the title 突出“关键少数”宪法教育.

Whether measures carry titles is a property of the document: when nearly every measure
opens with a short heading sentence followed by more text, the document is titled;
otherwise a short first sentence is just a short first sentence.
"""

from __future__ import annotations

from taizhang.parsing.normalize import fold

_MAX_TITLE = 30  # characters; headings of the genre are short
_TITLED_SHARE = 0.8


def heading(text: str) -> str | None:
    """The heading sentence a measure opens with, without its 。, or None."""
    folded = fold(text)
    first_line, newline, _ = folded.partition("\n")
    stop = first_line.find("。")
    if stop < 0 and newline and 0 < len(first_line.strip()) <= _MAX_TITLE:
        end = len(first_line)  # a heading on a line of its own, the paragraph below
    elif stop > 0:
        end = stop
    else:
        return None
    candidate = folded[:end].strip()
    rest = folded[end + 1 :].strip()
    if not rest or not candidate or len(candidate) > _MAX_TITLE:
        return None
    if sum(candidate.count(c) for c in ",;:") > 1:
        return None
    return text[:end].strip()


def document_is_titled(texts: list[str]) -> bool:
    if not texts:
        return False
    with_heading = sum(heading(t) is not None for t in texts)
    return with_heading >= _TITLED_SHARE * len(texts)
