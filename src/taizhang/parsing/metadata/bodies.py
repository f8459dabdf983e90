"""Names of issuing bodies: whether a text is a list of them, and how they are printed."""

from __future__ import annotations

import re
from functools import lru_cache

from taizhang.parsing.metadata.text import Line, View
from taizhang.parsing.metadata.vocabulary import vocabulary

# Digits and sentence or title punctuation never appear in a body's name.
_NOT_IN_NAME = re.compile(r"[\d,。:;《》“”\"()]")
# Bodies listed together are separated by blanks or 、: "市委、市政府", "中共某市委 某市人民政府".
_NAME_SEPARATOR = re.compile(r"[\s、]+")
_BLANKS = re.compile(r"[ \t\u3000\u00a0]+")
_MAX_LIST_LENGTH = 120  # characters; a longer run is a sentence, not a list of signers


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    return tuple(vocabulary()["issuer"]["body_endings"])


def is_body_name(name: str) -> bool:
    return len(name) >= 2 and not _NOT_IN_NAME.search(name) and name.endswith(_body_endings())


def names_bodies(text: str) -> bool:
    """Whether ``text`` is nothing but the names of one or more bodies."""
    names = [name for name in _NAME_SEPARATOR.split(text) if name]
    return bool(names) and len(text) <= _MAX_LIST_LENGTH and all(map(is_body_name, names))


def printed_names(view: View, lines: list[Line]) -> str:
    """The names on ``lines`` as printed, one space between lines and for any run of blanks."""
    printed = [view.original(line.start, line.end) for line in lines]
    return _BLANKS.sub(" ", " ".join(p.strip() for p in printed))
