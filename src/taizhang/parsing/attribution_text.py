"""Where a measure's attribution is: a bracket after the text, or label lines below it.

    …依法公正裁判。〔牵头单位：市中级法院；责任单位：各县(市)区〕
    …增长6.2%左右。\\n牵头单位:区发改局\\n\\n责任单位:立山经济开发区
    …宣传教育。(县委宣传部、县司法局按职责分工负责)

Works on folded text (see normalize.fold), so offsets are valid in the original too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import vocabulary

_PAIRS = {"[": "]", "〔": "〕", "【": "】", "(": ")", "〖": "〗"}
_MAX_ATTRIBUTION = 400  # characters: longer brackets are prose, not a list of units


@dataclass(frozen=True)
class Located:
    text_end: int  # the measure text ends here (the bracket or label line starts)
    raw_start: int  # attribution_raw = body[raw_start:raw_end]
    raw_end: int


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    labels = "|".join(map(re.escape, vocabulary()["attribution_labels"]))
    return re.compile(rf"(?:{labels})\s*:")


@lru_cache(maxsize=1)
def _verb_ending() -> re.Pattern:
    verbs = "|".join(map(re.escape, vocabulary()["responsibility_verbs"]))
    return re.compile(rf"(?:{verbs})[。.]?\s*$")


def is_attribution(content: str) -> bool:
    """Whether folded bracket content names units: a label, or "X、Y负责"."""
    if not content.strip() or len(content) > _MAX_ATTRIBUTION:
        return False
    if _label_pattern().search(content):
        return True
    # "…负责" must end the bracket and the bracket must not be a sentence
    return bool(_verb_ending().search(content)) and "。" not in content.rstrip("。. ")


def starts_with_label(folded_line: str) -> bool:
    """Whether a folded line opens with an attribution label: "责任单位:…"."""
    return _label_pattern().match(folded_line) is not None


def collective_role(raw: str, phrase: str) -> str:
    """ "lead" or "responsible": the role of the label printed before ``phrase`` in an
    attribution; an unlabelled attribution ("X负责") names lead units."""
    folded = fold(raw)
    at = folded.find(fold(phrase))
    before = folded[:at] if at >= 0 else folded
    labels = vocabulary()["attribution_labels"]
    lead_labels = set(vocabulary()["lead_labels"])
    last = max(labels, key=lambda label: before.rfind(label))
    if before.rfind(last) < 0 or last in lead_labels:
        return "lead"
    return "responsible"


def find_attribution(folded_body: str) -> Located | None:
    """The first attribution in a measure's body, bracketed or on label lines."""
    bracket = _first_bracket(folded_body)
    lines = _label_lines(folded_body)
    candidates = [c for c in (bracket, lines) if c is not None]
    return min(candidates, key=lambda c: c.text_end) if candidates else None


def _first_bracket(folded: str) -> Located | None:
    for open_at, char in enumerate(folded):
        if char not in _PAIRS:
            continue
        close_at = _matching(folded, open_at)
        if close_at is None:
            continue
        if is_attribution(folded[open_at + 1 : close_at]):
            return Located(open_at, open_at + 1, close_at)
    return None


def _matching(folded: str, open_at: int) -> int | None:
    """Index of the bracket closing the one at ``open_at`` (nesting counted)."""
    opening = folded[open_at]
    closing = _PAIRS[opening]
    depth = 0
    limit = min(len(folded), open_at + _MAX_ATTRIBUTION + 2)
    for index in range(open_at, limit):
        char = folded[index]
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index
    return None


def _label_lines(folded: str) -> Located | None:
    """Label lines under the text: "牵头单位:…" then "责任单位:…" (blank lines between)."""
    start = end = None
    offset = 0
    for line in folded.splitlines(keepends=True):
        stripped = line.strip()
        label_line = starts_with_label(stripped)
        if start is None and label_line and offset > 0:
            start = offset + (len(line) - len(line.lstrip()))
        if start is not None:
            if label_line:
                end = offset + len(line.rstrip())
            elif stripped:
                break
        offset += len(line)
    if start is None or end is None:
        return None
    return Located(start, start, end)
