"""The metadata vocabulary (data/metadata.toml), and word lists as regex alternations."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    raw = resources.files("taizhang.parsing").joinpath("data/metadata.toml").read_text("utf-8")
    return tomllib.loads(raw)


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first so that it matches greedily."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
