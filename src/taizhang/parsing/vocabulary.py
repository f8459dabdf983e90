"""Word lists the parser matches on, loaded once from data/structure.toml, and the way
word lists become regexes.

A list of words is compiled as a trie ("牵头(?:单位|部门)|责任(?:单位|部门)") rather than a
flat alternation: the regex engine then reads each character once instead of trying every
word at every position, so one pass over a text costs about the same however long the list.
"""

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    data = resources.files("taizhang.parsing").joinpath("data/structure.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@lru_cache(maxsize=32)
def word_list(key: str) -> tuple[str, ...]:
    """One word list of structure.toml, as a tuple (for ``str.startswith``/``endswith``)."""
    return tuple(vocabulary()[key])


def trie(words: Iterable[str]) -> str:
    """Regex source matching any one of ``words``, the longest where several match at the
    same place (as a longest-first alternation does); "(?!)" for no words."""
    tree = _tree(words)
    return _render(tree) if tree else "(?!)"


def branches(words: Iterable[str], tail: str = "") -> list[str]:
    """The branches of ``trie(words)`` by first character, each followed by ``tail``.

    A pattern that is an alternation of branches each opening with a literal character
    is searched by skipping to those characters at once; a group or a lookahead in front
    makes the engine try every position of the text (three times slower on a long one)."""
    tree = _tree(words)
    return [re.escape(char) + _render(child) + tail for char, child in sorted(tree.items())]


def _tree(words: Iterable[str]) -> dict:
    tree: dict = {}
    for word in words:
        if word:
            node = tree
            for char in word:
                node = node.setdefault(char, {})
            node[""] = {}
    return tree


def _render(node: dict) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group


def first_chars(words: Iterable[str]) -> str:
    """A character class of the characters ``words`` start with, for a lookahead in front of
    a pattern run on short texts (a bracket, a measure). The engine still tries every
    position behind a lookahead: a pattern run over a whole text opens with ``branches``."""
    return "[" + re.escape("".join(sorted({word[0] for word in words if word}))) + "]"
