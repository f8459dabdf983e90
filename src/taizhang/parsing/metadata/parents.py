"""The plan's parents: the documents it says it implements, as printed.

They come from the plan's own title ("贯彻落实《X》实施方案") and from the preamble's basis
clauses. A notice is replaced by the plan it transmits, an alias by the title it stands
for; laws and regulations, the plan itself and repeats are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.metadata.basis import Ref, basis_refs
from taizhang.parsing.metadata.text import BOOK_TITLE, View, compact, word_ends
from taizhang.parsing.metadata.title import Title
from taizhang.parsing.metadata.vocabulary import alternation, vocabulary
from taizhang.parsing.normalize import fold

_MAX_PREAMBLE = 20000  # characters; a preamble never runs this long
_MIN_TITLE_LENGTH = 4  # characters; shorter "titles" are aliases or fragments
# A trailing bracket, "(2020年修订)", stripped before a law's ending is looked at.
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")
_BRACKETS = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=1)
def _transmitted_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A notice's transmitted title, group 1: "…印发〈X〉的通知", then "关于印发X的通知"."""
    notice = vocabulary()["notice"]
    transmit = alternation(notice["transmit_verbs"])
    ending = re.escape(notice["ending"])
    return (
        re.compile(
            rf"(?:{transmit})\s*[〈<《]\s*([^〈〉<>《》]{{2,120}}?)\s*[〉>》]\s*的?{ending}$"
        ),
        re.compile(
            rf"{re.escape(notice['about'])}(?:{transmit})\s*([^〈〉<>《》]{{2,120}}?)的{ending}$"
        ),
    )


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    """ "《X》(以下简称《Y》)": X in group 1, the alias Y in group 2."""
    cues = alternation(vocabulary()["parents"]["alias_cues"])
    return re.compile(rf"《([^《》\n]{{2,120}})》\s*\(\s*(?:{cues})\s*《([^《》\n]{{1,20}})》")


def find_parents(view: View, title: Title | None, body_start: int) -> list[str]:
    """Titles of the documents the plan's title and preamble say it implements.

    The preamble is everything before the plan's work begins (``body_start``, a view
    offset): the covering notice, the purpose and basis, and front matter such as
    总体要求 / 指导思想, where plans also name what they implement (corpus 026 and 064).
    Titles cited inside the measures are the measures' business, not parents."""
    text = view.text
    own = _identity(title.text) if title else None
    aliases = _aliases(text)
    preamble = text[: min(body_start, _MAX_PREAMBLE)]
    found: list[str] = []
    seen = _revised(view, title)  # each title folded and without blanks, found or left out
    for ref in _refs_in_title(view, title) + basis_refs(preamble):
        start, end = _transmitted_title(text, ref)
        start, end = aliases.get(compact(text[start:end]), (start, end))
        name = text[start:end]
        if end - start < _MIN_TITLE_LENGTH or _identity(name) == own or not _is_parent(name):
            continue
        printed = view.original(start, end).strip()
        key = compact(fold(printed))
        if key not in seen:
            found.append(printed)
            seen.add(key)
    return found


def _refs_in_title(view: View, title: Title | None) -> list[Ref]:
    """Documents named in book-title marks inside the plan's own title."""
    if title is None:
        return []
    at = view.text.find(title.text)
    if at < 0:
        return []
    matches = BOOK_TITLE.finditer(view.text, at, at + len(title.text))
    return [Ref(m.start(1), m.end(1)) for m in matches]


def _revised(view: View, title: Title | None) -> set[str]:
    """The documents the plan's own title names after a revision verb (关于修订《X》…的通知:
    metadata.toml revision_verbs), each folded and without blanks: the plan revises them."""
    verbs = tuple(vocabulary()["parents"]["revision_verbs"])
    text = view.text
    return {
        compact(fold(view.original(ref.start, ref.end).strip()))
        for ref in _refs_in_title(view, title)
        if text[: ref.start - 1].endswith(verbs)
    }


def _transmitted_title(text: str, ref: Ref) -> tuple[int, int]:
    """The plan a notice names: 关于印发〈X〉的通知 -> X; other titles stay as they are."""
    name = text[ref.start : ref.end]
    marked, unmarked = _transmitted_patterns()
    m = marked.search(name) or unmarked.search(name)
    return (ref.start + m.start(1), ref.start + m.end(1)) if m else (ref.start, ref.end)


def _aliases(text: str) -> dict[str, tuple[int, int]]:
    """《纲要》 -> where the full title it abbreviates sits, from "《X》(以下简称《纲要》)".

    Most plans name no alias, and those that do name one near its title: the pattern is run
    from the last 《 before the first cue printed after a 《 (no 《 stands between a match's
    opening and its cue, so none opens earlier) to the 》 closing the first 《 after the last
    cue."""
    opening = text.find("《")
    cues = [
        at for at in word_ends(text, tuple(vocabulary()["parents"]["alias_cues"])) if at > opening
    ]
    if opening < 0 or not cues:
        return {}
    start = text.rfind("《", 0, cues[0])
    last_alias = text.find("《", cues[-1])
    end = text.find("》", last_alias) + 1 if last_alias >= 0 else 0
    pairs = _alias_pattern().finditer(text, start, end or len(text))
    return {compact(m.group(2)): (m.start(1), m.end(1)) for m in pairs}


def _is_parent(name: str) -> bool:
    """Whether a title names a policy document in force that a plan can implement: not a
    law or regulation, not a draft or a request for comments, not a bare kind of document."""
    return not (_is_law(name) or _is_draft(name) or _is_bare_kind(name))


def _is_law(name: str) -> bool:
    words = vocabulary()["parents"]
    bare = _TRAILING_BRACKET.sub("", name).strip()
    return bare.endswith(tuple(words["law_endings"])) and not bare.endswith(
        tuple(words["not_law_endings"])
    )


def _is_draft(name: str) -> bool:
    """ "X(征求意见稿)", "关于征求《X》意见的通知": a draft is not yet in force (corpus 007
    is such a request; test_metadata cites one in a preamble)."""
    return any(marker in name for marker in vocabulary()["parents"]["draft_markers"])


def _is_bare_kind(name: str) -> bool:
    """ "若干意见", "实施方案": a kind of document with generic words and no subject is a
    back-reference to a title named before it, not another document (test_metadata)."""
    bare = compact(_TRAILING_BRACKET.sub("", name))
    kinds = _kinds_longest_first()
    if not bare.endswith(kinds):
        return False
    rest = bare[: -len(next(kind for kind in kinds if bare.endswith(kind)))]
    for word in vocabulary()["parents"]["generic_words"]:
        rest = rest.replace(word, "")
    return not rest


@lru_cache(maxsize=1)
def _kinds_longest_first() -> tuple[str, ...]:
    return tuple(sorted(vocabulary()["title"]["kinds"], key=len, reverse=True))


def _identity(name: str) -> str:
    """A title without blanks and bracketed remarks: the plan's own title printed with or
    without its period or a draft marker is still the plan itself."""
    return compact(_BRACKETS.sub("", name))
