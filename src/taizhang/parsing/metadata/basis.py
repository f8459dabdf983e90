"""The titles a preamble names as the plan's basis: "为贯彻落实《X》,根据《Y》…,制定本方案".

A title counts when a basis verb governs it with no end of the basis clause in between,
or when it is followed by "确立的 / 确定的" (the plan serves goals it set). Sentences about
past work ("近年来,按照《…》…") are skipped. Where a site stripped the marks, only titles
whose boundaries can be read without them count: notices ("关于印发X的通知") and titles
carrying a period ("…纲要(2020-2025年)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from taizhang.parsing.metadata.vocabulary import alternation, vocabulary

_INDENT = " \t\u3000\u2002"
_BLANKED = "\x00"  # stands in for the characters of a title, so cues match outside titles
_MAX_CLAUSE = 400  # characters; a basis clause is short, and the cap keeps run-on text linear


@dataclass(frozen=True)
class Ref:
    """A title's content in the view text, its marks excluded."""

    start: int
    end: int


@dataclass(frozen=True)
class _Patterns:
    alias_before: re.Pattern[str]  # "(以下简称《" right before a title: an alias, not a basis
    basis_verb: re.Pattern[str]
    clause_end: re.Pattern[str]  # an end of the basis clause that is not itself a basis
    between_titles: re.Pattern[str]  # what may stand between titles of one list
    backward_cue: re.Pattern[str]
    plain_verb: re.Pattern[str]  # basis verbs in text without marks
    plain_clause_end: re.Pattern[str]
    plain_notice: re.Pattern[str]  # "关于印发X的通知", X in group 1
    plain_piece: re.Pattern[str]  # one item of a list split on 、 , ;
    plain_lead: re.Pattern[str]  # verbs, joiners and a central issuer before a title
    plain_period_title: re.Pattern[str]  # "…纲要(2020-2025年)"


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = vocabulary()["parents"]
    notice = vocabulary()["notice"]
    kind = alternation(vocabulary()["title"]["kinds"])
    verbs = alternation(words["verbs"])
    conjunctions = alternation(words["conjunctions"])
    end_cues = alternation(words["end_cues"])
    plain_notice = (
        rf"{re.escape(notice['about'])}(?:{alternation(notice['transmit_verbs'])})"
        rf"(.{{2,80}}?)的{re.escape(notice['ending'])}"
    )
    return _Patterns(
        # "为" as in "以下简称为《…》".
        alias_before=re.compile(rf"(?:{alternation(words['alias_cues'])})\s*(?:为)?\s*《$"),
        basis_verb=re.compile(rf"{verbs}|(?:{alternation(words['title_verbs'])})(?=《)"),
        clause_end=re.compile(rf"(?:{end_cues})(?!《)"),
        between_titles=re.compile(rf"(?:》|\([^()\n]{{0,30}}\)|、|{conjunctions}|《{_BLANKED}*)*"),
        backward_cue=re.compile(alternation(words["backward_cues"])),
        plain_verb=re.compile(verbs),
        plain_clause_end=re.compile(end_cues),
        plain_notice=re.compile(plain_notice),
        plain_piece=re.compile(rf"(?:[^、,;{_BLANKED})]|\)(?!{conjunctions}))+\)?"),
        plain_lead=re.compile(
            rf"^(?:{verbs}|{conjunctions})*(?:{alternation(words['issuer_prefixes'])})?"
        ),
        plain_period_title=re.compile(
            rf"[^\s{_BLANKED}]{{2,50}}?(?:{kind})\s*\(\s*\d{{4}}\s*-?\s*\d{{4}}\s*年?\s*\)"
        ),
    )


def basis_refs(preamble: str) -> list[Ref]:
    """The titles the preamble names as the plan's basis, in order."""
    past_cues = tuple(vocabulary()["parents"]["past_cues"])
    refs: list[Ref] = []
    for start, end in _sentences_naming_titles(preamble):
        if preamble[start:end].lstrip(_INDENT).startswith(past_cues):
            continue
        marked = _marked_titles(preamble, start, end)
        if marked:
            # the sentence with its titles blanked, once for all of them
            outside = _blank_titles(preamble, start, end, marked)
            refs += [ref for ref in marked if _is_governed(outside, start, ref)]
        else:
            refs += _unmarked_titles(preamble, start, end)
    return refs


def _sentences_naming_titles(text: str) -> list[tuple[int, int]]:
    """The sentences (between 。 and line breaks) that may name a
    title: each title opens with 《, is a notice (关于印发X的通知) or ends with a bracketed
    period. The others (most of a preamble: a page's menu and fields, the paragraphs of
    总体要求) are passed over without being cut out."""
    spans: list[tuple[int, int]] = []
    for sign in _title_sign().finditer(text):
        at = sign.start()
        if spans and at < spans[-1][1]:
            continue  # in the sentence just taken
        start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
        ends = [end for end in (text.find("。", at), text.find("\n", at)) if end >= 0]
        spans.append((start, min(ends, default=len(text))))
    return spans


@lru_cache(maxsize=1)
def _title_sign() -> re.Pattern[str]:
    return re.compile(rf"《|{re.escape(vocabulary()['notice']['about'])}|\(")


def _marked_titles(text: str, start: int, end: int) -> list[Ref]:
    """《…》 titles in text[start:end].

    A title left open before the next 《 (a copy lost its 》) ends at the separator before
    it: 、 or a conjunction (corpus 030, and the 和 of test_metadata).
    """
    refs = []
    i = text.find("《", start, end)
    while i >= 0:
        close = text.find("》", i + 1, end)
        reopen = text.find("《", i + 1, end)
        if reopen >= 0 and (close < 0 or reopen < close):
            cut = _open_title_end(text, i + 1, reopen)
            if cut is not None:
                refs.append(Ref(i + 1, cut))
            i = reopen
            continue
        if close < 0:
            break
        refs.append(Ref(i + 1, close))
        i = text.find("《", close + 1, end)
    return refs


def _open_title_end(text: str, start: int, reopen: int) -> int | None:
    for joiner in ("、", "和", "及", "与"):
        if text.endswith(joiner, start, reopen):
            return reopen - len(joiner)
    return None


def _is_governed(outside: str, start: int, ref: Ref) -> bool:
    """Whether a basis verb governs the title, with no end of the basis clause in between
    (``outside``: the sentence from ``start``, its titles blanked)."""
    patterns = _patterns()
    before = outside[: ref.start - start]
    if patterns.alias_before.search(before):
        return False
    verbs = list(patterns.basis_verb.finditer(before))
    ends = list(patterns.clause_end.finditer(before))
    if verbs and (not ends or ends[-1].start() < verbs[-1].start()):
        return True
    return _is_backward_cued(outside, ref.end - start)


def _blank_titles(text: str, start: int, end: int, refs: list[Ref]) -> str:
    """text[start:end] with the contents of titles blanked, so cues match outside titles only
    (``refs`` in order, apart, as _marked_titles finds them)."""
    pieces, at = [], start
    for ref in refs:
        pieces += (text[at : ref.start], _BLANKED * (ref.end - ref.start))
        at = ref.end
    pieces.append(text[at:end])
    return "".join(pieces)


def _is_backward_cued(outside: str, at: int) -> bool:
    """Titles followed by "确立的" / "确定的": the plan serves the goals they set."""
    patterns = _patterns()
    rest_of_list = patterns.between_titles.match(outside, at)
    return patterns.backward_cue.match(outside, rest_of_list.end()) is not None


# The bracketed period every unmarked title ends with (plain_period_title's tail).
_PERIOD_BRACKET = re.compile(r"\(\s*\d{4}\s*-?\s*\d{4}\s*年?\s*\)")


def _unmarked_titles(text: str, start: int, end: int) -> list[Ref]:
    """Titles printed without marks in a basis clause, as on sites that strip them."""
    patterns = _patterns()
    # Each is a notice (关于印发X的通知) or ends with a bracketed period: a sentence with
    # neither names none, and most of a preamble's sentences are such (its verbs' clauses
    # would each be cut into pieces and every piece tried).
    if text.find(vocabulary()["notice"]["about"], start, end) < 0 and (
        _PERIOD_BRACKET.search(text, start, end) is None
    ):
        return []
    refs = []
    for verb in patterns.plain_verb.finditer(text[start:end]):
        clause_start = start + verb.end()
        stop = patterns.plain_clause_end.search(text[clause_start:end])
        clause_end = min(clause_start + stop.start() if stop else end, clause_start + _MAX_CLAUSE)
        clause = text[clause_start:clause_end]
        notices = list(patterns.plain_notice.finditer(clause))
        refs += [Ref(clause_start + m.start(1), clause_start + m.end(1)) for m in notices]
        without_notices = patterns.plain_notice.sub(lambda m: _BLANKED * len(m.group()), clause)
        for piece in patterns.plain_piece.finditer(without_notices):
            ref = _period_title(text, clause_start + piece.start(), clause_start + piece.end())
            if ref:
                refs.append(ref)
    return refs


def _period_title(text: str, start: int, end: int) -> Ref | None:
    """A title with a period in text[start:end], after any verbs and a central issuer."""
    patterns = _patterns()
    lead = patterns.plain_lead.match(text[start:end])
    begin = start + (lead.end() if lead else 0)
    found = patterns.plain_period_title.match(text[begin:end])
    return Ref(begin, begin + found.end()) if found else None
