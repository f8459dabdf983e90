"""The readers' data file: what counts as page furniture (data/reading.toml)."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def reading_config() -> dict:
    data = resources.files("taizhang.parsing").joinpath("data/reading.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def compile_lines(patterns: list[str]) -> re.Pattern[str]:
    """One anchored alternation of whole-line patterns."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def limit(name: str) -> int:
    """One of the [limits] of data/reading.toml."""
    return int(reading_config()["limits"][name])
