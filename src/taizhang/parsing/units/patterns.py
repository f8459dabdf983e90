"""Gazetteer word lists and wildcard patterns, compiled to regexes."""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def contains(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.search(text))


def is_whole_match(pattern: re.Pattern[str] | None, text: str) -> bool:
    return bool(pattern and pattern.fullmatch(text))


def _wildcard(entry: str) -> str:
    return re.escape(entry).replace(r"\?", ".").replace(r"\*", ".*")


class WholeMatch:
    """Whether a text is one of a list of gazetteer patterns as a whole (``fullmatch`` of
    ``wildcard_alternation``), answered without the regex where the pattern's shape allows:
    "长期*" is a ``startswith``, "*科" an ``endswith``, "*月底*" a search for its word and
    "组织部" a set lookup. A ``.*`` in front of a fullmatch is tried at every length, so the
    alternation of seventeen "*X*" patterns cost more than reading the name it was asked
    about. Patterns of any other shape ("团?委", "*依法治*办") keep the regex.
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
        self.exact = frozenset(exact)
        self.prefixes, self.suffixes = tuple(prefixes), tuple(suffixes)
        self.inner = re.compile(words(inner)) if inner else None
        self.other = wildcard_alternation(other)
        # Every text a pattern of a literal shape matches holds that pattern's word.
        literals = [*exact, *prefixes, *suffixes, *inner]
        self._words = re.compile(words(literals)) if literals else None

    def matches(self, text: str) -> bool:
        return bool(
            text in self.exact
            or (self.prefixes and text.startswith(self.prefixes))
            or (self.suffixes and text.endswith(self.suffixes))
            or (self.inner and self.inner.search(text))
            or (self.other and self.other.fullmatch(text))
        )

    def may_match_within(self, text: str) -> bool:
        """False only when no part of ``text`` can match: it holds none of the literal
        patterns' words and there is no pattern of another shape."""
        return self.other is not None or bool(self._words and self._words.search(text))
