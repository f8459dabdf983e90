"""Errors the parser reports to its callers, and what each refusal says in Chinese and English."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


class InputError(Exception):
    """The input cannot be read as a plan document.

    The message is one clear English sentence meant for the person who supplied the file;
    ``reason`` is a short code a user interface turns into its own language with
    :func:`refusal_message` (data/refusals.toml).
    """

    def __init__(self, message: str, *, reason: str = "unreadable"):
        super().__init__(message)
        self.reason = reason


@lru_cache(maxsize=1)
def refusals() -> dict[str, dict[str, str]]:
    """Every refusal reason with its message: {reason: {"zh": …, "en": …}}."""
    data = resources.files("taizhang.parsing").joinpath("data/refusals.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def refusal_message(reason: str, language: str = "zh") -> str:
    """The message for a refusal reason; an unknown reason gets the general one."""
    table = refusals()
    return table.get(reason, table["unreadable"])[language]
