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
