"""Word lists the parser matches on, loaded once from data/structure.toml."""

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, list[str]]:
    data = resources.files("taizhang.parsing").joinpath("data/structure.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))
