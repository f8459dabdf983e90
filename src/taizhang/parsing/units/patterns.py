"""Gazetteer word lists and wildcard patterns, compiled to regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable

from taizhang.parsing.vocabulary import branches

NEVER = "(?!)"  # the regex of an empty word list: it matches nothing


def words(entries: Iterable[str]) -> str:
    """Regex source for any one of the literal words, longest first so it wins."""
    return "|".join(map(re.escape, sorted(entries, key=len, reverse=True))) or NEVER


def wildcard_alternation(
    entries: Iterable[str], template: str = "(?:{})"
) -> re.Pattern[str] | None:
    """One regex for gazetteer patterns (``?`` one character, ``*`` any run), or None if none.

    ``template`` wraps the alternation, e.g. ``"(?:{})$"`` to match at the end only.
    """
    parts = sorted({_wildcard(entry) for entry in entries if entry}, key=len, reverse=True)
    return re.compile(template.format("|".join(parts)), re.DOTALL) if parts else None


def literal_first(
    anywhere: Iterable[str], at_end: Iterable[str] = (), end: str = r"\Z"
) -> re.Pattern[str] | None:
    """A search that finds something exactly where the search of
    ``wildcard_alternation(anywhere)`` or of ``wildcard_alternation(at_end, "(?:{})" + end)``
    does (None where both lists are empty), written as branches that each open with a
    literal character: the engine skips to the characters the words open with and tries
    at each only the branches of that character, where an alternation of groups made it
    enter every group at every place (about 2,000 instructions a character of a name).
    Entries with a wildcard are branches of their own."""

    def plain(entries: list[str]) -> list[str]:
        return [entry for entry in entries if entry and "?" not in entry and "*" not in entry]

    def wild(entries: list[str]) -> list[str]:
        return [_literal_led(entry) for entry in entries if "?" in entry or "*" in entry]

    anywhere, at_end = list(anywhere), list(at_end)
    parts = [
        *branches(plain(anywhere)),
        *branches(plain(at_end), end),
        *wild(anywhere),
        *(pattern + end for pattern in wild(at_end)),
    ]
    return re.compile("|".join(parts), re.DOTALL) if parts else None


def contains(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.search(text))


def is_whole_match(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.fullmatch(text))


def _wildcard(entry: str) -> str:
    return re.escape(entry).replace(r"\?", ".").replace(r"\*", ".*")


def _literal_led(entry: str) -> str:
    """``_wildcard(entry)`` for a search that only asks whether it finds something, opening
    on the entry's first literal character: a branch opening with "." (the gazetteer's
    "??派出所") cost the whole alternation its set of first characters, so the engine tried
    every branch at every place of a name (Gazetteer.marked, once per name read). Leading
    "*" find something wherever the rest does (any run, newlines too: DOTALL); leading "?"
    become a lookbehind of as many characters before the literal."""
    rest = entry.lstrip("*")
    wild = len(rest) - len(rest.lstrip("?"))
    if not rest[wild:] or rest[wild] == "*":  # no literal to open on: as written
        return _wildcard(entry)
    first = re.escape(rest[wild])
    behind = f"(?<=.{{{wild}}}{first})" if wild else ""
    return first + behind + _wildcard(rest[wild + 1 :])


class WholeMatch:
    """Whether a text is one of a list of gazetteer patterns as a whole (``fullmatch`` of
    ``wildcard_alternation``), read by the pattern's shape: "长期*" is a prefix anchored
    at the text's start, "*科" a suffix anchored at its end, "*月底*" its word anywhere and
    "组织部" the whole text, all in one search with no ``.*`` (in front of a fullmatch it is
    tried at every length, so the alternation of seventeen "*X*" patterns cost more than
    reading the name it was asked about). Patterns of any other shape ("团?委",
    "*依法治*办") are matched as written, against the whole text.
    ``tests/parsing/test_passes.py`` compares the two on generated names."""

    def __init__(self, entries: Iterable[str]) -> None:
        exact, prefixes, suffixes, inner, other = set(), [], [], [], []
        for entry in filter(None, entries):
            word = entry.strip("*")
            if "?" in entry or "*" in word or not word:
                other.append(entry)
            elif entry == word:
                exact.add(word)
            elif entry == f"*{word}*":
                inner.append(word)
            elif entry == f"{word}*":
                prefixes.append(word)
            elif entry == f"*{word}":
                suffixes.append(word)
            else:  # "**X": a regex as written
                other.append(entry)
        # The entries as a search for any part of a text they could match would find them:
        # a text one matches holds its word (an exact one or a suffix at its end), or
        # matches a pattern of another shape somewhere (Gazetteer.marked).
        self.anywhere = [*prefixes, *inner, *other]
        self.at_end = [*exact, *suffixes]
        self.exact = frozenset(exact)
        self.prefixes, self.suffixes = tuple(prefixes), tuple(suffixes)
        self.inner = re.compile(words(inner)) if inner else None
        self._inner = tuple(inner)
        self.other = wildcard_alternation(other)
        # Every text a pattern of a literal shape matches holds that pattern's word.
        literals = [*exact, *prefixes, *suffixes, *inner]
        # (branches by first character: the alternation of the words, in which a name's
        # prefix such as 州 entered every word opening with it, took twice as long)
        self._words = literal_first(literals)
        # The shapes as one search, each branch anchored as its test reads the text (a
        # word the whole text, a prefix at its start, a suffix at its end, an inner word
        # anywhere, the other patterns the whole text): one call into the regex engine
        # where the tests one after another cost several calls in Python.
        shapes = [
            *([rf"\A(?:{words(exact)})\Z"] if exact else []),
            *([rf"\A(?:{words(prefixes)})"] if prefixes else []),
            *([rf"(?:{words(suffixes)})\Z"] if suffixes else []),
            *([self.inner.pattern] if self.inner else []),
            *([rf"\A{self.other.pattern}\Z"] if self.other else []),
        ]
        # (the search itself: a match, or None; ``matches`` says which as a bool; its
        # source, to be joined with other lists' into one search: Gazetteer.marked)
        self.pattern = "|".join(shapes) or NEVER
        self.search = re.compile(self.pattern, re.DOTALL).search

    def matches(self, text: str) -> bool:
        return self.search(text) is not None

    def may_match_within(self, text: str) -> bool:
        """False only when no part of ``text`` can match: it holds none of the literal
        patterns' words and there is no pattern of another shape."""
        return self.other is not None or bool(self._words and self._words.search(text))

    def literal_words(self) -> list[str] | None:
        """The words of the literal patterns (a text one matches holds one of them), None
        when there is a pattern of another shape, which may match anything."""
        if self.other is not None:
            return None
        return sorted({*self.exact, *self.prefixes, *self.suffixes, *self._inner})
