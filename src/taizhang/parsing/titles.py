"""Measure titles: "1.突出“关键少数”宪法教育。抓住…" has the title 突出“关键少数”宪法教育.

A heading is one phrase that introduces the measure's body: a first sentence, or a first
line standing above its paragraph, with at most one clause break, that fits on one printed
line (GB/T 9704 sets 28 characters a line) and is no longer than the sentence after it (seed
001's 87 measures, corpus 003, 019, 037 and 046; a heading line over its paragraph in
corpus 009; one as long as the sentence after it: 推进城镇污水处理提质增效。新建改造污水管网
30公里。 in tests/parsing/documents d40, 推进工业炉窑深度治理。完成工业炉窑治理8家。 in fixture
styles/huanbao_markdown.txt).

Whether measures carry titles is a property of the document (shared/gold/README.md): it is
titled when more of its measures open with a heading than without one. Only measures that
could show either count: a measure of one sentence has nothing to introduce, and a
purpose clause ("第一条 为规范…，制定本办法。") is the preamble of a set of articles, so
neither votes (seed 000 votes no with 82 measures, seed 001 yes with 87; the articles of
fixture styles/xiangcun_articles.txt open with a purpose clause).
"""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.normalize import fold
from taizhang.parsing.vocabulary import vocabulary

_CLAUSE_BREAKS = ",;:"
_PRINTED_LINE = 28  # characters on a line of an official document (GB/T 9704)
# An ASCII period ends a sentence too, but not inside a number (1.5万): a copy in ASCII
# punctuation (tests/parsing/documents d20; fixture styles/yanglao_subpoints.txt).
# (Each branch opens with its literal, the lookbehind after the period: the engine skips to
# those characters at once instead of trying every place.)
_SENTENCE_END = re.compile(r"。|!|\?|\.(?<!\d\.)(?!\d)")
# A purpose or basis clause opens with one of these and is followed by its main clause:
# "为规范…，制定本办法" (第一条 of fixture styles/xiangcun_articles.txt and of
# tests/parsing/documents d02). Without a break there is no main clause, so it is no purpose
# clause: "为推动…提供法治保障" is a heading (corpus 021).
_PURPOSE = ("为", "根据", "按照", "依据", "依照")
_BLANKS = " \t\u3000\u2002\u2003"
_EDGES = _BLANKS + "\n"  # what a vote strips off a text's ends


def heading(text: str, folded: str | None = None) -> str | None:
    """The heading a measure opens with, as printed and without its 。, or None."""
    end = _heading_end(fold(text) if folded is None else folded)
    return text[:end].strip(_BLANKS) if end else None


def _heading_end(folded: str) -> int | None:
    # The first line is searched in place (no copy of it), and the sentence after the
    # heading only as far as the heading's length: a heading longer than that sentence is
    # none, whatever follows (tests/parsing/test_passes.py compares the plain reading).
    newline = folded.find("\n")
    line_end = len(folded) if newline < 0 else newline
    closing = _bracketed_heading_end(folded[:line_end]) if folded.startswith("【") else None
    # (the label is looked for within its reach of the line's start: _labelled_body; its
    # colon asked here, as most first lines hold none, with no call: speed27)
    reach = folded[: min(line_end, _LABEL_REACH)]
    labelled = None if closing is not None or ":" not in reach else _labelled_body(reach)
    if closing is not None:
        end, rest = closing, closing + 1
    elif labelled is not None:
        end, rest = labelled.start(), labelled.end()
    elif stop := _SENTENCE_END.search(folded, 0, line_end):
        end, rest = stop.start(), stop.end()
    elif newline >= 0:
        end, rest = line_end, line_end + 1  # a heading line
    else:
        return None
    candidate = folded[:end].strip(_BLANKS)
    length = len(candidate)
    if not candidate or length > _PRINTED_LINE:
        return None
    # (_clause_breaks written out, no call: asked of most measures' openings)
    if candidate.count(",") + candidate.count(";") + candidate.count(":") > 1:
        return None
    if ":" in candidate and candidate.startswith(_field_openings()):
        return None  # "问题：…" states a field, no heading
    body = folded[rest:].strip()
    if len(body) < length:  # the next sentence is shorter than the heading
        return None
    # (up to one character past the heading's length, which "." looks at for a digit)
    following = _SENTENCE_END.search(body, 0, length + 1)
    return None if following is not None and following.start() < length else end


def _bracketed_heading_end(first_line: str) -> int | None:
    """Where a heading printed in 【】 before the text ends: 1.【推进化肥减量增效】推广…
    (tests/parsing/documents d43, fixture styles/xumu_bracketheads.txt); the title is the
    words inside. A label in 【】 (【牵头单位】) is an attribution, not a heading."""
    if not first_line.startswith("【"):
        return None
    closing = first_line.find("】", 1, _PRINTED_LINE + 2)
    if closing < 0 or first_line[1:closing].endswith(("单位", "部门", "时限", "领导")):
        return None
    return closing


_LABEL_REACH = _PRINTED_LINE + 8  # a heading's length and a content label's


def _labelled_body(first_line: str) -> re.Match[str] | None:
    """The content label after a heading run into it, in a copy printed run-in: 加强水资源
    保护具体措施：严格… (tests/parsing/documents d48 printed run-in, fixture
    styles/renwu_blocks.txt run in; printed, the heading stands on a line of its own)."""
    if ":" not in first_line[:_LABEL_REACH]:
        return None
    found = _content_label().search(first_line, 1, _LABEL_REACH)
    return found if found and not _SENTENCE_END.search(first_line, 0, found.start()) else None


@lru_cache(maxsize=1)
def _content_label() -> re.Pattern[str]:
    """A content label of four characters or more and its colon (structure.toml
    content_labels: 具体措施, 任务内容 …; not 任务, which prose holds), or an activity's
    first field (activity_fields: 活动时间 …)."""
    words = [w for w in vocabulary()["content_labels"] if len(w) >= 4]
    words += vocabulary()["activity_fields"]
    return re.compile(rf"(?:{'|'.join(map(re.escape, words))}):\s*")


@lru_cache(maxsize=1)
def _field_openings() -> tuple[str, ...]:
    """The field labels and their colon (structure.toml field_openings)."""
    return tuple(f"{word}:" for word in vocabulary()["field_openings"])


def _clause_breaks(text: str) -> int:
    return text.count(",") + text.count(";") + text.count(":")  # _CLAUSE_BREAKS


def document_is_titled(texts: list[str], folded: list[str] | None = None) -> bool:
    """Whether more of the measures that could carry a heading open with one than not
    (``folded``: the texts folded, when the caller has them)."""
    votes = [_vote(f) for f in (folded if folded is not None else map(fold, texts))]
    return votes.count(True) > votes.count(False)


def measure_titles(texts: list[str], folded: list[str]) -> list[str | None]:
    """Each measure's title: its heading when the document is titled (document_is_titled),
    else None. A measure's opening is read once for its vote and its title (the vote reads
    the text without its edge blanks, which a measure's text already is)."""
    ends: dict[str, int | None] = {}

    def heading_end(text: str) -> int | None:
        end = ends.get(text, ends)
        if end is ends:
            end = ends[text] = _heading_end(text)
        return end

    # The votes are counted only until the measures left cannot change the outcome (each
    # moves the balance by one at most): seed 000's sentences outvote its headings by its
    # 42nd measure of 82, and a titled document's later titles need only _heading_end.
    balance = 0  # headings minus sentences
    left = len(folded)
    for f in folded:
        if balance > left or -balance >= left:
            break
        left -= 1
        vote = _vote(f, heading_end)
        if vote is not None:
            balance += 1 if vote else -1
    if balance <= 0:
        return [None] * len(texts)
    return [
        text[:end].strip(_BLANKS).removeprefix("【")
        if (end := heading_end(f) or _heading_over_a_short_sentence(f))
        else None
        for text, f in zip(texts, folded, strict=True)
    ]


def _heading_over_a_short_sentence(folded: str) -> int | None:
    """In a document whose measures carry titles, a first sentence of one phrase (no clause
    break, on one printed line) is the measure's heading also when the sentence after it is
    shorter: 推进历史文化街区保护。修缮历史建筑40处。 (tests/parsing/documents d63, measure 5),
    建设农村交通安全劝导站。新建劝导站20个。 (fixture styles/jiaotong_cixiang.txt, measure 3).
    The length of the sentence after a heading decides only the document's vote (_vote)."""
    if folded.startswith("【"):
        return None  # a heading or a label in 【】: _heading_end's
    newline = folded.find("\n")
    reach = _PRINTED_LINE + 8  # a heading's length, blanks and its stop: read no further
    stop = _SENTENCE_END.search(folded, 0, min(reach, len(folded) if newline < 0 else newline))
    if stop is None:
        return None
    candidate = folded[: stop.start()].strip(_BLANKS)
    if not candidate or len(candidate) > _PRINTED_LINE or _clause_breaks(candidate):
        return None
    return stop.start() if folded[stop.end() :].strip() else None


def is_purpose_clause(folded: str) -> bool:
    """Whether a measure opens with a purpose or basis clause: "为规范…，制定本办法。"
    (``folded``: the measure's folded text)."""
    body = folded.strip(_BLANKS + "\n")
    if not body.startswith(_PURPOSE):  # its first sentence opens as the body does
        return False
    stop = _SENTENCE_END.search(body)
    first = body[: stop.start()] if stop else body
    return first.startswith(_PURPOSE) and _clause_breaks(first) > 0


def _vote(folded: str, heading_end=_heading_end) -> bool | None:
    """True: opens with a heading; False: opens with a sentence; None: cannot tell."""
    body = folded.strip(_EDGES)
    if body.startswith(_PURPOSE) and is_purpose_clause(body):
        return None
    if body.startswith("【") and _bracketed_heading_end(body.partition("\n")[0]) is not None:
        return heading_end(body) is not None  # 【推进化肥减量增效】推广…。: a heading
    one_line = "\n" not in body
    if one_line and ":" in body[:_LABEL_REACH] and _labelled_body(body) is not None:
        return heading_end(body) is not None  # 加强水资源保护具体措施：…。 (run in)
    if one_line:
        stop = _SENTENCE_END.search(body)
        # Whether only blanks follow the stop, without a copy of the rest where the text
        # ends in another character (body ends in none of _EDGES, other blanks are rare).
        rest = stop.end() if stop else 0
        if stop is None or rest == len(body) or (body[-1].isspace() and not body[rest:].strip()):
            # One sentence introduces nothing: a heading alone ("加强组织领导。") cannot
            # tell; a sentence longer than a heading can be opens the measure with prose,
            # so votes no (the one-sentence measures of tests/parsing/documents d09 and
            # d12, and of seed 000).
            sentence = body[: stop.start()] if stop else body
            if len(sentence) <= _PRINTED_LINE and _clause_breaks(sentence) <= 1:
                return None
            return False
        # A first sentence longer than a printed line is no heading (_heading_end reads
        # the same sentence of a text of one line): most measures, answered here.
        if len(body[: stop.start()].strip(_BLANKS)) > _PRINTED_LINE:
            return False
    return heading_end(body) is not None
